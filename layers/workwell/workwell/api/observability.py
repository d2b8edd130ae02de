"""Tracing that costs nothing unless a deployment turns it on: constructing Powertools'
Tracer imports the X-Ray SDK (about 0.3 s of every cold start) even when it is disabled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

Handler = TypeVar("Handler", bound=Callable[..., Any])


def traced(enabled: bool) -> Callable[[Handler], Handler]:
    def decorate(handler: Handler) -> Handler:
        if not enabled:
            return handler
        from aws_lambda_powertools import Tracer

        wrapped: Handler = Tracer().capture_lambda_handler(capture_response=False, capture_error=False)(
            handler
        )
        return wrapped

    return decorate


def tracing_enabled(environ: Any) -> bool:
    return str(environ.get("POWERTOOLS_TRACE_DISABLED", "false")).lower() != "true"
