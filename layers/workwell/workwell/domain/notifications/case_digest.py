"""The weekday morning digest: what each safety staff member and HR director should look
at today. References and sections only; which cases a person may see is case_access's."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from workwell.domain.cases.case_access import HARASSMENT_OVERSEER_ROLES, Viewer, case_actor
from workwell.domain.reports.safety_report import SafetyReport
from workwell.domain.staff.roles import Role

HELSINKI = ZoneInfo("Europe/Helsinki")
DIGEST_HOUR = 7  # matches the schedule in template.yaml: cron(0 7 ? * MON-FRI *)
ACKNOWLEDGE_DEADLINE = "acknowledge"  # the default workflow's name for it
ACKNOWLEDGEMENT_WARNING = timedelta(days=2)
STALE_AFTER = timedelta(days=14)
DIGEST_ROLES = frozenset({Role.SAFETY_REPRESENTATIVE, Role.SAFETY_MANAGER, Role.HR_DIRECTOR})


class DigestSection(StrEnum):
    NEW = "new"
    ACKNOWLEDGEMENT_DUE = "acknowledgementDue"
    OVERDUE = "overdue"
    STALE = "stale"


def digest_day(now: datetime) -> date:
    """The digest's day is Helsinki's, whatever the time zone of the run."""
    return now.astimezone(HELSINKI).date()


def previous_run(now: datetime) -> datetime:
    """The weekday 07:00 (Helsinki) before `now`'s day: where "new" starts when a person
    has had no digest yet."""
    day = digest_day(now) - timedelta(days=1)
    while day.weekday() >= 5:  # Saturday, Sunday
        day -= timedelta(days=1)
    return datetime.combine(day, time(DIGEST_HOUR), HELSINKI)


def concerns(viewer: Viewer, report: SafetyReport) -> bool:
    """A case is in a person's digest if they handle it, or if it is a harassment case they
    oversee as a safety manager or HR director. Safety staff may see ordinary cases they do
    not handle, but those are the unit supervisors' work and stay out of their morning."""
    actor = case_actor(viewer, report.access_facts())
    if actor == "assignee":
        return True
    return actor == "overseer" and report.restricted and bool(viewer.roles & HARASSMENT_OVERSEER_ROLES)


def sections_of(report: SafetyReport, since: datetime, now: datetime) -> list[DigestSection]:
    found: list[DigestSection] = []
    if since < report.received_at <= now:
        found.append(DigestSection.NEW)
    acknowledge_by = report.deadlines.get(ACKNOWLEDGE_DEADLINE)
    if acknowledge_by is not None and now < acknowledge_by <= now + ACKNOWLEDGEMENT_WARNING:
        found.append(DigestSection.ACKNOWLEDGEMENT_DUE)
    if any(due <= now for due in report.deadlines.values()):
        found.append(DigestSection.OVERDUE)
    if report.active_at <= now - STALE_AFTER:
        found.append(DigestSection.STALE)
    return found


def case_digest(
    viewer: Viewer, open_cases: Iterable[SafetyReport], since: datetime, now: datetime
) -> Mapping[DigestSection, list[SafetyReport]]:
    """The person's cases by section, each section in reference order; empty if there is
    nothing for them to do (then no email is sent)."""
    digest: dict[DigestSection, list[SafetyReport]] = {}
    for report in open_cases:
        if not report.is_open or not concerns(viewer, report):
            continue
        for section in sections_of(report, since, now):
            digest.setdefault(section, []).append(report)
    return {section: sorted(cases, key=lambda r: r.reference) for section, cases in digest.items()}
