"""List cursors: the store position plus a binding to tenant, caller and query, signed
with a KMS HMAC key. A foreign, replayed-elsewhere or tampered cursor is refused."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import ClientError

from workwell.domain.errors import InvalidCursor
from workwell.service_layer.pagination import Position

if TYPE_CHECKING:
    from mypy_boto3_kms.client import KMSClient

MAX_CURSOR_LENGTH = 2048
_ALGORITHM: Final = "HMAC_SHA_256"


def cursor_binding(tenant_id: str, caller: str, query: str) -> str:
    return hashlib.sha256(f"{tenant_id}\x00{caller}\x00{query}".encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SignedCursorCodec:
    def __init__(self, kms: KMSClient, key_id: str) -> None:
        self._kms, self._key_id = kms, key_id

    def encode(self, position: Position, binding: str) -> str:
        payload = json.dumps({"p": position, "b": binding}, sort_keys=True, separators=(",", ":")).encode()
        mac = self._kms.generate_mac(KeyId=self._key_id, Message=payload, MacAlgorithm=_ALGORITHM)["Mac"]
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
            self._kms.verify_mac(KeyId=self._key_id, Message=payload, Mac=mac, MacAlgorithm=_ALGORITHM)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {
                "KMSInvalidMacException",
                "ValidationException",
            }:
                raise refused from None
            raise
        content: dict[str, Any] = json.loads(payload)
        if content.get("b") != binding or not isinstance(content.get("p"), dict):
            raise refused
        return dict(content["p"])
