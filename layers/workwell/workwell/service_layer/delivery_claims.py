"""Ports for the notifier's and the digest's exactly-once bookkeeping. SES has no
idempotency key, so each send is guarded by a claim with a lease: a repeated or concurrent
delivery finds the claim and does nothing, and a delivery that died mid-way is taken up
again once its lease has run out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from workwell.domain.outbox import OutboxMessage

# Longer than one delivery can take (the function's timeout), so a live one is never
# doubled; short enough that a crashed one is retried within a sweep or two.
CLAIM_LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class ClaimedMessage:
    message: OutboxMessage
    # Recipients (user ids, or REPORTER_KEY) already sent to by an earlier, interrupted try.
    delivered_to: frozenset[str]


class OutboxDeliveries(Protocol):
    def claim(self, tenant_id: str, message_id: str, now: datetime) -> ClaimedMessage | None:
        """The message, if it is still pending and nobody holds a live claim on it."""
        ...

    def release(self, tenant_id: str, message_id: str) -> None:
        """Give up a claim after a failure, so that a retry need not wait for the lease."""
        ...

    def record_delivery(self, tenant_id: str, message_id: str, recipient_key: str) -> None: ...

    def finish(self, tenant_id: str, message_id: str, *, failed: bool) -> None:
        """Sent (or failed for good): off the pending index, never delivered again."""
        ...

    def pending(self, tenant_id: str, created_before: datetime, now: datetime, limit: int) -> list[str]:
        """Ids of messages still pending that were written before `created_before`."""
        ...


class DigestLedger(Protocol):
    def claim(self, tenant_id: str, user_id: str, day: date, now: datetime) -> bool:
        """True if this run may do the person's digest for `day`: not done, not held."""
        ...

    def release(self, tenant_id: str, user_id: str, day: date) -> None: ...

    def complete(self, tenant_id: str, user_id: str, day: date, *, emailed: bool, now: datetime) -> None: ...

    def last_completed(self, tenant_id: str, user_id: str, before: date) -> datetime | None:
        """When the person's latest digest before `day` ran, emailed or not."""
        ...
