"""Pages of a list. Positions are opaque to use cases; a cursor codec turns them into
cursors bound to tenant, caller and query."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100

Position = Mapping[str, Any]


@dataclass(frozen=True)
class PageRequest:
    limit: int = DEFAULT_PAGE_SIZE
    after: Position | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE_SIZE:
            raise ValueError("limit must be between 1 and 100")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    next_position: Position | None


class CursorCodec(Protocol):
    def encode(self, position: Position, binding: str) -> str: ...

    def decode(self, cursor: str, binding: str) -> Position:
        """Raise InvalidCursor unless the cursor was issued for this binding."""
        ...


def cursor_binding(tenant_id: str, caller: str, query: str) -> str:
    return hashlib.sha256(f"{tenant_id}\x00{caller}\x00{query}".encode()).hexdigest()
