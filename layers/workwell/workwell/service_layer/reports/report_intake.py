"""What a reporter sees before writing: the tenant's report types and the people they may
choose as responsible (and may name to be kept out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workwell.domain.cases.case_access import eligible_handlers
from workwell.domain.errors import InvalidInput
from workwell.domain.reports.report_types import ReportType, report_type_of, report_types_of
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ReportTypeCatalogue:
    settings: TenantSettings
    types: Sequence[ReportType]


@dataclass(frozen=True)
class HandlerChoice:
    report_type: ReportType
    unit: str | None
    handlers: Sequence[StaffMember]
    # The whole staff directory: a reporter may recuse anyone in it, including the person
    # the report concerns, whatever role they hold today.
    recusable: Sequence[StaffMember]


def report_types_for(tenant_id: str, uow: UnitOfWork, *, anonymous: bool) -> ReportTypeCatalogue:
    settings = settings_of(tenant_id, uow).value
    types = [t for t in report_types_of(settings) if t.anonymous_allowed or not anonymous]
    return ReportTypeCatalogue(settings, types)


def handler_choice(
    tenant_id: str,
    type_key: str,
    requested_unit: str | None,
    own_unit: str | None,
    uow: UnitOfWork,
    *,
    anonymous: bool,
) -> HandlerChoice:
    """For the requested unit, else the caller's own (if the tenant knows it)."""
    settings = settings_of(tenant_id, uow).value
    report_type = report_type_of(settings, type_key, anonymous=anonymous)
    if requested_unit is not None and requested_unit not in settings.unit_ids:
        raise InvalidInput.at(("query", "unit"), "is not a unit of this organisation")
    unit = requested_unit or (own_unit if own_unit in settings.unit_ids else None)
    members = [entry.value for entry in uow.staff.members(tenant_id)]
    return HandlerChoice(
        report_type=report_type,
        unit=unit,
        handlers=eligible_handlers(members, report_type, unit),
        recusable=sorted(members, key=lambda m: (m.name, m.user_id)),
    )
