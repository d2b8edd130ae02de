"""The tray on the DynamoDB adapter (moto with the template's tables and the demo tenants):
keys, the capacity transaction under concurrency, scope across tenants, search with å/ä/ö
and Swedish, paging over two scopes, and confidential orders kept from the coordinator."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest

from infra.local.aws_resources import LOCAL_REGION, LocalResources, verify_senders
from infra.local.function_host import FunctionHost
from infra.local.mailbox import sent_emails
from infra.tenants.definitions import Definitions
from tests.unit.tray_fixtures import details, token
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.domain.errors import CapacityFull, Conflict, InvalidTransition, NotFound
from workwell.domain.staff.principal import Identity, Principal
from workwell.domain.staff.roles import Role
from workwell.domain.tray.order import OrderAction
from workwell.domain.tray.service import Category, Kind, ServiceStatus
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.pagination import PageRequest, Position
from workwell.service_layer.tray.catalogue import (
    ProposalDecision,
    ServiceFilters,
    browse_services,
    create_service,
    decide_proposal,
    get_service,
    order_counts,
    propose_service,
    update_service,
)
from workwell.service_layer.tray.orders import OrderDraft, act_on_order, get_order, my_orders, place_order
from workwell.service_layer.unit_of_work import ServiceQuery

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
REGION = "oulunkaari-region"
COORDINATOR = ("oulunkaari", "oulunkaari-coordinator-1")


class JsonCursors:
    """Unsigned cursors that keep the binding (the signed codec is tested on its own)."""

    def encode(self, position: Position, binding: str) -> str:
        return json.dumps({"b": binding, "p": position})

    def decode(self, cursor: str, binding: str) -> Position:
        content = json.loads(cursor)
        assert content["b"] == binding
        return dict(content["p"])


def client() -> Any:
    return boto3.client("dynamodb", region_name=LOCAL_REGION)


def uow() -> DynamoDbUnitOfWork:
    return DynamoDbUnitOfWork(client(), TableNames("MainTable", "AuditTable"))


def ctx(
    tenant: str, user: str, group: str | None = "varhaiskasvatus", roles: set[Role] | None = None
) -> CallContext:
    identity = Identity(user, tenant, None, None, "varhaiskasvatus", group, "fi")
    if roles is None:
        roles = {Role.WELLBEING_COORDINATOR} if "coordinator" in user else set()
    return CallContext(Principal(identity, frozenset({Role.EMPLOYEE, *roles})), "req-1", NOW)


def create(publish: bool = True, tenant: str = "oulunkaari", **changes: Any) -> str:
    coordinator = ctx(tenant, f"{tenant}-coordinator-1")
    return create_service(coordinator, details(**changes), uow(), publish=publish).service.service_id


def browse(tenant: str, limit: int = 25, **filters: Any) -> tuple[list[str], int]:
    found: list[str] = []
    cursor, pages = None, 0
    while True:
        page = browse_services(
            ctx(tenant, f"{tenant}-employee-1"),
            ServiceFilters(**filters),
            limit=limit,
            cursor=cursor,
            cursors=JsonCursors(),
            uow=uow(),
        )
        pages += 1
        found.extend(s.service.service_id for s in page.items)
        if page.next_cursor is None:
            return found, pages
        cursor = page.next_cursor


@pytest.fixture(autouse=True)
def _demo_tenants(provisioned: LocalResources) -> None:
    """The demo tenants without their demo catalogue: these tests count what they create."""
    dynamodb = client()
    items = dynamodb.scan(TableName="MainTable", ProjectionExpression="PK, SK, entity")["Items"]
    for item in items:
        if item.get("entity", {}).get("S") == "tray_service":
            dynamodb.delete_item(TableName="MainTable", Key={"PK": item["PK"], "SK": item["SK"]})


def test_a_service_item_carries_its_listing_keys_and_counts() -> None:
    service_id = create(sharedWithGroup=REGION, capacity=5)
    owner, _ = service_id.split(".")
    item = client().get_item(
        TableName="MainTable",
        Key={"PK": {"S": f"TENANT#{owner}#SERVICES"}, "SK": {"S": f"SERVICE#{service_id}"}},
    )["Item"]
    assert item["GSI1PK"]["S"] == f"GROUP#{REGION}#SERVICES#PUBLISHED"
    assert item["GSI1SK"]["S"] == f"community#new#{service_id}"
    assert item["capacity"]["N"] == "5"
    assert item["places_taken"]["N"] == "0"
    assert " työhyvinvointi " in item["search_text"]["S"]
    stored = uow().tray.service(service_id)
    assert stored is not None
    assert (stored.version, stored.service.details.capacity) == (1, 5)


def test_many_threads_ordering_capacity_ten_get_exactly_ten_places() -> None:
    service_id = create(capacity=10)
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(30)

    def order(i: int) -> None:
        start.wait()
        try:
            place_order(ctx("oulunkaari", f"employee-{i}"), OrderDraft(service_id), token(), uow())
            outcome = "placed"
        except CapacityFull:
            outcome = "capacity_full"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=order, args=(i,)) for i in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes).count("placed") == 10
    assert outcomes.count("capacity_full") == 20
    stored = uow().tray.service(service_id)
    assert stored is not None
    assert stored.counts.places_taken == 10
    assert stored.counts.requested == 10


def test_cancel_and_decline_give_places_back_once() -> None:
    service_id = create(capacity=1)
    placed = place_order(ctx("oulunkaari", "employee-a"), OrderDraft(service_id), token(), uow())
    with pytest.raises(CapacityFull):
        place_order(ctx("oulunkaari", "employee-b"), OrderDraft(service_id), token(), uow())
    act_on_order(ctx("oulunkaari", "employee-a"), placed.value.order_id, OrderAction.CANCEL, 1, uow())
    with pytest.raises(InvalidTransition):
        act_on_order(ctx("oulunkaari", "employee-a"), placed.value.order_id, OrderAction.CANCEL, 1, uow())
    second = place_order(ctx("oulunkaari", "employee-b"), OrderDraft(service_id), token(), uow())
    act_on_order(ctx(*COORDINATOR), second.value.order_id, OrderAction.DECLINE, 1, uow())
    stored = uow().tray.service(service_id)
    assert stored is not None
    assert (stored.counts.places_taken, stored.counts.cancelled, stored.counts.declined) == (0, 1, 1)


def test_a_repeated_order_request_takes_one_place() -> None:
    service_id = create(capacity=1)
    same = token("same-request")
    first = place_order(ctx("oulunkaari", "employee-a"), OrderDraft(service_id), same, uow())
    again = place_order(ctx("oulunkaari", "employee-a"), OrderDraft(service_id), same, uow())
    assert again.value.order_id == first.value.order_id
    stored = uow().tray.service(service_id)
    assert stored is not None
    assert stored.counts.places_taken == 1


def test_a_vaala_employee_sees_the_shared_service_and_a_kokkola_one_never() -> None:
    shared = create(sharedWithGroup=REGION)
    unshared = create()
    kokkolas = create(tenant="kokkola", audienceGroups=None)

    assert browse("vaala")[0] == [shared]
    assert set(browse("oulunkaari")[0]) == {shared, unshared}
    kokkola_employee = ctx("kokkola", "kokkola-employee-1", group="opetus")
    found = browse_services(
        kokkola_employee, ServiceFilters(), limit=25, cursor=None, cursors=JsonCursors(), uow=uow()
    )
    assert [s.service.service_id for s in found.items] == [kokkolas]
    assert get_service(ctx("vaala", "vaala-employee-1").principal, shared, uow()).service.service_id == shared
    for service_id in (shared, unshared):
        with pytest.raises(NotFound):
            get_service(kokkola_employee.principal, service_id, uow())
    with pytest.raises(NotFound):
        place_order(kokkola_employee, OrderDraft(shared), token(), uow())


def test_search_folds_case_and_keeps_a_a_o_in_finnish_and_swedish() -> None:
    arts = create(sharedWithGroup=REGION)
    mentoring = create(
        title={
            "fi": "Mentorointi ateria- ja puhtauspalveluihin",
            "sv": "Mentorskap för måltids- och städtjänster",
        },
        description={
            "fi": "Kokenut työntekijä perehdyttää uuden kollegan työhön.",
            "sv": "En erfaren anställd introducerar en ny kollega i arbetet.",
        },
        category="competence",
        kind="existing",
    )
    assert browse("oulunkaari", text="TYÖHYVINVOINTI")[0] == [arts]
    assert browse("oulunkaari", text="välmå")[0] == [arts]
    assert browse("oulunkaari", text="MÅLTIDS")[0] == [mentoring]
    assert browse("oulunkaari", text="städ")[0] == [mentoring]
    assert browse("oulunkaari", text="stad")[0] == []
    assert browse("oulunkaari", text="perehdyttää kollegan")[0] == [mentoring]
    assert browse("oulunkaari", text="hyvinvointi")[0] == []  # not a word beginning
    assert browse("vaala", text="taidelähtöinen")[0] == [arts]
    assert browse("oulunkaari", category=Category.COMPETENCE)[0] == [mentoring]
    assert browse("oulunkaari", category=Category.COMPETENCE, kind=Kind.NEW)[0] == []
    assert browse("oulunkaari", kind=Kind.EXISTING)[0] == [mentoring]


def test_pages_walk_both_scopes_with_two_requests_each(monkeypatch: pytest.MonkeyPatch) -> None:
    own = {create(category="physical") for _ in range(4)}
    shared = {create(sharedWithGroup=REGION, category="mental") for _ in range(3)}
    calls: list[str] = []
    work = uow()
    tray = work.tray
    original = tray._client.query

    def counted(**kwargs: Any) -> Any:
        calls.append(kwargs.get("IndexName", "table"))
        return original(**kwargs)

    monkeypatch.setattr(tray._client, "query", counted)
    page = tray.browse(ServiceQuery("oulunkaari", (REGION,), "varhaiskasvatus"), PageRequest(3))
    assert calls == ["GSI1", "GSI1"], "one query per scope"
    assert page.next_position is not None
    assert len(json.dumps(page.next_position)) < 300, "a cursor stays short (signed cursors take 2 KB)"
    assert len(page.items) == 3
    assert page.next_position is not None

    found, _ = browse("oulunkaari", limit=3)
    assert sorted(found) == sorted(own | shared)
    assert len(found) == len(set(found))
    # Vaala sees only the shared ones, across pages too.
    assert sorted(browse("vaala", limit=2)[0]) == sorted(shared)


def test_proposals_wait_for_approval_and_updates_check_the_version() -> None:
    employee = ctx("ii", "ii-employee-1")
    proposed = propose_service(
        employee, details(kind="peer", provider={"userId": "ii-employee-1"}, category="competence"), uow()
    ).service.service_id
    assert browse("ii")[0] == []
    decided = decide_proposal(ctx("ii", "ii-coordinator-1"), proposed, ProposalDecision(True), 1, uow())
    assert decided.service.status is ServiceStatus.PUBLISHED
    assert browse("ii")[0] == [proposed]
    update_service(
        ctx("ii", "ii-coordinator-1"),
        proposed,
        details(kind="peer", provider={"userId": "ii-employee-1"}, category="competence", capacity=4),
        2,
        uow(),
    )
    with pytest.raises(Conflict):
        update_service(
            ctx("ii", "ii-coordinator-1"),
            proposed,
            details(kind="peer", provider={"userId": "ii-employee-1"}, category="competence", capacity=5),
            2,
            uow(),
        )
    stored = uow().tray.service(proposed)
    assert stored is not None
    assert stored.service.details.capacity == 4
    assert stored.version == 3
    outbox = client().query(
        TableName="MainTable",
        IndexName="GSI1",
        KeyConditionExpression="GSI1PK = :pk",
        ExpressionAttributeValues={":pk": {"S": "TENANT#ii#OUTBOX#PENDING"}},
    )["Items"]
    kinds = sorted((i["kind"]["S"], i.get("service_id", {}).get("S")) for i in outbox)
    assert kinds == [("tray.proposal_decided", proposed), ("tray.proposal_submitted", proposed)]


def test_confidential_orders_are_invisible_to_the_coordinator_except_suppressed_counts() -> None:
    service_id = create(confidential=True, provider={"userId": "oulunkaari-supervisor-1"}, kind="existing")
    orders = [
        place_order(ctx("oulunkaari", f"employee-{i}"), OrderDraft(service_id), token(), uow()).value.order_id
        for i in range(3)
    ]
    coordinator = ctx(*COORDINATOR)
    for order_id in orders:
        with pytest.raises(NotFound):
            get_order(coordinator, order_id, uow())
        assert (
            get_order(ctx("oulunkaari", "oulunkaari-supervisor-1"), order_id, uow()).value.order_id
            == order_id
        )
    counts = {c.service_id: c for c in order_counts(coordinator, uow())}
    assert counts[service_id].counts["requested"] is None
    assert counts[service_id].total is None
    mine = my_orders(ctx("oulunkaari", "employee-0"), 10, None, JsonCursors(), uow())
    assert [o.value.order_id for o in mine.items] == [orders[0]]


def test_the_notifier_tells_the_coordinators_of_a_waiting_proposal_once(
    function_host: FunctionHost, definitions: Definitions
) -> None:
    """A tray notice is delivered like the others: to the tenant's coordinators as the
    staff directory has them, once, and finished: nothing left for the sweeper."""
    verify_senders([t.settings.sender for t in definitions.tenants])
    propose_service(
        ctx("ii", "ii-employee-1"), details(kind="peer", provider={"userId": "ii-employee-1"}), uow()
    )
    (pending,) = client().query(
        TableName="MainTable",
        IndexName="GSI1",
        KeyConditionExpression="GSI1PK = :pk",
        ExpressionAttributeValues={":pk": {"S": "TENANT#ii#OUTBOX#PENDING"}},
    )["Items"]
    full = client().get_item(TableName="MainTable", Key={"PK": pending["PK"], "SK": pending["SK"]})["Item"]
    record = {
        "eventID": "1",
        "eventName": "INSERT",
        "eventSource": "aws:dynamodb",
        "dynamodb": {"Keys": {"PK": full["PK"], "SK": full["SK"]}, "NewImage": full, "SequenceNumber": "7"},
    }

    answer = function_host.invoke("NotifierFunction", {"Records": [record]})
    again = function_host.invoke("NotifierFunction", {"Records": [record]})

    assert answer == again == {"batchItemFailures": []}
    (email,) = sent_emails()
    assert email.recipients == ["ii-coordinator-1@ii.example"]
    assert "/tray/proposals" in email.body
    assert "Taidelähtöinen" not in f"{email.subject}\n{email.body}"
    item = client().get_item(TableName="MainTable", Key={"PK": full["PK"], "SK": full["SK"]})["Item"]
    assert item["status"]["S"] == "sent"
    assert "GSI1PK" not in item
