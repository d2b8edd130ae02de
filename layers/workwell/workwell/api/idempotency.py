"""Idempotency for creating routes (api.md): key scoped to tenant + caller + header value;
missing key 400, in progress 409, same key with another body 422; 24 hours. No record
holds the key, the caller, the body or a secret in plaintext."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.utilities.idempotency import (
    BasePersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyValidationError,
)
from aws_lambda_powertools.utilities.idempotency.serialization.no_op import NoOpSerializer
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from workwell.domain.errors import (
    IdempotencyConflict,
    IdempotencyInProgress,
    IdempotencyKeyMissing,
    InvalidInput,
)
from workwell.service_layer.creation_token import CreationToken

HEADER = "Idempotency-Key"
KEY_TTL_SECONDS = 24 * 60 * 60
_VISIBLE = re.compile(r"^[\x21-\x7e]{1,128}$")


def idempotency_key_from(headers: Mapping[str, str] | None, min_length: int = 1) -> str:
    """`min_length` is raised on anonymous routes, where every reporter of a tenant shares
    one scope: a short, guessable key could otherwise replay someone else's answer."""
    value = next((v for k, v in (headers or {}).items() if k.lower() == HEADER.lower()), None)
    if value is None or value == "":
        raise IdempotencyKeyMissing("The Idempotency-Key header is required for this request.")
    if not _VISIBLE.fullmatch(value) or len(value) < min_length:
        raise InvalidInput.at(("header", HEADER), f"must be {min_length}-128 visible ASCII characters")
    return value


def _canonical(payload: Any) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def creation_token(tenant_id: str, caller: str, key: str, payload: Any) -> CreationToken:
    scope = hashlib.sha256(f"{tenant_id}\x00{caller}\x00{key}".encode()).digest()
    return CreationToken(
        key=hashlib.sha256(b"creation\x00" + scope).hexdigest(),
        payload_digest=hmac.new(scope, _canonical(payload), hashlib.sha256).hexdigest(),
    )


class IdempotentCreation:
    """Powertools idempotency around a creating use case. The record holds the answer as it
    is, so answers carry ids and references only; a secret in an answer (an anonymous
    receipt) is sealed by the use case before it gets here. The payload is given to
    Powertools only as a keyed digest: its own validation hash is a plain MD5 of what it
    is given, which would let anyone with a table dump confirm guesses of a short text."""

    def __init__(self, persistence: BasePersistenceLayer) -> None:
        self._persistence = persistence

    def run(
        self,
        token: CreationToken,
        create: Callable[[CreationToken], dict[str, Any]],
        lambda_context: LambdaContext | None,
    ) -> dict[str, Any]:
        """Run `create` once per token (see `creation_token`); a repeat returns the first
        answer. `create` gets the token, so its own transaction can hold on to it too."""
        config = IdempotencyConfig(
            event_key_jmespath="scope",
            payload_validation_jmespath="payload",
            raise_on_no_idempotency_key=True,
            expires_after_seconds=KEY_TTL_SECONDS,
        )
        if lambda_context is not None:
            config.register_lambda_context(lambda_context)

        @idempotent_function(
            data_keyword_argument="request",
            persistence_store=self._persistence,
            config=config,
            output_serializer=NoOpSerializer(),  # type: ignore[no-untyped-call]
        )
        def _once(request: dict[str, Any]) -> dict[str, Any]:
            return create(token)

        try:
            answer: dict[str, Any] = _once(request={"scope": token.key, "payload": token.payload_digest})
            return answer
        except IdempotencyAlreadyInProgressError:
            raise IdempotencyInProgress(
                "The first request with this Idempotency-Key is still running."
            ) from None
        except IdempotencyValidationError:
            raise IdempotencyConflict("This Idempotency-Key was used with another request body.") from None


def run_once(
    app: APIGatewayRestResolver,
    idempotent: IdempotentCreation,
    *,
    tenant_id: str,
    caller: str,
    payload: Any,
    create: Callable[[CreationToken], BaseModel],
    min_key: int = 1,
) -> tuple[dict[str, Any], CreationToken]:
    """Run a creating use case once per Idempotency-Key; repeats get the first answer."""
    key = idempotency_key_from(app.current_event.headers, min_length=min_key)
    token = creation_token(tenant_id, caller, key, payload)
    answer = idempotent.run(
        token, lambda t: create(t).model_dump(mode="json", by_alias=True), app.lambda_context
    )
    return answer, token
