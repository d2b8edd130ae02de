"""One origin for the app and the API (issue 13): the API under /api, the sign-in helper
under /_local/, and every other GET path the built web app, with the security headers of
the CloudFront response-headers policy."""

from __future__ import annotations

import gzip
import os
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chalice import Chalice  # type: ignore[attr-defined]
from chalice.config import Config
from chalice.local import LocalDevServer
from chalice.test import Client

from infra.local.function_host import FunctionHost
from infra.local.gateway import build_gateway
from infra.local.local_routes import add_local_routes
from infra.local.local_tokens import DemoIdentity, LocalTokenIssuer
from infra.local.stack import free_port
from infra.local.template_model import Template
from infra.local.web_app import IMMUTABLE, LOCAL_APP_CONFIG, NO_STORE, WebApp, add_web_app
from infra.tenants.definitions import Definitions
from infra.web_headers import security_headers
from tests.conftest import json_body

INDEX = '<!doctype html><title>Workwell</title><script type="module" src="/assets/index-abc123.js"></script>'
SCRIPT = "console.log('the app');"
LARGE_SCRIPT = "export const words = [" + ",".join(f"'word{n}'" for n in range(400)) + "];"
# Every byte value, so that any re-encoding (UTF-8, base64 left in place) shows.
FONT = bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
ACCEPT_ANY = {"Accept": "*/*"}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX, encoding="utf-8")
    (dist / "assets" / "index-abc123.js").write_text(SCRIPT, encoding="utf-8")
    (dist / "assets" / "large-abc123.js").write_text(LARGE_SCRIPT, encoding="utf-8")
    (dist / "assets" / "index-abc123.css").write_text("body{margin:0}", encoding="utf-8")
    (dist / "assets" / "font-abc123.woff2").write_bytes(FONT)
    (dist / "assets" / "logo-abc123.png").write_bytes(PNG)
    (dist / "favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside of dist", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", dist / "assets" / "link.txt")
    return dist


@pytest.fixture
def compose(
    function_host: FunctionHost, template: Template, tokens: LocalTokenIssuer, definitions: Definitions
) -> Callable[[Path], Chalice]:
    """The local stack's one origin with the app built in `dist`, composed as
    `infra.local.stack` composes it."""

    def origin_with(dist: Path) -> Chalice:
        app = build_gateway(template, function_host, tokens)
        add_local_routes(app, definitions, tokens, {"openapi": "3.1.0", "paths": {}})
        add_web_app(app, WebApp(dist))
        return app

    return origin_with


@pytest.fixture
def origin(compose: Callable[[Path], Chalice], dist: Path) -> Iterator[Client]:
    with Client(compose(dist)) as client:
        yield client


@pytest.fixture
def token(tokens: LocalTokenIssuer, people: dict[str, DemoIdentity]) -> str:
    return tokens.issue(people["kokkola-employee-aino"])


def _security_headers_of(response: Any) -> dict[str, str]:
    return {name: response.headers.get(name) for name in security_headers()}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/cases/abc",
        "/cases/abc/",
        "/kokkola/report",
        "/reports/x",
        "/me?x=1",
        # A tray email's link: ids name their tenant before a dot.
        "/tray/orders/ii.0123456789abcdef",
        "/tray/services/oulunkaari.ab12",
    ],
)
def test_pages_of_the_app_are_its_index(origin: Client, path: str) -> None:
    response = origin.http.get(path)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers["Cache-Control"] == NO_STORE
    assert response.body.decode() == INDEX


@pytest.mark.parametrize(
    ("path", "content_type", "cache"),
    [
        ("/assets/index-abc123.js", "text/javascript; charset=utf-8", IMMUTABLE),
        ("/assets/index-abc123.css", "text/css; charset=utf-8", IMMUTABLE),
        ("/favicon.svg", "image/svg+xml", NO_STORE),
        ("/index.html", "text/html; charset=utf-8", NO_STORE),
    ],
)
def test_files_of_the_build_have_their_type_and_caching(
    origin: Client, path: str, content_type: str, cache: str
) -> None:
    response = origin.http.get(path)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Cache-Control"] == cache


@pytest.mark.parametrize(
    ("path", "content", "content_type"),
    [("/assets/font-abc123.woff2", FONT, "font/woff2"), ("/assets/logo-abc123.png", PNG, "image/png")],
)
def test_binary_files_arrive_byte_for_byte(
    origin: Client, path: str, content: bytes, content_type: str
) -> None:
    response = origin.http.get(path, headers=ACCEPT_ANY)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.body == content


@pytest.fixture
def over_http(dist: Path) -> Iterator[str]:
    """The app of `dist` behind the dev server `make run` uses, which writes bodies itself
    (chalice.test's client does not); yields its base URL."""
    app = Chalice(app_name="web-app-only")
    add_web_app(app, WebApp(dist))
    port = free_port()
    server = LocalDevServer(app, Config.create(chalice_stage="local", app_name="w"), "127.0.0.1", port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.server.shutdown()
        server.server.server_close()


def _fetch(url: str, headers: dict[str, str]) -> tuple[bytes, Any]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as answer:  # noqa: S310 (loopback)
        return answer.read(), answer.headers


def test_binary_files_arrive_byte_for_byte_over_real_http(over_http: str) -> None:
    body, headers = _fetch(f"{over_http}/assets/font-abc123.woff2", ACCEPT_ANY)

    assert (headers["Content-Type"], body) == ("font/woff2", FONT)


def test_text_of_1000_bytes_or_more_is_gzipped_for_a_client_that_accepts_it(
    origin: Client, dist: Path
) -> None:
    """As CloudFront's `Compress: true`: the report form's first load is several times
    smaller compressed, and the local stack should not measure it otherwise. (chalice.test's
    client cannot carry a compressed text body: the real server is tested below.)"""
    compressed = WebApp(dist).response("/assets/large-abc123.js", accept_encoding="gzip, br")
    small = origin.http.get("/assets/index-abc123.js", headers={"Accept-Encoding": "gzip"})
    plain = origin.http.get("/assets/large-abc123.js", headers={"Accept-Encoding": "identity"})

    assert compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(compressed.body).decode() == LARGE_SCRIPT
    assert "Content-Encoding" not in small.headers
    assert small.body.decode() == SCRIPT
    assert "Content-Encoding" not in plain.headers
    assert plain.body.decode() == LARGE_SCRIPT


def test_gzipped_text_arrives_intact_over_real_http(over_http: str) -> None:
    body, headers = _fetch(f"{over_http}/assets/large-abc123.js", {**ACCEPT_ANY, "Accept-Encoding": "gzip"})

    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).decode() == LARGE_SCRIPT


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/assets/..%5c..%5csecret.txt",
        "/assets/link.txt",
        "/assets/%00.js",
    ],
)
def test_no_path_leaves_the_build(origin: Client, path: str) -> None:
    response = origin.http.get(path)

    assert response.status_code == 404
    assert b"outside of dist" not in response.body


def test_a_missing_file_with_an_extension_is_404_never_the_index(origin: Client) -> None:
    response = origin.http.get("/assets/index-old.js")

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "path", ["/", "/cases/abc", "/assets/index-abc123.js", "/app-config.json", "/nope.js"]
)
def test_every_app_answer_has_the_policy_headers(origin: Client, path: str) -> None:
    response = origin.http.get(path)

    assert _security_headers_of(response) == security_headers()
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert not [h for h in response.headers if h.lower().startswith("access-control-")]


def test_the_app_config_tells_the_app_to_sign_in_locally(origin: Client) -> None:
    response = origin.http.get("/app-config.json")

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == NO_STORE
    assert json_body(response) == LOCAL_APP_CONFIG
    assert json_body(response)["signIn"] == {
        "kind": "local",
        "peopleUrl": "/_local/users",
        "signInUrl": "/_local/sign-in",
    }


def test_the_api_answers_under_api_with_a_token(origin: Client, token: str) -> None:
    response = origin.http.get("/api/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert json_body(response)["tenant"]["id"] == "kokkola"
    assert origin.http.get("/api/me").status_code == 401


def test_without_the_prefix_a_path_is_a_page_never_the_api(origin: Client, token: str) -> None:
    response = origin.http.get("/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.body.decode() == INDEX


def test_the_function_sees_the_path_without_the_prefix(
    origin: Client, token: str, function_host: Any
) -> None:
    seen: list[dict[str, Any]] = []
    original = function_host.invoke

    def spy(function: str, event: Any) -> dict[str, Any]:
        seen.append(event)
        return original(function, event)

    function_host.invoke = spy
    try:
        origin.http.get("/api/reports/mine?limit=2", headers={"Authorization": f"Bearer {token}"})
    finally:
        function_host.invoke = original

    (event,) = seen
    assert (event["path"], event["resource"], event["requestContext"]["path"]) == ("/reports/mine",) * 3


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/api/no-such-route"), ("POST", "/api"), ("GET", "/api/"), ("OPTIONS", "/api/no-such-route")],
)
def test_an_unknown_api_path_answers_as_api_gateway_would(origin: Client, method: str, path: str) -> None:
    response = origin.http.request(method, path)

    assert response.status_code == 404
    assert json_body(response)["error"]["code"] == "not_found"


def test_a_body_of_a_binary_type_reaches_the_function_as_before(origin: Client, function_host: Any) -> None:
    """The app's binary types make Chalice base64-encode such request bodies; the gateway
    undoes it, so the API's functions still see text, as API Gateway sends it."""
    seen: list[dict[str, Any]] = []
    original = function_host.invoke

    def spy(function: str, event: Any) -> dict[str, Any]:
        seen.append(event)
        return original(function, event)

    function_host.invoke = spy
    try:
        response = origin.http.request(
            "POST", "/api/public/kokkola/follow-up", headers={"content-type": "font/woff2"}, body=b"\xffab"
        )
    finally:
        function_host.invoke = original

    assert response.status_code == 415
    assert [(e["body"], e["isBase64Encoded"]) for e in seen] == [("\ufffdab", False)]


@pytest.mark.parametrize("path", ["/_local/", "/_local"])
def test_the_sign_in_helper_is_under_local(origin: Client, path: str) -> None:
    response = origin.http.get(path)

    assert response.status_code == 200
    assert "Sign in as a demo person" in response.body.decode()
    assert "/api/me" in response.body.decode()


def test_an_unknown_local_path_is_404(origin: Client) -> None:
    assert origin.http.get("/_local/nothing-here").status_code == 404


@pytest.mark.parametrize("path", ["/api/me", "/api/public/kokkola/follow-up", "/cases/abc"])
def test_no_cors_preflight_is_answered(origin: Client, path: str) -> None:
    """Same origin only: no CORS headers anywhere, as on AWS (template.yaml has no Cors)."""
    response = origin.http.request(
        "OPTIONS", path, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )

    assert response.status_code in {404, 405}
    assert not [h for h in response.headers if h.lower().startswith("access-control-")]


def test_the_app_takes_only_get(origin: Client) -> None:
    response = origin.http.request("POST", "/cases/abc")

    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


def test_head_answers_headers_without_a_body(origin: Client) -> None:
    response = origin.http.request("HEAD", "/cases/abc")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.body == b""


def test_without_a_build_the_app_says_how_to_make_one(
    compose: Callable[[Path], Chalice], tmp_path: Path, token: str
) -> None:
    with Client(compose(tmp_path / "missing")) as client:
        page = client.http.get("/cases/abc", headers={"Accept": "text/html,*/*"})
        answer = client.http.get("/cases/abc")
        api = client.http.get("/api/me", headers={"Authorization": f"Bearer {token}"})

    assert (page.status_code, answer.status_code) == (503, 503)
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "npm run build" in page.body.decode()
    assert "make run" in page.body.decode()
    assert json_body(answer)["error"]["code"] == "web_app_not_built"
    assert api.status_code == 200
