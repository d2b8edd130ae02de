"""The survey part of the tenant settings: instrument texts complete per language or not
at all, the published English by default, and the part stored and versioned on its own."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tests.unit.test_tenant_settings import settings_data
from workwell.domain.survey.instruments import ENGLISH_INSTRUMENT_TEXTS
from workwell.domain.survey.recommendations import DEFAULT_RECOMMENDATION_RULES
from workwell.domain.survey.survey_configuration import SurveyConfiguration
from workwell.domain.tenants.tenant_settings import SurveySettings, TenantSettings

OFFICIAL = {key: f"[official text {n}]" for n, key in enumerate(sorted(ENGLISH_INSTRUMENT_TEXTS))}


def test_the_default_is_the_published_english_wording_and_the_default_rules() -> None:
    configuration = SurveyConfiguration()

    assert configuration.instrument_texts == {"en": dict(ENGLISH_INSTRUMENT_TEXTS)}
    assert configuration.period_length == "quarter"
    assert configuration.recommendation_rules == DEFAULT_RECOMMENDATION_RULES


def test_a_tenant_adds_a_languages_official_texts_complete() -> None:
    configuration = SurveyConfiguration.model_validate(
        {"instrumentTexts": {"en": dict(ENGLISH_INSTRUMENT_TEXTS), "fi": OFFICIAL}}
    )

    assert configuration.instrument_texts["fi"] == OFFICIAL


@pytest.mark.parametrize(
    "texts",
    [
        {k: v for k, v in OFFICIAL.items() if k != "who5_3"},
        {**OFFICIAL, "who5_9": "An item that does not exist"},
        {**OFFICIAL, "was_1": ""},
    ],
)
def test_incomplete_or_unknown_texts_are_refused(texts: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as refused:
        SurveyConfiguration.model_validate({"instrumentTexts": {"fi": texts}})

    assert "instrumentTexts" in str(refused.value) or "instrument_texts" in str(refused.value)
    assert "An item that does not exist" not in str(refused.value), "input is never echoed"


def test_the_survey_part_travels_with_the_settings_document() -> None:
    monthly = TenantSettings.model_validate(settings_data()).model_copy(
        update={"survey": SurveyConfiguration(period_length="month")}
    )

    *_, survey = monthly.parts()

    assert survey == SurveySettings(survey=SurveyConfiguration(period_length="month"))
    assert TenantSettings.model_validate(monthly.model_dump(by_alias=True)).survey.period_length == "month"
