"""Idempotency for creating routes (api.md): key scoped to tenant + caller + header value;
missing key 400, in progress 409, same key with another body 422; 24 hours. The cached
answer is sealed with the restricted-data cipher, so no record holds it in plaintext."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any

from aws_lambda_powertools.utilities.idempotency import (
    BasePersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyValidationError,
)
from aws_lambda_powertools.utilities.idempotency.serialization.base import BaseIdempotencySerializer
from aws_lambda_powertools.utilities.idempotency.serialization.no_op import NoOpSerializer
from aws_lambda_powertools.utilities.typing import LambdaContext

from workwell.domain.errors import (
    IdempotencyConflict,
    IdempotencyInProgress,
    IdempotencyKeyMissing,
    InvalidInput,
)
from workwell.service_layer.field_cipher import FieldCipher, RecordContext

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


class SealedResponseSerializer(BaseIdempotencySerializer):
    """Stores only a ciphertext of the answer, bound to this tenant and scoped key."""

    def __init__(self, cipher: FieldCipher, record: RecordContext) -> None:
        self._cipher, self._record = cipher, record

    def to_dict(self, data: Any) -> dict[str, str]:
        return {"sealed": self._cipher.encrypt(data, self._record)}

    def from_dict(self, data: dict[str, Any]) -> Any:
        return self._cipher.decrypt(data["sealed"], self._record)


class IdempotentCreation:
    def __init__(self, persistence: BasePersistenceLayer, cipher: FieldCipher) -> None:
        self._persistence, self._cipher = persistence, cipher

    def run(
        self,
        *,
        tenant_id: str,
        caller: str,
        key: str,
        payload: Any,
        create: Callable[[], dict[str, Any]],
        lambda_context: LambdaContext | None,
        answer_holds_secret: bool = True,
    ) -> dict[str, Any]:
        """Run `create` once per (tenant, caller, key); a repeat returns the first answer.
        An answer without secrets (ids and references only) is kept as it is, which saves
        a KMS call; one with a secret is sealed."""
        scope = hashlib.sha256(f"{tenant_id}\x00{caller}\x00{key}".encode()).hexdigest()
        config = IdempotencyConfig(
            event_key_jmespath="scope",
            payload_validation_jmespath="payload",
            raise_on_no_idempotency_key=True,
            expires_after_seconds=KEY_TTL_SECONDS,
        )
        if lambda_context is not None:
            config.register_lambda_context(lambda_context)
        serializer: BaseIdempotencySerializer = (
            SealedResponseSerializer(self._cipher, RecordContext(tenant_id, "idempotency", scope))
            if answer_holds_secret
            else NoOpSerializer()  # type: ignore[no-untyped-call]
        )

        @idempotent_function(
            data_keyword_argument="request",
            persistence_store=self._persistence,
            config=config,
            output_serializer=serializer,
        )
        def _once(request: dict[str, Any]) -> dict[str, Any]:
            return create()

        try:
            answer: dict[str, Any] = _once(request={"scope": scope, "payload": payload})
            return answer
        except IdempotencyAlreadyInProgressError:
            raise IdempotencyInProgress(
                "The first request with this Idempotency-Key is still running."
            ) from None
        except IdempotencyValidationError:
            raise IdempotencyConflict("This Idempotency-Key was used with another request body.") from None
