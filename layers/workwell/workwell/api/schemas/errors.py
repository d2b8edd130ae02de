"""The one shape of every error answer (api.md), as the functions build it
(`workwell.api.errors`) and as API Gateway's own gateway responses write it (template.yaml)."""

from __future__ import annotations

from workwell.domain.model_base import CamelModel


class ApiErrorDetail(CamelModel):
    """Where the request is wrong (e.g. `["body", "answers", "whatHappened"]`) and which rule it breaks."""

    loc: tuple[str | int, ...]
    msg: str


class ApiError(CamelModel):
    """`code` is stable and machine-readable (validation_error, not_found, conflict, …);
    `message` is for people and never echoes input."""

    code: str
    message: str
    details: tuple[ApiErrorDetail, ...]


class ErrorResponse(CamelModel):
    """`requestId` is the API Gateway request id (null only where API Gateway has none)."""

    error: ApiError
    request_id: str | None
