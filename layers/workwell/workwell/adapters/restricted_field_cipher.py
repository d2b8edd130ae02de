"""Envelope encryption of restricted fields with Powertools Data Masking (AWS Encryption
SDK, KMS key provider) and an ids-only encryption context."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.data_masking import DataMasking
from aws_lambda_powertools.utilities.data_masking.exceptions import (
    DataMaskingContextMismatchError,
    DataMaskingDecryptKeyError,
    DataMaskingDecryptValueError,
)
from aws_lambda_powertools.utilities.data_masking.provider.kms.aws_encryption_sdk import (
    AWSEncryptionSDKProvider,
)

from workwell.service_layer.field_cipher import RecordContext


class CiphertextRejected(Exception):
    """The ciphertext does not belong to this record, or was tampered with."""


class RestrictedFieldCipher:
    def __init__(self, key_arn: str) -> None:
        self._masking = DataMasking(provider=AWSEncryptionSDKProvider(keys=[key_arn]))

    def encrypt(self, value: Any, record: RecordContext) -> str:
        return str(self._masking.encrypt(value, None, **record.as_encryption_context()))

    def decrypt(self, ciphertext: str, record: RecordContext) -> Any:
        try:
            return self._masking.decrypt(ciphertext, None, **record.as_encryption_context())
        except (DataMaskingContextMismatchError, DataMaskingDecryptKeyError, DataMaskingDecryptValueError):
            raise CiphertextRejected("ciphertext rejected for this record") from None
