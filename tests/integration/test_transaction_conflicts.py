"""What real DynamoDB answers when two transactions touch one item at once, which the
emulator never does (it serialises them): `TransactionCanceledException` with the reason
`TransactionConflict` on that item. Played here against the real handlers: a transition
that loses the race is a 409 like a stale version; a reporter's message that meets a running
transaction is a 503 with Retry-After, and its retry under the same key goes through."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from botocore.client import BaseClient
from botocore.exceptions import ClientError

from infra.local.function_host import FunctionHost
from infra.local.local_tokens import DemoIdentity
from tests.conftest import api_event, stored_items
from tests.integration.test_reports_handler import submit_event

_make_api_call = BaseClient._make_api_call


@contextmanager
def a_transaction_running_on_the_case() -> Iterator[list[list[str]]]:
    """Every TransactWriteItems is cancelled as DynamoDB cancels one that meets another
    transaction on the case item: `TransactionConflict` for that item, `None` for the rest."""
    cancelled: list[list[str]] = []

    def call(client: BaseClient, operation: str, params: dict[str, Any]) -> Any:
        if operation != "TransactWriteItems":
            return _make_api_call(client, operation, params)
        reasons = [_reason(item) for item in params["TransactItems"]]
        cancelled.append([r["Code"] for r in reasons])
        raise ClientError(
            {
                "Error": {
                    "Code": "TransactionCanceledException",
                    "Message": "Transaction cancelled, please refer cancellation reasons for specific reasons",
                },
                "CancellationReasons": reasons,
            },
            operation,
        )

    with mock.patch.object(BaseClient, "_make_api_call", call):
        yield cancelled


def _reason(item: dict[str, Any]) -> dict[str, str]:
    operation = next(iter(item.values()))
    if operation.get("Key", {}).get("SK") == {"S": "CASE"}:
        return {"Code": "TransactionConflict", "Message": "Transaction is ongoing for the item"}
    return {"Code": "None"}


def answer(result: dict[str, Any]) -> tuple[int, str | None, dict[str, str]]:
    headers = {k: ",".join(v) for k, v in (result.get("multiValueHeaders") or {}).items()}
    headers.update(result.get("headers") or {})
    body = json.loads(result["body"])
    return int(result["statusCode"]), (body.get("error") or {}).get("code"), headers


def file_report(function_host: FunctionHost, people: dict[str, DemoIdentity]) -> str:
    made = function_host.invoke(
        "ReportsFunction", submit_event(people["kokkola-employee-aino"].claims(), "k-file")
    )
    assert made["statusCode"] == 201, made["body"]
    return str(json.loads(made["body"])["reportId"])


def test_a_transition_that_loses_the_race_on_dynamodb_is_a_409_and_changes_nothing(
    function_host: FunctionHost, people: dict[str, DemoIdentity]
) -> None:
    case_id = file_report(function_host, people)
    liisa = people["kokkola-safetyrep-liisa"].claims()
    transition = api_event(
        "POST",
        f"/cases/{case_id}/transitions",
        liisa,
        body={"action": "acknowledge", "expectedVersion": 1},
        resource="/cases/{caseId}/transitions",
        path_parameters={"caseId": case_id},
    )
    before = stored_items()

    with a_transaction_running_on_the_case() as cancelled:
        status, code, headers = answer(function_host.invoke("CasesFunction", transition))

    assert cancelled, "the transition never reached DynamoDB"
    assert (status, code) == (409, "conflict")
    assert "Retry-After" not in headers
    assert stored_items() == before
    case = function_host.invoke(
        "CasesFunction",
        api_event(
            "GET", f"/cases/{case_id}", liisa, resource="/cases/{caseId}", path_parameters={"caseId": case_id}
        ),
    )
    assert (json.loads(case["body"])["status"], json.loads(case["body"])["version"]) == ("received", 1)


def test_a_message_that_meets_a_running_transaction_is_a_503_to_retry_under_its_key(
    function_host: FunctionHost, people: dict[str, DemoIdentity]
) -> None:
    case_id = file_report(function_host, people)
    message = api_event(
        "POST",
        f"/reports/{case_id}/messages",
        people["kokkola-employee-aino"].claims(),
        body={"body": "One more thing."},
        resource="/reports/{reportId}/messages",
        path_parameters={"reportId": case_id},
        headers={"Idempotency-Key": "message-1"},
    )
    before = stored_items()

    with a_transaction_running_on_the_case() as cancelled:
        status, code, headers = answer(function_host.invoke("ReportsFunction", message))

    assert cancelled, "the message never reached DynamoDB"
    assert (status, code) == (503, "service_busy")
    assert headers["Retry-After"] == "2"
    assert stored_items() == before

    retried = function_host.invoke("ReportsFunction", message)

    assert retried["statusCode"] == 201, retried["body"]
