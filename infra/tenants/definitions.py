"""Read and validate tenant and tenant-group files; every problem is reported with its
file and field, and nothing is returned unless all files are valid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from workwell.domain.tenants.tenant_definition import TenantDefinition, TenantGroupDefinition
from workwell.service_layer.tenants.provisioning import check_group_memberships

TENANTS_DIR = Path(__file__).resolve().parent


class DefinitionError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Definitions:
    tenants: list[TenantDefinition]
    groups: list[TenantGroupDefinition]


def _read(path: Path, problems: list[str]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problems.append(f"{path.name}:{where} not valid YAML")
        return None


def _validation_problems(path: Path, error: ValidationError) -> list[str]:
    return [
        f"{path.name}: {'.'.join(str(p) for p in e['loc']) or '(document)'}: {e['msg']}"
        for e in error.errors(include_input=False)
    ]


def load_definitions(directory: Path = TENANTS_DIR) -> Definitions:
    problems: list[str] = []
    tenants: list[TenantDefinition] = []
    groups: list[TenantGroupDefinition] = []
    for path in sorted(directory.glob("*.yaml")):
        data = _read(path, problems)
        if data is None:
            continue
        try:
            tenant = TenantDefinition.model_validate(data)
        except ValidationError as error:
            problems.extend(_validation_problems(path, error))
            continue
        if tenant.tenant_id != path.stem:
            problems.append(f"{path.name}: tenantId: must equal the file name ({path.stem})")
        problems.extend(
            f"{path.name}: {'.'.join(str(p) for p in loc)}: {message}"
            for loc, message in tenant.service_problems()
        )
        tenants.append(tenant)
    for path in sorted((directory / "groups").glob("*.yaml")):
        data = _read(path, problems)
        if data is None:
            continue
        try:
            groups.append(TenantGroupDefinition.model_validate(data))
        except ValidationError as error:
            problems.extend(_validation_problems(path, error))
    if not problems:
        problems.extend(check_group_memberships(tenants, groups))
    if not tenants and not problems:
        problems.append(f"{directory}: no tenant files found")
    if problems:
        raise DefinitionError(problems)
    return Definitions(tenants=tenants, groups=groups)
