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

from workwell.domain.cases.case_workflow import WorkflowActor
from workwell.domain.reports.report_types import ReportType
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import RESTRICTED_HANDLER_ROLES

HARASSMENT_OVERSEER_ROLES = frozenset({Role.SAFETY_MANAGER, Role.HR_DIRECTOR})
ORDINARY_VIEWER_ROLES = RESTRICTED_HANDLER_ROLES


@dataclass(frozen=True)
class CaseAccessFacts:
    """What the policy needs to know about a case: metadata, never content."""

    restricted: bool
    unit: str | None
    assignee_id: str | None
    # Recused people as blinded tokens (see service_layer.person_blinding): a table dump
    # must not show whom a reporter kept out, often the person the report is about.
    recusal_tokens: frozenset[str]


@dataclass(frozen=True)
class Viewer:
    """Someone whose access is decided: the caller, or a would-be email recipient."""

    user_id: str
    roles: frozenset[Role]
    supervised_units: frozenset[str]
    recusal_token: str

    @classmethod
    def of_principal(cls, principal: Principal, recusal_token: str) -> Viewer:
        return cls(principal.user_id, principal.roles, principal.supervised_units, recusal_token)

    @classmethod
    def of_member(cls, member: StaffMember, recusal_token: str) -> Viewer:
        return cls(member.user_id, frozenset(member.roles), frozenset(member.supervised_units), recusal_token)


def case_actor(viewer: Viewer, case: CaseAccessFacts) -> WorkflowActor | None:
    """The part the viewer plays in the case: its `assignee`, an `overseer` by role, or
    none at all (then the case does not exist for them)."""
    if viewer.recusal_token in case.recusal_tokens:
        return None  # recusal is absolute
    roles = viewer.roles
    if case.restricted:
        if viewer.user_id == case.assignee_id and roles & RESTRICTED_HANDLER_ROLES:
            return "assignee"
        return "overseer" if roles & HARASSMENT_OVERSEER_ROLES else None
    return _ordinary_case_actor(viewer, case)


def _ordinary_case_actor(viewer: Viewer, case: CaseAccessFacts) -> WorkflowActor | None:
    roles = viewer.roles
    supervises_unit = (
        Role.SUPERVISOR in roles and case.unit is not None and case.unit in viewer.supervised_units
    )
    assigned = case.assignee_id is not None and viewer.user_id == case.assignee_id
    # An ordinary case nobody was chosen for is its unit supervisors'.
    # A supervisor handles only while the unit is still theirs (a removed unit ends it).
    holds_role = bool(roles & RESTRICTED_HANDLER_ROLES) or supervises_unit
    if (assigned and holds_role) or (case.assignee_id is None and supervises_unit):
        return "assignee"
    if roles & ORDINARY_VIEWER_ROLES or supervises_unit:
        return "overseer"
    return None


def may_view_case(viewer: Viewer, case: CaseAccessFacts) -> bool:
    return case_actor(viewer, case) is not None


def may_hand_over(viewer: Viewer, case: CaseAccessFacts) -> bool:
    """The assignee, and safety managers and HR directors who may see the case."""
    actor = case_actor(viewer, case)
    return actor == "assignee" or (actor == "overseer" and bool(viewer.roles & HARASSMENT_OVERSEER_ROLES))


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
