"""The organisation's view of the survey: counters per period and employee group, published
only for periods that have ended, with small groups suppressed (domain/survey/aggregates.py).
Nothing here opens a sealed answer, and nothing takes a filter: the partitions are fixed."""

from __future__ import annotations

from dataclasses import dataclass

from workwell.domain.errors import Forbidden, NotFound
from workwell.domain.staff.roles import Role
from workwell.domain.survey.aggregates import (
    PublishedPeriod,
    effective_minimum,
    publish_period,
)
from workwell.domain.survey.periods import Period, PeriodLength, published_periods, unpublished_period
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.unit_of_work import UnitOfWork

AGGREGATE_READERS = frozenset({Role.WELLBEING_COORDINATOR, Role.HR_DIRECTOR, Role.TENANT_ADMIN})
# Two years of quarters, or eight months.
PUBLISHED_PERIODS = 8


@dataclass(frozen=True)
class WellbeingAggregates:
    period_length: PeriodLength
    minimum_group_size: int
    open_period: Period
    periods: list[PublishedPeriod]


def wellbeing_aggregates(ctx: CallContext, uow: UnitOfWork) -> WellbeingAggregates:
    if not ctx.principal.roles & AGGREGATE_READERS:
        raise Forbidden("Only wellbeing coordinators, HR directors and tenant admins see survey aggregates.")
    settings = uow.settings.get(ctx.tenant_id)
    if settings is None:
        raise NotFound("Tenant not found.")
    length = settings.survey.value.survey.period_length
    organisation = settings.organisation.value
    groups = [g.id for g in organisation.employee_groups]
    periods = published_periods(ctx.now, length, PUBLISHED_PERIODS)
    counters = uow.surveys.counters(ctx.tenant_id, length, periods[-1].id, periods[0].id) if periods else {}
    published = [
        publish_period(
            period,
            counters.get(period.id, {}),
            groups,
            organisation.minimum_group_size,
        )
        for period in periods
    ]
    return WellbeingAggregates(
        period_length=length,
        minimum_group_size=effective_minimum(organisation.minimum_group_size),
        open_period=unpublished_period(ctx.now, length),
        periods=published,
    )
