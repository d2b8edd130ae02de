"""Risky bodies as raw API Gateway REST proxy events straight to each function's
lambda_handler, with no gateway in between: as API Gateway REST without binary media types
sends them (text, U+FFFD for bytes that are not UTF-8), and base64-encoded as a binary media
type would. Every body route of template.yaml; never a 5xx, the expected 4xx code in the
API's error shape, nothing stored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

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


@pytest.mark.parametrize("channel", ["raw event", "raw event, base64"])
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_no_content_type_or_body_gets_a_5xx_from_the_handler(
    api: EmulatedApi, route: ApiRoute, channel: str
) -> None:
    outcomes = api.run(channel, channel_probes(channel, [route]))

    problems = [p for outcome in outcomes for p in outcome.problems()]
    assert problems == []
