"""Deadline arithmetic: computed in Europe/Helsinki, stored in UTC. A deadline is the end of
its last local day (23:59:59), which is how "within 7 days" is read by people."""

from __future__ import annotations

import functools
from collections.abc import Container
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
_END_OF_DAY = time(23, 59, 59)


def local_date(at: datetime) -> date:
    return at.astimezone(HELSINKI).date()


def end_of_local_day(day: date) -> datetime:
    return datetime.combine(day, _END_OF_DAY, tzinfo=HELSINKI).astimezone(UTC)


def days_after(at: datetime, days: int) -> datetime:
    """The end of the local day `days` calendar days after `at`."""
    return end_of_local_day(local_date(at) + timedelta(days=days))


def working_days_after(at: datetime, days: int, holidays: Container[date] | None = None) -> datetime:
    """The end of the `days`-th working day (Monday-Friday, Finnish public holidays
    excluded) after the local day of `at`."""
    off = finnish_public_holidays() if holidays is None else holidays
    day = local_date(at)
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            remaining -= 1
    return end_of_local_day(day)


def months_after(at: datetime, months: int) -> datetime:
    """The end of the same local day `months` later (or the month's last day)."""
    start = local_date(at)
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in range(start.day, 27, -1):
        try:
            return end_of_local_day(date(year, month, day))
        except ValueError:
            continue
    return end_of_local_day(date(year, month, min(start.day, 28)))


@functools.cache
def finnish_public_holidays() -> Container[date]:
    # Imported on first use: the holidays package costs ~0.3 s to import, and only
    # working-day deadlines need it.
    from holidays.countries.finland import Finland

    return Finland()  # type: ignore[no-untyped-call]
