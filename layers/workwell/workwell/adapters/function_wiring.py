"""What every API function builds once per container, from its settings: the DynamoDB
client's unit of work over the function's tables, the clock and the cached staff lookup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workwell.adapters.cached_staff_lookup import CachedStaffLookup
from workwell.adapters.clock import SystemClock
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.config import FunctionSettings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient


@dataclass(frozen=True)
class FunctionWiring:
    tables: TableNames
    dynamodb: DynamoDBClient
    staff_lookup: CachedStaffLookup
    clock: SystemClock

    @classmethod
    def build(cls, settings: FunctionSettings, dynamodb: DynamoDBClient) -> FunctionWiring:
        tables = TableNames(main=settings.main_table_name, audit=settings.audit_table_name)
        clock = SystemClock()
        lookup = CachedStaffLookup(
            DynamoDbUnitOfWork(dynamodb, tables).staff, clock, settings.staff_cache_seconds
        )
        return cls(tables, dynamodb, lookup, clock)

    def uow(self) -> DynamoDbUnitOfWork:
        return DynamoDbUnitOfWork(self.dynamodb, self.tables)
