"""Numbers that are versions are JSON integers, ids are real slugs: what lax parsing used to
let through (`expectedVersion: true` or `"3"`, a user id `..`) is a 422 naming the field,
and nothing changes."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.conftest import json_body, stored_items

REPORTER = "kokkola-employee-aino"
ASSIGNEE = "kokkola-safetyrep-liisa"
MANAGER = "kokkola-safetymgr-pekka"
ADMIN = "kokkola-admin-tuomas"


def file_report(as_person: Any) -> str:
    body = {
        "type": "harassment",
        "answers": {"whatHappened": "Minua vähäteltiin."},
        "handlerId": ASSIGNEE,
    }
    response = as_person(REPORTER).request("POST", "/reports", body, {"Idempotency-Key": f"k-{uuid.uuid4()}"})
    assert response.status_code == 201, response.body
    return str(json_body(response)["reportId"])


def case_version(as_person: Any, case_id: str) -> tuple[str, int]:
    case = json_body(as_person(ASSIGNEE).request("GET", f"/cases/{case_id}"))
    return case["status"], case["version"]


@pytest.mark.parametrize("version", [True, "1", 1.0, "one", 0, None])
def test_a_version_must_be_a_json_integer_from_one(as_person: Any, version: Any) -> None:
    case_id = file_report(as_person)

    transition = as_person(ASSIGNEE).request(
        "POST", f"/cases/{case_id}/transitions", {"action": "acknowledge", "expectedVersion": version}
    )
    handover = as_person(MANAGER).request(
        "POST",
        f"/cases/{case_id}/assignment",
        {"handlerId": "kokkola-safetyrep-jonas", "expectedVersion": version},
    )

    for response in (transition, handover):
        error = json_body(response)["error"]
        assert (response.status_code, error["code"]) == (422, "validation_error")
        assert ["body", "expectedVersion"] in [d["loc"] for d in error["details"]]
    assert case_version(as_person, case_id) == ("received", 1)


def test_the_same_version_as_an_integer_is_taken(as_person: Any) -> None:
    case_id = file_report(as_person)

    response = as_person(ASSIGNEE).request(
        "POST", f"/cases/{case_id}/transitions", {"action": "acknowledge", "expectedVersion": 1}
    )

    assert response.status_code == 200, response.body
    assert case_version(as_person, case_id) == ("acknowledged", 2)


@pytest.mark.parametrize(
    "user_id", ["..", ".", "%2E%2E", "-aino", "aino-", "Kokkola-Employee-Aino", "a.b", "a@b", "a" * 129]
)
def test_a_staff_id_that_is_not_a_slug_is_refused_before_anything_is_stored(
    as_person: Any, user_id: str
) -> None:
    before = stored_items()

    response = as_person(ADMIN).request(
        "PUT",
        f"/staff/{user_id}",
        {"name": "Dot Dot", "email": "dot@kokkola.example", "roles": ["supervisor"]},
    )

    error = json_body(response)["error"]
    assert (response.status_code, error["code"]) == (422, "validation_error")
    assert ["path", "userId"] in [d["loc"] for d in error["details"]]
    assert stored_items() == before


@pytest.mark.parametrize(
    ("field", "value", "loc"),
    [
        ("handlerId", "..", ["body", "handlerId"]),
        ("recusedIds", [".."], ["body", "recusedIds", 0]),
        ("recusedIds", ["kokkola-hrdir-sari", "x.y"], ["body", "recusedIds", 1]),
    ],
)
def test_ids_in_a_report_are_slugs_too(as_person: Any, field: str, value: Any, loc: list[Any]) -> None:
    body = {"type": "harassment", "answers": {"whatHappened": "x"}, "handlerId": ASSIGNEE, field: value}

    response = as_person(REPORTER).request("POST", "/reports", body, {"Idempotency-Key": f"k-{uuid.uuid4()}"})

    error = json_body(response)["error"]
    assert (response.status_code, error["code"]) == (422, "validation_error")
    assert loc in [d["loc"] for d in error["details"]]
