"""Administration routes end to end: JWT in, JSON out, through the template's routes."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.gateway import API_PREFIX
from tests.conftest import CANARY, json_body

# Not a case-handling role: those wait for an overseer's confirmation (test_separation_of_duties).
NEW_PERSON = {"name": "Uusi Henkilö", "email": "uusi@ii.example", "roles": ["wellbeing_coordinator"]}


def settings_of(caller: Any) -> dict[str, Any]:
    response = caller.request("GET", "/tenant/settings")
    assert response.status_code == 200
    return dict(json_body(response))


# ----------------------------------------------------------------- settings


def test_an_admin_reads_and_updates_settings_with_the_version(as_person: Any) -> None:
    admin = as_person("ii-admin-1")
    current = settings_of(admin)
    changed = {**current["settings"], "minimumGroupSize": 8}

    response = admin.request(
        "PUT", "/tenant/settings", {"settings": changed, "expectedVersion": current["version"]}
    )

    assert response.status_code == 200
    assert json_body(response)["version"] == current["version"] + 1
    assert settings_of(admin)["settings"]["minimumGroupSize"] == 8


def test_a_stale_settings_version_is_409(as_person: Any) -> None:
    admin = as_person("ii-admin-1")
    current = settings_of(admin)
    changed = {**current["settings"], "minimumGroupSize": current["settings"]["minimumGroupSize"] + 1}
    saved = admin.request(
        "PUT", "/tenant/settings", {"settings": changed, "expectedVersion": current["version"]}
    )
    assert saved.status_code == 200

    stale = admin.request(
        "PUT", "/tenant/settings", {"settings": current["settings"], "expectedVersion": current["version"]}
    )

    assert stale.status_code == 409
    assert json_body(stale)["error"]["code"] == "conflict"


def test_saving_unchanged_settings_keeps_the_version(as_person: Any) -> None:
    """Only changed parts are written: an unchanged document changes no version."""
    admin = as_person("ii-admin-1")
    current = settings_of(admin)

    response = admin.request(
        "PUT", "/tenant/settings", {"settings": current["settings"], "expectedVersion": current["version"]}
    )

    assert response.status_code == 200
    assert json_body(response)["version"] == current["version"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tenantId": "vaala"}, ["body", "settings", "tenantId"]),
        ({"minimumGroupSize": 1}, ["body", "settings", "minimumGroupSize"]),
        ({"languages": ["xx"]}, ["body", "settings", "languages", 0]),
    ],
)
def test_invalid_settings_are_422_naming_the_field(
    as_person: Any, change: dict[str, Any], field: list[Any]
) -> None:
    admin = as_person("ii-admin-1")
    current = settings_of(admin)

    response = admin.request(
        "PUT",
        "/tenant/settings",
        {"settings": {**current["settings"], **change}, "expectedVersion": current["version"]},
    )

    assert response.status_code == 422
    assert field in [d["loc"] for d in json_body(response)["error"]["details"]]
    assert settings_of(admin)["version"] == current["version"]


def test_an_unknown_top_level_field_is_422_without_echoing_its_value(as_person: Any) -> None:
    admin = as_person("ii-admin-1")
    current = settings_of(admin)

    response = admin.request("PUT", "/tenant/settings", {**current, "expectedVersion": 1, "tenantId": CANARY})

    assert response.status_code == 422
    body = json_body(response)
    assert ["body", "tenantId"] in [d["loc"] for d in body["error"]["details"]]
    assert CANARY not in response.body.decode()


@pytest.mark.parametrize(
    "user_id", ["ii-employee-1", "ii-supervisor-1", "ii-safetymgr-1", "ii-hrdir-1", "ii-coordinator-1"]
)
def test_roles_other_than_tenant_admin_get_403_on_every_admin_route(as_person: Any, user_id: str) -> None:
    caller = as_person(user_id)
    valid_settings = settings_of(as_person("ii-admin-1"))

    answers = [
        caller.request("GET", "/tenant/settings"),
        caller.request(
            "PUT", "/tenant/settings", {"settings": valid_settings["settings"], "expectedVersion": 1}
        ),
        caller.request("GET", "/staff"),
        caller.request("PUT", "/staff/someone", NEW_PERSON),
        caller.request("DELETE", "/staff/ii-hrdir-1"),
    ]

    assert [a.status_code for a in answers] == [403] * 5
    assert {json_body(a)["error"]["code"] for a in answers} == {"forbidden"}
    assert settings_of(as_person("ii-admin-1"))["version"] == valid_settings["version"]


# ----------------------------------------------------------------- staff


def test_an_admin_lists_only_their_own_tenants_staff(as_person: Any) -> None:
    response = as_person("ii-admin-1").request("GET", "/staff")

    assert response.status_code == 200
    user_ids = {item["userId"] for item in json_body(response)["items"]}
    assert user_ids == {
        "ii-supervisor-1",
        "ii-safetyrep-1",
        "ii-safetymgr-1",
        "ii-hrdir-1",
        "ii-coordinator-1",
        "ii-admin-1",
    }


def test_an_admin_of_ii_cannot_read_or_change_vaala(as_person: Any) -> None:
    ii_admin, vaala_admin = as_person("ii-admin-1"), as_person("vaala-admin-1")
    vaala_before = json_body(vaala_admin.request("GET", "/staff"))
    vaala_settings = settings_of(vaala_admin)

    delete = ii_admin.request("DELETE", "/staff/vaala-hrdir-1")
    update = ii_admin.request("PUT", "/staff/vaala-hrdir-1", {**NEW_PERSON, "expectedVersion": 1})
    settings_via_header = ii_admin.request("GET", "/tenant/settings", headers={"X-Tenant": "vaala"})

    assert (delete.status_code, update.status_code) == (404, 404)
    assert json_body(settings_via_header)["settings"]["name"] == {"fi": "Iin kunta"}
    assert json_body(vaala_admin.request("GET", "/staff")) == vaala_before
    assert settings_of(vaala_admin) == vaala_settings


def test_adding_updating_and_removing_a_staff_member(as_person: Any) -> None:
    admin = as_person("ii-admin-1")

    added = admin.request("PUT", "/staff/ii-employee-1", NEW_PERSON)
    again = admin.request("PUT", "/staff/ii-employee-1", NEW_PERSON)
    first = json_body(added)["version"]
    updated = admin.request(
        "PUT", "/staff/ii-employee-1", {**NEW_PERSON, "roles": ["tenant_admin"], "expectedVersion": first}
    )
    stale = admin.request("PUT", "/staff/ii-employee-1", {**NEW_PERSON, "expectedVersion": first})
    removed = admin.request("DELETE", "/staff/ii-employee-1")
    removed_again = admin.request("DELETE", "/staff/ii-employee-1")

    assert added.status_code == 200
    assert again.status_code == 409
    assert (updated.status_code, json_body(updated)["roles"]) == (200, ["tenant_admin"])
    assert json_body(updated)["version"] == first + 1
    assert stale.status_code == 409
    assert removed.status_code == 204
    assert removed_again.status_code == 404


def test_a_new_role_applies_to_the_person_at_once_in_this_container(as_person: Any) -> None:
    employee = as_person("ii-employee-1")
    assert employee.request("GET", "/staff").status_code == 403

    as_person("ii-admin-1").request("PUT", "/staff/ii-employee-1", {**NEW_PERSON, "roles": ["tenant_admin"]})

    assert employee.request("GET", "/staff").status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**NEW_PERSON, "roles": ["supervisor"]}, ["body"]),
        (
            {**NEW_PERSON, "roles": ["supervisor"], "supervisedUnits": ["nowhere"]},
            ["body", "supervisedUnits", 0],
        ),
        ({**NEW_PERSON, "roles": ["employee"]}, ["body", "roles", 0]),
        ({**NEW_PERSON, "roles": ["tenant_admin", "hr_director"]}, ["body", "roles"]),
        ({**NEW_PERSON, "email": "nope"}, ["body", "email"]),
        ({**NEW_PERSON, "tenantId": "vaala"}, ["body", "tenantId"]),
        ({**NEW_PERSON, "expectedVersion": 0}, ["body", "expectedVersion"]),
    ],
)
def test_invalid_staff_entries_are_422_naming_the_field(
    as_person: Any, body: dict[str, Any], field: list[Any]
) -> None:
    response = as_person("ii-admin-1").request("PUT", "/staff/new-person", body)

    assert response.status_code == 422
    assert field in [d["loc"] for d in json_body(response)["error"]["details"]]


def test_a_malformed_user_id_in_the_path_is_422(as_person: Any) -> None:
    response = as_person("ii-admin-1").request("PUT", "/staff/bad%23id", NEW_PERSON)

    assert response.status_code == 422
    assert ["path", "userId"] in [d["loc"] for d in json_body(response)["error"]["details"]]


def test_a_body_that_is_not_json_is_422(as_person: Any) -> None:
    caller = as_person("ii-admin-1")
    response = caller._client.http.request(
        "PUT",
        API_PREFIX + "/staff/new-person",
        headers={
            "Authorization": caller._token and f"Bearer {caller._token}",
            "Content-Type": "application/json",
        },
        body=b"{not json",
    )

    assert response.status_code == 422
    assert json_body(response)["error"]["code"] == "validation_error"


@pytest.mark.parametrize(
    "body",
    [
        {**NEW_PERSON, "email": f"{CANARY} x@ii.example"},
        {**NEW_PERSON, "email": f"x@{CANARY}"},
        {**NEW_PERSON, "name": CANARY * 20},
        {**NEW_PERSON, "roles": [CANARY]},
        {**NEW_PERSON, "language": CANARY},
        {**NEW_PERSON, "supervisedUnits": [CANARY]},
        {**NEW_PERSON, "expectedVersion": CANARY},
        {**NEW_PERSON, CANARY: 1},
    ],
)
def test_no_validation_error_quotes_what_was_sent(as_person: Any, body: dict[str, Any]) -> None:
    response = as_person("ii-admin-1").request("PUT", "/staff/new-person", body)

    error = json_body(response)["error"]
    assert response.status_code == 422
    assert error["details"]
    # A field's name may be named (that is the point); what was sent in it never is.
    assert CANARY not in error["message"]
    assert not [d["msg"] for d in error["details"] if CANARY in d["msg"]]
