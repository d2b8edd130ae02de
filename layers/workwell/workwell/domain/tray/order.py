"""An order of a tray service: requested → accepted | declined → completed; the orderer may
cancel until it is completed; after completion the orderer may leave feedback once.

An order is kept with its service's owner (the provider handles it there) and names the
orderer's tenant, which may be another member of the service's tenant group. It copies
from the service what its access rules depend on (confidential, the provider), as they
were when it was placed: a service made confidential later does not open its earlier
orders to anyone, nor close them to their provider."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from workwell.domain.errors import InvalidTransition
from workwell.domain.identifiers import Slug, UserId
from workwell.domain.localised_text import Language
from workwell.domain.model_base import CamelModel
from workwell.domain.tray.service import ServiceId, SignInAddress, Title


class OrderStatus(StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class OrderAction(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    COMPLETE = "complete"
    CANCEL = "cancel"


# Who takes an action: the handler (the provider, or for an ordinary service the owner's
# coordinator) or the orderer.
HANDLER_ACTIONS = frozenset({OrderAction.ACCEPT, OrderAction.DECLINE, OrderAction.COMPLETE})
ORDERER_ACTIONS = frozenset({OrderAction.CANCEL})

TRANSITIONS: dict[tuple[OrderStatus, OrderAction], OrderStatus] = {
    (OrderStatus.REQUESTED, OrderAction.ACCEPT): OrderStatus.ACCEPTED,
    (OrderStatus.REQUESTED, OrderAction.DECLINE): OrderStatus.DECLINED,
    (OrderStatus.REQUESTED, OrderAction.CANCEL): OrderStatus.CANCELLED,
    (OrderStatus.ACCEPTED, OrderAction.COMPLETE): OrderStatus.COMPLETED,
    (OrderStatus.ACCEPTED, OrderAction.CANCEL): OrderStatus.CANCELLED,
}
_DONE = {
    OrderAction.ACCEPT: "accepted",
    OrderAction.DECLINE: "declined",
    OrderAction.COMPLETE: "completed",
    OrderAction.CANCEL: "cancelled",
}
# Orders in these states hold a place of the service's capacity.
HOLDS_A_PLACE = frozenset({OrderStatus.REQUESTED, OrderStatus.ACCEPTED, OrderStatus.COMPLETED})

Comment = Annotated[str, StringConstraints(max_length=2000)]


class Feedback(CamelModel):
    rating: int = Field(ge=1, le=5, strict=True)
    comment: Comment | None = None


class Order(CamelModel):
    order_id: ServiceId
    service_id: ServiceId
    # The service's owner, where the order is kept.
    tenant_id: Slug
    orderer_tenant_id: Slug
    orderer_id: UserId
    # A supervisor's order for a unit they supervise; None: for the orderer themselves.
    for_unit: Slug | None = None
    # The orderer's own unit when ordering (what their supervisors' view goes by).
    orderer_unit: Slug | None = None
    status: OrderStatus = OrderStatus.REQUESTED
    confidential: bool
    provider_id: UserId | None
    # The service's title when ordered, so an order can be listed without its service.
    service_title: dict[Language, Title] | None = None
    # Who ordered, as the identity provider named them, for the provider to get in touch.
    orderer_name: str | None = None
    orderer_email: str | None = None
    # Where the tray's notices reach the orderer, and a peer provider (copied from their
    # proposal), when they are not in the staff directory.
    orderer_address: SignInAddress | None = None
    provider_address: SignInAddress | None = None
    created_at: datetime
    updated_at: datetime
    feedback: Feedback | None = None

    def after(self, action: OrderAction, at: datetime) -> Order:
        to = TRANSITIONS.get((self.status, action))
        if to is None:
            raise InvalidTransition(f"A {self.status.value} order cannot be {_DONE[action]}.")
        return self.model_copy(update={"status": to, "updated_at": at})

    def with_feedback(self, feedback: Feedback, at: datetime) -> Order:
        if self.status is not OrderStatus.COMPLETED:
            raise InvalidTransition("Feedback can be given once the service has been completed.")
        if self.feedback is not None:
            raise InvalidTransition("Feedback has already been given for this order.")
        return self.model_copy(update={"feedback": feedback, "updated_at": at})
