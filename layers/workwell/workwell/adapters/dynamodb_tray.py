"""Tray services and orders in the main table (keys in docs/data-model.md).

A service is one item in its owner's partition: the `Service` document as JSON (`data`,
with `version`), and beside it plain attributes that the store itself reads: `status`,
`category`, `kind`, `audience`, `search_text` (for the list's filter), `capacity` and the
order counts (`places_taken`, `orders_<status>`), which orders change with `ADD` in their
own transactions without touching the version. While published the item carries GSI1
keys: its owner's partition (`TENANT#<t>#SERVICES#PUBLISHED`) or, if shared, its group's
(`GROUP#<g>#SERVICES#PUBLISHED`), sorted by category, kind and id.

Taking a place is an `Update` in the order's transaction:
`ADD places_taken 1` on condition `status = published AND (no capacity OR places_taken <
capacity)`. DynamoDB evaluates the condition and applies the update atomically, so no
interleaving of transactions can push `places_taken` past the capacity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.adapters.dynamodb_repositories import (
    Item,
    ItemCodec,
    epoch_seconds,
    new_item_put,
    query_all,
    read_item,
)
from workwell.domain.errors import InvalidCursor
from workwell.domain.tray.order import HOLDS_A_PLACE, Order, OrderStatus
from workwell.domain.tray.service import OrderCounts, Service, ServiceStatus, StoredService, owner_of
from workwell.domain.versioned import Versioned
from workwell.service_layer.pagination import Page, PageRequest, Position
from workwell.service_layer.unit_of_work import ORGANISATION_HANDLER, OrderRequestRecord, ServiceQuery

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

_COUNTED = tuple(status.value for status in OrderStatus)
_DONE = "done"


def _counts(item: Item) -> OrderCounts:
    return OrderCounts(**{status: int(item.get(f"orders_{status}", 0)) for status in _COUNTED})


def _stored_service(item: Item) -> StoredService:
    return StoredService(Service.model_validate_json(item["data"]), int(item["version"]), _counts(item))


def _listing_attributes(service: Service) -> Item:
    """What the store filters and conditions on, kept in step with the document."""
    details = service.details
    item: Item = {
        "status": service.status.value,
        "category": details.category.value,
        "kind": details.kind.value,
        "search_text": details.search_index(),
    }
    if details.audience_groups is not None:
        item["audience"] = list(details.audience_groups)
    if details.capacity is not None:
        item["capacity"] = details.capacity
    if service.status is ServiceStatus.PUBLISHED:
        group = details.shared_with_group
        partition = (
            table_keys.group_published_services_partition(group)
            if group is not None
            else table_keys.published_services_partition(service.tenant_id)
        )
        item["GSI1PK"] = partition
        item["GSI1SK"] = table_keys.published_service_sort_key(
            details.category.value, details.kind.value, service.service_id
        )
    return item


_OPTIONAL_LISTING = ("audience", "capacity", "GSI1PK", "GSI1SK")


class DynamoDbTray:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    # Services

    def _service_key(self, service_id: str) -> dict[str, str] | None:
        owner = owner_of(service_id)
        return table_keys.tray_service_key(owner, service_id) if owner is not None else None

    def service(self, service_id: str) -> StoredService | None:
        key = self._service_key(service_id)
        item = read_item(self._client, self._table, self._codec, key) if key else None
        if item is None or item.get("service_id") != service_id:
            return None
        return _stored_service(item)

    def services_of(self, tenant_id: str) -> Sequence[StoredService]:
        items = query_all(
            self._client,
            self._codec,
            {
                "TableName": self._table,
                "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
                "ExpressionAttributeValues": self._codec.encode(
                    {
                        ":pk": table_keys.tray_services_partition(tenant_id),
                        ":prefix": table_keys.SERVICE_PREFIX,
                    }
                ),
                "ConsistentRead": True,
            },
        )
        return [_stored_service(item) for item in items]

    def stage_create_service(self, service: Service) -> None:
        item: Item = {
            **table_keys.tray_service_key(service.tenant_id, service.service_id),
            "entity": "tray_service",
            "tenant_id": service.tenant_id,
            "service_id": service.service_id,
            "data": self._codec.document(service),
            "version": 1,
            "places_taken": 0,
            **{f"orders_{status}": 0 for status in _COUNTED},
            **_listing_attributes(service),
        }
        self._staged.append(new_item_put(self._table, self._codec, item))

    def stage_update_service(self, service: Service, expected_version: int) -> int:
        listing = _listing_attributes(service)
        attributes: Item = {"data": self._codec.document(service), "version": expected_version + 1, **listing}
        removed = [name for name in _OPTIONAL_LISTING if name not in listing]
        # Every attribute by placeholder: `data`, `status` and `capacity` are reserved words.
        names: dict[str, str] = {}
        values: Item = {":expected": expected_version}
        sets = []
        for i, (name, value) in enumerate(attributes.items()):
            names[f"#s{i}"] = name
            values[f":s{i}"] = value
            sets.append(f"#s{i} = :s{i}")
        for i, name in enumerate(removed):
            names[f"#r{i}"] = name
        expression = "SET " + ", ".join(sets)
        if removed:
            expression += " REMOVE " + ", ".join(f"#r{i}" for i in range(len(removed)))
        names["#version"] = "version"
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(
                        table_keys.tray_service_key(service.tenant_id, service.service_id)
                    ),
                    "UpdateExpression": expression,
                    "ConditionExpression": "attribute_exists(PK) AND #version = :expected",
                    "ExpressionAttributeNames": names,
                    "ExpressionAttributeValues": self._codec.encode(values),
                }
            }
        )
        return expected_version + 1

    def stage_take_place(self, service: Service) -> None:
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(
                        table_keys.tray_service_key(service.tenant_id, service.service_id)
                    ),
                    "UpdateExpression": "ADD places_taken :one, orders_requested :one",
                    "ConditionExpression": "#status = :published "
                    "AND (attribute_not_exists(#capacity) OR places_taken < #capacity)",
                    "ExpressionAttributeNames": {"#status": "status", "#capacity": "capacity"},
                    "ExpressionAttributeValues": self._codec.encode(
                        {":one": 1, ":published": ServiceStatus.PUBLISHED.value}
                    ),
                }
            }
        )

    def stage_move_order(self, service_id: str, before: OrderStatus, after: OrderStatus) -> None:
        key = self._service_key(service_id)
        if key is None:
            raise ValueError("not a service id")
        adds = [f"orders_{before.value} :minus", f"orders_{after.value} :one"]
        if before in HOLDS_A_PLACE and after not in HOLDS_A_PLACE:
            adds.append("places_taken :minus")
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(key),
                    "UpdateExpression": "ADD " + ", ".join(adds),
                    "ConditionExpression": "attribute_exists(PK)",
                    "ExpressionAttributeValues": self._codec.encode({":one": 1, ":minus": -1}),
                }
            }
        )

    def browse(self, query: ServiceQuery, page: PageRequest) -> Page[StoredService]:
        """One query per scope (the tenant's own partition, each of its groups'), merged in
        index order. The position keeps, per scope, the index sort key its part of the
        page ended at ("" before the first page, "done" after the last), from which the
        index key is rebuilt: a cursor stays short whatever the keys."""
        scopes = [table_keys.published_services_partition(query.tenant_id)] + [
            table_keys.group_published_services_partition(g) for g in query.tenant_groups
        ]
        positions: dict[str, str] = dict(page.after.get("scopes", {})) if page.after else {}
        fetched: dict[str, tuple[list[dict[str, Any]], str | None]] = {}
        for scope in scopes:
            after = positions.get(scope, _DONE) if page.after else ""
            if after == _DONE:
                continue
            response = translated(
                self._client.query,
                **self._browse_request(scope, query, page.limit, self._index_key(scope, after)),
            )
            last = response.get("LastEvaluatedKey")
            fetched[scope] = (list(response.get("Items", [])), last["GSI1SK"]["S"] if last else None)
        merged = sorted(
            ((raw["GSI1SK"]["S"], scope, raw) for scope, (items, _) in fetched.items() for raw in items),
            key=lambda entry: entry[0],
        )
        taken = merged[: page.limit]
        next_scopes: dict[str, str] = {}
        for scope, (items, last_key) in fetched.items():
            mine = [sort_key for sort_key, s, _ in taken if s == scope]
            if len(mine) == len(items):
                # Every item this scope gave is on the page: go on where its query stopped.
                next_scopes[scope] = last_key or _DONE
            else:
                next_scopes[scope] = mine[-1] if mine else positions.get(scope, "")
        more = any(after != _DONE for after in next_scopes.values())
        next_position: Position | None = {"scopes": next_scopes} if more else None
        return Page([_stored_service(self._codec.decode(raw)) for _, _, raw in taken], next_position)

    def _index_key(self, scope: str, sort_key: str) -> dict[str, Any] | None:
        """The GSI1 key of the item at `sort_key` (category#kind#id) in `scope`."""
        if not sort_key:
            return None
        service_id = sort_key.rsplit("#", 1)[-1]
        owner = owner_of(service_id)
        if owner is None:
            raise InvalidCursor("The cursor is not valid.")
        key = {
            **table_keys.tray_service_key(owner, service_id),
            "GSI1PK": scope,
            "GSI1SK": sort_key,
        }
        return self._codec.encode(key)

    def _browse_request(self, scope: str, query: ServiceQuery, limit: int, after: Any) -> dict[str, Any]:
        values: Item = {":pk": scope, ":entity": "tray_service", ":published": ServiceStatus.PUBLISHED.value}
        key_condition = "GSI1PK = :pk"
        if query.category is not None:
            key_condition += " AND begins_with(GSI1SK, :prefix)"
            prefix = f"{query.category.value}#" + (f"{query.kind.value}#" if query.kind is not None else "")
            values[":prefix"] = prefix
        filters = ["entity = :entity", "#status = :published"]
        if query.kind is not None and query.category is None:
            filters.append("#kind = :kind")
            values[":kind"] = query.kind.value
        if query.viewer_group is None:
            filters.append("attribute_not_exists(audience)")
        else:
            filters.append("(attribute_not_exists(audience) OR contains(audience, :group))")
            values[":group"] = query.viewer_group
        for index, term in enumerate(query.terms):
            filters.append(f"contains(search_text, :t{index})")
            values[f":t{index}"] = term
        names = {"#status": "status"}
        if ":kind" in values:
            names["#kind"] = "kind"
        request: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": "GSI1",
            "KeyConditionExpression": key_condition,
            "FilterExpression": " AND ".join(filters),
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": self._codec.encode(values),
            "Limit": limit,
        }
        if after:
            request["ExclusiveStartKey"] = after
        return request

    # Orders

    def _order_item(self, order: Order, version: int) -> Item:
        created = order.created_at.isoformat()
        handler = (
            table_keys.provider_orders_partition(order.tenant_id, order.provider_id)
            if order.provider_id is not None
            else table_keys.organisation_orders_partition(order.tenant_id)
        )
        return {
            **table_keys.tray_order_key(order.tenant_id, order.order_id),
            "entity": "tray_order",
            "tenant_id": order.tenant_id,
            "order_id": order.order_id,
            "service_id": order.service_id,
            "status": order.status.value,
            "data": self._codec.document(order),
            "version": version,
            "GSI1PK": table_keys.orderer_partition(order.orderer_tenant_id, order.orderer_id),
            "GSI1SK": f"{created}#{order.order_id}",
            "GSI2PK": handler,
            "GSI2SK": f"{created}#{order.order_id}",
        }

    def order(self, order_id: str) -> Versioned[Order] | None:
        owner = owner_of(order_id)
        if owner is None:
            return None
        item = read_item(self._client, self._table, self._codec, table_keys.tray_order_key(owner, order_id))
        if item is None or item.get("order_id") != order_id:
            return None
        return Versioned(Order.model_validate_json(item["data"]), int(item["version"]))

    def stage_create_order(self, order: Order) -> None:
        self._staged.append(new_item_put(self._table, self._codec, self._order_item(order, 1)))

    def stage_update_order(self, order: Order, expected_version: int) -> int:
        self._staged.append(
            {
                "Put": {
                    "TableName": self._table,
                    "Item": self._codec.encode(self._order_item(order, expected_version + 1)),
                    "ConditionExpression": "version = :expected",
                    "ExpressionAttributeValues": self._codec.encode({":expected": expected_version}),
                }
            }
        )
        return expected_version + 1

    def _orders_page(self, index: str, partition: str, page: PageRequest) -> Page[Versioned[Order]]:
        request: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": index,
            "KeyConditionExpression": f"{index}PK = :pk",
            "ExpressionAttributeValues": self._codec.encode({":pk": partition}),
            "ScanIndexForward": False,
            "Limit": page.limit,
        }
        if page.after:
            request["ExclusiveStartKey"] = dict(page.after)
        response = translated(self._client.query, **request)
        items = [self._codec.decode(raw) for raw in response.get("Items", [])]
        orders = [
            Versioned(Order.model_validate_json(i["data"]), int(i["version"]))
            for i in items
            if i.get("entity") == "tray_order"
        ]
        return Page(orders, response.get("LastEvaluatedKey"))

    def orders_of(self, tenant_id: str, orderer_id: str, page: PageRequest) -> Page[Versioned[Order]]:
        return self._orders_page("GSI1", table_keys.orderer_partition(tenant_id, orderer_id), page)

    def orders_handled_by(self, tenant_id: str, handler: str, page: PageRequest) -> Page[Versioned[Order]]:
        partition = (
            table_keys.organisation_orders_partition(tenant_id)
            if handler == ORGANISATION_HANDLER
            else table_keys.provider_orders_partition(tenant_id, handler)
        )
        return self._orders_page("GSI2", partition, page)

    def order_request(self, tenant_id: str, key: str, now: datetime) -> OrderRequestRecord | None:
        item = read_item(self._client, self._table, self._codec, table_keys.order_request_key(tenant_id, key))
        if item is None or int(item.get("expires_at", 0)) <= epoch_seconds(now):
            return None
        return OrderRequestRecord(
            key=key,
            order_id=str(item["order_id"]),
            payload_digest=str(item["payload_digest"]),
            expires_at=datetime.fromtimestamp(int(item["expires_at"]), tz=UTC),
        )

    def stage_order_request(self, tenant_id: str, record: OrderRequestRecord, now: datetime) -> None:
        item: Item = {
            **table_keys.order_request_key(tenant_id, record.key),
            "entity": "order_request",
            "tenant_id": tenant_id,
            "order_id": record.order_id,
            "payload_digest": record.payload_digest,
            "expires_at": epoch_seconds(record.expires_at),
        }
        self._staged.append(
            {
                "Put": {
                    "TableName": self._table,
                    "Item": self._codec.encode(item),
                    # TTL deletion is lazy: an expired record counts as absent.
                    "ConditionExpression": "attribute_not_exists(PK) OR expires_at <= :now",
                    "ExpressionAttributeValues": self._codec.encode({":now": epoch_seconds(now)}),
                }
            }
        )
