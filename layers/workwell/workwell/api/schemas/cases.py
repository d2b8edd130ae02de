"""Request and response models of the cases function. Lists carry metadata only; report
content, notes and messages appear only in the case file."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

from pydantic import StringConstraints

from workwell.api.schemas.reports import MessageText, MessageView, NamedPerson, language_for
from workwell.domain.audit import AuditEvent
from workwell.domain.cases.case_events import (
    FOLLOW_UP_DEADLINE,
    Assessment,
    CaseEventDetails,
    CaseEventKind,
    Measure,
    Party,
)
from workwell.domain.cases.case_handling import CaseWorkflow, overdue
from workwell.domain.cases.case_workflow import Resolution, WorkflowActor, WorkflowTemplate
from workwell.domain.identifiers import UserId
from workwell.domain.localised_text import Language, localised
from workwell.domain.model_base import CamelModel
from workwell.domain.reports.report_types import case_type_of
from workwell.domain.reports.safety_report import SafetyReport
from workwell.domain.small_numbers import SuppressedTable
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.domain.versioned import ExpectedVersion
from workwell.service_layer.cases.case_inbox import Inbox

if TYPE_CHECKING:
    # Imported where used: a cold start serving the inbox never loads these use cases.
    from workwell.service_layer.cases.case_file import AuditTrail, CaseFile, TimelineEntry
    from workwell.service_layer.cases.case_statistics import CaseStatistics, DeadlineTiming
    from workwell.service_layer.cases.case_work import Transition

ActionKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
NoteText = Annotated[str, StringConstraints(min_length=1, max_length=5_000)]
Version = ExpectedVersion

# ------------------------------------------------------------------ requests


class TransitionRequest(CamelModel):
    action: ActionKey
    expected_version: Version
    resolution: Resolution | None = None
    note: NoteText | None = None

    def transition(self) -> Transition:
        from workwell.service_layer.cases.case_work import Transition

        return Transition(self.action, self.expected_version, self.resolution, self.note)


class CaseEventRequest(CamelModel):
    kind: CaseEventKind
    party: Party | None = None
    assessment: Assessment | None = None
    measure: Measure | None = None
    follow_up_on: date | None = None
    note: NoteText | None = None

    def details(self) -> CaseEventDetails:
        return CaseEventDetails(self.party, self.assessment, self.measure, self.follow_up_on, self.note)


class HandlerMessageRequest(CamelModel):
    body: MessageText


class AssignmentRequest(CamelModel):
    handler_id: UserId
    expected_version: Version


# ------------------------------------------------------------------ responses


class DeadlineView(CamelModel):
    key: str
    label: str
    due_at: datetime
    overdue: bool


class CaseSummaryView(CamelModel):
    case_id: str
    reference: str
    type: str
    type_label: str
    status: str
    status_label: str
    unit_id: str | None
    assignee: NamedPerson | None
    anonymous: bool
    received_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    resolution: str | None
    deadlines: list[DeadlineView]
    overdue: bool
    # What the caller is to the case: its assignee, or an overseer by role.
    role: WorkflowActor
    # The version a transition or handover sends as `expectedVersion`.
    version: int

    @classmethod
    def of(
        cls,
        report: SafetyReport,
        role: WorkflowActor,
        *,
        settings: TenantSettings,
        people: Mapping[str, StaffMember],
        language: str | None,
        now: datetime,
        version: int,
    ) -> CaseSummaryView:
        lang = language_for(language, settings)
        fallback = settings.languages[0]
        workflow = case_type_of(settings, report.type_key).workflow
        state = workflow.state(report.status)
        late = overdue(report.deadlines, now)
        assignee = people.get(report.assignee_id) if report.assignee_id else None
        return cls(
            case_id=report.report_id,
            reference=report.reference,
            type=report.type_key,
            type_label=localised(case_type_of(settings, report.type_key).definition.label, lang, fallback),
            status=report.status,
            status_label=localised(state.label, lang, fallback) if state else report.status,
            unit_id=report.unit,
            assignee=NamedPerson(user_id=assignee.user_id, name=assignee.name) if assignee else None,
            anonymous=report.anonymous,
            received_at=report.received_at,
            updated_at=report.updated_at,
            closed_at=report.closed_at,
            resolution=report.resolution,
            deadlines=[
                DeadlineView(
                    key=key,
                    label=_deadline_label(key, workflow, lang, fallback),
                    due_at=due,
                    overdue=key in late,
                )
                for key, due in sorted(report.deadlines.items(), key=lambda kv: kv[1])
            ],
            overdue=bool(late),
            role=role,
            version=version,
        )


_FOLLOW_UP_LABEL: dict[Language, str] = {"fi": "Seuranta", "sv": "Uppföljning", "en": "Follow-up"}


def _deadline_label(key: str, workflow: WorkflowTemplate, language: Language, fallback: Language) -> str:
    rule = workflow.rule(key)
    if rule is not None:
        return localised(rule.label, language, fallback)
    return localised(_FOLLOW_UP_LABEL, language, fallback) if key == FOLLOW_UP_DEADLINE else key


class CaseListResponse(CamelModel):
    items: list[CaseSummaryView]
    next_cursor: str | None

    @classmethod
    def of(cls, inbox: Inbox, language: str | None, now: datetime) -> CaseListResponse:
        return cls(
            items=[
                CaseSummaryView.of(
                    e.report,
                    e.actor,
                    settings=inbox.settings,
                    people=inbox.people,
                    language=language,
                    now=now,
                    version=e.version,
                )
                for e in inbox.entries
            ],
            next_cursor=inbox.next_cursor,
        )


class ActionView(CamelModel):
    key: str
    label: str
    to: str
    requires_resolution: bool


class TimelineEntryView(CamelModel):
    event_id: str
    kind: str
    at: datetime
    actor: NamedPerson | None
    action: str | None = None
    from_state: str | None = None
    to_state: str | None = None
    assignee: NamedPerson | None = None
    party: str | None = None
    assessment: str | None = None
    measure: str | None = None
    follow_up_on: date | None = None
    note: str | None = None

    @classmethod
    def of(cls, entry: TimelineEntry, people: Mapping[str, StaffMember]) -> TimelineEntryView:
        e, d = entry.event, entry.details or CaseEventDetails()
        return cls(
            event_id=e.event_id,
            kind=e.kind,
            at=e.at,
            actor=_person(e.actor_id, people),
            action=e.action,
            from_state=e.from_state,
            to_state=e.to_state,
            assignee=_person(e.assignee_id, people),
            party=d.party,
            assessment=d.assessment,
            measure=d.measure,
            follow_up_on=d.follow_up_on,
            note=d.note,
        )


def _person(user_id: str | None, people: Mapping[str, StaffMember]) -> NamedPerson | None:
    if user_id is None:
        return None
    member = people.get(user_id)
    return NamedPerson(user_id=user_id, name=member.name if member else user_id)


class CaseDetailResponse(CaseSummaryView):
    answers: dict[str, str]
    met_deadlines: dict[str, datetime]
    timeline: list[TimelineEntryView]
    messages: list[MessageView]
    available_actions: list[ActionView]
    events: list[str]

    @classmethod
    def of_file(cls, file: CaseFile, language: str | None, now: datetime) -> CaseDetailResponse:
        lang = language_for(language, file.settings)
        fallback = file.settings.languages[0]
        workflow: CaseWorkflow = file.workflow
        summary = CaseSummaryView.of(
            file.report,
            file.actor,
            settings=file.settings,
            people=file.people,
            language=language,
            now=now,
            version=file.version,
        )
        return cls(
            **summary.model_dump(),
            answers=dict(file.answers),
            met_deadlines=dict(file.report.met_deadlines),
            timeline=[TimelineEntryView.of(t, file.people) for t in file.timeline],
            messages=[MessageView.of(m) for m in file.messages],
            available_actions=[
                ActionView(
                    key=a.key,
                    label=localised(a.label, lang, fallback),
                    to=a.to,
                    requires_resolution=workflow.template.is_closed_state(a.to),
                )
                for a in file.actions
            ],
            events=list(workflow.template.events) if file.actor == "assignee" and file.report.is_open else [],
        )


class CaseChangedResponse(CamelModel):
    """After a transition or handover: where the case stands, no content."""

    case_id: str
    status: str
    assignee_id: str | None
    version: int
    # False after handing a case over to someone else: the caller can no longer see it.
    still_visible: bool = True


class EventRecordedResponse(CamelModel):
    event_id: str
    at: datetime
    version: int


class AuditEntryView(CamelModel):
    at: datetime
    actor: NamedPerson | None
    action: str
    request_id: str

    @classmethod
    def of(cls, event: AuditEvent, people: Mapping[str, StaffMember]) -> AuditEntryView:
        return cls(
            at=event.at,
            actor=_person(event.actor_id, people),
            action=event.action,
            request_id=event.request_id,
        )


class AuditTrailResponse(CamelModel):
    items: list[AuditEntryView]
    next_cursor: str | None

    @classmethod
    def of(cls, trail: AuditTrail) -> AuditTrailResponse:
        return cls(
            items=[AuditEntryView.of(e, trail.people) for e in trail.events], next_cursor=trail.next_cursor
        )


class CountView(CamelModel):
    key: str
    # None: suppressed (below the minimum, or hidden so that another cannot be recovered).
    count: int | None


class CellView(CamelModel):
    row: str
    column: str
    count: int | None


class StatisticsTableView(CamelModel):
    rows: list[str]
    columns: list[str]
    cells: list[CellView]
    row_totals: list[CountView]
    column_totals: list[CountView]
    total: int | None

    @classmethod
    def of(cls, table: SuppressedTable) -> StatisticsTableView:
        return cls(
            rows=list(table.rows),
            columns=list(table.columns),
            cells=[
                CellView(row=r, column=c, count=table.cells[(r, c)])
                for r in table.rows
                for c in table.columns
            ],
            row_totals=[CountView(key=r, count=table.row_totals[r]) for r in table.rows],
            column_totals=[CountView(key=c, count=table.column_totals[c]) for c in table.columns],
            total=table.total,
        )


class DeadlineTimingView(CamelModel):
    type: str
    deadline: str
    median_days: float | None

    @classmethod
    def of(cls, timing: DeadlineTiming) -> DeadlineTimingView:
        return cls(type=timing.type_key, deadline=timing.deadline, median_days=timing.median_days)


class CaseStatisticsResponse(CamelModel):
    minimum_cell_size: int
    by_unit_and_type: StatisticsTableView
    by_type_and_state: StatisticsTableView
    time_to_meet_deadlines: list[DeadlineTimingView]

    @classmethod
    def of(cls, stats: CaseStatistics) -> CaseStatisticsResponse:
        return cls(
            minimum_cell_size=stats.minimum_cell_size,
            by_unit_and_type=StatisticsTableView.of(stats.by_unit_and_type),
            by_type_and_state=StatisticsTableView.of(stats.by_type_and_state),
            time_to_meet_deadlines=[DeadlineTimingView.of(t) for t in stats.time_to_meet],
        )
