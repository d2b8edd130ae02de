"""The notifier's and the digest's bookkeeping against moto: what keeps an email from going
out twice, or a message from being tried for ever."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from unittest import mock

import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

from infra.local.aws_resources import verify_senders
from infra.local.function_host import FunctionHost
from infra.local.mailbox import sent_emails
from infra.tenants.definitions import Definitions
from tests.integration.test_reports_handler import submit_event
from workwell.adapters.dynamodb_digest_ledger import DynamoDbDigestLedger
from workwell.adapters.dynamodb_outbox_deliveries import DynamoDbOutboxDeliveries
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.domain.errors import Conflict
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.service_layer.notifications.delivery_claims import MAX_DELIVERY_ATTEMPTS

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _stage(dynamodb: Any, tables: TableNames, created: datetime, message_id: str) -> None:
    uow = DynamoDbUnitOfWork(dynamodb, tables)
    uow.outbox.stage(OutboxMessage("kokkola", message_id, OutboxKind.CASE_RECEIVED, "r" * 32, created))
    uow.commit()


def test_expired_messages_never_crowd_out_the_stuck_ones(dynamodb: Any, tables: TableNames) -> None:
    for index in range(60):  # past their 30 days, not yet removed by TTL
        _stage(dynamodb, tables, NOW - timedelta(days=40, minutes=index), f"{index:032x}")
    _stage(dynamodb, tables, NOW - timedelta(minutes=12), "f" * 32)
    _stage(dynamodb, tables, NOW - timedelta(minutes=1), "e" * 32)  # young: still the stream's

    deliveries = DynamoDbOutboxDeliveries(dynamodb, tables.main)
    pending = deliveries.pending("kokkola", NOW - timedelta(days=30), NOW - timedelta(minutes=5), 50)

    assert pending == ["f" * 32]


def test_a_claim_is_exclusive_and_only_its_holder_may_release_or_finish_it(
    dynamodb: Any, tables: TableNames
) -> None:
    _stage(dynamodb, tables, NOW, "a" * 32)
    deliveries = DynamoDbOutboxDeliveries(dynamodb, tables.main)

    first = deliveries.claim("kokkola", "a" * 32, NOW)
    assert first is not None
    assert first.attempts == 1
    assert deliveries.claim("kokkola", "a" * 32, NOW + timedelta(seconds=30)) is None  # held
    later = deliveries.claim("kokkola", "a" * 32, NOW + timedelta(minutes=3))  # lease over
    assert later is not None
    assert later.attempts == 2

    deliveries.finish("kokkola", "a" * 32, first.claim_id, failed=False)  # not the holder: no effect
    deliveries.release("kokkola", "a" * 32, first.claim_id)  # nor this
    assert deliveries.claim("kokkola", "a" * 32, NOW + timedelta(minutes=3, seconds=30)) is None

    deliveries.release("kokkola", "a" * 32, later.claim_id, uncount=True)  # the holder's
    again = deliveries.claim("kokkola", "a" * 32, NOW + timedelta(minutes=3, seconds=31))
    assert again is not None
    assert again.attempts == 2  # the released attempt was not counted
    deliveries.finish("kokkola", "a" * 32, again.claim_id, failed=False)
    assert deliveries.claim("kokkola", "a" * 32, NOW + timedelta(hours=1)) is None  # done for good
    assert deliveries.pending("kokkola", NOW - timedelta(days=30), NOW + timedelta(hours=1), 50) == []


def test_recording_a_delivery_never_recreates_an_expired_item(dynamodb: Any, tables: TableNames) -> None:
    deliveries = DynamoDbOutboxDeliveries(dynamodb, tables.main)

    with pytest.raises(Conflict):
        deliveries.record_delivery("kokkola", "b" * 32, "someone")

    assert "Item" not in dynamodb.get_item(
        TableName=tables.main, Key={"PK": {"S": f"TENANT#kokkola#OUTBOX#{'b' * 32}"}, "SK": {"S": "OUTBOX"}}
    )


def test_a_digest_claim_outlives_a_long_run_and_binds_its_holder(dynamodb: Any, tables: TableNames) -> None:
    ledger = DynamoDbDigestLedger(dynamodb, tables.main)
    day = date(2026, 12, 1)

    first = ledger.claim("kokkola", "u-1", day, NOW)
    assert first is not None
    # Another run later (a retry, or a second invocation) finds it held, even after the
    # longest run the digest function may have (its timeout, 300 s) and a margin.
    assert ledger.claim("kokkola", "u-1", day, NOW + timedelta(minutes=6)) is None
    with pytest.raises(Conflict):
        ledger.complete("kokkola", "u-1", day, "not-the-claim", emailed=True, now=NOW)
    ledger.release("kokkola", "u-1", day, "not-the-claim")  # no effect
    assert ledger.claim("kokkola", "u-1", day, NOW + timedelta(minutes=4)) is None

    ledger.mark_sending("kokkola", "u-1", day, first)
    # Sending: never taken over, even long after the lease (at most one email a day).
    assert ledger.claim("kokkola", "u-1", day, NOW + timedelta(hours=1)) is None
    ledger.complete("kokkola", "u-1", day, first, emailed=True, now=NOW)
    assert ledger.claim("kokkola", "u-1", day, NOW + timedelta(hours=2)) is None  # done for the day
    assert ledger.last_completed("kokkola", "u-1", date(2026, 12, 2)) == NOW
    assert ledger.last_completed("kokkola", "u-1", day) is None  # only days before


@pytest.fixture
def notifier(function_host: FunctionHost, definitions: Definitions) -> FunctionHost:
    verify_senders([t.settings.sender for t in definitions.tenants])
    return function_host


def _outbox_record(dynamodb: Any, tables: TableNames) -> dict[str, Any]:
    items = dynamodb.query(
        TableName=tables.main,
        IndexName="GSI1",
        KeyConditionExpression="GSI1PK = :pk",
        ExpressionAttributeValues={":pk": {"S": "TENANT#kokkola#OUTBOX#PENDING"}},
    )["Items"]
    (item,) = items
    full = dynamodb.get_item(TableName=tables.main, Key={"PK": item["PK"], "SK": item["SK"]})["Item"]
    return {
        "eventID": "1",
        "eventName": "INSERT",
        "eventSource": "aws:dynamodb",
        "dynamodb": {"Keys": {"PK": full["PK"], "SK": full["SK"]}, "NewImage": full, "SequenceNumber": "7"},
    }


def _file_report(notifier: FunctionHost, people: dict[str, Any]) -> None:
    made = notifier.invoke(
        "ReportsFunction", submit_event(people["kokkola-employee-aino"].claims(), "k-mail")
    )
    assert made["statusCode"] == 201


def test_after_an_unrecorded_send_the_claim_holds_through_the_streams_retries_and_nothing_is_lost(
    notifier: FunctionHost, people: dict[str, Any], dynamodb: Any, tables: TableNames
) -> None:
    _file_report(notifier, people)
    record = _outbox_record(dynamodb, tables)

    with (
        mock.patch.object(DynamoDbOutboxDeliveries, "record_delivery", side_effect=RuntimeError("lost")),
        pytest.raises(BatchProcessingError),  # a batch whose every record failed: retried whole
    ):
        notifier.invoke("NotifierFunction", {"Records": [record]})
    retried = notifier.invoke("NotifierFunction", {"Records": [record]})

    assert retried == {"batchItemFailures": []}  # skipped: the claim is still held
    assert len(sent_emails()) == 1
    # Still pending and on the sweeper's index: after the lease it is delivered again
    # (the documented window: that recipient may get a second copy, never none).
    item = dynamodb.get_item(TableName=tables.main, Key=record["dynamodb"]["Keys"])["Item"]
    assert item["status"]["S"] == "pending"
    assert "GSI1PK" in item


@pytest.mark.parametrize(
    ("tried_before", "status", "emails"),
    [(MAX_DELIVERY_ATTEMPTS - 1, "sent", 1), (MAX_DELIVERY_ATTEMPTS, "failed", 0)],
)
def test_a_message_tried_too_often_is_given_up(  # noqa: PLR0917 (fixtures and parameters)
    notifier: FunctionHost,
    people: dict[str, Any],
    dynamodb: Any,
    tables: TableNames,
    tried_before: int,
    status: str,
    emails: int,
) -> None:
    _file_report(notifier, people)
    record = _outbox_record(dynamodb, tables)
    dynamodb.update_item(
        TableName=tables.main,
        Key=record["dynamodb"]["Keys"],
        UpdateExpression="SET attempts = :n",
        ExpressionAttributeValues={":n": {"N": str(tried_before)}},
    )

    assert notifier.invoke("NotifierFunction", {"Records": [record]}) == {"batchItemFailures": []}

    item = dynamodb.get_item(TableName=tables.main, Key=record["dynamodb"]["Keys"])["Item"]
    assert item["status"]["S"] == status
    assert "GSI1PK" not in item
    assert len(sent_emails()) == emails
