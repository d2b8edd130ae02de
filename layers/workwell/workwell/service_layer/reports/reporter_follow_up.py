"""The reporter's side of a case: my reports, my report with its status and messages, and
messages to the handler; signed in, or anonymously with the receipt. A reporter never sees
handlers' internal notes (those are case events, not messages)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workwell.domain.cases.refused_reads import RefusedReadOutcome
from workwell.domain.errors import NotFound
from workwell.domain.reports.report_codes import receipt_digest, receipt_matches
from workwell.domain.reports.safety_report import CaseMessage, MessageAuthor, SafetyReport
from workwell.domain.staff.principal import Principal
from workwell.service_layer.call_context import CallContext, PublicCallContext
from workwell.service_layer.cases.case_messages import message_record, post_case_message
from workwell.service_layer.field_cipher import FieldCipher, RecordContext
from workwell.service_layer.pagination import CursorCodec, PageRequest, cursor_binding
from workwell.service_layer.reports.report_submission import REPORT_RECORD
from workwell.service_layer.unit_of_work import StoredReport, UnitOfWork

MY_REPORTS_QUERY = "GET /reports/mine"


@dataclass(frozen=True)
class ReadableMessage:
    message: CaseMessage
    body: str


@dataclass(frozen=True)
class ReporterView:
    report: SafetyReport
    # The reporter's own answers; left out for receipt holders, so that a lost receipt
    # exposes the conversation at most, not the report itself.
    answers: Mapping[str, str] | None
    messages: Sequence[ReadableMessage]


@dataclass(frozen=True)
class ReportList:
    items: Sequence[SafetyReport]
    next_cursor: str | None


def my_reports(
    ctx: CallContext, limit: int, cursor: str | None, cursors: CursorCodec, uow: UnitOfWork
) -> ReportList:
    """Metadata only: nothing is decrypted, so nothing to audit."""
    principal = ctx.principal
    binding = cursor_binding(principal.tenant_id, principal.user_id, MY_REPORTS_QUERY)
    after = cursors.decode(cursor, binding) if cursor else None
    page = uow.reports.reported_by(principal.tenant_id, principal.user_id, PageRequest(limit, after), ctx.now)
    next_cursor = cursors.encode(page.next_position, binding) if page.next_position else None
    return ReportList(items=page.items, next_cursor=next_cursor)


def my_report(ctx: CallContext, report_id: str, uow: UnitOfWork, cipher: FieldCipher) -> ReporterView:
    stored = _own_report(ctx, report_id, uow, with_messages=True)
    record = RecordContext(ctx.tenant_id, REPORT_RECORD, report_id)
    answers = cipher.decrypt(stored.sealed_content, record)
    return _audited_view(ctx, stored, answers, uow, cipher)


def post_reporter_message(
    ctx: CallContext, report_id: str, body: str, uow: UnitOfWork, cipher: FieldCipher
) -> CaseMessage:
    report = _own_report(ctx, report_id, uow, with_messages=False).report.value
    return post_case_message(ctx, report, MessageAuthor.REPORTER, body, uow=uow, cipher=cipher)


def follow_up(ctx: PublicCallContext, receipt: str, uow: UnitOfWork, cipher: FieldCipher) -> ReporterView:
    stored = _report_of_receipt(ctx, receipt, uow, with_messages=True)
    return _audited_view(ctx, stored, None, uow, cipher)


def post_follow_up_message(
    ctx: PublicCallContext, receipt: str, body: str, uow: UnitOfWork, cipher: FieldCipher
) -> CaseMessage:
    report = _report_of_receipt(ctx, receipt, uow, with_messages=False).report.value
    return post_case_message(ctx, report, MessageAuthor.REPORTER, body, uow=uow, cipher=cipher)


def _own_report(ctx: CallContext, report_id: str, uow: UnitOfWork, *, with_messages: bool) -> StoredReport:
    # Nothing is decrypted before the reporter check below.
    stored = uow.reports.get(ctx.tenant_id, report_id, ctx.now, with_messages=with_messages)
    if stored is None or not _is_reporter(ctx.principal, stored.report.value):
        # Someone else's report is refused exactly like a missing one (case_access_check).
        outcome = RefusedReadOutcome.MISSING if stored is None else RefusedReadOutcome.REFUSED
        uow.refused_reads.count(ctx.tenant_id, ctx.principal.user_id, outcome, ctx.now)
        raise NotFound("Report not found.")
    return stored


def _is_reporter(principal: Principal, report: SafetyReport) -> bool:
    return report.reporter_id is not None and report.reporter_id == principal.user_id


def _report_of_receipt(
    ctx: PublicCallContext, receipt: str, uow: UnitOfWork, *, with_messages: bool
) -> StoredReport:
    digest = receipt_digest(ctx.tenant_id, receipt)
    stored = uow.reports.find_by_receipt(ctx.tenant_id, digest, ctx.now, with_messages=with_messages)
    # The lookup is by digest; the comparison that grants access is constant-time.
    if stored is None or stored.receipt_digest is None:
        raise NotFound("No report matches this receipt.")
    if not receipt_matches(stored.receipt_digest, ctx.tenant_id, receipt):
        raise NotFound("No report matches this receipt.")
    return stored


def _audited_view(
    ctx: CallContext | PublicCallContext,
    stored: StoredReport,
    answers: Mapping[str, str] | None,
    uow: UnitOfWork,
    cipher: FieldCipher,
) -> ReporterView:
    report = stored.report.value
    messages = [
        ReadableMessage(
            m.message,
            cipher.decrypt(
                m.sealed_body, message_record(ctx.tenant_id, report.report_id, m.message.message_id)
            ),
        )
        for m in stored.messages
    ]
    uow.audit.stage(ctx.audit_event("case.read_by_reporter", "case", report.report_id, report.expires_at))
    uow.commit()
    return ReporterView(report=report, answers=answers, messages=messages)
