"""DynamoDB requests per tray request on a warm container (issue 14: a list costs at most 2).
The caller's roles and the tenant's tray scope (rollout, tenant groups) come from the
container's short caches once warm, so what is left is the work itself: one query per scope
for a list, one read for a service, one read and the capacity transaction for an order.
Idempotency records (Powertools) are counted apart, as in `make bench`."""

from __future__ import annotations

import uuid
from collections import Counter
from typing import Any

from tests.conftest import json_body
from tests.http.test_catalogue import create_shared_service
from tests.perf.bench import counted_aws_calls

EMPLOYEE = "vaala-employee-1"


def dynamodb_requests(counts: Counter[str]) -> Counter[str]:
    return Counter({op: n for op, n in counts.items() if op.startswith("dynamodb:")})


def warm_then_count(call: Any) -> tuple[Any, Counter[str]]:
    assert call().status_code < 300  # the first request fills the container's caches
    with counted_aws_calls() as counts:
        answer = call()
    assert answer.status_code < 300, answer.body
    return answer, dynamodb_requests(counts)


def test_browse_and_search_cost_two_queries_on_a_warm_container(as_person: Any) -> None:
    service = create_shared_service(as_person)
    vaala = as_person(EMPLOYEE)

    listed, browse = warm_then_count(lambda: vaala.request("GET", "/services"))
    found, search = warm_then_count(lambda: vaala.request("GET", "/services?category=physical&q=lounas"))

    assert service["serviceId"] in [s["serviceId"] for s in json_body(listed)["items"]]
    assert [s["serviceId"] for s in json_body(found)["items"]] == [service["serviceId"]]
    # Vaala's own partition and the oulunkaari-region group's: nothing else.
    assert browse == Counter({"dynamodb:Query": 2})
    assert search == Counter({"dynamodb:Query": 2})


def test_reading_a_service_costs_one_read_on_a_warm_container(as_person: Any) -> None:
    service = create_shared_service(as_person)
    vaala = as_person(EMPLOYEE)

    _, read = warm_then_count(lambda: vaala.request("GET", f"/services/{service['serviceId']}"))

    assert read == Counter({"dynamodb:GetItem": 1})


def test_an_order_costs_a_read_and_its_transaction_on_a_warm_container(as_person: Any) -> None:
    service = create_shared_service(as_person, capacity=5)
    vaala = as_person(EMPLOYEE)

    def order() -> Any:
        return vaala.request(
            "POST", "/orders", {"serviceId": service["serviceId"]}, {"Idempotency-Key": uuid.uuid4().hex}
        )

    placed, ordering = warm_then_count(order)

    assert placed.status_code == 201
    # The service (is it offered, is there room) and the one transaction that takes a place.
    assert ordering == Counter({"dynamodb:GetItem": 1, "dynamodb:TransactWriteItems": 1})
