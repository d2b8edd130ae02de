"""The one module that maps errors to HTTP. Bodies follow api.md:
{"error": {"code", "message", "details": [{"loc", "msg"}]}, "requestId"}; never input, never a trace."""

from __future__ import annotations

import json
import logging
import re
import traceback
from collections.abc import Iterable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from workwell.domain import errors as domain

log = logging.getLogger("workwell.api")

NO_STORE = {"Cache-Control": "no-store"}

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
    return json.dumps(
        {"error": {"code": code, "message": message, "details": list(details)}, "requestId": request_id},
        ensure_ascii=False,
    )


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


def _respond(
    app: APIGatewayRestResolver, status: int, code: str, message: str, details: list[dict[str, Any]]
) -> Response[str]:
    log.info("request refused", extra={"route": route_of(app), "status": status, "error_code": code})
    return Response(
        status_code=status,
        content_type="application/json",
        body=error_body(code, message, details, _request_id(app)),
        headers=dict(NO_STORE),
    )


def _status_of(error: domain.DomainError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 500


# A location part is echoed only if it looks like a field name. An unknown key is input
# too: something else (a name, a sentence) comes back as "<key>".
_FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$|^Idempotency-Key$")
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

    @app.exception_handler(Exception)
    def _unexpected(error: Exception) -> Response[str]:
        # The message of an unexpected error might quote data; log its type and frames only.
        frames = [f"{f.filename}:{f.lineno}:{f.name}" for f in traceback.extract_tb(error.__traceback__)]
        log.error("unhandled error", extra={"error_type": type(error).__name__, "frames": frames})
        return Response(
            status_code=500,
            content_type="application/json",
            body=error_body("internal_error", "Something went wrong on our side.", [], _request_id(app)),
            headers=dict(NO_STORE),
        )
