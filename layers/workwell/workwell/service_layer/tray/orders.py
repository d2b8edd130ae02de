"""Orders: placing one (idempotent; capacity never oversold), the provider's accept,
decline and complete, the orderer's cancel and feedback, and the lists of my orders and
of orders to handle.

**Capacity.** Placing an order is one transaction: the order, its request record, the
audit event, the notice, and an update of the service's counts conditional on the
service being published and on `places_taken < capacity` (stored as plain numbers on the
service item). The store checks and counts atomically, so under any concurrency at most
`capacity` orders hold a place; a decline or a cancel gives the place back in its own
transaction (the order's version condition makes each happen once).

**Exactly once.** Like a report submission (`report_submission.py`), the transaction also
writes a record keyed by the request's creation token: a repeat whose commit fails finds
the order the request already made, instead of taking a second place or being told the
service is full."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from workwell.domain.errors import (
    CapacityFull,
    Conflict,
    Forbidden,
    IdempotencyConflict,
    InvalidInput,
    NotFound,
)
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.staff.roles import Role
from workwell.domain.tray.order import (
    HANDLER_ACTIONS,
    ORDERER_ACTIONS,
    Feedback,
    Order,
    OrderAction,
)
from workwell.domain.tray.service import ServiceStatus, new_tray_id, owner_of
from workwell.domain.tray.tray_access import OrderPart, may_see_order, offered_to, order_parts
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.creation_token import CreationToken
from workwell.service_layer.pagination import CursorCodec, PageRequest, cursor_binding
from workwell.service_layer.tray.catalogue import (
    SERVICE_NOT_FOUND,
    open_tray,
    scopes_or_fresh,
    sign_in_address,
    tray_viewer,
)
from workwell.service_layer.tray.tray_scope import TrayScopes
from workwell.service_layer.unit_of_work import ORGANISATION_HANDLER, OrderRequestRecord, UnitOfWork

ORDER_NOT_FOUND = "Order not found."
# Longer than the idempotency window (24 h), as for report submissions.
ORDER_REQUEST_LIFETIME = timedelta(hours=25)
FULL = "Every place of this service is taken."


@dataclass(frozen=True)
class OrderDraft:
    service_id: str
    # A supervisor's order for a unit they supervise; None: for myself.
    for_unit: str | None = None


def place_order(
    ctx: CallContext,
    draft: OrderDraft,
    token: CreationToken,
    uow: UnitOfWork,
    scopes: TrayScopes | None = None,
) -> Versioned[Order]:
    try:
        return _place(ctx, draft, token, uow, scopes_or_fresh(scopes, uow))
    except (Conflict, NotFound, InvalidInput) as refused:
        earlier = _earlier_order(ctx, token, uow)
        if earlier is not None:
            return earlier
        if isinstance(refused, Conflict) and not isinstance(refused, CapacityFull):
            # The service's item refused the count: find out why, as it is now.
            stored = uow.tray.service(draft.service_id)
            if stored is None or stored.service.status is not ServiceStatus.PUBLISHED:
                raise NotFound(SERVICE_NOT_FOUND) from None
            if not stored.has_room:
                raise CapacityFull(FULL) from None
        raise


def _place(
    ctx: CallContext, draft: OrderDraft, token: CreationToken, uow: UnitOfWork, scopes: TrayScopes
) -> Versioned[Order]:
    principal = ctx.principal
    open_tray(principal, scopes)
    viewer = tray_viewer(principal, scopes)
    stored = uow.tray.service(draft.service_id) if owner_of(draft.service_id) is not None else None
    if stored is None or not offered_to(viewer, stored.service):
        raise NotFound(SERVICE_NOT_FOUND)
    if draft.for_unit is not None and (
        Role.SUPERVISOR not in principal.roles or draft.for_unit not in principal.supervised_units
    ):
        raise InvalidInput.at(("body", "forUnit"), "is not a unit you supervise")
    service = stored.service
    if principal.tenant_id == service.tenant_id and principal.user_id == service.provider_id:
        raise InvalidInput.at(("body", "serviceId"), "is a service you provide yourself")
    if not stored.has_room:
        # Read before the transaction: the transaction's own condition is what counts.
        raise CapacityFull(FULL)
    order = Order(
        order_id=new_tray_id(service.tenant_id),
        service_id=service.service_id,
        tenant_id=service.tenant_id,
        orderer_tenant_id=principal.tenant_id,
        orderer_id=principal.user_id,
        for_unit=draft.for_unit,
        orderer_unit=principal.identity.unit,
        confidential=service.confidential,
        provider_id=service.provider_id,
        service_title=service.details.title,
        orderer_name=principal.identity.name,
        orderer_email=principal.identity.email,
        orderer_address=sign_in_address(principal),
        provider_address=service.proposer_address
        if service.proposed_by is not None and service.proposed_by == service.provider_id
        else None,
        created_at=ctx.now,
        updated_at=ctx.now,
    )
    uow.tray.stage_take_place(service)
    uow.tray.stage_create_order(order)
    uow.tray.stage_order_request(
        principal.tenant_id,
        OrderRequestRecord(token.key, order.order_id, token.payload_digest, ctx.now + ORDER_REQUEST_LIFETIME),
        ctx.now,
    )
    uow.audit.stage(ctx.audit_event("order.placed", "order", order.order_id))
    uow.outbox.stage(
        OutboxMessage(
            service.tenant_id,
            uuid.uuid4().hex,
            OutboxKind.ORDER_PLACED,
            order.order_id,
            ctx.now,
            recipient_id=service.provider_id,
        )
    )
    uow.commit()
    return Versioned(order, 1)


def _earlier_order(ctx: CallContext, token: CreationToken, uow: UnitOfWork) -> Versioned[Order] | None:
    record = uow.tray.order_request(ctx.tenant_id, token.key, ctx.now)
    if record is None:
        return None
    if record.payload_digest != token.payload_digest:
        raise IdempotencyConflict("This Idempotency-Key was used with another request body.")
    return uow.tray.order(record.order_id)


def _visible_order(
    ctx: CallContext, order_id: str, uow: UnitOfWork
) -> tuple[Versioned[Order], frozenset[OrderPart]]:
    stored = uow.tray.order(order_id) if owner_of(order_id) is not None else None
    parts = order_parts(ctx.principal, stored.value) if stored is not None else frozenset()
    if stored is None or not parts:
        raise NotFound(ORDER_NOT_FOUND)
    return stored, parts


def get_order(ctx: CallContext, order_id: str, uow: UnitOfWork) -> Versioned[Order]:
    return _visible_order(ctx, order_id, uow)[0]


def act_on_order(
    ctx: CallContext, order_id: str, action: OrderAction, expected_version: int, uow: UnitOfWork
) -> Versioned[Order]:
    """The handler accepts, declines or completes; the orderer cancels."""
    stored, parts = _visible_order(ctx, order_id, uow)
    needed = OrderPart.HANDLER if action in HANDLER_ACTIONS else OrderPart.ORDERER
    if action not in HANDLER_ACTIONS | ORDERER_ACTIONS or needed not in parts:
        raise Forbidden("You may not take this action on this order.")
    order = stored.value
    moved = order.after(action, ctx.now)
    version = uow.tray.stage_update_order(moved, expected_version)
    uow.tray.stage_move_order(order.service_id, order.status, moved.status)
    uow.audit.stage(ctx.audit_event(f"order.{moved.status.value}", "order", order_id))
    # The other side is told: the orderer of the handler's step, the handler of a cancel.
    notice_tenant, recipient = (
        (order.orderer_tenant_id, order.orderer_id)
        if needed is OrderPart.HANDLER
        else (order.tenant_id, order.provider_id)
    )
    uow.outbox.stage(
        OutboxMessage(notice_tenant, uuid.uuid4().hex, OutboxKind.ORDER_CHANGED, order_id, ctx.now, recipient)
    )
    uow.commit()
    return Versioned(moved, version)


def give_feedback(
    ctx: CallContext, order_id: str, feedback: Feedback, expected_version: int, uow: UnitOfWork
) -> Versioned[Order]:
    stored, parts = _visible_order(ctx, order_id, uow)
    if OrderPart.ORDERER not in parts:
        raise Forbidden("Only the orderer gives feedback.")
    rated = stored.value.with_feedback(feedback, ctx.now)
    version = uow.tray.stage_update_order(rated, expected_version)
    uow.audit.stage(ctx.audit_event("order.feedback_given", "order", order_id))
    uow.commit()
    return Versioned(rated, version)


@dataclass(frozen=True)
class OrderPage:
    items: list[Versioned[Order]]
    next_cursor: str | None


def my_orders(
    ctx: CallContext, limit: int, cursor: str | None, cursors: CursorCodec, uow: UnitOfWork
) -> OrderPage:
    principal = ctx.principal
    binding = cursor_binding(principal.tenant_id, principal.user_id, "orders/mine")
    after = cursors.decode(cursor, binding) if cursor else None
    page = uow.tray.orders_of(principal.tenant_id, principal.user_id, PageRequest(limit, after))
    items = [o for o in page.items if OrderPart.ORDERER in order_parts(principal, o.value)]
    return OrderPage(items, cursors.encode(page.next_position, binding) if page.next_position else None)


def incoming_orders(
    ctx: CallContext,
    limit: int,
    cursor: str | None,
    cursors: CursorCodec,
    uow: UnitOfWork,
    *,
    as_coordinator: bool,
) -> OrderPage:
    """Orders to me as a provider, or (coordinators) to my tenant's organisation-provided
    services; confidential orders only ever reach their provider."""
    principal = ctx.principal
    if as_coordinator and Role.WELLBEING_COORDINATOR not in principal.roles:
        raise Forbidden("Only wellbeing coordinators handle the organisation's orders.")
    handler = ORGANISATION_HANDLER if as_coordinator else principal.user_id
    binding = cursor_binding(principal.tenant_id, principal.user_id, f"orders/incoming\x00{handler}")
    after = cursors.decode(cursor, binding) if cursor else None
    page = uow.tray.orders_handled_by(principal.tenant_id, handler, PageRequest(limit, after))
    items = [o for o in page.items if may_see_order(principal, o.value)]
    return OrderPage(items, cursors.encode(page.next_position, binding) if page.next_position else None)
