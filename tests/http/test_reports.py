"""Safety report routes end to end through the template's routes: signed-in and anonymous
submission, the reporter's side, and what must never leak."""

from __future__ import annotations

import io
import json
import uuid
from typing import Any

import boto3
import pytest
from chalice.test import Client

from infra.local.aws_resources import LOCAL_REGION
from tests.conftest import CANARY, Caller, json_body

RECEIPT_CANARY_NOTE = "the receipt itself must never be stored"


def harassment(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "harassment",
        "answers": {
            "whatHappened": f"Esihenkilö huusi minulle toistuvasti. {CANARY}",
            "peopleInvolved": f"Matti Meikäläinen {CANARY}",
            "toldUnwanted": "yes",
            "hopedOutcome": "Että huutaminen loppuu.",
        },
        "handlerId": "kokkola-safetyrep-liisa",
        "recusedIds": ["kokkola-hrdir-sari"],
    }
    body.update(overrides)
    return body


def key() -> dict[str, str]:
    return {"Idempotency-Key": f"test-{uuid.uuid4()}"}


def raw_dump(table: str) -> str:
    """Everything a table holds, as an operator with read access to it would see it."""
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    items: list[Any] = []
    for page in client.get_paginator("scan").paginate(TableName=table):
        items.extend(page["Items"])
    return json.dumps(items, ensure_ascii=False)


def main_items() -> int:
    return len(json.loads(raw_dump("MainTable"))) + len(json.loads(raw_dump("AuditTable")))


@pytest.fixture
def anonymous(gateway: Client) -> Caller:
    return Caller(gateway, None)


# ------------------------------------------------------------------ signed in


def test_report_types_are_localised_for_the_reporter(as_person: Any) -> None:
    finnish = json_body(as_person("kokkola-employee-aino").request("GET", "/report-types"))
    swedish = json_body(as_person("kokkola-employee-erik").request("GET", "/report-types"))

    assert [t["key"] for t in finnish["items"]] == [
        "harassment",
        "violence_threat",
        "accident",
        "near_miss",
        "hazard_observation",
    ]
    assert finnish["items"][0]["label"] == "Häirintä tai epäasiallinen kohtelu"
    assert finnish["items"][0]["restricted"] is True
    assert swedish["language"] == "sv"
    assert swedish["items"][0]["label"] == "Trakasserier eller osakligt bemötande"
    assert {u["id"] for u in finnish["units"]} >= {"sivistys", "sote"}


def test_a_language_the_tenant_does_not_use_answers_in_its_first(as_person: Any) -> None:
    """As the README says: Kokkola writes Finnish and Swedish, so `lang=en` gets Finnish."""
    english = json_body(as_person("kokkola-employee-aino").request("GET", "/report-types?lang=en"))
    swedish = json_body(as_person("kokkola-employee-aino").request("GET", "/report-types?lang=sv"))

    assert english["language"] == "fi"
    assert english["items"][0]["label"] == "Häirintä tai epäasiallinen kohtelu"
    assert swedish["language"] == "sv"
    assert as_person("kokkola-employee-aino").request("GET", "/report-types?lang=de").status_code == 422


def test_harassment_handlers_are_the_safety_staff_and_the_hr_director(as_person: Any) -> None:
    response = as_person("kokkola-employee-aino").request("GET", "/report-types/harassment/handlers")

    body = json_body(response)
    handlers = {h["userId"] for h in body["handlers"]}
    assert response.status_code == 200
    assert "kokkola-safetyrep-liisa" in handlers
    assert "kokkola-hrdir-sari" in handlers
    assert "kokkola-safetymgr-pekka" in handlers
    assert "kokkola-supervisor-mikko" not in handlers
    assert all("email" not in h for h in body["handlers"])
    # Anyone in the staff directory may be recused; roles are not shown for them.
    recusable = {p["userId"] for p in body["recusable"]}
    assert "kokkola-supervisor-mikko" in recusable
    assert all(set(p) == {"userId", "name"} for p in body["recusable"])


def test_ordinary_handlers_are_the_supervisors_of_my_unit(as_person: Any) -> None:
    aino = as_person("kokkola-employee-aino")  # unit sivistys, supervised by Mikko

    mine = json_body(aino.request("GET", "/report-types/accident/handlers"))
    other = json_body(aino.request("GET", "/report-types/accident/handlers?unit=sote"))

    assert [h["userId"] for h in mine["handlers"]] == ["kokkola-supervisor-mikko"]
    assert other["handlers"] == []


def test_a_harassment_report_is_filed_and_listed_and_nothing_readable_is_stored(
    as_person: Any, captured_logs: io.StringIO
) -> None:
    aino = as_person("kokkola-employee-aino")

    response = aino.request("POST", "/reports", harassment(), key())

    assert response.status_code == 201, response.body
    created = json_body(response)
    assert created["status"] == "received"
    assert created["reference"].startswith("KOK-")
    mine = json_body(aino.request("GET", "/reports/mine"))
    assert [(r["reportId"], r["type"], r["status"]) for r in mine["items"]] == [
        (created["reportId"], "harassment", "received")
    ]
    assert CANARY not in json.dumps(mine)
    for table in ("MainTable", "AuditTable", "IdempotencyTable"):
        assert CANARY not in raw_dump(table), table
    assert CANARY not in captured_logs.getvalue()
    # Whom Aino kept out is not readable from the case either: recusals are blinded.
    (case,) = [i for i in json.loads(raw_dump("MainTable")) if i["SK"]["S"] == "CASE"]
    assert "kokkola-hrdir-sari" not in json.dumps(case)
    assert len(case["recusal_tokens"]["L"]) == 1


def test_the_reporter_reads_their_report_others_get_404(as_person: Any) -> None:
    aino = as_person("kokkola-employee-aino")
    report_id = json_body(aino.request("POST", "/reports", harassment(), key()))["reportId"]

    own = aino.request("GET", f"/reports/{report_id}")
    assert own.status_code == 200
    assert own.headers["Cache-Control"] == "no-store"
    assert json_body(own)["answers"]["toldUnwanted"] == "yes"

    for outsider in ("ii-employee-1", "kokkola-employee-erik", "kokkola-hrdir-sari", "kokkola-admin-tuomas"):
        refused = as_person(outsider).request("GET", f"/reports/{report_id}")
        assert refused.status_code == 404, outsider
        assert CANARY not in refused.body.decode()
        assert as_person(outsider).request("GET", "/reports/mine").body.decode().count(report_id) == 0


def test_the_reporter_writes_to_the_handler(as_person: Any) -> None:
    aino = as_person("kokkola-employee-aino")
    report_id = json_body(aino.request("POST", "/reports", harassment(), key()))["reportId"]

    sent = aino.request("POST", f"/reports/{report_id}/messages", {"body": f"Lisäys {CANARY}"}, key())

    assert sent.status_code == 201
    messages = json_body(aino.request("GET", f"/reports/{report_id}"))["messages"]
    assert [(m["author"], m["body"]) for m in messages] == [("reporter", f"Lisäys {CANARY}")]
    assert CANARY not in raw_dump("MainTable")
    other = as_person("ii-employee-1").request("POST", f"/reports/{report_id}/messages", {"body": "x"}, key())
    assert other.status_code == 404


def test_a_retried_submission_returns_the_first_answer(as_person: Any) -> None:
    aino = as_person("kokkola-employee-aino")
    headers = key()

    first = aino.request("POST", "/reports", harassment(), headers)
    again = aino.request("POST", "/reports", harassment(), headers)
    changed = aino.request("POST", "/reports", harassment(handlerId="kokkola-safetymgr-pekka"), headers)

    assert again.status_code == 201
    assert json_body(again) == json_body(first)
    assert changed.status_code == 422
    assert json_body(changed)["error"]["code"] == "idempotency_conflict"
    assert len(json_body(aino.request("GET", "/reports/mine"))["items"]) == 1


@pytest.mark.parametrize(
    ("body", "headers", "expected", "loc"),
    [
        (harassment(type="gossip"), key(), (422, "validation_error"), ["body", "type"]),
        (
            harassment(handlerId="kokkola-supervisor-mikko"),
            key(),
            (422, "validation_error"),
            ["body", "handlerId"],
        ),
        (
            harassment(recusedIds=["kokkola-safetyrep-liisa"]),
            key(),
            (422, "validation_error"),
            ["body", "recusedIds", 0],
        ),
        (
            harassment(answers={"whatHappened": CANARY + "x" * 10_000}),
            key(),
            (422, "validation_error"),
            ["body", "answers", "whatHappened"],
        ),
        (harassment(tenantId="ii"), key(), (422, "validation_error"), ["body", "tenantId"]),
        # An unknown key is named like any field when it looks like one of this API's field
        # names; anything else (a sentence, a name) is "<key>", never echoed.
        (harassment(**{f"note {CANARY}": "x"}), key(), (422, "validation_error"), ["body", "<key>"]),
        (
            harassment(answers={"mood": "x", "whatHappened": "y"}),
            key(),
            (422, "validation_error"),
            ["body", "answers", "mood"],
        ),
        (
            harassment(answers={f"Matti {CANARY}": "x", "whatHappened": "y"}),
            key(),
            (422, "validation_error"),
            ["body", "answers", "<key>"],
        ),
        (
            harassment(answers={"MattiVirtanenHarassedMe": "x", "whatHappened": "y"}),
            key(),
            (422, "validation_error"),
            ["body", "answers", "<key>"],
        ),
        (harassment(), {}, (400, "idempotency_key_missing"), None),
    ],
)
def test_bad_submissions_are_refused_with_code_and_field_and_write_nothing(
    as_person: Any, body: dict[str, Any], headers: dict[str, str], expected: tuple[int, str], loc: Any
) -> None:
    before = main_items()

    response = as_person("kokkola-employee-aino").request("POST", "/reports", body, headers)

    error = json_body(response)["error"]
    assert (response.status_code, error["code"]) == expected
    if loc is not None:
        assert loc in [d["loc"] for d in error["details"]]
    assert CANARY not in response.body.decode()
    assert "MattiVirtanen" not in response.body.decode()
    assert main_items() == before


def test_an_oversized_body_is_413(as_person: Any) -> None:
    body = harassment(answers={"whatHappened": "x" * 70_000})

    response = as_person("kokkola-employee-aino").request("POST", "/reports", body, key())

    assert response.status_code == 413
    assert json_body(response)["error"]["code"] == "payload_too_large"


# ------------------------------------------------------------------ anonymous


def test_public_report_types_list_only_anonymous_types_with_units(anonymous: Caller) -> None:
    response = anonymous.request("GET", "/public/kokkola/report-types?lang=sv")

    body = json_body(response)
    assert response.status_code == 200
    assert [t["key"] for t in body["items"]] == ["harassment", "near_miss", "hazard_observation"]
    assert body["language"] == "sv"
    assert {u["id"] for u in body["units"]} == {"henkilostopalvelut", "sivistys", "sote", "tekninen"}


def test_an_unknown_tenant_or_a_closed_type_is_404(anonymous: Caller) -> None:
    assert anonymous.request("GET", "/public/nowhere/report-types").status_code == 404
    assert anonymous.request("GET", "/public/kokkola/report-types/accident/handlers").status_code == 404


def test_anonymous_report_follow_up_and_message_with_the_receipt(
    anonymous: Caller, captured_logs: io.StringIO
) -> None:
    headers = key()
    response = anonymous.request("POST", "/public/kokkola/reports", harassment(), headers)

    assert response.status_code == 201, response.body
    created = json_body(response)
    receipt = created["receipt"]
    assert created["reference"].startswith("KOK-")
    # A retry gets its receipt back, yet no table holds it readably.
    assert json_body(anonymous.request("POST", "/public/kokkola/reports", harassment(), headers)) == created
    for table in ("MainTable", "AuditTable", "IdempotencyTable"):
        dump = raw_dump(table)
        assert receipt not in dump, RECEIPT_CANARY_NOTE
        assert receipt.replace("-", "") not in dump, RECEIPT_CANARY_NOTE
        assert CANARY not in dump

    sent = anonymous.request(
        "POST",
        "/public/kokkola/follow-up/messages",
        {"receipt": receipt, "body": "Onko tämä käsittelyssä?"},
        key(),
    )
    assert sent.status_code == 201
    follow_up = anonymous.request("POST", "/public/kokkola/follow-up", {"receipt": receipt})
    body = json_body(follow_up)
    assert follow_up.status_code == 200
    assert body["reference"] == created["reference"]
    assert body["status"] == "received"
    assert [m["body"] for m in body["messages"]] == ["Onko tämä käsittelyssä?"]
    assert "answers" not in body
    logs = captured_logs.getvalue()
    assert receipt not in logs
    assert CANARY not in logs


def test_a_wrong_receipt_or_another_tenant_is_404(anonymous: Caller) -> None:
    receipt = json_body(anonymous.request("POST", "/public/kokkola/reports", harassment(), key()))["receipt"]
    wrong = receipt[:-1] + ("A" if receipt[-1] != "A" else "B")

    assert anonymous.request("POST", "/public/kokkola/follow-up", {"receipt": wrong}).status_code == 404
    assert anonymous.request("POST", "/public/ii/follow-up", {"receipt": receipt}).status_code == 404
    message = anonymous.request(
        "POST", "/public/kokkola/follow-up/messages", {"receipt": wrong, "body": "x"}, key()
    )
    assert message.status_code == 404


def test_anonymous_routes_refuse_types_closed_to_them_and_short_keys(anonymous: Caller) -> None:
    accident = harassment(type="accident", handlerId=None, recusedIds=[], unitId="sote")
    closed = anonymous.request("POST", "/public/kokkola/reports", accident, key())
    unknown = anonymous.request("POST", "/public/kokkola/reports", {**accident, "type": "gossip"}, key())
    short = anonymous.request("POST", "/public/kokkola/reports", harassment(), {"Idempotency-Key": "1"})

    # Kokkola takes accident reports, only not anonymously: the answer says so, and so does
    # the public handler choice, while the public listing leaves the type out.
    assert closed.status_code == 422
    assert json_body(closed)["error"]["details"] == [
        {"loc": ["body", "type"], "msg": "this type of report cannot be sent anonymously; sign in to send it"}
    ]
    assert json_body(unknown)["error"]["details"] == [
        {"loc": ["body", "type"], "msg": "is not a report type this organisation accepts"}
    ]
    handlers = anonymous.request("GET", "/public/kokkola/report-types/accident/handlers")
    assert handlers.status_code == 404
    assert "cannot be sent anonymously" in json_body(handlers)["error"]["message"]
    listed = json_body(anonymous.request("GET", "/public/kokkola/report-types"))["items"]
    assert "accident" not in [t["key"] for t in listed]
    assert short.status_code == 422
    assert json_body(short)["error"]["details"][0]["loc"] == ["header", "Idempotency-Key"]


def test_anonymous_submission_never_stores_who_sent_it(anonymous: Caller) -> None:
    client_headers = {**key(), "User-Agent": "CanaryBrowser/1.0", "X-Forwarded-For": "203.0.113.9"}

    anonymous.request("POST", "/public/kokkola/reports", harassment(), client_headers)

    for table in ("MainTable", "AuditTable", "IdempotencyTable"):
        dump = raw_dump(table)
        assert "203.0.113.9" not in dump
        assert "CanaryBrowser" not in dump
