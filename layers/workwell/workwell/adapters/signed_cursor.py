"""List cursors: the store position, a binding to tenant, caller and query, and the time
of issue, signed with a KMS HMAC key. A foreign, tampered or stale cursor is refused."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import ClientError

from workwell.adapters.clock import Clock
from workwell.domain.errors import InvalidCursor, ServiceBusy
from workwell.service_layer.pagination import CursorCodec, Position

if TYPE_CHECKING:
    from mypy_boto3_kms.client import KMSClient

MAX_CURSOR_LENGTH = 2048
CURSOR_MAX_AGE_SECONDS = 60 * 60
_ALGORITHM: Final = "HMAC_SHA_256"
_REFUSED_MAC = {"KMSInvalidMacException", "ValidationException"}
_BUSY = {"ThrottlingException", "KMSInternalException", "LimitExceededException"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SignedCursorCodec:
    def __init__(
        self, kms: KMSClient, key_id: str, clock: Clock, max_age_seconds: int = CURSOR_MAX_AGE_SECONDS
    ) -> None:
        self._kms, self._key_id, self._clock, self._max_age = kms, key_id, clock, max_age_seconds

    def encode(self, position: Position, binding: str) -> str:
        issued = int(self._clock.now().timestamp())
        content = {"p": position, "b": binding, "t": issued}
        payload = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
        mac = self._kms_call("generate_mac", KeyId=self._key_id, Message=payload, MacAlgorithm=_ALGORITHM)[
            "Mac"
        ]
        return f"{_b64(payload)}.{_b64(mac)}"

    def decode(self, cursor: str, binding: str) -> Position:
        refused = InvalidCursor("The cursor is not valid for this list.")
        try:
            if len(cursor) > MAX_CURSOR_LENGTH:
                raise ValueError("too long")
            payload_text, mac_text = cursor.split(".")
            payload, mac = _unb64(payload_text), _unb64(mac_text)
        except (ValueError, binascii.Error):
            raise refused from None
        try:
            self._kms_call(
                "verify_mac", KeyId=self._key_id, Message=payload, Mac=mac, MacAlgorithm=_ALGORITHM
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in _REFUSED_MAC:
                raise refused from None
            raise
        content: dict[str, Any] = json.loads(payload)
        age = self._clock.now().timestamp() - float(content.get("t", 0))
        if (
            content.get("b") != binding
            or not isinstance(content.get("p"), dict)
            or not 0 <= age <= self._max_age
        ):
            raise refused
        return dict(content["p"])

    def _kms_call(self, operation: str, **kwargs: Any) -> Any:
        try:
            return getattr(self._kms, operation)(**kwargs)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code in _BUSY:
                raise ServiceBusy("The service is busy; please try again.") from None
            raise


class LazyCursorCodec:
    """Builds the codec (and its KMS client) only when a list first pages: most requests
    never read or write a cursor, and a KMS client costs cold-start time."""

    def __init__(self, build: Callable[[], CursorCodec]) -> None:
        self._build = build

    def encode(self, position: Position, binding: str) -> str:
        return self._build().encode(position, binding)

    def decode(self, cursor: str, binding: str) -> Position:
        return self._build().decode(cursor, binding)
