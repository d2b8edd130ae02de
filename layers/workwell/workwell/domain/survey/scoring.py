"""Scores and bands of a completed survey, as each instrument publishes them.

WHO-5: the five items (0-5) sum to a raw 0-25, times 4 gives 0-100. Two mistakes are
common in public write-ups and are not made here: subtracting 5 first (that is for scales
scored 1-6) and a maximum of 200. A score of 50 or less is poor wellbeing; 28 or less
suggests depression, which we never say to the person: we point them gently to
occupational health, as we do when any single item is 0 or 1 (the WHO-5 guidance to look
further). Scores are multiples of 4, so "below 50" and "50 or less" are the same cut.
Work Ability Score: 0-10; 0-5 poor, 6-7 moderate, 8-10 good. OSSS-3: the items sum to
3-14; 3-8 poor, 9-11 moderate, 12-14 strong. Our own items: two 1-5 items per dimension,
summed to 2-10, cut like the Work Ability Score's bands (poor, moderate, good)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from workwell.domain.errors import ErrorDetail, InvalidInput
from workwell.domain.survey.instruments import INSTRUMENTS, QUESTIONS, Band, Dimension, Instrument


@dataclass(frozen=True)
class DimensionScore:
    dimension: Dimension
    score: int
    minimum: int
    maximum: int
    band: Band


@dataclass(frozen=True)
class SurveyScores:
    scores: tuple[DimensionScore, ...]
    # Point gently to occupational health (never a diagnosis).
    occupational_health: bool

    def of(self, dimension: Dimension) -> DimensionScore:
        for score in self.scores:
            if score.dimension == dimension:
                return score
        raise KeyError(dimension)


@dataclass(frozen=True)
class _Scale:
    minimum: int
    maximum: int
    # The published score is the sum of the items times this.
    multiplier: int
    band: Callable[[int], Band]


def _who5_band(score: int) -> Band:
    if score <= 28:
        return Band.VERY_POOR
    if score <= 50:
        return Band.POOR
    return Band.GOOD


def _work_ability_band(score: int) -> Band:
    if score <= 5:
        return Band.POOR
    if score <= 7:
        return Band.MODERATE
    return Band.GOOD


def _social_support_band(score: int) -> Band:
    if score <= 8:
        return Band.POOR
    if score <= 11:
        return Band.MODERATE
    return Band.STRONG


def _own_band(score: int) -> Band:
    if score <= 5:
        return Band.POOR
    if score <= 7:
        return Band.MODERATE
    return Band.GOOD


_SCALES: Mapping[Dimension, _Scale] = MappingProxyType(
    {
        Dimension.WELLBEING: _Scale(0, 100, 4, _who5_band),
        Dimension.WORK_ABILITY: _Scale(0, 10, 1, _work_ability_band),
        Dimension.SOCIAL_SUPPORT: _Scale(3, 14, 1, _social_support_band),
        Dimension.COMPETENCE: _Scale(2, 10, 1, _own_band),
        Dimension.PHYSICAL: _Scale(2, 10, 1, _own_band),
    }
)

# The bands each dimension's scale can give, best first.
BANDS: Mapping[Dimension, tuple[Band, ...]] = MappingProxyType(
    {
        Dimension.WELLBEING: (Band.GOOD, Band.POOR, Band.VERY_POOR),
        Dimension.WORK_ABILITY: (Band.GOOD, Band.MODERATE, Band.POOR),
        Dimension.SOCIAL_SUPPORT: (Band.STRONG, Band.MODERATE, Band.POOR),
        Dimension.COMPETENCE: (Band.GOOD, Band.MODERATE, Band.POOR),
        Dimension.PHYSICAL: (Band.GOOD, Band.MODERATE, Band.POOR),
    }
)
# Results in these bands suggest nothing to improve.
GOOD_BANDS = frozenset({Band.GOOD, Band.STRONG})

# Any single WHO-5 item at or below this points to occupational health.
_WHO5_LOW_ITEM = 1


def score_answers(answers: Mapping[str, int]) -> SurveyScores:
    """Scores every dimension; refuses a missing, unknown or out-of-range answer, naming
    each problem and never the value given."""
    _check(answers)
    scores = tuple(_score(instrument, answers) for instrument in INSTRUMENTS)
    who5_items = [answers[question.id] for question in INSTRUMENTS[0].questions]
    wellbeing = scores[0]
    occupational_health = wellbeing.band is Band.VERY_POOR or min(who5_items) <= _WHO5_LOW_ITEM
    return SurveyScores(scores, occupational_health)


def _score(instrument: Instrument, answers: Mapping[str, int]) -> DimensionScore:
    scale = _SCALES[instrument.dimension]
    score = scale.multiplier * sum(answers[question.id] for question in instrument.questions)
    return DimensionScore(instrument.dimension, score, scale.minimum, scale.maximum, scale.band(score))


def _check(answers: Mapping[str, int]) -> None:
    problems = [
        ErrorDetail(("body", "answers", question_id), "not a question of this survey")
        for question_id in sorted(set(answers) - set(QUESTIONS), key=str)
    ]
    for question_id, question in QUESTIONS.items():
        if question_id not in answers:
            problems.append(ErrorDetail(("body", "answers", question_id), "required"))
            continue
        value = answers[question_id]
        # bool is an int, but True is not an answer.
        if not isinstance(value, int) or isinstance(value, bool) or value not in question.values:
            problems.append(
                ErrorDetail(
                    ("body", "answers", question_id),
                    f"must be one of {min(question.values)}–{max(question.values)}",  # noqa: RUF001 (a range, shown)
                )
            )
    if problems:
        raise InvalidInput("The request is not valid.", problems)
