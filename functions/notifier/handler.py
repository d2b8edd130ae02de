"""Notifier function: delivers outbox messages from the main table's stream (the event
source mapping passes only INSERTs of outbox items), and, on a schedule, re-drives those
still pending. The composition root: settings, adapters, Powertools batch processing."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import os
import re
from datetime import timedelta
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import (
    DynamoDBRecord,
    DynamoDBRecordEventName,
)
from aws_lambda_powertools.utilities.typing import LambdaContext

from workwell.api.observability import traced, tracing_enabled
from workwell.bootstrap import Bootstrap
from workwell.config import NotifierSettings
from workwell.domain.identifiers import is_slug
from workwell.service_layer.notifications.notification_delivery import DeliveryOutcome, deliver_outbox_message
from workwell.service_layer.notifications.outbox_sweep import sweep_outbox

logger = Logger()
metrics = Metrics()
copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})

# The composition root: every port built from the settings on first use, then kept for the
# life of the container (workwell.bootstrap). Tests may fill ports with fakes before that.
bootstrap = Bootstrap(lambda: NotifierSettings.from_environment(os.environ))

processor = BatchProcessor(event_type=EventType.DynamoDBStreams)
SWEEP_JOB = "sweep-outbox"
MAX_PENDING_FOR_SECONDS = 3600
# Stop claiming while this much of the invocation is left: a delivery must not be cut off.
SWEEP_MARGIN_MILLIS = 10_000
_MESSAGE_ID = re.compile(r"^[0-9a-f]{32}$")


class NotAnOutboxRecord(ValueError):
    """A record the stream filter should not have passed, or a damaged one: it fails on its
    own, is retried a bounded number of times and then parked in the dead-letter queue."""


def outbox_record(record: DynamoDBRecord) -> None:
    image = record.dynamodb.new_image if record.dynamodb else None
    if record.event_name is not DynamoDBRecordEventName.INSERT or not image:
        raise NotAnOutboxRecord("not the insert of an item")
    tenant_id, message_id = image.get("tenant_id"), image.get("message_id")
    if image.get("entity") != "outbox" or not isinstance(tenant_id, str) or not isinstance(message_id, str):
        raise NotAnOutboxRecord("not an outbox item")
    if not is_slug(tenant_id) or not _MESSAGE_ID.match(message_id):
        raise NotAnOutboxRecord("malformed outbox ids")
    logger.append_keys(tenant_id=tenant_id)
    report = deliver_outbox_message(
        bootstrap.notification_ports, tenant_id, message_id, bootstrap.clock.now()
    )
    _count(report.outcome, report.sent, report.rejected)
    logger.info("outbox message handled", extra={"outcome": report.outcome.value, "sent": report.sent})


def _count(outcome: DeliveryOutcome, sent: int, rejected: int) -> None:
    if sent:
        metrics.add_metric(name="NotificationSent", unit=MetricUnit.Count, value=sent)
    if rejected:
        metrics.add_metric(name="NotificationRejected", unit=MetricUnit.Count, value=rejected)
    if outcome.failed:
        metrics.add_metric(name="OutboxMessageFailed", unit=MetricUnit.Count, value=1)


def sweep(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """`pendingForSeconds` in the event (0 to 3600) lets an operator's invocation re-drive
    sooner than the schedule's setting; only the scheduler and operators invoke this."""
    pending_for = event.get("pendingForSeconds", bootstrap.settings.outbox_sweep_after_seconds)
    if not isinstance(pending_for, int) or not 0 <= pending_for <= MAX_PENDING_FOR_SECONDS:
        raise ValueError("pendingForSeconds must be a whole number of seconds from 0 to 3600")
    report = sweep_outbox(
        bootstrap.notification_ports,
        bootstrap.clock.now(),
        timedelta(seconds=pending_for),
        has_time=lambda: context.get_remaining_time_in_millis() > SWEEP_MARGIN_MILLIS,
    )
    metrics.add_metric(name="OutboxMessageRedriven", unit=MetricUnit.Count, value=report.sent)
    if report.rejected:
        metrics.add_metric(name="NotificationRejected", unit=MetricUnit.Count, value=report.rejected)
    if report.given_up:
        metrics.add_metric(name="OutboxMessageFailed", unit=MetricUnit.Count, value=report.given_up)
    if report.failed:
        metrics.add_metric(name="OutboxRedriveFailed", unit=MetricUnit.Count, value=report.failed)
    summary = {
        "redriven": report.sent,
        "nobodyToTell": report.nobody_to_tell,
        "givenUp": report.given_up,
        "failed": report.failed,
        "skipped": report.skipped,
        "stoppedEarly": report.stopped_early,
    }
    logger.info("outbox swept", extra=summary)
    return summary


@cold_start.after_first_answer
@logger.inject_lambda_context(clear_state=True)
@traced(enabled=tracing_enabled(os.environ))
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    if "Records" in event:
        return dict(
            process_partial_response(
                event=event, record_handler=outbox_record, processor=processor, context=context
            )
        )
    if event.get("job") == SWEEP_JOB:
        return sweep(event, context)
    raise ValueError("unknown event")
