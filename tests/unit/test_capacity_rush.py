"""The capacity rush's verdict (infra/local/capacity_rush.py): it fails on anything but
exactly the places there are, each other answer a 409 capacity_full, and counts that agree.
The rush itself runs over HTTP against the local stack in tests/e2e."""

from __future__ import annotations

from collections import Counter

from infra.local.capacity_rush import _verdict, rush_plan
from infra.tenants.definitions import load_definitions


def verdict(tally: dict[str, int], *, requested: int, places_left: int, full: bool) -> int:
    return _verdict(Counter(tally), 10, 50, requested=requested, places_left=places_left, full=full)


def test_exactly_the_places_and_capacity_full_for_the_rest_pass() -> None:
    assert verdict({"201": 10, "409 capacity_full": 40}, requested=10, places_left=0, full=True) == 0


def test_an_oversold_service_fails() -> None:
    assert verdict({"201": 11, "409 capacity_full": 39}, requested=11, places_left=0, full=True) == 1


def test_places_left_unsold_fail() -> None:
    assert verdict({"201": 9, "409 capacity_full": 41}, requested=9, places_left=1, full=False) == 1


def test_any_other_answer_fails() -> None:
    tally = {"201": 10, "409 capacity_full": 39, "503 service_busy": 1}
    assert verdict(tally, requested=10, places_left=0, full=True) == 1


def test_counts_that_disagree_with_the_answers_fail() -> None:
    assert verdict({"201": 10, "409 capacity_full": 40}, requested=9, places_left=0, full=True) == 1
    assert verdict({"201": 10, "409 capacity_full": 40}, requested=10, places_left=0, full=False) == 1


def test_the_orderers_are_the_groups_people_to_whom_the_tray_is_open() -> None:
    group, orderers = rush_plan(load_definitions(), "oulunkaari-coordinator-1")

    assert group == "oulunkaari-region"
    assert {"vaala-employee-1", "oulunkaari-employee-1", "ii-supervisor-1"} <= set(orderers)
    # Not the coordinator, nobody outside the rollout (hallinto), nobody outside the group.
    assert "oulunkaari-coordinator-1" not in orderers
    assert "vaala-safetymgr-1" not in orderers
    assert not any(person.startswith("kokkola-") for person in orderers)
