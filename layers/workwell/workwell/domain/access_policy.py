"""The one place that decides who may use what. Handlers and use cases ask; they never
improvise checks."""

from __future__ import annotations

from dataclasses import dataclass

from workwell.domain.errors import Forbidden
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.roles import Role
from workwell.domain.tenants.tenant_settings import TenantSettings

CASE_HANDLER_ROLES = frozenset(
    {Role.SUPERVISOR, Role.SAFETY_REPRESENTATIVE, Role.SAFETY_MANAGER, Role.HR_DIRECTOR}
)
WELLBEING_AGGREGATE_ROLES = frozenset({Role.WELLBEING_COORDINATOR, Role.HR_DIRECTOR, Role.TENANT_ADMIN})


@dataclass(frozen=True)
class Features:
    """Which parts of the service are open to a person (the front end shows these)."""

    safety_reports: bool
    case_handling: bool
    service_tray: bool
    wellbeing_aggregates: bool
    tenant_administration: bool


def features_for(principal: Principal, settings: TenantSettings) -> Features:
    return Features(
        safety_reports=True,
        case_handling=bool(principal.roles & CASE_HANDLER_ROLES),
        # The tray opens per employee group (staged rollout).
        service_tray=settings.tray_open_for(principal.identity.group),
        wellbeing_aggregates=bool(principal.roles & WELLBEING_AGGREGATE_ROLES),
        tenant_administration=principal.has_role(Role.TENANT_ADMIN),
    )


def require_any_role(principal: Principal, *roles: Role) -> None:
    """A route the caller's role may never use answers 403 (security.md)."""
    if not principal.roles.intersection(roles):
        raise Forbidden("Your role does not allow this.")


def require_tenant_admin(principal: Principal) -> None:
    require_any_role(principal, Role.TENANT_ADMIN)
