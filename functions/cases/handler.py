"""Cases function: the handler's inbox, the case file, workflow transitions, events,
messages to the reporter, handover, the audit trail and statistics. The composition root:
it reads settings, builds adapters and hands them to the use cases."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from workwell.adapters.signed_cursor import MAX_CURSOR_LENGTH, LazyCursorCodec
from workwell.api.call_contexts import call_context_for, principal_for, refresh_roles_after_conflict
from workwell.api.documented_responses import Access, documented
from workwell.api.observability import traced, tracing_enabled
from workwell.api.resolver_setup import configure_resolver, created, request_body_gate
from workwell.api.schemas.cases import (
    AssignmentRequest,
    AuditTrailResponse,
    CaseChangedResponse,
    CaseDetailResponse,
    CaseEventRequest,
    CaseListResponse,
    CaseStatisticsResponse,
    EventRecordedResponse,
    HandlerMessageRequest,
    TransitionRequest,
)
from workwell.api.schemas.reports import REPORT_ID_PATTERN, TYPE_KEY_PATTERN, MessageSentResponse
from workwell.bootstrap import Bootstrap
from workwell.config import CasesSettings
from workwell.domain.cases.case_access import may_view_case
from workwell.domain.errors import RolesChanged
from workwell.lazy_modules import lazy_module
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases import case_inbox
from workwell.service_layer.cases.case_access_check import viewer_of
from workwell.service_layer.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

if TYPE_CHECKING:
    from workwell.api import idempotency
    from workwell.service_layer.cases import case_file, case_statistics, case_work
    from workwell.service_layer.creation_token import CreationToken
else:
    # Loaded when a route first uses them: the main route (GET /cases) never does.
    idempotency = lazy_module("workwell.api.idempotency")
    case_file = lazy_module("workwell.service_layer.cases.case_file")
    case_statistics = lazy_module("workwell.service_layer.cases.case_statistics")
    case_work = lazy_module("workwell.service_layer.cases.case_work")

logger = Logger()
metrics = Metrics()
copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})

# The composition root: every port built from the settings on first use, then kept for the
# life of the container (workwell.bootstrap). Tests may fill ports with fakes before that.
bootstrap = Bootstrap(lambda: CasesSettings.from_environment(os.environ))

app = APIGatewayRestResolver(enable_validation=True)
configure_resolver(app)
refresh_roles_after_conflict(app, lambda: bootstrap.staff_lookup)

T = TypeVar("T")
CASE_ID = Annotated[str, Path(pattern=REPORT_ID_PATTERN)]
LIMIT = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
CURSOR = Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH)]
STATE = Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
TYPE = Annotated[str | None, Query(pattern=TYPE_KEY_PATTERN)]


def call_context(*, fresh_roles: bool = False) -> CallContext:
    """`fresh_roles` for lists that show which cases exist (and so commit nothing a staff
    condition could stop): the caller's roles are read from the directory, not the cache."""
    lookup = bootstrap.staff_lookup.read_through if fresh_roles else bootstrap.staff_lookup
    return call_context_for(app, principal_for(app, lookup, logger), bootstrap.clock.now())


def read_as_caller(read: Callable[[CallContext], T]) -> T:
    """A read stopped because the caller's cached roles were out of date (RolesChanged) runs
    once more with the roles as the directory has them now: a name corrected meanwhile costs
    one more read, a revoked role still sees nothing."""
    try:
        return read(call_context())
    except RolesChanged:
        return read(call_context(fresh_roles=True))


def created_once(
    ctx: CallContext, case_id: str, body: BaseModel, create: Callable[[CreationToken], Any]
) -> Response[Any]:
    """A creating route on a case, once per Idempotency-Key; repeats get the first answer."""
    payload = {"caseId": case_id, **body.model_dump(mode="json")}
    answer, _ = idempotency.run_once(
        app,
        bootstrap.idempotent,
        tenant_id=ctx.tenant_id,
        caller=ctx.principal.user_id,
        payload=payload,
        create=create,
    )
    return created(answer)


@app.get("/cases", **documented(Access.ROLE_GATED, paged=True, finds=True))
def get_cases(  # noqa: PLR0917 (one parameter per query string field)
    limit: LIMIT = DEFAULT_PAGE_SIZE,
    cursor: CURSOR = None,
    closed: Annotated[bool, Query()] = False,
    status: STATE = None,
    type: TYPE = None,
    overdue: Annotated[bool, Query()] = False,
    mine: Annotated[bool, Query()] = False,
) -> CaseListResponse:
    ctx = call_context(fresh_roles=True)
    wanted = case_inbox.InboxFilter(
        closed=closed, status=status, type_key=type, overdue_only=overdue, assigned_to_me=mine
    )
    inbox = case_inbox.case_inbox(
        ctx,
        wanted,
        bootstrap.uow(),
        limit=limit,
        cursor=cursor,
        cursors=LazyCursorCodec(lambda: bootstrap.cursors),
        blinding=bootstrap.blinding,
    )
    return CaseListResponse.of(inbox, ctx.principal.identity.language, ctx.now)


@app.get("/cases/<caseId>", **documented(Access.SIGNED_IN, finds=True))
def get_case(caseId: CASE_ID) -> CaseDetailResponse:  # noqa: N803 (path name)
    def read(ctx: CallContext) -> CaseDetailResponse:
        file = case_file.open_case(
            ctx, caseId, bootstrap.uow(), bootstrap.cipher, blinding=bootstrap.blinding
        )
        return CaseDetailResponse.of_file(file, ctx.principal.identity.language, ctx.now)

    return read_as_caller(read)


@app.post(
    "/cases/<caseId>/transitions", **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True)
)
def post_transition(caseId: CASE_ID, body: TransitionRequest) -> CaseChangedResponse:  # noqa: N803
    ctx = call_context()
    moved = case_work.transition_case(
        ctx, caseId, body.transition(), bootstrap.uow(), bootstrap.cipher, blinding=bootstrap.blinding
    )
    metrics.add_metric(name="CaseTransition", unit=MetricUnit.Count, value=1)
    return CaseChangedResponse(
        case_id=caseId, status=moved.value.status, assignee_id=moved.value.assignee_id, version=moved.version
    )


@app.post(
    "/cases/<caseId>/events", **documented(Access.ROLE_GATED, finds=True, conflicts=True, idempotency_key=1)
)
def post_event(caseId: CASE_ID, body: CaseEventRequest) -> Response[EventRecordedResponse]:  # noqa: N803
    ctx = call_context()

    def record(_: CreationToken) -> EventRecordedResponse:
        event, version = case_work.record_event(
            ctx,
            caseId,
            body.kind,
            body.details(),
            bootstrap.uow(),
            cipher=bootstrap.cipher,
            blinding=bootstrap.blinding,
        )
        return EventRecordedResponse(event_id=event.event_id, at=event.at, version=version)

    return created_once(ctx, caseId, body, record)


@app.post(
    "/cases/<caseId>/messages", **documented(Access.ROLE_GATED, finds=True, conflicts=True, idempotency_key=1)
)
def post_message(caseId: CASE_ID, body: HandlerMessageRequest) -> Response[MessageSentResponse]:  # noqa: N803
    ctx = call_context()

    def send(_: CreationToken) -> MessageSentResponse:
        message = case_work.message_reporter(
            ctx, caseId, body.body, bootstrap.uow(), bootstrap.cipher, blinding=bootstrap.blinding
        )
        return MessageSentResponse(message_id=message.message_id, sent_at=message.sent_at)

    return created_once(ctx, caseId, body, send)


@app.post(
    "/cases/<caseId>/assignment", **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True)
)
def post_assignment(caseId: CASE_ID, body: AssignmentRequest) -> CaseChangedResponse:  # noqa: N803
    ctx = call_context()
    moved = case_work.hand_over(
        ctx, caseId, body.handler_id, body.expected_version, bootstrap.uow(), blinding=bootstrap.blinding
    )
    still = may_view_case(viewer_of(ctx.principal, bootstrap.blinding), moved.value.access_facts())
    return CaseChangedResponse(
        case_id=caseId,
        status=moved.value.status,
        assignee_id=moved.value.assignee_id,
        version=moved.version,
        still_visible=still,
    )


@app.get("/cases/<caseId>/audit", **documented(Access.SIGNED_IN, paged=True, finds=True))
def get_case_audit(
    caseId: CASE_ID,  # noqa: N803 (path name)
    limit: LIMIT = DEFAULT_PAGE_SIZE,
    cursor: CURSOR = None,
) -> AuditTrailResponse:
    trail = read_as_caller(
        lambda ctx: case_file.case_audit_trail(
            ctx,
            caseId,
            bootstrap.uow(),
            limit=limit,
            cursor=cursor,
            cursors=LazyCursorCodec(lambda: bootstrap.cursors),
            blinding=bootstrap.blinding,
        )
    )
    return AuditTrailResponse.of(trail)


@app.get("/stats/cases", **documented(Access.ROLE_GATED, inputs=False, finds=True))
def get_case_statistics() -> CaseStatisticsResponse:
    stats = case_statistics.case_statistics(
        call_context(fresh_roles=True), bootstrap.uow(), blinding=bootstrap.blinding
    )
    return CaseStatisticsResponse.of(stats)


@cold_start.after_first_answer
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
@traced(enabled=tracing_enabled(os.environ))
@metrics.log_metrics
@request_body_gate(max_bytes=32 * 1024)
def lambda_handler(event: dict[str, object], context: LambdaContext) -> dict[str, object]:
    return app.resolve(event, context)
