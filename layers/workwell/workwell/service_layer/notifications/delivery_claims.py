"""Ports for the notifier's and the digest's exactly-once bookkeeping. SES has no
idempotency key, so each send is guarded by a claim with a lease: a repeated or concurrent
delivery finds the claim and does nothing, and a delivery that died mid-way is taken up
again once its lease has run out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from workwell.domain.notifications.outbox import OutboxMessage

# Each longer than its function's timeout (notifier 60 s, digest 300 s), so a live claim is
# never taken over; short enough that a crashed one is retried within a sweep or a retry.
CLAIM_LEASE = timedelta(minutes=2)
DIGEST_CLAIM_LEASE = timedelta(minutes=10)
# Stream retries (6) and then a sweep every 5 minutes for about two hours: then the message
# is marked failed (counted and alarmed) rather than tried for the rest of its 30 days.
MAX_DELIVERY_ATTEMPTS = 30


@dataclass(frozen=True)
class ClaimedMessage:
    message: OutboxMessage
    # Recipients (user ids, or REPORTER_KEY) already sent to by an earlier, interrupted try.
    delivered_to: frozenset[str]
    # Whose claim this is: releasing or finishing it holds only for the same claim.
    claim_id: str
    # Deliveries tried so far, this one included.
    attempts: int


class OutboxDeliveries(Protocol):
    def claim(self, tenant_id: str, message_id: str, now: datetime) -> ClaimedMessage | None:
        """The message, if it is still pending and nobody holds a live claim on it."""
        ...

    def release(self, tenant_id: str, message_id: str, claim_id: str, *, uncount: bool = False) -> None:
        """Give up a claim after a failure, so that a retry need not wait for the lease;
        `uncount` where the failure was not the message's (it does not use up attempts)."""
        ...

    def record_delivery(self, tenant_id: str, message_id: str, recipient_key: str) -> None: ...

    def finish(self, tenant_id: str, message_id: str, claim_id: str, *, failed: bool) -> None:
        """Sent (or failed for good): off the pending index, never delivered again."""
        ...

    def pending(
        self, tenant_id: str, created_after: datetime, created_before: datetime, limit: int
    ) -> list[str]:
        """Ids of messages still pending that were written between the two times."""
        ...


class DigestLedger(Protocol):
    def claim(self, tenant_id: str, user_id: str, day: date, now: datetime) -> str | None:
        """A claim id if this run may do the person's digest for `day` (not done, not held)."""
        ...

    def mark_sending(self, tenant_id: str, user_id: str, day: date, claim_id: str) -> None:
        """Just before the email goes out: from here on no run may take the day over, even
        after the lease (at most once; a digest missed this way is made up tomorrow, since
        "new" counts from the last completed day)."""
        ...

    def release(self, tenant_id: str, user_id: str, day: date, claim_id: str) -> None:
        """Only where no email went out."""
        ...

    def complete(
        self, tenant_id: str, user_id: str, day: date, claim_id: str, *, emailed: bool, now: datetime
    ) -> None: ...

    def last_completed(self, tenant_id: str, user_id: str, before: date) -> datetime | None:
        """When the person's latest digest before `day` ran, emailed or not."""
        ...
