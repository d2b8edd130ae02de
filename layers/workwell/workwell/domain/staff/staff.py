"""The staff directory: the single source of truth for privileged roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema, field_serializer, model_validator

from workwell.domain.errors import ErrorDetail
from workwell.domain.identifiers import EmailAddress, Slug, UserId
from workwell.domain.localised_text import Language, ShortText
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.role_grants import PENDING_GRANT_LIFETIME, separation_problem
from workwell.domain.staff.roles import PRIVILEGED_ROLES, Role
from workwell.domain.tenants.tenant_settings import TenantSettings


def _privileged(role: Role) -> Role:
    if role not in PRIVILEGED_ROLES:
        raise ValueError("roles lists only privileged roles; everyone signed in is an employee")
    return role


# A role a tenant admin may ask for: the document offers exactly these, never `employee`.
PrivilegedRole = Annotated[
    Role,
    AfterValidator(_privileged),
    WithJsonSchema({"title": "PrivilegedRole", "type": "string", "enum": sorted(PRIVILEGED_ROLES)}),
]


def _separated(roles: frozenset[Role]) -> frozenset[Role]:
    problem = separation_problem(roles)
    if problem:
        raise ValueError(problem)
    return roles


# A set of roles that obeys separation of duties (the error names `roles`).
SeparatedRoles = Annotated[frozenset[PrivilegedRole], AfterValidator(_separated)]


class PendingGrant(CamelModel):
    """A case-handling role asked for and not yet confirmed: the person does not hold it."""

    role: Role
    change_id: str
    requested_at: datetime


# Kept while it can matter for a grant decision; refreshed at every sign-in.
SIGNED_IN_RETENTION = timedelta(days=400)


@dataclass(frozen=True)
class SignedInAs:
    """What the identity provider said of a staff member when they last signed in: a name
    and address a confirmer of a role grant can trust, unlike those an admin typed in."""

    user_id: str
    name: str | None
    email: str | None
    seen_at: datetime


class _StaffFields(CamelModel):
    """What a person's entry and a request for it share, with the rules they share."""

    name: ShortText
    email: EmailAddress
    language: Language = "fi"
    roles: SeparatedRoles = frozenset()
    supervised_units: tuple[Slug, ...] = Field(default=(), max_length=100)

    @model_validator(mode="after")
    def _roles_fit_together(self) -> _StaffFields:
        if (Role.SUPERVISOR in self.roles) != bool(self.supervised_units):
            raise ValueError("supervisedUnits is required for, and only for, the supervisor role")
        return self

    def problems_against(self, settings: TenantSettings) -> list[ErrorDetail]:
        """Rules that need the tenant's settings: supervised units must exist."""
        return [
            ErrorDetail(("supervisedUnits", index), "unit does not exist in this tenant")
            for index, unit in enumerate(self.supervised_units)
            if unit not in settings.unit_ids
        ]


class StaffMember(_StaffFields):
    """A person's entry: contact, the privileged roles in force (empty while the person's
    only roles are pending grants), and pending grants."""

    user_id: UserId
    pending_grants: tuple[PendingGrant, ...] = Field(default=(), max_length=3)

    @field_serializer("roles")
    def _roles_in_order(self, roles: frozenset[Role]) -> list[PrivilegedRole]:
        # A set has no order; answers and stored documents list roles the same way each time.
        return sorted(roles)

    def pending_at(self, now: datetime) -> tuple[PendingGrant, ...]:
        """Pending grants that have not lapsed."""
        return tuple(g for g in self.pending_grants if now < g.requested_at + PENDING_GRANT_LIFETIME)


class StaffProfile(_StaffFields):
    """What a tenant admin asks for a person: contact and privileged roles. Case-handling
    roles asked for become pending grants (see role_grants)."""

    roles: SeparatedRoles = Field(min_length=1)
