"""Text a tenant writes in its own languages (names, labels)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

Language = Literal["fi", "sv", "en"]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
LocalisedText = Annotated[dict[Language, ShortText], Field(min_length=1)]


def localised(text: Mapping[Language, str], language: str | None, fallback: Language) -> str:
    """The text in the wanted language, else in the fallback, else in any it has."""
    for wanted in (language, fallback):
        if wanted in text:
            return text[wanted]  # type: ignore[index]
    return next(iter(text.values()))
