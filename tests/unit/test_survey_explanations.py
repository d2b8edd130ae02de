"""What a score means, in plain words: the score and its scale in fi, sv and en, a gentle
pointer where help is, never a diagnosis, and our own scales labelled as our own."""

from __future__ import annotations

import re

import pytest

from tests.unit.survey_fixtures import dimension_score
from workwell.domain.localised_text import Language
from workwell.domain.survey.explanations import OCCUPATIONAL_HEALTH_NOTE, OWN_SCALE_NOTE, explanation
from workwell.domain.survey.instruments import Band, Dimension
from workwell.domain.survey.scoring import BANDS, DimensionScore

LANGUAGES: set[Language] = {"fi", "sv", "en"}
# Every dimension in every band it can have, at a score inside that band.
EXAMPLES = {
    (Dimension.WELLBEING, Band.GOOD): 72,
    (Dimension.WELLBEING, Band.POOR): 44,
    (Dimension.WELLBEING, Band.VERY_POOR): 24,
    (Dimension.WORK_ABILITY, Band.GOOD): 9,
    (Dimension.WORK_ABILITY, Band.MODERATE): 6,
    (Dimension.WORK_ABILITY, Band.POOR): 3,
    (Dimension.SOCIAL_SUPPORT, Band.STRONG): 13,
    (Dimension.SOCIAL_SUPPORT, Band.MODERATE): 10,
    (Dimension.SOCIAL_SUPPORT, Band.POOR): 4,
    (Dimension.COMPETENCE, Band.GOOD): 9,
    (Dimension.COMPETENCE, Band.MODERATE): 7,
    (Dimension.COMPETENCE, Band.POOR): 3,
    (Dimension.PHYSICAL, Band.GOOD): 10,
    (Dimension.PHYSICAL, Band.MODERATE): 6,
    (Dimension.PHYSICAL, Band.POOR): 2,
}
SCORES = [dimension_score(dimension, score, band) for (dimension, band), score in EXAMPLES.items()]
DIAGNOSIS = re.compile(
    r"depress|masenn|diagno|disorder|häiriö|störning|illness|sairau|sjukdom", re.IGNORECASE
)


def test_every_band_of_every_dimension_has_an_example() -> None:
    assert set(EXAMPLES) == {(d, b) for d, bands in BANDS.items() for b in bands}


@pytest.mark.parametrize("score", SCORES, ids=lambda s: f"{s.dimension.value}-{s.band.value}")
def test_each_explanation_names_the_score_in_fi_sv_and_en(score: DimensionScore) -> None:
    texts = explanation(score)
    assert set(texts) == LANGUAGES
    for text in texts.values():
        assert re.search(rf"(?<!\d){score.score}(?!\d)", text)
        assert str(score.maximum) in text
        assert "{" not in text
        assert not DIAGNOSIS.search(text)
        # Short: the explanation, and for our own scales the note.
        assert len(text) <= 320


def test_the_wellbeing_example_reads_as_written() -> None:
    texts = explanation(dimension_score(Dimension.WELLBEING, 44, Band.POOR))
    assert texts["en"] == (
        "Your wellbeing score is 44 of 100. Scores of 50 or less suggest your wellbeing is lower than "
        "it could be; it may help to talk to someone."
    )


def test_a_very_low_wellbeing_score_points_to_occupational_health_without_naming_depression() -> None:
    texts = explanation(dimension_score(Dimension.WELLBEING, 28, Band.VERY_POOR))
    assert "occupational health" in texts["en"]
    assert "työterveys" in texts["fi"]
    assert "företagshälsovård" in texts["sv"]
    assert all("28" in text for text in texts.values())


@pytest.mark.parametrize("score", SCORES, ids=lambda s: f"{s.dimension.value}-{s.band.value}")
def test_our_own_scales_say_they_are_our_own(score: DimensionScore) -> None:
    texts = explanation(score)
    own = score.dimension in {Dimension.COMPETENCE, Dimension.PHYSICAL}
    for language, text in texts.items():
        assert text.endswith(OWN_SCALE_NOTE[language]) is own


def test_the_notes_are_in_fi_sv_and_en_and_gentle() -> None:
    assert OWN_SCALE_NOTE["en"] == "Our own questions, not a validated scale."
    for note in (OWN_SCALE_NOTE, OCCUPATIONAL_HEALTH_NOTE):
        assert set(note) == LANGUAGES
        assert all(text.strip() and not DIAGNOSIS.search(text) for text in note.values())
    assert "occupational health" in OCCUPATIONAL_HEALTH_NOTE["en"]
    assert "työterveys" in OCCUPATIONAL_HEALTH_NOTE["fi"]
    assert "företagshälsovård" in OCCUPATIONAL_HEALTH_NOTE["sv"]


def test_texts_differ_by_band() -> None:
    good = explanation(dimension_score(Dimension.WORK_ABILITY, 7, Band.GOOD))
    moderate = explanation(dimension_score(Dimension.WORK_ABILITY, 7, Band.MODERATE))
    assert all(good[language] != moderate[language] for language in LANGUAGES)
