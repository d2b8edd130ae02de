"""A safety report and the case that follows it: metadata only. The content (answers,
people, messages) is restricted data and travels separately, encrypted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from workwell.domain.cases.case_access import CaseAccessFacts

# The legal maximum: data deleted 5 years after receipt at the latest (Directive 2019/1937).
RETENTION_YEARS_AFTER_RECEIPT = 5
MAX_MESSAGES_PER_CASE = 200
# Bounds the case item (status history grows with every transition, reopen loops included).
MAX_TRANSITIONS_PER_CASE = 100


class MessageAuthor(StrEnum):
    REPORTER = "reporter"
    HANDLER = "handler"


@dataclass(frozen=True)
class StatusChange:
    status: str
    at: datetime


@dataclass(frozen=True)
class SafetyReport:
    tenant_id: str
    report_id: str
    reference: str
    type_key: str
    restricted: bool
    unit: str | None
    status: str
    assignee_id: str | None
    # Blinded (see CaseAccessFacts): whom the reporter recused is not kept in clear.
    recusal_tokens: frozenset[str]
    # None for an anonymous report: nothing about an anonymous reporter is kept.
    reporter_id: str | None
    received_at: datetime
    updated_at: datetime
    # Pending deadlines by rule key (see case_workflow.DeadlineRule), due times in UTC.
    deadlines: Mapping[str, datetime]
    expires_at: datetime
    message_count: int = 0
    closed_at: datetime | None = None
    # Deadlines met, by rule key, with when: what "time to acknowledge" is measured from.
    met_deadlines: Mapping[str, datetime] = field(default_factory=dict)
    resolution: str | None = None
    # What the reporter sees of the handling: each state the case entered, and when.
    status_history: tuple[StatusChange, ...] = ()
    # The last transition, event or message; None until the first one after submission.
    last_activity_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def active_at(self) -> datetime:
        """When anything last happened in the case."""
        return self.last_activity_at or self.received_at

    @property
    def anonymous(self) -> bool:
        return self.reporter_id is None

    @property
    def next_deadline(self) -> datetime | None:
        return min(self.deadlines.values(), default=None)

    def access_facts(self) -> CaseAccessFacts:
        return CaseAccessFacts(self.restricted, self.unit, self.assignee_id, self.recusal_tokens)


@dataclass(frozen=True)
class CaseMessage:
    """One message between the reporter and the handler; its body is restricted."""

    message_id: str
    report_id: str
    author: MessageAuthor
    # The handler's user id; never the reporter's (an anonymous reporter has none, and a
    # signed-in reporter is already known from the case).
    author_id: str | None
    sent_at: datetime


def latest_expiry(received_at: datetime) -> datetime:
    try:
        return received_at.replace(year=received_at.year + RETENTION_YEARS_AFTER_RECEIPT)
    except ValueError:  # 29 February
        return received_at.replace(year=received_at.year + RETENTION_YEARS_AFTER_RECEIPT, day=28)
