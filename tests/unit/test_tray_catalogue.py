"""The tray's catalogue use cases on fakes: create, propose, edit, decide, browse, read."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.fakes import FakeUnitOfWork, PlainCursors, Store
from tests.unit.tray_fixtures import REGION, ctx, details, person, tray_store
from workwell.domain.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    InvalidTransition,
    NotAvailableForGroup,
    NotFound,
)
from workwell.domain.notifications.outbox import OutboxKind
from workwell.domain.tray.service import Category, Kind, ServiceStatus, StoredService
from workwell.service_layer.tray.catalogue import (
    ProposalDecision,
    ServiceFilters,
    browse_services,
    change_service_status,
    create_service,
    decide_proposal,
    get_service,
    my_services,
    propose_service,
    tenant_catalogue,
    update_service,
)

COORDINATOR = ("oulunkaari", "koordinaattori-o")


@pytest.fixture
def store() -> Store:
    return tray_store()


def uow(store: Store) -> FakeUnitOfWork:
    return FakeUnitOfWork(store)


def create(store: Store, publish: bool = True, tenant: str = "oulunkaari", **changes: Any) -> StoredService:
    coordinator = {
        "oulunkaari": "koordinaattori-o",
        "vaala": "koordinaattori-v",
        "kokkola": "koordinaattori-k",
    }
    return create_service(ctx(tenant, coordinator[tenant]), details(**changes), uow(store), publish=publish)


def browse(store: Store, tenant: str, user: str = "emp", limit: int = 25, **filters: Any) -> list[str]:
    found: list[str] = []
    cursor = None
    while True:
        page = browse_services(
            ctx(tenant, user),
            ServiceFilters(**filters),
            limit=limit,
            cursor=cursor,
            cursors=PlainCursors(),
            uow=uow(store),
        )
        found.extend(s.service.service_id for s in page.items)
        if page.next_cursor is None:
            return found
        cursor = page.next_cursor


def peer_details(user: str = "mentori-i", **changes: Any) -> Any:
    return details(kind="peer", provider={"userId": user}, category="competence", **changes)


def test_a_coordinator_creates_services_and_employees_may_not(store: Store) -> None:
    created = create(store, publish=False)
    assert created.service.status is ServiceStatus.DRAFT
    assert store.services[created.service.service_id].version == 1
    assert [a.action for a in store.audit] == ["service.created"]
    with pytest.raises(Forbidden):
        create_service(ctx("oulunkaari", "emp"), details(), uow(store))


def test_a_person_provider_must_be_in_the_staff_directory_and_groups_real(store: Store) -> None:
    create(store, provider={"userId": "psykologi-o"})
    with pytest.raises(InvalidInput) as refused:
        create(store, provider={"userId": "nobody"})
    assert refused.value.details[0].loc == ("body", "provider", "userId")
    with pytest.raises(InvalidInput):
        create(store, audienceGroups=["palokunta"])
    with pytest.raises(InvalidInput):
        create(store, tenant="kokkola", sharedWithGroup=REGION)


def test_an_employee_proposes_a_peer_service_and_coordinators_are_told(store: Store) -> None:
    proposed = propose_service(ctx("oulunkaari", "mentori-i"), peer_details(), uow(store))
    assert proposed.service.status is ServiceStatus.PENDING_APPROVAL
    assert proposed.service.proposed_by == "mentori-i"
    assert [(m.kind, m.subject_id) for m in store.outbox] == [
        (OutboxKind.PROPOSAL_SUBMITTED, proposed.service.service_id)
    ]
    # Not someone else's service, and not a coordinator's kind of service.
    with pytest.raises(InvalidInput):
        propose_service(ctx("oulunkaari", "mentori-i"), peer_details("someone-else"), uow(store))
    with pytest.raises(InvalidInput):
        propose_service(ctx("oulunkaari", "mentori-i"), details(), uow(store))


def test_proposing_needs_the_tray_open_for_my_group(store: Store) -> None:
    with pytest.raises(NotAvailableForGroup):
        propose_service(ctx("oulunkaari", "mentori-i", group="opetus"), peer_details(), uow(store))
    assert store.commits == 0


def test_approval_publishes_and_rejection_archives_with_a_reason_the_proposer_learns(store: Store) -> None:
    first = propose_service(ctx("oulunkaari", "mentori-i"), peer_details(), uow(store)).service.service_id
    second = propose_service(
        ctx("oulunkaari", "mentori-u"), peer_details("mentori-u"), uow(store)
    ).service.service_id
    coordinator = ctx(*COORDINATOR)
    with pytest.raises(Forbidden):
        decide_proposal(ctx("oulunkaari", "mentori-i"), first, ProposalDecision(True), 1, uow(store))
    with pytest.raises(InvalidInput):
        decide_proposal(coordinator, second, ProposalDecision(False, "  "), 1, uow(store))

    approved = decide_proposal(coordinator, first, ProposalDecision(True), 1, uow(store))
    rejected = decide_proposal(
        coordinator, second, ProposalDecision(False, "Päällekkäinen palvelu."), 1, uow(store)
    )

    assert approved.service.status is ServiceStatus.PUBLISHED
    assert (rejected.service.status, rejected.service.rejection_reason) == (
        ServiceStatus.ARCHIVED,
        "Päällekkäinen palvelu.",
    )
    decided = [(m.subject_id, m.recipient_id) for m in store.outbox if m.kind is OutboxKind.PROPOSAL_DECIDED]
    assert decided == [(first, "mentori-i"), (second, "mentori-u")]
    with pytest.raises(InvalidTransition):
        decide_proposal(coordinator, first, ProposalDecision(True), 2, uow(store))
    # Another tenant's coordinator cannot even find it.
    with pytest.raises(NotFound):
        decide_proposal(ctx("vaala", "koordinaattori-v"), first, ProposalDecision(True), 2, uow(store))


def test_updates_need_the_version_read(store: Store) -> None:
    service_id = create(store).service.service_id
    coordinator = ctx(*COORDINATOR)
    updated = update_service(coordinator, service_id, details(capacity=20), 1, uow(store))
    assert (updated.version, updated.service.details.capacity) == (2, 20)
    with pytest.raises(Conflict):
        update_service(coordinator, service_id, details(capacity=30), 1, uow(store))
    with pytest.raises(NotFound):
        update_service(ctx("oulunkaari", "emp"), service_id, details(), 2, uow(store))


def test_a_peer_provider_edits_their_service_which_then_waits_for_approval_again(store: Store) -> None:
    service_id = propose_service(
        ctx("oulunkaari", "mentori-i"), peer_details(), uow(store)
    ).service.service_id
    decide_proposal(ctx(*COORDINATOR), service_id, ProposalDecision(True), 1, uow(store))
    edited = update_service(
        ctx("oulunkaari", "mentori-i"), service_id, peer_details(capacity=3), 2, uow(store)
    )
    assert edited.service.status is ServiceStatus.PENDING_APPROVAL
    with pytest.raises(InvalidInput):
        update_service(ctx("oulunkaari", "mentori-i"), service_id, details(kind="new"), 3, uow(store))


def test_a_coordinator_publishes_withdraws_and_archives(store: Store) -> None:
    service_id = create(store, publish=False).service.service_id
    coordinator = ctx(*COORDINATOR)
    assert change_service_status(coordinator, service_id, ServiceStatus.PUBLISHED, 1, uow(store)).version == 2
    assert browse(store, "oulunkaari") == [service_id]
    change_service_status(coordinator, service_id, ServiceStatus.ARCHIVED, 2, uow(store))
    assert browse(store, "oulunkaari") == []
    with pytest.raises(InvalidTransition):
        change_service_status(coordinator, service_id, ServiceStatus.PENDING_APPROVAL, 3, uow(store))


def test_a_vaala_employee_sees_oulunkaaris_shared_service_and_a_kokkola_one_never(store: Store) -> None:
    shared = create(store, sharedWithGroup=REGION).service.service_id
    unshared = create(store).service.service_id
    kokkolas = create(store, tenant="kokkola").service.service_id

    assert set(browse(store, "vaala")) == {shared}
    assert set(browse(store, "oulunkaari")) == {shared, unshared}
    assert set(browse(store, "kokkola")) == {kokkolas}
    assert get_service(person("vaala", "emp"), shared, uow(store)).service.service_id == shared
    for tenant, service_id in (("kokkola", shared), ("vaala", unshared), ("oulunkaari", kokkolas)):
        with pytest.raises(NotFound):
            get_service(person(tenant, "emp"), service_id, uow(store))
    with pytest.raises(NotFound):
        get_service(person("vaala", "emp"), "not-an-id", uow(store))


def test_browsing_and_reading_need_the_tray_open_for_my_group(store: Store) -> None:
    shared = create(store, sharedWithGroup=REGION).service.service_id
    with pytest.raises(NotAvailableForGroup):
        browse_services(
            ctx("vaala", "emp", group="opetus"),
            ServiceFilters(),
            limit=10,
            cursor=None,
            cursors=PlainCursors(),
            uow=uow(store),
        )
    with pytest.raises(NotAvailableForGroup):
        get_service(person("vaala", "emp", group="opetus"), shared, uow(store))
    # The coordinator manages the catalogue whatever their own group.
    get_service(person("oulunkaari", "koordinaattori-o", group="hallinto"), shared, uow(store))


def test_drafts_and_proposals_are_seen_by_their_coordinators_and_proposers_only(store: Store) -> None:
    draft = create(store, publish=False).service.service_id
    proposal = propose_service(ctx("oulunkaari", "mentori-i"), peer_details(), uow(store)).service.service_id
    assert browse(store, "oulunkaari") == []
    for service_id in (draft, proposal):
        get_service(person(*COORDINATOR), service_id, uow(store))
        with pytest.raises(NotFound):
            get_service(person("oulunkaari", "emp"), service_id, uow(store))
    get_service(person("oulunkaari", "mentori-i", group="opetus"), proposal, uow(store))


def test_filters_search_and_pages(store: Store) -> None:
    arts = create(store, sharedWithGroup=REGION).service.service_id
    mentoring = create(
        store,
        title={"fi": "Mentorointi varhaiskasvatukseen", "sv": "Mentorskap inom småbarnspedagogik"},
        description={"fi": "Kokenut työntekijä tukee uutta.", "sv": "En erfaren anställd stöder en ny."},
        category="competence",
        kind="existing",
    ).service.service_id
    everyone_else = [create(store, category="physical").service.service_id for _ in range(5)]

    assert browse(store, "oulunkaari", category=Category.COMPETENCE) == [mentoring]
    assert set(browse(store, "oulunkaari", kind=Kind.EXISTING)) == {mentoring}
    assert browse(store, "oulunkaari", text="MENTOR") == [mentoring]
    assert browse(store, "oulunkaari", text="småbarn") == [mentoring]
    assert browse(store, "oulunkaari", text="smabarn") == []
    assert set(browse(store, "oulunkaari", text="välmående")) == {arts, *everyone_else}
    assert browse(store, "vaala", text="taidelähtöinen") == [arts]
    assert len(browse(store, "oulunkaari", limit=2)) == 7
    with pytest.raises(InvalidInput):
        browse(store, "oulunkaari", text=" \u2013 ")


def test_audience_groups_narrow_the_list(store: Store) -> None:
    for_teachers = create(store, audienceGroups=["opetus"]).service.service_id
    assert browse(store, "oulunkaari") == []
    store.put_settings(
        "oulunkaari",
        store.settings_document("oulunkaari").value.model_copy(
            update={
                "rollout": store.settings_document("oulunkaari").value.rollout.model_copy(
                    update={"open_groups": ("opetus",)}
                )
            }
        ),
    )
    assert (
        browse_services(
            ctx("oulunkaari", "emp", group="opetus"),
            ServiceFilters(),
            limit=5,
            cursor=None,
            cursors=PlainCursors(),
            uow=uow(store),
        )
        .items[0]
        .service.service_id
        == for_teachers
    )


def test_the_coordinator_lists_the_catalogue_and_waiting_proposals_and_a_proposer_their_own(
    store: Store,
) -> None:
    draft = create(store, publish=False).service.service_id
    proposal = propose_service(ctx("oulunkaari", "mentori-i"), peer_details(), uow(store)).service.service_id
    create(store, tenant="vaala")
    coordinator = ctx(*COORDINATOR)
    assert {s.service.service_id for s, _ in tenant_catalogue(coordinator, uow(store))} == {draft, proposal}
    waiting = tenant_catalogue(coordinator, uow(store), ServiceStatus.PENDING_APPROVAL)
    assert [s.service.service_id for s, _ in waiting] == [proposal]
    with pytest.raises(Forbidden):
        tenant_catalogue(ctx("oulunkaari", "mentori-i"), uow(store))
    assert [s.service.service_id for s in my_services(ctx("oulunkaari", "mentori-i"), uow(store))] == [
        proposal
    ]
    assert my_services(ctx("vaala", "mentori-i"), uow(store)) == []
