"""Idempotency wiring for creating routes, against moto DynamoDB and KMS."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

from infra.local.aws_resources import LocalResources
from infra.local.function_host import LocalLambdaContext
from tests.conftest import CANARY
from workwell.api.idempotency import IdempotentCreation, creation_token, idempotency_key_from
from workwell.domain.errors import (
    IdempotencyConflict,
    IdempotencyInProgress,
    IdempotencyKeyMissing,
    InvalidInput,
)
from workwell.service_layer.creation_token import CreationToken


@pytest.fixture
def creation(aws: LocalResources) -> IdempotentCreation:
    return IdempotentCreation(DynamoDBPersistenceLayer(table_name="IdempotencyTable"))


class Counter:
    def __init__(self) -> None:
        self.calls = 0
        self.tokens: list[CreationToken] = []

    def __call__(self, token: CreationToken) -> dict[str, Any]:
        self.calls += 1
        self.tokens.append(token)
        return {"reportId": f"r-{self.calls}"}


def run(
    creation: IdempotentCreation, create: Any, caller: str = "user-1", key: str = "k-1", payload: Any = None
) -> Any:
    token = creation_token("kokkola", caller, key, payload or {"text": "a"})
    return creation.run(token, create, LocalLambdaContext("TestFunction"))  # type: ignore[arg-type]


def test_the_same_key_and_body_returns_the_first_answer(creation: IdempotentCreation) -> None:
    create = Counter()

    first = run(creation, create)
    second = run(creation, create)

    assert first == second == {"reportId": "r-1"}
    assert create.calls == 1


def test_neither_key_caller_nor_body_is_stored_or_guessable(
    creation: IdempotentCreation, dynamodb: Any
) -> None:
    body = {"text": f"Haluan perua ilmoituksen. {CANARY}"}
    run(creation, Counter(), key="my-visible-key", payload=body)

    raw = json.dumps(dynamodb.scan(TableName="IdempotencyTable")["Items"])

    assert CANARY not in raw
    assert "my-visible-key" not in raw
    assert "user-1" not in raw
    # Powertools keeps an MD5 of what it validates; of the body itself that would confirm a
    # guessed text. It is given a digest keyed with the (never stored) scope instead.
    plain_md5 = hashlib.md5(json.dumps(body, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
    assert plain_md5 not in raw


def test_the_token_is_stable_per_request_and_differs_per_caller_key_and_body() -> None:
    token = creation_token("kokkola", "user-1", "k", {"a": 1})

    assert token == creation_token("kokkola", "user-1", "k", {"a": 1})
    assert token.key != creation_token("kokkola", "user-2", "k", {"a": 1}).key
    assert token.key != creation_token("ii", "user-1", "k", {"a": 1}).key
    assert token.key == creation_token("kokkola", "user-1", "k", {"a": 2}).key
    assert token.payload_digest != creation_token("kokkola", "user-1", "k", {"a": 2}).payload_digest
    assert token.payload_digest != creation_token("kokkola", "user-1", "other", {"a": 1}).payload_digest


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
    def create_that_retries_itself(_: CreationToken) -> dict[str, Any]:
        return run(creation, Counter())

    with pytest.raises(IdempotencyInProgress):
        run(creation, create_that_retries_itself)


def test_a_failed_creation_can_be_retried_with_the_same_token(creation: IdempotentCreation) -> None:
    seen: list[CreationToken] = []

    def failing(token: CreationToken) -> dict[str, Any]:
        seen.append(token)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run(creation, failing)
    retry = Counter()

    assert run(creation, retry) == {"reportId": "r-1"}
    # The use case sees the same token again, so its own record can recognise the repeat.
    assert retry.tokens == seen


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
