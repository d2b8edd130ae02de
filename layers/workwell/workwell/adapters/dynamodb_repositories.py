"""Repositories over the main and audit tables. Reads are strongly consistent so that a
version read is the version a conditional write will be checked against."""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from pydantic import BaseModel

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.domain.audit import AuditEvent
from workwell.domain.errors import ServiceBusy
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import (
    ABSENT_VERSION,
    SETTINGS_PARTS,
    LegacySettings,
    OrganisationSettings,
    ReportingSettings,
    SettingsPart,
    SettingsPartModel,
    StoredSettings,
    SurveySettings,
    TenantSettings,
    TraySettings,
)
from workwell.domain.versioned import Versioned
from workwell.service_layer.pagination import Page, PageRequest
from workwell.service_layer.unit_of_work import RegistryEntry

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

M = TypeVar("M", bound=BaseModel)
_BATCH_ATTEMPTS = 4
_BATCH_GET_LIMIT = 100
Item = dict[str, Any]
# On the one-item settings of the earlier version: set when they are migrated into parts.
_MIGRATED_MARK = "migrated_to_parts"


class ItemCodec:
    """Plain Python values <-> DynamoDB attribute values."""

    def __init__(self) -> None:
        self._serializer = TypeSerializer()
        self._deserializer = TypeDeserializer()

    def encode(self, item: Item) -> dict[str, Any]:
        return {k: self._serializer.serialize(v) for k, v in item.items()}

    def decode(self, item: dict[str, Any]) -> Item:
        return {k: self._deserializer.deserialize(v) for k, v in item.items()}

    def versioned(self, item: Item, model: type[M]) -> Versioned[M]:
        return Versioned(model.model_validate_json(item["data"]), int(item["version"]))

    @staticmethod
    def document(model: BaseModel) -> str:
        """Aggregates are stored as one JSON attribute: nothing queries inside them, and
        one string is smaller and cheaper to (de)serialize than a nested map."""
        return model.model_dump_json()


def query_all(client: DynamoDBClient, codec: ItemCodec, request: dict[str, Any]) -> list[Item]:
    """Every item a query finds, page after page, decoded."""
    items: list[Item] = []
    kwargs = dict(request)
    while True:
        response = translated(client.query, **kwargs)
        items.extend(codec.decode(i) for i in response.get("Items", []))
        if "LastEvaluatedKey" not in response:
            return items
        kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def epoch_seconds(at: datetime) -> int:
    """Times DynamoDB compares as numbers (TTL `expires_at`, leases) are whole epoch seconds."""
    return int(at.timestamp())


def read_item(client: DynamoDBClient, table: str, codec: ItemCodec, key: dict[str, str]) -> Item | None:
    """A strongly consistent read of one item, decoded; None if there is none."""
    response = translated(client.get_item, TableName=table, Key=codec.encode(key), ConsistentRead=True)
    return codec.decode(response["Item"]) if "Item" in response else None


def _condition_check(
    table: str, codec: ItemCodec, key: dict[str, str], condition: str, values: dict[str, Any] | None = None
) -> dict[str, Any]:
    check: dict[str, Any] = {"TableName": table, "Key": codec.encode(key), "ConditionExpression": condition}
    if values:
        check["ExpressionAttributeValues"] = codec.encode(values)
    return {"ConditionCheck": check}


def new_item_put(table: str, codec: ItemCodec, item: Item) -> dict[str, Any]:
    """A staged Put that never overwrites: it fails the commit if the item exists."""
    return {
        "Put": {
            "TableName": table,
            "Item": codec.encode(item),
            "ConditionExpression": "attribute_not_exists(PK)",
        }
    }


def _versioned_put(
    table: str,
    codec: ItemCodec,
    key: dict[str, str],
    item: Item,
    expected_version: int | None,
    *,
    first_version: int = 1,
) -> tuple[dict[str, Any], int]:
    """A Put that succeeds only if the stored version is the expected one (None: absent,
    and the new item starts at `first_version`)."""
    new_version = first_version if expected_version is None else expected_version + 1
    put: dict[str, Any] = {
        "TableName": table,
        "Item": codec.encode({**key, **item, "version": new_version}),
    }
    if expected_version is None:
        put["ConditionExpression"] = "attribute_not_exists(PK)"
    else:
        put["ConditionExpression"] = "version = :expected"
        put["ExpressionAttributeValues"] = codec.encode({":expected": expected_version})
    return {"Put": put}, new_version


class DynamoDbTenantSettings:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    def get(self, tenant_id: str) -> StoredSettings | None:
        items = query_all(
            self._client,
            self._codec,
            {
                "TableName": self._table,
                "KeyConditionExpression": "PK = :pk AND begins_with(SK, :part)",
                "ExpressionAttributeValues": self._codec.encode(
                    {":pk": table_keys.settings_partition(tenant_id), ":part": "PART#"}
                ),
                "ConsistentRead": True,
            },
        )
        by_part = {str(item["SK"]).removeprefix("PART#"): item for item in items}
        if "organisation" not in by_part or "reporting" not in by_part:
            return None
        tray, survey = by_part.get("tray"), by_part.get("survey")
        return StoredSettings(
            organisation=self._codec.versioned(by_part["organisation"], OrganisationSettings),
            reporting=self._codec.versioned(by_part["reporting"], ReportingSettings),
            tray=self._codec.versioned(tray, TraySettings)
            if tray
            else Versioned(TraySettings(), ABSENT_VERSION),
            survey=(
                self._codec.versioned(survey, SurveySettings)
                if survey
                else Versioned(SurveySettings(), ABSENT_VERSION)
            ),
        )

    def tray(self, tenant_id: str) -> Versioned[TraySettings] | None:
        key = table_keys.settings_part_key(tenant_id, TraySettings.part)
        item = read_item(self._client, self._table, self._codec, key)
        return self._codec.versioned(item, TraySettings) if item is not None else None

    def stage_save(self, tenant_id: str, part: SettingsPartModel, expected_version: int | None) -> int:
        item = {
            "entity": f"tenant_settings.{part.part}",
            "tenant_id": tenant_id,
            "data": self._codec.document(part),
        }
        key = table_keys.settings_part_key(tenant_id, part.part)
        write, version = _versioned_put(self._table, self._codec, key, item, expected_version or None)
        self._staged.append(write)
        return version

    def stage_expect_version(self, tenant_id: str, part: SettingsPart, version: int) -> None:
        key = table_keys.settings_part_key(tenant_id, part)
        if version == ABSENT_VERSION:
            self._staged.append(_condition_check(self._table, self._codec, key, "attribute_not_exists(PK)"))
        else:
            self._staged.append(
                _condition_check(self._table, self._codec, key, "version = :v", {":v": version})
            )

    def get_legacy(self, tenant_id: str) -> LegacySettings | None:
        item = read_item(self._client, self._table, self._codec, table_keys.legacy_settings_key(tenant_id))
        if item is None:
            return None
        # The earlier version wrote `data` = the whole document, which the document model
        # of GET/PUT /tenant/settings still reads.
        document = self._codec.versioned(item, TenantSettings)
        return LegacySettings(document, migrated=bool(item.get(_MIGRATED_MARK)))

    def stage_mark_legacy_migrated(self, tenant_id: str, version: int) -> None:
        # An Update, not a Put: the earlier code still reads `data` and `version`, unchanged.
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(table_keys.legacy_settings_key(tenant_id)),
                    "UpdateExpression": f"SET {_MIGRATED_MARK} = :yes",
                    "ConditionExpression": "version = :v",
                    "ExpressionAttributeValues": self._codec.encode({":yes": True, ":v": version}),
                }
            }
        )

    def stage_drop_legacy(self, tenant_id: str, version: int) -> None:
        for part in SETTINGS_PARTS:
            key = table_keys.settings_part_key(tenant_id, part)
            self._staged.append(_condition_check(self._table, self._codec, key, "attribute_exists(PK)"))
        self._staged.append(
            {
                "Delete": {
                    "TableName": self._table,
                    "Key": self._codec.encode(table_keys.legacy_settings_key(tenant_id)),
                    "ConditionExpression": f"version = :v AND {_MIGRATED_MARK} = :yes",
                    "ExpressionAttributeValues": self._codec.encode({":yes": True, ":v": version}),
                }
            }
        )


class DynamoDbStaffDirectory:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    def get(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None:
        item = read_item(
            self._client, self._table, self._codec, table_keys.staff_member_key(tenant_id, user_id)
        )
        return self._codec.versioned(item, StaffMember) if item else None

    def get_many(self, tenant_id: str, user_ids: Collection[str]) -> Mapping[str, Versioned[StaffMember]]:
        ordered = sorted(set(user_ids))
        found: dict[str, Versioned[StaffMember]] = {}
        # BatchGetItem takes at most 100 keys (a tenant may have more supervisors than that).
        for start in range(0, len(ordered), _BATCH_GET_LIMIT):
            found.update(self._get_batch(tenant_id, ordered[start : start + _BATCH_GET_LIMIT]))
        return found

    def _get_batch(self, tenant_id: str, user_ids: list[str]) -> dict[str, Versioned[StaffMember]]:
        keys = [self._codec.encode(table_keys.staff_member_key(tenant_id, u)) for u in user_ids]
        request: dict[str, Any] = {self._table: {"Keys": keys, "ConsistentRead": True}}
        found: dict[str, Versioned[StaffMember]] = {}
        for attempt in range(_BATCH_ATTEMPTS):
            if attempt:
                time.sleep(0.05 * 2**attempt)
            response = translated(self._client.batch_get_item, RequestItems=request)
            for raw in response.get("Responses", {}).get(self._table, []):
                item = self._codec.decode(raw)
                found[str(item["user_id"])] = self._codec.versioned(item, StaffMember)
            # Throttled keys come back unprocessed; ask again for those only, a few times.
            request = response.get("UnprocessedKeys") or {}
            if not request:
                return found
        raise ServiceBusy("The service is busy; please try again.")

    def stage_expect_version(self, tenant_id: str, user_id: str, version: int) -> None:
        key = table_keys.staff_member_key(tenant_id, user_id)
        self._staged.append(_condition_check(self._table, self._codec, key, "version = :v", {":v": version}))

    def members(self, tenant_id: str) -> Sequence[Versioned[StaffMember]]:
        return [
            self._codec.versioned(item, StaffMember)
            for item in self._all_with_prefix(tenant_id, table_keys.STAFF_MEMBER_PREFIX)
        ]

    def members_page(self, tenant_id: str, page: PageRequest) -> Page[Versioned[StaffMember]]:
        kwargs = self._prefix_query(tenant_id, table_keys.STAFF_MEMBER_PREFIX)
        kwargs["Limit"] = page.limit
        if page.after:
            kwargs["ExclusiveStartKey"] = dict(page.after)
        response = translated(self._client.query, **kwargs)
        items = [self._codec.versioned(self._codec.decode(i), StaffMember) for i in response.get("Items", [])]
        return Page(items=items, next_position=response.get("LastEvaluatedKey"))

    def revision(self, tenant_id: str) -> int:
        item = read_item(self._client, self._table, self._codec, table_keys.staff_revision_key(tenant_id))
        return int(item["revision"]) if item else 0

    def stage_expect_revision(self, tenant_id: str, revision: int) -> None:
        key = table_keys.staff_revision_key(tenant_id)
        if revision == 0:
            check = _condition_check(self._table, self._codec, key, "attribute_not_exists(PK)")
        else:
            check = _condition_check(self._table, self._codec, key, "revision = :r", {":r": revision})
        self._staged.append(check)

    def _stage_raise_revision(self, tenant_id: str) -> None:
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(table_keys.staff_revision_key(tenant_id)),
                    "UpdateExpression": "ADD revision :one",
                    "ExpressionAttributeValues": self._codec.encode({":one": 1}),
                }
            }
        )

    def user_ids_with_role(self, tenant_id: str, role: str) -> list[str]:
        prefix = table_keys.staff_role_prefix(role)
        return [str(item["user_id"]) for item in self._all_with_prefix(tenant_id, prefix)]

    def _prefix_query(self, tenant_id: str, prefix: str) -> dict[str, Any]:
        return {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": self._codec.encode(
                {":pk": table_keys.staff_partition(tenant_id), ":prefix": prefix}
            ),
            "ConsistentRead": True,
        }

    def _all_with_prefix(self, tenant_id: str, prefix: str) -> list[Item]:
        return query_all(self._client, self._codec, self._prefix_query(tenant_id, prefix))

    def stage_save(
        self,
        tenant_id: str,
        member: StaffMember,
        expected_version: int | None,
        previous: StaffMember | None,
        *,
        first_version: int = 1,
    ) -> int:
        item = {
            "entity": "staff_member",
            "tenant_id": tenant_id,
            "user_id": member.user_id,
            "data": self._codec.document(member),
        }
        write, version = _versioned_put(
            self._table,
            self._codec,
            table_keys.staff_member_key(tenant_id, member.user_id),
            item,
            expected_version,
            first_version=first_version,
        )
        self._staged.append(write)
        for role in sorted(member.roles):
            role_item = {
                **table_keys.staff_role_key(tenant_id, role, member.user_id),
                "user_id": member.user_id,
            }
            self._staged.append({"Put": {"TableName": self._table, "Item": self._codec.encode(role_item)}})
        dropped = (previous.roles if previous else frozenset()) - member.roles
        for role in sorted(dropped):
            self._stage_delete(table_keys.staff_role_key(tenant_id, role, member.user_id))
        self._stage_raise_revision(tenant_id)
        return version

    def stage_remove(self, tenant_id: str, member: StaffMember, expected_version: int) -> None:
        self._staged.append(
            {
                "Delete": {
                    "TableName": self._table,
                    "Key": self._codec.encode(table_keys.staff_member_key(tenant_id, member.user_id)),
                    "ConditionExpression": "version = :expected",
                    "ExpressionAttributeValues": self._codec.encode({":expected": expected_version}),
                }
            }
        )
        for role in sorted(member.roles):
            self._stage_delete(table_keys.staff_role_key(tenant_id, role, member.user_id))
        self._stage_raise_revision(tenant_id)

    def _stage_delete(self, key: dict[str, str]) -> None:
        self._staged.append({"Delete": {"TableName": self._table, "Key": self._codec.encode(key)}})


class DynamoDbTenantRegistry:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    def get(self, tenant_id: str) -> RegistryEntry | None:
        item = read_item(self._client, self._table, self._codec, table_keys.tenant_registry_key(tenant_id))
        if item is None:
            return None
        return RegistryEntry(tuple(item.get("tenant_groups", [])), bool(item.get("staff_seeded", False)))

    def tenant_ids(self) -> list[str]:
        request = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk",
            "ExpressionAttributeValues": self._codec.encode({":pk": table_keys.TENANT_REGISTRY_PK}),
            "ProjectionExpression": "tenant_id",
        }
        return sorted(str(item["tenant_id"]) for item in query_all(self._client, self._codec, request))

    def stage_register(self, tenant_id: str, entry: RegistryEntry) -> None:
        item = {
            **table_keys.tenant_registry_key(tenant_id),
            "tenant_id": tenant_id,
            "tenant_groups": list(entry.tenant_groups),
            "staff_seeded": entry.staff_seeded,
        }
        self._staged.append({"Put": {"TableName": self._table, "Item": self._codec.encode(item)}})

    def stage_group(self, group_id: str, members: Sequence[str]) -> None:
        item = {**table_keys.tenant_group_key(group_id), "group_id": group_id, "members": sorted(members)}
        self._staged.append({"Put": {"TableName": self._table, "Item": self._codec.encode(item)}})


class DynamoDbAuditLog:
    """Append-only: a Put that may never overwrite."""

    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    def trail(
        self, tenant_id: str, object_type: str, object_id: str, page: PageRequest, now: datetime
    ) -> Page[AuditEvent]:
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk",
            "ExpressionAttributeValues": self._codec.encode(
                {":pk": table_keys.audit_partition(tenant_id, object_type, object_id)}
            ),
            "Limit": page.limit,
        }
        if page.after:
            kwargs["ExclusiveStartKey"] = dict(page.after)
        response = translated(self._client.query, **kwargs)
        items = [self._codec.decode(raw) for raw in response.get("Items", [])]
        return Page(
            items=[_audit_event_from(i) for i in items if int(i["expires_at"]) > int(now.timestamp())],
            next_position=response.get("LastEvaluatedKey"),
        )

    def stage(self, event: AuditEvent) -> None:
        at_iso = event.at.isoformat()
        key = table_keys.audit_key(
            event.tenant_id, event.object_type, event.object_id, at_iso, event.event_id
        )
        item = {
            **key,
            "tenant_id": event.tenant_id,
            "actor_id": event.actor_id,
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "at": at_iso,
            "request_id": event.request_id,
            "expires_at": int(event.expires_at.timestamp()),
        }
        self._staged.append(new_item_put(self._table, self._codec, item))


def _audit_event_from(item: Item) -> AuditEvent:
    return AuditEvent(
        tenant_id=str(item["tenant_id"]),
        actor_id=str(item["actor_id"]),
        action=str(item["action"]),
        object_type=str(item["object_type"]),
        object_id=str(item["object_id"]),
        at=datetime.fromisoformat(item["at"]),
        request_id=str(item["request_id"]),
        event_id=str(item["SK"]).rsplit("#", 1)[-1],
        expires_at=datetime.fromtimestamp(int(item["expires_at"]), tz=UTC),
    )
