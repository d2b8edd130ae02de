"""Idempotency wiring for creating routes, against moto DynamoDB and KMS."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

from infra.local.aws_resources import LocalResources
from infra.local.function_host import LocalLambdaContext
from tests.conftest import CANARY
from workwell.adapters.restricted_field_cipher import RestrictedFieldCipher
from workwell.api.idempotency import IdempotentCreation, idempotency_key_from
from workwell.domain.errors import (
    IdempotencyConflict,
    IdempotencyInProgress,
    IdempotencyKeyMissing,
    InvalidInput,
)


@pytest.fixture
def creation(aws: LocalResources) -> IdempotentCreation:
    persistence = DynamoDBPersistenceLayer(table_name="IdempotencyTable")
    return IdempotentCreation(
        persistence, RestrictedFieldCipher(aws.attributes[("RestrictedDataKey", "Arn")])
    )


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, Any]:
        self.calls += 1
        return {"reportId": f"r-{self.calls}", "receipt": CANARY}


def run(
    creation: IdempotentCreation, create: Any, caller: str = "user-1", key: str = "k-1", payload: Any = None
) -> Any:
    return creation.run(
        tenant_id="kokkola",
        caller=caller,
        key=key,
        payload=payload or {"text": "a"},
        create=create,
        lambda_context=LocalLambdaContext("TestFunction"),  # type: ignore[arg-type]
    )


def test_the_same_key_and_body_returns_the_first_answer(creation: IdempotentCreation) -> None:
    create = Counter()

    first = run(creation, create)
    second = run(creation, create)

    assert first == second == {"reportId": "r-1", "receipt": CANARY}
    assert create.calls == 1


def test_the_cached_answer_is_sealed_and_the_key_is_not_stored(
    creation: IdempotentCreation, dynamodb: Any
) -> None:
    run(creation, Counter(), key="my-visible-key")

    raw = json.dumps(dynamodb.scan(TableName="IdempotencyTable")["Items"])

    assert CANARY not in raw
    assert "my-visible-key" not in raw
    assert "user-1" not in raw


def test_the_key_is_scoped_to_the_caller(creation: IdempotentCreation) -> None:
    create = Counter()

    run(creation, create, caller="user-1")
    run(creation, create, caller="anon")

    assert create.calls == 2


def test_the_same_key_with_another_body_is_a_conflict(creation: IdempotentCreation) -> None:
    run(creation, Counter(), payload={"text": "a"})

    with pytest.raises(IdempotencyConflict):
        run(creation, Counter(), payload={"text": "b"})


def test_a_request_still_running_is_in_progress(creation: IdempotentCreation) -> None:
    def create_that_retries_itself() -> dict[str, Any]:
        return run(creation, Counter())

    with pytest.raises(IdempotencyInProgress):
        run(creation, create_that_retries_itself)


def test_a_failed_creation_can_be_retried(creation: IdempotentCreation) -> None:
    def failing() -> dict[str, Any]:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run(creation, failing)

    assert run(creation, Counter()) == {"reportId": "r-1", "receipt": CANARY}


@pytest.mark.parametrize(
    ("headers", "error"),
    [
        ({}, IdempotencyKeyMissing),
        ({"Idempotency-Key": ""}, IdempotencyKeyMissing),
        ({"idempotency-key": "has space"}, InvalidInput),
        ({"Idempotency-Key": "x" * 129}, InvalidInput),
    ],
)
def test_the_header_must_be_present_and_visible(headers: dict[str, str], error: type[Exception]) -> None:
    with pytest.raises(error):
        idempotency_key_from(headers)


def test_the_header_is_read_case_insensitively() -> None:
    assert idempotency_key_from({"idempotency-key": "abc-123"}) == "abc-123"
