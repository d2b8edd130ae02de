"""Pages of a list. A position is opaque to use cases; the API turns it into a signed cursor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

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
