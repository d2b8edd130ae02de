"""Digest function: the weekday morning digest (EventBridge Scheduler, 07:00 Helsinki).
The composition root: settings and adapters for the use case."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import os
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from workwell.api.observability import traced, tracing_enabled
from workwell.bootstrap import Bootstrap
from workwell.config import DigestSettings
from workwell.service_layer.notifications.weekday_digest import (
    DigestIncomplete,
    DigestRunReport,
    send_weekday_digests,
)

logger = Logger()
metrics = Metrics()
copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})

# The composition root: every port built from the settings on first use, then kept for the
# life of the container (workwell.bootstrap). Tests may fill ports with fakes before that.
bootstrap = Bootstrap(lambda: DigestSettings.from_environment(os.environ))


@logger.inject_lambda_context(clear_state=True)
@traced(enabled=tracing_enabled(os.environ))
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    try:
        run = send_weekday_digests(bootstrap.digest_ports, bootstrap.clock.now())
    except DigestIncomplete as incomplete:
        # Lambda retries the asynchronous invocation (EventInvokeConfig) and then parks it in
        # the dead-letter queue; a retry sends only what is still unsent (the ledger).
        _count(incomplete.run)
        metrics.add_metric(name="DigestFailed", unit=MetricUnit.Count, value=incomplete.run.failed)
        raise
    _count(run)
    summary = {
        "emailed": run.emailed,
        "nothingToDo": run.nothing_to_do,
        "alreadyDone": run.already_done,
        "rejected": run.rejected,
    }
    logger.info("weekday digest run", extra=summary)
    return summary


def _count(run: DigestRunReport) -> None:
    metrics.add_metric(name="DigestSent", unit=MetricUnit.Count, value=run.emailed)
    if run.rejected:
        metrics.add_metric(name="DigestRejected", unit=MetricUnit.Count, value=run.rejected)


# A run lasts minutes and visits every tenant: collect garbage through it.
cold_start.resume_collection()
