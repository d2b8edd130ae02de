"""Role changes (grants and revocations of case-handling roles), staff members' identities
as they last signed in, and the per-person counters of case reads answered 404, in the main
table."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.adapters.dynamodb_repositories import ItemCodec, epoch_seconds, query_all, read_item
from workwell.domain.cases.refused_reads import RefusedReadCount, RefusedReadOutcome
from workwell.domain.staff.role_grants import ROLE_CHANGE_RETENTION, RoleChange, RoleChangeStatus
from workwell.domain.staff.staff import SIGNED_IN_RETENTION, SignedInAs
from workwell.domain.versioned import Versioned
from workwell.service_layer.pagination import Page, PageRequest

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient


class DynamoDbRoleChanges:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    def get(self, tenant_id: str, change_id: str) -> Versioned[RoleChange] | None:
        item = read_item(
            self._client, self._table, self._codec, table_keys.role_change_key(tenant_id, change_id)
        )
        return self._codec.versioned(item, RoleChange) if item else None

    def stage_save(self, change: RoleChange, expected_version: int | None) -> int:
        new_version = (expected_version or 0) + 1
        item: dict[str, Any] = {
            **table_keys.role_change_key(change.tenant_id, change.change_id),
            "entity": "role_change",
            "tenant_id": change.tenant_id,
            "data": self._codec.document(change),
            "version": new_version,
            "expires_at": epoch_seconds(change.requested_at + ROLE_CHANGE_RETENTION),
        }
        if change.status is RoleChangeStatus.PENDING:
            item.update(table_keys.pending_grant_index_key(change.tenant_id, change.change_id))
        put: dict[str, Any] = {"TableName": self._table, "Item": self._codec.encode(item)}
        if expected_version is None:
            put["ConditionExpression"] = "attribute_not_exists(PK)"
        else:
            put["ConditionExpression"] = "version = :expected"
            put["ExpressionAttributeValues"] = self._codec.encode({":expected": expected_version})
        self._staged.append({"Put": put})
        return new_version

    def history(self, tenant_id: str, page: PageRequest) -> Page[Versioned[RoleChange]]:
        """Newest first (ids begin with their time)."""
        return self._page(
            {
                "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
                "ExpressionAttributeValues": self._codec.encode(
                    {
                        ":pk": table_keys.role_changes_partition(tenant_id),
                        ":prefix": table_keys.ROLE_CHANGE_PREFIX,
                    }
                ),
                "ConsistentRead": True,
            },
            page,
        )

    def pending(self, tenant_id: str, page: PageRequest) -> Page[Versioned[RoleChange]]:
        """Grants waiting for confirmation, newest first (a sparse index)."""
        return self._page(
            {
                "IndexName": "GSI1",
                "KeyConditionExpression": "GSI1PK = :pk",
                "ExpressionAttributeValues": self._codec.encode(
                    {":pk": table_keys.pending_grants_partition(tenant_id)}
                ),
            },
            page,
        )

    def _page(self, request: dict[str, Any], page: PageRequest) -> Page[Versioned[RoleChange]]:
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "ScanIndexForward": False,
            "Limit": page.limit,
            **request,
        }
        if page.after:
            kwargs["ExclusiveStartKey"] = dict(page.after)
        response = translated(self._client.query, **kwargs)
        items = [self._codec.versioned(self._codec.decode(i), RoleChange) for i in response.get("Items", [])]
        return Page(items=items, next_position=response.get("LastEvaluatedKey"))


class DynamoDbRefusedReads:
    """Counted with one UpdateItem, outside any transaction: a refused read and a read of a
    missing id cost the same single write."""

    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec) -> None:
        self._client, self._table, self._codec = client, table, codec

    def count(self, tenant_id: str, actor_id: str, outcome: RefusedReadOutcome, now: datetime) -> None:
        day = RefusedReadCount.day_of(now)
        translated(
            self._client.update_item,
            TableName=self._table,
            Key=self._codec.encode(table_keys.refused_reads_key(tenant_id, day.isoformat(), actor_id)),
            UpdateExpression="ADD #outcome :one SET actor_id = :actor, #day = :day, expires_at = :expires",
            ExpressionAttributeNames={"#outcome": outcome.value, "#day": "day"},
            ExpressionAttributeValues=self._codec.encode(
                {
                    ":one": 1,
                    ":actor": actor_id,
                    ":day": day.isoformat(),
                    ":expires": epoch_seconds(RefusedReadCount.expiry_of(now)),
                }
            ),
        )

    def since(self, tenant_id: str, first_day: str) -> list[RefusedReadCount]:
        items = query_all(
            self._client,
            self._codec,
            {
                "TableName": self._table,
                "KeyConditionExpression": "PK = :pk AND SK >= :from",
                "ExpressionAttributeValues": self._codec.encode(
                    {
                        ":pk": table_keys.refused_reads_partition(tenant_id),
                        ":from": table_keys.REFUSED_READS_DAY_PREFIX + first_day,
                    }
                ),
                "ConsistentRead": True,
            },
        )
        return [
            RefusedReadCount(
                day=str(i["day"]),
                actor_id=str(i["actor_id"]),
                refused=int(i.get(RefusedReadOutcome.REFUSED.value, 0)),
                missing=int(i.get(RefusedReadOutcome.MISSING.value, 0)),
            )
            for i in items
        ]


class DynamoDbSignedInIdentities:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec) -> None:
        self._client, self._table, self._codec = client, table, codec

    def record(self, tenant_id: str, seen: SignedInAs) -> None:
        item = {
            **table_keys.signed_in_key(tenant_id, seen.user_id),
            "entity": "signed_in",
            "user_id": seen.user_id,
            "seen_at": seen.seen_at.isoformat(),
            "expires_at": epoch_seconds(seen.seen_at + SIGNED_IN_RETENTION),
        }
        item.update({k: v for k, v in (("name", seen.name), ("email", seen.email)) if v})
        translated(self._client.put_item, TableName=self._table, Item=self._codec.encode(item))

    def get_many(self, tenant_id: str, user_ids: Collection[str]) -> Mapping[str, SignedInAs]:
        found: dict[str, SignedInAs] = {}
        for user_id in sorted(set(user_ids)):
            # A page of the history names a handful of people: single reads keep this simple.
            item = read_item(
                self._client, self._table, self._codec, table_keys.signed_in_key(tenant_id, user_id)
            )
            if item:
                found[user_id] = SignedInAs(
                    user_id=user_id,
                    name=item.get("name"),
                    email=item.get("email"),
                    seen_at=datetime.fromisoformat(str(item["seen_at"])),
                )
        return found
