"""Separation of duties: a tenant admin asks, an overseer confirms, revocation is at once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import make_principal
from tests.unit.fakes import FakeUnitOfWork, PlainCursors, Store
from tests.unit.test_administration import NOW, SETTINGS, ctx
from workwell.domain.cases.refused_reads import RefusedReadOutcome
from workwell.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from workwell.domain.notifications.outbox import OutboxKind
from workwell.domain.staff.role_grants import (
    PENDING_GRANT_LIFETIME,
    GrantDecision,
    RoleChangeKind,
    RoleChangeStatus,
    plan_role_change,
)
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember, StaffProfile
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases import oversight
from workwell.service_layer.staff import staff_roles

ADMIN = make_principal({Role.TENANT_ADMIN}, tenant_id="testi", user_id="admin-1")
OTHER_ADMIN = make_principal({Role.TENANT_ADMIN}, tenant_id="testi", user_id="admin-2")
MANAGER = make_principal({Role.SAFETY_MANAGER}, tenant_id="testi", user_id="mgr-1")
HR = make_principal({Role.HR_DIRECTOR}, tenant_id="testi", user_id="hr-1")
SUPERVISOR_ID = "sup-1"


def entry(user_id: str, *roles: str, **data: Any) -> Versioned[StaffMember]:
    units = ["koulu"] if "supervisor" in roles else []
    fields = {"userId": user_id, "name": user_id, "email": f"{user_id}@test.example", "roles": list(roles)}
    return Versioned(StaffMember.model_validate({"supervisedUnits": units, **fields, **data}), 1)


@pytest.fixture
def store() -> Store:
    store = Store()
    store.put_settings("testi", SETTINGS, 1)
    for member in [
        entry("admin-1", "tenant_admin"),
        entry("admin-2", "tenant_admin"),
        entry("mgr-1", "safety_manager"),
        entry("hr-1", "hr_director"),
        entry(SUPERVISOR_ID, "supervisor"),
    ]:
        store.staff[("testi", member.value.user_id)] = member
    return store


def profile(*roles: str, **data: Any) -> StaffProfile:
    units = ["koulu"] if "supervisor" in roles else []
    fields = {"name": "Mikko", "email": "mikko@test.example", "roles": list(roles), "supervisedUnits": units}
    return StaffProfile.model_validate({**fields, **data})


def request_grant(store: Store, user_id: str = SUPERVISOR_ID, role: str = "safety_manager") -> str:
    current = store.staff.get(("testi", user_id))
    held = [r.value for r in current.value.roles] if current else []
    saved = staff_roles.put_staff_member(
        ctx(ADMIN), user_id, profile(*held, role), current.version if current else None, FakeUnitOfWork(store)
    )
    return next(g.change_id for g in saved.value.pending_grants if g.role == role)


def at(principal: Any, now: Any = NOW) -> CallContext:
    return CallContext(principal=principal, request_id="req-2", now=now)


# ----------------------------------------------------------------- the plan


def test_the_plan_keeps_handling_roles_out_until_confirmed_and_revokes_at_once() -> None:
    requested = frozenset({Role.SUPERVISOR, Role.SAFETY_MANAGER, Role.HR_DIRECTOR})
    held = frozenset({Role.SUPERVISOR, Role.SAFETY_REPRESENTATIVE, Role.HR_DIRECTOR})
    pending = frozenset({Role.SAFETY_MANAGER})

    plan = plan_role_change(requested, held, pending)

    assert plan.effective == {Role.SUPERVISOR, Role.HR_DIRECTOR}
    assert plan.to_request == frozenset()
    assert plan.to_withdraw == frozenset()
    assert plan.to_revoke == {Role.SAFETY_REPRESENTATIVE}


# ----------------------------------------------------------------- asking


def test_a_handling_role_asked_for_is_pending_and_changes_nothing(store: Store) -> None:
    change_id = request_grant(store)

    mikko = store.staff[("testi", SUPERVISOR_ID)].value
    assert mikko.roles == {Role.SUPERVISOR}
    assert [(g.role, g.change_id) for g in mikko.pending_grants] == [(Role.SAFETY_MANAGER, change_id)]
    change = store.role_changes[("testi", change_id)].value
    assert (change.kind, change.status, change.requested_by) == (
        RoleChangeKind.GRANT,
        RoleChangeStatus.PENDING,
        "admin-1",
    )
    assert [(e.action, e.object_id) for e in store.audit] == [
        ("staff.role_grant_requested", change_id),
        ("staff.updated", SUPERVISOR_ID),
    ]
    assert [(m.kind, m.subject_id) for m in store.outbox] == [(OutboxKind.ROLE_GRANT_REQUESTED, change_id)]


def test_asking_again_while_pending_opens_no_second_grant(store: Store) -> None:
    request_grant(store)
    current = store.staff[("testi", SUPERVISOR_ID)]

    staff_roles.put_staff_member(
        ctx(ADMIN),
        SUPERVISOR_ID,
        profile("supervisor", "safety_manager"),
        current.version,
        FakeUnitOfWork(store),
    )

    assert len(store.role_changes) == 1
    assert len(store.staff[("testi", SUPERVISOR_ID)].value.pending_grants) == 1


def test_nobody_changes_their_own_roles(store: Store) -> None:
    with pytest.raises(InvalidInput) as raised:
        staff_roles.put_staff_member(
            ctx(ADMIN), "admin-1", profile("wellbeing_coordinator"), 1, FakeUnitOfWork(store)
        )

    assert raised.value.details[0].loc == ("body", "roles")
    assert store.staff[("testi", "admin-1")].value.roles == {Role.TENANT_ADMIN}
    assert store.commits == 0


def test_an_admin_may_still_correct_their_own_name(store: Store) -> None:
    saved = staff_roles.put_staff_member(
        ctx(ADMIN), "admin-1", profile("tenant_admin", name="Tuomas H."), 1, FakeUnitOfWork(store)
    )

    assert (saved.value.name, saved.value.roles) == ("Tuomas H.", {Role.TENANT_ADMIN})


@pytest.mark.parametrize("role", ["safety_representative", "safety_manager", "hr_director"])
def test_tenant_admin_and_a_handling_role_never_go_together(role: str) -> None:
    with pytest.raises(ValueError, match="separation of duties"):
        profile("tenant_admin", role)


def test_an_admin_moving_to_hr_loses_admin_at_once_and_waits_for_hr(store: Store) -> None:
    staff_roles.put_staff_member(ctx(ADMIN), "admin-2", profile("hr_director"), 1, FakeUnitOfWork(store))

    moved = store.staff[("testi", "admin-2")].value
    assert moved.roles == frozenset()
    assert [g.role for g in moved.pending_grants] == [Role.HR_DIRECTOR]


# ----------------------------------------------------------------- deciding


def test_an_overseer_confirms_and_the_role_takes_effect(store: Store) -> None:
    change_id = request_grant(store)

    decided = staff_roles.decide_grant(at(HR), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))

    assert (decided.status, decided.decided_by) == (RoleChangeStatus.CONFIRMED, "hr-1")
    mikko = store.staff[("testi", SUPERVISOR_ID)].value
    assert mikko.roles == {Role.SUPERVISOR, Role.SAFETY_MANAGER}
    assert mikko.pending_grants == ()
    assert store.audit[-1].action == "staff.role_grant_confirmed"
    assert store.outbox[-1].kind is OutboxKind.ROLE_GRANT_CONFIRMED


def test_a_rejected_grant_changes_nothing(store: Store) -> None:
    change_id = request_grant(store)

    staff_roles.decide_grant(at(MANAGER), change_id, GrantDecision.REJECT, FakeUnitOfWork(store))

    assert store.staff[("testi", SUPERVISOR_ID)].value.roles == {Role.SUPERVISOR}
    assert store.role_changes[("testi", change_id)].value.status is RoleChangeStatus.REJECTED
    assert store.outbox[-1].kind is OutboxKind.ROLE_GRANT_CLOSED


@pytest.mark.parametrize(
    "decider", [ADMIN, OTHER_ADMIN, make_principal({Role.SUPERVISOR}, tenant_id="testi")]
)
def test_only_overseers_decide(store: Store, decider: Any) -> None:
    change_id = request_grant(store)

    with pytest.raises(Forbidden):
        staff_roles.decide_grant(at(decider), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))
    assert store.staff[("testi", SUPERVISOR_ID)].value.roles == {Role.SUPERVISOR}


def test_a_grantee_who_is_an_overseer_cannot_confirm_their_own_grant(store: Store) -> None:
    change_id = request_grant(store, "mgr-1", "hr_director")

    with pytest.raises(Forbidden):
        staff_roles.decide_grant(at(MANAGER), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))

    staff_roles.decide_grant(at(HR), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))
    assert store.staff[("testi", "mgr-1")].value.roles == {Role.SAFETY_MANAGER, Role.HR_DIRECTOR}


def test_the_requester_cannot_confirm_even_as_an_overseer(store: Store) -> None:
    change_id = request_grant(store)
    stored = store.role_changes[("testi", change_id)]
    store.role_changes[("testi", change_id)] = Versioned(
        stored.value.model_copy(update={"requested_by": "hr-1"}), stored.version
    )

    with pytest.raises(Forbidden):
        staff_roles.decide_grant(at(HR), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))


def test_a_lapsed_grant_cannot_be_confirmed(store: Store) -> None:
    change_id = request_grant(store)
    later = NOW + PENDING_GRANT_LIFETIME + timedelta(seconds=1)

    with pytest.raises(Conflict):
        staff_roles.decide_grant(at(HR, later), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))
    assert store.staff[("testi", SUPERVISOR_ID)].value.roles == {Role.SUPERVISOR}


def test_a_grant_the_admin_withdrew_cannot_be_confirmed(store: Store) -> None:
    change_id = request_grant(store)
    current = store.staff[("testi", SUPERVISOR_ID)]
    staff_roles.put_staff_member(
        ctx(ADMIN), SUPERVISOR_ID, profile("supervisor"), current.version, FakeUnitOfWork(store)
    )

    assert store.role_changes[("testi", change_id)].value.status is RoleChangeStatus.WITHDRAWN
    with pytest.raises(Conflict):
        staff_roles.decide_grant(at(HR), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))


def test_an_unknown_grant_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        staff_roles.decide_grant(at(HR), "0" * 26, GrantDecision.CONFIRM, FakeUnitOfWork(store))


# ----------------------------------------------------------------- revoking


def test_revoking_is_immediate_and_on_record(store: Store) -> None:
    staff_roles.put_staff_member(
        ctx(ADMIN), "mgr-1", profile("wellbeing_coordinator"), 1, FakeUnitOfWork(store)
    )

    assert store.staff[("testi", "mgr-1")].value.roles == {Role.WELLBEING_COORDINATOR}
    (revocation,) = [v.value for v in store.role_changes.values()]
    assert (revocation.kind, revocation.status, revocation.role) == (
        RoleChangeKind.REVOCATION,
        RoleChangeStatus.REVOKED,
        Role.SAFETY_MANAGER,
    )
    assert store.outbox[-1].kind is OutboxKind.ROLE_REVOKED


def test_removing_a_person_revokes_and_withdraws(store: Store) -> None:
    change_id = request_grant(store, "mgr-1", "hr_director")

    staff_roles.remove_staff_member(ctx(ADMIN), "mgr-1", FakeUnitOfWork(store))

    statuses = sorted((v.value.role, v.value.status) for v in store.role_changes.values())
    assert statuses == [
        (Role.HR_DIRECTOR, RoleChangeStatus.WITHDRAWN),
        (Role.SAFETY_MANAGER, RoleChangeStatus.REVOKED),
    ]
    assert store.role_changes[("testi", change_id)].value.decided_by == "admin-1"


# ----------------------------------------------------------------- history


def test_the_history_is_newest_first_with_what_the_caller_may_do(store: Store) -> None:
    first = request_grant(store)
    second = request_grant(store, "mgr-1", "hr_director")

    as_hr = staff_roles.role_change_history(
        at(HR), pending_only=False, limit=25, cursor=None, cursors=PlainCursors(), uow=FakeUnitOfWork(store)
    )
    as_admin = staff_roles.role_change_history(
        at(ADMIN), pending_only=True, limit=25, cursor=None, cursors=PlainCursors(), uow=FakeUnitOfWork(store)
    )

    assert [v.change.change_id for v in as_hr.items] == sorted([first, second], reverse=True)
    assert {v.actions for v in as_hr.items} == {(GrantDecision.CONFIRM, GrantDecision.REJECT)}
    assert {v.actions for v in as_admin.items} == {()}


def test_a_lapsed_grant_shows_as_expired_and_not_as_pending(store: Store) -> None:
    request_grant(store)
    later = at(HR, NOW + PENDING_GRANT_LIFETIME)

    history = staff_roles.role_change_history(
        later, pending_only=False, limit=25, cursor=None, cursors=PlainCursors(), uow=FakeUnitOfWork(store)
    )
    pending = staff_roles.role_change_history(
        later, pending_only=True, limit=25, cursor=None, cursors=PlainCursors(), uow=FakeUnitOfWork(store)
    )

    assert [(v.status, v.actions) for v in history.items] == [(RoleChangeStatus.EXPIRED, ())]
    assert pending.items == []


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.SAFETY_REPRESENTATIVE, Role.WELLBEING_COORDINATOR])
def test_others_cannot_read_the_history(store: Store, role: Role) -> None:
    with pytest.raises(Forbidden):
        staff_roles.role_change_history(
            at(make_principal({role}, tenant_id="testi")),
            pending_only=False,
            limit=25,
            cursor=None,
            cursors=PlainCursors(),
            uow=FakeUnitOfWork(store),
        )


# ----------------------------------------------------------------- refused reads


def test_overseers_see_refused_reads_of_others_never_their_own(store: Store) -> None:
    uow = FakeUnitOfWork(store)
    for actor, outcome in [("hr-1", "refused"), ("sup-1", "refused"), ("sup-1", "missing")]:
        uow.refused_reads.count("testi", actor, RefusedReadOutcome(outcome), NOW)

    seen_by_hr = oversight.refused_reads(at(HR), uow)
    seen_by_manager = oversight.refused_reads(at(MANAGER), uow)

    assert [(c.actor_id, c.total, c.refused) for c in seen_by_hr] == [("sup-1", 2, 1)]
    # An overseer is refused a case only by a recusal: not told apart from missing ids.
    assert sorted((c.actor_id, c.total, c.refused) for c in seen_by_manager) == [
        ("hr-1", 1, None),
        ("sup-1", 2, 1),
    ]
    with pytest.raises(Forbidden):
        oversight.refused_reads(at(ADMIN), uow)


def cached(principal: Any, staff_version: int) -> CallContext:
    """The caller as a container's staff cache still sees them."""
    return CallContext(
        principal=type(principal)(
            identity=principal.identity, roles=principal.roles, staff_version=staff_version
        ),
        request_id="req-4",
        now=NOW,
    )


def test_a_decider_revoked_meanwhile_decides_nothing(store: Store) -> None:
    change_id = request_grant(store)
    staff_roles.put_staff_member(
        ctx(ADMIN), "hr-1", profile("wellbeing_coordinator"), 1, FakeUnitOfWork(store)
    )

    with pytest.raises(Conflict):
        staff_roles.decide_grant(cached(HR, 1), change_id, GrantDecision.CONFIRM, FakeUnitOfWork(store))
    assert store.staff[("testi", SUPERVISOR_ID)].value.roles == {Role.SUPERVISOR}


def test_an_admin_demoted_meanwhile_changes_nothing(store: Store) -> None:
    staff_roles.put_staff_member(
        ctx(ADMIN), "admin-2", profile("wellbeing_coordinator"), 1, FakeUnitOfWork(store)
    )

    with pytest.raises(Conflict):
        staff_roles.remove_staff_member(cached(OTHER_ADMIN, 1), "mgr-1", FakeUnitOfWork(store))
    assert ("testi", "mgr-1") in store.staff


def test_a_person_removed_and_added_again_never_gets_an_old_version_back(store: Store) -> None:
    staff_roles.remove_staff_member(ctx(ADMIN), "mgr-1", FakeUnitOfWork(store))

    again = staff_roles.put_staff_member(
        ctx(ADMIN), "mgr-1", profile("wellbeing_coordinator"), None, FakeUnitOfWork(store)
    )

    # A cache that still holds the removed entry (version 1) fails every check against this.
    assert again.version > 1


def test_an_admin_cannot_widen_their_own_supervised_units(store: Store) -> None:
    store.staff[("testi", "admin-1")] = entry("admin-1", "tenant_admin", "supervisor")

    with pytest.raises(InvalidInput) as raised:
        staff_roles.put_staff_member(
            ctx(ADMIN),
            "admin-1",
            profile("tenant_admin", "supervisor", supervisedUnits=["koulu", "hallinto"]),
            1,
            FakeUnitOfWork(store),
        )
    assert raised.value.details[0].loc == ("body", "supervisedUnits")


@pytest.mark.parametrize("user_id", ["grants", "refused-reads"])
def test_a_staff_route_name_is_nobodys_id(store: Store, user_id: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        staff_roles.put_staff_member(
            ctx(ADMIN), user_id, profile("wellbeing_coordinator"), None, FakeUnitOfWork(store)
        )
    assert raised.value.details[0].loc == ("path", "userId")


def test_the_confirmer_sees_who_the_grantee_signed_in_as(store: Store) -> None:
    """The directory's name is what the admin typed; the identity provider's is kept at /me,
    for staff members only."""
    from workwell.service_layer.tenants import administration

    request_grant(store)
    mikko = make_principal(tenant_id="testi", user_id=SUPERVISOR_ID)
    employee = make_principal(tenant_id="testi", user_id="emp-9")
    administration.describe_me(cached(mikko, 2), FakeUnitOfWork(store))
    administration.describe_me(ctx(employee), FakeUnitOfWork(store))

    (view,) = staff_roles.role_change_history(
        at(HR), pending_only=True, limit=25, cursor=None, cursors=PlainCursors(), uow=FakeUnitOfWork(store)
    ).items

    assert view.signed_in_as is not None
    assert (view.signed_in_as.name, view.signed_in_as.email) == (
        "Test Person",
        f"{SUPERVISOR_ID}@example.com",
    )
    assert ("testi", "emp-9") not in store.signed_in
