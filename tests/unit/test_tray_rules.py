"""The tray's domain rules: what a service must say, how services and orders move, and
who sees what (security.md)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from tests.unit.tray_fixtures import NOW, REGION, details, person
from workwell.domain.errors import InvalidTransition, NotAvailableForGroup
from workwell.domain.tenants.tenant_settings import Rollout, TraySettings
from workwell.domain.tray.order import Feedback, Order, OrderAction, OrderStatus
from workwell.domain.tray.service import (
    OrderCounts,
    Service,
    ServiceStatus,
    StoredService,
    new_tray_id,
    owner_of,
)
from workwell.domain.tray.tray_access import (
    TrayViewer,
    coordinator_counts,
    may_see_order,
    may_see_service,
    offered_to,
    order_parts,
    require_tray_open,
)


def service(
    tenant: str = "oulunkaari", status: ServiceStatus = ServiceStatus.PUBLISHED, **changes: Any
) -> Service:
    return Service(
        service_id=new_tray_id(tenant),
        tenant_id=tenant,
        details=details(**changes),
        status=status,
        created_by="koordinaattori-o",
        created_at=NOW,
        updated_at=NOW,
    )


def order(svc: Service, orderer_tenant: str = "vaala", orderer: str = "emp-v", **changes: Any) -> Order:
    data: dict[str, Any] = {
        "order_id": new_tray_id(svc.tenant_id),
        "service_id": svc.service_id,
        "tenant_id": svc.tenant_id,
        "orderer_tenant_id": orderer_tenant,
        "orderer_id": orderer,
        "orderer_unit": "paivakoti",
        "confidential": svc.confidential,
        "provider_id": svc.provider_id,
        "created_at": NOW,
        "updated_at": NOW,
    }
    data.update(changes)
    return Order.model_validate(data)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"title": {"fi": "Taide"}, "description": {"sv": "Verkstäder med konst för alla."}},
            "same languages",
        ),
        ({"title": {"de": "Kunst"}}, "title"),
        ({"onRequest": False}, "sessions or onRequest"),
        ({"sessions": [{"startsAt": "2026-12-01T10:00:00+02:00"}]}, "sessions or onRequest"),
        ({"place": None}, "place is required"),
        ({"capacity": 0}, "capacity"),
        ({"category": "spiritual"}, "category"),
        ({"kind": "paid"}, "kind"),
        ({"provider": {"userId": "a", "organisation": "b"}}, "either userId or organisation"),
        ({"confidential": True}, "person as its provider"),
        ({"audienceGroups": ["opetus", "opetus"]}, "repeat"),
        ({"audienceGroups": []}, "audienceGroups"),
    ],
)
def test_a_service_must_be_described_completely_and_consistently(
    changes: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        details(**changes)
    assert problem in str(refused.value)


def test_sessions_need_times_with_zones_in_order() -> None:
    starts = "2026-12-01T10:00:00+02:00"
    ok = details(onRequest=False, sessions=[{"startsAt": starts, "endsAt": "2026-12-01T12:00:00+02:00"}])
    assert len(ok.sessions) == 1
    with pytest.raises(ValidationError):
        details(onRequest=False, sessions=[{"startsAt": starts, "endsAt": starts}])
    with pytest.raises(ValidationError):
        details(onRequest=False, sessions=[{"startsAt": "2026-12-01T10:00:00"}])


def test_service_ids_name_their_owner() -> None:
    service_id = new_tray_id("oulunkaari")
    assert owner_of(service_id) == "oulunkaari"
    for bad in ("oulunkaari", "Oulunkaari.0123", "../x", f"{service_id}x", ""):
        assert owner_of(bad) is None
    with pytest.raises(ValidationError):
        Service.model_validate({**service().model_dump(), "tenant_id": "vaala"})


def test_service_status_changes_follow_the_allowed_ones() -> None:
    draft = service(status=ServiceStatus.DRAFT)
    published = draft.moved_to(ServiceStatus.PUBLISHED, NOW)
    assert published.status is ServiceStatus.PUBLISHED
    assert (
        published.moved_to(ServiceStatus.ARCHIVED, NOW).moved_to(ServiceStatus.DRAFT, NOW).status
        is ServiceStatus.DRAFT
    )
    with pytest.raises(InvalidTransition):
        draft.moved_to(ServiceStatus.PENDING_APPROVAL, NOW)
    with pytest.raises(InvalidTransition):
        published.moved_to(ServiceStatus.ARCHIVED, NOW).moved_to(ServiceStatus.PUBLISHED, NOW)


def test_orders_move_requested_accepted_completed_and_feedback_once() -> None:
    placed = order(service())
    done = placed.after(OrderAction.ACCEPT, NOW).after(OrderAction.COMPLETE, NOW)
    assert done.status is OrderStatus.COMPLETED
    with pytest.raises(InvalidTransition):
        done.after(OrderAction.CANCEL, NOW)
    with pytest.raises(InvalidTransition):
        placed.with_feedback(Feedback(rating=5), NOW)
    rated = done.with_feedback(Feedback(rating=4, comment="Hyvä ja lämmin tilaisuus."), NOW)
    with pytest.raises(InvalidTransition):
        rated.with_feedback(Feedback(rating=1), NOW)
    assert placed.after(OrderAction.DECLINE, NOW).status is OrderStatus.DECLINED
    assert placed.after(OrderAction.CANCEL, NOW).status is OrderStatus.CANCELLED
    with pytest.raises(InvalidTransition):
        placed.after(OrderAction.COMPLETE, NOW)
    for rating in (0, 6, True, "5"):
        with pytest.raises(ValidationError):
            Feedback.model_validate({"rating": rating})


def test_capacity_counts_every_order_still_holding_a_place() -> None:
    svc = service(capacity=3)
    assert StoredService(svc, 1, OrderCounts(requested=1, accepted=1, declined=5, cancelled=5)).has_room
    assert not StoredService(svc, 1, OrderCounts(requested=1, accepted=1, completed=1)).has_room
    assert StoredService(service(capacity=None), 1, OrderCounts(requested=10_000)).has_room


def viewer(tenant: str, user_id: str = "emp", group: str | None = "varhaiskasvatus") -> TrayViewer:
    groups = (REGION,) if tenant in {"oulunkaari", "vaala", "ii"} else ()
    return TrayViewer(person(tenant, user_id, group=group), groups)


def test_a_shared_service_is_seen_in_member_tenants_and_never_elsewhere() -> None:
    shared = service(sharedWithGroup=REGION)
    own_only = service()
    assert offered_to(viewer("vaala"), shared)
    assert offered_to(viewer("oulunkaari"), shared)
    assert not offered_to(viewer("kokkola"), shared)
    assert not offered_to(viewer("vaala"), own_only)
    assert offered_to(viewer("oulunkaari"), own_only)


def test_audience_and_status_narrow_what_employees_see() -> None:
    for_teachers = service(audienceGroups=["opetus"])
    assert offered_to(viewer("oulunkaari", group="opetus"), for_teachers)
    assert not offered_to(viewer("oulunkaari"), for_teachers)
    draft = service(status=ServiceStatus.DRAFT)
    assert not may_see_service(viewer("oulunkaari"), draft)
    assert may_see_service(viewer("oulunkaari", "koordinaattori-o"), draft)
    assert not may_see_service(
        viewer("vaala", "koordinaattori-v"), service(status=ServiceStatus.DRAFT, sharedWithGroup=REGION)
    )


def test_the_tray_is_open_only_to_groups_in_rollout() -> None:
    tray = TraySettings(rollout=Rollout(open_groups=("varhaiskasvatus",)))
    require_tray_open(tray, person("vaala", "emp"))
    for group in ("opetus", None):
        with pytest.raises(NotAvailableForGroup) as refused:
            require_tray_open(tray, person("vaala", "emp", group=group))
        assert refused.value.code == "not_available_for_group"


def test_ordinary_orders_are_seen_by_their_people_and_confidential_ones_by_two_only() -> None:
    ordinary = order(service(sharedWithGroup=REGION), orderer_tenant="oulunkaari", orderer="emp-o")
    confidential_service = service(confidential=True, provider={"userId": "psykologi-o"})
    confidential = order(confidential_service, orderer_tenant="oulunkaari", orderer="emp-o")
    everyone = {
        "orderer": person("oulunkaari", "emp-o"),
        "provider": person("oulunkaari", "psykologi-o"),
        "coordinator": person("oulunkaari", "koordinaattori-o"),
        "supervisor": person("oulunkaari", "esihenkilo-o"),
        "admin": person("oulunkaari", "admin-o"),
        "colleague": person("oulunkaari", "emp-2"),
        "other tenant's coordinator": person("kokkola", "koordinaattori-k"),
    }
    sees_ordinary = {name for name, p in everyone.items() if may_see_order(p, ordinary)}
    sees_confidential = {name for name, p in everyone.items() if may_see_order(p, confidential)}
    assert sees_ordinary == {"orderer", "coordinator", "supervisor", "admin"}
    assert sees_confidential == {"orderer", "provider"}
    assert "handler" in order_parts(everyone["coordinator"], ordinary)  # an organisation's service
    assert "handler" in order_parts(everyone["provider"], confidential)


def test_confidential_counts_are_suppressed_and_ordinary_ones_exact() -> None:
    ordinary, confidential_a, confidential_b = (
        service(),
        service(confidential=True, provider={"userId": "psykologi-o"}),
        service(confidential=True, provider={"userId": "psykologi-o"}),
    )
    counts = coordinator_counts(
        [
            (ordinary, OrderCounts(requested=1, completed=2)),
            (confidential_a, OrderCounts(requested=2, completed=9)),
            (confidential_b, OrderCounts(requested=7, completed=6)),
        ],
        minimum_group_size=5,
    )
    by_id = {c.service_id: c for c in counts}
    assert by_id[ordinary.service_id].counts["requested"] == 1
    assert by_id[ordinary.service_id].total == 3
    shown_a = by_id[confidential_a.service_id].counts
    assert shown_a["requested"] is None, "a count below the minimum is never shown"
    # The complement is hidden too, so the hidden 2 cannot be recovered from a total.
    assert shown_a["completed"] is None or by_id[confidential_a.service_id].total is None
    assert all(c.confidential for c in counts if c.service_id != ordinary.service_id)


def test_an_order_is_kept_with_the_service_owner_and_its_times_move() -> None:
    placed = order(service())
    later = placed.after(OrderAction.ACCEPT, NOW + timedelta(hours=1))
    assert later.updated_at > later.created_at
    assert owner_of(placed.order_id) == "oulunkaari"
