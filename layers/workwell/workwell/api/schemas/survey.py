"""Request and response models of the wellbeing survey routes (api.md, Wellbeing survey).

Texts come as `{language: text}`: the survey's own texts in fi, sv and en; the validated
instruments' only in the languages the tenant has their official texts for (the demo:
English), so a client shows them in that language, marked as such, never a translation
of its own."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints

from workwell.domain.localised_text import Language
from workwell.domain.model_base import CamelModel
from workwell.domain.survey.explanations import OCCUPATIONAL_HEALTH_NOTE, OWN_SCALE_NOTE, explanation
from workwell.domain.survey.instruments import (
    INSTRUMENTS,
    SCREENING,
    Band,
    Dimension,
    Instrument,
    InstrumentId,
    Option,
    Question,
    ScreeningAnswer,
)
from workwell.domain.survey.periods import PeriodLength
from workwell.domain.survey.survey_configuration import SurveyConfiguration
from workwell.domain.tray.service import Category, ServiceId

if TYPE_CHECKING:
    # Only the conversions' signatures name these: a cold start serving the survey itself
    # does not import the use cases.
    from workwell.domain.survey.aggregates import PublishedCell, PublishedPeriod
    from workwell.domain.survey.change import Change
    from workwell.domain.survey.periods import Period
    from workwell.domain.survey.recommendations import Recommendation
    from workwell.service_layer.survey.survey_responses import ScoredDimension, ScoredResponse
    from workwell.service_layer.survey.wellbeing_aggregates import WellbeingAggregates

Texts = dict[Language, str]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")]

# ------------------------------------------------------------------ the survey


class SurveyOptionView(CamelModel):
    value: int
    label: Texts


class SurveyQuestionView(CamelModel):
    id: str
    text: Texts
    options: list[SurveyOptionView]


class SurveyDimensionView(CamelModel):
    dimension: Dimension
    instrument: InstrumentId
    # False: our own questions, not a validated scale (`ownScaleNote`).
    validated: bool
    title: Texts
    instructions: Texts
    source: str
    questions: list[SurveyQuestionView]


class ScreeningOptionView(CamelModel):
    value: ScreeningAnswer
    label: Texts


class ScreeningView(CamelModel):
    id: str
    text: Texts
    options: list[ScreeningOptionView]


class SurveyView(CamelModel):
    dimensions: list[SurveyDimensionView]
    screening: ScreeningView
    own_scale_note: Texts
    occupational_health_note: Texts

    @classmethod
    def of(cls, configuration: SurveyConfiguration) -> SurveyView:
        texts = configuration.instrument_texts

        def translated(key: str | None, own: Mapping[Language, str] | None) -> Texts:
            if own is not None:
                return dict(own)
            return {language: by_key[key] for language, by_key in texts.items() if key is not None}

        def option(o: Option) -> SurveyOptionView:
            return SurveyOptionView(value=o.value, label=translated(o.text_key, o.label))

        def question(q: Question) -> SurveyQuestionView:
            return SurveyQuestionView(
                id=q.id, text=translated(q.text_key, q.text), options=[option(o) for o in q.options]
            )

        def dimension(i: Instrument) -> SurveyDimensionView:
            return SurveyDimensionView(
                dimension=i.dimension,
                instrument=i.instrument,
                validated=i.validated,
                title=dict(i.title),
                instructions=translated(i.instructions_key, i.instructions),
                source=i.source,
                questions=[question(q) for q in i.questions],
            )

        screening_labels = {o.value: translated(o.text_key, o.label) for o in SCREENING.options}
        answers: dict[int, ScreeningAnswer] = {1: "yes", 0: "no", 2: "prefer_not_to_say"}
        return cls(
            dimensions=[dimension(i) for i in INSTRUMENTS],
            screening=ScreeningView(
                id=SCREENING.id,
                text=translated(SCREENING.text_key, SCREENING.text),
                options=[
                    ScreeningOptionView(value=answers[v], label=label)
                    for v, label in screening_labels.items()
                ],
            ),
            own_scale_note=dict(OWN_SCALE_NOTE),
            occupational_health_note=dict(OCCUPATIONAL_HEALTH_NOTE),
        )


# ------------------------------------------------------------------ responses


class SurveyResponseRequest(CamelModel):
    # Question id -> the chosen option's value; every question of the survey, each once.
    answers: dict[QuestionId, int] = Field(max_length=40)
    # The screening question may be left unanswered.
    screening: ScreeningAnswer | None = None


class ScoreChangeView(CamelModel):
    previous: int
    difference: int
    # Whether the change is meaningful by the instrument's published threshold (WHO-5: 10
    # points); null where no threshold is published.
    meaningful: bool | None

    @classmethod
    def of(cls, change: Change | None) -> ScoreChangeView | None:
        if change is None:
            return None
        return cls(previous=change.previous, difference=change.difference, meaningful=change.meaningful)


class ScoreView(CamelModel):
    dimension: Dimension
    instrument: InstrumentId
    validated: bool
    score: int
    minimum: int
    maximum: int
    band: Band
    explanation: Texts
    change: ScoreChangeView | None

    @classmethod
    def of(cls, scored: ScoredDimension) -> ScoreView:
        s = scored.score
        instrument = next(i for i in INSTRUMENTS if i.dimension is s.dimension)
        return cls(
            dimension=s.dimension,
            instrument=instrument.instrument,
            validated=instrument.validated,
            score=s.score,
            minimum=s.minimum,
            maximum=s.maximum,
            band=s.band,
            explanation=explanation(s),
            change=ScoreChangeView.of(scored.change),
        )


class RecommendationReasonView(CamelModel):
    dimension: Dimension
    score: int
    maximum: int
    band: Band


class RecommendationView(CamelModel):
    service_id: ServiceId
    title: Texts
    category: Category
    format: Literal["in_person", "online", "hybrid"]
    place: str | None
    next_session_at: datetime | None
    reason: RecommendationReasonView

    @classmethod
    def of(cls, recommendation: Recommendation, now: datetime) -> RecommendationView:
        service, reason = recommendation.service, recommendation.reason
        details = service.details
        upcoming = sorted(s.starts_at for s in details.sessions if s.starts_at > now)
        return cls(
            service_id=service.service_id,
            title=dict(details.title),
            category=details.category,
            format=details.format,
            place=details.place,
            next_session_at=upcoming[0] if upcoming else None,
            reason=RecommendationReasonView(
                dimension=reason.dimension, score=reason.score, maximum=reason.maximum, band=reason.band
            ),
        )


class SurveyResponseSummary(CamelModel):
    response_id: str
    submitted_at: datetime
    scores: list[ScoreView]
    # Point gently to occupational health (WHO-5 at most 28, or any of its items 0 or 1).
    occupational_health: bool

    @classmethod
    def of(cls, response: ScoredResponse) -> SurveyResponseSummary:
        return cls(
            response_id=response.response_id,
            submitted_at=response.submitted_at,
            scores=[ScoreView.of(d) for d in response.dimensions],
            occupational_health=response.occupational_health,
        )


class SurveyResult(SurveyResponseSummary):
    # The screening question was answered yes: show the way to the confidential report
    # form. Nothing was filed and nobody was told.
    screening_yes: bool
    recommendations: list[RecommendationView]


class SurveyResponseListResponse(CamelModel):
    items: list[SurveyResponseSummary]
    next_cursor: str | None


class RecommendationBasis(CamelModel):
    response_id: str
    submitted_at: datetime


class RecommendationListResponse(CamelModel):
    based_on: RecommendationBasis | None
    items: list[RecommendationView]


# ------------------------------------------------------------------ aggregates


class SurveyPeriodView(CamelModel):
    period: str
    starts_on: date
    ends_on: date

    @classmethod
    def of(cls, period: Period) -> SurveyPeriodView:
        return cls(period=period.id, starts_on=period.starts_on, ends_on=period.ends_on)


class SurveyCellView(CamelModel):
    # null: the whole organisation; "-": people without an employee group.
    group: str | None
    # null when suppressed.
    respondents: int | None
    means: dict[Dimension, float] | None
    # "small": fewer respondents than the minimum; "complementary": hidden so that a small
    # group cannot be worked out by subtraction.
    suppressed: Literal["small", "complementary"] | None

    @classmethod
    def of(cls, cell: PublishedCell) -> SurveyCellView:
        return cls(
            group=cell.group,
            respondents=cell.respondents,
            means=dict(cell.means) if cell.means is not None else None,
            suppressed=cell.suppressed,
        )


class PublishedPeriodView(SurveyPeriodView):
    total: SurveyCellView
    groups: list[SurveyCellView]

    @classmethod
    def of_published(cls, published: PublishedPeriod) -> PublishedPeriodView:
        period = published.period
        return cls(
            period=period.id,
            starts_on=period.starts_on,
            ends_on=period.ends_on,
            total=SurveyCellView.of(published.total),
            groups=[SurveyCellView.of(g) for g in published.groups],
        )


class WellbeingAggregatesResponse(CamelModel):
    period_length: PeriodLength
    minimum_group_size: int
    # Not published until it has ended.
    open_period: SurveyPeriodView
    # Ended periods, newest first.
    periods: list[PublishedPeriodView]

    @classmethod
    def of(cls, aggregates: WellbeingAggregates) -> WellbeingAggregatesResponse:
        return cls(
            period_length=aggregates.period_length,
            minimum_group_size=aggregates.minimum_group_size,
            open_period=SurveyPeriodView.of(aggregates.open_period),
            periods=[PublishedPeriodView.of_published(p) for p in aggregates.periods],
        )
