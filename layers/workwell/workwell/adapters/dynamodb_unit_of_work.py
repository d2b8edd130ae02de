"""DynamoDB unit of work: repositories stage conditional writes; commit sends them as one
TransactWriteItems, and SDK errors become domain errors here and nowhere else."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from workwell.adapters.dynamodb_repositories import (
    DynamoDbAuditLog,
    DynamoDbStaffDirectory,
    DynamoDbTenantRegistry,
    DynamoDbTenantSettings,
    ItemCodec,
)
from workwell.domain.errors import Conflict, ServiceBusy
from workwell.service_layer.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

log = logging.getLogger("workwell.adapters.dynamodb")

MAX_TRANSACTION_ITEMS = 100
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


@dataclass(frozen=True)
class TableNames:
    main: str
    audit: str


class DynamoDbUnitOfWork(UnitOfWork):
    def __init__(self, client: DynamoDBClient, tables: TableNames) -> None:
        self._client = client
        self._staged: list[dict[str, Any]] = []
        codec = ItemCodec()
        self.settings = DynamoDbTenantSettings(client, tables.main, codec, self._staged)
        self.staff = DynamoDbStaffDirectory(client, tables.main, codec, self._staged)
        self.registry = DynamoDbTenantRegistry(tables.main, codec, self._staged)
        self.audit = DynamoDbAuditLog(tables.audit, codec, self._staged)

    def commit(self) -> None:
        if not self._staged:
            return
        if len(self._staged) > MAX_TRANSACTION_ITEMS:
            raise ValueError("a unit of work may stage at most 100 writes")
        try:
            self._client.transact_write_items(TransactItems=self._staged)  # type: ignore[arg-type]
        except ClientError as error:
            raise translate_client_error(error) from None
        finally:
            self._staged.clear()

    def rollback(self) -> None:
        self._staged.clear()


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
