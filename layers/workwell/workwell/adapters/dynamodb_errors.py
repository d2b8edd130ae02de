"""DynamoDB SDK errors become domain errors here and nowhere else."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from botocore.exceptions import ClientError

from workwell.domain.errors import Conflict, ServiceBusy

log = logging.getLogger("workwell.adapters.dynamodb")

R = TypeVar("R")

_BUSY_REASONS = {
    "ProvisionedThroughputExceeded",
    "ThrottlingError",
    "RequestLimitExceeded",
}
_BUSY_ERRORS = {
    "TransactionInProgressException",
    # A single write to an item that a transaction is changing at that moment.
    "TransactionConflictException",
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "InternalServerError",
}


_VERSION_CONDITION = re.compile(r"\bversion\s*=\s*:")
_CONFLICT = "Someone else changed this at the same time; reload and try again."


def translate_client_error(error: ClientError, writes: Sequence[Mapping[str, Any]] = ()) -> Exception:
    """`writes` are the TransactItems the failed transaction sent, in order (DynamoDB gives
    one cancellation reason per item, in the same order)."""
    code = error.response.get("Error", {}).get("Code", "")
    if code == "TransactionCanceledException":
        reasons = [r.get("Code", "") for r in error.response.get("CancellationReasons", [])]
        if "ConditionalCheckFailed" in reasons:
            return Conflict(_CONFLICT)
        if _lost_version_race(reasons, writes):
            return Conflict(_CONFLICT)
        if "TransactionConflict" in reasons or _BUSY_REASONS.intersection(reasons):
            return ServiceBusy("The service is busy; please try again.")
    if code == "ConditionalCheckFailedException":
        return Conflict(_CONFLICT)
    if code in _BUSY_ERRORS:
        return ServiceBusy("The service is busy; please try again.")
    log.error("dynamodb call failed", extra={"aws_error_code": code})
    return error


def _lost_version_race(reasons: Sequence[str], writes: Sequence[Mapping[str, Any]]) -> bool:
    """Real DynamoDB cancels a transaction with `TransactionConflict` when another
    transaction is changing one of its items at that moment; the emulator serialises them
    and reports the condition that then fails. On an item written or checked at the version
    the client read (a transition, a handover, a settings or staff update), someone is
    changing what the client decided on: the same 409 as a failed version condition, since
    retrying the same request blindly is not the answer; the client reloads. (Rarely the
    other writer left the version alone, say a reporter's message on the case: the reload
    shows the same version and the resend succeeds.) On any other item (a submission, a
    message counter, an outbox or audit write) nothing the client read is stale: that is a
    503 with Retry-After, safe to retry under the request's idempotency key."""
    for reason, write in zip(reasons, writes, strict=False):
        if reason == "TransactionConflict":
            operation: Mapping[str, Any] = next(iter(write.values()), {})
            if _VERSION_CONDITION.search(str(operation.get("ConditionExpression", ""))):
                return True
    return False


def translated(call: Callable[..., R], **kwargs: Any) -> R:
    """Make one SDK call, with its errors translated."""
    try:
        return call(**kwargs)
    except ClientError as error:
        raise translate_client_error(error) from None
