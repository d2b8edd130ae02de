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
      at least this many characters (400 missing, 409 in progress, 422 same key, other body).
    """
    idempotent = idempotency_key is not None
    success = success or (201 if idempotent else 200)
    body = body or idempotent
    if success not in _SUCCESS_DESCRIPTIONS:
        raise ValueError(f"unexpected success status {success}")
    if idempotent and success != 201:
        raise ValueError("a route with an Idempotency-Key creates: its success is 201")

    responses: dict[int, OpenAPIResponse] = {success: _success(success)}
    bad_request = [
        *(["`invalid_cursor`: the cursor was not issued for this caller and query"] if paged else []),
        *(["`idempotency_key_missing`: the Idempotency-Key header is required"] if idempotent else []),
        *(["`invalid_encoding`: the body is not UTF-8", "`nesting_too_deep`: the JSON nests too deep"] if body else []),
    ]
    if bad_request:
        responses[400] = _error("Bad request: " + "; ".join(bad_request) + ".")
    if access is not Access.PUBLIC:
        responses[401] = _error(
            "`unauthenticated`: no valid token (answered by API Gateway's Cognito authorizer).",
            from_gateway=True,
        )
    if access is Access.ROLE_GATED:
        responses[403] = _error("`forbidden`: the caller's role, or part in the case, does not allow this.")
    if finds:
        responses[404] = _error(
            "`not_found`: it does not exist, or is not the caller's to see (the two are not told apart)."
        )
    conflict = [
        *(["`conflict`: what it changes has moved on (e.g. a stale `expectedVersion`)"] if conflicts else []),
        *(["`idempotency_in_progress`: the first request with this key is still running"] if idempotent else []),
    ]
    if conflict:
        responses[409] = _error("Conflict: " + "; ".join(conflict) + ".")
    if body:
        responses[413] = _error("`payload_too_large`: the body is larger than this route accepts.", from_gateway=True)
        responses[415] = _error("`unsupported_media_type`: the body is not `application/json`.")
    if inputs or body or paged or idempotent:
        unprocessable = "`validation_error`: the input breaks a rule; `details` name each field"
        if idempotent:
            unprocessable += "; `idempotency_conflict`: the key was used with another body"
        responses[422] = _error(unprocessable + " (or another rule of the route, e.g. `invalid_transition`).")
    responses[429] = _error(
        "`rate_limited`: too many requests (API Gateway throttling"
        + ("; the WAF's per-address limit of anonymous routes)." if access is Access.PUBLIC else ")."),
        from_gateway=True,
    )
    responses[500] = _error("`internal_error`: something went wrong on our side.", from_gateway=True)
    responses[503] = _error("`service_busy`: the data store is busy; retry after `Retry-After` seconds.")
    responses[503]["headers"] = cast(Any, {**_NO_STORE, **_RETRY_AFTER})
    extensions = {IDEMPOTENCY_KEY_EXTENSION: idempotency_key} if idempotent else {}
    return RouteDocumentation(responses=responses, openapi_extensions=extensions)


def _success(status: int) -> OpenAPIResponse:
    answer: OpenAPIResponse = {
        "description": _SUCCESS_DESCRIPTIONS[status],
        "headers": cast(Any, _NO_STORE),
    }
    if status == 204:
        # No content at all (without `content`, Powertools would describe the return annotation).
        answer["content"] = {}
    return answer


def _error(description: str, *, from_gateway: bool = False) -> OpenAPIResponse:
    """`from_gateway`: API Gateway (or the WAF) may give this answer itself, without the
    function's Cache-Control header."""
    answer: OpenAPIResponse = {
        "description": description,
        "content": {"application/json": {"model": ErrorResponse}},
    }
    if not from_gateway:
        answer["headers"] = cast(Any, _NO_STORE)
    return answer
