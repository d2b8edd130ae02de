"""List cursors: opaque, signed, bound to tenant, caller and query."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.conftest import json_body


def page(caller: Any, query: str) -> Any:
    return caller.request("GET", f"/staff{query}")


def test_the_staff_list_pages_through_every_entry_once(as_person: Any) -> None:
    admin = as_person("kokkola-admin-tuomas")
    seen: list[str] = []
    cursor = None
    pages = 0

    while True:
        response = page(admin, "?limit=3" + (f"&cursor={cursor}" if cursor else ""))
        assert response.status_code == 200
        body = json_body(response)
        seen.extend(item["userId"] for item in body["items"])
        pages += 1
        cursor = body["nextCursor"]
        if cursor is None:
            break

    assert pages == 3
    assert len(seen) == len(set(seen)) == 7


def test_a_tampered_cursor_is_400(as_person: Any) -> None:
    admin = as_person("kokkola-admin-tuomas")
    cursor = json_body(page(admin, "?limit=2"))["nextCursor"]
    payload, mac = cursor.split(".")
    decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    decoded["p"]["SK"]["S"] = "USER#zzz"
    forged = base64.urlsafe_b64encode(json.dumps(decoded).encode()).decode().rstrip("=")

    for bad in (f"{forged}.{mac}", "garbage", cursor[:-4] + "AAAA", "a.b.c"):
        response = page(admin, f"?cursor={bad}")
        assert response.status_code == 400, bad
        assert json_body(response)["error"]["code"] == "invalid_cursor"


def test_a_cursor_of_another_caller_or_tenant_is_400(as_person: Any) -> None:
    cursor = json_body(page(as_person("ii-admin-1"), "?limit=2"))["nextCursor"]
    assert cursor

    other_tenant = page(as_person("vaala-admin-1"), f"?cursor={cursor}")

    assert other_tenant.status_code == 400
    assert json_body(other_tenant)["error"]["code"] == "invalid_cursor"


@pytest.mark.parametrize("query", ["?limit=0", "?limit=101", "?limit=ten"])
def test_a_limit_outside_one_to_a_hundred_is_422(as_person: Any, query: str) -> None:
    response = page(as_person("ii-admin-1"), query)

    assert response.status_code == 422
    assert ["query", "limit"] in [d["loc"] for d in json_body(response)["error"]["details"]]


def test_a_cursor_of_another_admin_of_the_same_tenant_is_400(as_person: Any) -> None:
    admin = as_person("ii-admin-1")
    admin.request(
        "PUT", "/staff/ii-employee-1", {"name": "Toinen", "email": "t@ii.example", "roles": ["tenant_admin"]}
    )
    cursor = json_body(page(admin, "?limit=2"))["nextCursor"]
    assert cursor

    response = page(as_person("ii-employee-1"), f"?cursor={cursor}")

    assert response.status_code == 400
    assert json_body(response)["error"]["code"] == "invalid_cursor"


def test_an_employee_gets_403_before_any_cursor_is_looked_at(as_person: Any) -> None:
    response = page(as_person("ii-employee-1"), "?cursor=YWJj.ZGVm")

    assert response.status_code == 403
