"""Request and response models of the service tray routes (api.md, Service tray). Requests
refuse unknown fields; a service's own fields are the domain's `ServiceDetails`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from workwell.domain.identifiers import Slug
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.principal import Principal
from workwell.domain.tray.order import Feedback, Order, OrderAction, OrderStatus
from workwell.domain.tray.service import (
    SERVICE_ID_PATTERN,
    Reason,
    ServiceDetails,
    ServiceId,
    ServiceStatus,
    StoredService,
)
from workwell.domain.tray.tray_access import OrderPart, ServiceOrderCounts, manages, order_parts
from workwell.domain.versioned import ExpectedVersion, Versioned

TRAY_ID_PATTERN = SERVICE_ID_PATTERN
SearchText = Annotated[str, StringConstraints(min_length=1, max_length=100)]

# ------------------------------------------------------------------ requests


class CreateServiceRequest(ServiceDetails):
    # A coordinator's service is a draft unless published at once; a peer proposal always waits.
    publish: bool = False

    def details(self) -> ServiceDetails:
        return ServiceDetails.model_validate(self.model_dump(exclude={"publish"}))


class UpdateServiceRequest(CamelModel):
    expected_version: ExpectedVersion
    # Either the service's new fields (coordinators, the peer provider) or a coordinator's
    # move, never both: each is one transaction.
    details: ServiceDetails | None = None
    status: Literal["draft", "published", "archived"] | None = None


class DecisionRequest(CamelModel):
    decision: Literal["approve", "reject"]
    expected_version: ExpectedVersion
    # Required when rejecting; shown to the proposer and the coordinators only.
    reason: Reason | None = None


class PlaceOrderRequest(CamelModel):
    service_id: ServiceId
    # A supervisor's order for a unit they supervise; absent: for myself.
    for_unit: Slug | None = None


class OrderTransitionRequest(CamelModel):
    action: OrderAction
    expected_version: ExpectedVersion


class FeedbackRequest(CamelModel):
    rating: int = Field(ge=1, le=5, strict=True)
    comment: Annotated[str, StringConstraints(max_length=2000)] | None = None
    expected_version: ExpectedVersion

    def feedback(self) -> Feedback:
        return Feedback.model_validate({"rating": self.rating, "comment": self.comment})


# ------------------------------------------------------------------ responses


class OrderCountsView(CamelModel):
    """Orders by status. For a confidential service the coordinator's catalogue shows the
    counts suppressed with the tenant's minimum group size: null where a number is hidden."""

    requested: int | None
    accepted: int | None
    completed: int | None
    declined: int | None
    cancelled: int | None
    total: int | None
    suppressed: bool

    @classmethod
    def of(cls, counts: ServiceOrderCounts) -> OrderCountsView:
        shown = dict(counts.counts)
        return cls(
            requested=shown["requested"],
            accepted=shown["accepted"],
            completed=shown["completed"],
            declined=shown["declined"],
            cancelled=shown["cancelled"],
            total=counts.total,
            suppressed=counts.confidential,
        )


class ServiceView(CamelModel):
    service_id: str
    # The owner tenant (another member of a tenant group, for a shared service).
    tenant_id: str
    status: ServiceStatus
    details: ServiceDetails
    proposed_by: str | None
    # A peer service's provider by name (the proposer offered themselves), to all who see it.
    provider_name: str | None
    # A rejected proposal's reason: to its proposer and the owner's coordinators only.
    rejection_reason: str | None
    created_at: datetime
    updated_at: datetime
    # The version an edit or decision sends as `expectedVersion`.
    version: int
    # Orders by status: to the owner's coordinators only; a confidential service's only in
    # the catalogue view, suppressed there.
    counts: OrderCountsView | None
    # Whether every place is taken (a service with a capacity), for everyone who sees it;
    # null for a confidential service: with its capacity it would tell how many ordered.
    full: bool | None
    # Places left, for ordinary services only: for a confidential one it would count who
    # went to the psychologist.
    places_left: int | None

    @classmethod
    def of(
        cls, stored: StoredService, viewer: Principal, counts: ServiceOrderCounts | None = None
    ) -> ServiceView:
        service = stored.service
        manager = manages(viewer, service)
        proposer = viewer.tenant_id == service.tenant_id and viewer.user_id == service.proposed_by
        if counts is None and manager and not service.confidential:
            counts = ServiceOrderCounts(
                service.service_id, False, stored.counts.as_dict(), sum(stored.counts.as_dict().values())
            )
        capacity = service.details.capacity
        left = None if capacity is None else max(capacity - stored.counts.places_taken, 0)
        return cls(
            service_id=service.service_id,
            tenant_id=service.tenant_id,
            status=service.status,
            details=service.details,
            proposed_by=service.proposed_by if manager or proposer else None,
            provider_name=service.peer_provider_name,
            rejection_reason=service.rejection_reason if manager or proposer else None,
            created_at=service.created_at,
            updated_at=service.updated_at,
            version=stored.version,
            counts=OrderCountsView.of(counts) if counts is not None and manager else None,
            full=None if service.confidential else left == 0,
            places_left=None if service.confidential else left,
        )


class ServiceListResponse(CamelModel):
    items: list[ServiceView]
    next_cursor: str | None


class FeedbackView(CamelModel):
    rating: int
    comment: str | None


class OrderView(CamelModel):
    order_id: str
    service_id: str
    # The service's owner tenant, where the order is kept.
    tenant_id: str
    orderer_tenant_id: str
    orderer_id: str
    # The orderer's name and email from their sign-in, for the handler to get in touch: to
    # the orderer and the handler only.
    orderer_name: str | None
    orderer_email: str | None
    # The service's title when it was ordered.
    service_title: dict[str, str] | None
    for_unit: str | None
    status: OrderStatus
    confidential: bool
    created_at: datetime
    updated_at: datetime
    # What the caller is to the order.
    parts: list[OrderPart]
    # To the orderer and the handler (provider or coordinator) only.
    feedback: FeedbackView | None
    # The version a transition or feedback sends as `expectedVersion`.
    version: int

    @classmethod
    def of(cls, stored: Versioned[Order], viewer: Principal) -> OrderView:
        order = stored.value
        parts = order_parts(viewer, order)
        # The two sides of an order: its feedback, and who ordered by name and address (for
        # the handler to get in touch); overseers see the order, not them.
        in_touch = bool(parts & {OrderPart.ORDERER, OrderPart.HANDLER})
        feedback = order.feedback if in_touch else None
        return cls(
            order_id=order.order_id,
            service_id=order.service_id,
            tenant_id=order.tenant_id,
            orderer_tenant_id=order.orderer_tenant_id,
            orderer_id=order.orderer_id,
            orderer_name=order.orderer_name if in_touch else None,
            orderer_email=order.orderer_email if in_touch else None,
            service_title=dict(order.service_title) if order.service_title else None,
            for_unit=order.for_unit,
            status=order.status,
            confidential=order.confidential,
            created_at=order.created_at,
            updated_at=order.updated_at,
            parts=sorted(parts),
            feedback=FeedbackView(rating=feedback.rating, comment=feedback.comment) if feedback else None,
            version=stored.version,
        )


class OrderListResponse(CamelModel):
    items: list[OrderView]
    next_cursor: str | None
