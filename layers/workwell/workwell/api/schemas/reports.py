"""Request and response models of the safety report routes. Requests refuse unknown fields
and never echo input in errors; list responses carry metadata only, never content."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints

from workwell.domain.identifiers import Slug, UserId
from workwell.domain.localised_text import Language, localised
from workwell.domain.model_base import CamelModel
from workwell.domain.reports.report_codes import RECEIPT_PATTERN
from workwell.domain.reports.report_types import FieldKind, ReportType
from workwell.domain.reports.safety_report import MessageAuthor, SafetyReport
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.service_layer.reports.report_intake import HandlerChoice, ReportTypeCatalogue

if TYPE_CHECKING:
    # Imported where used: a cold start serving the report types never loads these use cases.
    from workwell.service_layer.reports.report_submission import ReportDraft, SubmittedReport
    from workwell.service_layer.reports.reporter_follow_up import ReadableMessage, ReporterView

TYPE_KEY_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"
REPORT_ID_PATTERN = r"^[0-9a-f]{32}$"
FieldKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{1,40}$")]
AnswerText = Annotated[str, StringConstraints(max_length=10_000)]
MessageText = Annotated[str, StringConstraints(min_length=1, max_length=5_000)]
Receipt = Annotated[str, StringConstraints(pattern=RECEIPT_PATTERN)]


def language_for(requested: str | None, settings: TenantSettings) -> Language:
    """The requested language if the tenant uses it, else the tenant's first."""
    for language in settings.languages:
        if language == requested:
            return language
    return settings.languages[0]


# ------------------------------------------------------------------ requests


class SubmitReportRequest(CamelModel):
    type: Annotated[str, StringConstraints(pattern=TYPE_KEY_PATTERN)]
    answers: dict[FieldKey, AnswerText] = Field(max_length=20)
    unit_id: Slug | None = None
    handler_id: UserId | None = None
    recused_ids: tuple[UserId, ...] = Field(default=(), max_length=10)

    def draft(self) -> ReportDraft:
        from workwell.service_layer.reports.report_submission import ReportDraft

        return ReportDraft(
            type_key=self.type,
            answers=self.answers,
            unit=self.unit_id,
            handler_id=self.handler_id,
            recused_ids=self.recused_ids,
        )


class ReporterMessageRequest(CamelModel):
    body: MessageText


class FollowUpRequest(CamelModel):
    receipt: Receipt


class FollowUpMessageRequest(CamelModel):
    receipt: Receipt
    body: MessageText


# ------------------------------------------------------------------ responses


class ChoiceOptionView(CamelModel):
    value: str
    label: str


class ReportFieldView(CamelModel):
    key: str
    kind: FieldKind
    label: str
    required: bool
    max_length: int
    options: list[ChoiceOptionView]


class StateView(CamelModel):
    key: str
    label: str
    closed: bool


class ReportTypeView(CamelModel):
    key: str
    label: str
    restricted: bool
    anonymous_allowed: bool
    # Restricted types: the reporter must choose the handler. Ordinary ones: the unit.
    handler_required: bool
    unit_required: bool
    fields: list[ReportFieldView]
    # The states a report of this type moves through, so a reporter can read its status.
    states: list[StateView]

    @classmethod
    def of(cls, report_type: ReportType, language: Language, fallback: Language) -> ReportTypeView:
        definition = report_type.definition
        return cls(
            key=definition.key,
            label=localised(definition.label, language, fallback),
            restricted=report_type.restricted,
            anonymous_allowed=report_type.anonymous_allowed,
            handler_required=report_type.restricted,
            unit_required=not report_type.restricted,
            fields=[
                ReportFieldView(
                    key=f.key,
                    kind=f.kind,
                    label=localised(f.label, language, fallback),
                    required=f.required,
                    max_length=f.max_length,
                    options=[
                        ChoiceOptionView(value=o.value, label=localised(o.label, language, fallback))
                        for o in f.options
                    ],
                )
                for f in definition.fields
            ],
            states=[
                StateView(key=st.key, label=localised(st.label, language, fallback), closed=st.closed)
                for st in report_type.workflow.states
            ],
        )


class UnitView(CamelModel):
    id: str
    name: str


class ReportTypesResponse(CamelModel):
    language: Language
    items: list[ReportTypeView]
    units: list[UnitView]

    @classmethod
    def of(cls, catalogue: ReportTypeCatalogue, requested_language: str | None) -> ReportTypesResponse:
        settings = catalogue.settings
        language = language_for(requested_language, settings)
        fallback = settings.languages[0]
        return cls(
            language=language,
            items=[ReportTypeView.of(t, language, fallback) for t in catalogue.types],
            units=[UnitView(id=u.id, name=localised(u.name, language, fallback)) for u in settings.units],
        )


class PersonView(CamelModel):
    """A handler as a reporter sees them: a name and the roles that make them eligible."""

    user_id: str
    name: str
    roles: list[Role]

    @classmethod
    def of(cls, member: StaffMember, relevant: Iterable[Role]) -> PersonView:
        return cls(user_id=member.user_id, name=member.name, roles=sorted(member.roles & set(relevant)))


class NamedPerson(CamelModel):
    """Someone a reporter may recuse: a name to recognise, an id to send; no roles."""

    user_id: str
    name: str


class HandlersResponse(CamelModel):
    type: str
    unit_id: str | None
    handlers: list[PersonView]
    # Everyone in the staff directory: whom the reporter may recuse.
    recusable: list[NamedPerson]

    @classmethod
    def of(cls, choice: HandlerChoice) -> HandlersResponse:
        return cls(
            type=choice.report_type.key,
            unit_id=choice.unit,
            handlers=[PersonView.of(m, choice.report_type.handler_roles) for m in choice.handlers],
            recusable=[NamedPerson(user_id=m.user_id, name=m.name) for m in choice.recusable],
        )


class SubmittedReportResponse(CamelModel):
    """What a signed-in reporter gets back; cached in plaintext by idempotency, so it holds
    no content."""

    report_id: str
    reference: str
    status: str
    received_at: datetime

    @classmethod
    def of(cls, submitted: SubmittedReport) -> SubmittedReportResponse:
        r = submitted.report
        return cls(report_id=r.report_id, reference=r.reference, status=r.status, received_at=r.received_at)


class AnonymousReportAnswer(CamelModel):
    """What the idempotency record keeps of an anonymous submission: the receipt only
    sealed, so a retry can be answered with it and a table dump cannot read it."""

    reference: str
    sealed_receipt: str
    status: str
    received_at: datetime

    @classmethod
    def of(cls, submitted: SubmittedReport) -> AnonymousReportAnswer:
        r = submitted.report
        if submitted.sealed_receipt is None:
            raise ValueError("an anonymous report has a receipt")
        return cls(
            reference=r.reference,
            sealed_receipt=submitted.sealed_receipt,
            status=r.status,
            received_at=r.received_at,
        )


class AnonymousReportResponse(CamelModel):
    """Shown once; the receipt is the only way back to the case."""

    reference: str
    receipt: str
    status: str
    received_at: datetime

    @classmethod
    def of(cls, answer: AnonymousReportAnswer, receipt: str) -> AnonymousReportResponse:
        return cls(
            reference=answer.reference, receipt=receipt, status=answer.status, received_at=answer.received_at
        )


class ReportSummaryView(CamelModel):
    report_id: str
    reference: str
    type: str
    status: str
    received_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, report: SafetyReport) -> ReportSummaryView:
        return cls(
            report_id=report.report_id,
            reference=report.reference,
            type=report.type_key,
            status=report.status,
            received_at=report.received_at,
            updated_at=report.updated_at,
        )


class MyReportsResponse(CamelModel):
    items: list[ReportSummaryView]
    next_cursor: str | None


class MessageView(CamelModel):
    message_id: str
    author: MessageAuthor
    sent_at: datetime
    body: str

    @classmethod
    def of(cls, readable: ReadableMessage) -> MessageView:
        m = readable.message
        return cls(message_id=m.message_id, author=m.author, sent_at=m.sent_at, body=readable.body)


class StatusChangeView(CamelModel):
    status: str
    at: datetime


class ReportDetailResponse(ReportSummaryView):
    unit_id: str | None
    deadlines: dict[str, datetime]
    resolution: str | None
    status_history: list[StatusChangeView]
    answers: dict[str, str]
    messages: list[MessageView]

    @classmethod
    def of_view(cls, view: ReporterView) -> ReportDetailResponse:
        r = view.report
        return cls(
            **ReportSummaryView.of(r).model_dump(),
            unit_id=r.unit,
            deadlines=dict(r.deadlines),
            resolution=r.resolution,
            status_history=[StatusChangeView(status=c.status, at=c.at) for c in r.status_history],
            answers=dict(view.answers or {}),
            messages=[MessageView.of(m) for m in view.messages],
        )


class FollowUpResponse(CamelModel):
    reference: str
    status: str
    resolution: str | None
    received_at: datetime
    updated_at: datetime
    status_history: list[StatusChangeView]
    messages: list[MessageView]

    @classmethod
    def of(cls, view: ReporterView) -> FollowUpResponse:
        r = view.report
        return cls(
            reference=r.reference,
            status=r.status,
            resolution=r.resolution,
            received_at=r.received_at,
            updated_at=r.updated_at,
            status_history=[StatusChangeView(status=c.status, at=c.at) for c in r.status_history],
            messages=[MessageView.of(m) for m in view.messages],
        )


class MessageSentResponse(CamelModel):
    message_id: str
    sent_at: datetime
