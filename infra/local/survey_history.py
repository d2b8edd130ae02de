"""Survey counters of earlier periods for the local stack, so that the coordinators'
aggregates have something published to show: what a few quarters of answers would have
added up to, written through the real adapter (no person, no sealed answer: counters are
all an aggregate ever reads). Vaala's kitchen and cleaning group has fewer than five
respondents in the last quarter, so it is suppressed, with a complement."""

from __future__ import annotations

from datetime import datetime

import boto3

from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.domain.survey.aggregates import CellCounts
from workwell.domain.survey.instruments import Dimension
from workwell.domain.survey.periods import published_periods
from workwell.service_layer.unit_of_work import CounterCell

# Per tenant, per earlier period (newest first), per employee group: respondents and the
# mean score of each dimension (wellbeing, work ability, social support, competence, physical).
_HISTORY: dict[str, list[dict[str, tuple[int, tuple[float, float, float, float, float]]]]] = {
    "vaala": [
        {
            "varhaiskasvatus": (12, (58.0, 7.1, 9.8, 7.4, 6.9)),
            "ateria-ja-puhtaus": (4, (49.0, 6.0, 9.0, 6.5, 6.0)),
            "hallinto": (7, (63.4, 7.9, 10.6, 7.8, 7.3)),
        },
        {
            "varhaiskasvatus": (9, (54.2, 6.8, 9.1, 7.0, 6.6)),
            "ateria-ja-puhtaus": (6, (51.3, 6.3, 9.5, 6.7, 6.2)),
            "hallinto": (5, (61.6, 7.6, 10.2, 7.6, 7.0)),
        },
    ],
}


def seed_survey_history(now: datetime, tables: TableNames) -> int:
    """Counters of the last ended periods (quarters, the default); how many cells."""
    uow = DynamoDbUnitOfWork(boto3.client("dynamodb"), tables)
    written = 0
    for tenant_id, periods in _HISTORY.items():
        for period, groups in zip(published_periods(now, "quarter", len(periods)), periods, strict=True):
            for group, (respondents, means) in groups.items():
                sums = {d: round(m * respondents) for d, m in zip(Dimension, means, strict=True)}
                cell = CounterCell("quarter", period.id, group)
                uow.surveys.stage_count(tenant_id, cell, CellCounts(respondents=respondents, sums=sums))
                written += 1
            uow.commit()
    return written
