"""A short per-container cache: a value kept at most `ttl_seconds` (never over 60, the bound
the staff roles and tray scopes also keep), for reads that nothing conditions on."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from workwell.adapters.clock import Clock

MAX_SECONDS = 60.0
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ContainerCache(Generic[K, V]):
    def __init__(self, clock: Clock, ttl_seconds: float = MAX_SECONDS, max_entries: int = 1000) -> None:
        if not 0 <= ttl_seconds <= MAX_SECONDS:
            raise ValueError("a container cache may hold entries for at most 60 seconds")
        self._clock, self._ttl, self._max = clock, ttl_seconds, max_entries
        self._entries: dict[K, tuple[float, V]] = {}
        self._lock = threading.Lock()

    def get(self, key: K, load: Callable[[], V]) -> V:
        now = self._clock.monotonic()
        with self._lock:
            cached = self._entries.get(key)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        value = load()  # what fails to load raises and is not kept
        with self._lock:
            if len(self._entries) >= self._max:
                self._entries.clear()
            self._entries[key] = (now, value)
        return value
