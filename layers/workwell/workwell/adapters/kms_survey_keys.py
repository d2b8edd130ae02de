"""Per-person survey keys: a KMS data key (AES-256) wrapped under the restricted-data key
with the encryption context {tenant_id, record_type: survey_person_key, person_id}, and
AES-GCM (the `cryptography` package, which the Encryption SDK already brings) for each
sealed value, with its record's ids as associated data. The function's IAM policy allows
this key only with that record type."""

from __future__ import annotations

import base64
import json
import os
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from workwell.domain.errors import ServiceBusy
from workwell.service_layer.survey.survey_keys import SealedRecord, SealRejected

if TYPE_CHECKING:
    from mypy_boto3_kms.client import KMSClient

PERSON_KEY_RECORD_TYPE = "survey_person_key"
# A format byte first, so a later scheme can be told apart from this one.
_FORMAT = b"\x01"
_NONCE_BYTES = 12
_BUSY = {
    "ThrottlingException",
    "KMSInternalException",
    "LimitExceededException",
    "DependencyTimeoutException",
}
_REJECTED = {"InvalidCiphertextException", "IncorrectKeyException"}


def _key_context(tenant_id: str, person_id: str) -> dict[str, str]:
    return {"tenant_id": tenant_id, "record_type": PERSON_KEY_RECORD_TYPE, "person_id": person_id}


def _associated_data(record: SealedRecord) -> bytes:
    return json.dumps(record.as_context(), sort_keys=True, separators=(",", ":")).encode()


class AesGcmPersonKey:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, value: Any, record: SealedRecord) -> str:
        nonce = os.urandom(_NONCE_BYTES)
        plaintext = json.dumps(value, separators=(",", ":")).encode()
        sealed = self._aead.encrypt(nonce, plaintext, _associated_data(record))
        return base64.b64encode(_FORMAT + nonce + sealed).decode()

    def open(self, sealed: str, record: SealedRecord) -> Any:
        try:
            raw = base64.b64decode(sealed, validate=True)
            if raw[:1] != _FORMAT:
                raise SealRejected("unknown sealing format")
            nonce, body = raw[1 : 1 + _NONCE_BYTES], raw[1 + _NONCE_BYTES :]
            return json.loads(self._aead.decrypt(nonce, body, _associated_data(record)))
        except (InvalidTag, ValueError):
            raise SealRejected("sealed value rejected for this record") from None


class KmsSurveyKeys:
    def __init__(self, kms: KMSClient, key_id: str) -> None:
        self._kms, self._key_id = kms, key_id

    def new_key(self, tenant_id: str, person_id: str) -> tuple[AesGcmPersonKey, bytes]:
        response = self._call(
            self._kms.generate_data_key,
            KeyId=self._key_id,
            KeySpec="AES_256",
            EncryptionContext=_key_context(tenant_id, person_id),
        )
        return AesGcmPersonKey(response["Plaintext"]), response["CiphertextBlob"]

    def open_key(self, tenant_id: str, person_id: str, wrapped: bytes) -> AesGcmPersonKey:
        response = self._call(
            self._kms.decrypt,
            KeyId=self._key_id,
            CiphertextBlob=wrapped,
            EncryptionContext=_key_context(tenant_id, person_id),
        )
        return AesGcmPersonKey(response["Plaintext"])

    @staticmethod
    def _call(operation: Any, **kwargs: Any) -> Any:
        try:
            return operation(**kwargs)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code")
            if code in _BUSY:
                raise ServiceBusy("The service is busy; please try again.") from None
            if code in _REJECTED:
                raise SealRejected("the wrapped key does not belong to this person") from None
            raise
