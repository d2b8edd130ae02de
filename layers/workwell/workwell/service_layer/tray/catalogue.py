"""The tray's catalogue: creating and proposing services, editing them with the version
read, deciding proposals, browsing and searching what is offered to me, reading one, and
the coordinator's order counts.

Browsing, reading and proposing need the tray open for the caller's employee group
(`not_available_for_group`); coordinators manage their tenant's catalogue whatever the
rollout. A service outside the caller's scope, or not published and not theirs to manage,
is the 404 of a missing id."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from workwell.domain.errors import Forbidden, InvalidInput, InvalidTransition, NotFound
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.staff.principal import Principal
from workwell.domain.tray.search_text import query_terms
from workwell.domain.tray.service import (
    Category,
    Kind,
    Service,
    ServiceDetails,
    ServiceStatus,
    SignInAddress,
    StoredService,
    new_tray_id,
    owner_of,
)
from workwell.domain.tray.tray_access import (
    TRAY_MANAGERS,
    ServiceOrderCounts,
    TrayViewer,
    coordinator_counts,
    manages,
    may_edit_service,
    may_see_service,
    require_tray_open,
)
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.pagination import CursorCodec, PageRequest, cursor_binding
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.tray.tray_scope import FreshTrayScopes, TrayScopes
from workwell.service_layer.unit_of_work import ServiceQuery, UnitOfWork

SERVICE_NOT_FOUND = "Service not found."


def sign_in_address(principal: Principal) -> SignInAddress | None:
    identity = principal.identity
    return SignInAddress(email=identity.email, language=identity.language) if identity.email else None


def scopes_or_fresh(scopes: TrayScopes | None, uow: UnitOfWork) -> TrayScopes:
    """The function's cached scopes where it passes them, else read now."""
    return scopes if scopes is not None else FreshTrayScopes(uow)


def tray_viewer(principal: Principal, scopes: TrayScopes) -> TrayViewer:
    return TrayViewer(principal, scopes.scope_of(principal.tenant_id).tenant_groups)


def open_tray(principal: Principal, scopes: TrayScopes) -> None:
    """Rollout as read: not conditioned on, so a tray edit never makes an order 409."""
    require_tray_open(scopes.scope_of(principal.tenant_id).tray, principal)


def _require_manager(principal: Principal) -> None:
    if not manages_any(principal):
        raise Forbidden("Only wellbeing coordinators manage the tray.")


def manages_any(principal: Principal) -> bool:
    return bool(principal.roles & TRAY_MANAGERS)


def _check_details(ctx: CallContext, details: ServiceDetails, uow: UnitOfWork, *, peer: bool) -> None:
    tenant_id = ctx.tenant_id
    if details.confidential and details.capacity is not None:
        # Capacity minus places left counts a confidential service's orderers: only a
        # capacity of at least the tenant's minimum group size says nothing smaller.
        minimum = settings_of(tenant_id, uow).organisation.value.minimum_group_size
        if details.capacity < minimum:
            raise InvalidInput.at(
                ("body", "capacity"),
                f"a confidential service has no capacity or one of at least {minimum}",
            )
    group = details.shared_with_group
    if group is not None:
        entry = uow.registry.get(tenant_id)
        if entry is None or group not in entry.tenant_groups:
            raise InvalidInput.at(
                ("body", "sharedWithGroup"), "is not a tenant group this organisation is in"
            )
    if details.audience_groups is not None and group is None:
        known = settings_of(tenant_id, uow).organisation.value.employee_groups
        known_ids = {g.id for g in known}
        for index, audience in enumerate(details.audience_groups):
            if audience not in known_ids:
                raise InvalidInput.at(("body", "audienceGroups", index), "is not an employee group")
    provider = details.provider.user_id
    if peer:
        if details.kind is not Kind.PEER or provider != ctx.principal.user_id:
            raise InvalidInput.at(("body", "provider"), "a peer service is provided by its proposer")
    elif details.kind is Kind.PEER and provider is None:
        raise InvalidInput.at(("body", "provider"), "a peer service is provided by a person")
    elif (
        provider is not None and details.kind is not Kind.PEER and uow.staff.get(tenant_id, provider) is None
    ):
        raise InvalidInput.at(
            ("body", "provider", "userId"), "is not a person in this organisation's staff directory"
        )


def create_service(
    ctx: CallContext, details: ServiceDetails, uow: UnitOfWork, *, publish: bool = False
) -> StoredService:
    """A coordinator's service, as a draft or published at once."""
    _require_manager(ctx.principal)
    _check_details(ctx, details, uow, peer=False)
    service = Service(
        service_id=new_tray_id(ctx.tenant_id),
        tenant_id=ctx.tenant_id,
        details=details,
        status=ServiceStatus.PUBLISHED if publish else ServiceStatus.DRAFT,
        created_by=ctx.principal.user_id,
        created_at=ctx.now,
        updated_at=ctx.now,
    )
    uow.tray.stage_create_service(service)
    uow.audit.stage(ctx.audit_event("service.created", "service", service.service_id))
    uow.commit()
    return StoredService(service, 1)


def propose_service(
    ctx: CallContext, details: ServiceDetails, uow: UnitOfWork, scopes: TrayScopes | None = None
) -> StoredService:
    """Any employee to whom the tray is open offers colleagues a peer service; it waits for
    a coordinator's approval, and the coordinators are told."""
    open_tray(ctx.principal, scopes_or_fresh(scopes, uow))
    _check_details(ctx, details, uow, peer=True)
    service = Service(
        service_id=new_tray_id(ctx.tenant_id),
        tenant_id=ctx.tenant_id,
        details=details,
        status=ServiceStatus.PENDING_APPROVAL,
        created_by=ctx.principal.user_id,
        created_at=ctx.now,
        updated_at=ctx.now,
        proposed_by=ctx.principal.user_id,
        proposer_address=sign_in_address(ctx.principal),
        proposer_name=ctx.principal.identity.name,
    )
    uow.tray.stage_create_service(service)
    uow.audit.stage(ctx.audit_event("service.proposed", "service", service.service_id))
    uow.outbox.stage(
        OutboxMessage(
            ctx.tenant_id, uuid.uuid4().hex, OutboxKind.PROPOSAL_SUBMITTED, service.service_id, ctx.now
        )
    )
    uow.commit()
    return StoredService(service, 1)


def _own_service(principal: Principal, service_id: str, uow: UnitOfWork) -> StoredService:
    """A service of the caller's own tenant, or the 404 of a missing id."""
    if owner_of(service_id) != principal.tenant_id:
        raise NotFound(SERVICE_NOT_FOUND)
    stored = uow.tray.service(service_id)
    if stored is None:
        raise NotFound(SERVICE_NOT_FOUND)
    return stored


def update_service(
    ctx: CallContext, service_id: str, details: ServiceDetails, expected_version: int, uow: UnitOfWork
) -> StoredService:
    """Coordinators edit their tenant's services; a peer provider edits their own proposal
    (a published peer service goes back to waiting for approval)."""
    stored = _own_service(ctx.principal, service_id, uow)
    service = stored.service
    if not may_edit_service(ctx.principal, service):
        raise NotFound(SERVICE_NOT_FOUND)
    manager = manages(ctx.principal, service)
    _check_details(ctx, details, uow, peer=not manager)
    updated = service.with_details(details, ctx.now)
    if not manager and service.status is ServiceStatus.PUBLISHED:
        updated = updated.model_copy(update={"status": ServiceStatus.PENDING_APPROVAL})
    if not manager and service.status is ServiceStatus.ARCHIVED:
        raise InvalidTransition("An archived proposal cannot be changed; propose it again.")
    version = uow.tray.stage_update_service(updated, expected_version)
    uow.audit.stage(ctx.audit_event("service.updated", "service", service_id))
    if (
        updated.status is ServiceStatus.PENDING_APPROVAL
        and service.status is not ServiceStatus.PENDING_APPROVAL
    ):
        uow.outbox.stage(
            OutboxMessage(ctx.tenant_id, uuid.uuid4().hex, OutboxKind.PROPOSAL_SUBMITTED, service_id, ctx.now)
        )
    uow.commit()
    return StoredService(updated, version, stored.counts)


def change_service_status(
    ctx: CallContext, service_id: str, status: ServiceStatus, expected_version: int, uow: UnitOfWork
) -> StoredService:
    """A coordinator publishes, withdraws or archives a service (proposals are decided)."""
    _require_manager(ctx.principal)
    stored = _own_service(ctx.principal, service_id, uow)
    if stored.service.status is ServiceStatus.PENDING_APPROVAL or status is ServiceStatus.PENDING_APPROVAL:
        raise InvalidTransition("A proposal is approved or rejected, not moved.")
    moved = stored.service.moved_to(status, ctx.now)
    version = uow.tray.stage_update_service(moved, expected_version)
    uow.audit.stage(ctx.audit_event(f"service.{status.value}", "service", service_id))
    uow.commit()
    return StoredService(moved, version, stored.counts)


@dataclass(frozen=True)
class ProposalDecision:
    approve: bool
    # Required when rejecting; shown to the proposer and the coordinators only.
    reason: str | None = None


def decide_proposal(
    ctx: CallContext, service_id: str, decision: ProposalDecision, expected_version: int, uow: UnitOfWork
) -> StoredService:
    _require_manager(ctx.principal)
    stored = _own_service(ctx.principal, service_id, uow)
    service = stored.service
    if service.status is not ServiceStatus.PENDING_APPROVAL:
        raise InvalidTransition("Only a proposal waiting for approval can be decided.")
    if decision.approve:
        decided = service.moved_to(ServiceStatus.PUBLISHED, ctx.now).model_copy(
            update={"rejection_reason": None}
        )
    else:
        reason = (decision.reason or "").strip()
        if not reason:
            raise InvalidInput.at(("body", "reason"), "is required when rejecting a proposal")
        decided = service.moved_to(ServiceStatus.ARCHIVED, ctx.now).model_copy(
            update={"rejection_reason": reason}
        )
    # model_copy does not validate: the reason's length is checked here, as stored.
    decided = Service.model_validate(decided.model_dump())
    version = uow.tray.stage_update_service(decided, expected_version)
    action = "service.approved" if decision.approve else "service.rejected"
    uow.audit.stage(ctx.audit_event(action, "service", service_id))
    uow.outbox.stage(
        OutboxMessage(
            ctx.tenant_id,
            uuid.uuid4().hex,
            OutboxKind.PROPOSAL_DECIDED,
            service_id,
            ctx.now,
            recipient_id=service.proposed_by,
        )
    )
    uow.commit()
    return StoredService(decided, version, stored.counts)


def get_service(
    principal: Principal, service_id: str, uow: UnitOfWork, scopes: TrayScopes | None = None
) -> StoredService:
    """One service: published and offered to me, or mine to manage, provide or propose.
    Anything else, another tenant's unshared service above all, is a missing id."""
    scopes = scopes_or_fresh(scopes, uow)
    viewer = tray_viewer(principal, scopes)
    stored = uow.tray.service(service_id) if owner_of(service_id) is not None else None
    if stored is None or not may_see_service(viewer, stored.service):
        raise NotFound(SERVICE_NOT_FOUND)
    # Reading what is offered needs the tray open; one's own services and proposals and
    # the coordinators' catalogue do not.
    own = principal.user_id in {stored.service.provider_id, stored.service.proposed_by}
    if not manages(principal, stored.service) and not own:
        open_tray(principal, scopes)
    return stored


@dataclass(frozen=True)
class ServiceFilters:
    category: Category | None = None
    kind: Kind | None = None
    text: str | None = None

    def describe(self) -> str:
        return f"services\x00{self.category or ''}\x00{self.kind or ''}\x00{self.text or ''}"


@dataclass(frozen=True)
class ServicePage:
    items: list[StoredService]
    next_cursor: str | None


def browse_services(
    ctx: CallContext,
    filters: ServiceFilters,
    *,
    limit: int,
    cursor: str | None,
    cursors: CursorCodec,
    uow: UnitOfWork,
    scopes: TrayScopes | None = None,
) -> ServicePage:
    """Published services offered to me, my tenant's and my tenant groups' together: one
    query per scope, two for a tenant in one group, when `scopes` come from a cache."""
    principal = ctx.principal
    scopes = scopes_or_fresh(scopes, uow)
    open_tray(principal, scopes)
    viewer = tray_viewer(principal, scopes)
    terms = query_terms(filters.text) if filters.text else ()
    if filters.text and not terms:
        raise InvalidInput.at(("query", "q"), "must contain a word")
    binding = cursor_binding(principal.tenant_id, principal.user_id, filters.describe())
    after = cursors.decode(cursor, binding) if cursor else None
    query = ServiceQuery(
        tenant_id=principal.tenant_id,
        tenant_groups=viewer.tenant_groups,
        viewer_group=principal.identity.group,
        category=filters.category,
        kind=filters.kind,
        terms=terms,
    )
    page = uow.tray.browse(query, PageRequest(limit, after))
    # The store filtered by scope, status and audience; the policy has the last word.
    items = [s for s in page.items if may_see_service(viewer, s.service)]
    next_cursor = cursors.encode(page.next_position, binding) if page.next_position else None
    return ServicePage(items, next_cursor)


def tenant_catalogue(
    ctx: CallContext, uow: UnitOfWork, status: ServiceStatus | None = None
) -> list[tuple[StoredService, ServiceOrderCounts]]:
    """The coordinator's view: every service their tenant owns (one query), or those in one
    status (the proposals waiting for approval), newest change first, each with its order
    counts (`order_counts`)."""
    _require_manager(ctx.principal)
    services = uow.tray.services_of(ctx.tenant_id)
    counts = {c.service_id: c for c in _counts_of(ctx, services, uow)}
    chosen = [s for s in services if status is None or s.service.status is status]
    chosen.sort(key=lambda s: (s.service.updated_at, s.service.service_id), reverse=True)
    return [(s, counts[s.service.service_id]) for s in chosen]


def my_services(ctx: CallContext, uow: UnitOfWork) -> list[StoredService]:
    """What I provide or proposed in my tenant, in any status (a peer provider's page)."""
    mine = {ctx.principal.user_id}
    return [
        s
        for s in uow.tray.services_of(ctx.tenant_id)
        if s.service.provider_id in mine or s.service.proposed_by in mine
    ]


def order_counts(ctx: CallContext, uow: UnitOfWork) -> list[ServiceOrderCounts]:
    """Per service of the coordinator's tenant: exact counts for ordinary services,
    suppressed ones for confidential services; never who ordered."""
    _require_manager(ctx.principal)
    return _counts_of(ctx, uow.tray.services_of(ctx.tenant_id), uow)


def _counts_of(
    ctx: CallContext, services: Sequence[StoredService], uow: UnitOfWork
) -> list[ServiceOrderCounts]:
    # Suppressed over the whole catalogue, whatever one view then shows of it.
    minimum = settings_of(ctx.tenant_id, uow).organisation.value.minimum_group_size
    return coordinator_counts([(s.service, s.counts) for s in services], minimum)
