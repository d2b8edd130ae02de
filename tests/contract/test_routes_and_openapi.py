"""The template, the handlers and the OpenAPI snapshot describe the same API."""

from __future__ import annotations

import json
from typing import Any

from infra.local.function_host import FunctionHost
from infra.local.openapi_document import SNAPSHOT, merged_openapi, render
from infra.local.template_model import Template, resolve_value


class _Placeholders(dict[Any, str]):
    def __missing__(self, key: Any) -> str:
        return f"placeholder-{key}"


class PlaceholderResources:
    """Environment values only need to exist to import a handler; nothing is called."""

    def environment_of(self, template: Template, function: str) -> dict[str, str]:
        refs = _Placeholders(
            {n: str(p.get("Default", "")) for n, p in template.document["Parameters"].items()}
        )
        return {
            name: resolve_value(value, refs, _Placeholders(), template)
            for name, value in template.raw_environment(function).items()
        }


def _routes_of_handlers(template: Template, host: FunctionHost) -> set[tuple[str, str, str]]:
    routes = set()
    for function in template.functions:
        app = getattr(host.module(function), "app", None)
        if app is None:  # not behind the API (e.g. the sign-in trigger)
            continue
        schema = app.get_openapi_schema()
        for path, operations in schema.paths.items():
            for method in operations.model_dump(exclude_none=True):
                if method in {"get", "put", "post", "delete", "patch"}:
                    routes.add((function, method.upper(), path))
    return routes


def test_every_template_api_event_has_a_handler_route_and_vice_versa(template: Template) -> None:
    host = FunctionHost(template, PlaceholderResources(), {"POWERTOOLS_TRACE_DISABLED": "true"})  # type: ignore[arg-type]

    in_template = {(r.function, r.method, r.path) for r in template.routes}

    assert in_template == _routes_of_handlers(template, host)


def test_the_openapi_snapshot_is_up_to_date() -> None:
    assert SNAPSHOT.read_text(encoding="utf-8") == render(merged_openapi()), (
        "docs/openapi.json is stale: run `make openapi` and commit it"
    )


def test_the_merged_openapi_covers_exactly_the_template_paths(template: Template) -> None:
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

    documented = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops}

    assert documented == {(r.method, r.path) for r in template.routes}


def test_local_only_routes_never_appear_in_the_template(template: Template) -> None:
    assert not [r for r in template.routes if r.path.startswith("/_local") or r.path == "/"]


def test_the_document_declares_bearer_authentication() -> None:
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

    assert document["components"]["securitySchemes"]["cognito"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    assert document["security"] == [{"cognito": []}]


def test_creating_report_routes_document_the_idempotency_key_and_201() -> None:
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    creating = {
        ("/reports", 1),
        ("/reports/{reportId}/messages", 1),
        ("/public/{tenant}/reports", 16),
        ("/public/{tenant}/follow-up/messages", 16),
    }

    for path, min_length in creating:
        operation = document["paths"][path]["post"]
        (header,) = [p for p in operation["parameters"] if p["in"] == "header"]
        assert (header["name"], header["required"], header["schema"]["minLength"]) == (
            "Idempotency-Key",
            True,
            min_length,
        )
        assert "201" in operation["responses"]


def test_anonymous_routes_need_no_token_in_the_document(template: Template) -> None:
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

    for route in template.routes:
        operation = document["paths"][route.path][route.method.lower()]
        assert (operation.get("security") == []) is (not route.authorized), route.path
