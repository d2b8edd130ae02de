"""The local API gateway: a Chalice app whose routes are the `Api` events of
template.yaml, under `API_PREFIX`. It verifies tokens like the Cognito authorizer, builds
REST proxy events and calls each function's real handler. Dev/test only: never deployed.

The web app and the API share one origin (issue 13): on AWS CloudFront forwards `/api/*`
to API Gateway and a CloudFront Function strips the prefix, so a function sees
`/cases/...`. Here the routes live under the prefix too, and the events carry the path
without it, exactly as on AWS."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections import defaultdict
from typing import Any

from chalice import Chalice, Response  # type: ignore[attr-defined]

from infra.local.function_host import FunctionHost
from infra.local.local_tokens import LocalTokenIssuer, TokenRejected, authorizer_claims
from infra.local.template_model import ApiRoute, Template

# Where the API lives on the app's origin (template.yaml: the `/api/*` behaviour).
API_PREFIX = "/api"

# Headers that would identify the client; the service never needs them.
_DROPPED_HEADERS = {"user-agent", "x-forwarded-for", "x-real-ip", "forwarded"}


def _unauthorized(request_id: str) -> Response:
    # Same body as the UNAUTHORIZED gateway response of template.yaml.
    body = {
        "error": {"code": "unauthenticated", "message": "Sign in to continue.", "details": []},
        "requestId": request_id,
    }
    return Response(body=json.dumps(body), status_code=401, headers={"Content-Type": "application/json"})


def api_not_found() -> Response:
    """What API Gateway answers to a path or method no route has (template.yaml's
    MISSING_AUTHENTICATION_TOKEN gateway response)."""
    body = {
        "error": {"code": "not_found", "message": "Not found.", "details": []},
        "requestId": str(uuid.uuid4()),
    }
    return Response(body=json.dumps(body), status_code=404, headers={"Content-Type": "application/json"})


def rest_proxy_event(
    route: ApiRoute,
    original: dict[str, Any],
    claims: dict[str, str] | None,
    request_id: str,
) -> dict[str, Any]:
    headers = {k: v for k, v in (original.get("headers") or {}).items() if k.lower() not in _DROPPED_HEADERS}
    query = original.get("multiValueQueryStringParameters") or None
    path = _without_prefix(
        original.get("path") or original.get("requestContext", {}).get("path") or route.path
    )
    body, is_base64 = _body_as_api_gateway_sends_it(original)
    return {
        "resource": route.path,
        "path": path,
        "httpMethod": route.method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": {k: v[-1] for k, v in query.items()} if query else None,
        "multiValueQueryStringParameters": query,
        "pathParameters": original.get("pathParameters") or None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": route.path,
            "httpMethod": route.method,
            "path": path,
            "stage": "local",
            "requestId": request_id,
            "requestTimeEpoch": int(time.time() * 1000),
            "accountId": "000000000000",
            "apiId": "local",
            "protocol": "HTTP/1.1",
            "identity": {},
            "authorizer": {"claims": claims} if claims is not None else None,
        },
        "body": body,
        "isBase64Encoded": is_base64,
    }


def _without_prefix(path: str) -> str:
    """The path as API Gateway sees it once CloudFront's function has stripped `/api`."""
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        return path[len(API_PREFIX) :] or "/"
    return path


def _body_as_api_gateway_sends_it(original: dict[str, Any]) -> tuple[str | None, bool]:
    """As API Gateway REST without binary media types (template.yaml declares none) passes
    every body to a proxy integration, whatever its content type: as a UTF-8 string, never
    base64-encoded (`isBase64Encoded: false`); bytes that are not UTF-8 become U+FFFD. An
    empty body is null. (Chalice base64-encodes a request body whose content type is one of
    the app's `binary_types`, which the web app's static files need: undone here.)"""
    body = original.get("body")
    if original.get("isBase64Encoded") and isinstance(body, str):
        body = base64.b64decode(body)
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    return (body or None), False


def _to_chalice(result: dict[str, Any]) -> Response:
    headers = dict(result.get("headers") or {})
    for name, values in (result.get("multiValueHeaders") or {}).items():
        headers[name] = ",".join(values)
    body = result.get("body") or ""
    if result.get("isBase64Encoded"):
        return Response(body=base64.b64decode(body), status_code=int(result["statusCode"]), headers=headers)
    return Response(body=body, status_code=int(result["statusCode"]), headers=headers)


def build_gateway(template: Template, host: FunctionHost, tokens: LocalTokenIssuer) -> Chalice:
    app = Chalice(app_name="workwell-local-gateway")
    app.api.binary_types = []
    by_path: dict[str, dict[str, ApiRoute]] = defaultdict(dict)
    for route in template.routes:
        by_path[route.path][route.method] = route

    for path, methods in by_path.items():
        _register(app, API_PREFIX + path, methods, host, tokens)
    return app


def _register(
    app: Chalice, path: str, methods: dict[str, ApiRoute], host: FunctionHost, tokens: LocalTokenIssuer
) -> None:
    def view(**_uri_params: str) -> Response:
        request = app.current_request
        if request.method.upper() not in methods:  # OPTIONS: no CORS preflight, same origin only
            return api_not_found()
        route = methods[request.method.upper()]
        request_id = str(uuid.uuid4())
        original = request.to_original_event()
        claims = None
        if route.authorized:
            try:
                claims = authorizer_claims(tokens.verify(request.headers.get("authorization")))
            except TokenRejected:
                return _unauthorized(request_id)
        event = rest_proxy_event(route, original, claims, request_id)
        return _to_chalice(host.invoke(route.function, event))

    name = "route_" + "".join(c if c.isalnum() else "_" for c in path)
    # Every content type reaches the function, as on API Gateway (Chalice would answer 415
    # itself to any type a route does not list, and so hide what the function does with it).
    # OPTIONS too: Chalice would answer a preflight itself with CORS headers, where API
    # Gateway (no CORS configured, no OPTIONS method) answers 404.
    app.route(path, methods=sorted({*methods, "OPTIONS"}), name=name, content_types=["*/*"])(view)
