"""The real reports lambda_handler against moto: concurrency, transactions, what reaches
the logs, and the calls a submission makes."""

from __future__ import annotations

import io
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from unittest import mock

import boto3
import pytest
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
    assert kinds == ["OUTBOX", "REFERENCE"]
    assert [(a["action"]["S"], a["actor_id"]["S"]) for a in audit if a["object_id"]["S"] == report_id] == [
        ("report.submitted", "kokkola-employee-aino")
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


def test_a_submission_makes_three_main_table_calls_and_one_kms_call(
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
    assert main == ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:TransactWriteItems"]
    assert idempotency == ["dynamodb:PutItem", "dynamodb:UpdateItem"]
    assert kms == ["kms:GenerateDataKey"]
