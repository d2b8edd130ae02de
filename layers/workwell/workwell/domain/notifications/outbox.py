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
    # Case-handling roles (role_grants): to the tenant's overseers and the grantee.
    ROLE_GRANT_REQUESTED = "staff.role_grant_requested"
    ROLE_GRANT_CONFIRMED = "staff.role_grant_confirmed"
    # Rejected by an overseer or withdrawn by the admin: nothing changed.
    ROLE_GRANT_CLOSED = "staff.role_grant_closed"
    ROLE_REVOKED = "staff.role_revoked"
    # The service tray (domain/tray): a peer proposal waits for the tenant's coordinators;
    # its proposer learns the decision; an order reaches whoever handles it; the orderer
    # learns what became of it. Ids only: never a service's title, a person or a reason.
    PROPOSAL_SUBMITTED = "tray.proposal_submitted"
    PROPOSAL_DECIDED = "tray.proposal_decided"
    ORDER_PLACED = "tray.order_placed"
    ORDER_CHANGED = "tray.order_changed"

    @property
    def is_about_case(self) -> bool:
        """Case notices name a report; role notices name a role change."""
        return self.value.startswith("case.")

    @property
    def is_about_tray(self) -> bool:
        """Tray notices name a service (proposals) or an order."""
        return self.value.startswith("tray.")

    @property
    def subject_attribute(self) -> str:
        """The stored attribute that names what the message is about."""
        if self.is_about_case:
            return "report_id"
        if self in (OutboxKind.PROPOSAL_SUBMITTED, OutboxKind.PROPOSAL_DECIDED):
            return "service_id"
        if self.is_about_tray:
            return "order_id"
        return "role_change_id"


@dataclass(frozen=True)
class OutboxMessage:
    tenant_id: str
    message_id: str
    kind: OutboxKind
    # The report (case kinds), the role change (staff kinds), the service or the order
    # (tray kinds) the message is about.
    subject_id: str
    created_at: datetime
    # Whom it is for, where the kind does not say (a handover's new assignee). The notifier
    # checks again at send time that this person may still see the case.
    recipient_id: str | None = None

    @property
    def report_id(self) -> str:
        if not self.kind.is_about_case:
            raise ValueError("not a case notice")
        return self.subject_id

    @property
    def expires_at(self) -> datetime:
        return self.created_at + OUTBOX_RETENTION
