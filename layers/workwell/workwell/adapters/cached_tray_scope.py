"""Per-container cache of each tenant's tray scope (the rollout and the tenant groups), so
browsing and ordering on a warm container do not read them on every request.

Staleness bound: a rollout or tenant-group change made elsewhere (the admin function,
provisioning) takes effect here within `ttl_seconds` (at most 60, as for roles). That is
bounded because neither is conditioned on: the rollout is a gate read as it is. Un-sharing
a service takes effect at once (it is read from the stored service); removing a tenant
from a tenant group (provisioning only) reaches a warm container within `ttl_seconds`.
Whatever a coordinator manages is decided on fresh reads, not on this."""

from __future__ import annotations

import threading
from collections.abc import Callable

from workwell.adapters.clock import Clock
from workwell.service_layer.tray.tray_scope import TenantTrayScope, read_tray_scope
from workwell.service_layer.unit_of_work import UnitOfWork

MAX_SECONDS = 60.0


class CachedTrayScopes:
    def __init__(self, uow: Callable[[], UnitOfWork], clock: Clock, ttl_seconds: float = MAX_SECONDS) -> None:
        if not 0 <= ttl_seconds <= MAX_SECONDS:
            raise ValueError("the tray scope cache may hold entries for at most 60 seconds")
        self._uow, self._clock, self._ttl = uow, clock, ttl_seconds
        self._entries: dict[str, tuple[float, TenantTrayScope]] = {}
        self._lock = threading.Lock()

    def scope_of(self, tenant_id: str) -> TenantTrayScope:
        now = self._clock.monotonic()
        with self._lock:
            cached = self._entries.get(tenant_id)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        # A tenant that is not provisioned raises NotFound here and is not kept.
        scope = read_tray_scope(tenant_id, self._uow())
        with self._lock:
            self._entries[tenant_id] = (now, scope)
        return scope
