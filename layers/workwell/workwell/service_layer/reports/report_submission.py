"""Submitting a safety report, signed in or anonymously: one transaction holds the report
and its case, the unique reference, the receipt digest, the submission record, the audit
events, the outbox message for the handler, and the checks that the chosen handler and the
tenant's reporting settings (the type's rules) are unchanged since they were read. The unit
is checked against the organisation's units as read but not conditioned on: a unit may be
removed only when nobody supervises it, so a report landing in it just as it goes is one a
moment earlier would have been, and an organisation edit never turns a submission into 409.

The submission record makes the transaction itself exactly-once: if the answer to a request
is lost after the commit (a timeout, a failed idempotency write), its repeat finds the
report it made instead of filing a second one, and an anonymous reporter still gets the
receipt, sealed in that record until the idempotency window closes."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from workwell.domain.cases.case_access import may_handle
from workwell.domain.cases.case_handling import initial_deadlines
from workwell.domain.errors import Conflict, ErrorDetail, IdempotencyConflict, InvalidInput, NotFound
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.reports.report_codes import new_receipt_code, new_reference, receipt_digest
from workwell.domain.reports.report_types import NOT_ANONYMOUS, ReportType, report_type_of
from workwell.domain.reports.safety_report import SafetyReport, StatusChange, latest_expiry
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.service_layer.call_context import CallContext, PublicCallContext
from workwell.service_layer.creation_token import CreationToken
from workwell.service_layer.field_cipher import FieldCipher, RecordContext
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.reports.reporter_contact import seal_contact
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import SubmissionRecord, UnitOfWork

REPORT_RECORD = "report"
RECEIPT_RECORD = "receipt"
MAX_RECUSALS = 10
# Longer than the idempotency window (24 h), so every repeat Powertools lets through finds it.
SUBMISSION_RECORD_LIFETIME = timedelta(hours=25)


@dataclass(frozen=True)
class ReportDraft:
    type_key: str
    answers: Mapping[str, str]
    unit: str | None = None
    handler_id: str | None = None
    recused_ids: Sequence[str] = ()


@dataclass(frozen=True)
class SubmittedReport:
    report: SafetyReport
    # Anonymous only: the receipt sealed for this report (see `open_receipt`); the receipt
    # itself is never stored, only its digest and, for a day, this ciphertext.
    sealed_receipt: str | None
    # The receipt in clear, only for the request that made the report (not for a repeat).
    receipt: str | None = None


def _receipt_record(tenant_id: str, reference: str, token: CreationToken) -> RecordContext:
    """Bound to the report and to the request that made it: a sealed receipt copied into
    another request's record does not open there."""
    return RecordContext(tenant_id, RECEIPT_RECORD, f"{reference}/{token.key}")


def open_receipt(
    tenant_id: str, reference: str, token: CreationToken, sealed_receipt: str, cipher: FieldCipher
) -> str:
    return str(cipher.decrypt(sealed_receipt, _receipt_record(tenant_id, reference, token)))


def submit_report(
    ctx: CallContext | PublicCallContext,
    draft: ReportDraft,
    token: CreationToken,
    uow: UnitOfWork,
    cipher: FieldCipher,
    *,
    blinding: PersonBlinding,
) -> SubmittedReport:
    try:
        return _file_report(ctx, draft, token, uow, cipher=cipher, blinding=blinding)
    except (InvalidInput, NotFound, Conflict) as refused:
        # A repeat of a request whose answer was lost must find its report even if the
        # rules changed since (a handler's role removed, a type switched off).
        earlier = _earlier_submission(ctx, token, uow)
        if earlier is not None:
            return earlier
        if isinstance(refused, Conflict):
            # The handler's entry or the settings changed, or (about once in 10^12) the
            # reference was taken.
            raise Conflict(
                "Something changed while the report was being saved; please send it again."
            ) from None
        raise


def _file_report(
    ctx: CallContext | PublicCallContext,
    draft: ReportDraft,
    token: CreationToken,
    uow: UnitOfWork,
    *,
    cipher: FieldCipher,
    blinding: PersonBlinding,
) -> SubmittedReport:
    anonymous = isinstance(ctx, PublicCallContext)
    tenant_id = ctx.tenant_id
    versioned_settings = settings_of(tenant_id, uow)
    settings = versioned_settings.value
    try:
        report_type = report_type_of(settings, draft.type_key)
    except NotFound:
        raise InvalidInput.at(("body", "type"), "is not a report type this organisation accepts") from None
    if anonymous and not report_type.anonymous_allowed:
        raise InvalidInput.at(("body", "type"), NOT_ANONYMOUS)
    answers = report_type.validate_answers(draft.answers)
    unit = _unit_of(ctx, draft, settings, report_type)
    recused = _checked_choice(ctx, draft, report_type)

    people = uow.staff.get_many(tenant_id, {*recused, *([draft.handler_id] if draft.handler_id else [])})
    if draft.handler_id is not None:
        handler = people.get(draft.handler_id)
        if handler is None or not may_handle(handler.value, report_type, unit):
            raise InvalidInput.at(("body", "handlerId"), "is not someone who may handle this report")
        # Checked again inside the transaction: a role removed meanwhile fails the commit.
        uow.staff.stage_expect_version(tenant_id, draft.handler_id, handler.version)
    # Anyone in the staff directory may be recused, whatever their role today: the person a
    # report concerns may gain a role that would let them see it later. Only ids that are
    # nobody's are refused, so a mistaken recusal cannot pass unnoticed.
    problems = [
        ErrorDetail(("body", "recusedIds", index), "is not a person in this organisation's staff directory")
        for index, user_id in enumerate(draft.recused_ids)
        if user_id not in people
    ]
    if problems:
        raise InvalidInput("The report is not valid.", problems)

    report = SafetyReport(
        tenant_id=tenant_id,
        report_id=uuid.uuid4().hex,
        reference=new_reference(settings.reference_prefix),
        type_key=report_type.key,
        restricted=report_type.restricted,
        unit=unit,
        status=report_type.workflow.initial_state,
        assignee_id=draft.handler_id,
        recusal_tokens=frozenset(blinding.blind(tenant_id, user_id) for user_id in recused),
        reporter_id=None if isinstance(ctx, PublicCallContext) else ctx.principal.user_id,
        received_at=ctx.now,
        updated_at=ctx.now,
        deadlines=initial_deadlines(report_type.workflow, ctx.now),
        expires_at=latest_expiry(ctx.now),
        status_history=(StatusChange(report_type.workflow.initial_state, ctx.now),),
    )
    sealed = cipher.encrypt(answers, RecordContext(tenant_id, REPORT_RECORD, report.report_id))
    receipt = new_receipt_code() if anonymous else None
    sealed_receipt = (
        cipher.encrypt(receipt, _receipt_record(tenant_id, report.reference, token)) if receipt else None
    )
    contact = (
        None
        if isinstance(ctx, PublicCallContext)
        else seal_contact(ctx.principal.identity, report.report_id, cipher)
    )
    uow.reports.stage_create(
        report, sealed, receipt_digest(tenant_id, receipt) if receipt else None, sealed_contact=contact
    )
    uow.reports.stage_submission(
        tenant_id,
        SubmissionRecord(
            token.key,
            report.report_id,
            token.payload_digest,
            sealed_receipt,
            ctx.now + SUBMISSION_RECORD_LIFETIME,
        ),
        ctx.now,
    )
    # The type's rules (enabled, anonymous, handler roles) were read at this version.
    uow.settings.stage_expect_version(tenant_id, "reporting", versioned_settings.reporting.version)
    _stage_audit(ctx, report, uow)
    uow.outbox.stage(
        OutboxMessage(tenant_id, uuid.uuid4().hex, OutboxKind.CASE_RECEIVED, report.report_id, ctx.now)
    )
    uow.commit()
    return SubmittedReport(report, sealed_receipt, receipt)


def _stage_audit(ctx: CallContext | PublicCallContext, report: SafetyReport, uow: UnitOfWork) -> None:
    """Submission, assignment and recusal are each on the record, with ids only."""
    for action, applies in (
        ("report.submitted", True),
        ("case.assigned", report.assignee_id is not None),
        ("case.recusal_recorded", bool(report.recusal_tokens)),
    ):
        if applies:
            uow.audit.stage(ctx.audit_event(action, "case", report.report_id, report.expires_at))


def _earlier_submission(
    ctx: CallContext | PublicCallContext, token: CreationToken, uow: UnitOfWork
) -> SubmittedReport | None:
    """The report this same request already made, if the commit failed because of it."""
    record = uow.reports.submission(ctx.tenant_id, token.key, ctx.now)
    if record is None:
        return None
    if record.payload_digest != token.payload_digest:
        raise IdempotencyConflict("This Idempotency-Key was used with another request body.")
    stored = uow.reports.get(ctx.tenant_id, record.report_id, ctx.now)
    if stored is None:
        return None
    return SubmittedReport(stored.report.value, record.sealed_receipt)


def _unit_of(
    ctx: CallContext | PublicCallContext,
    draft: ReportDraft,
    settings: TenantSettings,
    report_type: ReportType,
) -> str | None:
    """The unit the report concerns: chosen, else the signed-in reporter's own. Ordinary
    reports need one: its supervisors handle them."""
    if draft.unit is not None:
        if draft.unit not in settings.unit_ids:
            raise InvalidInput.at(("body", "unitId"), "is not a unit of this organisation")
        return draft.unit
    own = ctx.principal.identity.unit if isinstance(ctx, CallContext) else None
    if own in settings.unit_ids:
        return own
    if not report_type.restricted:
        raise InvalidInput.at(("body", "unitId"), "is required for this report type")
    return None


def _checked_choice(
    ctx: CallContext | PublicCallContext, draft: ReportDraft, report_type: ReportType
) -> list[str]:
    if report_type.restricted and draft.handler_id is None:
        raise InvalidInput.at(("body", "handlerId"), "is required: choose who handles your report")
    if isinstance(ctx, CallContext) and draft.handler_id == ctx.principal.user_id:
        raise InvalidInput.at(("body", "handlerId"), "must be someone other than yourself")
    recused = list(dict.fromkeys(draft.recused_ids))
    if len(recused) > MAX_RECUSALS:
        raise InvalidInput.at(("body", "recusedIds"), f"may name at most {MAX_RECUSALS} people")
    for index, user_id in enumerate(draft.recused_ids):
        if user_id == draft.handler_id:
            raise InvalidInput.at(("body", "recusedIds", index), "must not include the chosen handler")
    return recused
