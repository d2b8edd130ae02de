"""A message on a case, from the reporter to the handler or back: sealed, counted on the
case (so the limit holds under concurrent posts), audited and announced in one commit."""

from __future__ import annotations

import uuid

from workwell.domain.errors import Conflict
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.reports.safety_report import (
    MAX_MESSAGES_PER_CASE,
    CaseMessage,
    MessageAuthor,
    SafetyReport,
)
from workwell.service_layer.call_context import CallContext, PublicCallContext
from workwell.service_layer.field_cipher import FieldCipher, RecordContext
from workwell.service_layer.unit_of_work import StoredMessage, UnitOfWork

MESSAGE_RECORD = "case_message"


def message_record(tenant_id: str, report_id: str, message_id: str) -> RecordContext:
    """Bound to the case being read as well as the message: a message item moved into
    another case's partition does not decrypt there."""
    return RecordContext(tenant_id, MESSAGE_RECORD, f"{report_id}/{message_id}")


def post_case_message(
    ctx: CallContext | PublicCallContext,
    report: SafetyReport,
    author: MessageAuthor,
    body: str,
    *,
    uow: UnitOfWork,
    cipher: FieldCipher,
) -> CaseMessage:
    if not report.is_open:
        raise Conflict("This case is closed; it no longer takes messages.")
    if report.message_count >= MAX_MESSAGES_PER_CASE:
        raise Conflict("This case has reached its message limit; contact the other party another way.")
    from_handler = author is MessageAuthor.HANDLER
    message = CaseMessage(
        message_id=uuid.uuid4().hex,
        report_id=report.report_id,
        author=author,
        # The handler is named; the reporter never is (an anonymous one has no id, and a
        # signed-in one is known from the case).
        author_id=ctx.principal.user_id if from_handler and isinstance(ctx, CallContext) else None,
        sent_at=ctx.now,
    )
    sealed = cipher.encrypt(body, message_record(ctx.tenant_id, report.report_id, message.message_id))
    uow.reports.stage_message(report, StoredMessage(message, sealed), MAX_MESSAGES_PER_CASE)
    action = "case.message_to_reporter" if from_handler else "case.message_from_reporter"
    uow.audit.stage(ctx.audit_event(action, "case", report.report_id, report.expires_at))
    kind = OutboxKind.HANDLER_MESSAGE if from_handler else OutboxKind.REPORTER_MESSAGE
    # An anonymous reporter has no address: they learn of a reply through the receipt.
    if not from_handler or report.reporter_id is not None:
        uow.outbox.stage(OutboxMessage(ctx.tenant_id, uuid.uuid4().hex, kind, report.report_id, ctx.now))
    uow.commit()
    return message
