"""Separation of duties end to end (issue 12): a tenant admin cannot make anyone, least of
all themselves, a reader of harassment reports alone; an overseer's confirmation does it,
and everyone concerned is told. Also: a refused case read looks like a missing id."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.mailbox import sent_emails
from infra.local.stream_relay import StreamRelay
from infra.tenants.definitions import Definitions
from tests.conftest import CANARY, json_body
from tests.http.test_cases import ASSIGNEE, MANAGER, RECUSED_HR, file_harassment_report, inbox_ids
from tests.http.test_notifications import address_of

ADMIN = "kokkola-admin-tuomas"
MIKKO = "kokkola-supervisor-mikko"


def staff_entry(as_person: Any, user_id: str) -> dict[str, Any]:
    items = json_body(as_person(ADMIN).request("GET", "/staff?limit=100"))["items"]
    return dict(next(i for i in items if i["userId"] == user_id))


def ask_for_role(as_person: Any, user_id: str, role: str) -> Any:
    current = staff_entry(as_person, user_id)
    body = {
        "name": current["name"],
        "email": current["email"],
        "language": current["language"],
        "roles": [*current["roles"], role],
        "supervisedUnits": current["supervisedUnits"],
        "expectedVersion": current["version"],
    }
    return as_person(ADMIN).request("PUT", f"/staff/{user_id}", body)


def case_reads(as_person: Any, user_id: str, case_id: str) -> tuple[bool, int]:
    """Whether the person's inbox lists the case, and what opening it answers."""
    listed = case_id in (inbox_ids(as_person, user_id) or [])
    return listed, as_person(user_id).request("GET", f"/cases/{case_id}").status_code


def test_an_admin_cannot_make_a_reader_of_harassment_reports_alone(
    as_person: Any, relay: StreamRelay, definitions: Definitions
) -> None:
    case_id = file_harassment_report(as_person)
    relay.poll_once()
    before = len(sent_emails())

    himself = ask_for_role(as_person, ADMIN, "hr_director")
    mikko = ask_for_role(as_person, MIKKO, "safety_manager")

    # Tuomas: refused outright (tenant_admin never with a case-handling role; own roles).
    assert himself.status_code == 422
    assert [
        (d["loc"], "separation of duties" in d["msg"]) for d in json_body(himself)["error"]["details"]
    ] == [(["body", "roles"], True)]
    # Mikko: a pending grant; his roles in force are unchanged.
    assert mikko.status_code == 200
    assert json_body(mikko)["roles"] == ["supervisor"]
    (pending,) = json_body(mikko)["pendingGrants"]
    assert pending["role"] == "safety_manager"
    assert case_reads(as_person, ADMIN, case_id) == (False, 404)
    assert case_reads(as_person, MIKKO, case_id) == (False, 404)

    never_seen = json_body(as_person(MANAGER).request("GET", "/staff/grants?status=pending"))["items"]
    assert [g["signedInAs"] for g in never_seen if g["userId"] == MIKKO] == [None]
    assert as_person(MIKKO).request("GET", "/me").status_code == 200  # Mikko opens the app
    grants = json_body(as_person(MANAGER).request("GET", "/staff/grants?status=pending"))["items"]
    (grant,) = [g for g in grants if g["userId"] == MIKKO]
    assert grant["actions"] == ["confirm", "reject"]
    assert grant["requestedBy"] == ADMIN
    # Who the account is by the identity provider, not only the name the admin typed.
    assert grant["signedInAs"]["email"] == address_of(definitions, MIKKO)
    # The admin sees the history but may not confirm; nor may the grantee.
    assert as_person(ADMIN).request("POST", f"/staff/grants/{grant['id']}/confirmation").status_code == 403
    assert as_person(MIKKO).request("POST", f"/staff/grants/{grant['id']}/confirmation").status_code == 403

    confirmed = as_person(MANAGER).request("POST", f"/staff/grants/{grant['id']}/confirmation")

    assert confirmed.status_code == 200
    assert json_body(confirmed)["status"] == "confirmed"
    assert case_reads(as_person, MIKKO, case_id) == (True, 200)
    assert staff_entry(as_person, MIKKO)["roles"] == ["safety_manager", "supervisor"]

    relay.poll_once()
    notices = sent_emails()[before:]
    told = {r for e in notices for r in e.recipients}
    assert {address_of(definitions, p) for p in (RECUSED_HR, MANAGER, MIKKO)} <= told
    assert address_of(definitions, ADMIN) not in told
    for email in notices:
        # Content free: no names, no roles.
        assert "Mikko" not in email.body
        assert "safety_manager" not in email.body
        assert "/staff/grants" in email.body

    history = json_body(as_person(RECUSED_HR).request("GET", "/staff/grants"))["items"]
    assert [(h["userId"], h["status"]) for h in history] == [(MIKKO, "confirmed")]


def test_revoking_is_immediate(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    assert case_reads(as_person, ASSIGNEE, case_id)[1] == 200
    liisa = staff_entry(as_person, ASSIGNEE)
    body = {k: liisa[k] for k in ("name", "email", "language", "supervisedUnits")}

    revoked = as_person(ADMIN).request(
        "PUT",
        f"/staff/{ASSIGNEE}",
        {**body, "roles": ["wellbeing_coordinator"], "expectedVersion": liisa["version"]},
    )

    assert revoked.status_code == 200
    # The cases function still has Liisa's old entry cached: the read's own commit is
    # conditional on that entry, so it fails, and nothing is shown.
    opened = as_person(ASSIGNEE).request("GET", f"/cases/{case_id}")
    assert opened.status_code == 404
    assert CANARY not in opened.body.decode()
    # Lists read the roles afresh.
    assert as_person(ASSIGNEE).request("GET", "/cases").status_code == 403
    history = json_body(as_person(MANAGER).request("GET", "/staff/grants"))["items"]
    assert [(h["userId"], h["kind"], h["status"], h["role"]) for h in history] == [
        (ASSIGNEE, "revocation", "revoked", "safety_representative")
    ]


@pytest.mark.parametrize("user_id", ["kokkola-employee-aino", MIKKO, "kokkola-safetyrep-jonas"])
def test_only_the_admin_and_overseers_see_the_history(as_person: Any, user_id: str) -> None:
    response = as_person(user_id).request("GET", "/staff/grants")

    assert response.status_code == 403


def test_a_refused_case_read_looks_like_a_missing_one_and_is_counted_for_overseers(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    missing_id = "0" * len(case_id)

    refused = as_person(MIKKO).request("GET", f"/cases/{case_id}")
    missing = as_person(MIKKO).request("GET", f"/cases/{missing_id}")

    assert (refused.status_code, missing.status_code) == (404, 404)
    strip = lambda r: {**json_body(r), "requestId": None}  # noqa: E731
    assert strip(refused) == strip(missing)
    # Nothing about it on the case's own trail (its handlers must not learn who tried).
    trail = json_body(as_person(ASSIGNEE).request("GET", f"/cases/{case_id}/audit"))["items"]
    assert MIKKO not in {(e["actor"] or {}).get("userId") for e in trail}
    assert "case.access_refused" not in {e["action"] for e in trail}
    counts = json_body(as_person(MANAGER).request("GET", "/staff/refused-reads"))["items"]
    assert [(c["userId"], c["notFound"], c["refused"]) for c in counts] == [(MIKKO, 2, 1)]
    assert as_person(ADMIN).request("GET", "/staff/refused-reads").status_code == 403


def test_removing_and_adding_again_does_not_bring_a_cached_role_back(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    assert as_person(ASSIGNEE).request("GET", f"/cases/{case_id}").status_code == 200  # cached now
    liisa = staff_entry(as_person, ASSIGNEE)
    body = {k: liisa[k] for k in ("name", "email", "language", "supervisedUnits")}

    assert as_person(ADMIN).request("DELETE", f"/staff/{ASSIGNEE}").status_code == 204
    again = as_person(ADMIN).request(
        "PUT", f"/staff/{ASSIGNEE}", {**body, "roles": ["wellbeing_coordinator"]}
    )

    assert again.status_code == 200
    assert json_body(again)["version"] > liisa["version"]
    assert as_person(ASSIGNEE).request("GET", f"/cases/{case_id}").status_code == 404


def test_a_handler_whose_entry_changed_meanwhile_still_reads_their_case(as_person: Any) -> None:
    case_id = file_harassment_report(as_person)
    assert as_person(ASSIGNEE).request("GET", f"/cases/{case_id}").status_code == 200  # cached now
    liisa = staff_entry(as_person, ASSIGNEE)
    body = {k: liisa[k] for k in ("email", "language", "supervisedUnits", "roles")}

    renamed = as_person(ADMIN).request(
        "PUT",
        f"/staff/{ASSIGNEE}",
        {**body, "name": "Liisa Niemi-Laine", "expectedVersion": liisa["version"]},
    )

    assert renamed.status_code == 200
    assert as_person(ASSIGNEE).request("GET", f"/cases/{case_id}").status_code == 200
    assert as_person(ASSIGNEE).request("GET", f"/cases/{case_id}/audit").status_code == 200
