"""The one module that maps errors to HTTP. Bodies follow api.md:
{"error": {"code", "message", "details": [{"loc", "msg"}]}, "requestId"}; never input, never a trace."""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError, ServiceError
from aws_lambda_powertools.event_handler.openapi.exceptions import (
    RequestUnsupportedContentType,
    RequestValidationError,
)

from workwell.api.schemas.errors import ApiError, ApiErrorDetail, ErrorResponse
from workwell.domain import errors as domain

log = logging.getLogger("workwell.api")

NO_STORE = {"Cache-Control": "no-store"}
# A 503 tells the client when to try again (a lost transaction race or throttling passes
# within moments).
RETRY_AFTER_SECONDS = 2

STATUS_BY_ERROR: dict[type[domain.DomainError], int] = {
    domain.Unauthenticated: 401,
    domain.Forbidden: 403,
    domain.NotFound: 404,
    domain.Conflict: 409,
    domain.InvalidInput: 422,
    domain.InvalidTransition: 422,
    domain.InvalidCursor: 400,
    domain.IdempotencyKeyMissing: 400,
    domain.IdempotencyInProgress: 409,
    domain.IdempotencyConflict: 422,
    domain.ServiceBusy: 503,
}


def error_body(code: str, message: str, details: Iterable[dict[str, Any]], request_id: str | None) -> str:
    """The body of every error answer: `ErrorResponse`, the model the OpenAPI document shows."""
    answer = ErrorResponse(
        error=ApiError(code=code, message=message, details=tuple(ApiErrorDetail(**d) for d in details)),
        request_id=request_id,
    )
    return answer.model_dump_json(by_alias=True)


def _request_id(app: APIGatewayRestResolver) -> str | None:
    try:
        return app.current_event.request_context.request_id
    except (AttributeError, KeyError, TypeError):
        return None


def route_of(app: APIGatewayRestResolver) -> str | None:
    try:
        return f"{app.current_event.http_method} {app.current_event.resource}"
    except (AttributeError, KeyError, TypeError):
        return None


def _headers_for(status: int) -> dict[str, str]:
    if status == 503:
        return {**NO_STORE, "Retry-After": str(RETRY_AFTER_SECONDS)}
    return dict(NO_STORE)


def _respond(
    app: APIGatewayRestResolver, status: int, code: str, message: str, details: list[dict[str, Any]]
) -> Response[str]:
    log.info("request refused", extra={"route": route_of(app), "status": status, "error_code": code})
    return Response(
        status_code=status,
        content_type="application/json",
        body=error_body(code, message, details, _request_id(app)),
        headers=_headers_for(status),
    )


def refusal(event: dict[str, Any], status: int, code: str, message: str) -> dict[str, Any]:
    """A proxy response for a request refused before the resolver runs (the body gate)."""
    route = f"{event.get('httpMethod')} {event.get('resource')}"
    log.info("request refused", extra={"route": route, "status": status, "error_code": code})
    request_id = (event.get("requestContext") or {}).get("requestId")
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", **_headers_for(status)},
        "body": error_body(code, message, [], request_id),
        "isBase64Encoded": False,
    }


def _status_of(error: domain.DomainError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 500


# Powertools' own HTTP errors (ServiceError) keep their status; the message is ours, fixed.
_SERVICE_ERRORS: dict[int, tuple[str, str]] = {
    400: ("bad_request", "The request is not valid."),
    401: ("unauthenticated", "Sign in to continue."),
    403: ("forbidden", "You may not use this."),
    404: ("not_found", "Not found."),
    405: ("method_not_allowed", "This method is not allowed here."),
    408: ("request_timeout", "The request took too long."),
    413: ("payload_too_large", "The request body is too large."),
    415: ("unsupported_media_type", "Send the request body as application/json (UTF-8)."),
    429: ("rate_limited", "Too many requests; please try again later."),
    503: ("service_busy", "The service is busy; please try again."),
}


# A location part is echoed only if it looks like a field name of this API (camelCase,
# starting lower-case). An unknown key is named like any other field, since it is the
# client's own key, never a value; something else (a name, a sentence) comes back as "<key>".
_FIELD_NAME = re.compile(r"^[a-z][A-Za-z0-9_]{0,39}$|^Idempotency-Key$")
_PYDANTIC_MARKERS = {"[key]"}


def _safe_loc(loc: Iterable[Any]) -> list[str | int]:
    safe: list[str | int] = []
    for part in loc:
        if isinstance(part, int):
            safe.append(part)
        elif str(part) in _PYDANTIC_MARKERS:
            continue
        else:
            safe.append(str(part) if _FIELD_NAME.fullmatch(str(part)) else "<key>")
    return safe


def install_error_handlers(app: APIGatewayRestResolver) -> None:
    @app.exception_handler(domain.DomainError)
    def _domain_error(error: domain.DomainError) -> Response[str]:
        details = [{"loc": _safe_loc(d.loc), "msg": d.msg} for d in error.details]
        return _respond(app, _status_of(error), error.code, error.message, details)

    @app.exception_handler(RequestValidationError)
    def _validation_error(error: RequestValidationError) -> Response[str]:
        # Only location and rule: pydantic's 'input' and 'ctx' could echo what was sent.
        details = [{"loc": _safe_loc(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in error.errors()]
        return _respond(app, 422, "validation_error", "The request is not valid.", details)

    @app.not_found
    def _no_route(_: NotFoundError) -> Response[str]:
        return _respond(app, 404, "not_found", "Not found.", [])

    @app.exception_handler(RequestUnsupportedContentType)
    def _unsupported_content_type(_: RequestUnsupportedContentType) -> Response[str]:
        # The body gate refuses these first; this keeps Powertools' refusal a 415, not a 500.
        code, message = _SERVICE_ERRORS[415]
        return _respond(app, 415, code, message, [])

    @app.exception_handler(ServiceError)
    def _service_error(error: ServiceError) -> Response[str]:
        # Without this the catch-all below would turn Powertools' own 4xx into a 500.
        status = int(error.status_code)
        if status in _SERVICE_ERRORS:
            code, message = _SERVICE_ERRORS[status]
            return _respond(app, status, code, message, [])
        if status < 500:
            return _respond(app, status, "bad_request", "The request is not valid.", [])
        return _internal_error(app, error)

    @app.exception_handler(Exception)
    def _unexpected(error: Exception) -> Response[str]:
        return _internal_error(app, error)


def _internal_error(app: APIGatewayRestResolver, error: Exception) -> Response[str]:
    # The message of an unexpected error might quote data; log its type and frames only.
    frames = [f"{f.filename}:{f.lineno}:{f.name}" for f in traceback.extract_tb(error.__traceback__)]
    log.error("unhandled error", extra={"error_type": type(error).__name__, "frames": frames})
    return Response(
        status_code=500,
        content_type="application/json",
        body=error_body("internal_error", "Something went wrong on our side.", [], _request_id(app)),
        headers=_headers_for(500),
    )
