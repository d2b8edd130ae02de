"""A tenant's survey settings: how long an aggregate period is, the texts of the validated
instruments in each language the tenant has an official translation for, and the rules
that turn results into recommendations.

The validated instruments' official Finnish and Swedish translations are not ours to
write: a tenant adds a language's texts here, complete or not at all. Languages without
them show the instrument in English, marked as such."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from workwell.domain.localised_text import Language
from workwell.domain.model_base import CamelModel
from workwell.domain.survey.instruments import (
    ENGLISH_INSTRUMENT_TEXTS,
    missing_instrument_texts,
    unknown_instrument_texts,
)
from workwell.domain.survey.periods import PeriodLength
from workwell.domain.survey.recommendations import DEFAULT_RECOMMENDATION_RULES, RecommendationRule

InstrumentText = Annotated[str, StringConstraints(min_length=1, max_length=500)]


def _published_english() -> dict[Language, dict[str, str]]:
    return {"en": dict(ENGLISH_INSTRUMENT_TEXTS)}


class SurveyConfiguration(CamelModel):
    period_length: PeriodLength = "quarter"
    instrument_texts: dict[Language, dict[str, InstrumentText]] = Field(
        default_factory=_published_english, min_length=1
    )
    recommendation_rules: tuple[RecommendationRule, ...] = Field(
        default=DEFAULT_RECOMMENDATION_RULES, max_length=50
    )

    @model_validator(mode="after")
    def _complete_texts(self) -> SurveyConfiguration:
        for language, texts in self.instrument_texts.items():
            missing, unknown = missing_instrument_texts(texts), unknown_instrument_texts(texts)
            if missing:
                raise ValueError(f"instrumentTexts.{language} lacks {', '.join(missing[:5])}")
            if unknown:
                # Never echoed: the keys are input.
                raise ValueError(f"instrumentTexts.{language} has keys that are not instrument texts")
        return self
