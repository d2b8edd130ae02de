"""Base for domain value models exchanged over the API: camelCase on the wire, unknown
fields refused, input never echoed in validation errors."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class CamelModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        hide_input_in_errors=True,
        frozen=True,
        str_strip_whitespace=True,
        # Schemas are built when a model is first used: a cold start builds those of the
        # request it serves, not those of every route and use case the function imports.
        defer_build=True,
    )
