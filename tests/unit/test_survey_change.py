"""Change since the previous survey: WHO-5 publishes 10 points as meaningful, the other
scales publish no threshold, so they give the difference without a verdict."""

from __future__ import annotations

import pytest

from tests.unit.survey_fixtures import dimension_score
from workwell.domain.survey.change import MEANINGFUL_CHANGE, Change, change_since
from workwell.domain.survey.instruments import Band, Dimension


def test_no_previous_survey_no_change() -> None:
    assert change_since(dimension_score(Dimension.WELLBEING, 60, Band.GOOD), None) is None


@pytest.mark.parametrize(
    ("current", "previous", "difference", "meaningful"),
    [
        (60, 60, 0, False),
        (52, 44, 8, False),  # WHO-5 moves in steps of 4: 8 is not yet meaningful
        (56, 44, 12, True),
        (44, 56, -12, True),  # a fall is as meaningful as a rise
        (44, 52, -8, False),
        # At the threshold and one either side (not reachable by WHO-5 steps, but the rule).
        (54, 44, 10, True),
        (53, 44, 9, False),
        (55, 44, 11, True),
        (34, 44, -10, True),
        (35, 44, -9, False),
        (100, 0, 100, True),
    ],
)
def test_wellbeing_change_is_meaningful_from_10_points(
    current: int, previous: int, difference: int, meaningful: bool
) -> None:
    score = dimension_score(Dimension.WELLBEING, current, Band.GOOD)
    assert change_since(score, previous) == Change(previous, difference, meaningful)


@pytest.mark.parametrize(
    "dimension",
    [Dimension.WORK_ABILITY, Dimension.SOCIAL_SUPPORT, Dimension.COMPETENCE, Dimension.PHYSICAL],
)
def test_other_scales_have_no_published_threshold(dimension: Dimension) -> None:
    score = dimension_score(dimension, 8, Band.GOOD)
    assert change_since(score, 3) == Change(3, 5, None)
    assert change_since(score, 8) == Change(8, 0, None)


def test_only_wellbeing_has_a_threshold() -> None:
    assert dict(MEANINGFUL_CHANGE) == {Dimension.WELLBEING: 10}
