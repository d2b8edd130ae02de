"""The service tray's notices: who is told, decided from the service or order as it is now,
and emails that say what happened and nothing else (no title, no name, no reason)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.unit.test_tray_rules import order, service
from tests.unit.tray_fixtures import NOW
from workwell.domain.notifications.notification_texts import (
    TrayDigestCount,
    TrayDigestLine,
    digest_email,
    notice_email,
)
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.notifications.sign_in_links import SignInLinks
from workwell.domain.notifications.tray_notices import (
    TrayAudience,
    TrayNotice,
    order_audience,
    proposal_audience,
)
from workwell.domain.tray.order import OrderStatus
from workwell.domain.tray.service import Service, ServiceStatus

LINKS = SignInLinks("https://app.example/")


def _message(kind: OutboxKind, tenant: str, subject: str, recipient: str | None = None) -> OutboxMessage:
    return OutboxMessage(tenant, "m-1", kind, subject, NOW, recipient)


def _proposal(status: ServiceStatus, **changes: Any) -> Service:
    svc = service(
        "vaala",
        status,
        kind="peer",
        provider={"userId": "emp-p"},
        title={"fi": "Salainen kriisiapu", "sv": "Hemlig krishjälp"},
        confidential=True,
    )
    return svc.model_copy(update={"proposed_by": "emp-p", **changes})


def test_a_waiting_proposal_goes_to_the_coordinators_only_while_it_waits() -> None:
    svc = _proposal(ServiceStatus.PENDING_APPROVAL)
    message = _message(OutboxKind.PROPOSAL_SUBMITTED, "vaala", svc.service_id)
    assert proposal_audience(message, svc) == TrayAudience(
        TrayNotice.PROPOSAL_WAITING, "vaala", coordinators=True
    )
    assert proposal_audience(message, svc.model_copy(update={"status": ServiceStatus.PUBLISHED})) is None


def test_the_proposer_learns_the_decision_as_it_stands() -> None:
    approved = _proposal(ServiceStatus.PUBLISHED)
    message = _message(OutboxKind.PROPOSAL_DECIDED, "vaala", approved.service_id, "emp-p")
    assert proposal_audience(message, approved) == TrayAudience(
        TrayNotice.PROPOSAL_APPROVED, "vaala", ("emp-p",)
    )
    rejected = _proposal(ServiceStatus.ARCHIVED, rejection_reason="Ei nyt.")
    assert proposal_audience(message, rejected) == TrayAudience(
        TrayNotice.PROPOSAL_REJECTED, "vaala", ("emp-p",)
    )
    # Proposed again since: nothing to announce; someone else named: nobody.
    assert proposal_audience(message, _proposal(ServiceStatus.PENDING_APPROVAL)) is None
    other = _message(OutboxKind.PROPOSAL_DECIDED, "vaala", approved.service_id, "emp-x")
    assert proposal_audience(other, approved) is None
    elsewhere = _message(OutboxKind.PROPOSAL_DECIDED, "ii", approved.service_id, "emp-p")
    assert proposal_audience(elsewhere, approved) is None


def test_a_new_order_goes_to_its_provider_or_the_owners_coordinators() -> None:
    person_service = _proposal(ServiceStatus.PUBLISHED)
    placed = order(person_service, orderer_tenant="vaala")
    message = _message(OutboxKind.ORDER_PLACED, "vaala", placed.order_id, "emp-p")
    assert order_audience(message, placed) == TrayAudience(TrayNotice.ORDER_ARRIVED, "vaala", ("emp-p",))
    assert (
        order_audience(_message(OutboxKind.ORDER_PLACED, "vaala", placed.order_id, "emp-x"), placed) is None
    )

    organisation_order = order(service("oulunkaari"))
    message = _message(OutboxKind.ORDER_PLACED, "oulunkaari", organisation_order.order_id)
    assert order_audience(message, organisation_order) == TrayAudience(
        TrayNotice.ORDER_ARRIVED, "oulunkaari", coordinators=True
    )


@pytest.mark.parametrize(
    ("status", "notice"),
    [
        (OrderStatus.ACCEPTED, TrayNotice.ORDER_ACCEPTED),
        (OrderStatus.DECLINED, TrayNotice.ORDER_DECLINED),
        (OrderStatus.COMPLETED, TrayNotice.ORDER_COMPLETED),
    ],
)
def test_the_orderer_learns_what_the_handler_did(status: OrderStatus, notice: TrayNotice) -> None:
    moved = order(service("oulunkaari"), orderer_tenant="vaala", orderer="emp-v", status=status)
    message = _message(OutboxKind.ORDER_CHANGED, "vaala", moved.order_id, "emp-v")
    assert order_audience(message, moved) == TrayAudience(notice, "vaala", ("emp-v",))
    # The message's tenant is the orderer's: the owner's tenant names nobody there.
    assert (
        order_audience(_message(OutboxKind.ORDER_CHANGED, "oulunkaari", moved.order_id, "emp-v"), moved)
        is None
    )


def test_a_cancel_tells_the_provider_and_a_still_requested_order_nobody() -> None:
    person_service = _proposal(ServiceStatus.PUBLISHED)
    cancelled = order(person_service, orderer_tenant="vaala", status=OrderStatus.CANCELLED)
    message = _message(OutboxKind.ORDER_CHANGED, "vaala", cancelled.order_id, "emp-p")
    assert order_audience(message, cancelled) == TrayAudience(TrayNotice.ORDER_CANCELLED, "vaala", ("emp-p",))
    requested = cancelled.model_copy(update={"status": OrderStatus.REQUESTED})
    assert order_audience(message, requested) is None


def _words(svc: Service) -> set[str]:
    return {w.lower() for text in svc.details.title.values() for w in re.findall(r"\w{4,}", text)}


@pytest.mark.parametrize("notice", list(TrayNotice))
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_tray_notice_is_a_neutral_sentence_a_reference_and_a_link(
    notice: TrayNotice, language: Any
) -> None:
    svc = _proposal(ServiceStatus.PUBLISHED)
    link = LINKS.tray_order("oulunkaari~abc") if notice.about_order else LINKS.tray_service(svc.service_id)
    email = notice_email(notice, language, "oulunkaari~abc", link)
    text = f"{email.subject}\n{email.body}"
    assert email.body.count("\n") == 5
    assert "oulunkaari~abc" in email.body
    assert link in email.body
    assert not {w for w in _words(svc) if w in text.lower()}
    assert "emp-p" not in text
    assert "Ei nyt" not in text


def test_tray_notices_differ_by_language_and_by_what_happened() -> None:
    subjects = {notice_email(n, lang, "r", "l").subject for n in TrayNotice for lang in ("fi", "sv", "en")}  # type: ignore[arg-type]
    assert len(subjects) == len(TrayNotice) * 3


def test_tray_links_are_the_future_screens_paths() -> None:
    assert LINKS.tray_order("a/b") == "https://app.example/tray/orders/a%2Fb"
    assert LINKS.tray_service("s1") == "https://app.example/tray/services/s1"
    assert LINKS.tray_proposals() == "https://app.example/tray/proposals"
    assert LINKS.tray_incoming_orders() == "https://app.example/tray/orders/incoming"


def test_a_coordinators_digest_counts_and_links_and_leaves_zero_counts_out() -> None:
    tray = {
        TrayDigestCount.PROPOSALS_PENDING: TrayDigestLine(2, LINKS.tray_proposals()),
        TrayDigestCount.ORDERS_WAITING: TrayDigestLine(0, LINKS.tray_incoming_orders()),
    }
    email = digest_email({}, "en", LINKS.home(), tray)
    assert email.body.splitlines()[0] == "These are waiting for you in Workwell."
    assert "Service proposals waiting for approval: 2  https://app.example/tray/proposals" in email.body
    assert "Orders waiting" not in email.body
    fi = digest_email({}, "fi", LINKS.home(), {TrayDigestCount.ORDERS_WAITING: TrayDigestLine(3, "l")})
    assert "Käsittelijää odottavat tilaukset: 3  l" in fi.body
    # Without tray lines the case digest is as it was.
    assert (
        digest_email({}, "en", LINKS.home()).body.splitlines()[0]
        == "These cases are waiting for you in Workwell."
    )
