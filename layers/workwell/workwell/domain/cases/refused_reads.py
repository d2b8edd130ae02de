"""Case reads answered 404, counted per person and Helsinki day.

A refused read of an existing case must look to the caller exactly like a read of a missing
id, so both are counted with the same single write. Counting per person and day (never per
case) keeps the record useful to overseers (someone opening cases that are not theirs, or
probing ids) while nobody can flood a case's audit trail, and the trail never tells the
case's handlers whom the reporter recused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from workwell.domain.cases.deadlines import HELSINKI

# Long enough to notice a pattern over a year's reviews.
REFUSED_READ_RETENTION = timedelta(days=400)
# How far back overseers see the counts.
REFUSED_READS_WINDOW_DAYS = 30


class RefusedReadOutcome(StrEnum):
    # The case exists and the caller may not see it.
    REFUSED = "refused"
    # No such case (or past its retention).
    MISSING = "missing"


@dataclass(frozen=True)
class RefusedReadCount:
    day: str
    actor_id: str
    refused: int
    missing: int

    @staticmethod
    def day_of(now: datetime) -> date:
        return now.astimezone(HELSINKI).date()

    @staticmethod
    def expiry_of(now: datetime) -> datetime:
        return now + REFUSED_READ_RETENTION
