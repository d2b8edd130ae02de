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
import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from moto import mock_aws
from schemathesis.checks import not_a_server_error
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
from tests.contract.conformance_numbers import EXAMPLES, FAILED_EXAMPLES, STATUSES
from tests.contract.in_process_api import CURRENT_VERSION, KNOWN_BODIES, InProcessApi, KnownData

PROFILES: dict[str, dict[str, Any]] = {
    # make test: every operation, a few examples each, the same ones every run.
    "fast": {
        "generation": {"max-examples": 6, "deterministic": True, "database": "none"},
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

schema = schemathesis.openapi.from_path(SNAPSHOT, config=schemathesis.Config.from_dict(PROFILES[PROFILE]))
known = KnownData()


@schema.hook
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


@schema.hook
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


@pytest.fixture
def numbers(record_property: Any, request: pytest.FixtureRequest) -> Iterator[None]:
    """Each operation's counts go into its test report (also across xdist workers)."""
    label = request.node.name
    record_property("schemathesis_operation", label)
    record_property("schemathesis_profile", PROFILE)
    yield
    record_property("schemathesis_examples", EXAMPLES[label])
    record_property("schemathesis_failed_examples", FAILED_EXAMPLES[label])
    record_property("schemathesis_statuses", dict(sorted(STATUSES[label].items())))


@schema.parametrize()
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_every_answer_is_documented(
    case: Any, api: InProcessApi, numbers: None, request: pytest.FixtureRequest
) -> None:
    label = request.node.name
    EXAMPLES[label] += 1
    token = api.token_for(case.operation.method.upper(), case.operation.path)
    if token:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
    if isinstance(case.body, dict) and case.body.get("expectedVersion") == CURRENT_VERSION:
        case.body = {**case.body, "expectedVersion": api.current_version(case.formatted_path) or 1}
    try:
        response = case.call(app=api.app)
        STATUSES[label][response.status_code] += 1
        case.validate_response(response, checks=CHECKS)
    except Exception:
        FAILED_EXAMPLES[label] += 1
        raise
