"""How a case moves: a report type's workflow template applied to the case's metadata.
Transitions, recorded events and handovers each give a new SafetyReport; deadlines start,
are met, and end here; closing starts the retention period and reopening lifts it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from workwell.domain.cases.case_events import FOLLOW_UP_DEADLINE, CaseEventKind
from workwell.domain.cases.case_workflow import (
    RECEIVED_AT,
    DeadlineUnit,
    Resolution,
    WorkflowAction,
    WorkflowActor,
    WorkflowTemplate,
)
from workwell.domain.cases.deadlines import days_after, end_of_local_day, months_after, working_days_after
from workwell.domain.errors import Forbidden, InvalidInput, InvalidTransition
from workwell.domain.reports.report_types import ReportType
from workwell.domain.reports.safety_report import (
    MAX_TRANSITIONS_PER_CASE,
    SafetyReport,
    StatusChange,
    latest_expiry,
)


def due_after(start: datetime, amount: int, unit: DeadlineUnit) -> datetime:
    if unit == "days":
        return days_after(start, amount)
    if unit == "workingDays":
        return working_days_after(start, amount)
    return months_after(start, amount)


def initial_deadlines(workflow: WorkflowTemplate, received_at: datetime) -> dict[str, datetime]:
    return {
        rule.key: due_after(received_at, rule.amount, rule.unit)
        for rule in workflow.deadlines
        if rule.starts == RECEIVED_AT
    }


class CaseWorkflow:
    """One report type's workflow, as the tenant has configured it."""

    def __init__(self, report_type: ReportType) -> None:
        self.report_type = report_type
        self.template = report_type.workflow

    def actions_for(self, case: SafetyReport, actor: WorkflowActor | None) -> list[WorkflowAction]:
        """What this actor may do with the case now."""
        if actor is None:
            return []
        return [a for a in self.template.actions_from(case.status) if actor in a.allowed]

    def take(
        self,
        case: SafetyReport,
        action_key: str,
        actor: WorkflowActor,
        resolution: Resolution | None,
        now: datetime,
    ) -> SafetyReport:
        action = self.template.action(action_key)
        if action is None:
            raise InvalidInput.at(("body", "action"), "is not an action of this case's workflow")
        if case.status not in action.from_states:
            raise InvalidTransition("This action is not allowed from the case's current state.")
        if actor not in action.allowed:
            raise Forbidden("This action is not yours to take in this case.")
        if len(case.status_history) >= MAX_TRANSITIONS_PER_CASE:
            raise InvalidTransition("This case has reached its limit of state changes.")
        closing = self.template.is_closed_state(action.to)
        if closing and not case.is_open:
            raise InvalidTransition("A closed case is reopened before it is closed again.")
        if closing and resolution is None:
            raise InvalidInput.at(("body", "resolution"), "is required to close a case")
        if not closing and resolution is not None:
            raise InvalidInput.at(("body", "resolution"), "is given only when closing a case")

        deadlines, met = self._deadlines_after_action(case, action.key, now)
        moved = dataclasses.replace(
            case,
            status=action.to,
            updated_at=now,
            deadlines=deadlines,
            met_deadlines=met,
            status_history=(*case.status_history, StatusChange(action.to, now)),
        )
        if closing:
            return dataclasses.replace(
                moved,
                deadlines={},
                closed_at=now,
                resolution=resolution,
                expires_at=self.expiry_when_closed(case, now),
            )
        if not case.is_open:  # reopened: the retention period no longer runs
            return dataclasses.replace(
                moved,
                deadlines={**self._unmet_deadlines(case), **deadlines},
                closed_at=None,
                resolution=None,
                expires_at=latest_expiry(case.received_at),
            )
        return moved

    def _unmet_deadlines(self, case: SafetyReport) -> dict[str, datetime]:
        """The deadlines a closed case left unmet, as they ran before it closed: a reopened
        case owes what it owed."""
        due = {}
        for rule in self.template.deadlines:
            if rule.key in case.met_deadlines:
                continue
            started = self.clock_start(case, rule.key)
            if started is not None:
                due[rule.key] = due_after(started, rule.amount, rule.unit)
        return due

    def clock_start(self, case: SafetyReport, deadline_key: str) -> datetime | None:
        """When a deadline's clock started for this case: at receipt, or when its starting
        action first moved the case; None if it has not started."""
        rule = self.template.rule(deadline_key)
        if rule is None:
            return None
        if rule.starts == RECEIVED_AT:
            return case.received_at
        action = self.template.action(rule.starts)
        if action is None:
            return None
        return next((c.at for c in case.status_history if c.status == action.to), None)

    def record_event(
        self, case: SafetyReport, kind: CaseEventKind, follow_up_on: date | None, now: datetime
    ) -> SafetyReport:
        """The case after an event: deadlines it meets are met; a follow-up date becomes a
        deadline of its own."""
        if not case.is_open:
            raise InvalidTransition("A closed case takes no new events; reopen it first.")
        if kind not in self.template.events:
            raise InvalidInput.at(("body", "kind"), "is not an event this case's workflow records")
        deadlines = dict(case.deadlines)
        met = dict(case.met_deadlines)
        for rule in self.template.deadlines:
            if kind in rule.met_by_events and rule.key in deadlines:
                del deadlines[rule.key]
                met.setdefault(rule.key, now)
        if follow_up_on is not None:
            due = end_of_local_day(follow_up_on)
            if due <= now:
                raise InvalidInput.at(("body", "followUpOn"), "must be a date in the future")
            if due > now + timedelta(days=366):
                raise InvalidInput.at(("body", "followUpOn"), "must be within a year")
            deadlines[FOLLOW_UP_DEADLINE] = due
        return dataclasses.replace(case, deadlines=deadlines, met_deadlines=met, updated_at=now)

    def hand_over(self, case: SafetyReport, new_assignee_id: str, now: datetime) -> SafetyReport:
        if not case.is_open:
            raise InvalidTransition("A closed case cannot be handed over; reopen it first.")
        return dataclasses.replace(case, assignee_id=new_assignee_id, updated_at=now)

    def expiry_when_closed(self, case: SafetyReport, closed_at: datetime) -> datetime:
        """min(closing + the tenant's period, receipt + 5 years)."""
        period = timedelta(days=self.report_type.retention_days_after_closing)
        return min(closed_at + period, latest_expiry(case.received_at))

    def _deadlines_after_action(
        self, case: SafetyReport, action_key: str, now: datetime
    ) -> tuple[dict[str, datetime], dict[str, datetime]]:
        deadlines = dict(case.deadlines)
        met: dict[str, datetime] = dict(case.met_deadlines)
        for rule in self.template.deadlines:
            if action_key in rule.met_by_actions and rule.key in deadlines:
                del deadlines[rule.key]
                met.setdefault(rule.key, now)
        for rule in self.template.deadlines:
            # A clock starts the first time its action is taken (not again after a reopen
            # once the deadline has been met).
            if rule.starts == action_key and rule.key not in deadlines and rule.key not in met:
                deadlines[rule.key] = due_after(now, rule.amount, rule.unit)
        return deadlines, met


def overdue(deadlines: Mapping[str, datetime], now: datetime) -> frozenset[str]:
    return frozenset(key for key, due in deadlines.items() if due < now)
