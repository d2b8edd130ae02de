"""Separation of duties for the roles that read harassment reports.

Whoever keeps the staff directory must not be able to make anyone, least of all themselves,
a reader of restricted cases alone. So a tenant admin never holds a case-handling role, and
granting one is four-eyes: the admin's request is a *pending grant* that changes nothing
until a current safety manager or HR director, who is neither the grantee nor the
requester, confirms it. Revoking is immediate. Every step is a `RoleChange` on record,
audited, told to the tenant's overseers and the grantee, and listed as a history."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import Field

from workwell.domain.errors import Conflict, Forbidden, InvalidInput
from workwell.domain.identifiers import EmailAddress, UserId
from workwell.domain.localised_text import Language, ShortText
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.roles import Role

# The roles that open harassment cases (security.md, Who may see what).
CASE_HANDLING_ROLES = frozenset({Role.SAFETY_REPRESENTATIVE, Role.SAFETY_MANAGER, Role.HR_DIRECTOR})
# Who may confirm (or reject) a pending grant: the tenant's overseers of restricted cases.
GRANT_CONFIRMER_ROLES = frozenset({Role.SAFETY_MANAGER, Role.HR_DIRECTOR})
# Who may read the history of role changes.
ROLE_HISTORY_ROLES = frozenset({Role.TENANT_ADMIN, *GRANT_CONFIRMER_ROLES})
# A request nobody confirmed in two weeks lapses: an old, forgotten request must not be
# confirmed by accident months later, when the person's situation may have changed.
PENDING_GRANT_LIFETIME = timedelta(days=14)
# Role changes are kept as long as the longest-lived case they could concern.
ROLE_CHANGE_RETENTION = timedelta(days=5 * 365)

ROLE_CHANGE_ID_PATTERN = r"^[0-9a-f]{26}$"


def separation_problem(roles: frozenset[Role]) -> str | None:
    """The rule every staff entry obeys, whoever writes it (API or provisioning)."""
    if Role.TENANT_ADMIN in roles and roles & CASE_HANDLING_ROLES:
        return (
            "tenant_admin cannot be held together with safety_representative, safety_manager or "
            "hr_director (separation of duties)"
        )
    return None


def new_role_change_id(now: datetime) -> str:
    """Sortable by time (the history lists newest first), random after that."""
    return f"{now:%Y%m%d%H%M%S}{secrets.token_hex(6)}"


class RoleChangeKind(StrEnum):
    GRANT = "grant"
    REVOCATION = "revocation"


class RoleChangeStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    # The admin took the request back (a later PUT without the role, or the person removed).
    WITHDRAWN = "withdrawn"
    # Nobody decided within PENDING_GRANT_LIFETIME; derived when read, never written.
    EXPIRED = "expired"
    # A revocation: in force at once.
    REVOKED = "revoked"


class RoleChange(CamelModel):
    """One grant request (and its decision) or one revocation of a case-handling role."""

    change_id: str = Field(pattern=ROLE_CHANGE_ID_PATTERN)
    tenant_id: str
    user_id: UserId
    role: Role
    kind: RoleChangeKind
    status: RoleChangeStatus
    requested_by: str
    requested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    # Who the grantee is and where they are told, kept here because a revoked person may
    # have left the directory. Staff contact data, not restricted content.
    grantee_name: ShortText
    grantee_email: EmailAddress
    grantee_language: Language = "fi"

    def status_at(self, now: datetime) -> RoleChangeStatus:
        if self.status is RoleChangeStatus.PENDING and now >= self.lapses_at:
            return RoleChangeStatus.EXPIRED
        return self.status

    @property
    def lapses_at(self) -> datetime:
        return self.requested_at + PENDING_GRANT_LIFETIME

    def is_pending(self, now: datetime) -> bool:
        return self.status_at(now) is RoleChangeStatus.PENDING

    def decided(self, status: RoleChangeStatus, by: str, at: datetime) -> RoleChange:
        return self.model_copy(update={"status": status, "decided_by": by, "decided_at": at})


class GrantDecision(StrEnum):
    CONFIRM = "confirm"
    REJECT = "reject"


def may_decide(change: RoleChange, decider_id: str, decider_roles: frozenset[Role], now: datetime) -> bool:
    """Whether this person may confirm or reject this grant now (what a list offers)."""
    return (
        bool(decider_roles & GRANT_CONFIRMER_ROLES)
        and decider_id not in {change.user_id, change.requested_by}
        and change.kind is RoleChangeKind.GRANT
        and change.is_pending(now)
    )


def check_decision(
    change: RoleChange,
    decider_id: str,
    decider_roles: frozenset[Role],
    grantee_roles: frozenset[Role],
    now: datetime,
) -> None:
    """Who may confirm or reject a pending grant, and when it can still be confirmed; the
    reasons may_decide sums up, each with its own answer."""
    if not decider_roles & GRANT_CONFIRMER_ROLES:
        raise Forbidden("Only a safety manager or the HR director can decide on a role grant.")
    if decider_id == change.user_id:
        raise Forbidden("Nobody can decide on a role grant for themselves.")
    if decider_id == change.requested_by:
        raise Forbidden("The person who asked for a role grant cannot also decide on it.")
    if change.kind is not RoleChangeKind.GRANT or not change.is_pending(now):
        raise Conflict("This role grant is no longer pending.")
    if Role.TENANT_ADMIN in grantee_roles:
        raise InvalidInput.at(
            ("path", "grantId"),
            "the grantee now holds tenant_admin, which cannot be held together with a case-handling role",
        )


@dataclass(frozen=True)
class StaffRolePlan:
    """What a tenant admin's PUT of a person's roles does to their case-handling roles."""

    # Roles in force after the write: requested roles other than case-handling ones, and
    # the case-handling roles the person already holds and keeps.
    effective: frozenset[Role]
    # Case-handling roles asked for and not yet held or pending: new pending grants.
    to_request: frozenset[Role]
    # Pending grants the request no longer asks for: withdrawn.
    to_withdraw: frozenset[Role]
    # Case-handling roles held and no longer asked for: revoked at once.
    to_revoke: frozenset[Role]


def plan_role_change(
    requested: frozenset[Role], held: frozenset[Role], pending: frozenset[Role]
) -> StaffRolePlan:
    requested_handling = requested & CASE_HANDLING_ROLES
    return StaffRolePlan(
        effective=frozenset((requested - CASE_HANDLING_ROLES) | (held & requested_handling)),
        to_request=frozenset(requested_handling - held - pending),
        to_withdraw=frozenset(pending - requested),
        to_revoke=frozenset((held & CASE_HANDLING_ROLES) - requested),
    )
