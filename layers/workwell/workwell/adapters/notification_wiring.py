"""What the notifier and the digest build once per container, each part on first use."""

from __future__ import annotations

import functools
from typing import Any

import boto3

from workwell.adapters.dynamodb_digest_ledger import DynamoDbDigestLedger
from workwell.adapters.dynamodb_outbox_deliveries import DynamoDbOutboxDeliveries
from workwell.adapters.function_wiring import FunctionWiring
from workwell.adapters.kms_person_blinding import KmsPersonBlinding
from workwell.adapters.ses_mailer import SesMailer
from workwell.config import NotificationSettings, NotifierSettings
from workwell.domain.notifications.sign_in_links import SignInLinks
from workwell.service_layer.field_cipher import FieldCipher, RecordContext
from workwell.service_layer.notifications.notification_delivery import NotificationPorts
from workwell.service_layer.notifications.weekday_digest import DigestPorts


class _MailingWiring:
    def __init__(self, settings: NotificationSettings) -> None:
        self.settings = settings

    @functools.cached_property
    def base(self) -> FunctionWiring:
        return FunctionWiring.build(self.settings, boto3.client("dynamodb"))

    @functools.cached_property
    def blinding(self) -> KmsPersonBlinding:
        return KmsPersonBlinding(boto3.client("kms"), self.settings.blinding_key_id)

    @functools.cached_property
    def mailer(self) -> SesMailer:
        return SesMailer(boto3.client("sesv2"))

    @property
    def links(self) -> SignInLinks:
        return SignInLinks(self.settings.app_url)


class _ContactCipher:
    """Builds the Encryption SDK cipher only when a reporter's contact is first opened: a
    new report's notice to its handler (the one that must be fast) never needs it."""

    def __init__(self, key_arn: str) -> None:
        self._key_arn = key_arn

    @functools.cached_property
    def _cipher(self) -> FieldCipher:
        from workwell.adapters.restricted_field_cipher import RestrictedFieldCipher

        return RestrictedFieldCipher(self._key_arn)

    def encrypt(self, value: Any, record: RecordContext) -> str:
        return self._cipher.encrypt(value, record)

    def decrypt(self, ciphertext: str, record: RecordContext) -> Any:
        return self._cipher.decrypt(ciphertext, record)


class NotifierWiring(_MailingWiring):
    settings: NotifierSettings

    def __init__(self, settings: NotifierSettings) -> None:
        super().__init__(settings)

    @functools.cached_property
    def ports(self) -> NotificationPorts:
        return NotificationPorts(
            deliveries=DynamoDbOutboxDeliveries(self.base.dynamodb, self.base.tables.main),
            uow=self.base.uow,
            blinding=self.blinding,
            cipher=_ContactCipher(self.settings.restricted_data_key_id),
            mailer=self.mailer,
            links=self.links,
        )


class DigestWiring(_MailingWiring):
    @functools.cached_property
    def ports(self) -> DigestPorts:
        return DigestPorts(
            uow=self.base.uow,
            ledger=DynamoDbDigestLedger(self.base.dynamodb, self.base.tables.main),
            blinding=self.blinding,
            mailer=self.mailer,
            links=self.links,
            clock=self.base.clock.now,
        )
