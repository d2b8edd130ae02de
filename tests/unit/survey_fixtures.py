"""Survey answers for the survey's tests: every question answered, with overrides."""

from __future__ import annotations

from workwell.domain.survey.instruments import Band, Dimension
from workwell.domain.survey.scoring import DimensionScore, SurveyScores, score_answers

# Every dimension in its middle band: WHO-5 3s (60, good), WAS 7, OSSS-3 3+3+3 = 9, own 3+4 = 7.
MIDDLE = {
    "who5_1": 3,
    "who5_2": 3,
    "who5_3": 3,
    "who5_4": 3,
    "who5_5": 3,
    "was_1": 7,
    "osss3_1": 3,
    "osss3_2": 3,
    "osss3_3": 3,
    "competence_1": 3,
    "competence_2": 4,
    "physical_1": 3,
    "physical_2": 4,
}


def answers(**overrides: int) -> dict[str, int]:
    return {**MIDDLE, **overrides}


# WHO-5 60 (good); work ability 6 (moderate); OSSS-3 2+3+2 = 7 (poor: a recommendation's
# reason); competence 4+4 = 8 (good); physical 3+3 = 6 (moderate).
LOW_SUPPORT = answers(was_1=6, osss3_1=2, osss3_3=2, competence_1=4, physical_2=3)


def who5(*items: int) -> dict[str, int]:
    return answers(**{f"who5_{n}": value for n, value in enumerate(items, start=1)})


def scores_of(**overrides: int) -> SurveyScores:
    return score_answers(answers(**overrides))


def dimension_score(dimension: Dimension, score: int, band: Band) -> DimensionScore:
    """A score as the scale would give it, for rules that take one."""
    scales = {
        Dimension.WELLBEING: (0, 100),
        Dimension.WORK_ABILITY: (0, 10),
        Dimension.SOCIAL_SUPPORT: (3, 14),
        Dimension.COMPETENCE: (2, 10),
        Dimension.PHYSICAL: (2, 10),
    }
    minimum, maximum = scales[dimension]
    return DimensionScore(dimension, score, minimum, maximum, band)
