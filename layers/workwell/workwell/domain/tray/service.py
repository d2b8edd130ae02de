"""A service on the tray (product.md, Service tray): what it is, who provides it, to whom
and where it is offered, and where it stands (draft, waiting for approval, published,
archived).

A service belongs to the tenant that created it (`tenant_id`); its scope is that tenant
alone or a tenant group the owner belongs to (`shared_with_group`): then every member
tenant's employees may see and order it, and nobody else ever does. Service ids carry the
owner (`<tenant>.<32 hex>`), so a member tenant's request names the one item to read and
no lookup table is needed; the owner in the id is checked against the stored item.

What changes often (orders taking places) is counted on the stored item outside this
model (`OrderCounts`), so an order never makes a coordinator's edit stale, and an edit
never touches the count."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from workwell.domain.errors import InvalidInput, InvalidTransition
from workwell.domain.identifiers import SLUG_PATTERN, Slug, UserId
from workwell.domain.localised_text import Language
from workwell.domain.model_base import CamelModel
from workwell.domain.tray.search_text import search_index


class Category(StrEnum):
    COMPETENCE = "competence"
    COMMUNITY = "community"
    MENTAL = "mental"
    PHYSICAL = "physical"
    WORK_ABILITY = "work_ability"


class Kind(StrEnum):
    EXISTING = "existing"
    NEW = "new"
    # Offered by an employee to colleagues (a proposal a coordinator approves).
    PEER = "peer"


class ServiceStatus(StrEnum):
    DRAFT = "draft"
    PENDING_APPROVAL = "pending_approval"
    PUBLISHED = "published"
    ARCHIVED = "archived"


# A rejected proposal is archived with its reason; an archived service can be taken back
# to draft and published again; a published one can be withdrawn to draft for changes.
ALLOWED_STATUS_CHANGES: dict[ServiceStatus, frozenset[ServiceStatus]] = {
    ServiceStatus.DRAFT: frozenset({ServiceStatus.PUBLISHED, ServiceStatus.ARCHIVED}),
    ServiceStatus.PENDING_APPROVAL: frozenset({ServiceStatus.PUBLISHED, ServiceStatus.ARCHIVED}),
    ServiceStatus.PUBLISHED: frozenset({ServiceStatus.DRAFT, ServiceStatus.ARCHIVED}),
    ServiceStatus.ARCHIVED: frozenset({ServiceStatus.DRAFT}),
}

Title = Annotated[str, StringConstraints(min_length=3, max_length=120)]
Description = Annotated[str, StringConstraints(min_length=10, max_length=4000)]
ShortField = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
MAX_SESSIONS = 50
MAX_CAPACITY = 10_000

SERVICE_ID_PATTERN = SLUG_PATTERN.removesuffix("$") + r"\.[0-9a-f]{32}$"
_SERVICE_ID = re.compile(SERVICE_ID_PATTERN)
ServiceId = Annotated[str, StringConstraints(pattern=SERVICE_ID_PATTERN)]


def new_tray_id(owner_tenant: str) -> str:
    """`<owner tenant>.<32 hex>`: services and orders are kept in their owner's partition."""
    return f"{owner_tenant}.{uuid.uuid4().hex}"


def owner_of(tray_id: str) -> str | None:
    """The owner tenant an id names, or None if it is no tray id at all."""
    if _SERVICE_ID.fullmatch(tray_id) is None:
        return None
    return tray_id.split(".", 1)[0]


class Provider(CamelModel):
    """A person (a staff member, or the employee offering a peer service) or an
    organisation such as occupational health; exactly one of the two."""

    user_id: UserId | None = None
    organisation: ShortField | None = None

    @model_validator(mode="after")
    def _one_of_two(self) -> Provider:
        if (self.user_id is None) == (self.organisation is None):
            raise ValueError("give either userId or organisation")
        return self


class Session(CamelModel):
    starts_at: datetime
    ends_at: datetime | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Session:
        if self.starts_at.tzinfo is None or (self.ends_at is not None and self.ends_at.tzinfo is None):
            raise ValueError("times must carry a time zone")
        if self.ends_at is not None and self.ends_at <= self.starts_at:
            raise ValueError("endsAt must be after startsAt")
        return self


class ServiceDetails(CamelModel):
    """What a coordinator (or a peer provider) writes about a service."""

    title: dict[Language, Title] = Field(min_length=1)
    description: dict[Language, Description] = Field(min_length=1)
    category: Category
    kind: Kind
    provider: Provider
    # None: everyone in scope; else the employee groups it is offered to.
    audience_groups: tuple[Slug, ...] | None = Field(default=None, min_length=1, max_length=100)
    format: Literal["in_person", "online", "hybrid"]
    place: ShortField | None = None
    sessions: tuple[Session, ...] = Field(default=(), max_length=MAX_SESSIONS)
    on_request: bool = False
    # None: no limit on the places taken.
    capacity: int | None = Field(default=None, ge=1, le=MAX_CAPACITY)
    contact: ShortField | None = None
    # Orders seen only by the orderer and the provider; the coordinator sees counts only.
    confidential: bool = False
    # None: the owner tenant only; else a tenant group the owner belongs to.
    shared_with_group: Slug | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ServiceDetails:
        if set(self.title) != set(self.description):
            raise ValueError("title and description must be given in the same languages")
        if self.on_request == bool(self.sessions):
            raise ValueError("give either sessions or onRequest, not both and not neither")
        if self.format != "online" and self.place is None:
            raise ValueError("place is required unless the service is online")
        if self.audience_groups is not None and len(set(self.audience_groups)) != len(self.audience_groups):
            raise ValueError("audienceGroups must not repeat an entry")
        if self.confidential and self.provider.user_id is None:
            # Only the provider may see a confidential service's orders: that must be a
            # person who signs in, not an organisation's name.
            raise ValueError("a confidential service needs a person as its provider")
        return self

    def search_index(self) -> str:
        return search_index([*self.title.values(), *self.description.values()])


class SignInAddress(CamelModel):
    """The address and language a person signed in with, kept on what they did (proposed a
    service, ordered one) so that the tray's notices reach people who are not in the staff
    directory: most employees are not."""

    email: str
    language: str


class Service(CamelModel):
    service_id: ServiceId
    tenant_id: Slug
    details: ServiceDetails
    status: ServiceStatus
    created_by: UserId
    created_at: datetime
    updated_at: datetime
    # A peer proposal's proposer (told of the decision); None for a coordinator's service.
    proposed_by: UserId | None = None
    # Where the proposer (the peer provider) is told of the decision and of orders.
    proposer_address: SignInAddress | None = None
    # The proposer's name as the identity provider gave it: a peer service's provider, shown
    # to the colleagues it is offered to (they offered themselves) and to the coordinators.
    proposer_name: str | None = None
    rejection_reason: Reason | None = None

    @model_validator(mode="after")
    def _owned(self) -> Service:
        if owner_of(self.service_id) != self.tenant_id:
            raise ValueError("a service id names its owner tenant")
        return self

    @property
    def provider_id(self) -> str | None:
        return self.details.provider.user_id

    @property
    def peer_provider_name(self) -> str | None:
        """The name of a peer service's provider, its proposer."""
        if self.proposed_by is None or self.provider_id != self.proposed_by:
            return None
        return self.proposer_name

    @property
    def confidential(self) -> bool:
        return self.details.confidential

    def moved_to(self, status: ServiceStatus, at: datetime) -> Service:
        if status not in ALLOWED_STATUS_CHANGES[self.status]:
            raise InvalidTransition(f"A {self.status.value} service cannot become {status.value}.")
        return self.model_copy(update={"status": status, "updated_at": at})

    def with_details(self, details: ServiceDetails, at: datetime) -> Service:
        if details.kind != self.details.kind and Kind.PEER in (details.kind, self.details.kind):
            raise InvalidInput.at(("body", "kind"), "a peer service stays a peer service")
        if self.proposed_by is not None and details.provider.user_id != self.proposed_by:
            raise InvalidInput.at(("body", "provider"), "a peer service is provided by its proposer")
        return self.model_copy(update={"details": details, "updated_at": at})


@dataclass(frozen=True)
class OrderCounts:
    """Orders of a service by status, counted on the service's item by the transactions
    that place and move orders. `places_taken` is what capacity limits: every order that
    was neither declined nor cancelled (a completed order keeps its place)."""

    requested: int = 0
    accepted: int = 0
    completed: int = 0
    declined: int = 0
    cancelled: int = 0

    @property
    def places_taken(self) -> int:
        return self.requested + self.accepted + self.completed

    def as_dict(self) -> dict[str, int]:
        return {
            "requested": self.requested,
            "accepted": self.accepted,
            "completed": self.completed,
            "declined": self.declined,
            "cancelled": self.cancelled,
        }


@dataclass(frozen=True)
class StoredService:
    service: Service
    version: int
    counts: OrderCounts = OrderCounts()

    @property
    def has_room(self) -> bool:
        capacity = self.service.details.capacity
        return capacity is None or self.counts.places_taken < capacity
