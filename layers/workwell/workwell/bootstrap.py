"""The functions' one composition root: every port a function uses, built from its settings
on first use and then kept for the life of the container.

Each functions/<name>/handler.py makes one `Bootstrap` at import, from a settings factory it
passes (`lambda: ReportsSettings.from_environment(os.environ)`), and asks it for ports where
a route needs them. Nothing is built at import: not the settings, not an AWS client, and no
module a port needs is imported until the port is first asked for, so a cold start pays for
the ports of the request it serves (the Encryption SDK, Powertools idempotency and the
notifier's modules are never loaded by the main routes). Tests fill any port with a fake
(`bootstrap.fill(uow=lambda: FakeUnitOfWork(store), clock=FixedClock(...))`) before it is
first built.

A port that needs a setting the function does not have (the admin function has no
restricted-data key) fails when asked for, naming the setting."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from workwell.config import EnvironmentSettings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient
    from mypy_boto3_kms.client import KMSClient

    from workwell.adapters.cached_staff_lookup import CachedStaffLookup
    from workwell.adapters.cached_tray_scope import CachedTrayScopes
    from workwell.adapters.clock import Clock
    from workwell.adapters.dynamodb_unit_of_work import TableNames
    from workwell.api.idempotency import IdempotentCreation
    from workwell.domain.notifications.sign_in_links import SignInLinks
    from workwell.service_layer.field_cipher import FieldCipher
    from workwell.service_layer.notifications.mail_sender import MailSender
    from workwell.service_layer.notifications.notification_delivery import NotificationPorts
    from workwell.service_layer.notifications.weekday_digest import DigestPorts
    from workwell.service_layer.pagination import CursorCodec
    from workwell.service_layer.person_blinding import PersonBlinding
    from workwell.service_layer.survey.survey_keys import SurveyKeys
    from workwell.service_layer.survey.survey_ports import SurveyPorts
    from workwell.service_layer.unit_of_work import UnitOfWork


S = TypeVar("S", bound=EnvironmentSettings)


class Bootstrap(Generic[S]):
    def __init__(self, settings: Callable[[], S]) -> None:
        self._settings_factory = settings

    def fill(self, **ports: Any) -> Bootstrap[S]:
        """Use these instead of building them (tests: fakes). Only names of ports, and only
        before the port was built: a fake must not replace what a route already holds."""
        for name, port in ports.items():
            if not isinstance(getattr(type(self), name, None), functools.cached_property):
                raise AttributeError(f"Bootstrap has no port {name!r}")
            if name in self.__dict__:
                raise RuntimeError(f"the port {name!r} was already built")
            self.__dict__[name] = port
        return self

    def _setting(self, name: str) -> Any:
        value = getattr(self.settings, name, None)
        if value is None:
            raise RuntimeError(f"this function's settings have no {name} (see workwell.config)")
        return value

    # ------------------------------------------------------------------ every function

    @functools.cached_property
    def settings(self) -> S:
        return self._settings_factory()

    @functools.cached_property
    def clock(self) -> Clock:
        from workwell.adapters.clock import SystemClock

        return SystemClock()

    @functools.cached_property
    def dynamodb(self) -> DynamoDBClient:
        import boto3

        return boto3.client("dynamodb")

    @functools.cached_property
    def kms(self) -> KMSClient:
        import boto3

        return boto3.client("kms")

    @functools.cached_property
    def tables(self) -> TableNames:
        from workwell.adapters.dynamodb_unit_of_work import TableNames

        return TableNames(
            main=self._setting("main_table_name"),
            audit=self._setting("audit_table_name"),
            survey=getattr(self.settings, "survey_table_name", None),
        )

    @functools.cached_property
    def unit_of_work(self) -> Callable[[], UnitOfWork]:
        """A new unit of work per use case (they stage writes)."""
        from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork

        return functools.partial(DynamoDbUnitOfWork, self.dynamodb, self.tables)

    def uow(self) -> UnitOfWork:
        return self.unit_of_work()

    @functools.cached_property
    def staff_lookup(self) -> CachedStaffLookup:
        """Roles through a short per-container cache (at most `staff_cache_seconds`)."""
        from workwell.adapters.cached_staff_lookup import CachedStaffLookup

        return CachedStaffLookup(self.uow().staff, self.clock, self._setting("staff_cache_seconds"))

    @functools.cached_property
    def tray_scopes(self) -> CachedTrayScopes:
        """Each tenant's rollout and tenant groups through a short per-container cache (at
        most `tray_scope_cache_seconds`): the tray's gate, read on every list and order."""
        from workwell.adapters.cached_tray_scope import CachedTrayScopes

        return CachedTrayScopes(self.unit_of_work, self.clock, self._setting("tray_scope_cache_seconds"))

    @functools.cached_property
    def cursors(self) -> CursorCodec:
        """List cursors signed with the KMS HMAC key: built when a list first pages."""
        from workwell.adapters.signed_cursor import SignedCursorCodec

        return SignedCursorCodec(self.kms, self._setting("cursor_key_id"), self.clock)

    # ------------------------------------------------------------------ restricted data

    @functools.cached_property
    def cipher(self) -> FieldCipher:
        """The Encryption SDK is imported only when content is first sealed or opened."""
        from workwell.adapters.restricted_field_cipher import RestrictedFieldCipher

        return RestrictedFieldCipher(self._setting("restricted_data_key_id"))

    @functools.cached_property
    def idempotent(self) -> IdempotentCreation:
        from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

        from workwell.api.idempotency import IdempotentCreation

        persistence = DynamoDBPersistenceLayer(
            table_name=self._setting("idempotency_table_name"), boto3_client=self.dynamodb
        )
        return IdempotentCreation(persistence)

    @functools.cached_property
    def blinding(self) -> PersonBlinding:
        from workwell.adapters.kms_person_blinding import KmsPersonBlinding

        return KmsPersonBlinding(self.kms, self._setting("blinding_key_id"))

    @functools.cached_property
    def survey_ports(self) -> SurveyPorts:
        """People's survey keys (one KMS request per response), and the tenant's settings
        and offered services through a short per-container cache (`survey_cache_seconds`)."""
        from workwell.adapters.container_cache import ContainerCache
        from workwell.service_layer.survey.survey_ports import SurveyPorts, offered_services, settings_of

        ttl = self._setting("survey_cache_seconds")
        settings: ContainerCache[str, Any] = ContainerCache(self.clock, ttl)
        services: ContainerCache[tuple[str, str | None], Any] = ContainerCache(self.clock, ttl)
        scopes = self.tray_scopes_for_surveys
        return SurveyPorts(
            uow=self.unit_of_work,
            make_keys=self._survey_keys,
            settings_of=lambda tenant: settings.get(tenant, lambda: settings_of(tenant, self.uow())),
            services_for=lambda principal: services.get(
                (principal.tenant_id, principal.identity.group),
                lambda: offered_services(principal, scopes, self.uow()),
            ),
        )

    def _survey_keys(self) -> SurveyKeys:
        # AES-GCM (`cryptography`) and a KMS client, only once a route opens or makes a key.
        from workwell.adapters.kms_survey_keys import KmsSurveyKeys

        return KmsSurveyKeys(self.kms, self._setting("restricted_data_key_id"))

    @functools.cached_property
    def tray_scopes_for_surveys(self) -> CachedTrayScopes:
        from workwell.adapters.cached_tray_scope import CachedTrayScopes

        return CachedTrayScopes(self.unit_of_work, self.clock, self._setting("survey_cache_seconds"))

    # ------------------------------------------------------------------ email

    @functools.cached_property
    def mailer(self) -> MailSender:
        import boto3

        from workwell.adapters.ses_mailer import SesMailer

        return SesMailer(boto3.client("sesv2"))

    @functools.cached_property
    def links(self) -> SignInLinks:
        from workwell.domain.notifications.sign_in_links import SignInLinks

        return SignInLinks(self._setting("app_url"))

    @functools.cached_property
    def notification_ports(self) -> NotificationPorts:
        """The notifier's. A reporter's contact is opened only for notices to reporters, so
        the cipher (and the Encryption SDK) is built on its first use, not with the ports:
        a new report's notice to its handler, the one that must be fast, never needs it."""
        from workwell.adapters.dynamodb_outbox_deliveries import DynamoDbOutboxDeliveries
        from workwell.service_layer.notifications.notification_delivery import NotificationPorts

        return NotificationPorts(
            deliveries=DynamoDbOutboxDeliveries(self.dynamodb, self.tables.main),
            uow=self.unit_of_work,
            blinding=self.blinding,
            cipher=_CipherOnFirstUse(lambda: self.cipher),
            mailer=self.mailer,
            links=self.links,
        )

    @functools.cached_property
    def digest_ports(self) -> DigestPorts:
        from workwell.adapters.dynamodb_digest_ledger import DynamoDbDigestLedger
        from workwell.service_layer.notifications.weekday_digest import DigestPorts

        return DigestPorts(
            uow=self.unit_of_work,
            ledger=DynamoDbDigestLedger(self.dynamodb, self.tables.main),
            blinding=self.blinding,
            mailer=self.mailer,
            links=self.links,
            clock=self.clock.now,
        )


class _CipherOnFirstUse:
    def __init__(self, build: Callable[[], FieldCipher]) -> None:
        self._build = build

    def encrypt(self, value: Any, record: Any) -> str:
        return self._build().encrypt(value, record)

    def decrypt(self, ciphertext: str, record: Any) -> Any:
        return self._build().decrypt(ciphertext, record)
