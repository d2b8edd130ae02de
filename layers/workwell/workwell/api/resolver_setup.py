"""Common set-up of every function's resolver. Each handler still writes
`app = APIGatewayRestResolver(enable_validation=True)` literally, for OpenAPIMerge discovery."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from aws_lambda_powertools.middleware_factory import lambda_handler_decorator

from workwell.api.errors import NO_STORE, error_body, install_error_handlers, route_of

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
def body_size_limit(
    handler: Callable[[dict[str, Any], Any], dict[str, Any]],
    event: dict[str, Any],
    context: Any,
    max_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> dict[str, Any]:
    """Refuse an oversized body before anything parses it (request validation would
    otherwise run first and answer 422)."""
    body = event.get("body") or ""
    if len(body.encode()) <= max_bytes:
        return handler(event, context)
    route = f"{event.get('httpMethod')} {event.get('resource')}"
    log.info("request refused", extra={"route": route, "status": 413, "error_code": "payload_too_large"})
    request_id = (event.get("requestContext") or {}).get("requestId")
    message = f"The request body may be at most {max_bytes // 1024} KB."
    return {
        "statusCode": 413,
        "headers": {"Content-Type": "application/json", **NO_STORE},
        "body": error_body("payload_too_large", message, [], request_id),
        "isBase64Encoded": False,
    }


def created(body: Any) -> Response[Any]:
    """201 for a creating route (the body is an answer dict or a response model)."""
    return Response(status_code=201, content_type="application/json", body=body)
