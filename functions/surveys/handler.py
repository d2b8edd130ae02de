"""Surveys function: the wellbeing survey (api.md, Wellbeing survey): the survey as the
tenant has it, responses scored, sealed and counted, my history, recommendations from my
latest response, and the organisation's aggregates. The composition root: it reads
settings, builds adapters and hands them to the use cases."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import os
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from workwell.adapters.signed_cursor import MAX_CURSOR_LENGTH, LazyCursorCodec
from workwell.api.call_contexts import call_context_for, principal_for
from workwell.api.documented_responses import Access, documented
from workwell.api.observability import traced, tracing_enabled
from workwell.api.resolver_setup import configure_resolver, created, request_body_gate
from workwell.api.schemas.survey import (
    RecommendationBasis,
    RecommendationListResponse,
    RecommendationView,
    SurveyResponseListResponse,
    SurveyResponseRequest,
    SurveyResponseSummary,
    SurveyResult,
    SurveyView,
    WellbeingAggregatesResponse,
)
from workwell.bootstrap import Bootstrap
from workwell.config import SurveysSettings
from workwell.domain.survey.response_ids import RESPONSE_ID_PATTERN
from workwell.lazy_modules import lazy_module
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

if TYPE_CHECKING:
    from workwell.api import idempotency
    from workwell.service_layer.creation_token import CreationToken
    from workwell.service_layer.survey import survey_responses, wellbeing_aggregates
else:
    # Loaded when a route first uses them.
    idempotency = lazy_module("workwell.api.idempotency")
    survey_responses = lazy_module("workwell.service_layer.survey.survey_responses")
    wellbeing_aggregates = lazy_module("workwell.service_layer.survey.wellbeing_aggregates")

logger = Logger()
metrics = Metrics()
copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})

bootstrap = Bootstrap(lambda: SurveysSettings.from_environment(os.environ))

app = APIGatewayRestResolver(enable_validation=True)
configure_resolver(app)

LIMIT = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
CURSOR = Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH)]
RESPONSE_ID = Annotated[str, Path(pattern=RESPONSE_ID_PATTERN)]


def call_context() -> CallContext:
    return call_context_for(app, principal_for(app, bootstrap.staff_lookup, logger), bootstrap.clock.now())


def cursors() -> LazyCursorCodec:
    return LazyCursorCodec(lambda: bootstrap.cursors)


@app.get("/survey", **documented(Access.SIGNED_IN, finds=True))
def get_survey() -> SurveyView:
    """The survey of my tenant: its instruments in the languages the tenant has their
    official texts for, our own questions in fi, sv and en."""
    ctx = call_context()
    settings = bootstrap.survey_ports.settings_of(ctx.tenant_id)
    return SurveyView.of(settings.survey.value.survey)


def _result(submitted: survey_responses.SubmittedResponse, now: datetime) -> SurveyResult:
    summary = SurveyResponseSummary.of(submitted.response)
    return SurveyResult(
        **dict(summary),
        screening_yes=submitted.response.screening_yes,
        recommendations=[RecommendationView.of(r, now) for r in submitted.recommendations],
    )


@app.post("/survey/responses", **documented(Access.SIGNED_IN, finds=True, conflicts=True, idempotency_key=1))
def post_survey_response(body: SurveyResponseRequest) -> Response[SurveyResult]:
    """Answers in; scores, bands, explanations, change since my last response and
    recommendations out. Only I can ever read them again."""
    ctx = call_context()
    ports = bootstrap.survey_ports
    first: dict[str, survey_responses.SubmittedResponse] = {}

    def submit(token: CreationToken) -> RecommendationBasis:
        answers = survey_responses.SurveyAnswers(answers=body.answers, screening=body.screening)
        submitted = survey_responses.submit_response(ctx, answers, token, ports)
        first["answer"] = submitted
        metrics.add_metric(name="SurveyResponseSubmitted", unit=MetricUnit.Count, value=1)
        # The idempotency record keeps the response's id and time, never a score.
        return RecommendationBasis(
            response_id=submitted.response.response_id, submitted_at=submitted.response.submitted_at
        )

    answer, _ = idempotency.run_once(
        app,
        bootstrap.idempotent,
        tenant_id=ctx.tenant_id,
        caller=ctx.principal.user_id,
        payload=body.model_dump(mode="json"),
        create=submit,
    )
    submitted = first.get("answer")
    if submitted is None:
        reference = RecommendationBasis.model_validate(answer)
        submitted = survey_responses.response_again(ctx, reference.response_id, ports)
    return created(_result(submitted, ctx.now))


@app.get("/survey/responses/mine", **documented(Access.SIGNED_IN, paged=True))
def get_my_survey_responses(
    limit: LIMIT = DEFAULT_PAGE_SIZE, cursor: CURSOR = None
) -> SurveyResponseListResponse:
    """My responses, newest first, with scores and the change from the one before."""
    ctx = call_context()
    page = survey_responses.my_responses(ctx, limit, cursor, cursors(), bootstrap.survey_ports)
    return SurveyResponseListResponse(
        items=[SurveyResponseSummary.of(r) for r in page.items], next_cursor=page.next_cursor
    )


@app.get("/survey/responses/<responseId>", **documented(Access.SIGNED_IN, finds=True))
def get_my_survey_response(responseId: RESPONSE_ID) -> SurveyResponseSummary:  # noqa: N803 (path name)
    """One of my responses; anyone else's is not found, whatever their role."""
    ctx = call_context()
    response, _ = survey_responses.my_response(ctx, responseId, bootstrap.survey_ports)
    return SurveyResponseSummary.of(response)


@app.get("/recommendations", **documented(Access.SIGNED_IN))
def get_recommendations() -> RecommendationListResponse:
    """Services suggested from my latest response, each with the result it answers."""
    ctx = call_context()
    latest = survey_responses.latest_recommendations(ctx, bootstrap.survey_ports)
    based_on = (
        RecommendationBasis(
            response_id=latest.based_on.response_id, submitted_at=latest.based_on.submitted_at
        )
        if latest.based_on
        else None
    )
    return RecommendationListResponse(
        based_on=based_on, items=[RecommendationView.of(r, ctx.now) for r in latest.items]
    )


@app.get("/wellbeing/aggregates", **documented(Access.ROLE_GATED))
def get_wellbeing_aggregates() -> WellbeingAggregatesResponse:
    """Per ended period, the organisation's and each employee group's respondents and mean
    scores; groups below the minimum suppressed with complementary cells. No filters."""
    ctx = call_context()
    return WellbeingAggregatesResponse.of(wellbeing_aggregates.wellbeing_aggregates(ctx, bootstrap.uow()))


@cold_start.after_first_answer
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
@traced(enabled=tracing_enabled(os.environ))
@metrics.log_metrics
# Room for the deepest nesting probe to be refused as too deep, not as too large.
@request_body_gate(max_bytes=32 * 1024)
def lambda_handler(event: dict[str, object], context: LambdaContext) -> dict[str, object]:
    return app.resolve(event, context)
