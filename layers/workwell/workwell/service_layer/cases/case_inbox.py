"""The handler's inbox: the cases the caller may see, open ones by nearest deadline (or
closed ones, newest first), with overdue flags; metadata only, so nothing is decrypted.

Cases are read from the tenant's open- or closed-case index and the access policy decides
for each. A page ends only at a case the caller may see (or at the end): a cursor holds the
position of that case, so it can never point at, or count, a case hidden from the caller."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass

from workwell.domain.cases.case_access import Viewer, case_actor
from workwell.domain.cases.case_handling import overdue
from workwell.domain.cases.case_workflow import WorkflowActor
from workwell.domain.errors import Forbidden
from workwell.domain.reports.safety_report import SafetyReport
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import ORDINARY_HANDLER_ROLES, TenantSettings
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases.case_access_check import viewer_of
from workwell.service_layer.pagination import CursorCodec, Position, cursor_binding
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import IndexedCase, UnitOfWork

_INDEX_PAGE = 100


@dataclass(frozen=True)
class InboxFilter:
    closed: bool = False
    status: str | None = None
    type_key: str | None = None
    overdue_only: bool = False
    assigned_to_me: bool = False


@dataclass(frozen=True)
class InboxEntry:
    report: SafetyReport
    actor: WorkflowActor
    overdue: frozenset[str]
    # What a transition or handover from the inbox sends as `expectedVersion`.
    version: int


@dataclass(frozen=True)
class Inbox:
    entries: Sequence[InboxEntry]
    settings: TenantSettings
    people: Mapping[str, StaffMember]
    next_cursor: str | None


def require_handler(principal: Principal) -> None:
    if not principal.roles & ORDINARY_HANDLER_ROLES:
        raise Forbidden("Only case handlers may use this route.")


def visible_cases(
    ctx: CallContext, viewer: Viewer, uow: UnitOfWork, *, closed: bool, after: Position | None = None
) -> Iterator[tuple[IndexedCase, WorkflowActor | None]]:
    """Every case of the index in order, with the part the viewer plays in it (None: the
    case does not exist for them, and nothing of it may leave this function's callers)."""
    while True:
        page = uow.reports.case_index(
            ctx.tenant_id, closed=closed, after=after, limit=_INDEX_PAGE, now=ctx.now
        )
        for indexed in page.cases:
            actor = case_actor(viewer, indexed.report.access_facts()) if indexed.report else None
            yield indexed, actor
        if page.exhausted or not page.cases:
            return
        after = page.cases[-1].position


def case_inbox(
    ctx: CallContext,
    wanted: InboxFilter,
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    cursors: CursorCodec,
    blinding: PersonBlinding,
) -> Inbox:
    require_handler(ctx.principal)
    query = "GET /cases?" + json.dumps(asdict(wanted), sort_keys=True)
    binding = cursor_binding(ctx.tenant_id, ctx.principal.user_id, query)
    after = cursors.decode(cursor, binding) if cursor else None
    viewer = viewer_of(ctx.principal, blinding)
    matches = _matcher(ctx, wanted)
    entries: list[InboxEntry] = []
    resume: Position | None = None
    for indexed, actor in visible_cases(ctx, viewer, uow, closed=wanted.closed, after=after):
        case = indexed.case
        if actor is not None and case is not None and matches(case.value):
            late = overdue(case.value.deadlines, ctx.now)
            entries.append(InboxEntry(case.value, actor, late, case.version))
            if len(entries) == limit:
                resume = indexed.position
                break
    settings = settings_of(ctx.tenant_id, uow).value
    assignees = {e.report.assignee_id for e in entries if e.report.assignee_id}
    people = uow.staff.get_many(ctx.tenant_id, assignees) if assignees else {}
    return Inbox(
        entries=entries,
        settings=settings,
        people={k: v.value for k, v in people.items()},
        next_cursor=cursors.encode(resume, binding) if resume is not None else None,
    )


def _matcher(ctx: CallContext, wanted: InboxFilter) -> Callable[[SafetyReport], bool]:
    def matches(report: SafetyReport) -> bool:
        if wanted.status is not None and report.status != wanted.status:
            return False
        if wanted.type_key is not None and report.type_key != wanted.type_key:
            return False
        if wanted.assigned_to_me and report.assignee_id != ctx.principal.user_id:
            return False
        return not (wanted.overdue_only and not overdue(report.deadlines, ctx.now))

    return matches
