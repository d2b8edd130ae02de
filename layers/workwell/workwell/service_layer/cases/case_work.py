"""A handler's work on a case: workflow transitions, recorded events, messages to the
reporter and handover. Each is one commit holding the case's new metadata (conditional on its
version), the timeline entry, the audit event and the outbox message; a close or reopen then
carries the new expiry to the case's other items."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date

from workwell.domain.cases.case_access import may_hand_over, may_handle
from workwell.domain.cases.case_events import (
    HANDOVER_EVENT,
    TRANSITION_EVENT,
    CaseEvent,
    CaseEventDetails,
    CaseEventKind,
    check_event,
)
from workwell.domain.cases.case_handling import CaseWorkflow
from workwell.domain.cases.case_workflow import Resolution
from workwell.domain.errors import Conflict, Forbidden, InvalidInput
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.reports.report_types import case_type_of
from workwell.domain.reports.safety_report import CaseMessage, MessageAuthor, SafetyReport
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases.case_access_check import CASE, CaseInHand, case_in_hand
from workwell.service_layer.cases.case_messages import post_case_message
from workwell.service_layer.field_cipher import FieldCipher, RecordContext
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import StoredEvent, StoredReport, UnitOfWork

EVENT_RECORD = "case_event"
log = logging.getLogger("workwell.cases")


def event_record(tenant_id: str, report_id: str, event_id: str) -> RecordContext:
    """Bound to the case as well as the event, like messages."""
    return RecordContext(tenant_id, EVENT_RECORD, f"{report_id}/{event_id}")


@dataclass(frozen=True)
class Transition:
    action: str
    expected_version: int
    resolution: Resolution | None = None
    note: str | None = None


def transition_case(
    ctx: CallContext,
    report_id: str,
    transition: Transition,
    uow: UnitOfWork,
    cipher: FieldCipher,
    *,
    blinding: PersonBlinding,
) -> Versioned[SafetyReport]:
    held = case_in_hand(ctx, report_id, uow, blinding)
    case = _current(held, transition.expected_version)
    workflow = _workflow_of(ctx, case, uow)
    moved = workflow.take(case, transition.action, held.actor, transition.resolution, ctx.now)
    details = CaseEventDetails(note=transition.note) if transition.note else None
    event = CaseEvent(
        event_id=uuid.uuid4().hex,
        report_id=report_id,
        kind=TRANSITION_EVENT,
        actor_id=ctx.principal.user_id,
        at=ctx.now,
        action=transition.action,
        from_state=case.status,
        to_state=moved.status,
    )
    version = _stage_change(ctx, held, _Change(moved, event, details, "case.transition"), uow, cipher)
    if moved.reporter_id is not None:
        uow.outbox.stage(_outbox(ctx, OutboxKind.STATUS_CHANGED, report_id))
    uow.commit()
    _carry_expiry(held.stored, moved, version, uow)
    return Versioned(moved, version)


def record_event(
    ctx: CallContext,
    report_id: str,
    kind: CaseEventKind,
    details: CaseEventDetails,
    uow: UnitOfWork,
    *,
    cipher: FieldCipher,
    blinding: PersonBlinding,
) -> tuple[CaseEvent, int]:
    """Only the assignee records events. Returns the event and the case's new version."""
    check_event(kind, details)
    held = case_in_hand(ctx, report_id, uow, blinding)
    _require_assignee(held)
    case = held.stored.report.value
    follow_up: date | None = details.follow_up_on
    changed = _workflow_of(ctx, case, uow).record_event(case, kind, follow_up, ctx.now)
    event = CaseEvent(
        event_id=uuid.uuid4().hex, report_id=report_id, kind=kind, actor_id=ctx.principal.user_id, at=ctx.now
    )
    version = _stage_change(ctx, held, _Change(changed, event, details, "case.event_recorded"), uow, cipher)
    uow.commit()
    return event, version


def message_reporter(
    ctx: CallContext,
    report_id: str,
    body: str,
    uow: UnitOfWork,
    cipher: FieldCipher,
    *,
    blinding: PersonBlinding,
) -> CaseMessage:
    """Also to an anonymous reporter: they read it with their receipt."""
    held = case_in_hand(ctx, report_id, uow, blinding)
    _require_assignee(held)
    return post_case_message(
        ctx, held.stored.report.value, MessageAuthor.HANDLER, body, uow=uow, cipher=cipher
    )


def hand_over(
    ctx: CallContext,
    report_id: str,
    handler_id: str,
    expected_version: int,
    uow: UnitOfWork,
    *,
    blinding: PersonBlinding,
) -> Versioned[SafetyReport]:
    """To another eligible handler who is not recused; access moves with the case."""
    held = case_in_hand(ctx, report_id, uow, blinding)
    if not may_hand_over(held.viewer, held.stored.report.value.access_facts()):
        raise Forbidden("Only the assignee, a safety manager or the HR director may hand this case over.")
    case = _current(held, expected_version)
    workflow = _workflow_of(ctx, case, uow)
    if handler_id == case.assignee_id:
        raise InvalidInput.at(("body", "handlerId"), "already handles this case")
    candidate = uow.staff.get(ctx.tenant_id, handler_id)
    eligible = (
        candidate is not None
        and may_handle(candidate.value, workflow.report_type, case.unit)
        and blinding.blind(ctx.tenant_id, handler_id) not in case.recusal_tokens
        and handler_id != case.reporter_id
    )
    if candidate is None or not eligible:
        # One answer for every reason, recusal included: whom a reporter kept out is not told.
        raise InvalidInput.at(("body", "handlerId"), "is not someone who may handle this case")
    if handler_id != ctx.principal.user_id:
        # (Handing to oneself: case_in_hand already made the commit conditional on that entry.)
        uow.staff.stage_expect_version(ctx.tenant_id, handler_id, candidate.version)
    moved = workflow.hand_over(case, handler_id, ctx.now)
    event = CaseEvent(
        event_id=uuid.uuid4().hex,
        report_id=report_id,
        kind=HANDOVER_EVENT,
        actor_id=ctx.principal.user_id,
        at=ctx.now,
        assignee_id=handler_id,
    )
    version = _stage_change(ctx, held, _Change(moved, event, None, "case.handed_over"), uow, None)
    uow.outbox.stage(_outbox(ctx, OutboxKind.HANDED_OVER, report_id, recipient_id=handler_id))
    uow.commit()
    return Versioned(moved, version)


def _current(held: CaseInHand, expected_version: int) -> SafetyReport:
    if held.stored.report.version != expected_version:
        raise Conflict("The case has changed since you loaded it; reload it and try again.")
    return held.stored.report.value


def _require_assignee(held: CaseInHand) -> None:
    if held.actor != "assignee":
        raise Forbidden("Only the case's assignee may do this.")


def _workflow_of(ctx: CallContext, case: SafetyReport, uow: UnitOfWork) -> CaseWorkflow:
    return CaseWorkflow(case_type_of(settings_of(ctx.tenant_id, uow).value, case.type_key))


@dataclass(frozen=True)
class _Change:
    """A case's new metadata with the timeline entry that explains it."""

    case: SafetyReport
    event: CaseEvent
    details: CaseEventDetails | None
    audit_action: str


def _stage_change(
    ctx: CallContext, held: CaseInHand, change: _Change, uow: UnitOfWork, cipher: FieldCipher | None
) -> int:
    before = held.stored.report
    changed, event = change.case, change.event
    version = uow.reports.stage_update(
        changed, before.version, expiry_changed=changed.expires_at != before.value.expires_at
    )
    sealed = None
    if change.details is not None and change.details.as_record() and cipher is not None:
        record = event_record(ctx.tenant_id, changed.report_id, event.event_id)
        sealed = cipher.encrypt(change.details.as_record(), record)
    uow.reports.stage_event(changed, StoredEvent(event, sealed))
    uow.audit.stage(ctx.audit_event(change.audit_action, CASE, changed.report_id, changed.expires_at))
    return version


def _carry_expiry(before: StoredReport, after: SafetyReport, version: int, uow: UnitOfWork) -> None:
    """After the commit: a failure here must not fail the request that was saved. The
    case keeps its `expiry_pending` mark and the next read of the case file finishes it."""
    if after.expires_at == before.report.value.expires_at:
        return
    try:
        uow.retention.propagate(
            StoredReport(Versioned(after, version), before.sealed_content, before.receipt_digest)
        )
    except Exception:
        log.warning("case expiry not yet carried to every item", exc_info=False)


def _outbox(
    ctx: CallContext, kind: OutboxKind, report_id: str, *, recipient_id: str | None = None
) -> OutboxMessage:
    return OutboxMessage(ctx.tenant_id, uuid.uuid4().hex, kind, report_id, ctx.now, recipient_id)
