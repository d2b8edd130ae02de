"""Workflow templates (what a tenant may configure) and CaseWorkflow (how a case moves)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from tests.unit.report_fixtures import tenant_settings
from workwell.domain.cases.case_handling import CaseWorkflow, initial_deadlines, overdue
from workwell.domain.cases.case_workflow import WorkflowTemplate, default_harassment_workflow
from workwell.domain.errors import Forbidden, InvalidInput, InvalidTransition
from workwell.domain.reports.report_types import case_type_of
from workwell.domain.reports.safety_report import SafetyReport, StatusChange, latest_expiry
from workwell.domain.tenants.tenant_settings import Deadlines

RECEIVED = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday


def template_data(**overrides: Any) -> dict[str, Any]:
    data = default_harassment_workflow(Deadlines()).model_dump(mode="json", by_alias=True)
    data.update(overrides)
    return data


def harassment_case(**overrides: Any) -> SafetyReport:
    workflow = CaseWorkflow(case_type_of(tenant_settings(), "harassment"))
    case = SafetyReport(
        tenant_id="testi",
        report_id="c" * 32,
        reference="TST-AAAA-BBBB",
        type_key="harassment",
        restricted=True,
        unit=None,
        status="received",
        assignee_id="rep-1",
        recusal_tokens=frozenset(),
        reporter_id="emp-1",
        received_at=RECEIVED,
        updated_at=RECEIVED,
        deadlines=initial_deadlines(workflow.template, RECEIVED),
        expires_at=latest_expiry(RECEIVED),
        status_history=(StatusChange("received", RECEIVED),),
    )
    return dataclasses.replace(case, **overrides)


def harassment_workflow() -> CaseWorkflow:
    return CaseWorkflow(case_type_of(tenant_settings(), "harassment"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {
                "states": [
                    {"key": "received", "label": {"fi": "x"}},
                    {"key": "received", "label": {"fi": "y"}, "closed": True},
                ]
            },
            "states must not repeat",
        ),
        (
            {"actions": [{"key": "close", "label": {"fi": "x"}, "from": ["received"], "to": "nowhere"}]},
            "actions[0].to names a state",
        ),
        (
            {"deadlines": [{"key": "x", "label": {"fi": "x"}, "amount": 1, "unit": "days"}]},
            "deadlines[0] must be met",
        ),
        (
            {
                "deadlines": [
                    {
                        "key": "x",
                        "label": {"fi": "x"},
                        "amount": 1,
                        "unit": "days",
                        "starts": "nothing",
                        "metByActions": ["close"],
                    }
                ]
            },
            "deadlines[0].starts",
        ),
    ],
)
def test_an_invalid_template_is_refused_naming_the_part_at_fault(
    change: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        WorkflowTemplate.model_validate(template_data(**change))
    assert message in str(refused.value)


def test_a_state_nothing_leads_to_is_refused() -> None:
    data = template_data()
    data["actions"] = [a for a in data["actions"] if a["key"] != "start_follow_up"]
    with pytest.raises(ValidationError, match="cannot be reached"):
        WorkflowTemplate.model_validate(data)


def test_a_tenant_may_rename_states_and_change_deadlines_without_code() -> None:
    data = template_data()
    data["states"][0]["label"] = {"fi": "Saapunut"}
    data["deadlines"][0]["amount"] = 3
    settings = tenant_settings(reportTypes=[{"key": "harassment", "workflow": data}, {"key": "accident"}])
    workflow = case_type_of(settings, "harassment").workflow

    assert workflow.states[0].label == {"fi": "Saapunut"}
    assert initial_deadlines(workflow, RECEIVED)["acknowledge"] == datetime(
        2026, 11, 26, 21, 59, 59, tzinfo=UTC
    )


def test_acknowledging_meets_its_deadline_and_starts_the_feedback_clock() -> None:
    later = RECEIVED + timedelta(days=2)
    case = harassment_workflow().take(harassment_case(), "acknowledge", "assignee", None, later)

    assert case.status == "acknowledged"
    assert case.met_deadlines == {"acknowledge": later}
    assert set(case.deadlines) == {"startInvestigation", "feedback"}
    assert case.deadlines["feedback"] == datetime(2027, 2, 25, 21, 59, 59, tzinfo=UTC)  # 3 months, Helsinki
    assert [c.status for c in case.status_history] == ["received", "acknowledged"]


def test_a_transition_from_the_wrong_state_or_by_the_wrong_actor_is_refused() -> None:
    workflow = harassment_workflow()
    with pytest.raises(InvalidTransition):
        workflow.take(harassment_case(), "decide_measures", "assignee", None, RECEIVED)
    with pytest.raises(InvalidInput):
        workflow.take(harassment_case(), "close", "assignee", None, RECEIVED)
    restricted = template_data()
    restricted["actions"][0]["allowed"] = ["overseer"]
    settings = tenant_settings(reportTypes=[{"key": "harassment", "workflow": restricted}])
    with pytest.raises(Forbidden):
        CaseWorkflow(case_type_of(settings, "harassment")).take(
            harassment_case(), "acknowledge", "assignee", None, RECEIVED
        )


def test_closing_starts_retention_and_reopening_lifts_it() -> None:
    workflow = harassment_workflow()
    closed_at = RECEIVED + timedelta(days=30)
    closed = workflow.take(harassment_case(), "close", "overseer", "withdrawn", closed_at)

    assert closed.closed_at == closed_at
    assert closed.resolution == "withdrawn"
    assert closed.deadlines == {}
    assert closed.expires_at == closed_at + timedelta(days=730)
    reopened = workflow.take(closed, "reopen", "overseer", None, closed_at + timedelta(days=1))
    assert reopened.is_open
    assert reopened.resolution is None
    assert reopened.expires_at == latest_expiry(RECEIVED)


def test_retention_never_outlasts_five_years_from_receipt() -> None:
    workflow = harassment_workflow()
    late = RECEIVED + timedelta(days=4 * 365)
    closed = workflow.take(harassment_case(), "close", "assignee", "resolved", late)
    assert closed.expires_at == latest_expiry(RECEIVED)


def test_events_meet_their_deadlines_and_a_follow_up_date_becomes_one() -> None:
    workflow = harassment_workflow()
    acknowledged = workflow.take(harassment_case(), "acknowledge", "assignee", None, RECEIVED)
    fed_back = workflow.record_event(acknowledged, "feedback_given", None, RECEIVED + timedelta(days=1))
    assert "feedback" not in fed_back.deadlines
    assert "feedback" in fed_back.met_deadlines

    scheduled = workflow.record_event(fed_back, "follow_up_scheduled", date(2027, 2, 1), RECEIVED)
    assert scheduled.deadlines["followUp"] == datetime(2027, 2, 1, 21, 59, 59, tzinfo=UTC)
    with pytest.raises(InvalidInput):
        workflow.record_event(fed_back, "follow_up_scheduled", date(2026, 1, 1), RECEIVED)


def test_overdue_is_a_deadline_passed_and_not_met() -> None:
    case = harassment_case()
    assert overdue(case.deadlines, RECEIVED + timedelta(days=6)) == frozenset()
    assert overdue(case.deadlines, RECEIVED + timedelta(days=8)) == {"acknowledge"}


def test_a_reopened_case_owes_the_deadlines_it_left_unmet() -> None:
    workflow = harassment_workflow()
    acknowledged = workflow.take(harassment_case(), "acknowledge", "assignee", None, RECEIVED)
    closed = workflow.take(acknowledged, "close", "assignee", "withdrawn", RECEIVED + timedelta(days=3))
    reopened = workflow.take(closed, "reopen", "overseer", None, RECEIVED + timedelta(days=4))

    assert set(reopened.deadlines) == {"startInvestigation", "feedback"}
    assert reopened.deadlines["feedback"] == acknowledged.deadlines["feedback"]


def test_a_template_must_let_every_state_reach_closing_and_not_move_between_closed_states() -> None:
    stuck = template_data()
    stuck["actions"] = [
        *stuck["actions"],
        {"key": "park", "label": {"fi": "x"}, "from": ["received"], "to": "parked"},
        {"key": "unpark", "label": {"fi": "x"}, "from": ["parked"], "to": "parked_too"},
        {"key": "repark", "label": {"fi": "x"}, "from": ["parked_too"], "to": "parked"},
    ]
    stuck["states"] = [
        *stuck["states"],
        {"key": "parked", "label": {"fi": "p"}},
        {"key": "parked_too", "label": {"fi": "q"}},
    ]
    with pytest.raises(ValidationError, match="has no way to a closed state"):
        WorkflowTemplate.model_validate(stuck)

    twice = template_data()
    twice["states"] = [*twice["states"], {"key": "archived", "label": {"fi": "a"}, "closed": True}]
    twice["actions"] = [
        *twice["actions"],
        {"key": "archive", "label": {"fi": "a"}, "from": ["closed"], "to": "archived"},
    ]
    with pytest.raises(ValidationError, match="closed state to a closed state"):
        WorkflowTemplate.model_validate(twice)
