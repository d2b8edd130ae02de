"""The case file a handler reads: the report's content, the timeline and the messages,
decrypted for the caller only after the access check, and every read on the record; and the
case's audit trail, for those who may see the case."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workwell.domain.audit import AuditEvent
from workwell.domain.cases.case_events import CaseEvent, CaseEventDetails
from workwell.domain.cases.case_handling import CaseWorkflow
from workwell.domain.cases.case_workflow import WorkflowAction, WorkflowActor
from workwell.domain.errors import Conflict, RolesChanged
from workwell.domain.reports.report_types import case_type_of
from workwell.domain.reports.safety_report import SafetyReport
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases.case_access_check import CASE, case_in_hand
from workwell.service_layer.cases.case_messages import message_record
from workwell.service_layer.cases.case_work import event_record
from workwell.service_layer.field_cipher import FieldCipher, RecordContext
from workwell.service_layer.pagination import CursorCodec, PageRequest, cursor_binding
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.reports.report_submission import REPORT_RECORD
from workwell.service_layer.reports.reporter_follow_up import ReadableMessage
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class TimelineEntry:
    event: CaseEvent
    details: CaseEventDetails | None


@dataclass(frozen=True)
class CaseFile:
    report: SafetyReport
    version: int
    actor: WorkflowActor
    workflow: CaseWorkflow
    settings: TenantSettings
    answers: Mapping[str, str]
    timeline: Sequence[TimelineEntry]
    messages: Sequence[ReadableMessage]
    actions: Sequence[WorkflowAction]
    # The staff named in the file (assignee, actors), for their names.
    people: Mapping[str, StaffMember]


def open_case(
    ctx: CallContext, report_id: str, uow: UnitOfWork, cipher: FieldCipher, *, blinding: PersonBlinding
) -> CaseFile:
    held = case_in_hand(ctx, report_id, uow, blinding, with_messages=True, with_events=True)
    stored = held.stored
    report = stored.report.value
    settings = settings_of(ctx.tenant_id, uow).value
    workflow = CaseWorkflow(case_type_of(settings, report.type_key))
    # The read is on record, and the reader's roles confirmed (caller_roles), before
    # anything is opened: a reader revoked a moment ago gets nothing decrypted.
    uow.audit.stage(ctx.audit_event("case.read", CASE, report_id, report.expires_at))
    _commit_read(uow)
    answers = cipher.decrypt(stored.sealed_content, RecordContext(ctx.tenant_id, REPORT_RECORD, report_id))
    messages = [
        ReadableMessage(
            m.message,
            cipher.decrypt(m.sealed_body, message_record(ctx.tenant_id, report_id, m.message.message_id)),
        )
        for m in stored.messages
    ]
    timeline = [
        TimelineEntry(
            e.event,
            CaseEventDetails.of_record(
                cipher.decrypt(e.sealed_details, event_record(ctx.tenant_id, report_id, e.event.event_id))
            )
            if e.sealed_details
            else None,
        )
        for e in stored.events
    ]
    named = {
        report.assignee_id,
        *(e.event.actor_id for e in stored.events),
        *(e.event.assignee_id for e in stored.events),
    }
    named |= {m.message.author_id for m in stored.messages}
    people = uow.staff.get_many(ctx.tenant_id, {n for n in named if n})
    if stored.expiry_pending:
        # A close or reopen whose expiry did not reach every item yet: finish it now.
        uow.retention.propagate(stored)
    return CaseFile(
        report=report,
        version=stored.report.version,
        actor=held.actor,
        workflow=workflow,
        settings=settings,
        answers=answers,
        timeline=timeline,
        messages=messages,
        actions=workflow.actions_for(report, held.actor),
        people={k: v.value for k, v in people.items()},
    )


@dataclass(frozen=True)
class AuditTrail:
    events: Sequence[AuditEvent]
    people: Mapping[str, StaffMember]
    next_cursor: str | None


def case_audit_trail(
    ctx: CallContext,
    report_id: str,
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    cursors: CursorCodec,
    blinding: PersonBlinding,
) -> AuditTrail:
    """For those who may see the case, as the case (security.md); reading it is recorded."""
    held = case_in_hand(ctx, report_id, uow, blinding)
    binding = cursor_binding(ctx.tenant_id, ctx.principal.user_id, f"GET /cases/{report_id}/audit")
    after = cursors.decode(cursor, binding) if cursor else None
    page = uow.audit.trail(ctx.tenant_id, CASE, report_id, PageRequest(limit, after), ctx.now)
    people = uow.staff.get_many(ctx.tenant_id, {e.actor_id for e in page.items})
    uow.audit.stage(ctx.audit_event("case.audit_read", CASE, report_id, held.stored.report.value.expires_at))
    _commit_read(uow)
    return AuditTrail(
        events=page.items,
        people={k: v.value for k, v in people.items()},
        next_cursor=cursors.encode(page.next_position, binding) if page.next_position else None,
    )


def _commit_read(uow: UnitOfWork) -> None:
    """A read commits only its audit event, with the condition that the reader's staff
    entry is unchanged (case_in_hand): failing it means the roles changed meanwhile, and the
    case is no longer the caller's to see."""
    try:
        uow.commit()
    except Conflict:
        raise RolesChanged("Case not found.") from None
