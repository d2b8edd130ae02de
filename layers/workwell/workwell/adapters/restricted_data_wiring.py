"""What the functions that handle restricted data (reports, cases) build once per container,
each part on first use: the cipher (the Encryption SDK is imported only when content is first
sealed or opened), idempotency, person blinding and list cursors."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import boto3

from workwell.adapters.function_wiring import FunctionWiring
from workwell.adapters.kms_person_blinding import KmsPersonBlinding
from workwell.adapters.signed_cursor import SignedCursorCodec
from workwell.config import RestrictedDataSettings

if TYPE_CHECKING:
    from workwell.api.idempotency import IdempotentCreation
    from workwell.service_layer.field_cipher import FieldCipher


class RestrictedDataWiring:
    def __init__(self, settings: RestrictedDataSettings) -> None:
        self.settings = settings

    @functools.cached_property
    def base(self) -> FunctionWiring:
        return FunctionWiring.build(self.settings, boto3.client("dynamodb"))

    @functools.cached_property
    def cipher(self) -> FieldCipher:
        from workwell.adapters.restricted_field_cipher import RestrictedFieldCipher

        return RestrictedFieldCipher(self.settings.restricted_data_key_id)

    @functools.cached_property
    def idempotent(self) -> IdempotentCreation:
        from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

        from workwell.api.idempotency import IdempotentCreation

        persistence = DynamoDBPersistenceLayer(
            table_name=self.settings.idempotency_table_name, boto3_client=self.base.dynamodb
        )
        return IdempotentCreation(persistence)

    @functools.cached_property
    def blinding(self) -> KmsPersonBlinding:
        return KmsPersonBlinding(boto3.client("kms"), self.settings.blinding_key_id)

    @functools.cached_property
    def cursors(self) -> SignedCursorCodec:
        return SignedCursorCodec(boto3.client("kms"), self.settings.cursor_key_id, self.base.clock)
