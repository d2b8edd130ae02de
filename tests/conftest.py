"""Shared fixtures and factories: AWS under moto built from template.yaml, provisioned demo
tenants, signed tokens, API Gateway events and principals."""

from __future__ import annotations

import copy
import io
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from chalice.test import Client
from moto import mock_aws

from infra.local.aws_resources import LOCAL_REGION, LocalResources, create_local_resources
from infra.local.demo_people import demo_identities
from infra.local.function_host import FunctionHost
from infra.local.gateway import API_PREFIX, build_gateway
from infra.local.local_tokens import DemoIdentity, LocalTokenIssuer
from infra.local.template_model import Template
from infra.tenants.definitions import TENANTS_DIR, Definitions, load_definitions
from infra.tenants.provision import provision_all
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.domain.staff.principal import Identity, Principal
from workwell.domain.staff.roles import Role

# Canary planted in restricted or secret fields; it must never surface where it must not.
CANARY = "CANARY-7f3b9c-do-not-leak"

LOCAL_ENVIRONMENT = {
    "AWS_DEFAULT_REGION": LOCAL_REGION,
    "AWS_REGION": LOCAL_REGION,
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
    "POWERTOOLS_TRACE_DISABLED": "true",
}


@pytest.fixture(scope="session")
def template() -> Template:
    return Template()


@pytest.fixture(scope="session")
def definitions() -> Definitions:
    return load_definitions()


@pytest.fixture(scope="session")
def people(definitions: Definitions) -> dict[str, DemoIdentity]:
    return demo_identities(definitions)


@pytest.fixture(scope="session")
def tokens() -> LocalTokenIssuer:
    return LocalTokenIssuer()


@pytest.fixture
def aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in LOCAL_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def aws(aws_environment: None, template: Template) -> Iterator[LocalResources]:
    """Fresh emulated AWS with every table and key of template.yaml."""
    with mock_aws():
        yield create_local_resources(template)


@pytest.fixture
def tables() -> TableNames:
    return TableNames(main="MainTable", audit="AuditTable", survey="SurveyTable")


@pytest.fixture
def dynamodb(aws: LocalResources) -> Any:
    return boto3.client("dynamodb", region_name=LOCAL_REGION)


def _dynamodb_backend() -> Any:
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    return dynamodb_backends[DEFAULT_ACCOUNT_ID][LOCAL_REGION]


def stored_items() -> int:
    """How many items every emulated table holds together (cheap: no requests)."""
    return sum(len(table) for table in _dynamodb_backend().tables.values())


@pytest.fixture(scope="session")
def provisioned_tables(template: Template, definitions: Definitions) -> dict[str, Any]:
    """The demo tenants provisioned once per session. moto copies a whole table for every
    item of a transaction, so provisioning per test would cost seconds; each test gets a
    copy of these tables instead (see `provisioned`)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in LOCAL_ENVIRONMENT.items():
            patch.setenv(name, value)
        with mock_aws():
            create_local_resources(template)
            client = boto3.client("dynamodb", region_name=LOCAL_REGION)
            provision_all(
                definitions, lambda: DynamoDbUnitOfWork(client, TableNames("MainTable", "AuditTable"))
            )
            return copy.deepcopy(dict(_dynamodb_backend().tables))


@pytest.fixture
def provisioned(aws: LocalResources, provisioned_tables: dict[str, Any]) -> LocalResources:
    """Emulated AWS with the demo tenants of infra/tenants provisioned."""
    _dynamodb_backend().tables.update(copy.deepcopy(provisioned_tables))
    return aws


@pytest.fixture
def function_host(provisioned: LocalResources, template: Template) -> FunctionHost:
    return FunctionHost(template, provisioned, LOCAL_ENVIRONMENT)


@pytest.fixture
def captured_logs(function_host: FunctionHost, template: Template) -> Iterator[io.StringIO]:
    """What the functions' log handlers write. Powertools keeps the stream a handler was
    made with, so capsys would miss it; the handlers' streams are swapped instead."""
    for function in template.functions:
        function_host.module(function)
    buffer = io.StringIO()
    loggers = [
        logging.getLogger(),
        *(logging.getLogger(name) for name in list(logging.root.manager.loggerDict)),
    ]
    handlers = {id(h): h for lg in loggers for h in lg.handlers if isinstance(h, logging.StreamHandler)}
    previous = {key: handler.setStream(buffer) for key, handler in handlers.items()}
    yield buffer
    for key, handler in handlers.items():
        handler.setStream(previous[key])  # type: ignore[arg-type]


@pytest.fixture
def gateway(function_host: FunctionHost, template: Template, tokens: LocalTokenIssuer) -> Iterator[Client]:
    with Client(build_gateway(template, function_host, tokens)) as client:
        yield client


class Caller:
    """Calls the local gateway as a demo person; `path` is the API's (`/me`), sent under
    the prefix the API has on the app's origin (`/api/me`)."""

    def __init__(self, client: Client, token: str | None) -> None:
        self._client, self._token = client, token

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if self._token:
            all_headers["Authorization"] = f"Bearer {self._token}"
        raw = json.dumps(body).encode() if body is not None else b""
        return self._client.http.request(method, API_PREFIX + path, headers=all_headers, body=raw)


@pytest.fixture
def as_person(gateway: Client, tokens: LocalTokenIssuer, people: dict[str, DemoIdentity]) -> Any:
    def caller(user_id: str) -> Caller:
        return Caller(gateway, tokens.issue(people[user_id]))

    return caller


def copy_tenant_files(target: Path) -> None:
    """The shipped tenant and group files, to edit in a test."""
    (target / "groups").mkdir()
    for path in [*TENANTS_DIR.glob("*.yaml"), *(TENANTS_DIR / "groups").glob("*.yaml")]:
        (target / path.relative_to(TENANTS_DIR)).write_text(
            path.read_text(encoding="utf-8"), encoding="utf-8"
        )


def json_body(response: Any) -> Any:
    return json.loads(response.body)


def api_event(
    method: str,
    path: str,
    claims: dict[str, str] | None,
    *,
    body: Any = None,
    resource: str | None = None,
    path_parameters: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A REST API proxy event as API Gateway would pass it after the Cognito authorizer."""
    return rest_proxy_event(
        method,
        path,
        claims,
        raw_body=json.dumps(body) if body is not None else None,
        resource=resource,
        path_parameters=path_parameters,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def rest_proxy_event(
    method: str,
    path: str,
    claims: dict[str, str] | None,
    *,
    raw_body: str | None,
    headers: dict[str, str],
    resource: str | None = None,
    path_parameters: dict[str, str] | None = None,
    is_base64_encoded: bool = False,
) -> dict[str, Any]:
    """The same, with the body and headers exactly as given (risky input)."""
    return {
        "resource": resource or path,
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": path_parameters,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": resource or path,
            "httpMethod": method,
            "path": path,
            "stage": "test",
            "requestId": str(uuid.uuid4()),
            "accountId": "000000000000",
            "apiId": "test",
            "identity": {},
            "authorizer": {"claims": claims} if claims is not None else None,
        },
        "body": raw_body,
        "isBase64Encoded": is_base64_encoded,
    }


def make_principal(
    roles: set[Role] | None = None,
    tenant_id: str = "kokkola",
    user_id: str = "user-1",
    group: str | None = "opetus",
    supervised_units: set[str] | None = None,
) -> Principal:
    identity = Identity(
        user_id=user_id,
        tenant_id=tenant_id,
        email=f"{user_id}@example.com",
        name="Test Person",
        unit="sivistys",
        group=group,
        language="fi",
    )
    return Principal(
        identity=identity,
        roles=frozenset({Role.EMPLOYEE, *(roles or set())}),
        supervised_units=frozenset(supervised_units or set()),
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The schemathesis run's numbers (tests/contract/test_api_conformance.py), when it ran."""
    from tests.contract.conformance_numbers import summary_lines

    reports = [r for key in ("passed", "failed", "error", "") for r in terminalreporter.stats.get(key, [])]
    for line in summary_lines([r for r in reports if hasattr(r, "user_properties")]):
        terminalreporter.write_line(line)
