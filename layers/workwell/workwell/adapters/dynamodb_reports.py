"""Reports, their cases and messages, and outbox messages in the main table. Restricted
fields arrive here already sealed; this module never sees plaintext content."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.adapters.dynamodb_repositories import Item, ItemCodec, epoch_seconds, new_item_put, read_item
from workwell.domain.cases.case_events import CaseEvent
from workwell.domain.notifications.outbox import OutboxMessage
from workwell.domain.reports.safety_report import CaseMessage, MessageAuthor, SafetyReport, StatusChange
from workwell.domain.versioned import Versioned
from workwell.service_layer.pagination import Page, PageRequest
from workwell.service_layer.unit_of_work import (
    CaseIndexPage,
    IndexedCase,
    StoredEvent,
    StoredMessage,
    StoredReport,
    SubmissionRecord,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient


def _iso(at: datetime) -> str:
    return at.isoformat()


def _live(item: Item, now: datetime) -> bool:
    """TTL deletion is lazy: an item past its expiry is treated as gone."""
    return int(item.get("expires_at", 0)) > epoch_seconds(now)


def report_item(report: SafetyReport) -> Item:
    """The case item's attributes other than keys, content and version."""
    item: Item = {
        "entity": "case",
        "tenant_id": report.tenant_id,
        "report_id": report.report_id,
        "reference": report.reference,
        "type": report.type_key,
        "restricted": report.restricted,
        "status": report.status,
        "recusal_tokens": sorted(report.recusal_tokens),
        "received_at": _iso(report.received_at),
        "updated_at": _iso(report.updated_at),
        "deadlines": {key: _iso(at) for key, at in report.deadlines.items()},
        "expires_at": epoch_seconds(report.expires_at),
        "message_count": report.message_count,
        "met_deadlines": {key: _iso(at) for key, at in report.met_deadlines.items()},
        "status_history": [{"status": c.status, "at": _iso(c.at)} for c in report.status_history],
        **_case_index_key(report),
    }
    item.update({k: v for k, v in _optional_attributes(report).items() if v is not None})
    return item


def _optional_attributes(report: SafetyReport) -> Item:
    return {
        "unit": report.unit,
        "assignee_id": report.assignee_id,
        "reporter_id": report.reporter_id,
        "closed_at": _iso(report.closed_at) if report.closed_at else None,
        "resolution": report.resolution,
    }


def _case_index_key(report: SafetyReport) -> dict[str, str]:
    if report.closed_at is not None:
        return table_keys.closed_case_index_key(report.tenant_id, _iso(report.closed_at), report.report_id)
    deadline = report.next_deadline
    due = _iso(deadline) if deadline is not None else table_keys.NO_DEADLINE
    return table_keys.open_case_index_key(report.tenant_id, due, report.report_id)


def report_from_item(item: Item) -> SafetyReport:
    return SafetyReport(
        tenant_id=str(item["tenant_id"]),
        report_id=str(item["report_id"]),
        reference=str(item["reference"]),
        type_key=str(item["type"]),
        restricted=bool(item["restricted"]),
        unit=item.get("unit"),
        status=str(item["status"]),
        assignee_id=item.get("assignee_id"),
        recusal_tokens=frozenset(item.get("recusal_tokens", [])),
        reporter_id=item.get("reporter_id"),
        received_at=datetime.fromisoformat(item["received_at"]),
        updated_at=datetime.fromisoformat(item["updated_at"]),
        deadlines=_times(item.get("deadlines", {})),
        expires_at=datetime.fromtimestamp(int(item["expires_at"]), tz=UTC),
        message_count=int(item.get("message_count", 0)),
        closed_at=datetime.fromisoformat(item["closed_at"]) if "closed_at" in item else None,
        met_deadlines=_times(item.get("met_deadlines", {})),
        resolution=item.get("resolution"),
        status_history=tuple(
            StatusChange(str(c["status"]), datetime.fromisoformat(c["at"]))
            for c in item.get("status_history", [])
        ),
        last_activity_at=datetime.fromisoformat(item["last_activity_at"])
        if "last_activity_at" in item
        else None,
    )


def _times(stored: dict[str, str]) -> dict[str, datetime]:
    return {key: datetime.fromisoformat(at) for key, at in stored.items()}


class DynamoDbReports:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    def get(
        self,
        tenant_id: str,
        report_id: str,
        now: datetime,
        *,
        with_messages: bool = False,
        with_events: bool = False,
    ) -> StoredReport | None:
        if with_messages or with_events:
            entities = {
                "case",
                *(["case_message"] if with_messages else []),
                *(["case_event"] if with_events else []),
            }
            return self._case_with(tenant_id, report_id, entities, now)
        item = read_item(self._client, self._table, self._codec, table_keys.case_key(tenant_id, report_id))
        return _stored_report(item) if item is not None and _live(item, now) else None

    def find_by_receipt(
        self, tenant_id: str, digest: str, now: datetime, *, with_messages: bool = False
    ) -> StoredReport | None:
        key = table_keys.receipt_key(tenant_id, digest)
        receipt = read_item(self._client, self._table, self._codec, key)
        if receipt is None or not _live(receipt, now):
            return None
        return self.get(tenant_id, str(receipt["report_id"]), now, with_messages=with_messages)

    def _case_with(
        self, tenant_id: str, report_id: str, entities: set[str], now: datetime
    ) -> StoredReport | None:
        """One query over the case's partition, for the entities asked for only."""
        names = {f":e{i}": entity for i, entity in enumerate(sorted(entities))}
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk",
            "FilterExpression": f"entity IN ({', '.join(names)})",
            "ExpressionAttributeValues": self._codec.encode(
                {":pk": table_keys.case_partition(tenant_id, report_id), **names}
            ),
            "ConsistentRead": True,
        }
        case: Item | None = None
        messages: list[StoredMessage] = []
        events: list[StoredEvent] = []
        while True:
            response = translated(self._client.query, **kwargs)
            for raw in response.get("Items", []):
                item = self._codec.decode(raw)
                if not _live(item, now):
                    continue
                if item.get("report_id") != report_id:
                    continue  # an item that does not belong here is never shown here
                if item["entity"] == "case":
                    case = item
                elif item["entity"] == "case_message":
                    messages.append(_message_from_item(item))
                else:
                    events.append(_event_from_item(item))
            if "LastEvaluatedKey" not in response:
                break
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]
        if case is None:
            return None
        return dataclasses.replace(_stored_report(case), messages=tuple(messages), events=tuple(events))

    def case_index(
        self, tenant_id: str, *, closed: bool, after: Mapping[str, Any] | None, limit: int, now: datetime
    ) -> CaseIndexPage:
        partition = (table_keys.closed_cases_partition if closed else table_keys.open_cases_partition)(
            tenant_id
        )
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": "GSI2",
            "KeyConditionExpression": "GSI2PK = :pk",
            "ExpressionAttributeValues": self._codec.encode({":pk": partition}),
            "ScanIndexForward": not closed,
            "Limit": limit,
        }
        if after:
            kwargs["ExclusiveStartKey"] = dict(after)
        response = translated(self._client.query, **kwargs)
        cases = []
        for raw in response.get("Items", []):
            position = {k: raw[k] for k in ("PK", "SK", "GSI2PK", "GSI2SK")}
            item = self._codec.decode(raw)
            if _live(item, now) and item.get("entity") == "case":
                cases.append(IndexedCase(Versioned(report_from_item(item), int(item["version"])), position))
            else:
                cases.append(IndexedCase(None, position))
        return CaseIndexPage(cases, exhausted="LastEvaluatedKey" not in response)

    def stage_update(self, report: SafetyReport, expected_version: int, *, expiry_changed: bool) -> int:
        optional = _optional_attributes(report)
        values: Item = {
            ":status": report.status,
            ":deadlines": {k: _iso(at) for k, at in report.deadlines.items()},
            ":met": {k: _iso(at) for k, at in report.met_deadlines.items()},
            ":history": [{"status": c.status, "at": _iso(c.at)} for c in report.status_history],
            ":updated": _iso(report.updated_at),
            ":expires": epoch_seconds(report.expires_at),
            ":tokens": sorted(report.recusal_tokens),
            ":expected": expected_version,
            ":next": expected_version + 1,
        }
        sets = [
            "#status = :status",
            "deadlines = :deadlines",
            "met_deadlines = :met",
            "status_history = :history",
            "updated_at = :updated",
            "last_activity_at = :updated",
            "expires_at = :expires",
            "recusal_tokens = :tokens",
            "version = :next",
        ]
        for name, value in {**optional, **_case_index_key(report)}.items():
            if name in ("reporter_id", "unit"):
                continue  # never change after submission
            if value is not None:
                sets.append(f"{name} = :{name}")
                values[f":{name}"] = value
        removes = [
            name for name, value in optional.items() if value is None and name not in ("reporter_id", "unit")
        ]
        if expiry_changed:
            sets.append("expiry_pending = :pending")
            values[":pending"] = True
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(table_keys.case_key(report.tenant_id, report.report_id)),
                    "UpdateExpression": expression,
                    "ConditionExpression": "attribute_exists(PK) AND version = :expected",
                    "ExpressionAttributeNames": {"#status": "status"},
                    "ExpressionAttributeValues": self._codec.encode(values),
                }
            }
        )
        return expected_version + 1

    def stage_event(self, report: SafetyReport, event: StoredEvent) -> None:
        e = event.event
        item: Item = {
            **table_keys.case_event_key(report.tenant_id, report.report_id, _iso(e.at), e.event_id),
            "entity": "case_event",
            "tenant_id": report.tenant_id,
            "report_id": report.report_id,
            "event_id": e.event_id,
            "kind": e.kind,
            "actor_id": e.actor_id,
            "at": _iso(e.at),
            "expires_at": epoch_seconds(report.expires_at),
        }
        optional = {
            "action": e.action,
            "from_state": e.from_state,
            "to_state": e.to_state,
            "assignee_id": e.assignee_id,
            "details": event.sealed_details,
        }
        item.update({k: v for k, v in optional.items() if v is not None})
        self._put_new(item)

    def reported_by(
        self, tenant_id: str, reporter_id: str, page: PageRequest, now: datetime
    ) -> Page[SafetyReport]:
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": "GSI1",
            "KeyConditionExpression": "GSI1PK = :pk",
            "ExpressionAttributeValues": self._codec.encode(
                {":pk": table_keys.reporter_partition(tenant_id, reporter_id)}
            ),
            "ScanIndexForward": False,
            "Limit": page.limit,
        }
        if page.after:
            kwargs["ExclusiveStartKey"] = dict(page.after)
        response = translated(self._client.query, **kwargs)
        items = [self._codec.decode(i) for i in response.get("Items", [])]
        return Page(
            items=[report_from_item(i) for i in items if _live(i, now)],
            next_position=response.get("LastEvaluatedKey"),
        )

    def stage_create(
        self,
        report: SafetyReport,
        sealed_content: str,
        receipt_digest: str | None,
        *,
        sealed_contact: str | None = None,
    ) -> None:
        tenant_id, report_id = report.tenant_id, report.report_id
        item: Item = {
            **table_keys.case_key(tenant_id, report_id),
            **report_item(report),
            "content": sealed_content,
            "version": 1,
        }
        if report.reporter_id is not None:
            item.update(
                table_keys.reporter_index_key(
                    tenant_id, report.reporter_id, _iso(report.received_at), report_id
                )
            )
        if receipt_digest is not None:
            item["receipt_digest"] = receipt_digest
        if sealed_contact is not None:
            item["reporter_contact"] = sealed_contact
        self._put_new(item)
        expiry = {
            "tenant_id": tenant_id,
            "report_id": report_id,
            "expires_at": epoch_seconds(report.expires_at),
        }
        self._put_new({**table_keys.reference_key(tenant_id, report.reference), **expiry})
        if receipt_digest is not None:
            self._put_new({**table_keys.receipt_key(tenant_id, receipt_digest), **expiry})

    def stage_message(self, report: SafetyReport, message: StoredMessage, max_messages: int) -> None:
        m = message.message
        item: Item = {
            **table_keys.case_message_key(report.tenant_id, report.report_id, _iso(m.sent_at), m.message_id),
            "entity": "case_message",
            "tenant_id": report.tenant_id,
            "report_id": report.report_id,
            "message_id": m.message_id,
            "author": m.author.value,
            "sent_at": _iso(m.sent_at),
            "body": message.sealed_body,
            "expires_at": epoch_seconds(report.expires_at),
        }
        if m.author_id is not None:
            item["author_id"] = m.author_id
        self._put_new(item)
        # Counted on the case, so the limit holds under concurrent posts; the case's
        # version is left alone (a message must not make a handler's transition stale).
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(table_keys.case_key(report.tenant_id, report.report_id)),
                    "UpdateExpression": "SET message_count = message_count + :one, last_activity_at = :now",
                    "ConditionExpression": "attribute_exists(PK) AND message_count < :max "
                    "AND attribute_not_exists(closed_at)",
                    "ExpressionAttributeValues": self._codec.encode(
                        {":one": 1, ":now": _iso(m.sent_at), ":max": max_messages}
                    ),
                }
            }
        )

    def submission(self, tenant_id: str, key: str, now: datetime) -> SubmissionRecord | None:
        item = read_item(self._client, self._table, self._codec, table_keys.submission_key(tenant_id, key))
        if item is None or not _live(item, now):
            return None
        return SubmissionRecord(
            key=key,
            report_id=str(item["report_id"]),
            payload_digest=str(item["payload_digest"]),
            sealed_receipt=item.get("sealed_receipt"),
            expires_at=datetime.fromtimestamp(int(item["expires_at"]), tz=UTC),
        )

    def stage_submission(self, tenant_id: str, record: SubmissionRecord, now: datetime) -> None:
        item: Item = {
            **table_keys.submission_key(tenant_id, record.key),
            "entity": "submission",
            "tenant_id": tenant_id,
            "report_id": record.report_id,
            "payload_digest": record.payload_digest,
            "expires_at": epoch_seconds(record.expires_at),
        }
        if record.sealed_receipt is not None:
            item["sealed_receipt"] = record.sealed_receipt
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

    def _put_new(self, item: Item) -> None:
        self._staged.append(new_item_put(self._table, self._codec, item))


def _stored_report(item: Item) -> StoredReport:
    return StoredReport(
        Versioned(report_from_item(item), int(item["version"])),
        str(item["content"]),
        item.get("receipt_digest"),
        expiry_pending=bool(item.get("expiry_pending", False)),
        sealed_contact=item.get("reporter_contact"),
    )


def _event_from_item(item: Item) -> StoredEvent:
    event = CaseEvent(
        event_id=str(item["event_id"]),
        report_id=str(item["report_id"]),
        kind=str(item["kind"]),
        actor_id=str(item["actor_id"]),
        at=datetime.fromisoformat(item["at"]),
        action=item.get("action"),
        from_state=item.get("from_state"),
        to_state=item.get("to_state"),
        assignee_id=item.get("assignee_id"),
    )
    return StoredEvent(event, item.get("details"))


def _message_from_item(item: Item) -> StoredMessage:
    message = CaseMessage(
        message_id=str(item["message_id"]),
        report_id=str(item["report_id"]),
        author=MessageAuthor(item["author"]),
        author_id=item.get("author_id"),
        sent_at=datetime.fromisoformat(item["sent_at"]),
    )
    return StoredMessage(message, str(item["body"]))


class DynamoDbOutbox:
    def __init__(self, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._table, self._codec, self._staged = table, codec, staged

    def stage(self, message: OutboxMessage) -> None:
        created = _iso(message.created_at)
        item = {
            **table_keys.outbox_key(message.tenant_id, message.message_id),
            **table_keys.pending_outbox_index_key(message.tenant_id, created, message.message_id),
            "entity": "outbox",
            "tenant_id": message.tenant_id,
            "message_id": message.message_id,
            "kind": message.kind.value,
            message.kind.subject_attribute: message.subject_id,
            "status": "pending",
            "created_at": created,
            "expires_at": epoch_seconds(message.expires_at),
        }
        if message.recipient_id is not None:
            item["recipient_id"] = message.recipient_id
        self._staged.append(new_item_put(self._table, self._codec, item))
