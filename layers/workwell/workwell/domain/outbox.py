"""Outbox messages: a note, written in the same transaction as the change it announces,
that someone must be told. The notifier decides recipients at send time (current roles and
recusal) and renders a neutral email; the message itself holds ids only, never content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# Long enough for any retry and the sweeper; short enough that ids do not linger.
OUTBOX_RETENTION = timedelta(days=30)


class OutboxKind(StrEnum):
    CASE_RECEIVED = "case.received"
    REPORTER_MESSAGE = "case.reporter_message"
    # To a signed-in reporter; an anonymous one learns it through the receipt.
    STATUS_CHANGED = "case.status_changed"
    HANDLER_MESSAGE = "case.handler_message"
    # To the new assignee.
    HANDED_OVER = "case.handed_over"


@dataclass(frozen=True)
class OutboxMessage:
    tenant_id: str
    message_id: str
    kind: OutboxKind
    report_id: str
    created_at: datetime
    # Whom it is for, where the kind does not say (a handover's new assignee). The notifier
    # checks again at send time that this person may still see the case.
    recipient_id: str | None = None

    @property
    def expires_at(self) -> datetime:
        return self.created_at + OUTBOX_RETENTION
