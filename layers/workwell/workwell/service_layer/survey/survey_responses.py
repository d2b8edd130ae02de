"""Answering the wellbeing survey, and reading one's own results.

A response is scored (domain/survey/scoring.py), sealed with the person's own key, and
written in one transaction with the person's key item (conditional on its version) and
the period's counters (no person id). Only the person ever opens it: no role reads
another's answers or scores, so every use case here works on the caller's own partition
and nothing takes a person id from the request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from workwell.domain.errors import IdempotencyConflict, NotFound
from workwell.domain.survey.aggregates import NO_GROUP, CellCounts
from workwell.domain.survey.change import Change, change_since
from workwell.domain.survey.instruments import ScreeningAnswer
from workwell.domain.survey.periods import period_of
from workwell.domain.survey.recommendations import Recommendation, recommend
from workwell.domain.survey.response_ids import new_response_id
from workwell.domain.survey.scoring import DimensionScore, SurveyScores, score_answers
from workwell.domain.tenants.tenant_settings import StoredSettings
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.creation_token import CreationToken
from workwell.service_layer.pagination import CursorCodec, PageRequest, cursor_binding
from workwell.service_layer.survey.survey_keys import PersonSurveyKey, SealedRecord
from workwell.service_layer.survey.survey_ports import SurveyPorts, suggestible_services
from workwell.service_layer.unit_of_work import (
    CounterCell,
    PersonSurveyState,
    StoredSurveyResponse,
    UnitOfWork,
)

RESPONSE_RECORD = "survey_response"
LATEST_RECORD = "survey_latest"


@dataclass(frozen=True)
class SurveyAnswers:
    answers: Mapping[str, int]
    screening: ScreeningAnswer | None = None


@dataclass(frozen=True)
class ScoredDimension:
    score: DimensionScore
    change: Change | None


@dataclass(frozen=True)
class ScoredResponse:
    response_id: str
    submitted_at: datetime
    dimensions: tuple[ScoredDimension, ...]
    occupational_health: bool
    screening_yes: bool


@dataclass(frozen=True)
class SubmittedResponse:
    response: ScoredResponse
    recommendations: list[Recommendation]


@dataclass(frozen=True)
class ResponsePage:
    items: list[ScoredResponse]
    next_cursor: str | None


def _scored(
    response_id: str, submitted_at: datetime, sealed_value: Mapping[str, Any]
) -> tuple[ScoredResponse, SurveyScores]:
    """A response as it was answered: scored again from its answers (the scoring is
    fixed), with the change from the scores of the response before it."""
    scores = score_answers(sealed_value["answers"])
    previous: Mapping[str, int] = sealed_value.get("previous") or {}
    dimensions = tuple(
        ScoredDimension(s, change_since(s, previous.get(s.dimension.value))) for s in scores.scores
    )
    response = ScoredResponse(
        response_id=response_id,
        submitted_at=submitted_at,
        dimensions=dimensions,
        occupational_health=scores.occupational_health,
        screening_yes=sealed_value.get("screening") == "yes",
    )
    return response, scores


def _score_map(scores: SurveyScores) -> dict[str, int]:
    return {s.dimension.value: s.score for s in scores.scores}


def _record(ctx: CallContext, record_type: str, record_id: str) -> SealedRecord:
    return SealedRecord(ctx.tenant_id, ctx.principal.user_id, record_type, record_id)


def _counter_group(ctx: CallContext, settings: StoredSettings) -> str:
    group = ctx.principal.identity.group
    return (
        group
        if group is not None and group in {g.id for g in settings.organisation.value.employee_groups}
        else NO_GROUP
    )


@dataclass(frozen=True)
class _Latest:
    response_id: str
    submitted_at: datetime
    # Its answers and scores, the previous response's scores, and its request's digest.
    value: Mapping[str, Any]


@dataclass(frozen=True)
class _PersonSurvey:
    """The caller's key item as read, their key, and their latest response opened."""

    state: PersonSurveyState | None
    key: PersonSurveyKey
    wrapped: bytes
    latest: _Latest | None

    @property
    def expected_version(self) -> int | None:
        return self.state.version if self.state else None


def _recommended(
    ctx: CallContext, settings: StoredSettings, scores: SurveyScores, ports: SurveyPorts
) -> list[Recommendation]:
    rules = settings.survey.value.survey.recommendation_rules
    return recommend(scores, rules, suggestible_services(ctx.principal, ports))


def submit_response(
    ctx: CallContext, submitted: SurveyAnswers, token: CreationToken, ports: SurveyPorts
) -> SubmittedResponse:
    """Score, seal and store one response; count it in the current period; recommend."""
    scores = score_answers(submitted.answers)  # bad input fails before anything is read
    settings = ports.settings_of(ctx.tenant_id)
    with ports.uow() as uow:
        person = _open_person(ctx, uow.surveys.person(ctx.tenant_id, ctx.principal.user_id), ports)
        latest = person.latest
        if latest is not None and person.state is not None and person.state.latest_request == token.key:
            # The same request again after its answer was lost: its response, not a second.
            if latest.value.get("request") != token.payload_digest:
                raise IdempotencyConflict("This Idempotency-Key was used with another request body.")
            response, scores = _scored(latest.response_id, latest.submitted_at, latest.value)
            return SubmittedResponse(response, _recommended(ctx, settings, scores, ports))
        answer = _stage_response(ctx, uow, _Draft(submitted, scores, token), settings, person)
        uow.commit()
    return SubmittedResponse(answer, _recommended(ctx, settings, scores, ports))


def _open_person(ctx: CallContext, state: PersonSurveyState | None, ports: SurveyPorts) -> _PersonSurvey:
    """The one KMS request of a response: the person's key unwrapped, or made."""
    if state is None:
        key, wrapped = ports.keys.new_key(ctx.tenant_id, ctx.principal.user_id)
        return _PersonSurvey(None, key, wrapped, None)
    key = ports.keys.open_key(ctx.tenant_id, ctx.principal.user_id, state.wrapped_key)
    return _PersonSurvey(state, key, state.wrapped_key, _open_latest(ctx, state, key))


def _open_latest(ctx: CallContext, state: PersonSurveyState, key: PersonSurveyKey) -> _Latest | None:
    response_id, submitted_at = state.latest_response_id, state.latest_submitted_at
    if state.sealed_latest is None or response_id is None or submitted_at is None:
        return None
    value = key.open(state.sealed_latest, _record(ctx, LATEST_RECORD, response_id))
    return _Latest(response_id, submitted_at, value)


@dataclass(frozen=True)
class _Draft:
    submitted: SurveyAnswers
    scores: SurveyScores
    token: CreationToken


def _stage_response(
    ctx: CallContext, uow: UnitOfWork, draft: _Draft, settings: StoredSettings, person: _PersonSurvey
) -> ScoredResponse:
    response_id = new_response_id(ctx.now)
    retention = timedelta(days=settings.reporting.value.retention.survey_answer_days)
    # The change is shown only from a response still kept: an expired one's scores must
    # not live on, copied into the next response for another retention period.
    previous = person.latest if person.latest and person.latest.submitted_at + retention > ctx.now else None
    sealed_value = {
        "answers": dict(draft.submitted.answers),
        "screening": draft.submitted.screening,
        "previous": dict(previous.value["scores"]) if previous else None,
    }
    sealed = person.key.seal(sealed_value, _record(ctx, RESPONSE_RECORD, response_id))
    summary = {**sealed_value, "scores": _score_map(draft.scores), "request": draft.token.payload_digest}
    expected = person.expected_version
    expires_at = ctx.now + retention
    new_state = PersonSurveyState(
        wrapped_key=person.wrapped,
        version=1 if expected is None else expected + 1,
        latest_response_id=response_id,
        latest_submitted_at=ctx.now,
        sealed_latest=person.key.seal(summary, _record(ctx, LATEST_RECORD, response_id)),
        latest_request=draft.token.key,
        # The key must outlive every response it sealed, also when retention was shortened
        # since an earlier response: never earlier than it was.
        expires_at=max(expires_at, person.state.expires_at)
        if person.state and person.state.expires_at
        else expires_at,
    )
    stored = StoredSurveyResponse(response_id, ctx.now, sealed, expires_at)
    uow.surveys.stage_response(ctx.tenant_id, ctx.principal.user_id, stored, new_state, expected)
    length = settings.survey.value.survey.period_length
    cell = CounterCell(length, period_of(ctx.now, length).id, _counter_group(ctx, settings))
    uow.surveys.stage_count(ctx.tenant_id, cell, CellCounts.one(draft.scores))
    uow.audit.stage(
        ctx.audit_event("survey.response_submitted", "survey_response", response_id, stored.expires_at)
    )
    return _scored(response_id, ctx.now, sealed_value)[0]


def my_response(
    ctx: CallContext, response_id: str, ports: SurveyPorts
) -> tuple[ScoredResponse, SurveyScores]:
    """One of my responses. Only my own partition is read, so anyone else's id (whoever
    asks: a coordinator, the HR director, an admin) is simply not found."""
    with ports.uow() as uow:
        state = uow.surveys.person(ctx.tenant_id, ctx.principal.user_id)
        stored = uow.surveys.response(ctx.tenant_id, ctx.principal.user_id, response_id, ctx.now)
        if state is None or stored is None:
            raise NotFound("Survey response not found.")
        key = ports.keys.open_key(ctx.tenant_id, ctx.principal.user_id, state.wrapped_key)
        opened = _opened(ctx, key, stored)
        uow.audit.stage(
            ctx.audit_event("survey.results_read", "survey", ctx.principal.user_id, stored.expires_at)
        )
        uow.commit()
    return opened


def response_again(ctx: CallContext, response_id: str, ports: SurveyPorts) -> SubmittedResponse:
    """A repeated request's answer: the idempotency record keeps only the response's id
    (never a score), so the result is opened again from the person's own response."""
    response, scores = my_response(ctx, response_id, ports)
    return SubmittedResponse(response, _recommended(ctx, ports.settings_of(ctx.tenant_id), scores, ports))


def my_responses(
    ctx: CallContext, limit: int, cursor: str | None, cursors: CursorCodec, ports: SurveyPorts
) -> ResponsePage:
    """My history, newest first, each with its change from the one before it."""
    binding = cursor_binding(ctx.tenant_id, ctx.principal.user_id, "survey-responses")
    after = cursors.decode(cursor, binding) if cursor else None
    with ports.uow() as uow:
        state = uow.surveys.person(ctx.tenant_id, ctx.principal.user_id)
        if state is None:
            return ResponsePage([], None)
        page = uow.surveys.responses_of(
            ctx.tenant_id, ctx.principal.user_id, PageRequest(limit, after), ctx.now
        )
        if not page.items:
            return ResponsePage([], None)
        key = ports.keys.open_key(ctx.tenant_id, ctx.principal.user_id, state.wrapped_key)
        items = [_opened(ctx, key, stored)[0] for stored in page.items]
        uow.audit.stage(
            ctx.audit_event("survey.results_read", "survey", ctx.principal.user_id, page.items[0].expires_at)
        )
        uow.commit()
    next_cursor = cursors.encode(page.next_position, binding) if page.next_position else None
    # History shows scores and change; the screening answer stays out of it (a shared screen).
    return ResponsePage([_without_screening(i) for i in items], next_cursor)


def _opened(
    ctx: CallContext, key: PersonSurveyKey, stored: StoredSurveyResponse
) -> tuple[ScoredResponse, SurveyScores]:
    value = key.open(stored.sealed, _record(ctx, RESPONSE_RECORD, stored.response_id))
    return _scored(stored.response_id, stored.submitted_at, value)


def _without_screening(response: ScoredResponse) -> ScoredResponse:
    return ScoredResponse(
        response.response_id, response.submitted_at, response.dimensions, response.occupational_health, False
    )


@dataclass(frozen=True)
class LatestRecommendations:
    based_on: ScoredResponse | None
    items: list[Recommendation]


def latest_recommendations(ctx: CallContext, ports: SurveyPorts) -> LatestRecommendations:
    """Services suggested from my latest response, each with the result it answers."""
    settings = ports.settings_of(ctx.tenant_id)
    retention = timedelta(days=settings.reporting.value.retention.survey_answer_days)
    with ports.uow() as uow:
        state = uow.surveys.person(ctx.tenant_id, ctx.principal.user_id)
        if (
            state is None
            or state.latest_submitted_at is None
            or state.latest_submitted_at + retention <= ctx.now
        ):
            return LatestRecommendations(None, [])
        key = ports.keys.open_key(ctx.tenant_id, ctx.principal.user_id, state.wrapped_key)
        latest = _open_latest(ctx, state, key)
        if latest is None:
            return LatestRecommendations(None, [])
        response, scores = _scored(latest.response_id, latest.submitted_at, latest.value)
        uow.audit.stage(
            ctx.audit_event(
                "survey.results_read", "survey", ctx.principal.user_id, latest.submitted_at + retention
            )
        )
        uow.commit()
    return LatestRecommendations(_without_screening(response), _recommended(ctx, settings, scores, ports))
