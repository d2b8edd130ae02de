"""Carries a case's expiry (DynamoDB TTL) to every item of the case: its messages and
events, its reference and receipt items, and its audit events. A case can hold more items
than one transaction takes, so each item is updated on its own; every update is idempotent
and the case item's `expiry_pending` mark is cleared only once all have followed, and only if
the case's expiry is still the one carried."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.adapters.dynamodb_repositories import ItemCodec, read_item
from workwell.domain.errors import Conflict
from workwell.service_layer.unit_of_work import StoredReport

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

_ROUNDS = 3


class DynamoDbCaseRetention:
    def __init__(self, client: DynamoDBClient, main_table: str, audit_table: str, codec: ItemCodec):
        self._client, self._main, self._audit, self._codec = client, main_table, audit_table, codec

    def propagate(self, stored: StoredReport) -> None:
        report = stored.report.value
        expires_at = int(report.expires_at.timestamp())
        for _ in range(_ROUNDS):
            self._carry(stored, expires_at)
            current = read_item(
                self._client, self._main, self._codec, table_keys.case_key(report.tenant_id, report.report_id)
            )
            if current is None or int(current["expires_at"]) == expires_at:
                self._clear_mark(report.tenant_id, report.report_id, expires_at)
                return
            # A close or reopen landed meanwhile; its expiry must be the one left on the items.
            expires_at = int(current["expires_at"])

    def _carry(self, stored: StoredReport, expires_at: int) -> None:
        report = stored.report.value
        tenant_id, report_id = report.tenant_id, report.report_id
        keys: list[tuple[str, dict[str, str]]] = [
            (self._main, key)
            for key in self._keys_in(self._main, table_keys.case_partition(tenant_id, report_id))
        ]
        keys = [(table, key) for table, key in keys if key["SK"] != "CASE"]
        keys.append((self._main, table_keys.reference_key(tenant_id, report.reference)))
        if stored.receipt_digest is not None:
            keys.append((self._main, table_keys.receipt_key(tenant_id, stored.receipt_digest)))
        audit_partition = table_keys.audit_partition(tenant_id, "case", report_id)
        keys.extend((self._audit, key) for key in self._keys_in(self._audit, audit_partition))
        for table, key in keys:
            self._set_expiry(table, key, expires_at)

    def _keys_in(self, table: str, partition: str) -> Iterator[dict[str, str]]:
        kwargs: dict[str, Any] = {
            "TableName": table,
            "KeyConditionExpression": "PK = :pk",
            "ExpressionAttributeValues": self._codec.encode({":pk": partition}),
            "ProjectionExpression": "PK, SK",
        }
        while True:
            response = translated(self._client.query, **kwargs)
            for raw in response.get("Items", []):
                item = self._codec.decode(raw)
                yield {"PK": str(item["PK"]), "SK": str(item["SK"])}
            if "LastEvaluatedKey" not in response:
                return
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def _set_expiry(self, table: str, key: dict[str, str], expires_at: int) -> None:
        with contextlib.suppress(Conflict):  # gone already: nothing to carry
            translated(
                self._client.update_item,
                TableName=table,
                Key=self._codec.encode(key),
                UpdateExpression="SET expires_at = :e",
                # Never re-creates an item TTL has already removed.
                ConditionExpression="attribute_exists(PK)",
                ExpressionAttributeValues=self._codec.encode({":e": expires_at}),
            )

    def _clear_mark(self, tenant_id: str, report_id: str, expires_at: int) -> None:
        with contextlib.suppress(Conflict):
            translated(
                self._client.update_item,
                TableName=self._main,
                Key=self._codec.encode(table_keys.case_key(tenant_id, report_id)),
                UpdateExpression="REMOVE expiry_pending",
                # A close or reopen since then carries its own expiry; its mark stays.
                ConditionExpression="expires_at = :e",
                ExpressionAttributeValues=self._codec.encode({":e": expires_at}),
            )
