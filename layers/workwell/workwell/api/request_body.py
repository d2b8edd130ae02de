"""What a request body must be before anything parses it: UTF-8 JSON, sent as such, within
the route's size and a sane nesting depth. Pure functions over the REST proxy event; the
gate that answers with them is `resolver_setup.request_body_gate`.

Powertools would otherwise answer 500 to a body it cannot read: an `Application/Json` or
`text/plain` content type (it compares the header case-sensitively), a base64 body that is
not UTF-8, or JSON nested deeper than the interpreter's recursion limit."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

JSON_MEDIA_TYPE = "application/json"
# Methods whose requests carry a body in this API; others may send a content type freely.
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# Deeper than any request model (tenant settings reach about 8 levels), far below the
# depth at which Python's JSON decoder or pydantic would hit their recursion limits.
MAX_JSON_DEPTH = 32
# API Gateway REST without binary media types passes a body that is not UTF-8 as text,
# each invalid byte sequence replaced by U+FFFD. The service refuses that character, so a
# body that was not UTF-8 is a 400 on AWS as well, never silently stored mangled text.
REPLACEMENT_CHARACTER = "\ufffd"

_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


@dataclass(frozen=True)
class BodyRefusal:
    status: int
    code: str
    message: str


def admit(event: Mapping[str, Any], max_bytes: int) -> dict[str, Any] | BodyRefusal:
    """The event as the resolver may see it (body as UTF-8 text, the content type exactly
    `application/json`), or why it is refused."""
    body = event.get("body")
    if body is not None and not isinstance(body, str):
        return _not_utf8()  # only a hand-made event can hold anything but text or null
    content_types = _content_types(event)
    method = str(event.get("httpMethod") or "").upper()
    wrong_type = not content_types or not all(_is_json(value) for value in content_types)
    if (body or (method in BODY_METHODS and content_types)) and wrong_type:
        return BodyRefusal(
            415, "unsupported_media_type", "Send the request body as application/json (UTF-8)."
        )
    admitted = dict(event) if wrong_type else _with_json_content_type(event, content_types)
    if not body:
        return admitted
    text = _text_of(body, bool(event.get("isBase64Encoded")), max_bytes)
    if isinstance(text, BodyRefusal):
        return text
    if nests_too_deep(text):
        return BodyRefusal(
            400, "nesting_too_deep", f"The request body may nest at most {MAX_JSON_DEPTH} levels deep."
        )
    admitted["body"] = text
    admitted["isBase64Encoded"] = False
    return admitted


def _text_of(body: str, is_base64: bool, max_bytes: int) -> str | BodyRefusal:
    try:
        raw = base64.b64decode(body, validate=True) if is_base64 else body.encode("utf-8")
    except (binascii.Error, ValueError, UnicodeEncodeError):
        # Not base64, or text holding lone surrogates (only a hand-made event can): not UTF-8.
        return _not_utf8()
    if len(raw) > max_bytes:
        return BodyRefusal(
            413, "payload_too_large", f"The request body may be at most {max_bytes // 1024} KB."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _not_utf8()
    return _not_utf8() if REPLACEMENT_CHARACTER in text else text


def nests_too_deep(text: str) -> bool:
    """Whether arrays and objects in `text` nest deeper than MAX_JSON_DEPTH (strings are
    skipped), found without parsing it: linear, and no recursion to exhaust."""
    brackets = _NOT_A_BRACKET.sub("", _STRING.sub("", text))
    if len(brackets) <= MAX_JSON_DEPTH:
        return False
    return max(accumulate(map(_STEP.__getitem__, brackets))) > MAX_JSON_DEPTH


def _content_types(event: Mapping[str, Any]) -> list[str]:
    values = [str(v) for k, v in (event.get("headers") or {}).items() if k.lower() == "content-type"]
    for name, listed in (event.get("multiValueHeaders") or {}).items():
        if name.lower() == "content-type":
            values.extend(str(v) for v in listed or [])
    return values


def _is_json(content_type: str) -> bool:
    """`application/json` in any case; parameters are allowed, a charset only if UTF-8."""
    media_type, *parameters = content_type.split(";")
    if media_type.strip().lower() != JSON_MEDIA_TYPE:
        return False
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in {"utf-8", "utf8"}:
            return False
    return True


def _not_utf8() -> BodyRefusal:
    return BodyRefusal(400, "invalid_encoding", "The request body must be UTF-8 encoded JSON.")


def _with_json_content_type(event: Mapping[str, Any], content_types: list[str]) -> dict[str, Any]:
    """Powertools reads only an exact lower-case `application/json` as JSON."""
    admitted = dict(event)
    admitted["headers"] = {
        k: (JSON_MEDIA_TYPE if k.lower() == "content-type" else v)
        for k, v in (event.get("headers") or {}).items()
    }
    if event.get("multiValueHeaders"):
        admitted["multiValueHeaders"] = {
            k: ([JSON_MEDIA_TYPE] if k.lower() == "content-type" else v)
            for k, v in event["multiValueHeaders"].items()
        }
    return admitted
