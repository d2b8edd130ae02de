"""The real cases lambda_handler and DynamoDB unit of work against moto."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from unittest import mock

import pytest

from infra.local.function_host import FunctionHost, LocalLambdaContext
from infra.local.local_tokens import DemoIdentity
from tests.conftest import api_event, make_principal
from tests.integration.test_reports_handler import submit_event
from tests.unit.fakes import FakeBlinding, FakeCipher
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.domain.errors import Conflict
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.roles import Role
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases import case_work


@pytest.fixture
def handlers(function_host: FunctionHost, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    for name in ("ReportsFunction", "CasesFunction"):
        for variable, value in function_host.environment_of(name).items():
            monkeypatch.setenv(variable, value)
    return {name: function_host.module(name).lambda_handler for name in ("ReportsFunction", "CasesFunction")}


def test_two_transitions_from_one_version_make_one_change(
    handlers: dict[str, Any], people: dict[str, DemoIdentity], dynamodb: Any, tables: TableNames
) -> None:
    """The race itself, made deterministic: both requests have read version 1 before either
    commits (moto does not serialise concurrent transactions the way DynamoDB does, so
    threads alone would not prove it). The second commit must fail on the version condition."""
    made = handlers["ReportsFunction"](
        submit_event(people["kokkola-employee-aino"].claims(), "k-race"),
        LocalLambdaContext("ReportsFunction"),
    )
    case_id = json.loads(made["body"])["reportId"]
    now = datetime.now(UTC)
    stale = DynamoDbUnitOfWork(dynamodb, tables).reports.get("kokkola", case_id, now)
    assert stale is not None

    first = handlers["CasesFunction"](
        transition_event(people["kokkola-safetyrep-liisa"].claims(), case_id, {"action": "acknowledge"}),
        LocalLambdaContext("CasesFunction"),
    )
    assert first["statusCode"] == 200

    second = DynamoDbUnitOfWork(dynamodb, tables)
    with mock.patch.object(second.reports, "get", return_value=stale), pytest.raises(Conflict):
        case_work.transition_case(
            CallContext(principal_of_pekka(), "req-race", now),
            case_id,
            case_work.Transition("close", 1, "unfounded"),
            second,
            FakeCipher(),
            blinding=FakeBlinding(),
        )
    after = DynamoDbUnitOfWork(dynamodb, tables).reports.get("kokkola", case_id, now)
    assert after is not None
    assert after.report.version == 2
    assert after.report.value.status == "acknowledged"


def transition_event(claims: dict[str, str], case_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return api_event(
        "POST",
        f"/cases/{case_id}/transitions",
        claims,
        body={**body, "expectedVersion": 1},
        resource="/cases/{caseId}/transitions",
        path_parameters={"caseId": case_id},
    )


def principal_of_pekka() -> Principal:
    base = make_principal(tenant_id="kokkola", user_id="kokkola-safetymgr-pekka")
    return Principal(identity=base.identity, roles=frozenset({Role.EMPLOYEE, Role.SAFETY_MANAGER}))


def _calls_made(handler: Any, event: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The answer, and the AWS operations the handler made for it, in order."""
    import botocore.client

    made: list[str] = []
    real = botocore.client.BaseClient._make_api_call

    def counting(client: Any, operation: str, params: dict[str, Any]) -> Any:
        made.append(f"{client.meta.service_model.service_name}:{operation}")
        return real(client, operation, params)

    with mock.patch.object(botocore.client.BaseClient, "_make_api_call", counting):
        answer = handler(event, LocalLambdaContext("CasesFunction"))
    return answer, made


@pytest.mark.parametrize("route", ["", "/audit"])
def test_a_refused_read_does_the_same_work_and_answers_the_same_as_a_missing_id(
    handlers: dict[str, Any], people: dict[str, DemoIdentity], route: str
) -> None:
    made = handlers["ReportsFunction"](
        submit_event(people["kokkola-employee-aino"].claims(), "k-refused"),
        LocalLambdaContext("ReportsFunction"),
    )
    case_id = json.loads(made["body"])["reportId"]
    mikko = people["kokkola-supervisor-mikko"].claims()  # Aino's supervisor: never a harassment reader

    def read(target: str) -> dict[str, Any]:
        return api_event(
            "GET",
            f"/cases/{target}{route}",
            mikko,
            resource="/cases/{caseId}" + route,
            path_parameters={"caseId": target},
        )

    handlers["CasesFunction"](read("f" * 32), LocalLambdaContext("CasesFunction"))  # warm the container
    refused, refused_calls = _calls_made(handlers["CasesFunction"], read(case_id))
    missing, missing_calls = _calls_made(handlers["CasesFunction"], read("0" * 32))

    assert (refused["statusCode"], missing["statusCode"]) == (404, 404)
    assert json.loads(refused["body"])["error"] == json.loads(missing["body"])["error"]
    assert refused["multiValueHeaders"] == missing["multiValueHeaders"]
    assert refused_calls == missing_calls
    # The case file reads its partition in one query, the audit trail the case item; then
    # the one counting write. Nothing is written to the case's trail.
    read = "dynamodb:Query" if route == "" else "dynamodb:GetItem"
    assert refused_calls == [read, "dynamodb:UpdateItem"]
