"""Per-container cache of staff entries, so a role change takes effect within the TTL
(security.md: at most 60 s) without a directory read on every request."""

from __future__ import annotations

import threading
from typing import Protocol

from workwell.adapters.clock import Clock
from workwell.domain.staff.staff import StaffMember
from workwell.domain.versioned import Versioned


class _StaffReader(Protocol):
    def get(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None: ...


class CachedStaffLookup:
    def __init__(self, reader: _StaffReader, clock: Clock, ttl_seconds: float = 60.0) -> None:
        if not 0 <= ttl_seconds <= 60:
            raise ValueError("the staff cache may hold entries for at most 60 seconds")
        self._reader, self._clock, self._ttl = reader, clock, ttl_seconds
        self._entries: dict[tuple[str, str], tuple[float, Versioned[StaffMember] | None]] = {}
        self._lock = threading.Lock()

    def find(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None:
        key = (tenant_id, user_id)
        now = self._clock.monotonic()
        with self._lock:
            cached = self._entries.get(key)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        stored = self._reader.get(tenant_id, user_id)
        with self._lock:
            self._entries[key] = (now, stored)
        return stored

    def forget(self, tenant_id: str, user_id: str) -> None:
        """Called after a change made in this container, so it applies here at once."""
        with self._lock:
            self._entries.pop((tenant_id, user_id), None)

    @property
    def read_through(self) -> _ReadThrough:
        """The same lookup, reading the directory now (and refreshing the cache)."""
        return _ReadThrough(self)


class _ReadThrough:
    def __init__(self, lookup: CachedStaffLookup) -> None:
        self._lookup = lookup

    def find(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None:
        self._lookup.forget(tenant_id, user_id)
        return self._lookup.find(tenant_id, user_id)
