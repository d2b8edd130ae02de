"""The real reports lambda_handler against moto: concurrency, transactions, what reaches
the logs, and the calls a submission makes."""

from __future__ import annotations

import io
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any
from unittest import mock

import boto3
import pytest
from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer
from botocore.client import BaseClient

from infra.local.aws_resources import LOCAL_REGION
from infra.local.function_host import FunctionHost, LocalLambdaContext
from infra.local.local_tokens import DemoIdentity
from tests.conftest import CANARY, api_event

REPORT = {
    "type": "harassment",
    "answers": {"whatHappened": f"Minua vähäteltiin palaverissa. {CANARY}"},
    "handlerId": "kokkola-safetyrep-liisa",
    "recusedIds": ["kokkola-hrdir-sari"],
}


def submit_event(claims: dict[str, str], key: str, body: Any = REPORT) -> dict[str, Any]:
    return api_event("POST", "/reports", claims, body=body, headers={"Idempotency-Key": key})


def cases_in_table() -> list[dict[str, Any]]:
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    items = client.scan(TableName="MainTable")["Items"]
    return [i for i in items if i["SK"]["S"] == "CASE"]


@pytest.fixture
def reports_handler(function_host: FunctionHost, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The handler module called directly, as concurrent Lambda containers would call it."""
    for name, value in function_host.environment_of("ReportsFunction").items():
        monkeypatch.setenv(name, value)
    return function_host.module("ReportsFunction").lambda_handler


def test_twenty_concurrent_identical_submissions_make_exactly_one_report(
    reports_handler: Any, people: dict[str, DemoIdentity]
) -> None:
    claims = people["kokkola-employee-aino"].claims()
    start = threading.Barrier(20)

    def submit(_: int) -> dict[str, Any]:
        start.wait()
        return dict(
            reports_handler(submit_event(claims, "same-key-20"), LocalLambdaContext("ReportsFunction"))
        )

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(submit, range(20)))

    statuses = sorted({r["statusCode"] for r in results})
    created = [json.loads(r["body"]) for r in results if r["statusCode"] == 201]
    in_progress = [json.loads(r["body"]) for r in results if r["statusCode"] == 409]
    assert len(cases_in_table()) == 1
    assert set(statuses) <= {201, 409}
    assert created
    assert all(body == created[0] for body in created)
    assert all(body["error"]["code"] == "idempotency_in_progress" for body in in_progress)


def test_the_same_key_from_another_person_is_another_report(
    function_host: FunctionHost, people: dict[str, DemoIdentity]
) -> None:
    aino = function_host.invoke(
        "ReportsFunction", submit_event(people["kokkola-employee-aino"].claims(), "k-1")
    )
    erik = function_host.invoke(
        "ReportsFunction", submit_event(people["kokkola-employee-erik"].claims(), "k-1")
    )

    assert (aino["statusCode"], erik["statusCode"]) == (201, 201)
    assert json.loads(aino["body"])["reportId"] != json.loads(erik["body"])["reportId"]


def test_the_report_and_everything_with_it_land_in_one_transaction(
    function_host: FunctionHost, people: dict[str, DemoIdentity]
) -> None:
    result = function_host.invoke(
        "ReportsFunction", submit_event(people["kokkola-employee-aino"].claims(), "k-2")
    )
    report_id = json.loads(result["body"])["reportId"]

    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    main = client.scan(TableName="MainTable")["Items"]
    audit = client.scan(TableName="AuditTable")["Items"]
    kinds = sorted(i["SK"]["S"] for i in main if report_id in json.dumps(i) and i["SK"]["S"] != "CASE")
    assert kinds == ["OUTBOX", "REFERENCE", "SUBMISSION"]
    assert sorted(
        (a["action"]["S"], a["actor_id"]["S"]) for a in audit if a["object_id"]["S"] == report_id
    ) == [
        ("case.assigned", "kokkola-employee-aino"),
        ("case.recusal_recorded", "kokkola-employee-aino"),
        ("report.submitted", "kokkola-employee-aino"),
    ]
    case = next(i for i in main if i["SK"]["S"] == "CASE")
    assert case["GSI2PK"]["S"] == "TENANT#kokkola#OPEN"
    assert int(case["expires_at"]["N"]) > 0
    assert CANARY not in json.dumps(main)


def test_no_report_text_reaches_a_log_line_even_when_refused(
    function_host: FunctionHost, people: dict[str, DemoIdentity], captured_logs: io.StringIO
) -> None:
    claims = people["kokkola-employee-aino"].claims()
    function_host.invoke("ReportsFunction", submit_event(claims, "k-3"))
    function_host.invoke("ReportsFunction", submit_event(claims, "k-4", {**REPORT, "handlerId": CANARY}))
    function_host.invoke("ReportsFunction", submit_event(claims, "k-5", {**REPORT, CANARY: CANARY}))
    function_host.invoke("ReportsFunction", submit_event(claims, CANARY))

    logs = captured_logs.getvalue()
    assert '"route": "POST /reports"' in logs or '"route":"POST /reports"' in logs
    assert CANARY not in logs


def test_a_submission_makes_three_main_table_calls_and_two_kms_calls(
    reports_handler: Any, people: dict[str, DemoIdentity]
) -> None:
    claims = people["kokkola-employee-aino"].claims()
    # A warm container: the caller's staff entry is cached and the clients exist.
    reports_handler(submit_event(claims, "k-warm"), LocalLambdaContext("ReportsFunction"))
    calls: list[tuple[str, str]] = []
    original = BaseClient._make_api_call

    def counting(client: BaseClient, operation: str, params: dict[str, Any]) -> Any:
        table = params.get("TableName") or ",".join(params.get("RequestItems", {})) or "-"
        calls.append((f"{client.meta.service_model.service_name}:{operation}", str(table)))
        return original(client, operation, params)

    with mock.patch.object(BaseClient, "_make_api_call", counting):
        result = reports_handler(submit_event(claims, "k-calls"), LocalLambdaContext("ReportsFunction"))

    assert result["statusCode"] == 201
    main = [op for op, table in calls if op.startswith("dynamodb:") and table != "IdempotencyTable"]
    idempotency = [op for op, table in calls if table == "IdempotencyTable"]
    kms = [op for op, _ in calls if op.startswith("kms:")]
    assert main == ["dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:TransactWriteItems"]
    assert idempotency == ["dynamodb:PutItem", "dynamodb:UpdateItem"]
    # The content, and the reporter's contact for notices: sealed apart, under different
    # record types, so that the notifier can open the contact and never the content.
    assert kms == ["kms:GenerateDataKey", "kms:GenerateDataKey"]


def anonymous_event(key: str, body: Any = REPORT, identity: dict[str, str] | None = None) -> dict[str, Any]:
    event = api_event(
        "POST",
        "/public/kokkola/reports",
        None,
        body=body,
        resource="/public/{tenant}/reports",
        path_parameters={"tenant": "kokkola"},
        headers={"Idempotency-Key": key},
    )
    event["requestContext"]["identity"] = identity or {}
    return event


def test_a_lost_answer_after_the_commit_is_found_again_not_filed_twice(function_host: FunctionHost) -> None:
    """The report is stored, then recording the idempotent answer fails (a throttled write,
    a timeout). When the idempotency record is gone, the repeat must find the same report,
    and the anonymous reporter must still get the same receipt."""
    key = "lost-answer-0123456789"
    with mock.patch.object(DynamoDBPersistenceLayer, "_update_record", side_effect=RuntimeError("throttled")):
        failed = function_host.invoke("ReportsFunction", anonymous_event(key))
    assert failed["statusCode"] == 500
    assert len(cases_in_table()) == 1
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    for item in client.scan(TableName="IdempotencyTable")["Items"]:  # its in-progress time ran out
        client.delete_item(TableName="IdempotencyTable", Key={"id": item["id"]})

    again = function_host.invoke("ReportsFunction", anonymous_event(key))
    replay = function_host.invoke("ReportsFunction", anonymous_event(key))

    assert again["statusCode"] == 201
    assert len(cases_in_table()) == 1
    answer = json.loads(again["body"])
    assert answer["reference"] == cases_in_table()[0]["reference"]["S"]
    assert json.loads(replay["body"]) == answer
    follow_up = api_event(
        "POST",
        "/public/kokkola/follow-up",
        None,
        body={"receipt": answer["receipt"]},
        resource="/public/{tenant}/follow-up",
        path_parameters={"tenant": "kokkola"},
    )
    assert function_host.invoke("ReportsFunction", follow_up)["statusCode"] == 200
    outbox = [i for i in client.scan(TableName="MainTable")["Items"] if i["SK"]["S"] == "OUTBOX"]
    assert len(outbox) == 1, "the handler is told once"


def test_a_handler_who_lost_the_role_meanwhile_fails_the_real_transaction(
    function_host: FunctionHost, people: dict[str, DemoIdentity]
) -> None:
    """The eligibility read and the commit are apart; DynamoDB's ConditionCheck on the
    handler's staff entry version must cancel the whole transaction."""
    from tests.unit.fakes import FakeBlinding
    from tests.unit.report_fixtures import new_token
    from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
    from workwell.adapters.restricted_field_cipher import RestrictedFieldCipher
    from workwell.domain.errors import Conflict
    from workwell.domain.staff.principal import Principal
    from workwell.domain.staff.staff import StaffMember
    from workwell.service_layer.call_context import CallContext
    from workwell.service_layer.reports.report_submission import ReportDraft, submit_report

    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    uow = DynamoDbUnitOfWork(client, TableNames("MainTable", "AuditTable"))
    liisa = uow.staff.get("kokkola", "kokkola-safetyrep-liisa")
    assert liisa is not None
    read_before_the_change = uow.staff.get_many

    def read_then_change(tenant_id: str, user_ids: Any) -> Any:
        found = read_before_the_change(tenant_id, user_ids)
        # Meanwhile an admin makes Liisa a wellbeing coordinator only.
        changer = DynamoDbUnitOfWork(client, TableNames("MainTable", "AuditTable"))
        changed = StaffMember.model_validate({**liisa.value.model_dump(), "roles": ["wellbeing_coordinator"]})
        changer.staff.stage_save("kokkola", changed, liisa.version, liisa.value)
        changer.commit()
        return found

    uow.staff.get_many = read_then_change  # type: ignore[method-assign]
    identity = people["kokkola-employee-aino"]
    from workwell.api.claims import identity_from_claims

    ctx = CallContext(Principal(identity_from_claims(identity.claims())), "req", datetime.now(UTC))
    cipher = RestrictedFieldCipher(function_host.environment_of("ReportsFunction")["RESTRICTED_DATA_KEY_ID"])
    draft = ReportDraft("harassment", {"whatHappened": CANARY}, handler_id="kokkola-safetyrep-liisa")

    with pytest.raises(Conflict):
        submit_report(ctx, draft, new_token(), uow, cipher, blinding=FakeBlinding())
    assert cases_in_table() == []


def test_no_client_address_or_agent_is_stored_or_logged(
    function_host: FunctionHost, captured_logs: io.StringIO
) -> None:
    identity = {"sourceIp": "203.0.113.77", "userAgent": "CanaryAgent/9"}
    event = anonymous_event("client-identity-0123", identity=identity)
    event["headers"].update({"User-Agent": "CanaryAgent/9", "X-Forwarded-For": "203.0.113.77"})

    result = function_host.invoke("ReportsFunction", event)

    assert result["statusCode"] == 201
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    for table in ("MainTable", "AuditTable", "IdempotencyTable"):
        dump = json.dumps(client.scan(TableName=table)["Items"])
        assert "203.0.113.77" not in dump
        assert "CanaryAgent" not in dump
    logs = captured_logs.getvalue()
    assert "203.0.113.77" not in logs
    assert "CanaryAgent" not in logs
    assert json.loads(result["body"])["receipt"] not in logs


def test_viewing_my_report_reads_once_writes_the_audit_event_and_opens_each_message(
    reports_handler: Any, people: dict[str, DemoIdentity]
) -> None:
    claims = people["kokkola-employee-aino"].claims()
    created = reports_handler(submit_event(claims, "k-view"), LocalLambdaContext("ReportsFunction"))
    report_id = json.loads(created["body"])["reportId"]
    for n in range(2):
        event = api_event(
            "POST",
            f"/reports/{report_id}/messages",
            claims,
            body={"body": f"viesti {n}"},
            resource="/reports/{reportId}/messages",
            path_parameters={"reportId": report_id},
            headers={"Idempotency-Key": f"m-{n}"},
        )
        assert reports_handler(event, LocalLambdaContext("ReportsFunction"))["statusCode"] == 201
    view = api_event(
        "GET",
        f"/reports/{report_id}",
        claims,
        resource="/reports/{reportId}",
        path_parameters={"reportId": report_id},
    )
    calls: list[str] = []
    original = BaseClient._make_api_call

    def counting(client: BaseClient, operation: str, params: dict[str, Any]) -> Any:
        calls.append(f"{client.meta.service_model.service_name}:{operation}")
        return original(client, operation, params)

    with mock.patch.object(BaseClient, "_make_api_call", counting):
        result = reports_handler(view, LocalLambdaContext("ReportsFunction"))

    assert result["statusCode"] == 200
    assert [m["body"] for m in json.loads(result["body"])["messages"]] == ["viesti 0", "viesti 1"]
    assert [c for c in calls if c.startswith("dynamodb:")] == [
        "dynamodb:Query",
        "dynamodb:TransactWriteItems",
    ]
    assert len([c for c in calls if c.startswith("kms:")]) <= 1 + 2


def test_a_message_moved_into_another_case_is_never_shown_there(
    reports_handler: Any, people: dict[str, DemoIdentity]
) -> None:
    claims = people["kokkola-employee-aino"].claims()

    def new_report(key: str) -> str:
        result = reports_handler(submit_event(claims, key), LocalLambdaContext("ReportsFunction"))
        return str(json.loads(result["body"])["reportId"])

    victim, mine = new_report("k-victim"), new_report("k-mine")
    post = api_event(
        "POST",
        f"/reports/{victim}/messages",
        claims,
        body={"body": "SECRET-OF-CASE-A"},
        resource="/reports/{reportId}/messages",
        path_parameters={"reportId": victim},
        headers={"Idempotency-Key": "k-secret"},
    )
    assert reports_handler(post, LocalLambdaContext("ReportsFunction"))["statusCode"] == 201
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    items = client.scan(TableName="MainTable")["Items"]
    (message,) = [i for i in items if i["SK"]["S"].startswith("MESSAGE#")]
    for moved in (
        {**message, "PK": {"S": f"TENANT#kokkola#CASE#{mine}"}},
        {**message, "PK": {"S": f"TENANT#kokkola#CASE#{mine}"}, "report_id": {"S": mine}},
    ):
        client.put_item(TableName="MainTable", Item=moved)
        view = api_event(
            "GET",
            f"/reports/{mine}",
            claims,
            resource="/reports/{reportId}",
            path_parameters={"reportId": mine},
        )
        result = reports_handler(view, LocalLambdaContext("ReportsFunction"))
        # Left out, or refused outright: never decrypted into the other case.
        assert "SECRET-OF-CASE-A" not in (result.get("body") or "")
