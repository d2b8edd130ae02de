"""Optimistic locking: every mutable aggregate travels with the version it was read at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Generic, TypeVar

from pydantic import Field, Strict

T = TypeVar("T")


@dataclass(frozen=True)
class Versioned(Generic[T]):
    value: T
    version: int


# A version the client read and sends back: a JSON integer, never `true` or `"3"` (pydantic's
# lax mode would take both), so a client bug cannot silently pass a version check.
ExpectedVersion = Annotated[int, Strict(), Field(ge=1)]
