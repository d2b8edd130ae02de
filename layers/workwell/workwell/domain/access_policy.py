"""The one place that decides who may use what. Handlers and use cases ask; they never
improvise checks."""

from __future__ import annotations

from workwell.domain.errors import Forbidden
from workwell.domain.principal import Principal
from workwell.domain.roles import Role


def require_any_role(principal: Principal, *roles: Role) -> None:
    """A route the caller's role may never use answers 403 (security.md)."""
    if not principal.roles.intersection(roles):
        raise Forbidden("Your role does not allow this.")


def may_administer_tenant(principal: Principal) -> bool:
    return principal.has_role(Role.TENANT_ADMIN)


def require_tenant_admin(principal: Principal) -> None:
    require_any_role(principal, Role.TENANT_ADMIN)
