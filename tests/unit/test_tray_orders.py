"""Orders on fakes: idempotent placing, capacity, the provider's and orderer's steps,
feedback, lists, and confidential orders kept from the coordinator."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.fakes import FakeUnitOfWork, PlainCursors, Store
from tests.unit.tray_fixtures import REGION, ctx, details, token, tray_store
from workwell.domain.errors import (
    CapacityFull,
    Conflict,
    Forbidden,
    IdempotencyConflict,
    InvalidInput,
    InvalidTransition,
    NotAvailableForGroup,
    NotFound,
)
from workwell.domain.notifications.outbox import OutboxKind
from workwell.domain.tray.order import Feedback, OrderAction, OrderStatus
from workwell.domain.tray.service import ServiceStatus
from workwell.service_layer.tray.catalogue import change_service_status, create_service, order_counts
from workwell.service_layer.tray.orders import (
    OrderDraft,
    act_on_order,
    get_order,
    give_feedback,
    incoming_orders,
    my_orders,
    place_order,
)


@pytest.fixture
def store() -> Store:
    return tray_store()


def uow(store: Store) -> FakeUnitOfWork:
    return FakeUnitOfWork(store)


def published(store: Store, **changes: Any) -> str:
    return create_service(
        ctx("oulunkaari", "koordinaattori-o"), details(**changes), uow(store), publish=True
    ).service.service_id


def order(store: Store, service_id: str, tenant: str = "vaala", user: str = "emp-v", **kwargs: Any) -> Any:
    return place_order(
        ctx(tenant, user),
        OrderDraft(service_id, kwargs.pop("for_unit", None)),
        kwargs.pop("tok", None) or token(),
        uow(store),
    )


def test_an_order_takes_a_place_and_tells_the_handler(store: Store) -> None:
    service_id = published(store, sharedWithGroup=REGION)
    placed = order(store, service_id)
    assert placed.version == 1
    assert (placed.value.tenant_id, placed.value.orderer_tenant_id) == ("oulunkaari", "vaala")
    assert store.services[service_id].counts.requested == 1
    assert [
        (m.kind, m.tenant_id, m.subject_id) for m in store.outbox if m.kind is OutboxKind.ORDER_PLACED
    ] == [(OutboxKind.ORDER_PLACED, "oulunkaari", placed.value.order_id)]
    assert [a.action for a in store.audit][-1] == "order.placed"


def test_capacity_is_never_oversold_and_a_freed_place_can_be_taken(store: Store) -> None:
    service_id = published(store, capacity=2)
    first = order(store, service_id, "oulunkaari", "emp-1")
    order(store, service_id, "oulunkaari", "emp-2")
    with pytest.raises(CapacityFull) as full:
        order(store, service_id, "oulunkaari", "emp-3")
    assert full.value.code == "capacity_full"
    act_on_order(ctx("oulunkaari", "emp-1"), first.value.order_id, OrderAction.CANCEL, 1, uow(store))
    assert store.services[service_id].counts.places_taken == 1
    order(store, service_id, "oulunkaari", "emp-3")
    assert store.services[service_id].counts.places_taken == 2


def test_the_stores_condition_refuses_an_order_that_read_a_free_place_too_late(store: Store) -> None:
    service_id = published(store, capacity=1)
    late = uow(store)
    # Someone else takes the last place between this request's read and its commit.
    original = late.tray.service

    def read_then_race(sid: str) -> Any:
        seen = original(sid)
        if not store.orders:
            order(store, service_id, "oulunkaari", "quick")
        return seen

    late.tray.service = read_then_race  # type: ignore[method-assign]
    with pytest.raises(CapacityFull):
        place_order(ctx("oulunkaari", "slow"), OrderDraft(service_id), token(), late)
    assert store.services[service_id].counts.places_taken == 1


def test_ordering_is_idempotent(store: Store) -> None:
    service_id = published(store, capacity=1)
    tok = token("same-key")
    first = order(store, service_id, "oulunkaari", "emp-1", tok=tok)
    repeat = order(store, service_id, "oulunkaari", "emp-1", tok=tok)
    assert repeat.value.order_id == first.value.order_id
    assert store.services[service_id].counts.places_taken == 1
    with pytest.raises(IdempotencyConflict):
        order(store, service_id, "oulunkaari", "emp-1", tok=token("same-key", payload="other"))


def test_only_published_services_in_scope_and_open_rollout_can_be_ordered(store: Store) -> None:
    shared = published(store, sharedWithGroup=REGION)
    unshared = published(store)
    with pytest.raises(NotFound):
        order(store, shared, "kokkola", "emp-k")
    with pytest.raises(NotFound):
        order(store, unshared, "vaala", "emp-v")
    with pytest.raises(NotAvailableForGroup):
        place_order(ctx("vaala", "emp-v", group="opetus"), OrderDraft(shared), token(), uow(store))
    change_service_status(
        ctx("oulunkaari", "koordinaattori-o"), unshared, ServiceStatus.ARCHIVED, 1, uow(store)
    )
    with pytest.raises(NotFound):
        order(store, unshared, "oulunkaari", "emp-o")


def test_a_supervisor_orders_for_a_unit_they_supervise_only(store: Store) -> None:
    service_id = published(store)
    placed = order(store, service_id, "oulunkaari", "esihenkilo-o", for_unit="paivakoti")
    assert placed.value.for_unit == "paivakoti"
    with pytest.raises(InvalidInput):
        order(store, service_id, "oulunkaari", "esihenkilo-o", for_unit="hallinto")
    with pytest.raises(InvalidInput):
        order(store, service_id, "oulunkaari", "emp-o", for_unit="paivakoti")


def test_the_provider_accepts_and_completes_and_the_orderer_gives_feedback_once(store: Store) -> None:
    service_id = published(store, provider={"userId": "psykologi-o"}, kind="existing")
    order_id = order(store, service_id, "oulunkaari", "emp-o").value.order_id
    provider = ctx("oulunkaari", "psykologi-o")
    with pytest.raises(Forbidden):
        act_on_order(ctx("oulunkaari", "emp-o"), order_id, OrderAction.ACCEPT, 1, uow(store))
    with pytest.raises(Forbidden):
        act_on_order(provider, order_id, OrderAction.CANCEL, 1, uow(store))
    act_on_order(provider, order_id, OrderAction.ACCEPT, 1, uow(store))
    with pytest.raises(Conflict):
        act_on_order(provider, order_id, OrderAction.COMPLETE, 1, uow(store))
    act_on_order(provider, order_id, OrderAction.COMPLETE, 2, uow(store))
    with pytest.raises(InvalidTransition):
        act_on_order(ctx("oulunkaari", "emp-o"), order_id, OrderAction.CANCEL, 3, uow(store))
    rated = give_feedback(
        ctx("oulunkaari", "emp-o"), order_id, Feedback(rating=5, comment="Kiitos!"), 3, uow(store)
    )
    assert rated.value.feedback == Feedback(rating=5, comment="Kiitos!")
    with pytest.raises(InvalidTransition):
        give_feedback(ctx("oulunkaari", "emp-o"), order_id, Feedback(rating=1), 4, uow(store))
    with pytest.raises(Forbidden):
        give_feedback(provider, order_id, Feedback(rating=1), 4, uow(store))
    counts = store.services[service_id].counts
    assert (counts.requested, counts.accepted, counts.completed) == (0, 0, 1)
    changed = [m.recipient_id for m in store.outbox if m.kind is OutboxKind.ORDER_CHANGED]
    assert changed == ["emp-o", "emp-o"]


def test_a_decline_gives_the_place_back(store: Store) -> None:
    service_id = published(store, capacity=1)
    order_id = order(store, service_id, "oulunkaari", "emp-o").value.order_id
    act_on_order(ctx("oulunkaari", "koordinaattori-o"), order_id, OrderAction.DECLINE, 1, uow(store))
    assert store.services[service_id].counts.declined == 1
    assert store.services[service_id].counts.places_taken == 0


def test_confidential_orders_are_the_orderers_and_providers_only(store: Store) -> None:
    service_id = published(store, confidential=True, provider={"userId": "psykologi-o"}, kind="existing")
    order_id = order(store, service_id, "oulunkaari", "emp-o").value.order_id
    assert get_order(ctx("oulunkaari", "emp-o"), order_id, uow(store)).value.order_id == order_id
    assert get_order(ctx("oulunkaari", "psykologi-o"), order_id, uow(store)).value.order_id == order_id
    for user in ("koordinaattori-o", "esihenkilo-o", "admin-o", "emp-2"):
        with pytest.raises(NotFound):
            get_order(ctx("oulunkaari", user), order_id, uow(store))
    with pytest.raises(NotFound):
        act_on_order(ctx("oulunkaari", "koordinaattori-o"), order_id, OrderAction.ACCEPT, 1, uow(store))
    coordinator_incoming = incoming_orders(
        ctx("oulunkaari", "koordinaattori-o"), 25, None, PlainCursors(), uow(store), as_coordinator=True
    )
    assert coordinator_incoming.items == []
    provider_incoming = incoming_orders(
        ctx("oulunkaari", "psykologi-o"), 25, None, PlainCursors(), uow(store), as_coordinator=False
    )
    assert [o.value.order_id for o in provider_incoming.items] == [order_id]


def test_the_coordinator_sees_suppressed_counts_of_confidential_services_never_who(store: Store) -> None:
    confidential = published(store, confidential=True, provider={"userId": "psykologi-o"}, kind="existing")
    ordinary = published(store)
    for i in range(2):
        order(store, confidential, "oulunkaari", f"emp-{i}")
    order(store, ordinary, "oulunkaari", "emp-9")
    counts = {c.service_id: c for c in order_counts(ctx("oulunkaari", "koordinaattori-o"), uow(store))}
    assert counts[ordinary].counts["requested"] == 1
    assert counts[confidential].counts["requested"] is None
    assert counts[confidential].total is None
    assert "emp-0" not in repr(counts)
    with pytest.raises(Forbidden):
        order_counts(ctx("oulunkaari", "emp-0"), uow(store))


def test_my_orders_and_the_providers_list(store: Store) -> None:
    shared = published(store, sharedWithGroup=REGION)
    mine = [order(store, shared, "vaala", "emp-v").value.order_id for _ in range(3)]
    order(store, shared, "vaala", "someone-else")
    seen: list[str] = []
    cursor = None
    while True:
        page = my_orders(ctx("vaala", "emp-v"), 2, cursor, PlainCursors(), uow(store))
        seen.extend(o.value.order_id for o in page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(mine)
    # Organisation-provided: the owner's coordinator handles it, not Vaala's.
    handled = incoming_orders(
        ctx("oulunkaari", "koordinaattori-o"), 25, None, PlainCursors(), uow(store), as_coordinator=True
    )
    assert len(handled.items) == 4
    assert (
        incoming_orders(
            ctx("vaala", "koordinaattori-v"), 25, None, PlainCursors(), uow(store), as_coordinator=True
        ).items
        == []
    )
    with pytest.raises(Forbidden):
        incoming_orders(ctx("vaala", "emp-v"), 25, None, PlainCursors(), uow(store), as_coordinator=True)


def test_a_cancelled_order_is_final_and_only_the_orderer_cancels(store: Store) -> None:
    service_id = published(store)
    order_id = order(store, service_id, "oulunkaari", "emp-o").value.order_id
    with pytest.raises(NotFound):
        act_on_order(ctx("oulunkaari", "emp-2"), order_id, OrderAction.CANCEL, 1, uow(store))
    cancelled = act_on_order(ctx("oulunkaari", "emp-o"), order_id, OrderAction.CANCEL, 1, uow(store))
    assert cancelled.value.status is OrderStatus.CANCELLED
    with pytest.raises(InvalidTransition):
        act_on_order(ctx("oulunkaari", "koordinaattori-o"), order_id, OrderAction.ACCEPT, 2, uow(store))
