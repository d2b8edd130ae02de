"""The sweeper: outbox messages still pending a few minutes after they were written (the
stream delivery failed, gave up, or died mid-way) are delivered again. Visits every tenant's
pending index, never the table."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from workwell.domain.outbox import OUTBOX_RETENTION
from workwell.service_layer.notification_delivery import (
    DeliveryOutcome,
    NotificationPorts,
    deliver_outbox_message,
)

logger = logging.getLogger(__name__)

# Per tenant and run; the rest waits for the next run, so one run stays within its timeout.
SWEEP_BATCH = 50


@dataclass
class SweepReport:
    delivered: int = 0
    # Emails refused for good, and messages marked failed (refused, or tried too often).
    rejected: int = 0
    given_up: int = 0
    # Deliveries that failed this time and stay pending.
    failed: int = 0
    skipped: int = 0


def sweep_outbox(ports: NotificationPorts, now: datetime, pending_for: timedelta) -> SweepReport:
    report = SweepReport()
    for tenant_id in ports.uow().registry.tenant_ids():
        try:
            pending = ports.deliveries.pending(
                tenant_id, now - OUTBOX_RETENTION, now - pending_for, SWEEP_BATCH
            )
        except Exception:
            logger.exception("listing pending outbox messages failed", extra={"tenant_id": tenant_id})
            report.failed += 1
            continue
        for message_id in pending:
            try:
                outcome = deliver_outbox_message(ports, tenant_id, message_id, now)
            except Exception:
                # One message's trouble must not hold up the others; it stays pending.
                logger.exception("re-driving an outbox message failed", extra={"tenant_id": tenant_id})
                report.failed += 1
                continue
            report.rejected += outcome.rejected
            report.given_up += int(outcome.outcome.failed)
            if outcome.outcome is DeliveryOutcome.SKIPPED:
                report.skipped += 1
            else:
                report.delivered += 1
    return report
