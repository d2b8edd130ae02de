"""Every answer an operation can give, for the OpenAPI document the web client is generated
from (api.md). A route states a few facts about itself; `documented` turns them into the
`responses=` (and the Idempotency-Key marker) of its Powertools route decorator:

    @app.put("/staff/<userId>", **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True))

Success answers take their body schema from the handler's return annotation; every error
answer has the one `ErrorResponse` shape that `workwell.api.errors` and API Gateway's gateway
responses (template.yaml) write. Powertools' default 422 (`HTTPValidationError`,
`{"detail": [...]}`) is replaced on every route, since our error handler answers validation
errors in `ErrorResponse` too."""

from __future__ import annotations

from collections import defaultdict
from enum import Enum
from typing import Any, TypedDict, cast

from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse

from workwell.api.schemas.errors import ErrorResponse

# Read by infra/local/openapi_document.py, which documents the Idempotency-Key header.
IDEMPOTENCY_KEY_EXTENSION = "x-idempotency-key-min-length"


class Access(Enum):
    """Who may call a route, and so who answers before the function does."""

    PUBLIC = "public"
    """No token (anonymous reporters): never 401; limited per address by the WAF."""
    SIGNED_IN = "signed_in"
    """A Cognito token: API Gateway's authorizer answers 401 without one."""
    ROLE_GATED = "role_gated"
    """Signed in, and callers without the role (or the part in the case) get 403."""


class RouteDocumentation(TypedDict):
    responses: dict[int, OpenAPIResponse]
    openapi_extensions: dict[str, Any]


_NO_STORE = {
    "Cache-Control": {
        "description": "Always `no-store`: every answer is personal or tenant-private.",
        "required": True,
        "schema": {"type": "string", "enum": ["no-store"]},
    }
}
_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "required": True,
        "schema": {"type": "integer", "minimum": 0},
    }
}
_SUCCESS_DESCRIPTIONS = {
    200: "OK.",
    201: "Created. A repeat with the same Idempotency-Key and body gets this first answer again.",
    204: "Done; no body.",
}
# Answers API Gateway (or the WAF) may give itself, without the function's Cache-Control.
_FROM_GATEWAY = frozenset({401, 413, 429, 500})


def documented(
    access: Access,
    *,
    success: int | None = None,
    inputs: bool = True,
    body: bool = False,
    finds: bool = False,
    conflicts: bool = False,
    paged: bool = False,
    idempotency_key: int | None = None,
    rollout: bool = False,
    capacity: bool = False,
) -> RouteDocumentation:
    """The route's documentation from facts about it:

    - `success`: 200 (the default), 201 (creating, see `resolver_setup.created`) or 204 (no body);
    - `inputs`: it takes path, query or body input that is validated (422);
    - `body`: it takes a JSON body (400 not UTF-8 or nested too deep, 413 too large, 415 not JSON);
    - `finds`: it looks up something that may not exist or not be the caller's, the tenant
      included (404);
    - `conflicts`: what it changes may have moved on, e.g. a stale `expectedVersion` (409);
    - `paged`: a list with `limit` and an opaque `cursor` (400 invalid_cursor);
    - `idempotency_key`: a creating route (201, with a body) that needs an Idempotency-Key of
      at least this many characters (400 missing, 409 in progress, 422 same key, other body);
    - `rollout`: the service tray must be open for the caller's employee group (403);
    - `capacity`: it takes a place of a service whose places may all be taken (409).
    """
    idempotent = idempotency_key is not None
    success = success or (201 if idempotent else 200)
    if success not in _SUCCESS_DESCRIPTIONS or (idempotent and success != 201):
        raise ValueError(f"a success status of {success} does not fit the route")
    body = body or idempotent
    reasons: dict[int, list[str]] = defaultdict(list)

    def can_answer(status: int, reason: str, when: bool = True) -> None:
        if when:
            reasons[status].append(reason)

    can_answer(400, "`invalid_cursor`: the cursor was not issued for this caller and query", paged)
    can_answer(400, "`idempotency_key_missing`: the Idempotency-Key header is required", idempotent)
    can_answer(400, "`invalid_encoding`: the body is not UTF-8", body)
    can_answer(400, "`nesting_too_deep`: the JSON nests too deep", body)
    can_answer(
        401,
        "`unauthenticated`: no valid token (API Gateway's Cognito authorizer)",
        access is not Access.PUBLIC,
    )
    can_answer(
        403,
        "`forbidden`: the caller's role, or part in the case, does not allow this",
        access is Access.ROLE_GATED,
    )
    can_answer(
        403,
        "`not_available_for_group`: the service tray is not open for the caller's employee group yet",
        rollout,
    )
    can_answer(404, "`not_found`: it does not exist, or is not the caller's to see (never told apart)", finds)
    can_answer(409, "`conflict`: what it changes has moved on (e.g. a stale `expectedVersion`)", conflicts)
    can_answer(409, "`capacity_full`: every place of the service is taken", capacity)
    can_answer(409, "`idempotency_in_progress`: the first request with this key is still running", idempotent)
    can_answer(413, "`payload_too_large`: the body is larger than this route accepts", body)
    can_answer(415, "`unsupported_media_type`: the body is not `application/json`", body)
    can_answer(
        422, "`validation_error`: the input breaks a rule; `details` name each field", inputs or body or paged
    )
    can_answer(422, "another rule of the route, e.g. `invalid_transition`", inputs or body or paged)
    can_answer(422, "`idempotency_conflict`: the key was used with another body", idempotent)
    can_answer(429, "`rate_limited`: too many requests (API Gateway throttling)")
    can_answer(429, "the WAF's limit per address on anonymous routes", access is Access.PUBLIC)
    can_answer(500, "`internal_error`: something went wrong on our side")
    can_answer(503, "`service_busy`: the data store is busy; retry after `Retry-After` seconds")

    responses = {success: _success(success)}
    for status, why in sorted(reasons.items()):
        responses[status] = _error(status, "; ".join(why) + ".")
    extensions = {IDEMPOTENCY_KEY_EXTENSION: idempotency_key} if idempotent else {}
    return RouteDocumentation(responses=responses, openapi_extensions=extensions)


def _success(status: int) -> OpenAPIResponse:
    answer: OpenAPIResponse = {"description": _SUCCESS_DESCRIPTIONS[status], "headers": cast(Any, _NO_STORE)}
    if status == 204:
        # No content at all (without `content`, Powertools would describe the return annotation).
        answer["content"] = {}
    return answer


def _error(status: int, description: str) -> OpenAPIResponse:
    answer: OpenAPIResponse = {
        "description": description[0].upper() + description[1:],
        "content": {"application/json": {"model": ErrorResponse}},
    }
    if status == 503:
        answer["headers"] = cast(Any, {**_NO_STORE, **_RETRY_AFTER})
    elif status not in _FROM_GATEWAY:
        answer["headers"] = cast(Any, _NO_STORE)
    return answer
