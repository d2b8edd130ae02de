"""The service tray's notices end to end: a tray route writes an outbox item, the stream
relay hands it to the real notifier, and a content-free email lands in the emulator's SES
for whoever is concerned; and the coordinators' weekday digest counts what waits for them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from infra.local.function_host import FunctionHost
from infra.local.mailbox import MailboxEntry, sent_emails
from infra.local.stream_relay import StreamRelay
from infra.tenants.definitions import Definitions
from tests.conftest import json_body
from tests.http.test_catalogue import SHARED_SERVICE, key
from tests.http.test_notifications import address_of
from workwell.adapters.clock import SystemClock

# People with a staff directory entry; the employee has none and is written to at the
# address they signed in with.
PROPOSER = "vaala-supervisor-1"
ORDERER = "vaala-safetyrep-1"
EMPLOYEE = "vaala-employee-1"
COORDINATOR = "vaala-coordinator-1"
SAFETY_MANAGER = "vaala-safetymgr-1"
TITLE_WORDS = ("Lounaskävely", "Lunch walk", "kävely", "Kaupungintalo", "Työterveys")


def _names(definitions: Definitions) -> list[str]:
    return [p.name for t in definitions.tenants for p in t.people]


def _new_emails(before: int) -> list[MailboxEntry]:
    return sent_emails()[before:]


def _only_to(emails: list[MailboxEntry], definitions: Definitions, user_id: str) -> MailboxEntry:
    assert [e.recipients for e in emails] == [[address_of(definitions, user_id)]], emails
    return emails[0]


def _content_free(email: MailboxEntry, definitions: Definitions) -> None:
    text = f"{email.subject}\n{email.body}"
    assert not [w for w in TITLE_WORDS if w.lower() in text.lower()]
    assert not [n for n in _names(definitions) if n in text]


def _propose(as_person: Any, proposer: str = PROPOSER) -> dict[str, Any]:
    proposal = {
        **SHARED_SERVICE,
        "kind": "peer",
        "provider": {"userId": proposer},
        "sharedWithGroup": None,
        "publish": False,
    }
    proposed = as_person(proposer).request("POST", "/services", proposal, key())
    assert proposed.status_code == 201, proposed.body
    return dict(json_body(proposed))


def _decide(as_person: Any, service: dict[str, Any], decision: dict[str, Any]) -> dict[str, Any]:
    decided = as_person(COORDINATOR).request(
        "POST",
        f"/services/{service['serviceId']}/decision",
        {**decision, "expectedVersion": service["version"]},
    )
    assert decided.status_code == 200, decided.body
    return dict(json_body(decided))


def _move(as_person: Any, who: str, order: dict[str, Any], action: str) -> dict[str, Any]:
    moved = as_person(who).request(
        "POST",
        f"/orders/{order['orderId']}/transitions",
        {"action": action, "expectedVersion": order["version"]},
    )
    assert moved.status_code == 200, moved.body
    return dict(json_body(moved))


def test_everyone_concerned_is_told_of_a_peer_service_from_proposal_to_completion(
    as_person: Any, relay: StreamRelay, definitions: Definitions
) -> None:
    before = len(sent_emails())
    service = _propose(as_person)
    relay.poll_once()
    waiting = _only_to(_new_emails(before), definitions, COORDINATOR)
    assert waiting.subject == "Workwell: palveluehdotus odottaa hyväksyntää"
    assert "/tray/proposals" in waiting.body
    _content_free(waiting, definitions)

    before = len(sent_emails())
    service = _decide(as_person, service, {"decision": "approve"})
    relay.poll_once()
    approved = _only_to(_new_emails(before), definitions, PROPOSER)
    assert approved.subject == "Workwell: ehdotuksesi hyväksyttiin"
    assert f"/tray/services/{service['serviceId']}" in approved.body
    assert service["serviceId"] in approved.body
    _content_free(approved, definitions)

    before = len(sent_emails())
    placed = as_person(ORDERER).request("POST", "/orders", {"serviceId": service["serviceId"]}, key())
    assert placed.status_code == 201, placed.body
    order = dict(json_body(placed))
    relay.poll_once()
    arrived = _only_to(_new_emails(before), definitions, PROPOSER)
    assert arrived.subject == "Workwell: uusi tilaus"
    assert f"/tray/orders/{order['orderId']}" in arrived.body
    _content_free(arrived, definitions)

    before = len(sent_emails())
    order = _move(as_person, PROPOSER, order, "accept")
    relay.poll_once()
    accepted = _only_to(_new_emails(before), definitions, ORDERER)
    assert accepted.subject == "Workwell: tilauksesi hyväksyttiin"
    _content_free(accepted, definitions)

    before = len(sent_emails())
    _move(as_person, PROPOSER, order, "complete")
    relay.poll_once()
    completed = _only_to(_new_emails(before), definitions, ORDERER)
    assert completed.subject == "Workwell: tilauksesi on toteutettu"
    _content_free(completed, definitions)


def test_a_cancelled_order_tells_its_provider_and_a_rejection_its_proposer(
    as_person: Any, relay: StreamRelay, definitions: Definitions
) -> None:
    service = _decide(as_person, _propose(as_person), {"decision": "approve"})
    placed = as_person(ORDERER).request("POST", "/orders", {"serviceId": service["serviceId"]}, key())
    order = dict(json_body(placed))
    relay.poll_once()

    before = len(sent_emails())
    _move(as_person, ORDERER, order, "cancel")
    relay.poll_once()
    cancelled = _only_to(_new_emails(before), definitions, PROPOSER)
    assert cancelled.subject == "Workwell: tilaus peruttiin"
    _content_free(cancelled, definitions)

    other = _propose(as_person)
    relay.poll_once()
    before = len(sent_emails())
    _decide(as_person, other, {"decision": "reject", "reason": "Lounaskävely on jo tarjolla."})
    relay.poll_once()
    rejected = _only_to(_new_emails(before), definitions, PROPOSER)
    assert rejected.subject == "Workwell: ehdotuksesi hylättiin"
    assert "tarjolla" not in rejected.body
    _content_free(rejected, definitions)


def test_the_coordinators_digest_counts_waiting_proposals_and_organisation_orders(
    as_person: Any,
    relay: StreamRelay,
    function_host: FunctionHost,
    definitions: Definitions,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _propose(as_person)
    organisation_service = as_person(COORDINATOR).request(
        "POST", "/services", {**SHARED_SERVICE, "sharedWithGroup": None}, key()
    )
    assert organisation_service.status_code == 201, organisation_service.body
    service_id = json_body(organisation_service)["serviceId"]
    for _ in range(2):
        placed = as_person(ORDERER).request("POST", "/orders", {"serviceId": service_id}, key())
        assert placed.status_code == 201, placed.body
    relay.poll_once()
    # An organisation's order reaches the owner's coordinators at once, too.
    assert len([e for e in sent_emails() if address_of(definitions, COORDINATOR) in e.recipients]) == 3
    before = len(sent_emails())
    later = datetime.now(UTC) + timedelta(days=1)
    monkeypatch.setattr(SystemClock, "now", lambda self: later)

    run = function_host.invoke("DigestFunction", {"job": "weekday-digest"})

    digests = [e for e in _new_emails(before) if address_of(definitions, COORDINATOR) in e.recipients]
    assert len(digests) == 1, run
    body = digests[0].body
    assert "Hyväksyntää odottavat palveluehdotukset: 1" in body
    assert "Käsittelijää odottavat tilaukset: 2" in body
    assert "/tray/proposals" in body
    assert "/tray/orders/incoming" in body
    _content_free(digests[0], definitions)
    # Nobody else hears of the tray in their digest.
    others = [e for e in _new_emails(before) if e not in digests]
    assert not [e for e in others if "/tray/" in e.body]


def test_employees_outside_the_staff_directory_are_told_at_their_sign_in_address(
    as_person: Any, relay: StreamRelay, definitions: Definitions
) -> None:
    """Most employees have no staff entry: a proposer (then a peer provider) and an orderer
    are written to at the address they signed in with when they acted."""
    staff = {m.user_id for t in definitions.tenants for m in t.staff_members()}
    assert EMPLOYEE not in staff
    service = _propose(as_person, EMPLOYEE)
    relay.poll_once()
    before = len(sent_emails())
    service = _decide(as_person, service, {"decision": "approve"})
    relay.poll_once()
    assert (
        _only_to(_new_emails(before), definitions, EMPLOYEE).subject == "Workwell: ehdotuksesi hyväksyttiin"
    )

    before = len(sent_emails())
    placed = as_person(PROPOSER).request("POST", "/orders", {"serviceId": service["serviceId"]}, key())
    assert placed.status_code == 201, placed.body
    relay.poll_once()
    arrived = _only_to(_new_emails(before), definitions, EMPLOYEE)
    assert arrived.subject == "Workwell: uusi tilaus"
    _content_free(arrived, definitions)

    # And the other way round: the employee orders a colleague's service.
    other = _decide(as_person, _propose(as_person), {"decision": "approve"})
    placed = as_person(EMPLOYEE).request("POST", "/orders", {"serviceId": other["serviceId"]}, key())
    assert placed.status_code == 201, placed.body
    relay.poll_once()
    before = len(sent_emails())
    _move(as_person, PROPOSER, dict(json_body(placed)), "accept")
    relay.poll_once()
    accepted = _only_to(_new_emails(before), definitions, EMPLOYEE)
    assert accepted.subject == "Workwell: tilauksesi hyväksyttiin"
    _content_free(accepted, definitions)
