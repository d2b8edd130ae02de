from __future__ import annotations

import pytest

from tests.conftest import make_principal
from tests.unit.fakes import FixedClock
from workwell.adapters.cached_staff_lookup import CachedStaffLookup
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.versioned import Versioned
from workwell.service_layer.staff.principal_resolution import resolve_principal


class Directory:
    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], Versioned[StaffMember]] = {}
        self.reads = 0

    def get(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None:
        self.reads += 1
        return self.entries.get((tenant_id, user_id))


def hr_director(user_id: str) -> Versioned[StaffMember]:
    member = StaffMember(
        user_id=user_id, name="Sari", email="sari@test.example", roles=frozenset({Role.HR_DIRECTOR})
    )
    return Versioned(member, 1)


def test_a_removed_role_stops_working_within_a_minute() -> None:
    directory, clock = Directory(), FixedClock()
    directory.entries[("kokkola", "user-1")] = hr_director("user-1")
    lookup = CachedStaffLookup(directory, clock, ttl_seconds=60)
    identity = make_principal(user_id="user-1").identity
    assert resolve_principal(identity, lookup).has_role(Role.HR_DIRECTOR)

    del directory.entries[("kokkola", "user-1")]
    clock.advance(59)
    still_cached = resolve_principal(identity, lookup)
    clock.advance(2)
    after_a_minute = resolve_principal(identity, lookup)

    assert still_cached.has_role(Role.HR_DIRECTOR)
    assert not after_a_minute.has_role(Role.HR_DIRECTOR)
    assert after_a_minute.roles == frozenset({Role.EMPLOYEE})


def test_the_cache_saves_directory_reads_and_forget_applies_at_once() -> None:
    directory, clock = Directory(), FixedClock()
    directory.entries[("kokkola", "user-1")] = hr_director("user-1")
    lookup = CachedStaffLookup(directory, clock)

    for _ in range(5):
        lookup.find("kokkola", "user-1")
    del directory.entries[("kokkola", "user-1")]
    lookup.forget("kokkola", "user-1")

    assert directory.reads == 1
    assert lookup.find("kokkola", "user-1") is None


def test_entries_are_cached_per_tenant() -> None:
    directory, clock = Directory(), FixedClock()
    directory.entries[("kokkola", "user-1")] = hr_director("user-1")
    lookup = CachedStaffLookup(directory, clock)

    assert lookup.find("kokkola", "user-1") is not None
    assert lookup.find("vaala", "user-1") is None


def test_the_cache_never_holds_roles_longer_than_a_minute() -> None:
    with pytest.raises(ValueError, match="60"):
        CachedStaffLookup(Directory(), FixedClock(), ttl_seconds=120)


def test_read_through_reads_the_directory_now_and_refreshes_the_cache() -> None:
    directory, clock = Directory(), FixedClock()
    directory.entries[("kokkola", "user-1")] = hr_director("user-1")
    lookup = CachedStaffLookup(directory, clock)
    identity = make_principal(user_id="user-1").identity
    assert resolve_principal(identity, lookup).staff_version == 1

    del directory.entries[("kokkola", "user-1")]

    assert resolve_principal(identity, lookup).has_role(Role.HR_DIRECTOR)  # cached
    assert not resolve_principal(identity, lookup.read_through).has_role(Role.HR_DIRECTOR)
    assert not resolve_principal(identity, lookup).has_role(Role.HR_DIRECTOR)  # refreshed
