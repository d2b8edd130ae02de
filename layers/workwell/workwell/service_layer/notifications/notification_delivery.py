"""Delivering one outbox message: claim it, decide who is to be told now, send each of them
a neutral email in their language, and mark it done. Safe to run any number of times for
the same message: a repeated stream record, a retry and the sweeper send each email once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from workwell.domain.cases.case_access import Viewer
from workwell.domain.localised_text import Language
from workwell.domain.notifications.notification_recipients import (
    AUDIENCE,
    REPORTER_KEY,
    Audience,
    candidate_ids,
    staff_recipients,
)
from workwell.domain.notifications.notification_texts import notice_email, recipient_language
from workwell.domain.notifications.sign_in_links import SignInLinks
from workwell.domain.notifications.tray_notices import (
    TrayAudience,
    TrayNotice,
    order_audience,
    proposal_audience,
)
from workwell.domain.staff.role_grants import GRANT_CONFIRMER_ROLES, RoleChange
from workwell.domain.staff.roles import Role
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.service_layer.field_cipher import FieldCipher
from workwell.service_layer.notifications.delivery_claims import (
    MAX_DELIVERY_ATTEMPTS,
    ClaimedMessage,
    OutboxDeliveries,
)
from workwell.service_layer.notifications.mail_sender import MailRejected, MailSender, MailUnavailable
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.reports.reporter_contact import open_contact
from workwell.service_layer.unit_of_work import StoredReport, UnitOfWork

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NotificationPorts:
    deliveries: OutboxDeliveries
    uow: Callable[[], UnitOfWork]
    blinding: PersonBlinding
    # Opens reporters' contacts only (the notifier's key permission allows nothing else).
    cipher: FieldCipher
    mailer: MailSender
    links: SignInLinks


class DeliveryOutcome(StrEnum):
    SENT = "sent"
    # Nobody may be told now (recused, removed, anonymous reporter, case gone).
    NOBODY_TO_TELL = "nobodyToTell"
    # Done already, or another delivery holds it right now.
    SKIPPED = "skipped"
    # Every recipient was refused for good.
    REJECTED = "rejected"
    # Tried too often (see MAX_DELIVERY_ATTEMPTS): marked failed, not tried again.
    GAVE_UP = "gaveUp"

    @property
    def failed(self) -> bool:
        return self in {DeliveryOutcome.REJECTED, DeliveryOutcome.GAVE_UP}


@dataclass(frozen=True)
class DeliveryReport:
    outcome: DeliveryOutcome
    sent: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class Addressee:
    key: str
    email: str
    language: Language
    link: str


@dataclass
class _Progress:
    sent: int = 0
    recorded: int = 0


def deliver_outbox_message(
    ports: NotificationPorts, tenant_id: str, message_id: str, now: datetime
) -> DeliveryReport:
    claimed = ports.deliveries.claim(tenant_id, message_id, now)
    if claimed is None:
        return DeliveryReport(DeliveryOutcome.SKIPPED)
    if claimed.attempts > MAX_DELIVERY_ATTEMPTS:
        ports.deliveries.finish(tenant_id, message_id, claimed.claim_id, failed=True)
        return DeliveryReport(DeliveryOutcome.GAVE_UP)
    progress = _Progress()
    try:
        return _deliver(ports, claimed, now, progress)
    except MailUnavailable:
        # Not this message's fault: it does not use up an attempt.
        ports.deliveries.release(tenant_id, message_id, claimed.claim_id, uncount=True)
        raise
    except Exception:
        # Let the retry start at once, unless an email went out and its record did not
        # land: then the claim stays until its lease ends, so that the stream's quick
        # retries cannot repeat it (a re-drive after the lease still could: see docs).
        if progress.sent == progress.recorded:
            ports.deliveries.release(tenant_id, message_id, claimed.claim_id)
        raise


def _deliver(
    ports: NotificationPorts, claimed: ClaimedMessage, now: datetime, progress: _Progress
) -> DeliveryReport:
    message = claimed.message
    tenant_id = message.tenant_id
    uow = ports.uow()
    versioned_settings = uow.settings.get(tenant_id)
    subject = (
        None if versioned_settings is None else _subject(ports, uow, claimed, versioned_settings.value, now)
    )
    if versioned_settings is None or subject is None or not subject.addressees:
        ports.deliveries.finish(tenant_id, message.message_id, claimed.claim_id, failed=False)
        return DeliveryReport(DeliveryOutcome.NOBODY_TO_TELL)
    sender, reference, addressees = versioned_settings.value.sender, subject.reference, subject.addressees
    sent = rejected = 0
    for addressee in addressees:
        if addressee.key in claimed.delivered_to:
            continue
        email = notice_email(subject.notice or message.kind, addressee.language, reference, addressee.link)
        try:
            ports.mailer.send(sender=sender, recipient=addressee.email, email=email)
        except MailRejected:
            rejected += 1
            logger.warning("notification refused for good", extra={"outbox_kind": message.kind.value})
            continue
        progress.sent += 1
        ports.deliveries.record_delivery(tenant_id, message.message_id, addressee.key)
        progress.recorded += 1
        sent += 1
    failed = sent == 0 and not claimed.delivered_to and rejected > 0
    ports.deliveries.finish(tenant_id, message.message_id, claimed.claim_id, failed=failed)
    outcome = DeliveryOutcome.REJECTED if failed else DeliveryOutcome.SENT
    return DeliveryReport(outcome, sent=sent, rejected=rejected)


@dataclass(frozen=True)
class _Subject:
    """What the message is about, as far as its email shows: a reference, and who is told."""

    reference: str
    addressees: list[Addressee]
    # A tray notice says what happened, decided at send time; None: the kind's own text.
    notice: TrayNotice | None = None


def _subject(
    ports: NotificationPorts,
    uow: UnitOfWork,
    claimed: ClaimedMessage,
    settings: TenantSettings,
    now: datetime,
) -> _Subject | None:
    message = claimed.message
    if message.kind.is_about_tray:
        return _tray_subject(ports, uow, claimed, settings)
    if not message.kind.is_about_case:
        stored_change = uow.role_changes.get(message.tenant_id, message.subject_id)
        if stored_change is None:
            return None
        change = stored_change.value
        return _Subject(change.change_id, _role_change_addressees(ports, uow, change, settings))
    stored = uow.reports.get(message.tenant_id, message.report_id, now)
    if stored is None:
        return None
    return _Subject(stored.report.value.reference, _addressees(ports, uow, claimed, stored, settings))


def _tray_subject(
    ports: NotificationPorts, uow: UnitOfWork, claimed: ClaimedMessage, settings: TenantSettings
) -> _Subject | None:
    """The service or order as it is now says which notice, if any, and for whom."""
    message, links = claimed.message, ports.links
    audience: TrayAudience | None
    if message.kind.subject_attribute == "service_id":
        stored_service = uow.tray.service(message.subject_id)
        if stored_service is None:
            return None
        audience = proposal_audience(message, stored_service.service)
        link = (
            links.tray_proposals()
            if audience is not None and audience.notice is TrayNotice.PROPOSAL_WAITING
            else links.tray_service(message.subject_id)
        )
    else:
        stored_order = uow.tray.order(message.subject_id)
        if stored_order is None:
            return None
        audience = order_audience(message, stored_order.value)
        link = links.tray_order(message.subject_id)
    if audience is None:
        return None
    return _Subject(message.subject_id, _tray_addressees(uow, audience, link, settings), audience.notice)


def _tray_addressees(
    uow: UnitOfWork, audience: TrayAudience, link: str, settings: TenantSettings
) -> list[Addressee]:
    """The named people, or the tenant's wellbeing coordinators, as the staff directory has
    them now; a named person without an entry there at the address they signed in with when
    they acted; whoever has neither is skipped."""
    tenant_id = audience.tenant_id
    ids = (
        set(uow.staff.user_ids_with_role(tenant_id, Role.WELLBEING_COORDINATOR.value))
        if audience.coordinators
        else set(audience.user_ids)
    )
    members = uow.staff.get_many(tenant_id, ids) if ids else {}
    found = {
        user_id: Addressee(user_id, m.value.email, _language(m.value.language, settings), link)
        for user_id, m in members.items()
        if not audience.coordinators or Role.WELLBEING_COORDINATOR in m.value.roles
    }
    for user_id in audience.user_ids:
        address = audience.sign_in_address(user_id)
        if user_id not in found and address is not None:
            found[user_id] = Addressee(user_id, address.email, _language(address.language, settings), link)
    return [found[k] for k in sorted(found)]


def _role_change_addressees(
    ports: NotificationPorts, uow: UnitOfWork, change: RoleChange, settings: TenantSettings
) -> list[Addressee]:
    """The tenant's overseers as they are now, and the grantee at the address on record."""
    tenant_id, link = change.tenant_id, ports.links.role_changes()
    overseer_ids = {
        user_id
        for role in GRANT_CONFIRMER_ROLES
        for user_id in uow.staff.user_ids_with_role(tenant_id, role.value)
    }
    overseers = uow.staff.get_many(tenant_id, overseer_ids) if overseer_ids else {}
    found = {
        user_id: Addressee(user_id, m.value.email, _language(m.value.language, settings), link)
        for user_id, m in overseers.items()
    }
    found.setdefault(
        change.user_id,
        Addressee(change.user_id, change.grantee_email, _language(change.grantee_language, settings), link),
    )
    return [found[k] for k in sorted(found)]


def _addressees(
    ports: NotificationPorts,
    uow: UnitOfWork,
    claimed: ClaimedMessage,
    stored: StoredReport,
    settings: TenantSettings,
) -> list[Addressee]:
    message, report = claimed.message, stored.report.value
    tenant_id = message.tenant_id
    if AUDIENCE[message.kind] is Audience.REPORTER:
        if stored.sealed_contact is None:
            return []
        contact = open_contact(stored.sealed_contact, tenant_id, report.report_id, ports.cipher)
        language = _language(contact.language, settings)
        return [Addressee(REPORTER_KEY, contact.email, language, ports.links.own_report(report.report_id))]
    facts = report.access_facts()
    ids = candidate_ids(message, facts)
    if ids is None:
        ids = uow.staff.user_ids_with_role(tenant_id, Role.SUPERVISOR.value)
    members = {user_id: m.value for user_id, m in uow.staff.get_many(tenant_id, ids).items()} if ids else {}
    viewers = [Viewer.of_member(m, ports.blinding.blind(tenant_id, m.user_id)) for m in members.values()]
    return [
        Addressee(
            viewer.user_id,
            members[viewer.user_id].email,
            _language(members[viewer.user_id].language, settings),
            ports.links.case(report.report_id),
        )
        for viewer in staff_recipients(message, facts, viewers)
    ]


def _language(wanted: str, settings: TenantSettings) -> Language:
    """The recipient's language, else the tenant's first."""
    return recipient_language(wanted, settings.languages)
