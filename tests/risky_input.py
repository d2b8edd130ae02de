"""Risky request bodies: content types by a malformed-body corpus, sent to every body route
of template.yaml through the local gateway and as raw API Gateway REST proxy events
straight to each function's lambda_handler. Shared by tests/http/test_risky_input.py,
tests/integration/test_risky_input_events.py and the report `python -m tests.perf.risky_input_table`.

Routes come from the template, so a route added later is covered without touching this."""

from __future__ import annotations

import base64
import copy
import json
import os
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import boto3
from chalice.test import Client
from moto import mock_aws

from infra.local.aws_resources import LOCAL_REGION, create_local_resources
from infra.local.demo_people import demo_identities
from infra.local.function_host import FunctionHost
from infra.local.gateway import API_PREFIX, build_gateway
from infra.local.local_tokens import DemoIdentity, LocalTokenIssuer
from infra.local.template_model import ApiRoute, Template
from infra.tenants.definitions import load_definitions
from infra.tenants.provision import provision_all
from tests.conftest import LOCAL_ENVIRONMENT, rest_proxy_event, stored_items
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames

BODY_METHODS = ("POST", "PUT", "PATCH")
# Who calls the signed-in routes. The body is refused (or validated) before anyone's
# rights are looked at, so one person does for every route.
CALLER = "kokkola-safetymgr-pekka"
# Path parameters by name; any other gets an id that fits the id patterns.
FALLBACK_PATH_VALUE = "0123456789abcdef0123456789abcdef"
PATH_VALUES = {
    "tenant": "kokkola",
    "userId": "kokkola-employee-aino",
    "type": "harassment",
    # Tray ids name their owner tenant (`<tenant>.<32 hex>`).
    "serviceId": f"kokkola.{FALLBACK_PATH_VALUE}",
    "orderId": f"kokkola.{FALLBACK_PATH_VALUE}",
}

ACCEPTED_TYPES: tuple[str | None, ...] = (
    "application/json",
    "Application/Json",
    "application/json; charset=UTF-8",
)
REFUSED_TYPES: tuple[str | None, ...] = (
    "text/plain",
    "application/xml",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
    None,
)
CONTENT_TYPES = ACCEPTED_TYPES + REFUSED_TYPES


@dataclass(frozen=True)
class Entry:
    """A body of the corpus. `refusal` is the gate's answer whatever the route does with a
    body; without one the body reaches request validation: a 422 on a route that takes a
    body, ignored (the route's answer to `{}`) on one that takes none."""

    name: str
    body: bytes
    refusal: tuple[int, str] | None = None


def _nested(opening: str, closing: str, depth: int, inner: str = "0") -> bytes:
    return (opening * depth + inner + closing * depth).encode()


WELL_FORMED = Entry("JSON object {}", b"{}")
CORPUS: tuple[Entry, ...] = (
    WELL_FORMED,
    Entry("arrays nested 10,000 deep (20 KB)", b"[" * 10_000 + b"]" * 10_000, (400, "nesting_too_deep")),
    Entry("objects nested 4,000 deep (20 KB)", _nested('{"a":', "}", 4_000), (400, "nesting_too_deep")),
    Entry(
        "a field nested 10,000 deep",
        b'{"type": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
        (400, "nesting_too_deep"),
    ),
    Entry("not UTF-8 (\\xff\\xfe)", b'{"type": "\xff\xfe"}', (400, "invalid_encoding")),
    Entry("Latin-1 text", b'{"body": "Hyv\xe4\xe4 p\xe4iv\xe4\xe4"}', (400, "invalid_encoding")),
    Entry("over 256 KB", b'{"body": "' + b"x" * 300_000 + b'"}', (413, "payload_too_large")),
    Entry("invalid JSON", b'{"type": '),
    Entry("JSON string", b'"a report"'),
    Entry("JSON array", b"[1, 2, 3]"),
    Entry("JSON number", b"3"),
    Entry("JSON null", b"null"),
    Entry("empty body", b""),
    Entry("NUL bytes", b'{"type": "\x00\x00"}\x00'),
    Entry("lone surrogate escapes", b'{"type": "\\ud800", "\\udc00": "\\udfff"}'),
)


@dataclass(frozen=True)
class Probe:
    route: ApiRoute
    content_type: str | None
    entry: Entry


@dataclass
class Outcome:
    probe: Probe
    channel: str
    status: int
    body: str
    headers: Mapping[str, str]
    stored: int
    expected: tuple[int, str | None]
    refused_before_use: bool

    @property
    def code(self) -> str | None:
        return error_code(self.body)

    def problems(self) -> list[str]:
        where = f"{self.channel} {self.probe.route.method} {self.probe.route.path} "
        where += f"[{self.probe.content_type}] {self.probe.entry.name}"
        found = []
        if self.status >= 500:
            found.append(f"{where}: {self.status}")
        if (self.status, self.code) != self.expected:
            found.append(f"{where}: {self.status} {self.code}, expected {self.expected}")
        if self.status >= 400 and not _has_error_shape(self.body):
            found.append(f"{where}: not the API's error shape")
        if self.status >= 400 and self.headers.get("Cache-Control") != "no-store":
            found.append(f"{where}: no Cache-Control: no-store")
        if self.refused_before_use and self.stored:
            found.append(f"{where}: {self.stored} items stored")
        return found


def error_code(body: str) -> str | None:
    try:
        return str(json.loads(body)["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return None


def _has_error_shape(body: str) -> bool:
    try:
        answer = json.loads(body)
    except ValueError:
        return False
    if set(answer) != {"error", "requestId"} or not isinstance(answer["error"], dict):
        return False
    error = answer["error"]
    return (
        set(error) == {"code", "message", "details"}
        and all(isinstance(error[k], str) for k in ("code", "message"))
        and all(set(d) == {"loc", "msg"} for d in error["details"])
    )


def body_routes(template: Template) -> list[ApiRoute]:
    return [r for r in template.routes if r.method in BODY_METHODS]


def concrete_path(route: ApiRoute) -> tuple[str, dict[str, str]]:
    parameters: dict[str, str] = {}
    parts = []
    for part in route.path.split("/"):
        if part.startswith("{") and part.endswith("}"):
            name = part[1:-1]
            parameters[name] = PATH_VALUES.get(name, FALLBACK_PATH_VALUE)
            parts.append(parameters[name])
        else:
            parts.append(part)
    return "/".join(parts), parameters


def probes(routes: list[ApiRoute]) -> list[Probe]:
    return [Probe(r, ct, e) for r in routes for ct in CONTENT_TYPES for e in CORPUS]


# ------------------------------------------------------------------ the emulated API


@dataclass
class EmulatedApi:
    template: Template
    host: FunctionHost
    gateway: Client
    people: dict[str, DemoIdentity]
    token: str
    _baselines: dict[tuple[str, ApiRoute], tuple[int, str | None]] = field(default_factory=dict)
    _takes_body: dict[ApiRoute, bool] = field(default_factory=dict)

    def takes_body(self, route: ApiRoute) -> bool:
        """Whether the route's operation has a request body, from its function's resolver."""
        if route not in self._takes_body:
            schema = self.host.module(route.function).app.get_openapi_schema()
            operation = getattr(schema.paths[route.path], route.method.lower())
            self._takes_body[route] = operation.requestBody is not None
        return self._takes_body[route]

    # -------------------------------------------------------------- channels

    def through_gateway(self, probe: Probe) -> tuple[int, str, dict[str, str]]:
        path, _ = concrete_path(probe.route)
        response = self.gateway.http.request(
            probe.route.method, API_PREFIX + path, headers=self._headers(probe), body=probe.entry.body
        )
        return response.status_code, response.body.decode("utf-8", "replace"), dict(response.headers)

    def as_event(self, probe: Probe, *, base64_encoded: bool = False) -> tuple[int, str, dict[str, str]]:
        result = self.host.invoke(probe.route.function, self.event(probe, base64_encoded=base64_encoded))
        headers = {k: str(v) for k, v in (result.get("headers") or {}).items()}
        headers.update({k: ",".join(v) for k, v in (result.get("multiValueHeaders") or {}).items()})
        return int(result["statusCode"]), str(result.get("body") or ""), headers

    def event(self, probe: Probe, *, base64_encoded: bool = False) -> dict[str, Any]:
        """A REST proxy event as API Gateway REST without binary media types sends it: the
        body as text, bytes that are not UTF-8 replaced by U+FFFD, never base64; or, with
        `base64_encoded`, as it would be with a binary media type configured."""
        route = probe.route
        path, parameters = concrete_path(route)
        headers = self._headers(probe, authorization=False)
        raw = probe.entry.body
        if base64_encoded:
            body: str | None = base64.b64encode(raw).decode("ascii") if raw else None
        else:
            body = raw.decode("utf-8", "replace") or None
        claims = self.people[CALLER].claims() if route.authorized else None
        return rest_proxy_event(
            route.method,
            path,
            claims,
            raw_body=body,
            headers=headers,
            resource=route.path,
            path_parameters=parameters or None,
            is_base64_encoded=base64_encoded and body is not None,
        )

    def _headers(self, probe: Probe, *, authorization: bool = True) -> dict[str, str]:
        headers = {"Idempotency-Key": f"risky-input-{uuid.uuid4()}"}
        if probe.content_type is not None:
            headers["Content-Type"] = probe.content_type
        if authorization and probe.route.authorized:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    # -------------------------------------------------------------- expectations

    def expected(self, channel: str, probe: Probe) -> tuple[tuple[int, str | None], bool]:
        """What the probe must be answered, and whether that answer refuses the body before
        anything could be stored."""
        entry, content_type = probe.entry, probe.content_type
        if entry.body and content_type not in ACCEPTED_TYPES:
            return (415, "unsupported_media_type"), True
        if not entry.body and content_type is not None and content_type not in ACCEPTED_TYPES:
            return (415, "unsupported_media_type"), True
        if entry.refusal is not None:
            return entry.refusal, True
        if entry is not WELL_FORMED and self.takes_body(probe.route):
            return (422, "validation_error"), True
        # `{}`, or a body the route ignores: the route's own answer to `{}`.
        return self.baseline(channel, probe.route), False

    def baseline(self, channel: str, route: ApiRoute) -> tuple[int, str | None]:
        """The route's answer to `{}` sent exactly as `application/json`."""
        key = (channel, route)
        if key not in self._baselines:
            status, body, _ = CHANNELS[channel](self, Probe(route, "application/json", WELL_FORMED))
            self._baselines[key] = (status, error_code(body))
        return self._baselines[key]

    def send(self, channel: str, probe: Probe) -> Outcome:
        expected, refused = self.expected(channel, probe)
        before = stored_items()
        status, body, headers = CHANNELS[channel](self, probe)
        return Outcome(probe, channel, status, body, headers, stored_items() - before, expected, refused)

    def run(self, channel: str, selection: list[Probe]) -> list[Outcome]:
        return [self.send(channel, probe) for probe in selection]


CHANNELS: dict[str, Callable[[EmulatedApi, Probe], tuple[int, str, dict[str, str]]]] = {
    "gateway": EmulatedApi.through_gateway,
    "raw event": EmulatedApi.as_event,
    "raw event, base64": lambda api, probe: api.as_event(probe, base64_encoded=True),
}


def channel_probes(channel: str, routes: list[ApiRoute]) -> list[Probe]:
    """Every content type with every corpus entry; base64 events (what a binary media type
    would make of a body) only with the JSON content type, since they test decoding."""
    if channel == "raw event, base64":
        return [Probe(r, "application/json", e) for r in routes for e in CORPUS]
    return probes(routes)


@contextmanager
def emulated_api(
    template: Template, tokens: LocalTokenIssuer, provisioned_tables: dict[str, Any] | None = None
) -> Iterator[EmulatedApi]:
    """One emulated AWS (moto) with the demo tenants, the functions and the local gateway,
    for a whole module: the probes store nothing, so they can share it."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    definitions = load_definitions()
    with mock.patch.dict(os.environ, LOCAL_ENVIRONMENT), mock_aws():
        resources = create_local_resources(template)
        if provisioned_tables is not None:
            dynamodb_backends[DEFAULT_ACCOUNT_ID][LOCAL_REGION].tables.update(
                copy.deepcopy(provisioned_tables)
            )
        else:
            client = boto3.client("dynamodb", region_name=LOCAL_REGION)
            provision_all(
                definitions, lambda: DynamoDbUnitOfWork(client, TableNames("MainTable", "AuditTable"))
            )
        host = FunctionHost(template, resources, LOCAL_ENVIRONMENT)
        people = demo_identities(definitions)
        with Client(build_gateway(template, host, tokens)) as gateway:
            yield EmulatedApi(template, host, gateway, people, tokens.issue(people[CALLER]))
