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
from workwell.domain.principal import Principal
from workwell.domain.roles import Role
from workwell.service_layer import case_work
from workwell.service_layer.call_context import CallContext


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
