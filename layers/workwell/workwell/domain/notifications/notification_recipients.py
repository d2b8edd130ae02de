"""Who an outbox message is for, decided at send time from the case as it is now and the
staff directory as it is now: a person removed from a role, recused, or no longer the
assignee gets nothing, whatever was true when the message was written."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from workwell.domain.cases.case_access import CaseAccessFacts, Viewer, case_actor
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage


class Audience(StrEnum):
    # Whoever handles the case now: the chosen handler, or for an ordinary case nobody was
    # chosen for, its unit's supervisors.
    HANDLERS = "handlers"
    # The person a handover named, if the case is still theirs.
    NEW_ASSIGNEE = "newAssignee"
    # A signed-in reporter who has an email address; anonymous reporters have no address
    # and learn of it through their receipt.
    REPORTER = "reporter"
    # A role change: the tenant's current safety managers and HR directors, and the person
    # whose role it is (role_grants).
    OVERSEERS_AND_GRANTEE = "overseersAndGrantee"


AUDIENCE: dict[OutboxKind, Audience] = {
    OutboxKind.CASE_RECEIVED: Audience.HANDLERS,
    OutboxKind.REPORTER_MESSAGE: Audience.HANDLERS,
    OutboxKind.HANDED_OVER: Audience.NEW_ASSIGNEE,
    OutboxKind.STATUS_CHANGED: Audience.REPORTER,
    OutboxKind.HANDLER_MESSAGE: Audience.REPORTER,
    OutboxKind.ROLE_GRANT_REQUESTED: Audience.OVERSEERS_AND_GRANTEE,
    OutboxKind.ROLE_GRANT_CONFIRMED: Audience.OVERSEERS_AND_GRANTEE,
    OutboxKind.ROLE_GRANT_CLOSED: Audience.OVERSEERS_AND_GRANTEE,
    OutboxKind.ROLE_REVOKED: Audience.OVERSEERS_AND_GRANTEE,
}

# The key a reporter's delivery is recorded under (staff are recorded by user id).
REPORTER_KEY = "reporter"


def candidate_ids(message: OutboxMessage, case: CaseAccessFacts) -> list[str] | None:
    """The staff to look up for the message, or None where the unit's supervisors must be
    listed (an ordinary case without a chosen handler)."""
    audience = AUDIENCE[message.kind]
    if audience is Audience.REPORTER:
        return []
    if audience is Audience.NEW_ASSIGNEE:
        return [message.recipient_id] if message.recipient_id else []
    if case.assignee_id is not None:
        return [case.assignee_id]
    return None if not case.restricted and case.unit is not None else []


def staff_recipients(
    message: OutboxMessage, case: CaseAccessFacts, viewers: Iterable[Viewer]
) -> list[Viewer]:
    """Of the candidates, those who hold the case now; never anyone recused."""
    audience = AUDIENCE[message.kind]
    if audience is Audience.REPORTER:
        return []
    chosen = [v for v in viewers if case_actor(v, case) == "assignee"]
    if audience is Audience.NEW_ASSIGNEE:
        chosen = [v for v in chosen if v.user_id == message.recipient_id == case.assignee_id]
    return sorted(chosen, key=lambda v: v.user_id)
