"""The OpenAPI document describes the API as it answers: schemathesis generates requests for
every operation of docs/openapi.json (the document the web client is generated from) and
sends them, in this process, through the local gateway to each function's real
`lambda_handler` against moto with the demo tenants. Every answer must be documented (status,
content type, headers, body schema) and none may be a 5xx.

`make test` runs the fast profile (a few examples per operation, derandomized); `make fuzz`
runs the deep one (WORKWELL_SCHEMATHESIS_PROFILE=deep). The run's numbers are printed at
the end of the pytest summary (see tests/contract/conformance_numbers.py)."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from moto import mock_aws
from schemathesis.checks import not_a_server_error
from schemathesis.pytest.lazy import get_all_tests
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from infra.local.aws_resources import create_local_resources
from infra.local.function_host import FunctionHost
from infra.local.local_tokens import DemoIdentity, LocalTokenIssuer
from infra.local.openapi_document import SNAPSHOT
from infra.local.template_model import Template
from tests.conftest import LOCAL_ENVIRONMENT, _dynamodb_backend
from tests.contract.conformance_numbers import EXAMPLES, STATUSES
from tests.contract.in_process_api import CURRENT_VERSION, KNOWN_BODIES, InProcessApi, KnownData

PROFILES: dict[str, dict[str, Any]] = {
    # make test: every operation, a few examples each, the same ones every run.
    "fast": {
        "generation": {"max-examples": 12, "deterministic": True, "database": "none"},
        "phases": {
            "examples": {"enabled": False},
            "coverage": {"enabled": False},
            "stateful": {"enabled": False},
        },
    },
    # make fuzz: many random examples per operation, plus schemathesis' coverage phase (boundary
    # values and negative variants of every parameter).
    "deep": {
        "generation": {
            "max-examples": int(os.environ.get("WORKWELL_SCHEMATHESIS_EXAMPLES", "150")),
            "database": "none",
        },
        "phases": {
            "examples": {"enabled": False},
            # Methods a route does not have never reach a function (API Gateway answers them).
            "coverage": {"enabled": True, "unexpected-methods": []},
            "stateful": {"enabled": False},
        },
    },
}
PROFILE = os.environ.get("WORKWELL_SCHEMATHESIS_PROFILE", "fast")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

# One pytest item per operation, parametrized here: schemathesis' own `schema.parametrize()`
# gives all its items one node id under pytest 9.2 (pytest now builds it from the original
# name and a callspec, which those items lack), so xdist ran just one of them.
OPERATIONS = [
    (method.upper(), path)
    for path, operations in json.loads(SNAPSHOT.read_text(encoding="utf-8"))["paths"].items()
    for method in operations
]
HYPOTHESIS_SETTINGS = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
known = KnownData()


def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> Any:
    """Sometimes an id that exists (the demo tenant, the seeded case), so that requests also
    get past the 404 into the use cases."""
    if not path_parameters:
        return st.just(path_parameters)
    choices = {
        name: st.one_of(st.just(value), st.sampled_from(known.path[name]))
        if known.path.get(name)
        else st.just(value)
        for name, value in path_parameters.items()
    }
    return st.fixed_dictionaries(choices)


def flatmap_body(context: Any, body: Any) -> Any:
    """Sometimes a body a use case accepts, or the receipt of the seeded anonymous report."""
    choices = [st.just(body)]
    known_bodies = KNOWN_BODIES.get((context.operation.method.upper(), context.operation.path))
    if known_bodies:
        choices.append(st.sampled_from(known_bodies))
    if isinstance(body, dict) and isinstance(body.get("receipt"), str) and known.receipts:
        choices.append(st.just({**body, "receipt": known.receipts[0]}))
    return st.one_of(choices)


@pytest.fixture(scope="module")
def api(
    template: Template,
    people: dict[str, DemoIdentity],
    tokens: LocalTokenIssuer,
    provisioned_tables: dict[str, Any],
) -> Iterator[InProcessApi]:
    """One stack for the whole run: state piles up across operations as it would in use."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in LOCAL_ENVIRONMENT.items():
            patch.setenv(name, value)
        with mock_aws():
            resources = create_local_resources(template)
            _dynamodb_backend().tables.update(copy.deepcopy(provisioned_tables))
            stack = InProcessApi(
                template, FunctionHost(template, resources, LOCAL_ENVIRONMENT), tokens, people
            )
            seeded = stack.seed()
            known.path, known.receipts = seeded.path, seeded.receipts
            yield stack


@pytest.fixture(scope="module")
def api_schema(api: InProcessApi) -> Any:
    loaded = schemathesis.openapi.from_path(SNAPSHOT, config=schemathesis.Config.from_dict(PROFILES[PROFILE]))
    loaded.app = api.app
    loaded.hook(flatmap_path_parameters)
    loaded.hook(flatmap_body)
    return loaded


@pytest.fixture
def numbers(record_property: Any, request: pytest.FixtureRequest) -> Iterator[None]:
    """The run's counts go into the test reports (so they also cross xdist workers)."""
    params = request.node.callspec.params
    record_property("schemathesis_operation", f"{params['method']} {params['path']}")
    yield
    record_property(
        "schemathesis_run",
        {
            "profile": PROFILE,
            "operations": {
                label: {"examples": EXAMPLES[label], "statuses": dict(sorted(STATUSES[label].items()))}
                for label in sorted(EXAMPLES)
            },
        },
    )


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_answer_is_documented(
    method: str, path: str, api: InProcessApi, api_schema: Any, numbers: None
) -> None:
    (result,) = get_all_tests(
        schema=api_schema.include(method=method, path=path),
        test_func=send_and_check,
        settings=HYPOTHESIS_SETTINGS,
        given_kwargs=None,
    )
    operation, run = result.ok()
    assert operation.label == f"{method} {path}"
    run(api=api)


def send_and_check(case: Any, api: InProcessApi) -> None:
    """One generated request, as a demo person whose roles reach the operation."""
    label = case.operation.label
    EXAMPLES[label] += 1
    token = api.token_for(case.operation.method.upper(), case.operation.path)
    if token:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
    if isinstance(case.body, dict) and case.body.get("expectedVersion") == CURRENT_VERSION:
        case.body = {**case.body, "expectedVersion": api.current_version(case.formatted_path) or 1}
    response = case.call(app=api.app)
    STATUSES[label][response.status_code] += 1
    case.validate_response(response, checks=CHECKS)
