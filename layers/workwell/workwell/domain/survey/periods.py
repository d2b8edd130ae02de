"""Calendar periods that survey aggregates are published for: a month ("2026-12") or a
quarter ("2026-Q4") in Europe/Helsinki time, the time the tenants live in. A period's
figures are published only once it has ended, so nobody can watch them move as one
colleague answers (security.md, Small numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")

PeriodLength = Literal["month", "quarter"]

_MONTH_ID = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
_QUARTER_ID = re.compile(r"([0-9]{4})-Q([1-4])")


@dataclass(frozen=True, order=True)
class Period:
    # Ids sort like the periods they name, within one length.
    id: str
    starts_on: date
    # Inclusive: the period's last day.
    ends_on: date

    @property
    def length(self) -> PeriodLength:
        return "quarter" if "Q" in self.id else "month"

    def has_ended(self, now: datetime) -> bool:
        """Whether the period's last day is over in Helsinki."""
        return _helsinki_date(now) > self.ends_on

    def previous(self) -> Period:
        return period_of_date(self.starts_on - timedelta(days=1), self.length)


def _month(year: int, month: int) -> Period:
    first = date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(f"{year:04d}-{month:02d}", first, following - timedelta(days=1))


def _quarter(year: int, quarter: int) -> Period:
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return Period(f"{year:04d}-Q{quarter}", first, following - timedelta(days=1))


def _helsinki_date(moment: datetime) -> date:
    # A naive time could be read in any zone and so put an answer in the wrong period.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the moment must carry a time zone")
    return moment.astimezone(HELSINKI).date()


def period_of_date(day: date, length: PeriodLength) -> Period:
    """The period that contains a Helsinki calendar day."""
    if length == "month":
        return _month(day.year, day.month)
    if length == "quarter":
        return _quarter(day.year, (day.month - 1) // 3 + 1)
    raise ValueError(f"unknown period length: {length!r}")


def period_of(moment: datetime, length: PeriodLength) -> Period:
    """The calendar period containing the moment in Helsinki time."""
    return period_of_date(_helsinki_date(moment), length)


def parse_period(period_id: str) -> Period:
    """The period an id names; ValueError on anything else (without echoing it, since the
    id may come from a request)."""
    if isinstance(period_id, str):
        if month := _MONTH_ID.fullmatch(period_id):
            return _month(_year(month.group(1)), int(month.group(2)))
        if quarter := _QUARTER_ID.fullmatch(period_id):
            return _quarter(_year(quarter.group(1)), int(quarter.group(2)))
    raise ValueError("not a period id: give YYYY-MM or YYYY-Qn")


def _year(digits: str) -> int:
    year = int(digits)
    if year < 1:
        raise ValueError("not a period id: the year must be 0001 or later")
    return year


# A response is counted in the period of the moment its request began, and its transaction
# may commit a little later (a function runs at most minutes): a period is published only
# once this much time has passed since its end, so no late commit moves published figures.
SETTLING_TIME = timedelta(hours=1)


def unpublished_period(now: datetime, length: PeriodLength) -> Period:
    """The newest period not yet published: the current one, or for the first hour of a
    period the one that has just ended."""
    return period_of(now - SETTLING_TIME, length)


def published_periods(now: datetime, length: PeriodLength, count: int) -> list[Period]:
    """The `count` most recent periods that ended at least SETTLING_TIME before `now`,
    newest first."""
    if count < 0:
        raise ValueError("count must not be negative")
    periods: list[Period] = []
    period = unpublished_period(now, length)
    while len(periods) < count:
        period = period.previous()
        periods.append(period)
    return periods
