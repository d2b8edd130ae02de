"""Domain errors. Messages are fixed texts written here or by use cases, never user input,
so an error body can never carry restricted content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class ErrorDetail:
    loc: Location
    msg: str


class DomainError(Exception):
    """Base of every error a use case may raise on purpose."""

    code = "error"

    def __init__(self, message: str, details: Sequence[ErrorDetail] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = tuple(details)


class Unauthenticated(DomainError):
    code = "unauthenticated"


class Forbidden(DomainError):
    """A route the caller's role may never use."""

    code = "forbidden"


class NotFound(DomainError):
    """Missing, or exists but outside the caller's rights: the two are indistinguishable."""

    code = "not_found"


class Conflict(DomainError):
    """A stale version or an object that already exists."""

    code = "conflict"


class InvalidTransition(DomainError):
    """A workflow action that the case's current state does not allow."""

    code = "invalid_transition"


class InvalidInput(DomainError):
    """Input that is well-formed but breaks a rule; details name the field."""

    code = "validation_error"

    @classmethod
    def at(cls, loc: Location, msg: str) -> InvalidInput:
        return cls("The request is not valid.", [ErrorDetail(loc, msg)])


class InvalidCursor(DomainError):
    code = "invalid_cursor"


class IdempotencyKeyMissing(DomainError):
    code = "idempotency_key_missing"


class IdempotencyInProgress(DomainError):
    code = "idempotency_in_progress"


class IdempotencyConflict(DomainError):
    code = "idempotency_conflict"


class ServiceBusy(DomainError):
    """The data store throttled or could not settle a transaction; the client may retry."""

    code = "service_busy"


class RolesChanged(NotFound):
    """The caller's staff entry changed after their roles were read (a cached entry, a
    revocation meanwhile): a read was stopped before anything left. Answered as NotFound;
    the composition root may try once more with the roles read afresh."""


class CapacityFull(Conflict):
    """Every place of a service is taken (its capacity is never oversold)."""

    code = "capacity_full"


class NotAvailableForGroup(Forbidden):
    """The service tray is not open to the caller's employee group yet (staged rollout)."""

    code = "not_available_for_group"
