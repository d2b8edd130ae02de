"""Common set-up of every function's resolver. Each handler still writes
`app = APIGatewayRestResolver(enable_validation=True)` literally, for OpenAPIMerge discovery."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from aws_lambda_powertools.middleware_factory import lambda_handler_decorator

from workwell.api import request_body
from workwell.api.errors import NO_STORE, install_error_handlers, refusal, route_of

log = logging.getLogger("workwell.api")

DEFAULT_MAX_BODY_BYTES = 64 * 1024


def configure_resolver(app: APIGatewayRestResolver) -> None:
    """Error mapping, no-store caching and one access line per request (route and status:
    the authorisation decision; never bodies, names or tokens)."""
    install_error_handlers(app)

    def served(app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response[object]:
        response = next_middleware(app)
        # Every answer is personal or tenant-private: no cache may keep it.
        response.headers.update(NO_STORE)
        log.info("request served", extra={"route": route_of(app), "status": response.status_code})
        return response

    app.use(middlewares=[served])


@lambda_handler_decorator
def request_body_gate(
    handler: Callable[[dict[str, Any], Any], dict[str, Any]],
    event: dict[str, Any],
    context: Any,
    max_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> dict[str, Any]:
    """Refuse a body before anything parses it: not JSON (415), too large (413), not UTF-8
    or nested too deep (400). Request validation would otherwise run first (and answer 422),
    or fail on what it cannot read (and answer 500). The admitted event carries the body as
    UTF-8 text and the content type as exactly `application/json`."""
    admitted = request_body.admit(event, max_bytes)
    if isinstance(admitted, request_body.BodyRefusal):
        return refusal(event, admitted.status, admitted.code, admitted.message)
    return handler(admitted, context)


def created(body: Any) -> Response[Any]:
    """201 for a creating route (the body is an answer dict or a response model)."""
    return Response(status_code=201, content_type="application/json", body=body)
