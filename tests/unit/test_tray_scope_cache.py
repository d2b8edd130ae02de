"""The tray's gate through the per-container cache: a rollout change made elsewhere takes
effect within the cache's lifetime (at most 60 s), and a warm container does not read the
settings or the registry again within it."""

from __future__ import annotations

import pytest

from tests.unit.fakes import FakeUnitOfWork, FixedClock, PlainCursors, Store
from tests.unit.tray_fixtures import REGION, ctx, tenant_settings, tray_store
from workwell.adapters.cached_tray_scope import CachedTrayScopes
from workwell.domain.errors import NotAvailableForGroup, NotFound
from workwell.service_layer.tray.catalogue import ServiceFilters, browse_services
from workwell.service_layer.unit_of_work import RegistryEntry


class CountedUnitsOfWork:
    """Units of work over the store, counting how many the cache asked for (one per read)."""

    def __init__(self, store: Store) -> None:
        self.store, self.made = store, 0

    def __call__(self) -> FakeUnitOfWork:
        self.made += 1
        return FakeUnitOfWork(self.store)


def browse_as_vaala_employee(store: Store, scopes: CachedTrayScopes) -> list[str]:
    page = browse_services(
        ctx("vaala", "emp-v"),
        ServiceFilters(),
        limit=25,
        cursor=None,
        cursors=PlainCursors(),
        uow=FakeUnitOfWork(store),
        scopes=scopes,
    )
    return [s.service.service_id for s in page.items]


def test_a_closed_rollout_takes_effect_within_the_cache_lifetime() -> None:
    store, clock = tray_store(), FixedClock()
    scopes = CachedTrayScopes(CountedUnitsOfWork(store), clock, ttl_seconds=60)
    assert browse_as_vaala_employee(store, scopes) == []

    store.put_settings("vaala", tenant_settings("Vaala", "VAA", []), version=2)
    clock.advance(59)
    still_open = browse_as_vaala_employee(store, scopes)
    clock.advance(2)

    assert still_open == []
    with pytest.raises(NotAvailableForGroup):
        browse_as_vaala_employee(store, scopes)


def test_a_warm_container_reads_each_tenants_scope_once_per_lifetime() -> None:
    store, clock = tray_store(), FixedClock()
    units = CountedUnitsOfWork(store)
    scopes = CachedTrayScopes(units, clock)

    for _ in range(5):
        browse_as_vaala_employee(store, scopes)
    oulunkaari = scopes.scope_of("oulunkaari")

    assert units.made == 2, "one read for Vaala, one for Oulunkaari"
    assert scopes.scope_of("vaala").tenant_groups == (REGION,)
    assert tuple(oulunkaari.tray.rollout.open_groups) == ("varhaiskasvatus",)


def test_a_tenant_group_change_reaches_the_container_after_the_lifetime() -> None:
    store, clock = tray_store(), FixedClock()
    scopes = CachedTrayScopes(CountedUnitsOfWork(store), clock, ttl_seconds=30)
    assert scopes.scope_of("kokkola").tenant_groups == ()

    store.registry["kokkola"] = RegistryEntry((REGION,), True)
    cached = scopes.scope_of("kokkola").tenant_groups
    clock.advance(30)

    assert cached == ()
    assert scopes.scope_of("kokkola").tenant_groups == (REGION,)


def test_a_tenant_not_provisioned_is_not_found_and_not_kept() -> None:
    store, clock = tray_store(), FixedClock()
    units = CountedUnitsOfWork(store)
    scopes = CachedTrayScopes(units, clock)

    for _ in range(2):
        with pytest.raises(NotFound):
            scopes.scope_of("nowhere")

    assert units.made == 2


def test_the_cache_never_holds_a_scope_longer_than_a_minute() -> None:
    with pytest.raises(ValueError, match="60"):
        CachedTrayScopes(CountedUnitsOfWork(Store()), FixedClock(), ttl_seconds=61)
