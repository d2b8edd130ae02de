"""The notifier's bookkeeping on outbox items: a claim with a lease, the recipients done so
far, and the final state, each one conditional update of the item. Marking an item sent is
a MODIFY, which the stream filter (INSERT only) never passes to the notifier again."""

from __future__ import annotations

import contextlib
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.adapters.dynamodb_repositories import Item, ItemCodec, epoch_seconds
from workwell.domain.errors import Conflict
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.service_layer.notifications.delivery_claims import CLAIM_LEASE, ClaimedMessage

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

PENDING, SENT, FAILED = "pending", "sent", "failed"


class DynamoDbOutboxDeliveries:
    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._client, self._table, self._codec = client, table, ItemCodec()

    def _update(self, tenant_id: str, message_id: str, **request: Any) -> Any:
        return translated(
            self._client.update_item,
            TableName=self._table,
            Key=self._codec.encode(table_keys.outbox_key(tenant_id, message_id)),
            **request,
        )

    def claim(self, tenant_id: str, message_id: str, now: datetime) -> ClaimedMessage | None:
        try:
            response = self._update(
                tenant_id,
                message_id,
                UpdateExpression="SET claimed_until = :until, claim_id = :claim ADD attempts :one",
                ConditionExpression="#status = :pending AND expires_at > :now "
                "AND (attribute_not_exists(claimed_until) OR claimed_until <= :now)",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=self._codec.encode(
                    {
                        ":pending": PENDING,
                        ":now": epoch_seconds(now),
                        ":until": epoch_seconds(now + CLAIM_LEASE),
                        ":claim": uuid.uuid4().hex,
                        ":one": 1,
                    }
                ),
                ReturnValues="ALL_NEW",
            )
        except Conflict:
            return None  # done, gone, or held by a live claim
        return _claimed(self._codec.decode(response["Attributes"]))

    def release(self, tenant_id: str, message_id: str, claim_id: str, *, uncount: bool = False) -> None:
        values: dict[str, Any] = {":pending": PENDING, ":claim": claim_id}
        expression = "REMOVE claimed_until"
        if uncount:
            expression += " ADD attempts :minus_one"
            values[":minus_one"] = -1
        with contextlib.suppress(Conflict):  # finished or taken over meanwhile
            self._update(
                tenant_id,
                message_id,
                UpdateExpression=expression,
                ConditionExpression="#status = :pending AND claim_id = :claim",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=self._codec.encode(values),
            )

    def record_delivery(self, tenant_id: str, message_id: str, recipient_key: str) -> None:
        self._update(
            tenant_id,
            message_id,
            UpdateExpression="ADD delivered_to :recipient",
            # Never re-create an item that expired meanwhile.
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeValues={":recipient": {"SS": [recipient_key]}},
        )

    def finish(self, tenant_id: str, message_id: str, claim_id: str, *, failed: bool) -> None:
        with contextlib.suppress(Conflict):  # finished or taken over meanwhile; that outcome stands
            self._update(
                tenant_id,
                message_id,
                UpdateExpression="SET #status = :final REMOVE claimed_until, GSI1PK, GSI1SK",
                ConditionExpression="#status = :pending AND claim_id = :claim",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=self._codec.encode(
                    {":pending": PENDING, ":claim": claim_id, ":final": FAILED if failed else SENT}
                ),
            )

    def pending(
        self, tenant_id: str, created_after: datetime, created_before: datetime, limit: int
    ) -> list[str]:
        # Bounded below by the outbox retention: expired items may linger in the index until
        # TTL removes them, and must not fill every page ahead of the live ones.
        request: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": "GSI1",
            "KeyConditionExpression": "GSI1PK = :pk AND GSI1SK BETWEEN :after AND :before",
            "ExpressionAttributeValues": self._codec.encode(
                {
                    ":pk": table_keys.pending_outbox_partition(tenant_id),
                    ":after": created_after.isoformat(),
                    ":before": created_before.isoformat(),
                }
            ),
            "ProjectionExpression": "message_id",
            "Limit": limit,
        }
        found: list[str] = []
        while len(found) < limit:
            response = translated(self._client.query, **request)
            found.extend(str(self._codec.decode(item)["message_id"]) for item in response.get("Items", []))
            if "LastEvaluatedKey" not in response:
                break
            request["ExclusiveStartKey"] = response["LastEvaluatedKey"]
        return found[:limit]


def _claimed(item: Item) -> ClaimedMessage:
    message = OutboxMessage(
        tenant_id=str(item["tenant_id"]),
        message_id=str(item["message_id"]),
        kind=OutboxKind(item["kind"]),
        subject_id=str(item[OutboxKind(item["kind"]).subject_attribute]),
        created_at=datetime.fromisoformat(item["created_at"]),
        recipient_id=item.get("recipient_id"),
    )
    return ClaimedMessage(
        message,
        frozenset(item.get("delivered_to", set())),
        claim_id=str(item["claim_id"]),
        attempts=int(item.get("attempts", 1)),
    )
