"""Catalogue function: the service tray (api.md, Service tray): browsing and reading
services, creating and proposing them, editing and deciding them, ordering, my orders, the
orders to handle, their transitions and feedback. The composition root: it reads settings,
builds adapters and hands them to the use cases."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import os
from typing import TYPE_CHECKING, Annotated, Any, Literal

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
from workwell.api.schemas.catalogue import (
    TRAY_ID_PATTERN,
    CreateServiceRequest,
    DecisionRequest,
    FeedbackRequest,
    OrderListResponse,
    OrderTransitionRequest,
    OrderView,
    PlaceOrderRequest,
    SearchText,
    ServiceListResponse,
    ServiceView,
    UpdateServiceRequest,
)
from workwell.bootstrap import Bootstrap
from workwell.config import CatalogueSettings
from workwell.domain.errors import InvalidInput
from workwell.domain.tray.service import Category, Kind, ServiceStatus
from workwell.lazy_modules import lazy_module
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from workwell.service_layer.tray import catalogue

if TYPE_CHECKING:
    from workwell.api import idempotency
    from workwell.service_layer.creation_token import CreationToken
    from workwell.service_layer.tray import orders
else:
    # Loaded when a route first uses them: browsing the catalogue never does.
    idempotency = lazy_module("workwell.api.idempotency")
    orders = lazy_module("workwell.service_layer.tray.orders")

logger = Logger()
metrics = Metrics()
copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})

# The composition root: every port built from the settings on first use, then kept for the
# life of the container (workwell.bootstrap). Tests may fill ports with fakes before that.
bootstrap = Bootstrap(lambda: CatalogueSettings.from_environment(os.environ))

app = APIGatewayRestResolver(enable_validation=True)
configure_resolver(app)

TRAY_ID = Annotated[str, Path(pattern=TRAY_ID_PATTERN)]
LIMIT = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
CURSOR = Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH)]
CATEGORY = Annotated[Category | None, Query()]
KIND = Annotated[Kind | None, Query()]
TEXT = Annotated[SearchText | None, Query()]
# Whose incoming orders: mine as a provider, or (coordinators) the organisation's.
HANDLER = Annotated[Literal["me", "organisation"], Query()]
# Which services: those offered to me (searchable, paged), the coordinator's whole
# catalogue of the tenant (with order counts), or those I provide or proposed.
VIEW = Annotated[Literal["offered", "catalogue", "mine"], Query()]
STATUS = Annotated[ServiceStatus | None, Query()]


def call_context() -> CallContext:
    return call_context_for(app, principal_for(app, bootstrap.staff_lookup, logger), bootstrap.clock.now())


def once(ctx: CallContext, payload: Any, create: Any) -> dict[str, Any]:
    answer, _ = idempotency.run_once(
        app,
        bootstrap.idempotent,
        tenant_id=ctx.tenant_id,
        caller=ctx.principal.user_id,
        payload=payload,
        create=create,
    )
    return answer


def cursors() -> LazyCursorCodec:
    return LazyCursorCodec(lambda: bootstrap.cursors)


# ------------------------------------------------------------------ services


@app.get("/services", **documented(Access.SIGNED_IN, paged=True, rollout=True))
def get_services(
    *,
    view: VIEW = "offered",
    status: STATUS = None,
    category: CATEGORY = None,
    kind: KIND = None,
    q: TEXT = None,
    limit: LIMIT = DEFAULT_PAGE_SIZE,
    cursor: CURSOR = None,
) -> ServiceListResponse:
    """`view=offered` (the default): published services offered to me, filtered and paged.
    `view=catalogue` (coordinators, whatever the rollout): every service of my tenant, or
    those in one `status`, newest change first, with order counts. `view=mine`: what I
    provide or proposed, in any status. The last two come whole, as one page."""
    ctx = call_context()
    if view != "offered":
        return _whole_catalogue(
            ctx, view, status, {"category": category, "kind": kind, "q": q, "cursor": cursor}
        )
    if status is not None:
        raise InvalidInput.at(("query", "status"), "only with view=catalogue")
    page = catalogue.browse_services(
        ctx,
        catalogue.ServiceFilters(category=category, kind=kind, text=q),
        limit=limit,
        cursor=cursor,
        cursors=cursors(),
        uow=bootstrap.uow(),
        scopes=bootstrap.tray_scopes,
    )
    return ServiceListResponse(
        items=[ServiceView.of(s, ctx.principal) for s in page.items], next_cursor=page.next_cursor
    )


def _whole_catalogue(
    ctx: CallContext, view: str, status: ServiceStatus | None, offered_only: dict[str, object]
) -> ServiceListResponse:
    for name, value in offered_only.items():
        if value is not None:
            raise InvalidInput.at(("query", name), "only with view=offered")
    if view == "mine":
        if status is not None:
            raise InvalidInput.at(("query", "status"), "only with view=catalogue")
        return ServiceListResponse(
            items=[ServiceView.of(s, ctx.principal) for s in catalogue.my_services(ctx, bootstrap.uow())],
            next_cursor=None,
        )
    managed = catalogue.tenant_catalogue(ctx, bootstrap.uow(), status)
    return ServiceListResponse(
        items=[ServiceView.of(s, ctx.principal, counts) for s, counts in managed], next_cursor=None
    )


@app.get("/services/<serviceId>", **documented(Access.SIGNED_IN, finds=True, rollout=True))
def get_service(serviceId: TRAY_ID) -> ServiceView:  # noqa: N803 (path name)
    ctx = call_context()
    return ServiceView.of(
        catalogue.get_service(ctx.principal, serviceId, bootstrap.uow(), bootstrap.tray_scopes), ctx.principal
    )


@app.post(
    "/services", **documented(Access.ROLE_GATED, finds=True, conflicts=True, idempotency_key=1, rollout=True)
)
def post_service(body: CreateServiceRequest) -> Response[ServiceView]:
    """Coordinators create services (a draft, or published at once); any other employee to
    whom the tray is open proposes a peer service they provide themselves."""
    ctx = call_context()

    def create(_: CreationToken) -> ServiceView:
        details = body.details()
        if catalogue.manages_any(ctx.principal):
            stored = catalogue.create_service(ctx, details, bootstrap.uow(), publish=body.publish)
        else:
            if body.publish:
                raise InvalidInput.at(("body", "publish"), "a proposal waits for a coordinator's approval")
            stored = catalogue.propose_service(ctx, details, bootstrap.uow(), bootstrap.tray_scopes)
            metrics.add_metric(name="PeerServiceProposed", unit=MetricUnit.Count, value=1)
        return ServiceView.of(stored, ctx.principal)

    return created(once(ctx, body.model_dump(mode="json"), create))


@app.patch(
    "/services/<serviceId>",
    **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True),
)
def patch_service(serviceId: TRAY_ID, body: UpdateServiceRequest) -> ServiceView:  # noqa: N803
    ctx = call_context()
    # One change, one transaction: an edit and a move together could leave half of it done.
    if (body.details is None) == (body.status is None):
        raise InvalidInput.at(("body",), "give either details or status, not both")
    if body.details is not None:
        stored = catalogue.update_service(
            ctx, serviceId, body.details, body.expected_version, bootstrap.uow()
        )
    else:
        status = ServiceStatus(body.status)
        stored = catalogue.change_service_status(
            ctx, serviceId, status, body.expected_version, bootstrap.uow()
        )
    return ServiceView.of(stored, ctx.principal)


@app.post(
    "/services/<serviceId>/decision",
    **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True),
)
def post_decision(serviceId: TRAY_ID, body: DecisionRequest) -> ServiceView:  # noqa: N803
    ctx = call_context()
    decision = catalogue.ProposalDecision(approve=body.decision == "approve", reason=body.reason)
    stored = catalogue.decide_proposal(ctx, serviceId, decision, body.expected_version, bootstrap.uow())
    return ServiceView.of(stored, ctx.principal)


# ------------------------------------------------------------------ orders


@app.post(
    "/orders",
    **documented(
        Access.SIGNED_IN, finds=True, conflicts=True, idempotency_key=1, rollout=True, capacity=True
    ),
)
def post_order(body: PlaceOrderRequest) -> Response[OrderView]:
    ctx = call_context()

    def place(token: CreationToken) -> OrderView:
        draft = orders.OrderDraft(service_id=body.service_id, for_unit=body.for_unit)
        placed = orders.place_order(ctx, draft, token, bootstrap.uow(), bootstrap.tray_scopes)
        metrics.add_metric(name="TrayOrderPlaced", unit=MetricUnit.Count, value=1)
        return OrderView.of(placed, ctx.principal)

    return created(once(ctx, body.model_dump(mode="json"), place))


@app.get("/orders/mine", **documented(Access.SIGNED_IN, paged=True))
def get_my_orders(limit: LIMIT = DEFAULT_PAGE_SIZE, cursor: CURSOR = None) -> OrderListResponse:
    ctx = call_context()
    page = orders.my_orders(ctx, limit, cursor, cursors(), bootstrap.uow())
    return OrderListResponse(
        items=[OrderView.of(o, ctx.principal) for o in page.items], next_cursor=page.next_cursor
    )


@app.get("/orders/incoming", **documented(Access.ROLE_GATED, paged=True))
def get_incoming_orders(
    handler: HANDLER = "me", limit: LIMIT = DEFAULT_PAGE_SIZE, cursor: CURSOR = None
) -> OrderListResponse:
    ctx = call_context()
    page = orders.incoming_orders(
        ctx, limit, cursor, cursors(), bootstrap.uow(), as_coordinator=handler == "organisation"
    )
    return OrderListResponse(
        items=[OrderView.of(o, ctx.principal) for o in page.items], next_cursor=page.next_cursor
    )


@app.get("/orders/<orderId>", **documented(Access.SIGNED_IN, finds=True))
def get_order(orderId: TRAY_ID) -> OrderView:  # noqa: N803 (path name)
    """One order, to those it concerns (the order's `parts`): the link in a tray email."""
    ctx = call_context()
    return OrderView.of(orders.get_order(ctx, orderId, bootstrap.uow()), ctx.principal)


@app.post(
    "/orders/<orderId>/transitions",
    **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True),
)
def post_order_transition(orderId: TRAY_ID, body: OrderTransitionRequest) -> OrderView:  # noqa: N803
    ctx = call_context()
    moved = orders.act_on_order(ctx, orderId, body.action, body.expected_version, bootstrap.uow())
    return OrderView.of(moved, ctx.principal)


@app.post(
    "/orders/<orderId>/feedback",
    **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True),
)
def post_order_feedback(orderId: TRAY_ID, body: FeedbackRequest) -> OrderView:  # noqa: N803
    ctx = call_context()
    rated = orders.give_feedback(ctx, orderId, body.feedback(), body.expected_version, bootstrap.uow())
    return OrderView.of(rated, ctx.principal)


@cold_start.after_first_answer
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
@traced(enabled=tracing_enabled(os.environ))
@metrics.log_metrics
@request_body_gate(max_bytes=64 * 1024)
def lambda_handler(event: dict[str, object], context: LambdaContext) -> dict[str, object]:
    return app.resolve(event, context)
