"""Tenant settings: the per-organisation configuration a tenant admin edits."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, StringConstraints, model_validator

from workwell.domain.cases.case_workflow import WorkflowTemplate
from workwell.domain.identifiers import EmailAddress, Slug
from workwell.domain.localised_text import Language, LocalisedText
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.roles import Role

ReportTypeKey = Literal["harassment", "violence_threat", "accident", "near_miss", "hazard_observation"]
DEFAULT_REPORT_TYPES: tuple[str, ...] = get_args(ReportTypeKey)
# Restricted types are seen only by occupational safety staff and the HR director; a tenant
# cannot make an ordinary type restricted or the reverse (security.md).
RESTRICTED_REPORT_TYPES = frozenset({"harassment"})
RESTRICTED_HANDLER_ROLES = frozenset({Role.SAFETY_REPRESENTATIVE, Role.SAFETY_MANAGER, Role.HR_DIRECTOR})
ORDINARY_HANDLER_ROLES = RESTRICTED_HANDLER_ROLES | {Role.SUPERVISOR}


class Unit(CamelModel):
    id: Slug
    name: LocalisedText


class EmployeeGroup(CamelModel):
    id: Slug
    name: LocalisedText


class Rollout(CamelModel):
    """The service tray opens per employee group (pilot groups first)."""

    open_groups: tuple[Slug, ...] = ()


class Retention(CamelModel):
    report_days_after_closing: int = Field(default=730, ge=1, le=1825)
    survey_answer_days: int = Field(default=1095, ge=1, le=1825)


class Deadlines(CamelModel):
    acknowledge_days: int = Field(default=7, ge=1, le=90)
    start_investigation_days: int = Field(default=14, ge=1, le=180)
    feedback_months: int = Field(default=3, ge=1, le=12)
    ordinary_handling_working_days: int = Field(default=10, ge=1, le=60)


class ReportTypeSetting(CamelModel):
    """Per-type rules. Labels and fields come with the type (workwell.domain.reports.report_types);
    handler roles and retention default to the type's and the tenant's own."""

    key: ReportTypeKey
    enabled: bool = True
    anonymous_allowed: bool = False
    handler_roles: tuple[Role, ...] | None = Field(default=None, min_length=1, max_length=4)
    retention_days_after_closing: int | None = Field(default=None, ge=1, le=1825)
    # None: the default workflow of the type (see workwell.domain.cases.case_workflow).
    workflow: WorkflowTemplate | None = None

    @model_validator(mode="after")
    def _handler_roles_fit_the_type(self) -> ReportTypeSetting:
        if self.handler_roles is None:
            return self
        allowed = RESTRICTED_HANDLER_ROLES if self.key in RESTRICTED_REPORT_TYPES else ORDINARY_HANDLER_ROLES
        if not set(self.handler_roles) <= allowed:
            raise ValueError("handlerRoles names a role that may not handle this report type")
        _require_unique("handlerRoles", list(self.handler_roles))
        return self


def _default_report_types() -> tuple[ReportTypeSetting, ...]:
    return tuple(ReportTypeSetting(key=key) for key in DEFAULT_REPORT_TYPES)


class TenantSettings(CamelModel):
    name: LocalisedText
    reference_prefix: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,5}$")]
    languages: tuple[Language, ...] = Field(min_length=1, max_length=3)
    sender: EmailAddress
    units: tuple[Unit, ...] = Field(min_length=1, max_length=500)
    employee_groups: tuple[EmployeeGroup, ...] = Field(min_length=1, max_length=100)
    rollout: Rollout = Rollout()
    minimum_group_size: int = Field(default=5, ge=3, le=50)
    retention: Retention = Retention()
    deadlines: Deadlines = Deadlines()
    report_types: tuple[ReportTypeSetting, ...] = Field(default_factory=_default_report_types, max_length=30)

    @model_validator(mode="after")
    def _consistent(self) -> TenantSettings:
        _require_unique("languages", list(self.languages))
        _require_unique("units", [u.id for u in self.units])
        _require_unique("employeeGroups", [g.id for g in self.employee_groups])
        _require_unique("reportTypes", [t.key for t in self.report_types])
        group_ids = {g.id for g in self.employee_groups}
        for group in self.rollout.open_groups:
            if group not in group_ids:
                raise ValueError("rollout.openGroups names an employee group that does not exist")
        if self.languages[0] not in self.name:
            raise ValueError("name must be given in the tenant's first language")
        return self

    @property
    def unit_ids(self) -> frozenset[str]:
        return frozenset(u.id for u in self.units)

    @property
    def group_ids(self) -> frozenset[str]:
        return frozenset(g.id for g in self.employee_groups)

    def tray_open_for(self, group: str | None) -> bool:
        return group is not None and group in self.rollout.open_groups


def _require_unique(field_name: str, values: list[str]) -> None:
    if len(values) != len(set(values)):
        raise ValueError(f"{field_name} must not repeat an entry")
