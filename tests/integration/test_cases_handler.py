"""The real cases lambda_handler against moto, called as concurrent containers would."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from infra.local.function_host import FunctionHost, LocalLambdaContext
from infra.local.local_tokens import DemoIdentity
from tests.conftest import api_event
from tests.integration.test_reports_handler import submit_event


@pytest.fixture
def handlers(function_host: FunctionHost, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    for name in ("ReportsFunction", "CasesFunction"):
        for variable, value in function_host.environment_of(name).items():
            monkeypatch.setenv(variable, value)
    return {name: function_host.module(name).lambda_handler for name in ("ReportsFunction", "CasesFunction")}


def test_two_concurrent_transitions_from_one_version_make_one_change(
    handlers: dict[str, Any], people: dict[str, DemoIdentity]
) -> None:
    made = handlers["ReportsFunction"](
        submit_event(people["kokkola-employee-aino"].claims(), "k-concurrent"),
        LocalLambdaContext("ReportsFunction"),
    )
    case_id = json.loads(made["body"])["reportId"]
    start = threading.Barrier(2)

    def transition(who_and_action: tuple[str, dict[str, Any]]) -> dict[str, Any]:
        who, body = who_and_action
        event = api_event(
            "POST",
            f"/cases/{case_id}/transitions",
            people[who].claims(),
            body={**body, "expectedVersion": 1},
            resource="/cases/{caseId}/transitions",
            path_parameters={"caseId": case_id},
        )
        start.wait()
        return dict(handlers["CasesFunction"](event, LocalLambdaContext("CasesFunction")))

    attempts = [
        ("kokkola-safetyrep-liisa", {"action": "acknowledge"}),
        ("kokkola-safetymgr-pekka", {"action": "close", "resolution": "unfounded"}),
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(transition, attempts))

    assert sorted(r["statusCode"] for r in results) == [200, 409]
    winner = next(json.loads(r["body"]) for r in results if r["statusCode"] == 200)
    assert winner["version"] == 2
    read = api_event(
        "GET",
        f"/cases/{case_id}",
        people["kokkola-safetyrep-liisa"].claims(),
        resource="/cases/{caseId}",
        path_parameters={"caseId": case_id},
    )
    detail = json.loads(handlers["CasesFunction"](read, LocalLambdaContext("CasesFunction"))["body"])
    assert detail["version"] == 2
    assert detail["status"] == winner["status"]
