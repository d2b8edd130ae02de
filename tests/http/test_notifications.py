"""Notifications end to end: a request through the template's routes writes an outbox item,
the stream relay (the event source mapping's stand-in) hands it to the real notifier, and
the email lands in the emulator's SES. Also the digest, the sweeper and the failure paths."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock

import boto3
import pytest

from infra.local.aws_resources import LOCAL_REGION, LocalResources
from infra.local.function_host import FunctionHost
from infra.local.mailbox import MailboxEntry, MailOutage, sent_emails
from infra.local.stream_relay import StreamMapping, StreamRelay
from infra.local.template_model import Template
from infra.tenants.definitions import Definitions
from tests.conftest import CANARY, json_body
from tests.http.test_cases import ASSIGNEE, MANAGER, RECUSED_HR, REPORTER, file_harassment_report, key, take
from workwell.adapters.clock import SystemClock
from workwell.domain.reports.report_types import CATALOGUE
from workwell.service_layer.notifications.weekday_digest import DigestIncomplete

SUPERVISOR = "kokkola-supervisor-mikko"  # supervises sivistys, Aino's unit
OTHER_REP = "kokkola-safetyrep-jonas"
HR_DIRECTOR = RECUSED_HR


@pytest.fixture
def outage() -> Iterator[MailOutage]:
    mail_outage = MailOutage()
    yield mail_outage
    mail_outage.end()


def address_of(definitions: Definitions, user_id: str) -> str:
    return next(str(p.email) for t in definitions.tenants for p in t.people if p.user_id == user_id)


def emails_to(definitions: Definitions, user_id: str) -> list[MailboxEntry]:
    return [e for e in sent_emails() if address_of(definitions, user_id) in e.recipients]


def reference_of(as_person: Any, case_id: str) -> str:
    return str(json_body(as_person(REPORTER).request("GET", f"/reports/{case_id}"))["reference"])


def dead_letters(resources: LocalResources) -> list[dict[str, Any]]:
    sqs = boto3.client("sqs", region_name=LOCAL_REGION)
    url = resources.refs["NotificationDeadLetterQueue"]
    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(m["Body"]) for m in messages]


def outbox_items(dynamodb: Any) -> list[dict[str, Any]]:
    from boto3.dynamodb.types import TypeDeserializer

    items = dynamodb.scan(TableName="MainTable")["Items"]  # the test's own look at the table
    decode = TypeDeserializer().deserialize
    return [{k: decode(v) for k, v in i.items()} for i in items if i.get("entity", {}).get("S") == "outbox"]


def _type_words() -> set[str]:
    return {
        w.lower()
        for d in CATALOGUE.values()
        for label in d.label.values()
        for w in re.findall(r"\w{4,}", label)
    }


def test_a_harassment_report_emails_its_chosen_handler_and_nobody_else(
    as_person: Any, relay: StreamRelay, definitions: Definitions, captured_logs: io.StringIO
) -> None:
    case_id = file_harassment_report(as_person)

    relay.poll_once()

    (email,) = sent_emails()
    assert email.recipients == [address_of(definitions, ASSIGNEE)]
    assert email.sender == "no-reply@kokkola.example"
    assert reference_of(as_person, case_id) in email.body
    assert f"/cases/{case_id}" in email.body
    text = f"{email.subject}\n{email.body}"
    assert CANARY not in text
    assert "nöyryytettiin" not in text
    assert not {w for w in _type_words() if w in text.lower()}
    assert "Liisa" not in text
    assert "Aino" not in text
    assert emails_to(definitions, RECUSED_HR) == []
    logs = captured_logs.getvalue()
    assert "outbox message handled" in logs
    assert email.recipients[0] not in logs
    assert email.body.splitlines()[0] not in logs
    assert CANARY not in logs


def test_a_repeated_stream_delivery_sends_one_email(
    as_person: Any, relay: StreamRelay, function_host: FunctionHost, provisioned: LocalResources
) -> None:
    file_harassment_report(as_person)
    streams = boto3.client("dynamodbstreams", region_name=LOCAL_REGION)
    arn = provisioned.attributes[("MainTable", "StreamArn")]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")
    from infra.local.stream_relay import lambda_record

    records = [
        lambda_record(r, arn) for r in streams.get_records(ShardIterator=iterator["ShardIterator"])["Records"]
    ]
    outbox = [r for r in records if relay.mapping.passes(r)]
    assert len(outbox) == 1

    first = function_host.invoke("NotifierFunction", {"Records": outbox})
    again = function_host.invoke("NotifierFunction", {"Records": outbox + outbox})

    assert first == {"batchItemFailures": []}
    assert again == {"batchItemFailures": []}
    assert len(sent_emails()) == 1


def test_with_ses_down_the_report_is_kept_and_exactly_one_email_follows_recovery(  # noqa: PLR0917 (fixtures)
    as_person: Any,
    relay: StreamRelay,
    outage: MailOutage,
    function_host: FunctionHost,
    provisioned: LocalResources,
    dynamodb: Any,
) -> None:
    outage.begin()
    case_id = file_harassment_report(as_person)

    relay.poll_once()  # every retry fails; the record is parked

    assert sent_emails() == []
    assert as_person(REPORTER).request("GET", f"/reports/{case_id}").status_code == 200
    (parked,) = dead_letters(provisioned)
    assert parked["requestContext"]["condition"] == "RetryAttemptsExhausted"
    assert parked["requestContext"]["approximateInvokeCount"] == relay.mapping.max_retries + 1
    (item,) = outbox_items(dynamodb)
    assert item["status"] == "pending"
    assert "claimed_until" not in item  # released after each failure, so a retry need not wait
    assert item["attempts"] == 0  # an outage is not the message's fault: no attempt used up

    outage.end()
    swept = function_host.invoke("NotifierFunction", {"job": "sweep-outbox", "pendingForSeconds": 0})
    again = function_host.invoke("NotifierFunction", {"job": "sweep-outbox", "pendingForSeconds": 0})

    assert swept["redriven"] == 1
    assert again["redriven"] == 0
    assert len(sent_emails()) == 1
    (item,) = outbox_items(dynamodb)
    assert item["status"] == "sent"
    assert "GSI1PK" not in item  # off the sweeper's index


def test_the_sweeper_leaves_messages_younger_than_its_threshold_to_the_stream(
    as_person: Any, relay: StreamRelay, function_host: FunctionHost, outage: MailOutage
) -> None:
    outage.begin()
    file_harassment_report(as_person)
    relay.poll_once()
    outage.end()

    swept = function_host.invoke("NotifierFunction", {"job": "sweep-outbox"})  # the schedule's own event

    assert swept["redriven"] == 0
    assert sent_emails() == []


def test_a_poison_record_fails_alone_and_is_parked(
    as_person: Any, relay: StreamRelay, provisioned: LocalResources, definitions: Definitions, dynamodb: Any
) -> None:
    file_harassment_report(as_person)
    # Something outbox-shaped that no delivery can make sense of, in the same batch.
    dynamodb.put_item(
        TableName="MainTable",
        Item={
            "PK": {"S": "TENANT#kokkola#OUTBOX#damaged"},
            "SK": {"S": "OUTBOX"},
            "entity": {"S": "outbox"},
            "tenant_id": {"S": "kokkola"},
            "message_id": {"S": "damaged"},
        },
    )
    seen: list[list[str]] = []
    invoke = relay._invoke

    def recording(function: str, event: Any) -> Any:
        seen.append([r["dynamodb"]["Keys"]["PK"]["S"] for r in event["Records"]])
        return invoke(function, event)

    relay._invoke = recording
    relay.poll_once()

    assert [e.recipients for e in sent_emails()] == [[address_of(definitions, ASSIGNEE)]]
    assert len(seen[0]) == 2  # one batch held both
    assert seen[1:] == [["TENANT#kokkola#OUTBOX#damaged"]] * relay.mapping.max_retries
    (parked,) = dead_letters(provisioned)
    assert parked["DDBStreamBatchInfo"]["batchSize"] == 1
    assert relay.parked == 1


def test_a_permanent_refusal_marks_the_message_failed_and_is_not_retried(
    as_person: Any,
    function_host: FunctionHost,
    provisioned: LocalResources,
    template: Template,
    dynamodb: Any,
) -> None:
    (mapping,) = StreamMapping.all_in(template)
    relay = StreamRelay(mapping, provisioned, function_host.invoke, retry_pause=0)
    relay.open_shards()  # no verified senders: SES refuses for good
    file_harassment_report(as_person)

    relay.poll_once()
    swept = function_host.invoke("NotifierFunction", {"job": "sweep-outbox", "pendingForSeconds": 0})

    assert sent_emails() == []
    (item,) = outbox_items(dynamodb)
    assert item["status"] == "failed"
    assert "GSI1PK" not in item  # nothing left for the sweeper
    assert dead_letters(provisioned) == []
    assert swept == {
        "redriven": 0,
        "nobodyToTell": 0,
        "givenUp": 0,
        "failed": 0,
        "skipped": 0,
        "stoppedEarly": False,
    }


def test_an_ordinary_report_without_a_chosen_handler_emails_the_unit_supervisors(
    as_person: Any, relay: StreamRelay, definitions: Definitions
) -> None:
    body = {
        "type": "near_miss",
        "answers": {"whatHappened": f"Liukas lattia. {CANARY}"},
        "unitId": "sivistys",
    }
    response = as_person(REPORTER).request("POST", "/reports", body, key())
    assert response.status_code == 201, response.body

    relay.poll_once()

    assert [e.recipients for e in sent_emails()] == [[address_of(definitions, SUPERVISOR)]]


def test_the_reporter_hears_of_status_changes_and_messages_and_the_new_assignee_of_a_handover(
    as_person: Any, relay: StreamRelay, definitions: Definitions
) -> None:
    case_id = file_harassment_report(as_person)
    relay.poll_once()
    assert take(as_person, ASSIGNEE, case_id, "acknowledge", 1).status_code == 200
    message = as_person(ASSIGNEE).request("POST", f"/cases/{case_id}/messages", {"body": CANARY}, key())
    assert message.status_code == 201, message.body
    relay.poll_once()
    handover = as_person(MANAGER).request(
        "POST", f"/cases/{case_id}/assignment", {"handlerId": OTHER_REP, "expectedVersion": 2}
    )
    assert handover.status_code == 200, handover.body
    relay.poll_once()

    to_reporter = emails_to(definitions, REPORTER)
    assert len(to_reporter) == 2  # acknowledged, and the handler's message
    assert all(f"/reports/{case_id}" in e.body and CANARY not in e.body for e in to_reporter)
    assert len(emails_to(definitions, OTHER_REP)) == 1
    assert len(emails_to(definitions, ASSIGNEE)) == 1  # the new report only
    assert emails_to(definitions, RECUSED_HR) == []


def test_the_digest_lists_the_overdue_case_for_its_handler_once_a_day(
    as_person: Any,
    relay: StreamRelay,
    function_host: FunctionHost,
    definitions: Definitions,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_id = file_harassment_report(as_person)
    reference = reference_of(as_person, case_id)
    relay.poll_once()
    already = len(sent_emails())
    later = datetime.now(UTC) + timedelta(days=8)  # the 7-day acknowledgement is overdue
    monkeypatch.setattr(SystemClock, "now", lambda self: later)

    first = function_host.invoke("DigestFunction", {"job": "weekday-digest"})
    second = function_host.invoke("DigestFunction", {"job": "weekday-digest"})

    digests = sent_emails()[already:]
    to_handler = [e for e in digests if address_of(definitions, ASSIGNEE) in e.recipients]
    assert len(to_handler) == 1
    body = to_handler[0].body
    overdue_part = body.split("Myöhässä olevat määräajat", 1)[1]
    assert reference in overdue_part.split("\n\n", 1)[0]
    assert f"/cases/{case_id}" in body
    assert CANARY not in body
    # The safety manager oversees it; the recused HR director and the other
    # representative have nothing to do and get nothing.
    assert len([e for e in digests if address_of(definitions, MANAGER) in e.recipients]) == 1
    assert [e for e in digests if address_of(definitions, HR_DIRECTOR) in e.recipients] == []
    assert [e for e in digests if address_of(definitions, OTHER_REP) in e.recipients] == []
    assert first["emailed"] == 2
    assert second == {
        "emailed": 0,
        "nothingToDo": 0,
        "alreadyDone": first["emailed"] + first["nothingToDo"],
        "rejected": 0,
    }


def test_a_sweep_stops_at_the_first_sign_of_an_ses_outage(
    as_person: Any, relay: StreamRelay, outage: MailOutage, function_host: FunctionHost
) -> None:
    outage.begin()
    for _ in range(3):
        file_harassment_report(as_person)
    relay.poll_once()

    swept = function_host.invoke("NotifierFunction", {"job": "sweep-outbox", "pendingForSeconds": 0})

    assert swept["stoppedEarly"] is True
    assert swept["failed"] == 1  # one try, not one per pending message
    outage.end()
    recovered = function_host.invoke("NotifierFunction", {"job": "sweep-outbox", "pendingForSeconds": 0})
    assert recovered["redriven"] == 3
    assert len(sent_emails()) == 3


def test_one_tenants_fault_does_not_cost_the_others_their_digest(
    as_person: Any, relay: StreamRelay, function_host: FunctionHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workwell.adapters.dynamodb_reports import DynamoDbReports

    file_harassment_report(as_person)  # Liisa (Kokkola) has something new
    relay.poll_once()
    before = len(sent_emails())
    original = DynamoDbReports.case_index

    def broken_for_ii(self: Any, tenant_id: str, **kwargs: Any) -> Any:
        if tenant_id == "ii":
            raise RuntimeError("ii's index is unreadable")
        return original(self, tenant_id, **kwargs)

    with mock.patch.object(DynamoDbReports, "case_index", broken_for_ii), pytest.raises(DigestIncomplete):
        function_host.invoke("DigestFunction", {"job": "weekday-digest"})
    kokkola_digests = len(sent_emails()) - before
    retried = function_host.invoke("DigestFunction", {"job": "weekday-digest"})

    assert kokkola_digests >= 1
    assert len(sent_emails()) - before == kokkola_digests  # the retry sent nothing twice
    assert retried["alreadyDone"] >= kokkola_digests
