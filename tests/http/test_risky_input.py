"""Risky bodies through the local gateway, which passes them on as API Gateway REST does
(every content type, non-UTF-8 bytes as U+FFFD, never base64): every body route of
template.yaml, every content type with every corpus entry. Never a 5xx; the expected 4xx
code in the API's error shape; nothing stored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from infra.local.gateway import API_PREFIX
from infra.local.local_tokens import LocalTokenIssuer
from infra.local.template_model import ApiRoute, Template
from tests.risky_input import EmulatedApi, body_routes, channel_probes, emulated_api

ROUTES = body_routes(Template())


@pytest.fixture(scope="module")
def api(
    template: Template, tokens: LocalTokenIssuer, provisioned_tables: dict[str, Any]
) -> Iterator[EmulatedApi]:
    with emulated_api(template, tokens, provisioned_tables) as emulated:
        yield emulated


def test_the_template_has_body_routes_to_probe() -> None:
    assert len(ROUTES) >= 10
    assert {r.function for r in ROUTES} >= {"AdminFunction", "ReportsFunction", "CasesFunction"}


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_no_content_type_or_body_gets_a_5xx_through_the_gateway(api: EmulatedApi, route: ApiRoute) -> None:
    outcomes = api.run("gateway", channel_probes("gateway", [route]))

    problems = [p for outcome in outcomes for p in outcome.problems()]
    assert problems == []


def test_the_gateway_hands_every_content_type_and_raw_text_to_the_function(api: EmulatedApi) -> None:
    """What Chalice used to hide: it answered 415 itself and base64-encoded bodies that are
    not UTF-8. The function now sees what API Gateway would hand it."""
    seen: list[dict[str, Any]] = []
    original = api.host.invoke

    def spy(function: str, event: Any) -> dict[str, Any]:
        seen.append(dict(event))
        return original(function, event)

    api.host.invoke = spy  # type: ignore[method-assign]
    try:
        sent = [
            ("text/plain", b"hello"),
            ("application/json", b'{"receipt": "\xff"}'),
            ("application/json", b""),
        ]
        for content_type, body in sent:
            api.gateway.http.request(
                "POST",
                API_PREFIX + "/public/kokkola/follow-up",
                headers={"Content-Type": content_type},
                body=body,
            )
    finally:
        api.host.invoke = original  # type: ignore[method-assign]

    assert [(e["headers"]["content-type"], e["body"], e["isBase64Encoded"]) for e in seen] == [
        ("text/plain", "hello", False),
        ("application/json", '{"receipt": "\ufffd"}', False),
        ("application/json", None, False),
    ]
