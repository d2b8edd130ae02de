"""Reports function: report types, handler choice, submission (signed in and anonymous) and
the reporter's follow-up. The composition root: it reads settings, builds adapters and hands
them to the use cases."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from workwell.adapters.signed_cursor import MAX_CURSOR_LENGTH, LazyCursorCodec
from workwell.api.call_contexts import call_context_for, principal_for, public_context_for
from workwell.api.documented_responses import Access, documented
from workwell.api.observability import traced, tracing_enabled
from workwell.api.resolver_setup import configure_resolver, created, request_body_gate
from workwell.api.schemas.reports import (
    REPORT_ID_PATTERN,
    TYPE_KEY_PATTERN,
    AnonymousReportAnswer,
    AnonymousReportResponse,
    FollowUpMessageRequest,
    FollowUpRequest,
    FollowUpResponse,
    HandlersResponse,
    MessageSentResponse,
    MyReportsResponse,
    ReportDetailResponse,
    ReporterMessageRequest,
    ReportSummaryView,
    ReportTypesResponse,
    SubmitReportRequest,
    SubmittedReportResponse,
)
from workwell.bootstrap import Bootstrap
from workwell.config import ReportsSettings
from workwell.domain.identifiers import SLUG_PATTERN
from workwell.domain.reports.report_codes import receipt_digest
from workwell.lazy_modules import lazy_module
from workwell.service_layer.call_context import ANONYMOUS_ACTOR, CallContext, PublicCallContext
from workwell.service_layer.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from workwell.service_layer.reports import report_intake

if TYPE_CHECKING:
    from workwell.api import idempotency
    from workwell.service_layer.creation_token import CreationToken
    from workwell.service_layer.reports import report_submission, reporter_follow_up
else:
    # Loaded when a route first uses them: the main route (GET /report-types) never does.
    idempotency = lazy_module("workwell.api.idempotency")
    report_submission = lazy_module("workwell.service_layer.reports.report_submission")
    reporter_follow_up = lazy_module("workwell.service_layer.reports.reporter_follow_up")

logger = Logger()
metrics = Metrics()
copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})

# The composition root: every port built from the settings on first use, then kept for the
# life of the container (workwell.bootstrap). Tests may fill ports with fakes before that.
bootstrap = Bootstrap(lambda: ReportsSettings.from_environment(os.environ))

app = APIGatewayRestResolver(enable_validation=True)
configure_resolver(app)

TENANT = Annotated[str, Path(pattern=SLUG_PATTERN)]
TYPE_KEY = Annotated[str, Path(pattern=TYPE_KEY_PATTERN)]
REPORT_ID = Annotated[str, Path(pattern=REPORT_ID_PATTERN)]
UNIT = Annotated[str | None, Query(pattern=SLUG_PATTERN)]
LANG = Annotated[str | None, Query(pattern=r"^(fi|sv|en)$")]
LIMIT = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
CURSOR = Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH)]
# Every anonymous reporter of a tenant shares one idempotency scope: keys must be long
# enough that nobody stumbles on someone else's.
ANONYMOUS_KEY_MIN_LENGTH = 16


def call_context() -> CallContext:
    return call_context_for(app, principal_for(app, bootstrap.staff_lookup, logger), bootstrap.clock.now())


def public_context(tenant: str) -> PublicCallContext:
    return public_context_for(app, tenant, bootstrap.clock.now(), logger)


def once(
    ctx: CallContext | PublicCallContext,
    caller: str,
    payload: Any,
    create: Callable[[CreationToken], Any],
    min_key: int = 1,
) -> tuple[dict[str, Any], CreationToken]:
    return idempotency.run_once(
        app,
        bootstrap.idempotent,
        tenant_id=ctx.tenant_id,
        caller=caller,
        payload=payload,
        create=create,
        min_key=min_key,
    )


# ------------------------------------------------------------------ signed in


@app.get("/report-types", **documented(Access.SIGNED_IN, finds=True))
def get_report_types(lang: LANG = None) -> ReportTypesResponse:
    ctx = call_context()
    catalogue = report_intake.report_types_for(ctx.tenant_id, bootstrap.uow(), anonymous=False)
    return ReportTypesResponse.of(catalogue, lang or ctx.principal.identity.language)


@app.get("/report-types/<type>/handlers", **documented(Access.SIGNED_IN, finds=True))
def get_report_type_handlers(type: TYPE_KEY, unit: UNIT = None) -> HandlersResponse:
    ctx = call_context()
    choice = report_intake.handler_choice(
        ctx.tenant_id, type, unit, ctx.principal.identity.unit, bootstrap.uow(), anonymous=False
    )
    return HandlersResponse.of(choice)


@app.post("/reports", **documented(Access.SIGNED_IN, finds=True, conflicts=True, idempotency_key=1))
def post_report(body: SubmitReportRequest) -> Response[SubmittedReportResponse]:
    ctx = call_context()

    def submit(token: CreationToken) -> SubmittedReportResponse:
        submitted = report_submission.submit_report(
            ctx, body.draft(), token, bootstrap.uow(), bootstrap.cipher, blinding=bootstrap.blinding
        )
        metrics.add_metric(name="ReportSubmitted", unit=MetricUnit.Count, value=1)
        return SubmittedReportResponse.of(submitted)

    return created(once(ctx, ctx.principal.user_id, body.model_dump(mode="json"), submit)[0])


@app.get("/reports/mine", **documented(Access.SIGNED_IN, paged=True))
def get_my_reports(limit: LIMIT = DEFAULT_PAGE_SIZE, cursor: CURSOR = None) -> MyReportsResponse:
    ctx = call_context()
    page = reporter_follow_up.my_reports(
        ctx, limit, cursor, LazyCursorCodec(lambda: bootstrap.cursors), bootstrap.uow()
    )
    return MyReportsResponse(
        items=[ReportSummaryView.of(r) for r in page.items], next_cursor=page.next_cursor
    )


@app.get("/reports/<reportId>", **documented(Access.SIGNED_IN, finds=True))
def get_my_report(reportId: REPORT_ID) -> ReportDetailResponse:  # noqa: N803 (path name)
    view = reporter_follow_up.my_report(call_context(), reportId, bootstrap.uow(), bootstrap.cipher)
    return ReportDetailResponse.of_view(view)


@app.post(
    "/reports/<reportId>/messages",
    **documented(Access.SIGNED_IN, finds=True, conflicts=True, idempotency_key=1),
)
def post_my_report_message(
    reportId: REPORT_ID,  # noqa: N803 (path name)
    body: ReporterMessageRequest,
) -> Response[MessageSentResponse]:
    ctx = call_context()

    def send(_: CreationToken) -> MessageSentResponse:
        message = reporter_follow_up.post_reporter_message(
            ctx, reportId, body.body, bootstrap.uow(), bootstrap.cipher
        )
        return MessageSentResponse(message_id=message.message_id, sent_at=message.sent_at)

    payload = {"reportId": reportId, **body.model_dump(mode="json")}
    return created(once(ctx, ctx.principal.user_id, payload, send)[0])


# ------------------------------------------------------------------ anonymous


@app.get("/public/<tenant>/report-types", **documented(Access.PUBLIC, finds=True))
def get_public_report_types(tenant: TENANT, lang: LANG = None) -> ReportTypesResponse:
    ctx = public_context(tenant)
    catalogue = report_intake.report_types_for(ctx.tenant_id, bootstrap.uow(), anonymous=True)
    return ReportTypesResponse.of(catalogue, lang)


@app.get("/public/<tenant>/report-types/<type>/handlers", **documented(Access.PUBLIC, finds=True))
def get_public_report_type_handlers(
    tenant: TENANT,
    type: TYPE_KEY,
    unit: UNIT = None,
) -> HandlersResponse:
    ctx = public_context(tenant)
    choice = report_intake.handler_choice(ctx.tenant_id, type, unit, None, bootstrap.uow(), anonymous=True)
    return HandlersResponse.of(choice)


@app.post(
    "/public/<tenant>/reports",
    **documented(Access.PUBLIC, finds=True, conflicts=True, idempotency_key=ANONYMOUS_KEY_MIN_LENGTH),
)
def post_public_report(tenant: TENANT, body: SubmitReportRequest) -> Response[AnonymousReportResponse]:
    ctx = public_context(tenant)

    receipts: list[str] = []

    def submit(token: CreationToken) -> AnonymousReportAnswer:
        submitted = report_submission.submit_report(
            ctx, body.draft(), token, bootstrap.uow(), bootstrap.cipher, blinding=bootstrap.blinding
        )
        metrics.add_metric(name="AnonymousReportSubmitted", unit=MetricUnit.Count, value=1)
        receipts.extend([submitted.receipt] if submitted.receipt else [])
        return AnonymousReportAnswer.of(submitted)

    stored, token = once(ctx, ANONYMOUS_ACTOR, body.model_dump(mode="json"), submit, ANONYMOUS_KEY_MIN_LENGTH)
    answer = AnonymousReportAnswer.model_validate(stored)
    # The request that made the report has its receipt in hand; a repeat opens the sealed
    # one, which opens only for this same request.
    receipt = receipts[0] if receipts else None
    if receipt is None:
        receipt = report_submission.open_receipt(
            ctx.tenant_id, answer.reference, token, answer.sealed_receipt, bootstrap.cipher
        )
    return created(AnonymousReportResponse.of(answer, receipt))


@app.post("/public/<tenant>/follow-up", **documented(Access.PUBLIC, body=True, finds=True))
def post_public_follow_up(tenant: TENANT, body: FollowUpRequest) -> FollowUpResponse:
    ctx = public_context(tenant)
    view = reporter_follow_up.follow_up(ctx, body.receipt, bootstrap.uow(), bootstrap.cipher)
    return FollowUpResponse.of(view)


@app.post(
    "/public/<tenant>/follow-up/messages",
    **documented(Access.PUBLIC, finds=True, conflicts=True, idempotency_key=ANONYMOUS_KEY_MIN_LENGTH),
)
def post_public_follow_up_message(
    tenant: TENANT, body: FollowUpMessageRequest
) -> Response[MessageSentResponse]:
    ctx = public_context(tenant)

    def send(_: CreationToken) -> MessageSentResponse:
        message = reporter_follow_up.post_follow_up_message(
            ctx, body.receipt, body.body, bootstrap.uow(), bootstrap.cipher
        )
        return MessageSentResponse(message_id=message.message_id, sent_at=message.sent_at)

    # Scoped to the receipt's digest: one receipt holder's keys never meet another's.
    caller = f"{ANONYMOUS_ACTOR}:{receipt_digest(ctx.tenant_id, body.receipt)}"
    return created(once(ctx, caller, {"body": body.body}, send, ANONYMOUS_KEY_MIN_LENGTH)[0])


@cold_start.after_first_answer
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
@traced(enabled=tracing_enabled(os.environ))
@metrics.log_metrics
@request_body_gate(max_bytes=64 * 1024)
def lambda_handler(event: dict[str, object], context: LambdaContext) -> dict[str, object]:
    return app.resolve(event, context)
