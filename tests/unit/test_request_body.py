"""The request-body gate, table-driven: content types, encodings, nesting depth and size,
decided on the REST proxy event before Powertools parses anything."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from workwell.api.request_body import MAX_JSON_DEPTH, BodyRefusal, admit, nests_too_deep

LIMIT = 1024


def event(
    body: str | None = "{}",
    content_type: str | None = "application/json",
    *,
    method: str = "POST",
    base64_encoded: bool = False,
    header_name: str = "Content-Type",
) -> dict[str, Any]:
    headers = {header_name: content_type} if content_type is not None else {}
    return {
        "httpMethod": method,
        "resource": "/reports",
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "body": body,
        "isBase64Encoded": base64_encoded,
        "requestContext": {"requestId": "r-1"},
    }


def refusal_of(result: dict[str, Any] | BodyRefusal) -> tuple[int, str] | None:
    return (result.status, result.code) if isinstance(result, BodyRefusal) else None


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "Application/Json",
        "APPLICATION/JSON",
        "application/json; charset=UTF-8",
        "application/json;charset=utf-8",
        'application/json; charset="utf-8"',
        " application/json ; version=1",
    ],
)
def test_json_in_any_case_with_parameters_is_admitted_as_exactly_application_json(content_type: str) -> None:
    admitted = admit(event(content_type=content_type, header_name="content-TYPE"), LIMIT)

    assert isinstance(admitted, dict)
    assert admitted["headers"] == {"content-TYPE": "application/json"}
    assert admitted["multiValueHeaders"] == {"content-TYPE": ["application/json"]}
    assert admitted["body"] == "{}"


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/xml",
        "multipart/form-data",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "application/jsonx",
        "application/json-patch+json",
        "application/json; charset=ISO-8859-1",
        "",
        None,
    ],
)
def test_anything_else_with_a_body_is_415(content_type: str | None) -> None:
    assert refusal_of(admit(event(content_type=content_type), LIMIT)) == (415, "unsupported_media_type")


def test_two_content_types_of_which_one_is_not_json_are_415() -> None:
    two = event()
    two["multiValueHeaders"] = {"Content-Type": ["application/json", "text/plain"]}

    assert refusal_of(admit(two, LIMIT)) == (415, "unsupported_media_type")


@pytest.mark.parametrize(
    ("body", "content_type", "method", "expected"),
    [
        # No body: a missing content type is fine, and so is any type on a bodyless method.
        (None, None, "POST", None),
        ("", None, "PUT", None),
        (None, "text/plain", "GET", None),
        (None, "text/plain", "DELETE", None),
        # On a method that carries a body, a type that is sent must be JSON, body or not
        # (Powertools would fail on it when the route reads its body).
        (None, "text/plain", "POST", (415, "unsupported_media_type")),
        ("", "multipart/form-data", "PATCH", (415, "unsupported_media_type")),
        # A body on any method must be JSON.
        ("hello", "text/plain", "GET", (415, "unsupported_media_type")),
    ],
)
def test_a_content_type_matters_where_there_is_a_body_to_read(
    body: str | None, content_type: str | None, method: str, expected: tuple[int, str] | None
) -> None:
    assert refusal_of(admit(event(body, content_type, method=method), LIMIT)) == expected


@pytest.mark.parametrize(
    ("raw", "base64_encoded"),
    [
        # What API Gateway REST without binary media types makes of bytes that are not UTF-8.
        ('{"body": "Hyv\ufffd\ufffd"}', False),
        # Base64 (as with a binary media type) of bytes that are not UTF-8, or not base64 at all.
        (base64.b64encode(b'{"body": "Hyv\xe4\xe4"}').decode(), True),
        ("not base64!", True),
        # Text holding a lone surrogate (only a hand-made event can): not UTF-8 either.
        ('{"body": "\ud800"}', False),
    ],
)
def test_a_body_that_is_not_utf8_is_400(raw: str, base64_encoded: bool) -> None:
    assert refusal_of(admit(event(raw, base64_encoded=base64_encoded), LIMIT)) == (400, "invalid_encoding")


def test_a_base64_body_is_handed_on_as_text() -> None:
    text = '{"body": "Hyvää päivää"}'
    encoded = base64.b64encode(text.encode()).decode()

    admitted = admit(event(encoded, base64_encoded=True), LIMIT)

    assert isinstance(admitted, dict)
    assert (admitted["body"], admitted["isBase64Encoded"]) == (text, False)


def test_an_escaped_replacement_character_is_the_client_s_own_choice() -> None:
    assert isinstance(admit(event('{"body": "\\ufffd"}'), LIMIT), dict)


def test_the_size_limit_counts_bytes_not_characters() -> None:
    text = json.dumps({"body": "ä" * 600}, ensure_ascii=False)  # 612 characters, 1212 bytes
    assert len(text) < LIMIT < len(text.encode())

    assert refusal_of(admit(event(text), LIMIT)) == (413, "payload_too_large")
    assert refusal_of(admit(event("x" * LIMIT), LIMIT)) is None


@pytest.mark.parametrize(
    ("text", "too_deep"),
    [
        ("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, False),
        ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), True),
        ('{"a":' * (MAX_JSON_DEPTH + 1) + "1" + "}" * (MAX_JSON_DEPTH + 1), True),
        ("[]" * 10_000, False),  # many brackets, never deep
        ('{"a": "' + "[" * 10_000 + '"}', False),  # brackets inside a string do not nest
        ('{"a": "\\"' + "{" * 100 + '"}', False),  # nor after an escaped quote
        ("[" * 10_000, True),  # unclosed, still refused before anything recurses into it
    ],
)
def test_nesting_is_measured_without_parsing(text: str, too_deep: bool) -> None:
    assert nests_too_deep(text) is too_deep


def test_deep_nesting_is_400_and_fast() -> None:
    body = "[" * 10_000 + "]" * 10_000

    assert refusal_of(admit(event(body), 64 * 1024)) == (400, "nesting_too_deep")
