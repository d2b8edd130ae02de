"""Case statistics for safety managers and HR directors: counts by unit and type, by type and
state, and the time taken to meet each deadline. Only cases the viewer may see are counted
(a recused person's counts leave the case out), and small cells are suppressed together
with enough others that none can be recovered from the totals (security.md, Small numbers)."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workwell.domain.cases.case_access import HARASSMENT_OVERSEER_ROLES
from workwell.domain.cases.case_handling import CaseWorkflow
from workwell.domain.errors import Forbidden
from workwell.domain.reports.report_types import case_type_of
from workwell.domain.reports.safety_report import SafetyReport
from workwell.domain.small_numbers import SuppressedTable, suppress_table
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases.case_access_check import viewer_of
from workwell.service_layer.cases.case_inbox import visible_cases
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import UnitOfWork

# The row for cases that name no unit (a harassment report may leave it out).
NO_UNIT = "<none>"  # never a unit id (ids are slugs)
_SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class DeadlineTiming:
    type_key: str
    deadline: str
    median_days: float | None  # None: met in fewer cases than the minimum


@dataclass(frozen=True)
class CaseStatistics:
    minimum_cell_size: int
    by_unit_and_type: SuppressedTable
    by_type_and_state: SuppressedTable
    time_to_meet: Sequence[DeadlineTiming]


def case_statistics(ctx: CallContext, uow: UnitOfWork, *, blinding: PersonBlinding) -> CaseStatistics:
    if not ctx.principal.roles & HARASSMENT_OVERSEER_ROLES:
        raise Forbidden("Only safety managers and HR directors may see case statistics.")
    settings = settings_of(ctx.tenant_id, uow).value
    viewer = viewer_of(ctx.principal, blinding)
    cases = [
        indexed.report
        for closed in (False, True)
        for indexed, actor in visible_cases(ctx, viewer, uow, closed=closed)
        if actor is not None and indexed.report is not None
    ]
    minimum = settings.minimum_group_size
    return CaseStatistics(
        minimum_cell_size=minimum,
        by_unit_and_type=_by_unit_and_type(cases, settings, minimum),
        by_type_and_state=_by_type_and_state(cases, settings, minimum),
        time_to_meet=_time_to_meet(cases, settings, minimum),
    )


def _type_keys(settings: TenantSettings, cases: Sequence[SafetyReport]) -> list[str]:
    keys = [t.key for t in settings.report_types]
    return keys + sorted({c.type_key for c in cases} - set(keys))


def _by_unit_and_type(
    cases: Sequence[SafetyReport], settings: TenantSettings, minimum: int
) -> SuppressedTable:
    units = [u.id for u in settings.units]
    rows = [*units, NO_UNIT]
    counts = Counter((c.unit if c.unit in units else NO_UNIT, c.type_key) for c in cases)
    return suppress_table(counts, rows, _type_keys(settings, cases), minimum)


def _by_type_and_state(
    cases: Sequence[SafetyReport], settings: TenantSettings, minimum: int
) -> SuppressedTable:
    types = _type_keys(settings, cases)
    states: list[str] = []
    for key in types:
        for state in case_type_of(settings, key).workflow.states:
            if state.key not in states:
                states.append(state.key)
    states += sorted({c.status for c in cases} - set(states))
    counts = Counter((c.type_key, c.status) for c in cases)
    return suppress_table(counts, types, states, minimum)


def _time_to_meet(
    cases: Sequence[SafetyReport], settings: TenantSettings, minimum: int
) -> list[DeadlineTiming]:
    """Median days from each deadline's start to its meeting, over at least `minimum` cases;
    no counts are published here (they could undo the tables' suppression)."""
    timings = []
    for key in _type_keys(settings, cases):
        workflow = CaseWorkflow(case_type_of(settings, key))
        of_type = [c for c in cases if c.type_key == key]
        for rule in workflow.template.deadlines:
            taken = []
            for case in of_type:
                met_at, started = case.met_deadlines.get(rule.key), workflow.clock_start(case, rule.key)
                if met_at is not None and started is not None:
                    taken.append((met_at - started).total_seconds() / _SECONDS_PER_DAY)
            median = round(statistics.median(taken), 1) if len(taken) >= minimum else None
            timings.append(DeadlineTiming(type_key=key, deadline=rule.key, median_days=median))
    return timings
