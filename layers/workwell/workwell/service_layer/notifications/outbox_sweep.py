"""The sweeper: outbox messages still pending a few minutes after they were written (the
stream delivery failed, gave up, or died mid-way) are delivered again. Visits every tenant's
pending index, never the table."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from workwell.domain.notifications.outbox import OUTBOX_RETENTION
from workwell.service_layer.notifications.mail_sender import MailUnavailable
from workwell.service_layer.notifications.notification_delivery import (
    DeliveryOutcome,
    NotificationPorts,
    deliver_outbox_message,
)

logger = logging.getLogger(__name__)

# Per tenant and run; the rest waits for the next run.
SWEEP_BATCH = 50


@dataclass
class SweepReport:
    sent: int = 0
    nobody_to_tell: int = 0
    # Emails refused for good, and messages given up (refused, or tried too often).
    rejected: int = 0
    given_up: int = 0
    # Deliveries that failed this time and stay pending.
    failed: int = 0
    skipped: int = 0
    # The run stopped before visiting everything: out of time, or the mail service is down.
    stopped_early: bool = False


def sweep_outbox(
    ports: NotificationPorts, now: datetime, pending_for: timedelta, *, has_time: Callable[[], bool]
) -> SweepReport:
    report = SweepReport()
    tenants = ports.uow().registry.tenant_ids()
    # Start with another tenant each run, so that a run cut short never starves the same ones.
    start = int(now.timestamp() // 300) % len(tenants) if tenants else 0
    for tenant_id in tenants[start:] + tenants[:start]:
        if not _sweep_tenant(ports, tenant_id, now, pending_for, report, has_time):
            report.stopped_early = True
            break
    return report


def _sweep_tenant(  # noqa: PLR0917 (the run's state, passed along)
    ports: NotificationPorts,
    tenant_id: str,
    now: datetime,
    pending_for: timedelta,
    report: SweepReport,
    has_time: Callable[[], bool],
) -> bool:
    """False if the run must stop here."""
    try:
        pending = ports.deliveries.pending(tenant_id, now - OUTBOX_RETENTION, now - pending_for, SWEEP_BATCH)
    except Exception:
        logger.exception("listing pending outbox messages failed", extra={"tenant_id": tenant_id})
        report.failed += 1
        return True
    for message_id in pending:
        if not has_time():
            return False
        try:
            outcome = deliver_outbox_message(ports, tenant_id, message_id, now)
        except MailUnavailable:
            # The mail service is down or paused: the rest would fail the same way.
            logger.warning("the mail service is unavailable; the sweep stops", extra={"tenant_id": tenant_id})
            report.failed += 1
            return False
        except Exception:
            # One message's trouble must not hold up the others; it stays pending.
            logger.exception("re-driving an outbox message failed", extra={"tenant_id": tenant_id})
            report.failed += 1
            continue
        _count(report, outcome.outcome, outcome.rejected)
    return True


def _count(report: SweepReport, outcome: DeliveryOutcome, rejected: int) -> None:
    report.rejected += rejected
    if outcome.failed:
        report.given_up += 1
    elif outcome is DeliveryOutcome.SENT:
        report.sent += 1
    elif outcome is DeliveryOutcome.NOBODY_TO_TELL:
        report.nobody_to_tell += 1
    else:
        report.skipped += 1
