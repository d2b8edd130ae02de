"""The service tray's routes end to end (api.md, Service tray): JWT in, JSON out, through
the template's routes, on the demo tenants (Oulunkaari and Vaala share the
oulunkaari-region group; Kokkola is in none of theirs)."""

from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.conftest import json_body

SHARED_SERVICE = {
    "title": {"fi": "Lounaskävely", "en": "Lunch walk"},
    "description": {"fi": "Yhteinen kävely lounastauolla.", "en": "A walk together at lunch."},
    "category": "physical",
    "kind": "existing",
    "provider": {"organisation": "Työterveys"},
    "format": "in_person",
    "place": "Kaupungintalo",
    "onRequest": True,
    "sharedWithGroup": "oulunkaari-region",
    "publish": True,
}


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def create_shared_service(as_person: Any, **changes: Any) -> dict[str, Any]:
    coordinator = as_person("oulunkaari-coordinator-1")
    response = coordinator.request("POST", "/services", {**SHARED_SERVICE, **changes}, key())
    assert response.status_code == 201, response.body
    service = json_body(response)
    assert service["status"] == "published"
    assert service["tenantId"] == "oulunkaari"
    return dict(service)


def test_a_shared_service_is_seen_in_the_group_and_missing_outside_it(as_person: Any) -> None:
    service = create_shared_service(as_person)
    vaala = as_person("vaala-employee-1")

    listed = vaala.request("GET", "/services?category=physical&q=lounas")
    one = vaala.request("GET", f"/services/{service['serviceId']}")
    kokkola = as_person("kokkola-employee-aino").request("GET", f"/services/{service['serviceId']}")
    kokkola_list = as_person("kokkola-employee-aino").request("GET", "/services")

    assert listed.status_code == 200
    assert [s["serviceId"] for s in json_body(listed)["items"]] == [service["serviceId"]]
    assert one.status_code == 200
    assert json_body(one)["details"]["title"]["fi"] == "Lounaskävely"
    # Only the owner's coordinators see counts and who proposed.
    assert json_body(one)["counts"] is None
    assert kokkola.status_code == 404
    assert json_body(kokkola)["error"]["code"] == "not_found"
    assert kokkola_list.status_code == 200
    assert service["serviceId"] not in [s["serviceId"] for s in json_body(kokkola_list)["items"]]


def test_a_group_outside_the_rollout_gets_403_not_available_for_group(as_person: Any) -> None:
    service = create_shared_service(as_person)
    # Vaala's tray is open to varhaiskasvatus and ateria-ja-puhtaus; the safety manager is in hallinto.
    outside = as_person("vaala-safetymgr-1")

    for path in ("/services", f"/services/{service['serviceId']}"):
        response = outside.request("GET", path)
        assert response.status_code == 403, path
        assert json_body(response)["error"]["code"] == "not_available_for_group"
    order = outside.request("POST", "/orders", {"serviceId": service["serviceId"]}, key())
    assert order.status_code == 403
    assert json_body(order)["error"]["code"] == "not_available_for_group"


def test_a_rollout_opened_by_the_admin_lets_the_group_in(as_person: Any) -> None:
    admin = as_person("vaala-admin-1")
    current = json_body(admin.request("GET", "/tenant/settings"))
    settings = current["settings"]
    rollout = settings["rollout"]
    opened = {**settings, "rollout": {**rollout, "openGroups": [*rollout["openGroups"], "hallinto"]}}
    saved = admin.request(
        "PUT", "/tenant/settings", {"settings": opened, "expectedVersion": current["version"]}
    )
    assert saved.status_code == 200, saved.body

    assert as_person("vaala-safetymgr-1").request("GET", "/services").status_code == 200


def test_orders_never_oversell_a_service_under_concurrency(as_person: Any) -> None:
    service = create_shared_service(as_person, capacity=5)
    orderers = [as_person(p) for p in ("vaala-employee-1", "vaala-supervisor-1", "oulunkaari-employee-1")]

    def order(n: int) -> Any:
        return orderers[n % len(orderers)].request(
            "POST", "/orders", {"serviceId": service["serviceId"]}, key()
        )

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(order, range(20)))

    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 5 + [409] * 15
    assert {json_body(a)["error"]["code"] for a in answers if a.status_code == 409} == {"capacity_full"}
    counted = as_person("oulunkaari-coordinator-1").request("GET", f"/services/{service['serviceId']}")
    assert json_body(counted)["counts"]["requested"] == 5


def test_an_order_is_idempotent_under_its_key(as_person: Any) -> None:
    service = create_shared_service(as_person, capacity=1)
    vaala = as_person("vaala-employee-1")
    headers = key()

    first = vaala.request("POST", "/orders", {"serviceId": service["serviceId"]}, headers)
    again = vaala.request("POST", "/orders", {"serviceId": service["serviceId"]}, headers)
    other = vaala.request("POST", "/orders", {"serviceId": service["serviceId"]}, key())

    assert (first.status_code, again.status_code) == (201, 201)
    assert json_body(again)["orderId"] == json_body(first)["orderId"]
    assert other.status_code == 409
    assert json_body(other)["error"]["code"] == "capacity_full"
    assert vaala.request("POST", "/orders", {"serviceId": service["serviceId"]}).status_code == 400


def test_a_peer_service_from_proposal_to_feedback(as_person: Any) -> None:
    provider = as_person("vaala-employee-1")
    proposal = {
        **SHARED_SERVICE,
        "kind": "peer",
        "provider": {"userId": "vaala-employee-1"},
        "sharedWithGroup": None,
        "publish": False,
    }
    proposed = provider.request("POST", "/services", proposal, key())
    assert proposed.status_code == 201, proposed.body
    service = json_body(proposed)
    assert service["status"] == "pending_approval"
    # A peer provider offers themselves by the name they signed in with.
    assert service["providerName"] == "Vaalan työntekijä"

    coordinator = as_person("vaala-coordinator-1")
    refused = coordinator.request(
        "POST",
        f"/services/{service['serviceId']}/decision",
        {"decision": "reject", "expectedVersion": service["version"]},
    )
    assert refused.status_code == 422
    approved = coordinator.request(
        "POST",
        f"/services/{service['serviceId']}/decision",
        {"decision": "approve", "expectedVersion": service["version"]},
    )
    assert approved.status_code == 200, approved.body
    assert json_body(approved)["status"] == "published"
    # An employee may not decide.
    assert (
        provider.request(
            "POST",
            f"/services/{service['serviceId']}/decision",
            {"decision": "approve", "expectedVersion": 2},
        ).status_code
        == 403
    )

    orderer = as_person("vaala-supervisor-1")
    placed = orderer.request("POST", "/orders", {"serviceId": service["serviceId"]}, key())
    assert placed.status_code == 201, placed.body
    order = json_body(placed)
    mine = json_body(orderer.request("GET", "/orders/mine"))
    assert [o["orderId"] for o in mine["items"]] == [order["orderId"]]
    incoming = json_body(provider.request("GET", "/orders/incoming"))
    assert [o["orderId"] for o in incoming["items"]] == [order["orderId"]]
    assert provider.request("GET", "/orders/incoming?handler=organisation").status_code == 403

    path = f"/orders/{order['orderId']}"
    too_early = orderer.request(
        "POST", f"{path}/feedback", {"rating": 5, "expectedVersion": order["version"]}
    )
    assert too_early.status_code == 422
    assert json_body(too_early)["error"]["code"] == "invalid_transition"
    not_theirs = orderer.request(
        "POST", f"{path}/transitions", {"action": "accept", "expectedVersion": order["version"]}
    )
    assert not_theirs.status_code == 403
    accepted = provider.request(
        "POST", f"{path}/transitions", {"action": "accept", "expectedVersion": order["version"]}
    )
    assert accepted.status_code == 200, accepted.body
    stale = provider.request(
        "POST", f"{path}/transitions", {"action": "complete", "expectedVersion": order["version"]}
    )
    assert stale.status_code == 409
    completed = provider.request(
        "POST",
        f"{path}/transitions",
        {"action": "complete", "expectedVersion": json_body(accepted)["version"]},
    )
    assert json_body(completed)["status"] == "completed"
    rated = orderer.request(
        "POST",
        f"{path}/feedback",
        {"rating": 5, "comment": "Hyvä!", "expectedVersion": json_body(completed)["version"]},
    )
    assert rated.status_code == 200, rated.body
    assert json_body(rated)["feedback"] == {"rating": 5, "comment": "Hyvä!"}
    # Kokkola knows nothing of it.
    assert (
        as_person("kokkola-coordinator-hanna")
        .request("GET", "/orders/incoming?handler=organisation")
        .status_code
        == 200
    )
    assert (
        as_person("kokkola-employee-aino")
        .request("POST", f"{path}/transitions", {"action": "cancel", "expectedVersion": 1})
        .status_code
        == 404
    )


def test_a_coordinator_edits_and_withdraws_with_the_version(as_person: Any) -> None:
    service = create_shared_service(as_person)
    coordinator = as_person("oulunkaari-coordinator-1")
    details = {k: v for k, v in SHARED_SERVICE.items() if k != "publish"}
    path = f"/services/{service['serviceId']}"

    both = coordinator.request(
        "PATCH",
        path,
        {"expectedVersion": service["version"], "details": {**details, "capacity": 3}, "status": "draft"},
    )
    edited = coordinator.request(
        "PATCH", path, {"expectedVersion": service["version"], "details": {**details, "capacity": 3}}
    )
    moved = coordinator.request(
        "PATCH", path, {"expectedVersion": json_body(edited)["version"], "status": "draft"}
    )
    stale = coordinator.request("PATCH", path, {"expectedVersion": service["version"], "status": "archived"})

    assert both.status_code == 422
    assert json_body(both)["error"]["details"][0]["loc"] == ["body"]
    assert edited.status_code == 200, edited.body
    assert moved.status_code == 200, moved.body
    assert (json_body(moved)["status"], json_body(moved)["details"]["capacity"]) == ("draft", 3)
    assert stale.status_code == 409
    # A draft is nobody's to read but its managers'.
    assert as_person("vaala-employee-1").request("GET", path).status_code == 404


def test_the_demo_catalogue_shares_arts_based_wellbeing_with_the_region_only(as_person: Any) -> None:
    vaala = as_person("vaala-employee-1").request("GET", "/services?q=taidelähtöinen")
    kokkola = as_person("kokkola-employee-aino").request("GET", "/services?q=taidelähtöinen")
    kokkolas_own = as_person("kokkola-employee-aino").request("GET", "/services?category=physical")
    closed = as_person("kokkola-employee-erik").request("GET", "/services")

    assert vaala.status_code == 200
    [arts] = json_body(vaala)["items"]
    assert arts["tenantId"] == "oulunkaari"
    assert arts["details"]["title"]["fi"] == "Taidelähtöinen työhyvinvointi"
    assert arts["details"]["sharedWithGroup"] == "oulunkaari-region"
    assert kokkola.status_code == 200
    assert json_body(kokkola)["items"] == []
    assert [s["details"]["title"]["sv"] for s in json_body(kokkolas_own)["items"]] == [
        "Gymturer för personalen"
    ]
    # Kokkola's care group is outside the rollout.
    assert closed.status_code == 403
    assert json_body(closed)["error"]["code"] == "not_available_for_group"


def test_the_coordinators_catalogue_the_providers_own_and_places_left(as_person: Any) -> None:
    service = create_shared_service(as_person, capacity=3)
    vaala = as_person("vaala-employee-1")
    vaala.request("POST", "/orders", {"serviceId": service["serviceId"]}, key())
    proposer = as_person("oulunkaari-employee-1")
    proposal = proposer.request(
        "POST",
        "/services",
        {
            **{k: v for k, v in SHARED_SERVICE.items() if k not in ("publish", "sharedWithGroup")},
            "kind": "peer",
            "provider": {"userId": "oulunkaari-employee-1"},
        },
        key(),
    )
    assert proposal.status_code == 201, proposal.body
    coordinator = as_person("oulunkaari-coordinator-1")

    whole = coordinator.request("GET", "/services?view=catalogue")
    waiting = coordinator.request("GET", "/services?view=catalogue&status=pending_approval")
    mine = proposer.request("GET", "/services?view=mine")
    offered = json_body(vaala.request("GET", f"/services/{service['serviceId']}"))

    assert whole.status_code == 200
    listed = {s["serviceId"]: s for s in json_body(whole)["items"]}
    assert listed[service["serviceId"]]["counts"]["requested"] == 1
    assert listed[service["serviceId"]]["counts"]["suppressed"] is False
    assert [s["serviceId"] for s in json_body(waiting)["items"]] == [json_body(proposal)["serviceId"]]
    assert [s["serviceId"] for s in json_body(mine)["items"]] == [json_body(proposal)["serviceId"]]
    assert (offered["placesLeft"], offered["full"], offered["counts"]) == (2, False, None)
    # Only coordinators have the catalogue; filters belong to the offered view.
    assert proposer.request("GET", "/services?view=catalogue").status_code == 403
    bad = coordinator.request("GET", "/services?view=catalogue&q=walk")
    assert bad.status_code == 422
    assert ["query", "q"] in [d["loc"] for d in json_body(bad)["error"]["details"]]
    assert vaala.request("GET", "/services?status=draft").status_code == 422


def test_a_confidential_services_orders_reach_the_coordinator_only_as_suppressed_counts(
    as_person: Any,
) -> None:
    employee = as_person("kokkola-employee-aino")
    confidential = [
        s for s in json_body(employee.request("GET", "/services"))["items"] if s["details"]["confidential"]
    ]
    assert confidential, "the demo catalogue has Kokkola's psychologist"
    service = confidential[0]
    assert employee.request("POST", "/orders", {"serviceId": service["serviceId"]}, key()).status_code == 201
    coordinator = as_person("kokkola-coordinator-hanna")

    catalogue = json_body(coordinator.request("GET", "/services?view=catalogue"))["items"]
    counts = next(s for s in catalogue if s["serviceId"] == service["serviceId"])["counts"]
    incoming = json_body(coordinator.request("GET", "/orders/incoming?handler=organisation"))["items"]
    seen_by_employee = json_body(employee.request("GET", f"/services/{service['serviceId']}"))

    assert counts["suppressed"] is True
    assert counts["requested"] is None
    assert counts["total"] is None
    assert service["serviceId"] not in {o["serviceId"] for o in incoming}
    assert "kokkola-employee-aino" not in json.dumps(catalogue)
    assert seen_by_employee["placesLeft"] is None
    # The psychologist sees who ordered, by name, to get in touch.
    psychologist = as_person("kokkola-psychologist-maria")
    theirs = json_body(psychologist.request("GET", "/orders/incoming"))["items"]
    ordered = next(o for o in theirs if o["serviceId"] == service["serviceId"])
    assert (ordered["ordererName"], ordered["ordererEmail"]) == (
        "Aino Virtanen",
        "kokkola-employee-aino@kokkola.example",
    )
    assert ordered["serviceTitle"] == service["details"]["title"]
    # The order's own page: the orderer and the provider, nobody else, not the coordinator.
    path = f"/orders/{ordered['orderId']}"
    assert json_body(employee.request("GET", path))["parts"] == ["orderer"]
    assert json_body(psychologist.request("GET", path))["parts"] == ["handler"]
    assert coordinator.request("GET", path).status_code == 404
    assert as_person("kokkola-employee-erik").request("GET", path).status_code == 404


def test_an_order_names_its_orderer_to_its_two_sides_only(as_person: Any) -> None:
    service = create_shared_service(as_person)
    placed = as_person("vaala-employee-1").request(
        "POST", "/orders", {"serviceId": service["serviceId"]}, key()
    )
    assert placed.status_code == 201, placed.body
    path = f"/orders/{json_body(placed)['orderId']}"

    handler = json_body(as_person("oulunkaari-coordinator-1").request("GET", path))
    overseer = json_body(as_person("vaala-admin-1").request("GET", path))

    assert "handler" in handler["parts"]
    assert handler["ordererName"] == "Vaalan työntekijä"
    assert overseer["parts"] == ["overseer"]
    assert (overseer["ordererName"], overseer["ordererEmail"], overseer["feedback"]) == (None, None, None)
    # Another tenant, outside the group: the order does not exist.
    assert as_person("kokkola-employee-aino").request("GET", path).status_code == 404


def test_a_confidential_services_capacity_never_counts_fewer_than_the_minimum(as_person: Any) -> None:
    coordinator = as_person("kokkola-coordinator-hanna")
    confidential = {
        **SHARED_SERVICE,
        "sharedWithGroup": None,
        # A person of the staff directory (the demo's psychologist is provisioned outside it).
        "provider": {"userId": "kokkola-safetyrep-liisa"},
        "confidential": True,
    }

    small = coordinator.request("POST", "/services", {**confidential, "capacity": 2}, key())
    enough = coordinator.request("POST", "/services", {**confidential, "capacity": 5}, key())

    assert small.status_code == 422
    assert ["body", "capacity"] in [d["loc"] for d in json_body(small)["error"]["details"]]
    assert enough.status_code == 201, enough.body
    seen = json_body(
        as_person("kokkola-employee-aino").request("GET", f"/services/{json_body(enough)['serviceId']}")
    )
    # Neither how many places are left nor whether none are: both would count orderers.
    assert (seen["full"], seen["placesLeft"]) == (None, None)
