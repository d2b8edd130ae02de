"""DynamoDB unit of work: repositories stage conditional writes; commit sends them as one
TransactWriteItems, and SDK errors become domain errors here and nowhere else."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from workwell.adapters.dynamodb_errors import translate_client_error
from workwell.adapters.dynamodb_repositories import (
    DynamoDbAuditLog,
    DynamoDbStaffDirectory,
    DynamoDbTenantRegistry,
    DynamoDbTenantSettings,
    ItemCodec,
)
from workwell.service_layer.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

    from workwell.adapters.dynamodb_case_retention import DynamoDbCaseRetention
    from workwell.adapters.dynamodb_reports import DynamoDbOutbox, DynamoDbReports
    from workwell.adapters.dynamodb_role_changes import (
        DynamoDbRefusedReads,
        DynamoDbRoleChanges,
        DynamoDbSignedInIdentities,
    )
    from workwell.adapters.dynamodb_surveys import DynamoDbSurveys
    from workwell.adapters.dynamodb_tray import DynamoDbTray

MAX_TRANSACTION_ITEMS = 100


@dataclass(frozen=True)
class TableNames:
    main: str
    audit: str
    # Only the surveys function has the survey table (template.yaml, SurveyTable).
    survey: str | None = None


class DynamoDbUnitOfWork(UnitOfWork):
    def __init__(self, client: DynamoDBClient, tables: TableNames) -> None:
        self._client = client
        self._tables = tables
        self._staged: list[dict[str, Any]] = []
        self._codec = codec = ItemCodec()
        self.settings = DynamoDbTenantSettings(client, tables.main, codec, self._staged)
        self.staff = DynamoDbStaffDirectory(client, tables.main, codec, self._staged)
        self.registry = DynamoDbTenantRegistry(client, tables.main, codec, self._staged)
        self.audit = DynamoDbAuditLog(client, tables.audit, codec, self._staged)

    # The case and role-change repositories are built, and their modules loaded, on first
    # use: settings, staff and report-type requests (so many cold starts) never need them.
    # (mypy takes a cached_property for a read-only property; it can be set like the
    # attributes of UnitOfWork it stands in for.)

    @functools.cached_property
    def reports(self) -> DynamoDbReports:  # type: ignore[override]
        from workwell.adapters.dynamodb_reports import DynamoDbReports

        return DynamoDbReports(self._client, self._tables.main, self._codec, self._staged)

    @functools.cached_property
    def outbox(self) -> DynamoDbOutbox:  # type: ignore[override]
        from workwell.adapters.dynamodb_reports import DynamoDbOutbox

        return DynamoDbOutbox(self._tables.main, self._codec, self._staged)

    @functools.cached_property
    def retention(self) -> DynamoDbCaseRetention:  # type: ignore[override]
        from workwell.adapters.dynamodb_case_retention import DynamoDbCaseRetention

        return DynamoDbCaseRetention(self._client, self._tables.main, self._tables.audit, self._codec)

    @functools.cached_property
    def role_changes(self) -> DynamoDbRoleChanges:  # type: ignore[override]
        from workwell.adapters.dynamodb_role_changes import DynamoDbRoleChanges

        return DynamoDbRoleChanges(self._client, self._tables.main, self._codec, self._staged)

    @functools.cached_property
    def refused_reads(self) -> DynamoDbRefusedReads:  # type: ignore[override]
        from workwell.adapters.dynamodb_role_changes import DynamoDbRefusedReads

        return DynamoDbRefusedReads(self._client, self._tables.main, self._codec)

    @functools.cached_property
    def tray(self) -> DynamoDbTray:  # type: ignore[override]
        from workwell.adapters.dynamodb_tray import DynamoDbTray

        return DynamoDbTray(self._client, self._tables.main, self._codec, self._staged)

    @functools.cached_property
    def surveys(self) -> DynamoDbSurveys:  # type: ignore[override]
        from workwell.adapters.dynamodb_surveys import DynamoDbSurveys

        if self._tables.survey is None:
            raise RuntimeError("this function has no survey table")
        return DynamoDbSurveys(self._client, self._tables.survey, self._codec, self._staged)

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

    @functools.cached_property
    def signed_in(self) -> DynamoDbSignedInIdentities:  # type: ignore[override]
        from workwell.adapters.dynamodb_role_changes import DynamoDbSignedInIdentities

        return DynamoDbSignedInIdentities(self._client, self._tables.main, self._codec)
