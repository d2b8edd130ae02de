"""The real admin lambda_handler against moto, with events as API Gateway sends them."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from infra.local.function_host import FunctionHost
from infra.local.local_tokens import DemoIdentity
from tests.conftest import CANARY, api_event


def staff_event(method: str, user_id: str, claims: dict[str, str], body: Any = None) -> dict[str, Any]:
    return api_event(
        method,
        f"/staff/{user_id}",
        claims,
        body=body,
        resource="/staff/{userId}",
        path_parameters={"userId": user_id},
    )


def call(host: FunctionHost, event: dict[str, Any]) -> tuple[int, Any]:
    result = host.invoke("AdminFunction", event)
    return result["statusCode"], json.loads(result["body"]) if result.get("body") else None


def test_me_returns_tenant_and_roles_from_the_staff_directory(
    function_host: FunctionHost, people: dict[str, DemoIdentity]
) -> None:
    status, body = call(function_host, api_event("GET", "/me", people["kokkola-hrdir-sari"].claims()))

    assert status == 200
    assert body["userId"] == "kokkola-hrdir-sari"
    assert body["tenant"]["id"] == "kokkola"
    assert body["roles"] == ["employee", "hr_director"]
    assert body["features"]["caseHandling"] is True


def test_roles_in_claims_are_ignored(function_host: FunctionHost, people: dict[str, DemoIdentity]) -> None:
    claims = {
        **people["kokkola-employee-aino"].claims(),
        "custom:roles": "tenant_admin",
        "cognito:groups": "tenant_admin",
    }

    status, body = call(function_host, api_event("GET", "/me", claims))
    staff_status, _ = call(function_host, api_event("GET", "/staff", claims))

    assert (status, body["roles"]) == (200, ["employee"])
    assert staff_status == 403


def test_an_event_without_claims_is_unauthenticated(function_host: FunctionHost) -> None:
    status, body = call(function_host, api_event("GET", "/me", None))

    assert status == 401
    assert body["error"]["code"] == "unauthenticated"


def test_unknown_route_is_not_found_in_the_api_error_shape(
    function_host: FunctionHost, people: dict[str, DemoIdentity]
) -> None:
    status, body = call(function_host, api_event("GET", "/nothing", people["ii-admin-1"].claims()))

    assert status == 404
    assert body["error"]["code"] == "not_found"
    assert body["requestId"]


def test_a_removed_role_stops_working_in_another_container_within_a_minute(
    function_host: FunctionHost,
    template: Any,
    provisioned: Any,
    people: dict[str, DemoIdentity],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Container B cached the coordinator's role; container A's admin removes it."""
    import workwell.adapters.clock as clock_module

    now = [1000.0]
    monkeypatch.setattr(clock_module.time, "monotonic", lambda: now[0])
    other_container = FunctionHost(template, provisioned, {"POWERTOOLS_TRACE_DISABLED": "true"})
    coordinator = people["ii-coordinator-1"].claims()
    assert call(other_container, api_event("GET", "/me", coordinator))[1]["roles"] == [
        "employee",
        "wellbeing_coordinator",
    ]

    removed, _ = call(
        function_host,
        staff_event("DELETE", "ii-coordinator-1", people["ii-admin-1"].claims()),
    )
    now[0] += 30
    during = call(other_container, api_event("GET", "/me", coordinator))[1]["roles"]
    now[0] += 31
    after = call(other_container, api_event("GET", "/me", coordinator))[1]["roles"]

    assert removed == 204
    assert during == ["employee", "wellbeing_coordinator"]
    assert after == ["employee"]


def test_validation_errors_and_logs_never_echo_input(
    function_host: FunctionHost, people: dict[str, DemoIdentity], captured_logs: io.StringIO
) -> None:
    body = {"name": CANARY, "email": CANARY, "roles": ["hr_director"], "tenantId": CANARY}

    status, answer = call(
        function_host,
        staff_event("PUT", "new-person", people["ii-admin-1"].claims(), body),
    )

    assert status == 422
    assert ["body", "tenantId"] in [d["loc"] for d in answer["error"]["details"]]
    assert CANARY not in json.dumps(answer)
    assert "request refused" in captured_logs.getvalue()
    assert CANARY not in captured_logs.getvalue()


def test_names_of_staff_never_reach_the_logs(
    function_host: FunctionHost, people: dict[str, DemoIdentity], captured_logs: io.StringIO
) -> None:
    body = {"name": CANARY, "email": "someone@ii.example", "roles": ["hr_director"]}

    status, answer = call(
        function_host,
        staff_event("PUT", "new-person", people["ii-admin-1"].claims(), body),
    )

    assert status == 200
    assert answer["name"] == CANARY
    assert "request served" in captured_logs.getvalue()
    assert CANARY not in captured_logs.getvalue()


def test_an_oversized_body_is_413_and_writes_nothing(
    function_host: FunctionHost, people: dict[str, DemoIdentity], dynamodb: Any
) -> None:
    before = dynamodb.scan(TableName="MainTable")["Count"]
    body = {"name": "x" * (300 * 1024), "email": "a@ii.example", "roles": ["hr_director"]}

    status, answer = call(
        function_host,
        staff_event("PUT", "big", people["ii-admin-1"].claims(), body),
    )

    assert status == 413
    assert answer["error"]["code"] == "payload_too_large"
    assert dynamodb.scan(TableName="MainTable")["Count"] == before


def test_each_request_logs_tenant_route_and_decision(
    function_host: FunctionHost, people: dict[str, DemoIdentity], captured_logs: io.StringIO
) -> None:
    call(function_host, api_event("GET", "/staff", people["ii-admin-1"].claims()))
    call(function_host, api_event("GET", "/staff", people["ii-employee-1"].claims()))

    lines = [
        json.loads(line) for line in captured_logs.getvalue().splitlines() if line.startswith('{"level"')
    ]
    decisions = [
        (line["message"], line.get("status"), line.get("route"), line.get("tenant_id")) for line in lines
    ]

    assert ("request served", 200, "GET /staff", "ii") in decisions
    assert ("request refused", 403, "GET /staff", "ii") in decisions
