"""The garbage collector paused through a Lambda cold start.

What a cold start makes (modules, classes, the SDK's service models, pydantic schemas) lives as
long as the container, yet the cyclic collector traverses it again and again while it is being
made: about 30 ms of a 0.4 s cold start (`make bench`). Each handler.py imports this module
before anything else. In a Lambda runtime (AWS_EXECUTION_ENV says so) that pauses collection;
`after_first_answer` (or `resume_collection`) then freezes what exists, so that later
collections skip it, as the gc documentation advises for long-lived startup state, and collects
again from there on. A cold start leaves a few hundred objects of cyclic garbage (about 0.2 MB)
frozen with the rest. Other processes (tests, the local stack, which hosts every handler at
once) are left as they are."""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable
from typing import Any, TypeVar

Handler = TypeVar("Handler", bound=Callable[..., Any])

_paused = os.environ.get("AWS_EXECUTION_ENV", "").startswith("AWS_Lambda_")
if _paused:
    gc.disable()


def resume_collection() -> None:
    """Freeze what exists and collect again from here on; once, and only after a pause."""
    global _paused  # noqa: PLW0603 (the state of this process's collector)
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def after_first_answer(handler: Handler) -> Handler:
    """The handler, resuming collection once its first invocation is over (whatever its end)."""

    @functools.wraps(handler)
    def answer(event: Any, context: Any) -> Any:
        try:
            return handler(event, context)
        finally:
            if _paused:
                resume_collection()

    return answer  # type: ignore[return-value]
