"""The web app on the local stack's origin, as CloudFront serves it on AWS (issue 13).

Every GET path that is neither `/api/...` (the API, `infra.local.gateway`) nor
`/_local/...` (the local helpers, `infra.local.local_routes`) is the built app in
`web/dist/`: a file that exists there, else, for a path that does not end in a static
file's extension (`FILE_EXTENSIONS`: a page of the app's client-side routing, `/cases/abc`,
`/kokkola/report`, `/tray/orders/ii.0123…` whose ids carry a dot), `index.html`; the same
rule as the CloudFront Function `WebAppRoutingFunction` of template.yaml. A path ending in
such an extension that is not in dist is a 404 (a stale asset must never turn into HTML),
and no path ever leaves dist. `/app-config.json` tells the app how people sign in here.

Every answer carries the security headers of the CloudFront response-headers policy
(`infra.web_headers`); `/assets/*` (hashed names) may be cached for a year, everything
else is `no-store`. Text files of 1,000 bytes or more are gzip-compressed for a client that
accepts it, as CloudFront does with `Compress: true` (its lower limit is 1,000 bytes).

Binary files: Chalice passes a `bytes` body as is only when its content type is one of the
app's `binary_types` (it then answers, like API Gateway, only requests whose `Accept`
allows it: browsers always send `*/*`). Those are set to the binary types below, which no
API route answers with; the gateway undoes the one effect they have on requests (Chalice
base64-encodes a request body of such a type), so the API's functions see what they saw
before. Text files are served as text."""

from __future__ import annotations

import gzip
import json
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from chalice import Chalice, Response  # type: ignore[attr-defined]

from infra.local.gateway import API_PREFIX, api_not_found
from infra.local.template_model import PROJECT_ROOT
from infra.web_headers import security_headers

WEB_DIST = PROJECT_ROOT / "web" / "dist"
LOCAL_PREFIX = "/_local"
ASSETS_PREFIX = "assets"
# Deepest app path the catch-all routes take (Chalice has no greedy path parameter).
MAX_SEGMENTS = 12

IMMUTABLE = "public, max-age=31536000, immutable"
NO_STORE = "no-store"

TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}
BINARY_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".wasm": "application/wasm",
}
OCTET_STREAM = "application/octet-stream"
# What names a file rather than a page: the types above, nothing else (an id like
# `ii.0123abcd` in a page's path is not an extension).
FILE_EXTENSIONS = frozenset(ext.lstrip(".") for ext in (*TEXT_TYPES, *BINARY_TYPES))
COMPRESS_FROM_BYTES = 1000
APP_BINARY_TYPES = sorted({*BINARY_TYPES.values(), OCTET_STREAM})

# The local sign-in (on AWS: {"signIn": {"kind": "oidc", "authority": ..., "clientId": ...}},
# uploaded next to the app; see README "The web app").
LOCAL_APP_CONFIG: dict[str, Any] = {
    "signIn": {"kind": "local", "peopleUrl": "/_local/users", "signInUrl": "/_local/sign-in"}
}

_NOT_BUILT = (
    "The web app is not built (web/dist/index.html is missing). `make run` builds it; "
    "or run `cd web && npm ci && npm run build`, then reload."
)


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def safe_segments(raw_path: str) -> list[str] | None:
    """The path's segments below dist, or None if it tries to leave it (`..`, `.`,
    backslashes, NUL; also percent-encoded)."""
    segments = [s for s in unquote(raw_path.split("?", 1)[0]).split("/") if s]
    if any(s in {".", ".."} or "\\" in s or "\0" in s for s in segments):
        return None
    return segments


class WebApp:
    """The files of a built web app, answered as the local stack serves them."""

    def __init__(self, dist: Path = WEB_DIST, app_config: dict[str, Any] | None = None) -> None:
        self.dist = dist
        self.app_config = app_config if app_config is not None else LOCAL_APP_CONFIG

    @property
    def built(self) -> bool:
        return (self.dist / "index.html").is_file()

    def config_response(self) -> Response:
        return _respond(json.dumps(self.app_config), "application/json", NO_STORE)

    def response(
        self, raw_path: str, accept: str = "", head: bool = False, accept_encoding: str = ""
    ) -> Response:
        index = self.dist / "index.html"
        if not self.built:
            return _not_built(accept)
        segments = safe_segments(raw_path)
        if segments is None:
            return _not_found()
        root = self.dist.resolve()
        file = self.dist.joinpath(*segments).resolve() if segments else index.resolve()
        if not file.is_relative_to(root):  # a symbolic link out of dist
            return _not_found()
        if file.is_file():
            cache = IMMUTABLE if segments and segments[0] == ASSETS_PREFIX else NO_STORE
            return _file_response(file, cache, head, _accepts_gzip(accept_encoding))
        if not segments or not names_a_file(segments[-1]):
            return _file_response(index, NO_STORE, head, _accepts_gzip(accept_encoding))
        return _not_found()


def names_a_file(segment: str) -> bool:
    _, dot, extension = segment.rpartition(".")
    return bool(dot) and extension.lower() in FILE_EXTENSIONS


def _accepts_gzip(accept_encoding: str) -> bool:
    codings = {part.split(";")[0].strip().lower(): part for part in accept_encoding.split(",")}
    return "gzip" in codings and "q=0" not in codings["gzip"].replace(" ", "")


def _file_response(file: Path, cache: str, head: bool, gzip_ok: bool = False) -> Response:
    suffix = file.suffix.lower()
    if suffix in TEXT_TYPES:
        text = file.read_text(encoding="utf-8")
        if gzip_ok and len(text.encode()) >= COMPRESS_FROM_BYTES:
            # Bytes with a text type: Chalice's server sends them as they are.
            response = _respond(b"" if head else gzip.compress(text.encode()), TEXT_TYPES[suffix], cache)
            response.headers.update({"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
            return response
        response = _respond("" if head else text, TEXT_TYPES[suffix], cache)
        response.headers["Vary"] = "Accept-Encoding"
        return response
    content_type = BINARY_TYPES.get(suffix) or mimetypes.guess_type(file.name)[0] or OCTET_STREAM
    if content_type not in APP_BINARY_TYPES:
        content_type = OCTET_STREAM
    return _respond(b"" if head else file.read_bytes(), content_type, cache)


def _respond(body: str | bytes, content_type: str, cache: str, status: int = 200) -> Response:
    headers = {**security_headers(), "Content-Type": content_type, "Cache-Control": cache}
    return Response(body=body, status_code=status, headers=headers)


def _not_found() -> Response:
    body = {"error": {"code": "not_found", "message": "Not found.", "details": []}, "requestId": None}
    return _respond(json.dumps(body), "application/json", NO_STORE, 404)


def _method_not_allowed() -> Response:
    body = {"error": {"code": "method_not_allowed", "message": "Only GET.", "details": []}, "requestId": None}
    response = _respond(json.dumps(body), "application/json", NO_STORE, 405)
    response.headers["Allow"] = "GET, HEAD"
    return response


def _not_built(accept: str) -> Response:
    if "text/html" in accept:
        page = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Workwell: web app not built'
            f"</title></head><body><h1>The web app is not built</h1><p>{_NOT_BUILT}</p>"
            '<p>The API is at <code>/api</code>, the sign-in helper at <a href="/_local/">/_local/</a>.</p>'
            "</body></html>"
        )
        return _respond(page, "text/html; charset=utf-8", NO_STORE, 503)
    body = {"error": {"code": "web_app_not_built", "message": _NOT_BUILT, "details": []}, "requestId": None}
    return _respond(json.dumps(body), "application/json", NO_STORE, 503)


def add_web_app(app: Chalice, web_app: WebApp | None = None) -> WebApp:
    """Serve the web app at every path the API and the local routes leave free."""
    site = web_app or WebApp()
    app.api.binary_types[:] = APP_BINARY_TYPES

    @app.route("/app-config.json", methods=["GET"])
    def app_config() -> Response:
        return site.config_response()

    def page(**_segments: str) -> Response:
        request = app.current_request
        raw_path = str(request.to_original_event()["requestContext"]["path"])
        path = unquote(raw_path)
        if _under(path, API_PREFIX):
            return api_not_found()
        if _under(path, LOCAL_PREFIX):
            return _not_found()
        if request.method not in {"GET", "HEAD"}:
            return _method_not_allowed()
        return site.response(
            raw_path,
            request.headers.get("accept", ""),
            head=request.method == "HEAD",
            accept_encoding=request.headers.get("accept-encoding", ""),
        )

    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    app.route("/", methods=methods, name="web_app_root", content_types=["*/*"])(page)
    for depth in range(1, MAX_SEGMENTS + 1):
        path = "".join(f"/{{s{i}}}" for i in range(depth))
        app.route(path, methods=methods, name=f"web_app_{depth}", content_types=["*/*"])(page)
    return site
