"""Who a service tray notice is for, and which one it is, decided at send time from the
service or order as it is now: a proposal that was decided or withdrawn meanwhile, or an
order whose other side changed, tells nobody what is no longer true.

The notice says what happened (a proposal waits, was approved or rejected; an order arrived,
was accepted, declined, completed or cancelled) and nothing else: never a service's title
(a confidential service's title alone could say something about its orderer), never a
person's name, never a rejection's reason. The reference is the service's or order's id."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.tray.order import Order, OrderStatus
from workwell.domain.tray.service import Service, ServiceStatus, SignInAddress


class TrayNotice(StrEnum):
    # To the tenant's wellbeing coordinators (also counted in their weekday digest).
    PROPOSAL_WAITING = "proposalWaiting"
    # To the proposer.
    PROPOSAL_APPROVED = "proposalApproved"
    PROPOSAL_REJECTED = "proposalRejected"
    # To the provider, or for an organisation-provided service the owner's coordinators.
    ORDER_ARRIVED = "orderArrived"
    # To the orderer.
    ORDER_ACCEPTED = "orderAccepted"
    ORDER_DECLINED = "orderDeclined"
    ORDER_COMPLETED = "orderCompleted"
    # To the provider (or the owner's coordinators, as for an arrival).
    ORDER_CANCELLED = "orderCancelled"

    @property
    def about_order(self) -> bool:
        return self.value.startswith("order")


@dataclass(frozen=True)
class TrayAudience:
    """A notice for named people of one tenant, or (`coordinators`) for that tenant's
    wellbeing coordinators as they are now. A named person is reached at their staff
    directory address, else at the one they signed in with when they acted (`addresses`)."""

    notice: TrayNotice
    tenant_id: str
    user_ids: tuple[str, ...] = ()
    coordinators: bool = False
    addresses: tuple[tuple[str, SignInAddress], ...] = ()

    def sign_in_address(self, user_id: str) -> SignInAddress | None:
        return dict(self.addresses).get(user_id)


def _named(notice: TrayNotice, tenant_id: str, user_id: str, address: SignInAddress | None) -> TrayAudience:
    return TrayAudience(notice, tenant_id, (user_id,), addresses=((user_id, address),) if address else ())


_ORDERER_NOTICES = {
    OrderStatus.ACCEPTED: TrayNotice.ORDER_ACCEPTED,
    OrderStatus.DECLINED: TrayNotice.ORDER_DECLINED,
    OrderStatus.COMPLETED: TrayNotice.ORDER_COMPLETED,
}


def _decision_notice(service: Service) -> TrayNotice | None:
    if service.status is ServiceStatus.PUBLISHED:
        return TrayNotice.PROPOSAL_APPROVED
    if service.status is ServiceStatus.ARCHIVED and service.rejection_reason is not None:
        return TrayNotice.PROPOSAL_REJECTED
    # Proposed again, or moved on by a coordinator since: nothing to announce.
    return None


def proposal_audience(message: OutboxMessage, service: Service) -> TrayAudience | None:
    """The coordinators while a proposal waits; the proposer once it is decided."""
    if service.tenant_id != message.tenant_id:
        return None
    if message.kind is OutboxKind.PROPOSAL_SUBMITTED:
        if service.status is not ServiceStatus.PENDING_APPROVAL:
            return None
        return TrayAudience(TrayNotice.PROPOSAL_WAITING, service.tenant_id, coordinators=True)
    notice = _decision_notice(service)
    if (
        message.kind is not OutboxKind.PROPOSAL_DECIDED
        or notice is None
        or message.recipient_id is None
        or message.recipient_id != service.proposed_by
    ):
        return None
    return _named(notice, service.tenant_id, message.recipient_id, service.proposer_address)


def _handlers(notice: TrayNotice, message: OutboxMessage, order: Order) -> TrayAudience | None:
    """The provider named by the message while still the order's, or, for an organisation's
    order, the owner's coordinators."""
    if message.tenant_id != order.tenant_id:
        return None
    if order.provider_id is None:
        return TrayAudience(notice, order.tenant_id, coordinators=True)
    if message.recipient_id != order.provider_id:
        return None
    return _named(notice, order.tenant_id, order.provider_id, order.provider_address)


def order_audience(message: OutboxMessage, order: Order) -> TrayAudience | None:
    if message.kind is OutboxKind.ORDER_PLACED:
        return _handlers(TrayNotice.ORDER_ARRIVED, message, order)
    if message.kind is not OutboxKind.ORDER_CHANGED:
        return None
    if order.status is OrderStatus.CANCELLED:
        return _handlers(TrayNotice.ORDER_CANCELLED, message, order)
    notice = _ORDERER_NOTICES.get(order.status)
    if (
        notice is None
        or message.tenant_id != order.orderer_tenant_id
        or message.recipient_id != order.orderer_id
    ):
        return None
    return _named(notice, order.orderer_tenant_id, order.orderer_id, order.orderer_address)
