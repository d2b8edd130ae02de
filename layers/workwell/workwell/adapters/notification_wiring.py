"""What the notifier and the digest build once per container, each part on first use."""

from __future__ import annotations

import functools

import boto3

from workwell.adapters.dynamodb_digest_ledger import DynamoDbDigestLedger
from workwell.adapters.dynamodb_outbox_deliveries import DynamoDbOutboxDeliveries
from workwell.adapters.function_wiring import FunctionWiring
from workwell.adapters.kms_person_blinding import KmsPersonBlinding
from workwell.adapters.ses_mailer import SesMailer
from workwell.config import DigestSettings, NotificationSettings, NotifierSettings
from workwell.domain.sign_in_links import SignInLinks
from workwell.service_layer.notification_delivery import NotificationPorts
from workwell.service_layer.weekday_digest import DigestPorts


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


class NotifierWiring(_MailingWiring):
    settings: NotifierSettings

    def __init__(self, settings: NotifierSettings) -> None:
        super().__init__(settings)

    @functools.cached_property
    def ports(self) -> NotificationPorts:
        from workwell.adapters.restricted_field_cipher import RestrictedFieldCipher

        return NotificationPorts(
            deliveries=DynamoDbOutboxDeliveries(self.base.dynamodb, self.base.tables.main),
            uow=self.base.uow,
            blinding=self.blinding,
            cipher=RestrictedFieldCipher(self.settings.restricted_data_key_id),
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
        )


__all__ = ["DigestSettings", "DigestWiring", "NotifierWiring"]
