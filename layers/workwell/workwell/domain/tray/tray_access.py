"""Who sees and does what on the tray (security.md, "Who may see what"): one module decides.

- **Services.** A published service is seen by the employees of its owner tenant, and, if
  shared with a tenant group, by those of the group's member tenants; never by anyone
  else (another tenant gets the 404 of a missing id). Its audience narrows that to
  employee groups. The owner's coordinators see every service of their tenant in any
  status; a provider and a proposer see their own.
- **Orders of ordinary services**: the orderer; the provider; the coordinators and tenant
  admins of the service's owner and of the orderer's tenant; the orderer's unit
  supervisors (the unit ordered for, or the orderer's own).
- **Orders of confidential services**: the orderer and the provider, nobody else. The
  coordinator sees counts per service, suppressed with the tenant's minimum group size
  (`domain/small_numbers.py`), never who.
- **Rollout**: browsing, reading and ordering need the tray open for the caller's
  employee group (`TraySettings`), else `not_available_for_group` (403)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workwell.domain.errors import NotAvailableForGroup
from workwell.domain.small_numbers import suppress_table
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.roles import Role
from workwell.domain.tenants.tenant_settings import TraySettings
from workwell.domain.tray.order import Order
from workwell.domain.tray.service import OrderCounts, Service, ServiceStatus

TRAY_MANAGERS = frozenset({Role.WELLBEING_COORDINATOR})
NOT_OPEN = "The service tray is not yet available for your group."


def require_tray_open(tray: TraySettings, principal: Principal) -> None:
    group = principal.identity.group
    if group is None or group not in tray.rollout.open_groups:
        raise NotAvailableForGroup(NOT_OPEN)


@dataclass(frozen=True)
class TrayViewer:
    """A signed-in person with the tenant groups their tenant belongs to."""

    principal: Principal
    tenant_groups: tuple[str, ...]

    @property
    def tenant_id(self) -> str:
        return self.principal.tenant_id

    @property
    def manages_tray(self) -> bool:
        return bool(self.principal.roles & TRAY_MANAGERS)


def in_scope(viewer: TrayViewer, service: Service) -> bool:
    """The owner's people, or a member tenant's if shared with a group it belongs to."""
    if service.tenant_id == viewer.tenant_id:
        return True
    group = service.details.shared_with_group
    return group is not None and group in viewer.tenant_groups


def offered_to(viewer: TrayViewer, service: Service) -> bool:
    """Published, in scope and offered to the viewer's employee group."""
    if service.status is not ServiceStatus.PUBLISHED or not in_scope(viewer, service):
        return False
    audience = service.details.audience_groups
    return audience is None or viewer.principal.identity.group in audience


def manages(principal: Principal, service: Service) -> bool:
    """The owner tenant's coordinators."""
    return principal.tenant_id == service.tenant_id and bool(principal.roles & TRAY_MANAGERS)


def is_own(principal: Principal, service: Service) -> bool:
    """The provider (a person) or the proposer, of the owner tenant."""
    if principal.tenant_id != service.tenant_id:
        return False
    return principal.user_id in {service.provider_id, service.proposed_by}


def may_see_service(viewer: TrayViewer, service: Service) -> bool:
    return (
        offered_to(viewer, service) or manages(viewer.principal, service) or is_own(viewer.principal, service)
    )


def may_edit_service(principal: Principal, service: Service) -> bool:
    """Coordinators edit their tenant's services; a peer provider edits their proposal."""
    if manages(principal, service):
        return True
    return (
        service.proposed_by is not None
        and principal.tenant_id == service.tenant_id
        and (principal.user_id == service.proposed_by)
    )


class OrderPart(StrEnum):
    ORDERER = "orderer"
    # Accepts, declines and completes.
    HANDLER = "handler"
    # Sees the order (ordinary services only).
    OVERSEER = "overseer"


def order_parts(principal: Principal, order: Order) -> frozenset[OrderPart]:
    parts: set[OrderPart] = set()
    if principal.tenant_id == order.orderer_tenant_id and principal.user_id == order.orderer_id:
        parts.add(OrderPart.ORDERER)
    if principal.tenant_id == order.tenant_id and order.provider_id == principal.user_id:
        parts.add(OrderPart.HANDLER)
    if order.confidential:
        return frozenset(parts)
    if principal.tenant_id == order.tenant_id and Role.WELLBEING_COORDINATOR in principal.roles:
        # An ordinary service's coordinator handles what has no person as provider.
        parts.add(OrderPart.HANDLER if order.provider_id is None else OrderPart.OVERSEER)
    if principal.tenant_id in (order.tenant_id, order.orderer_tenant_id) and (
        principal.roles & {Role.WELLBEING_COORDINATOR, Role.TENANT_ADMIN}
    ):
        parts.add(OrderPart.OVERSEER)
    unit = order.for_unit or order.orderer_unit
    if (
        principal.tenant_id == order.orderer_tenant_id
        and unit in principal.supervised_units
        and (Role.SUPERVISOR in principal.roles)
    ):
        parts.add(OrderPart.OVERSEER)
    return frozenset(parts)


def may_see_order(principal: Principal, order: Order) -> bool:
    return bool(order_parts(principal, order))


@dataclass(frozen=True)
class ServiceOrderCounts:
    service_id: str
    confidential: bool
    # Per status; None where suppressed.
    counts: Mapping[str, int | None]
    total: int | None


COUNTED_STATUSES = ("requested", "accepted", "completed", "declined", "cancelled")


def coordinator_counts(
    services: Sequence[tuple[Service, OrderCounts]], minimum_group_size: int
) -> list[ServiceOrderCounts]:
    """Exact counts for ordinary services; for confidential ones a table suppressed with
    the tenant's minimum (rows: services, columns: statuses), so that no small number,
    nor one recoverable from the published totals, is shown."""
    ordinary = [
        ServiceOrderCounts(s.service_id, False, counts.as_dict(), sum(counts.as_dict().values()))
        for s, counts in services
        if not s.confidential
    ]
    confidential = [(s, counts) for s, counts in services if s.confidential]
    if not confidential:
        return ordinary
    rows = [s.service_id for s, _ in confidential]
    table = suppress_table(
        {(s.service_id, status): n for s, counts in confidential for status, n in counts.as_dict().items()},
        rows,
        COUNTED_STATUSES,
        minimum_group_size,
    )
    hidden = [
        ServiceOrderCounts(
            row,
            True,
            {status: table.cells[(row, status)] for status in COUNTED_STATUSES},
            table.row_totals[row],
        )
        for row in rows
    ]
    return ordinary + hidden
