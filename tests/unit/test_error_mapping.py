"""The one error mapping (workwell.api.errors) on a resolver set up like every function's:
Powertools' own 4xx keep their status, a 503 says when to retry, unknown keys are named
only when they look like field names, and DynamoDB's answers become the right domain error."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.event_handler.exceptions import (
    BadRequestError,
    RequestEntityTooLargeError,
    ServiceError,
    ServiceUnavailableError,
)
from botocore.exceptions import ClientError

from workwell.adapters.dynamodb_errors import translate_client_error
from workwell.api.errors import RETRY_AFTER_SECONDS
from workwell.api.resolver_setup import configure_resolver
from workwell.domain.errors import Conflict, ServiceBusy
from workwell.domain.model_base import CamelModel

app = APIGatewayRestResolver(enable_validation=True)
configure_resolver(app)
RAISED: dict[str, Exception] = {}


class Answers(CamelModel):
    answers: dict[str, str]


@app.post("/raise")
def raise_it() -> dict[str, Any]:
    raise RAISED["error"]


@app.post("/echo")
def echo(body: Answers) -> dict[str, Any]:
    return {}


def call(
    path: str, body: str = "{}", content_type: str = "application/json"
) -> tuple[int, dict[str, Any], Any]:
    event = {
        "resource": path,
        "path": path,
        "httpMethod": "POST",
        "headers": {"Content-Type": content_type},
        "multiValueHeaders": {"Content-Type": [content_type]},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "requestContext": {"resourcePath": path, "httpMethod": "POST", "requestId": "req-1"},
        "body": body,
        "isBase64Encoded": False,
    }
    result = app.resolve(event, None)
    headers = {k: ",".join(v) for k, v in (result.get("multiValueHeaders") or {}).items()}
    return result["statusCode"], headers, json.loads(result["body"])


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (BadRequestError("bad"), 400, "bad_request"),
        (RequestEntityTooLargeError("big"), 413, "payload_too_large"),
        (ServiceError(415, "type"), 415, "unsupported_media_type"),
        (ServiceError(418, "teapot"), 418, "bad_request"),
        (ServiceUnavailableError("later"), 503, "service_busy"),
        (ServiceBusy("The service is busy; please try again."), 503, "service_busy"),
        (RuntimeError("a message that might quote data"), 500, "internal_error"),
    ],
)
def test_errors_keep_their_status_in_the_api_s_shape(error: Exception, status: int, code: str) -> None:
    RAISED["error"] = error

    got_status, headers, body = call("/raise")

    assert (got_status, body["error"]["code"]) == (status, code)
    assert set(body) == {"error", "requestId"}
    assert body["requestId"] == "req-1"
    assert "quote" not in json.dumps(body)
    assert "teapot" not in json.dumps(body)
    assert headers.get("Cache-Control") == "no-store"
    assert headers.get("Retry-After") == (str(RETRY_AFTER_SECONDS) if status == 503 else None)


def test_powertools_refusing_a_content_type_is_415_not_500() -> None:
    """Behind the body gate this never happens; without it, Powertools raised a
    NotImplementedError that the catch-all turned into a 500."""
    status, _, body = call("/echo", content_type="text/plain")

    assert (status, body["error"]["code"]) == (415, "unsupported_media_type")


@pytest.mark.parametrize(
    ("key", "loc"),
    [
        ("mood", ["body", "answers", "mood"]),
        ("MattiVirtanenHarassedMe", ["body", "answers", "<key>"]),
        ("Matti Virtanen", ["body", "answers", "<key>"]),
    ],
)
def test_a_key_is_named_only_if_it_looks_like_a_field_name(key: str, loc: list[str]) -> None:
    # A value of the wrong type under the client's own key: the location holds that key.
    status, _, body = call("/echo", json.dumps({"answers": {key: 1}}))

    assert status == 422
    assert [d["loc"] for d in body["error"]["details"]] == [loc]
    assert "Matti" not in json.dumps(body)


# ------------------------------------------------------------------ DynamoDB's answers

VERSIONED_UPDATE = {
    "Update": {
        "TableName": "MainTable",
        "ConditionExpression": "attribute_exists(PK) AND version = :expected",
    }
}
VERSION_CHECK = {"ConditionCheck": {"TableName": "MainTable", "ConditionExpression": "version = :v"}}
COUNTER_UPDATE = {
    "Update": {
        "TableName": "MainTable",
        "ConditionExpression": "attribute_exists(PK) AND message_count < :max",
    }
}
NEW_ITEM = {"Put": {"TableName": "AuditTable", "ConditionExpression": "attribute_not_exists(PK)"}}


def cancelled(*reasons: str) -> ClientError:
    return ClientError(
        {
            "Error": {"Code": "TransactionCanceledException", "Message": "Transaction cancelled"},
            "CancellationReasons": [{"Code": r} for r in reasons],
        },
        "TransactWriteItems",
    )


@pytest.mark.parametrize(
    ("writes", "reasons", "expected"),
    [
        # Another transaction is changing the version the client decided on: 409, reload.
        ([VERSIONED_UPDATE, NEW_ITEM], ("TransactionConflict", "None"), Conflict),
        ([NEW_ITEM, VERSION_CHECK, NEW_ITEM], ("None", "TransactionConflict", "None"), Conflict),
        # The emulator's (and DynamoDB's, after the fact) failed version condition.
        ([VERSIONED_UPDATE, NEW_ITEM], ("ConditionalCheckFailed", "None"), Conflict),
        # Nothing the client read is stale: a 503 to retry under the same idempotency key.
        ([COUNTER_UPDATE, NEW_ITEM], ("TransactionConflict", "None"), ServiceBusy),
        ([VERSIONED_UPDATE, NEW_ITEM], ("None", "TransactionConflict"), ServiceBusy),
        ([NEW_ITEM], ("ThrottlingError",), ServiceBusy),
    ],
)
def test_a_cancelled_transaction_is_a_conflict_only_where_a_version_was_at_stake(
    writes: list[dict[str, Any]], reasons: tuple[str, ...], expected: type[Exception]
) -> None:
    assert type(translate_client_error(cancelled(*reasons), writes)) is expected


def test_a_single_write_into_a_running_transaction_is_busy() -> None:
    error = ClientError({"Error": {"Code": "TransactionConflictException", "Message": "x"}}, "UpdateItem")

    assert isinstance(translate_client_error(error), ServiceBusy)
