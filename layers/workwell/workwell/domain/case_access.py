"""Who may see, handle or be named in a safety case: the visibility policy of security.md in
one module. Use cases ask; they never improvise checks.

- Restricted (harassment): the assigned handler, and the tenant's safety managers and HR
  directors as overseers; never anyone recused; never supervisors, coordinators or admins.
- Ordinary: the supervisors of the case's unit, safety staff and HR directors, unless
  recused.
Anything else answers 404, exactly like a case that does not exist."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workwell.domain.principal import Principal
from workwell.domain.report_types import ReportType
from workwell.domain.roles import Role
from workwell.domain.staff import StaffMember
from workwell.domain.tenant_settings import RESTRICTED_HANDLER_ROLES

HARASSMENT_OVERSEER_ROLES = frozenset({Role.SAFETY_MANAGER, Role.HR_DIRECTOR})
ORDINARY_VIEWER_ROLES = RESTRICTED_HANDLER_ROLES


@dataclass(frozen=True)
class CaseAccessFacts:
    """What the policy needs to know about a case: metadata, never content."""

    restricted: bool
    unit: str | None
    assignee_id: str | None
    recused_ids: frozenset[str]


def may_view_case(principal: Principal, case: CaseAccessFacts) -> bool:
    return _may_view(principal.user_id, principal.roles, principal.supervised_units, case)


def member_may_view_case(member: StaffMember, case: CaseAccessFacts) -> bool:
    """The same rule for someone who is not the caller (e.g. an email recipient)."""
    return _may_view(member.user_id, member.roles, frozenset(member.supervised_units), case)


def _may_view(user_id: str, roles: frozenset[Role], units: frozenset[str], case: CaseAccessFacts) -> bool:
    if user_id in case.recused_ids:
        return False  # recusal is absolute
    if case.restricted:
        if user_id == case.assignee_id and roles & RESTRICTED_HANDLER_ROLES:
            return True
        return bool(roles & HARASSMENT_OVERSEER_ROLES)
    if roles & ORDINARY_VIEWER_ROLES:
        return True
    return Role.SUPERVISOR in roles and case.unit is not None and case.unit in units


def may_handle(member: StaffMember, report_type: ReportType, unit: str | None) -> bool:
    """Whether a reporter may choose `member` as the responsible person for a report of
    this type in this unit."""
    for role in member.roles & report_type.handler_roles:
        if role is not Role.SUPERVISOR:
            return True
        if unit is not None and unit in member.supervised_units:
            return True
    return False


def eligible_handlers(
    members: Iterable[StaffMember], report_type: ReportType, unit: str | None
) -> list[StaffMember]:
    return sorted((m for m in members if may_handle(m, report_type, unit)), key=lambda m: (m.name, m.user_id))
