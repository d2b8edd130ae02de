"""One item per person and Helsinki day: claimed while a run works on it, then done. The
latest done day tells the next digest where "new" starts."""

from __future__ import annotations

import contextlib
import uuid
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.adapters.dynamodb_repositories import ItemCodec, epoch_seconds
from workwell.domain.errors import Conflict
from workwell.service_layer.notifications.delivery_claims import DIGEST_CLAIM_LEASE

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

# Long enough to find the last digest across holidays; the ledger holds no content.
LEDGER_RETENTION = timedelta(days=45)
CLAIMED, SENDING, DONE = "claimed", "sending", "done"


class DynamoDbDigestLedger:
    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._client, self._table, self._codec = client, table, ItemCodec()

    def _key(self, tenant_id: str, user_id: str, day: date) -> dict[str, Any]:
        return self._codec.encode(table_keys.digest_day_key(tenant_id, user_id, day.isoformat()))

    def claim(self, tenant_id: str, user_id: str, day: date, now: datetime) -> str | None:
        claim_id = uuid.uuid4().hex
        item = {
            **table_keys.digest_day_key(tenant_id, user_id, day.isoformat()),
            "entity": "digest_day",
            "status": CLAIMED,
            "claim_id": claim_id,
            "claimed_until": epoch_seconds(now + DIGEST_CLAIM_LEASE),
            "expires_at": epoch_seconds(now + LEDGER_RETENTION),
        }
        try:
            translated(
                self._client.put_item,
                TableName=self._table,
                Item=self._codec.encode(item),
                ConditionExpression="attribute_not_exists(PK) OR (#status = :claimed AND claimed_until <= :now)",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=self._codec.encode(
                    {":claimed": CLAIMED, ":now": epoch_seconds(now)}
                ),
            )
        except Conflict:
            return None
        return claim_id

    def mark_sending(self, tenant_id: str, user_id: str, day: date, claim_id: str) -> None:
        translated(
            self._client.update_item,
            TableName=self._table,
            Key=self._key(tenant_id, user_id, day),
            UpdateExpression="SET #status = :sending",
            ConditionExpression="#status = :claimed AND claim_id = :claim",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues=self._codec.encode(
                {":sending": SENDING, ":claimed": CLAIMED, ":claim": claim_id}
            ),
        )

    def release(self, tenant_id: str, user_id: str, day: date, claim_id: str) -> None:
        with contextlib.suppress(Conflict):  # taken over meanwhile: not ours to release
            translated(
                self._client.delete_item,
                TableName=self._table,
                Key=self._key(tenant_id, user_id, day),
                ConditionExpression="#status <> :done AND claim_id = :claim",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=self._codec.encode({":done": DONE, ":claim": claim_id}),
            )

    def complete(
        self, tenant_id: str, user_id: str, day: date, claim_id: str, *, emailed: bool, now: datetime
    ) -> None:
        translated(
            self._client.update_item,
            TableName=self._table,
            Key=self._key(tenant_id, user_id, day),
            UpdateExpression="SET #status = :done, ran_at = :ran, emailed = :emailed REMOVE claimed_until",
            ConditionExpression="#status <> :done AND claim_id = :claim",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues=self._codec.encode(
                {
                    ":done": DONE,
                    ":claim": claim_id,
                    ":ran": now.isoformat(),
                    ":emailed": emailed,
                }
            ),
        )

    def last_completed(self, tenant_id: str, user_id: str, before: date) -> datetime | None:
        response = translated(
            self._client.query,
            TableName=self._table,
            KeyConditionExpression="PK = :pk AND SK BETWEEN :first AND :before",
            FilterExpression="#status = :done",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues=self._codec.encode(
                {
                    ":pk": table_keys.digest_partition(tenant_id, user_id),
                    ":first": table_keys.DIGEST_DAY_PREFIX,
                    # Days sort as ISO dates; everything strictly before `before`.
                    ":before": table_keys.DIGEST_DAY_PREFIX + (before - timedelta(days=1)).isoformat(),
                    ":done": DONE,
                }
            ),
            ScanIndexForward=False,
            Limit=10,
        )
        for item in response.get("Items", []):
            return datetime.fromisoformat(self._codec.decode(item)["ran_at"])
        return None
