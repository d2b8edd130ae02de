"""Scoring as the instruments publish it (product.md, Wellbeing survey): WHO-5 raw x 4,
the Work Ability Score as given, OSSS-3 summed, our own items summed; each band's
cut-offs from both sides."""

from __future__ import annotations

import pytest

from tests.unit.survey_fixtures import answers, scores_of, who5
from workwell.domain.errors import InvalidInput
from workwell.domain.survey.instruments import (
    INSTRUMENTS,
    QUESTION_IDS,
    SCREENING_QUESTION_ID,
    Band,
    Dimension,
)
from workwell.domain.survey.scoring import score_answers

W = Dimension.WELLBEING


def test_scores_come_in_survey_order_with_their_scales() -> None:
    scores = scores_of()
    assert [s.dimension for s in scores.scores] == [i.dimension for i in INSTRUMENTS]
    assert [(s.minimum, s.maximum) for s in scores.scores] == [(0, 100), (0, 10), (3, 14), (2, 10), (2, 10)]
    assert [s.score for s in scores.scores] == [60, 7, 9, 7, 7]
    for dimension in Dimension:
        assert scores.of(dimension).dimension is dimension


# WHO-5 ------------------------------------------------------------------------------


def test_who5_all_at_best_is_100_not_80_and_never_200() -> None:
    score = score_answers(who5(5, 5, 5, 5, 5)).of(W)
    # (raw - 5) x 4 would give 80; a 0-200 scale would give 200.
    assert (score.score, score.maximum, score.band) == (100, 100, Band.GOOD)


def test_who5_all_zero_is_0_not_minus_20() -> None:
    scores = score_answers(who5(0, 0, 0, 0, 0))
    assert (scores.of(W).score, scores.of(W).minimum, scores.of(W).band) == (0, 0, Band.VERY_POOR)
    assert scores.occupational_health


@pytest.mark.parametrize(
    ("items", "score", "band"),
    [
        ((2, 2, 1, 1, 1), 28, Band.VERY_POOR),  # raw 7: the last "very poor"
        ((2, 2, 2, 1, 1), 32, Band.POOR),  # raw 8
        ((3, 3, 2, 2, 2), 48, Band.POOR),  # raw 12: the last "poor" (50 or less)
        ((3, 3, 3, 2, 2), 52, Band.GOOD),  # raw 13
        ((1, 1, 1, 1, 0), 16, Band.VERY_POOR),
        ((4, 4, 4, 4, 4), 80, Band.GOOD),
    ],
)
def test_who5_is_the_raw_sum_times_four_banded_at_28_and_50(
    items: tuple[int, ...], score: int, band: Band
) -> None:
    result = score_answers(who5(*items)).of(W)
    assert (result.score, result.band) == (score, band)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((2, 2, 2, 2, 2), False),  # 40: poor, yet no item at 0 or 1
        ((5, 5, 5, 5, 2), False),
        ((5, 5, 5, 5, 1), True),  # 84, good, but one item at 1
        ((5, 5, 5, 5, 0), True),
        ((0, 5, 5, 5, 5), True),
        ((2, 2, 1, 1, 1), True),  # 28
        ((3, 3, 3, 3, 3), False),
    ],
)
def test_occupational_health_when_28_or_less_or_any_who5_item_is_0_or_1(
    items: tuple[int, ...], expected: bool
) -> None:
    assert score_answers(who5(*items)).occupational_health is expected


def test_low_answers_elsewhere_do_not_point_to_occupational_health() -> None:
    scores = scores_of(was_1=0, osss3_1=1, osss3_2=1, osss3_3=1, competence_1=1, physical_1=1)
    assert not scores.occupational_health


# Work Ability Score --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "band"),
    [(0, Band.POOR), (5, Band.POOR), (6, Band.MODERATE), (7, Band.MODERATE), (8, Band.GOOD), (10, Band.GOOD)],
)
def test_work_ability_score_bands(value: int, band: Band) -> None:
    score = scores_of(was_1=value).of(Dimension.WORK_ABILITY)
    assert (score.score, score.minimum, score.maximum, score.band) == (value, 0, 10, band)


# OSSS-3 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "score", "band"),
    [
        ((1, 1, 1), 3, Band.POOR),
        ((2, 3, 3), 8, Band.POOR),
        ((3, 3, 3), 9, Band.MODERATE),
        ((3, 4, 4), 11, Band.MODERATE),
        ((4, 4, 4), 12, Band.STRONG),
        ((4, 5, 5), 14, Band.STRONG),
    ],
)
def test_osss3_sums_its_items_from_3_to_14(items: tuple[int, int, int], score: int, band: Band) -> None:
    result = scores_of(osss3_1=items[0], osss3_2=items[1], osss3_3=items[2]).of(Dimension.SOCIAL_SUPPORT)
    assert (result.score, result.minimum, result.maximum, result.band) == (score, 3, 14, band)


# Our own items ------------------------------------------------------------------------


@pytest.mark.parametrize("dimension", [Dimension.COMPETENCE, Dimension.PHYSICAL])
@pytest.mark.parametrize(
    ("items", "score", "band"),
    [
        ((1, 1), 2, Band.POOR),
        ((2, 3), 5, Band.POOR),
        ((3, 3), 6, Band.MODERATE),
        ((3, 4), 7, Band.MODERATE),
        ((4, 4), 8, Band.GOOD),
        ((5, 5), 10, Band.GOOD),
    ],
)
def test_own_dimensions_sum_two_items_from_2_to_10(
    dimension: Dimension, items: tuple[int, int], score: int, band: Band
) -> None:
    result = scores_of(**{f"{dimension.value}_1": items[0], f"{dimension.value}_2": items[1]}).of(dimension)
    assert (result.score, result.minimum, result.maximum, result.band) == (score, 2, 10, band)


# Validation ---------------------------------------------------------------------------


def problems(given: dict[str, int]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(InvalidInput) as raised:
        score_answers(given)
    assert raised.value.message == "The request is not valid."
    return [(detail.loc, detail.msg) for detail in raised.value.details]


def test_every_question_is_required() -> None:
    assert problems({}) == [(("body", "answers", q), "required") for q in _survey_order()]
    given = answers()
    del given["osss3_2"]
    assert problems(given) == [(("body", "answers", "osss3_2"), "required")]


def test_unknown_questions_and_the_screening_question_are_refused() -> None:
    given = {**answers(), "who5_6": 3, SCREENING_QUESTION_ID: 1}
    assert problems(given) == [
        (("body", "answers", SCREENING_QUESTION_ID), "not a question of this survey"),
        (("body", "answers", "who5_6"), "not a question of this survey"),
    ]


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("who5_1", 6, "must be one of 0–5"),  # noqa: RUF001
        ("who5_5", -1, "must be one of 0–5"),  # noqa: RUF001
        ("was_1", 11, "must be one of 0–10"),  # noqa: RUF001
        ("was_1", -1, "must be one of 0–10"),  # noqa: RUF001
        ("osss3_1", 5, "must be one of 1–4"),  # noqa: RUF001
        ("osss3_1", 0, "must be one of 1–4"),  # noqa: RUF001
        ("osss3_2", 6, "must be one of 1–5"),  # noqa: RUF001
        ("osss3_3", 0, "must be one of 1–5"),  # noqa: RUF001
        ("competence_1", 0, "must be one of 1–5"),  # noqa: RUF001
        ("physical_2", 6, "must be one of 1–5"),  # noqa: RUF001
    ],
)
def test_values_outside_a_questions_options_are_refused(question: str, value: int, message: str) -> None:
    assert problems(answers(**{question: value})) == [(("body", "answers", question), message)]


def test_the_edges_of_each_question_are_accepted() -> None:
    score_answers(answers(who5_1=0, who5_2=5, was_1=0, osss3_1=4, osss3_2=5, osss3_3=1, physical_1=5))


def test_a_boolean_or_a_non_integer_is_no_answer() -> None:
    given: dict[str, object] = {**answers(), "who5_1": True, "was_1": 7.0, "osss3_1": "3"}
    assert [loc[-1] for loc, _ in problems(given)] == ["who5_1", "was_1", "osss3_1"]  # type: ignore[arg-type]


def test_every_problem_is_reported_and_no_value_is_echoed() -> None:
    canary = 987654
    given = {**answers(who5_1=canary, was_1=canary), "canary_question": canary}
    del given["physical_2"]
    found = problems(given)
    assert [loc for loc, _ in found] == [
        ("body", "answers", "canary_question"),
        ("body", "answers", "who5_1"),
        ("body", "answers", "was_1"),
        ("body", "answers", "physical_2"),
    ]
    assert all(str(canary) not in message for _, message in found)


def _survey_order() -> list[str]:
    ids = [q.id for instrument in INSTRUMENTS for q in instrument.questions]
    assert set(ids) == QUESTION_IDS
    return ids
