"""DynamoDB unit of work: repositories stage conditional writes; commit sends them as one
TransactWriteItems, and SDK errors become domain errors here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from workwell.adapters.dynamodb_case_retention import DynamoDbCaseRetention
from workwell.adapters.dynamodb_errors import translate_client_error
from workwell.adapters.dynamodb_reports import DynamoDbOutbox, DynamoDbReports
from workwell.adapters.dynamodb_repositories import (
    DynamoDbAuditLog,
    DynamoDbStaffDirectory,
    DynamoDbTenantRegistry,
    DynamoDbTenantSettings,
    ItemCodec,
)
from workwell.adapters.dynamodb_role_changes import DynamoDbRefusedReads, DynamoDbRoleChanges
from workwell.service_layer.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

MAX_TRANSACTION_ITEMS = 100


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
        self.registry = DynamoDbTenantRegistry(client, tables.main, codec, self._staged)
        self.audit = DynamoDbAuditLog(client, tables.audit, codec, self._staged)
        self.reports = DynamoDbReports(client, tables.main, codec, self._staged)
        self.outbox = DynamoDbOutbox(tables.main, codec, self._staged)
        self.retention = DynamoDbCaseRetention(client, tables.main, tables.audit, codec)
        self.role_changes = DynamoDbRoleChanges(client, tables.main, codec, self._staged)
        self.refused_reads = DynamoDbRefusedReads(client, tables.main, codec)

    def commit(self) -> None:
        if not self._staged:
            return
        if len(self._staged) > MAX_TRANSACTION_ITEMS:
            raise ValueError("a unit of work may stage at most 100 writes")
        try:
            self._client.transact_write_items(TransactItems=self._staged)  # type: ignore[arg-type]
        except ClientError as error:
            raise translate_client_error(error, self._staged) from None
        finally:
            self._staged.clear()

    def rollback(self) -> None:
        self._staged.clear()
