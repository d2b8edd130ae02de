"""Case handling end to end through the template's routes: a full harassment case, who may
see it (and who never may), handover, overdue deadlines, statistics and retention."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

from infra.local.aws_resources import LOCAL_REGION
from tests.conftest import CANARY, json_body
from workwell.adapters.clock import SystemClock

REPORTER = "kokkola-employee-aino"
ASSIGNEE = "kokkola-safetyrep-liisa"
OTHER_REP = "kokkola-safetyrep-jonas"
MANAGER = "kokkola-safetymgr-pekka"
RECUSED_HR = "kokkola-hrdir-sari"
NEVER = [
    "kokkola-supervisor-mikko",  # the reporter's unit supervisor
    "kokkola-coordinator-hanna",
    "kokkola-admin-tuomas",
    OTHER_REP,  # a safety representative the case is not assigned to
    RECUSED_HR,
]


def key() -> dict[str, str]:
    return {"Idempotency-Key": f"test-{uuid.uuid4()}"}


def file_harassment_report(as_person: Any) -> str:
    body = {
        "type": "harassment",
        "answers": {"whatHappened": f"Minua nöyryytettiin palaverissa. {CANARY}"},
        "unitId": "sivistys",
        "handlerId": ASSIGNEE,
        "recusedIds": [RECUSED_HR],
    }
    response = as_person(REPORTER).request("POST", "/reports", body, key())
    assert response.status_code == 201, response.body
    return str(json_body(response)["reportId"])


def take(as_person: Any, user: str, case_id: str, action: str, version: int, **extra: Any) -> Any:
    body = {"action": action, "expectedVersion": version, **extra}
    return as_person(user).request("POST", f"/cases/{case_id}/transitions", body)


def record(as_person: Any, user: str, case_id: str, **event: Any) -> Any:
    return as_person(user).request("POST", f"/cases/{case_id}/events", event, key())


def inbox_ids(as_person: Any, user: str, query: str = "") -> list[str] | None:
    response = as_person(user).request("GET", "/cases" + query)
    if response.status_code == 403:
        return None
    assert response.status_code == 200, response.body
    return [c["caseId"] for c in json_body(response)["items"]]


def items_of(table: str, partition: str) -> list[dict[str, Any]]:
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    response = client.query(
        TableName=table,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": partition}},
    )
    return list(response["Items"])


def test_a_full_harassment_case_from_receipt_to_closing(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)

    listed = json_body(as_person(ASSIGNEE).request("GET", "/cases"))["items"]
    entry = next(c for c in listed if c["caseId"] == case_id)
    assert entry["status"] == "received"
    assert entry["role"] == "assignee"
    assert [d["key"] for d in entry["deadlines"]] == ["acknowledge", "startInvestigation"]
    assert CANARY not in json.dumps(listed), "the inbox carries metadata only"

    detail = json_body(as_person(ASSIGNEE).request("GET", f"/cases/{case_id}"))
    assert CANARY in detail["answers"]["whatHappened"]
    assert detail["version"] == 1
    assert {a["key"] for a in detail["availableActions"]} == {"acknowledge", "close"}

    steps: list[tuple[str, list[dict[str, Any]]]] = [
        ("acknowledge", []),
        (
            "start_investigation",
            [{"kind": "party_heard", "party": "reporter"}, {"kind": "party_heard", "party": "respondent"}],
        ),
        (
            "decide_measures",
            [{"kind": "assessment", "assessment": "yes"}, {"kind": "measure", "measure": "mediation"}],
        ),
        ("start_follow_up", [{"kind": "feedback_given", "note": f"Palaute annettu. {CANARY}"}]),
    ]
    version = 1
    for action, events in steps:
        moved = take(as_person, ASSIGNEE, case_id, action, version)
        assert moved.status_code == 200, moved.body
        version = json_body(moved)["version"]
        for event in events:
            recorded = record(as_person, ASSIGNEE, case_id, **event)
            assert recorded.status_code == 201, recorded.body
            version = json_body(recorded)["version"]
    message = as_person(ASSIGNEE).request(
        "POST", f"/cases/{case_id}/messages", {"body": "Asia on käsitelty."}, key()
    )
    assert message.status_code == 201
    closed = take(as_person, ASSIGNEE, case_id, "close", version, resolution="resolved")
    assert closed.status_code == 200, closed.body

    mine = json_body(as_person(REPORTER).request("GET", f"/reports/{case_id}"))
    assert [c["status"] for c in mine["statusHistory"]] == [
        "received",
        "acknowledged",
        "investigating",
        "measures_decided",
        "follow_up",
        "closed",
    ]
    assert mine["resolution"] == "resolved"
    assert [m["body"] for m in mine["messages"] if m["author"] == "handler"] == ["Asia on käsitelty."]
    assert "Palaute annettu" not in json.dumps(mine), "handlers' notes are not the reporter's"

    file = json_body(as_person(ASSIGNEE).request("GET", f"/cases/{case_id}"))
    assert [e["party"] for e in file["timeline"] if e["kind"] == "party_heard"] == ["reporter", "respondent"]
    assert file["metDeadlines"].keys() >= {"acknowledge", "startInvestigation", "feedback"}

    trail = json_body(as_person(ASSIGNEE).request("GET", f"/cases/{case_id}/audit?limit=100"))["items"]
    actions = [(e["action"], e["actor"]["userId"] if e["actor"] else None) for e in trail]
    assert actions.count(("case.transition", ASSIGNEE)) == 5
    assert ("case.read", ASSIGNEE) in actions
    assert ("case.read_by_reporter", REPORTER) in actions
    assert ("report.submitted", REPORTER) in actions
    assert (
        next(e for e in trail if e["actor"] and e["actor"]["userId"] == ASSIGNEE)["actor"]["name"]
        == "Liisa Niemi"
    )
    assert CANARY not in json.dumps(trail)

    assert case_id in (inbox_ids(as_person, ASSIGNEE, "?closed=true") or [])
    assert case_id not in (inbox_ids(as_person, ASSIGNEE) or [])


def test_closing_sets_every_item_of_the_case_to_expire_with_it(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    as_person(ASSIGNEE).request("POST", f"/cases/{case_id}/messages", {"body": "Kiitos."}, key())
    closed = take(as_person, ASSIGNEE, case_id, "close", 1, resolution="withdrawn", note="Peruttu.")
    assert closed.status_code == 200, closed.body

    case_items = items_of("MainTable", f"TENANT#kokkola#CASE#{case_id}")
    audit_items = items_of("AuditTable", f"TENANT#kokkola#AUDIT#case#{case_id}")
    expiries = {int(i["expires_at"]["N"]) for i in case_items + audit_items}
    assert len(case_items) >= 3
    assert len(audit_items) >= 4
    assert len(expiries) == 1, "every item expires together with the case"
    expected = datetime.now(UTC) + timedelta(days=730)
    assert abs(expiries.pop() - expected.timestamp()) < 120
    assert all("expiry_pending" not in i for i in case_items)

    reopened = take(as_person, MANAGER, case_id, "reopen", 2)
    assert reopened.status_code == 200, reopened.body
    case_items = items_of("MainTable", f"TENANT#kokkola#CASE#{case_id}")
    assert all(
        int(i["expires_at"]["N"]) > (datetime.now(UTC) + timedelta(days=1800)).timestamp() for i in case_items
    )


def test_a_stale_version_is_refused_and_the_version_rises_by_one(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    first = take(as_person, ASSIGNEE, case_id, "acknowledge", 1)
    second = take(as_person, MANAGER, case_id, "close", 1, resolution="unfounded")

    assert first.status_code == 200
    assert second.status_code == 409
    assert json_body(second)["error"]["code"] == "conflict"
    assert json_body(as_person(ASSIGNEE).request("GET", f"/cases/{case_id}"))["version"] == 2


def inbox_entry(as_person: Any, user: str, case_id: str) -> dict[str, Any]:
    listed = json_body(as_person(user).request("GET", "/cases"))["items"]
    return dict(next(c for c in listed if c["caseId"] == case_id))


def test_a_handler_acts_from_the_inbox_without_opening_the_case(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)

    listed = inbox_entry(as_person, ASSIGNEE, case_id)
    acknowledged = take(as_person, ASSIGNEE, case_id, "acknowledge", listed["version"])
    assert acknowledged.status_code == 200, acknowledged.body
    relisted = inbox_entry(as_person, ASSIGNEE, case_id)
    assert relisted["version"] == json_body(acknowledged)["version"] == listed["version"] + 1
    handover = as_person(MANAGER).request(
        "POST",
        f"/cases/{case_id}/assignment",
        {"handlerId": OTHER_REP, "expectedVersion": inbox_entry(as_person, MANAGER, case_id)["version"]},
    )
    assert handover.status_code == 200, handover.body

    trail = json_body(as_person(MANAGER).request("GET", f"/cases/{case_id}/audit?limit=100"))["items"]
    assert not [e for e in trail if e["action"] == "case.read"], "nobody opened the case file"


def test_refused_transitions_say_why(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    not_now = take(as_person, ASSIGNEE, case_id, "decide_measures", 1)
    no_resolution = take(as_person, ASSIGNEE, case_id, "close", 1)
    unknown = take(as_person, ASSIGNEE, case_id, "explode", 1)

    assert (not_now.status_code, json_body(not_now)["error"]["code"]) == (422, "invalid_transition")
    assert json_body(no_resolution)["error"]["details"][0]["loc"] == ["body", "resolution"]
    assert json_body(unknown)["error"]["details"][0]["loc"] == ["body", "action"]
    overseer_event = record(as_person, MANAGER, case_id, kind="note", note="Muistiinpano")
    assert overseer_event.status_code == 403, "only the assignee records events"
    assert json_body(as_person(ASSIGNEE).request("GET", f"/cases/{case_id}"))["version"] == 1


def test_nobody_outside_the_policy_ever_sees_the_harassment_case(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    for user in [*NEVER, "ii-employee-1"]:
        assert case_id not in (inbox_ids(as_person, user) or []), user
        for path in (f"/cases/{case_id}", f"/cases/{case_id}/audit"):
            assert as_person(user).request("GET", path).status_code == 404, (user, path)
        moved = take(as_person, user, case_id, "acknowledge", 1)
        assert moved.status_code == 404, user

    handover = as_person(MANAGER).request(
        "POST", f"/cases/{case_id}/assignment", {"handlerId": OTHER_REP, "expectedVersion": 1}
    )
    assert handover.status_code == 200, handover.body
    assert case_id not in (inbox_ids(as_person, ASSIGNEE) or [])
    assert as_person(ASSIGNEE).request("GET", f"/cases/{case_id}").status_code == 404
    assert case_id in (inbox_ids(as_person, OTHER_REP) or [])

    to_recused = as_person(MANAGER).request(
        "POST", f"/cases/{case_id}/assignment", {"handlerId": RECUSED_HR, "expectedVersion": 2}
    )
    assert json_body(to_recused)["error"]["details"][0]["loc"] == ["body", "handlerId"]


def test_an_unacknowledged_case_is_overdue_after_seven_days(
    as_person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = file_harassment_report(as_person)
    later = datetime.now(UTC) + timedelta(days=8)
    monkeypatch.setattr(SystemClock, "now", lambda self: later)

    overdue = json_body(as_person(ASSIGNEE).request("GET", "/cases?overdue=true"))["items"]
    entry = next(c for c in overdue if c["caseId"] == case_id)
    assert entry["overdue"] is True
    assert [d["key"] for d in entry["deadlines"] if d["overdue"]] == ["acknowledge"]


def test_statistics_suppress_a_unit_with_one_harassment_case(as_person: Any) -> None:
    file_harassment_report(as_person)
    stats = json_body(as_person(MANAGER).request("GET", "/stats/cases"))
    cells = {(c["row"], c["column"]): c["count"] for c in stats["byUnitAndType"]["cells"]}

    assert cells[("sivistys", "harassment")] is None
    assert stats["minimumCellSize"] == 5
    recused = json_body(as_person(RECUSED_HR).request("GET", "/stats/cases"))
    assert recused["byUnitAndType"]["total"] in (0, None)
    assert as_person(ASSIGNEE).request("GET", "/stats/cases").status_code == 403
