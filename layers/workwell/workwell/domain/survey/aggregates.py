"""Survey aggregates as the organisation sees them (security.md, Small numbers).

A response's transaction adds its contribution (`CellCounts.one`) to its period's counter
for the person's employee group, without a person id, and nothing here ever reads anyone's
answers. A period is published once it has ended: the tenant as a whole and each employee
group, respondents and mean scores. A group with fewer respondents than the tenant's
minimum (never below 5) is hidden, and with it enough other cells
(`small_numbers.suppress_table`) that neither the tenant total minus the groups shown nor
any other combination of published counts gives it back. A hidden cell's means are hidden
too; the means of what is shown give at most the combined means of two or more hidden
groups, never one group's."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from workwell.domain.small_numbers import suppress_table
from workwell.domain.survey.instruments import INSTRUMENTS, Dimension
from workwell.domain.survey.periods import Period
from workwell.domain.survey.scoring import SurveyScores

# The counter key for people without an employee group.
NO_GROUP = "-"
# Never below this, whatever a tenant sets.
MINIMUM_GROUP_SIZE = 5
_RESPONDENTS = "respondents"


@dataclass(frozen=True)
class CellCounts:
    respondents: int
    # The sum of the respondents' scores per dimension.
    sums: Mapping[Dimension, int]

    def plus(self, other: CellCounts) -> CellCounts:
        sums = {
            dimension: self.sums.get(dimension, 0) + other.sums.get(dimension, 0)
            for dimension in _in_survey_order({*self.sums, *other.sums})
        }
        return CellCounts(self.respondents + other.respondents, MappingProxyType(sums))

    @classmethod
    def one(cls, scores: SurveyScores) -> CellCounts:
        """A single response's contribution."""
        return cls(1, MappingProxyType({score.dimension: score.score for score in scores.scores}))

    @classmethod
    def empty(cls) -> CellCounts:
        return cls(0, MappingProxyType({}))


SuppressionReason = Literal["small", "complementary"]


@dataclass(frozen=True)
class PublishedCell:
    # None: the whole tenant; NO_GROUP: people without a group.
    group: str | None
    # None when suppressed.
    respondents: int | None
    # Rounded to 1 decimal; None when suppressed or nobody responded.
    means: Mapping[Dimension, float] | None
    suppressed: SuppressionReason | None


@dataclass(frozen=True)
class PublishedPeriod:
    period: Period
    total: PublishedCell
    # One per group in the order given, then NO_GROUP last when anyone is in it.
    groups: tuple[PublishedCell, ...]


def effective_minimum(setting: int) -> int:
    """The tenant's minimum group size, never below 5."""
    return max(MINIMUM_GROUP_SIZE, setting)


def publish_period(
    period: Period, counts: Mapping[str, CellCounts], groups: Sequence[str], minimum_setting: int
) -> PublishedPeriod:
    """The period's published figures. `counts` are its counters by group (a group nobody
    in answered has none); `groups` are the tenant's employee groups today, used only for
    the order rows are shown in.

    The table is a function of the period's counters and the minimum alone: its rows are
    the groups that have counters, a group since removed from the settings keeping its own
    row, and they are suppressed in one fixed order (by id). Once the period has ended its
    counters no longer change, so adding, removing or reordering groups never publishes the
    same period twice with different rows, which two readings could be subtracted from."""
    if NO_GROUP in groups:
        raise ValueError(f"{NO_GROUP!r} is not an employee group")
    if len(set(groups)) != len(groups):
        raise ValueError("groups must be unique")
    cells = {row: cell for row, cell in counts.items() if cell.respondents > 0}
    rows = sorted(row for row in cells if row != NO_GROUP) + ([NO_GROUP] if NO_GROUP in cells else [])
    minimum = effective_minimum(minimum_setting)
    table = suppress_table(
        {(row, _RESPONDENTS): cell.respondents for row, cell in cells.items()}, rows, [_RESPONDENTS], minimum
    )
    # With one column a row's cell and its total are the same count, and so are the
    # column total and the grand total: a count is published only if both are.
    total = _published(
        None,
        _total(cells.values()),
        hidden=table.total is None or table.column_totals[_RESPONDENTS] is None,
        minimum=minimum,
    )
    published = {
        row: _published(
            row,
            cells[row],
            hidden=table.cells[row, _RESPONDENTS] is None or table.row_totals[row] is None,
            minimum=minimum,
        )
        for row in rows
    }
    # Today's groups nobody in answered are shown as 0 (a zero tells nothing of anyone);
    # they take no part in the suppression above, which must not depend on the settings.
    for group in groups:
        published.setdefault(group, PublishedCell(group, 0, None, None))
    return PublishedPeriod(period, total, tuple(published[row] for row in _shown_order(rows, groups)))


def _shown_order(rows: Sequence[str], groups: Sequence[str]) -> list[str]:
    """Today's groups in their order, then groups since removed, then people without one."""
    today = set(groups)
    removed = [row for row in rows if row not in today and row != NO_GROUP]
    return [*groups, *removed, *([NO_GROUP] if NO_GROUP in rows else [])]


def _total(cells: Iterable[CellCounts]) -> CellCounts:
    total = CellCounts.empty()
    for cell in cells:
        total = total.plus(cell)
    return total


def _published(group: str | None, cell: CellCounts, *, hidden: bool, minimum: int) -> PublishedCell:
    if hidden:
        reason: SuppressionReason = "small" if 0 < cell.respondents < minimum else "complementary"
        return PublishedCell(group, None, None, reason)
    return PublishedCell(group, cell.respondents, _means(cell), None)


def _means(cell: CellCounts) -> Mapping[Dimension, float] | None:
    if cell.respondents == 0:
        return None
    return MappingProxyType(
        {
            dimension: round(cell.sums[dimension] / cell.respondents, 1)
            for dimension in _in_survey_order(set(cell.sums))
        }
    )


def _in_survey_order(dimensions: set[Dimension]) -> list[Dimension]:
    return [instrument.dimension for instrument in INSTRUMENTS if instrument.dimension in dimensions]
