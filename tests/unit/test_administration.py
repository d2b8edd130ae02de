from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import make_principal
from tests.unit.fakes import FakeUnitOfWork, PlainCursors, Store
from tests.unit.test_tenant_settings import settings_data
from workwell.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember, StaffProfile
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.pagination import PageRequest, Position
from workwell.service_layer.staff import staff_roles
from workwell.service_layer.tenants import administration

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
# Four parts (organisation, reporting, tray, survey) at version 1: the document is at 4.
VERSION = 4
SETTINGS = TenantSettings.model_validate(
    settings_data(
        units=[{"id": "hallinto", "name": {"fi": "Hallinto"}}, {"id": "koulu", "name": {"fi": "Koulu"}}],
        rollout={"openGroups": ["toimisto"]},
    )
)
ADMIN = make_principal({Role.TENANT_ADMIN}, tenant_id="testi", user_id="admin-1")
EMPLOYEE = make_principal(tenant_id="testi", user_id="emp-1", group="toimisto")


def ctx(principal: Principal) -> CallContext:
    return CallContext(principal=principal, request_id="req-1", now=NOW)


def staff(user_id: str = "u-1", **data: object) -> StaffMember:
    fields: dict[str, object] = {
        "name": "Liisa",
        "email": "liisa@test.example",
        # Not a case-handling role: those are pending grants first (test_staff_roles).
        "roles": ["wellbeing_coordinator"],
    }
    fields.update(data)
    return StaffMember.model_validate({"userId": user_id, **fields})


def put_staff(
    call: CallContext, member: StaffMember, expected_version: int | None, uow: FakeUnitOfWork
) -> Versioned[StaffMember]:
    """What PUT /staff/{userId} does with the member's profile as its body."""
    profile = StaffProfile.model_validate(member.model_dump(include=set(StaffProfile.model_fields)))
    return staff_roles.put_staff_member(call, member.user_id, profile, expected_version, uow)


@pytest.fixture
def store() -> Store:
    store = Store()
    store.put_settings("testi", SETTINGS, 1)  # the document's version: VERSION
    store.staff[("testi", "admin-1")] = Versioned(staff("admin-1", roles=["tenant_admin"]), 1)
    return store


def test_me_shows_features_by_role_and_rollout(store: Store) -> None:
    profile = administration.describe_me(ctx(EMPLOYEE), FakeUnitOfWork(store))

    assert profile.features.service_tray is True
    assert profile.features.tenant_administration is False
    assert profile.features.case_handling is False

    admin_profile = administration.describe_me(ctx(ADMIN), FakeUnitOfWork(store))
    assert admin_profile.features.tenant_administration is True
    assert admin_profile.features.wellbeing_aggregates is True


def test_me_for_an_unprovisioned_tenant_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        administration.describe_me(ctx(make_principal(tenant_id="unknown")), FakeUnitOfWork(store))


@pytest.mark.parametrize(
    "role", [None, Role.SUPERVISOR, Role.HR_DIRECTOR, Role.SAFETY_MANAGER, Role.WELLBEING_COORDINATOR]
)
def test_only_tenant_admins_reach_settings_and_staff(store: Store, role: Role | None) -> None:
    caller = make_principal({role} if role else set(), tenant_id="testi")
    uow = FakeUnitOfWork(store)

    with pytest.raises(Forbidden):
        administration.get_tenant_settings(caller, uow)
    with pytest.raises(Forbidden):
        administration.list_staff(ctx(caller), 25, "cursor-that-must-not-be-read", ExplodingCursors(), uow)
    with pytest.raises(Forbidden):
        put_staff(ctx(caller), staff(), None, uow)
    with pytest.raises(Forbidden):
        administration.update_tenant_settings(ctx(caller), SETTINGS, VERSION, uow)
    assert store.commits == 0


def test_settings_update_bumps_the_version_and_is_audited(store: Store) -> None:
    changed = SETTINGS.model_copy(update={"minimum_group_size": 7})

    saved = administration.update_tenant_settings(ctx(ADMIN), changed, VERSION, FakeUnitOfWork(store))

    assert saved.version == VERSION + 1
    assert store.settings_document("testi") == Versioned(changed, VERSION + 1)
    assert [(e.action, e.actor_id, e.object_id, e.request_id) for e in store.audit] == [
        ("tenant_settings.updated", "admin-1", "testi", "req-1")
    ]


def test_a_stale_settings_version_is_a_conflict_and_writes_nothing(store: Store) -> None:
    with pytest.raises(Conflict):
        administration.update_tenant_settings(ctx(ADMIN), SETTINGS, 5, FakeUnitOfWork(store))

    assert store.settings_document("testi").version == VERSION
    assert store.audit == []


def test_a_unit_still_supervised_cannot_be_removed(store: Store) -> None:
    store.staff[("testi", "sup-1")] = Versioned(
        staff("sup-1", roles=["supervisor"], supervisedUnits=["koulu"]), 1
    )
    without_school = SETTINGS.model_copy(update={"units": SETTINGS.units[:1]})

    with pytest.raises(InvalidInput) as raised:
        administration.update_tenant_settings(ctx(ADMIN), without_school, VERSION, FakeUnitOfWork(store))

    assert raised.value.details[0].loc == ("body", "units")
    assert store.settings_document("testi").version == VERSION


def test_adding_then_updating_a_staff_member(store: Store) -> None:
    added = put_staff(ctx(ADMIN), staff(), None, FakeUnitOfWork(store))
    updated = put_staff(
        ctx(ADMIN),
        staff(roles=["supervisor"], supervisedUnits=["koulu"]),
        added.version,
        FakeUnitOfWork(store),
    )

    assert (added.version, updated.version) == (1, 2)
    assert store.staff[("testi", "u-1")].value.roles == frozenset({Role.SUPERVISOR})
    assert [e.action for e in store.audit] == ["staff.added", "staff.updated"]


def test_adding_someone_already_in_the_directory_is_a_conflict(store: Store) -> None:
    put_staff(ctx(ADMIN), staff(), None, FakeUnitOfWork(store))

    with pytest.raises(Conflict):
        put_staff(ctx(ADMIN), staff(), None, FakeUnitOfWork(store))


def test_updating_with_a_stale_version_is_a_conflict(store: Store) -> None:
    put_staff(ctx(ADMIN), staff(), None, FakeUnitOfWork(store))

    with pytest.raises(Conflict):
        put_staff(ctx(ADMIN), staff(name="Other"), 7, FakeUnitOfWork(store))
    assert store.staff[("testi", "u-1")].value.name == "Liisa"


def test_updating_someone_not_in_this_tenant_is_not_found(store: Store) -> None:
    store.staff[("vaala", "v-1")] = Versioned(staff("v-1"), 1)

    with pytest.raises(NotFound):
        put_staff(ctx(ADMIN), staff("v-1"), 1, FakeUnitOfWork(store))
    with pytest.raises(NotFound):
        staff_roles.remove_staff_member(ctx(ADMIN), "v-1", FakeUnitOfWork(store))
    assert store.staff[("vaala", "v-1")].version == 1


def test_a_supervisor_of_an_unknown_unit_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput) as raised:
        put_staff(
            ctx(ADMIN), staff(roles=["supervisor"], supervisedUnits=["nowhere"]), None, FakeUnitOfWork(store)
        )

    assert raised.value.details[0].loc == ("body", "supervisedUnits", 0)
    assert ("testi", "u-1") not in store.staff


def test_an_admin_cannot_lock_themselves_out(store: Store) -> None:
    with pytest.raises(InvalidInput):
        put_staff(ctx(ADMIN), staff("admin-1", roles=["wellbeing_coordinator"]), 1, FakeUnitOfWork(store))
    with pytest.raises(InvalidInput):
        put_staff(ctx(ADMIN), staff("admin-1", roles=["hr_director"]), 1, FakeUnitOfWork(store))
    with pytest.raises(InvalidInput):
        staff_roles.remove_staff_member(ctx(ADMIN), "admin-1", FakeUnitOfWork(store))
    assert store.staff[("testi", "admin-1")].value.roles == frozenset({Role.TENANT_ADMIN})


def test_removing_a_staff_member_is_audited(store: Store) -> None:
    put_staff(ctx(ADMIN), staff(), None, FakeUnitOfWork(store))

    staff_roles.remove_staff_member(ctx(ADMIN), "u-1", FakeUnitOfWork(store))

    assert ("testi", "u-1") not in store.staff
    assert store.audit[-1].action == "staff.removed"


class ExplodingCursors:
    def encode(self, position: Position, binding: str) -> str:
        raise AssertionError("no cursor work before the role check")

    def decode(self, cursor: str, binding: str) -> Position:
        raise AssertionError("no cursor work before the role check")


def test_staff_is_listed_page_by_page(store: Store) -> None:
    for index in range(4):
        put_staff(ctx(ADMIN), staff(f"u-{index}"), None, FakeUnitOfWork(store))

    first = administration.list_staff(ctx(ADMIN), 3, None, PlainCursors(), FakeUnitOfWork(store))
    second = administration.list_staff(
        ctx(ADMIN), 3, first.next_cursor, PlainCursors(), FakeUnitOfWork(store)
    )

    listed = [v.value.user_id for v in [*first.items, *second.items]]
    assert listed == ["admin-1", "u-0", "u-1", "u-2", "u-3"]
    assert second.next_cursor is None


def test_a_staff_change_meanwhile_stops_a_settings_update_that_checked_the_directory(store: Store) -> None:
    """A supervisor of 'koulu' is added between the check and the commit of a settings
    update that removes 'koulu': the update must not commit."""
    without_school = SETTINGS.model_copy(update={"units": SETTINGS.units[:1]})
    slow_update = FakeUnitOfWork(store)
    revision = slow_update.staff.revision("testi")
    slow_update.settings.stage_save("testi", without_school.parts()[0], 1)
    slow_update.staff.stage_expect_revision("testi", revision)

    put_staff(
        ctx(ADMIN),
        staff("sup-1", roles=["supervisor"], supervisedUnits=["koulu"]),
        None,
        FakeUnitOfWork(store),
    )

    with pytest.raises(Conflict):
        slow_update.commit()
    assert store.settings_document("testi").version == VERSION


def test_a_settings_change_meanwhile_stops_a_staff_write_checked_against_the_old_units(store: Store) -> None:
    slow_put = FakeUnitOfWork(store)
    slow_put.staff.stage_save(
        "testi", staff("sup-1", roles=["supervisor"], supervisedUnits=["koulu"]), None, None
    )
    slow_put.settings.stage_expect_version("testi", "organisation", 1)

    without_school = SETTINGS.model_copy(update={"units": SETTINGS.units[:1]})
    administration.update_tenant_settings(ctx(ADMIN), without_school, VERSION, FakeUnitOfWork(store))

    with pytest.raises(Conflict):
        slow_put.commit()
    assert ("testi", "sup-1") not in store.staff


@pytest.mark.parametrize("limit", [0, 101])
def test_a_page_holds_one_to_a_hundred_items(limit: int) -> None:
    with pytest.raises(ValueError, match="limit"):
        PageRequest(limit=limit)
