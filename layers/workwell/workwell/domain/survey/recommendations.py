"""Services suggested by a person's latest survey (product.md, Service tray): for each
dimension whose result leaves room to improve, the services a tenant's rules name for it,
weakest dimension first, each with the score that suggested it as the plain reason
("suggested because your wellbeing score was 40 of 100"). A good or strong result
suggests nothing. Which services the person may see at all (published, rollout, audience,
scope) the caller decides; only those are passed here."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from pydantic import Field, model_validator

from workwell.domain.localised_text import Language, localised
from workwell.domain.model_base import CamelModel
from workwell.domain.survey.instruments import INSTRUMENTS, Band, Dimension
from workwell.domain.survey.scoring import BANDS, GOOD_BANDS, DimensionScore, SurveyScores
from workwell.domain.tray.service import Category, Service, ServiceId, ServiceStatus

MAX_RECOMMENDATIONS = 6


class RecommendationRule(CamelModel):
    """A tenant setting: results of `dimension` in one of `bands` suggest the services
    named in `service_ids`, then the services of `categories`."""

    dimension: Dimension
    bands: tuple[Band, ...] = Field(min_length=1)
    categories: tuple[Category, ...] = ()
    service_ids: tuple[ServiceId, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> RecommendationRule:
        if len(set(self.bands)) != len(self.bands):
            raise ValueError("bands must not repeat a band")
        possible = BANDS[self.dimension]
        if any(band not in possible for band in self.bands):
            raise ValueError(
                f"{self.dimension.value} results are " + ", ".join(band.value for band in possible)
            )
        # A rule that could never apply would look like it works while doing nothing.
        if any(band in GOOD_BANDS for band in self.bands):
            raise ValueError("a good or strong result suggests nothing")
        if not self.categories and not self.service_ids:
            raise ValueError("give categories, serviceIds or both")
        return self


def _rule(dimension: Dimension, bands: tuple[Band, ...], category: Category) -> RecommendationRule:
    # Built without validation, so importing this module builds no schema on a cold
    # start; a unit test validates each default.
    return RecommendationRule.model_construct(dimension=dimension, bands=bands, categories=(category,))


DEFAULT_RECOMMENDATION_RULES: tuple[RecommendationRule, ...] = (
    _rule(Dimension.WELLBEING, (Band.POOR, Band.VERY_POOR), Category.MENTAL),
    _rule(Dimension.WORK_ABILITY, (Band.POOR, Band.MODERATE), Category.WORK_ABILITY),
    _rule(Dimension.SOCIAL_SUPPORT, (Band.POOR, Band.MODERATE), Category.COMMUNITY),
    _rule(Dimension.COMPETENCE, (Band.POOR, Band.MODERATE), Category.COMPETENCE),
    _rule(Dimension.PHYSICAL, (Band.POOR, Band.MODERATE), Category.PHYSICAL),
)


@dataclass(frozen=True)
class Recommendation:
    service: Service
    # The score that suggested it.
    reason: DimensionScore


# Weakest first.
_SEVERITY: Mapping[Band, int] = MappingProxyType({Band.VERY_POOR: 0, Band.POOR: 1, Band.MODERATE: 2})
_SURVEY_ORDER: Mapping[Dimension, int] = MappingProxyType(
    {instrument.dimension: order for order, instrument in enumerate(INSTRUMENTS)}
)


def recommend(
    scores: SurveyScores,
    rules: Sequence[RecommendationRule],
    services: Sequence[Service],
    *,
    language: Language = "fi",
) -> list[Recommendation]:
    """At most MAX_RECOMMENDATIONS services, each once: weakest dimension first (ties in
    survey order); within a rule its listed services first, then its categories' services
    by title in `language`."""
    published = [service for service in services if service.status is ServiceStatus.PUBLISHED]
    weak = sorted(
        (score for score in scores.scores if score.band in _SEVERITY),
        key=lambda score: (_SEVERITY[score.band], _SURVEY_ORDER[score.dimension]),
    )
    recommendations: list[Recommendation] = []
    chosen: set[str] = set()
    for score in weak:
        for rule in rules:
            if rule.dimension != score.dimension or score.band not in rule.bands:
                continue
            for service in _suggested(rule, published, language):
                if service.service_id in chosen:
                    continue
                chosen.add(service.service_id)
                recommendations.append(Recommendation(service, score))
                if len(recommendations) == MAX_RECOMMENDATIONS:
                    return recommendations
    return recommendations


def _suggested(
    rule: RecommendationRule, services: Sequence[Service], language: Language
) -> Iterator[Service]:
    by_id = {service.service_id: service for service in services}
    # An id the person cannot see (not visible to them, or gone) is skipped.
    yield from (by_id[service_id] for service_id in rule.service_ids if service_id in by_id)
    in_categories = [service for service in services if service.details.category in rule.categories]
    yield from sorted(
        in_categories,
        key=lambda service: (localised(service.details.title, language, "fi").casefold(), service.service_id),
    )
