"""What the tray's gate needs to know of the caller's tenant: the tray settings part (the
rollout) and the tenant groups of its registry entry (which shared services it sees).

Both change rarely and by other functions (the admin's settings, provisioning), and neither
is conditioned on (a rollout edit never makes an order 409), so a function may read them
through a short per-container cache (`adapters/cached_tray_scope.py`): that is what brings
a list to the two queries of its scopes. The use cases default to reading them afresh."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from workwell.domain.errors import NotFound
from workwell.domain.tenants.tenant_settings import TraySettings
from workwell.service_layer.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class TenantTrayScope:
    tray: TraySettings
    tenant_groups: tuple[str, ...]


class TrayScopes(Protocol):
    def scope_of(self, tenant_id: str) -> TenantTrayScope:
        """The tenant's tray settings and groups; NotFound for a tenant not provisioned."""
        ...


class FreshTrayScopes:
    """Read now, through the use case's unit of work (two requests)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def scope_of(self, tenant_id: str) -> TenantTrayScope:
        return read_tray_scope(tenant_id, self._uow)


def read_tray_scope(tenant_id: str, uow: UnitOfWork) -> TenantTrayScope:
    """Two small items: the tray part alone (the gate needs no other part) and the
    registry entry."""
    stored = uow.settings.tray(tenant_id)
    entry = uow.registry.get(tenant_id)
    if stored is None and entry is None:
        raise NotFound("Tenant not found.")
    # A tray part not yet stored reads as its defaults, as in the whole settings.
    tray = stored.value if stored is not None else TraySettings()
    return TenantTrayScope(tray, tuple(entry.tenant_groups) if entry is not None else ())
