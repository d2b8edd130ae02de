"""The capacity rush: many people order the last places of one service at once, over HTTP,
on the running local stack (`make run`), and nobody gets a place that is not there.

    python -m infra.local.capacity_rush --base-url http://127.0.0.1:3000 --capacity 10 --orders 50

Signs in through the stack's sign-in helper (`POST /_local/sign-in`) as a wellbeing
coordinator, creates and publishes a service of the given capacity shared with the
coordinator's tenant group, then sends the orders all at once (one thread each, each with its
own Idempotency-Key) from the demo people of the group's tenants to whom the tray is open
(from infra/tenants/*.yaml), and prints the answers and the counts the service then shows.

Exit status 0 only if exactly min(capacity, orders) orders were placed, every other answer is
409 `capacity_full`, the coordinator's count of requested orders agrees, and an employee
sees the places left (0 and `full` once every place is taken)."""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from infra.tenants.definitions import Definitions, load_definitions

DEFAULT_COORDINATOR = "oulunkaari-coordinator-1"
TIMEOUT_SECONDS = 120
ACCEPTED_REFUSAL = "409 capacity_full"


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any

    @property
    def outcome(self) -> str:
        """`201`, or the status with the error's code (`409 capacity_full`)."""
        if self.status < 300:
            return str(self.status)
        error = self.body.get("error", {}) if isinstance(self.body, dict) else {}
        return f"{self.status} {error.get('code', '?')}"


class LocalStackClient:
    def __init__(self, base_url: str) -> None:
        self._base = base_url.rstrip("/")

    def call(
        self, method: str, path: str, body: Any = None, token: str | None = None, key: str | None = None
    ) -> Answer:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if key:
            headers["Idempotency-Key"] = key
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self._base + path, data=data, headers=headers, method=method)  # noqa: S310 (the stack's own URL)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return Answer(response.status, json.loads(response.read() or b"null"))
        except urllib.error.HTTPError as refused:
            raw = refused.read()
            try:
                return Answer(refused.code, json.loads(raw or b"null"))
            except ValueError:
                return Answer(refused.code, raw.decode(errors="replace"))

    def sign_in(self, user_id: str) -> str:
        answer = self.call("POST", "/_local/sign-in", {"userId": user_id})
        if answer.status != 200:
            raise SystemExit(f"sign-in as {user_id} failed: {answer.status} {answer.body}")
        return str(answer.body["token"])


def rush_service(capacity: int, group: str) -> dict[str, Any]:
    return {
        "title": {"fi": "Kapasiteettikoe", "en": "Capacity rush"},
        "description": {
            "fi": "Monta tilausta yhtä aikaa: paikkoja ei myydä yli.",
            "en": "Many orders at once: no place is sold twice.",
        },
        "category": "physical",
        "kind": "existing",
        "provider": {"organisation": "Työhyvinvointi"},
        "format": "in_person",
        "place": "Kaupungintalo",
        "onRequest": True,
        "capacity": capacity,
        "sharedWithGroup": group,
        "publish": True,
    }


def rush_plan(definitions: Definitions, coordinator: str) -> tuple[str, list[str]]:
    """The coordinator's tenant group, and the people of its tenants to whom the tray is open
    (their employee group is in their tenant's rollout), the coordinator left out."""
    tenants = {t.tenant_id: t for t in definitions.tenants}
    owner = next((t for t in definitions.tenants if any(p.user_id == coordinator for p in t.people)), None)
    if owner is None or not owner.tenant_groups:
        raise SystemExit(f"{coordinator} is not a demo person of a tenant in a tenant group")
    group = owner.tenant_groups[0]
    members = next(g.members for g in definitions.groups if g.group_id == group)
    orderers = [
        person.user_id
        for tenant_id in members
        if tenant_id in tenants
        for person in tenants[tenant_id].people
        if person.group in tenants[tenant_id].settings.rollout.open_groups and person.user_id != coordinator
    ]
    return group, orderers


def rush(base_url: str, capacity: int, orders: int, coordinator: str = DEFAULT_COORDINATOR) -> int:
    client = LocalStackClient(base_url)
    group, orderers = rush_plan(load_definitions(), coordinator)
    coordinator_token = client.sign_in(coordinator)
    created = client.call(
        "POST", "/api/services", rush_service(capacity, group), coordinator_token, uuid.uuid4().hex
    )
    if created.status != 201:
        print(f"creating the service failed: {created.status} {created.body}")
        return 2
    service_id = created.body["serviceId"]
    print(f"service {service_id}: capacity {capacity}, shared with {group}, published by {coordinator}")

    tokens = {person: client.sign_in(person) for person in orderers}

    def place(n: int) -> Answer:
        person = orderers[n % len(orderers)]
        return client.call("POST", "/api/orders", {"serviceId": service_id}, tokens[person], uuid.uuid4().hex)

    # One thread per order, all started together: the stack's server is threaded.
    with ThreadPoolExecutor(max_workers=orders) as pool:
        answers = list(pool.map(place, range(orders)))
    tally = Counter(a.outcome for a in answers)
    print(f"{orders} concurrent orders from {len(orderers)} people: " + ", ".join(_tally_lines(tally)))

    as_coordinator = client.call("GET", f"/api/services/{service_id}", token=coordinator_token)
    as_employee = client.call("GET", f"/api/services/{service_id}", token=tokens[orderers[0]])
    requested = (as_coordinator.body.get("counts") or {}).get("requested")
    places_left, full = as_employee.body.get("placesLeft"), as_employee.body.get("full")
    print(f"coordinator {coordinator}: counts.requested = {requested}")
    print(f"employee {orderers[0]}: placesLeft = {places_left}, full = {str(full).lower()}")
    return _verdict(tally, capacity, orders, requested=requested, places_left=places_left, full=full)


def _tally_lines(tally: Counter[str]) -> list[str]:
    return [f"{outcome}: {count}" for outcome, count in sorted(tally.items())]


def _verdict(
    tally: Counter[str], capacity: int, orders: int, *, requested: Any, places_left: Any, full: Any
) -> int:
    placed = tally.get("201", 0)
    expected = min(capacity, orders)
    problems = []
    if placed > capacity:
        problems.append(f"OVERSOLD: {placed} orders placed for {capacity} places")
    elif placed < expected:
        problems.append(f"only {placed} of {expected} places were sold")
    unexpected = {o: n for o, n in tally.items() if o not in {"201", ACCEPTED_REFUSAL}}
    if unexpected:
        problems.append(f"answers other than 201 and {ACCEPTED_REFUSAL}: {unexpected}")
    if requested != placed:
        problems.append(f"the coordinator counts {requested} requested orders, {placed} were placed")
    if places_left != capacity - placed or full != (placed >= capacity):
        problems.append(f"an employee sees placesLeft {places_left}, full {full}")
    for problem in problems:
        print(f"FAIL: {problem}")
    if not problems:
        print(f"OK: {placed} places sold of {capacity}, none oversold")
    return 1 if problems else 0


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infra.local.capacity_rush", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:3000", help="the local stack (make run)")
    parser.add_argument("--capacity", type=int, default=10)
    parser.add_argument("--orders", type=int, default=50)
    parser.add_argument("--coordinator", default=DEFAULT_COORDINATOR, help="a demo wellbeing coordinator")
    arguments = parser.parse_args(argv)
    if arguments.capacity < 1 or arguments.orders < 1:
        parser.error("--capacity and --orders must be at least 1")
    return rush(arguments.base_url, arguments.capacity, arguments.orders, arguments.coordinator)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
