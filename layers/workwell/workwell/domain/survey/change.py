"""Change since the person's previous survey. Only WHO-5 publishes what change is
meaningful (10 points); for the other scales the difference is shown without a verdict,
since calling it meaningful or not would claim more than is known."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from workwell.domain.survey.instruments import Dimension
from workwell.domain.survey.scoring import DimensionScore

MEANINGFUL_CHANGE: Mapping[Dimension, int] = MappingProxyType({Dimension.WELLBEING: 10})


@dataclass(frozen=True)
class Change:
    previous: int
    # current - previous
    difference: int
    # None where no published threshold exists.
    meaningful: bool | None


def change_since(current: DimensionScore, previous: int | None) -> Change | None:
    """None when there is no previous score to compare with."""
    if previous is None:
        return None
    difference = current.score - previous
    threshold = MEANINGFUL_CHANGE.get(current.dimension)
    meaningful = None if threshold is None else abs(difference) >= threshold
    return Change(previous, difference, meaningful)
