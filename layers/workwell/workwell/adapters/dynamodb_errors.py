"""DynamoDB SDK errors become domain errors here and nowhere else."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from botocore.exceptions import ClientError

from workwell.domain.errors import Conflict, ServiceBusy

log = logging.getLogger("workwell.adapters.dynamodb")

R = TypeVar("R")

_BUSY_REASONS = {
    "TransactionConflict",
    "ProvisionedThroughputExceeded",
    "ThrottlingError",
    "RequestLimitExceeded",
}
_BUSY_ERRORS = {
    "TransactionInProgressException",
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "InternalServerError",
}


def translate_client_error(error: ClientError) -> Exception:
    code = error.response.get("Error", {}).get("Code", "")
    if code == "TransactionCanceledException":
        reasons = {r.get("Code", "") for r in error.response.get("CancellationReasons", [])}
        if "ConditionalCheckFailed" in reasons:
            return Conflict("Someone else changed this at the same time; reload and try again.")
        if reasons & _BUSY_REASONS:
            return ServiceBusy("The service is busy; please try again.")
    if code == "ConditionalCheckFailedException":
        return Conflict("Someone else changed this at the same time; reload and try again.")
    if code in _BUSY_ERRORS:
        return ServiceBusy("The service is busy; please try again.")
    log.error("dynamodb call failed", extra={"aws_error_code": code})
    return error


def translated(call: Callable[..., R], **kwargs: Any) -> R:
    """Make one SDK call, with its errors translated."""
    try:
        return call(**kwargs)
    except ClientError as error:
        raise translate_client_error(error) from None
