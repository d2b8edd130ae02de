"""The OpenAPI snapshot documents the answers the API really gives, in the one error shape
(workwell.api.documented_responses); schemathesis checks them against the running handlers
(test_api_conformance.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from infra.local.openapi_document import SNAPSHOT
from infra.local.template_model import Template

ERROR_SCHEMA = {"$ref": "#/components/schemas/ErrorResponse"}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return dict(json.loads(SNAPSHOT.read_text(encoding="utf-8")))


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op) for path, ops in document["paths"].items() for method, op in ops.items()
    ]


def test_every_error_answer_has_the_error_response_shape(document: dict[str, Any]) -> None:
    wrong = [
        (method, path, status)
        for method, path, operation in operations(document)
        for status, answer in operation["responses"].items()
        if int(status) >= 400 and answer["content"]["application/json"]["schema"] != ERROR_SCHEMA
    ]

    assert not wrong


def test_powertools_default_validation_error_is_gone(document: dict[str, Any]) -> None:
    text = json.dumps(document)

    assert "HTTPValidationError" not in text
    assert '"detail"' not in text


def test_every_operation_documents_what_any_request_may_meet(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        answers = operation["responses"]
        assert {"429", "500", "503"} <= set(answers), (method, path)
        assert answers["503"]["headers"]["Retry-After"]["required"] is True


def test_401_is_documented_exactly_where_the_authorizer_runs(
    document: dict[str, Any], template: Template
) -> None:
    for route in template.routes:
        answers = document["paths"][route.path][route.method.lower()]["responses"]
        assert ("401" in answers) is route.authorized, (route.method, route.path)


def test_success_answers_declare_no_store(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        (success,) = [answer for status, answer in operation["responses"].items() if status.startswith("2")]
        assert success["headers"]["Cache-Control"]["schema"] == {"enum": ["no-store"], "type": "string"}, (
            method,
            path,
        )


def test_removing_a_staff_member_is_204_without_a_body(document: dict[str, Any]) -> None:
    answers = document["paths"]["/staff/{userId}"]["delete"]["responses"]

    assert "204" in answers
    assert "200" not in answers
    assert "content" not in answers["204"]


def test_body_routes_document_the_body_gate(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        if "requestBody" in operation:
            assert {"400", "413", "415", "422"} <= set(operation["responses"]), (method, path)


def test_paged_lists_document_invalid_cursors(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        if any(p["name"] == "cursor" for p in operation.get("parameters", [])):
            assert "invalid_cursor" in operation["responses"]["400"]["description"], (method, path)


def test_creating_routes_document_the_idempotency_answers(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        if any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", [])):
            answers = operation["responses"]
            assert "201" in answers, (method, path)
            assert "idempotency_key_missing" in answers["400"]["description"]
            assert "idempotency_in_progress" in answers["409"]["description"]
