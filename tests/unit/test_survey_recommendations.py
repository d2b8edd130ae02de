"""Services a survey result suggests: weakest dimension first, a rule's named services
before its categories' services, by title, each once, at most six; a good or strong
result suggests nothing; only published services, whatever the caller passes."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from pydantic import ValidationError

from tests.unit.survey_fixtures import answers, who5
from tests.unit.tray_fixtures import NOW, details
from workwell.domain.survey.instruments import Band, Dimension
from workwell.domain.survey.recommendations import (
    DEFAULT_RECOMMENDATION_RULES,
    MAX_RECOMMENDATIONS,
    Recommendation,
    RecommendationRule,
    recommend,
)
from workwell.domain.survey.scoring import SurveyScores, score_answers
from workwell.domain.tray.service import Category, Service, ServiceStatus


def service(
    title: str, category: str, status: ServiceStatus = ServiceStatus.PUBLISHED, sv_title: str | None = None
) -> Service:
    texts = {"fi": title, "sv": sv_title or title}
    description = {language: f"{text}: kuvaus palvelusta." for language, text in texts.items()}
    return Service(
        # Ids fixed by the title, so that runs are alike.
        service_id=f"oulunkaari.{uuid.uuid5(uuid.NAMESPACE_URL, title).hex}",
        tenant_id="oulunkaari",
        details=details(title=texts, description=description, category=category),
        status=status,
        created_by="koordinaattori-o",
        created_at=NOW,
        updated_at=NOW,
    )


MINDFUL = service("Mindfulness-ryhmä", "mental")
TALK = service("keskusteluapu", "mental")
PSYCHOLOGIST = service("Työpsykologi", "mental")
ERGONOMICS = service("Ergonomiaohjaus", "work_ability")
RETURN = service("Paluu työhön", "work_ability")
COURSE = service("Excel-kurssi", "competence")
MENTOR = service("Mentorointi", "competence")
CHOIR = service("Työpaikan kuoro", "community")
GYM = service("Kuntosali", "physical")
SERVICES = [MINDFUL, TALK, PSYCHOLOGIST, ERGONOMICS, RETURN, COURSE, MENTOR, CHOIR, GYM]

ALL_GOOD = answers(was_1=9, osss3_1=4, osss3_2=4, osss3_3=4, competence_2=5, physical_2=5)


def scores(**overrides: int) -> SurveyScores:
    return score_answers({**ALL_GOOD, **overrides})


def titles(found: list[Recommendation]) -> list[str]:
    return [r.service.details.title["fi"] for r in found]


def rule(**data: Any) -> RecommendationRule:
    return RecommendationRule.model_validate(data)


def test_a_good_or_strong_result_suggests_nothing() -> None:
    result = scores()
    assert {s.band for s in result.scores} == {Band.GOOD, Band.STRONG}
    assert recommend(result, DEFAULT_RECOMMENDATION_RULES, SERVICES) == []


def test_weakest_dimension_first_and_services_by_title() -> None:
    # Work ability moderate (6), competence poor (2+3 = 5), wellbeing poor (44).
    result = score_answers(
        {**who5(3, 3, 2, 2, 1), "was_1": 6, "competence_1": 2, "competence_2": 3} | _rest()
    )
    assert [
        result.of(d).band for d in (Dimension.WELLBEING, Dimension.WORK_ABILITY, Dimension.COMPETENCE)
    ] == [
        Band.POOR,
        Band.MODERATE,
        Band.POOR,
    ]
    found = recommend(result, DEFAULT_RECOMMENDATION_RULES, SERVICES)
    assert titles(found) == [
        # wellbeing, poor: mental services by title (case does not matter)
        "keskusteluapu",
        "Mindfulness-ryhmä",
        "Työpsykologi",
        # competence, poor: after wellbeing, its equal, by survey order
        "Excel-kurssi",
        "Mentorointi",
        # work ability, moderate; the sixth is the last
        "Ergonomiaohjaus",
    ]
    assert len(found) == MAX_RECOMMENDATIONS
    assert [r.reason.dimension for r in found] == [Dimension.WELLBEING] * 3 + [Dimension.COMPETENCE] * 2 + [
        Dimension.WORK_ABILITY
    ]
    assert found[0].reason == result.of(Dimension.WELLBEING)


def test_very_poor_comes_before_poor_even_later_in_the_survey() -> None:
    # Wellbeing very poor (16) is first though physical (poor) and work ability (poor) are too.
    result = scores(**_who5_items(1, 1, 1, 1, 0), was_1=2, physical_1=1, physical_2=2)
    found = recommend(result, DEFAULT_RECOMMENDATION_RULES, SERVICES)
    assert [r.reason.dimension for r in found] == [Dimension.WELLBEING] * 3 + [Dimension.WORK_ABILITY] * 2 + [
        Dimension.PHYSICAL
    ]
    assert result.of(Dimension.WELLBEING).band is Band.VERY_POOR


def test_a_rules_named_services_come_before_its_categories() -> None:
    rules = [
        rule(
            dimension="social_support",
            bands=["poor"],
            categories=["community"],
            serviceIds=[GYM.service_id, TALK.service_id],
        )
    ]
    found = recommend(scores(osss3_1=1, osss3_2=2, osss3_3=2), rules, SERVICES)
    assert titles(found) == ["Kuntosali", "keskusteluapu", "Työpaikan kuoro"]


def test_each_service_is_suggested_once_for_the_weakest_reason() -> None:
    rules = [
        rule(dimension="physical", bands=["poor", "moderate"], serviceIds=[PSYCHOLOGIST.service_id]),
        rule(
            dimension="wellbeing", bands=["poor"], categories=["mental"], serviceIds=[PSYCHOLOGIST.service_id]
        ),
    ]
    result = scores(**_who5_items(2, 2, 2, 2, 2), physical_1=3, physical_2=3)
    found = recommend(result, rules, SERVICES)
    assert titles(found) == ["Työpsykologi", "keskusteluapu", "Mindfulness-ryhmä"]
    assert found[0].reason.dimension is Dimension.WELLBEING
    assert len({r.service.service_id for r in found}) == len(found)


def test_a_rule_applies_only_to_its_bands() -> None:
    rules = [rule(dimension="wellbeing", bands=["very_poor"], categories=["mental"])]
    assert recommend(scores(**_who5_items(2, 2, 2, 2, 2)), rules, SERVICES) == []
    assert len(recommend(scores(**_who5_items(1, 1, 1, 1, 1)), rules, SERVICES)) == 3


def test_only_published_services_are_suggested() -> None:
    archived = service("Arkistoitu apu", "mental", ServiceStatus.ARCHIVED)
    draft = service("Luonnos", "mental", ServiceStatus.DRAFT)
    pending = service("Odottaa", "mental", ServiceStatus.PENDING_APPROVAL)
    rules = [
        rule(
            dimension="wellbeing",
            bands=["poor"],
            categories=["mental"],
            serviceIds=[archived.service_id, draft.service_id, pending.service_id],
        )
    ]
    found = recommend(scores(**_who5_items(2, 2, 2, 2, 2)), rules, [archived, draft, pending, TALK])
    assert titles(found) == ["keskusteluapu"]


def test_a_named_service_the_person_cannot_see_is_skipped() -> None:
    rules = [
        rule(dimension="wellbeing", bands=["poor"], serviceIds=[PSYCHOLOGIST.service_id, TALK.service_id])
    ]
    found = recommend(scores(**_who5_items(2, 2, 2, 2, 2)), rules, [TALK])
    assert titles(found) == ["keskusteluapu"]


def test_titles_sort_in_the_persons_language() -> None:
    first_in_sv = service("Östra ryhmä", "mental", sv_title="Alfa grupp")
    found = recommend(scores(**_who5_items(2, 2, 2, 2, 2)), DEFAULT_RECOMMENDATION_RULES, [TALK, first_in_sv])
    assert titles(found) == ["keskusteluapu", "Östra ryhmä"]
    in_swedish = recommend(
        scores(**_who5_items(2, 2, 2, 2, 2)), DEFAULT_RECOMMENDATION_RULES, [TALK, first_in_sv], language="sv"
    )
    assert titles(in_swedish) == ["Östra ryhmä", "keskusteluapu"]


def test_the_default_rules() -> None:
    assert [
        (r.dimension, set(r.bands), r.categories, r.service_ids) for r in DEFAULT_RECOMMENDATION_RULES
    ] == [
        (Dimension.WELLBEING, {Band.POOR, Band.VERY_POOR}, (Category.MENTAL,), ()),
        (Dimension.WORK_ABILITY, {Band.POOR, Band.MODERATE}, (Category.WORK_ABILITY,), ()),
        (Dimension.SOCIAL_SUPPORT, {Band.POOR, Band.MODERATE}, (Category.COMMUNITY,), ()),
        (Dimension.COMPETENCE, {Band.POOR, Band.MODERATE}, (Category.COMPETENCE,), ()),
        (Dimension.PHYSICAL, {Band.POOR, Band.MODERATE}, (Category.PHYSICAL,), ()),
    ]
    for default in DEFAULT_RECOMMENDATION_RULES:
        assert RecommendationRule.model_validate(default.model_dump(by_alias=True)) == default


def test_a_rule_is_camel_case_json() -> None:
    data = {
        "dimension": "competence",
        "bands": ["poor"],
        "categories": ["competence"],
        "serviceIds": [COURSE.service_id],
    }
    assert RecommendationRule.model_validate(data).model_dump(mode="json", by_alias=True) == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"dimension": "wellbeing", "bands": [], "categories": ["mental"]}, "at least 1"),
        ({"dimension": "wellbeing", "bands": ["poor", "poor"], "categories": ["mental"]}, "repeat"),
        (
            {"dimension": "wellbeing", "bands": ["moderate"], "categories": ["mental"]},
            "wellbeing results are",
        ),
        ({"dimension": "wellbeing", "bands": ["strong"], "categories": ["mental"]}, "wellbeing results are"),
        (
            {"dimension": "work_ability", "bands": ["very_poor"], "categories": ["mental"]},
            "work_ability results",
        ),
        ({"dimension": "social_support", "bands": ["good"], "categories": ["community"]}, "results are"),
        (
            {"dimension": "social_support", "bands": ["strong"], "categories": ["community"]},
            "suggests nothing",
        ),
        ({"dimension": "physical", "bands": ["good"], "categories": ["physical"]}, "suggests nothing"),
        ({"dimension": "physical", "bands": ["poor"]}, "categories, serviceIds or both"),
        ({"dimension": "physical", "bands": ["poor"], "serviceIds": ["not-an-id"]}, "pattern"),
        ({"dimension": "physical", "bands": ["awful"], "categories": ["physical"]}, "bands"),
        ({"dimension": "mood", "bands": ["poor"], "categories": ["physical"]}, "dimension"),
        ({"dimension": "physical", "bands": ["poor"], "categories": ["physical"], "extra": 1}, "extra"),
    ],
)
def test_a_rule_must_be_able_to_apply(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        RecommendationRule.model_validate(data)


def _who5_items(*items: int) -> dict[str, int]:
    return {f"who5_{n}": value for n, value in enumerate(items, start=1)}


def _rest() -> dict[str, int]:
    return {k: v for k, v in ALL_GOOD.items() if not k.startswith(("who5", "was", "competence"))}
