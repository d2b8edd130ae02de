from __future__ import annotations

from pathlib import Path

import pytest

from infra.tenants.definitions import DefinitionError, load_definitions
from tests.conftest import copy_tenant_files
from tests.unit.fakes import FakeUnitOfWork, Store
from workwell.domain.errors import Conflict
from workwell.domain.staff.roles import Role
from workwell.domain.tenants.tenant_definition import TenantDefinition
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.domain.tray.service import StoredService
from workwell.service_layer.tenants.provisioning import (
    drop_legacy_settings,
    provision_group,
    provision_tenant,
)
from workwell.service_layer.unit_of_work import RegistryEntry


def test_the_shipped_tenants_cover_every_role() -> None:
    definitions = load_definitions()

    assert {t.tenant_id for t in definitions.tenants} == {
        "kokkola",
        "oulunkaari",
        "ii",
        "pudasjarvi",
        "utajarvi",
        "vaala",
    }
    for tenant in definitions.tenants:
        roles = {role for person in tenant.people for role in person.roles}
        assert roles == set(Role) - {Role.EMPLOYEE}, tenant.tenant_id
        assert any(not person.roles for person in tenant.people), f"{tenant.tenant_id} has no plain employee"
    kokkola = next(t for t in definitions.tenants if t.tenant_id == "kokkola")
    assert kokkola.settings.languages == ("fi", "sv")
    assert [g.members for g in definitions.groups] == [
        ("oulunkaari", "ii", "pudasjarvi", "utajarvi", "vaala")
    ]


def test_provisioning_is_idempotent() -> None:
    store = Store()
    definitions = load_definitions()
    kokkola = next(t for t in definitions.tenants if t.tenant_id == "kokkola")

    first = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    second = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    provision_group(definitions.groups[0], lambda: FakeUnitOfWork(store))

    assert first.changed
    assert first.settings_changed
    assert len(first.staff_written) == 7
    assert not second.changed
    assert store.settings_document("kokkola").version == 4  # four parts at 1
    assert store.groups["oulunkaari-region"] == ("oulunkaari", "ii", "pudasjarvi", "utajarvi", "vaala")


def test_a_rerun_never_undoes_what_an_admin_did() -> None:
    store = Store()
    kokkola = next(t for t in load_definitions().tenants if t.tenant_id == "kokkola")
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    del store.staff[("kokkola", "kokkola-hrdir-sari")]
    changed_settings = store.settings_document("kokkola").value.model_copy(update={"minimum_group_size": 9})
    store.put_settings("kokkola", changed_settings, 2)

    rerun = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert not rerun.changed
    assert ("kokkola", "kokkola-hrdir-sari") not in store.staff
    assert store.settings_document("kokkola").value.minimum_group_size == 9


def test_a_run_cut_short_before_all_people_were_written_is_completed() -> None:
    store = Store()
    kokkola = next(t for t in load_definitions().tenants if t.tenant_id == "kokkola")
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    store.registry["kokkola"] = RegistryEntry(store.registry["kokkola"].tenant_groups, staff_seeded=False)
    del store.staff[("kokkola", "kokkola-hrdir-sari")]

    rerun = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert rerun.staff_written == ["kokkola-hrdir-sari"]
    assert store.registry["kokkola"].staff_seeded


def test_people_are_checked_against_the_stored_settings() -> None:
    store = Store()
    kokkola = next(t for t in load_definitions().tenants if t.tenant_id == "kokkola")
    without_sivistys = kokkola.settings.model_copy(
        update={"units": tuple(u for u in kokkola.settings.units if u.id != "sivistys")}
    )
    store.put_settings("kokkola", without_sivistys, 3)

    report = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert report.staff_skipped == ["kokkola-supervisor-mikko"]
    assert ("kokkola", "kokkola-supervisor-mikko") not in store.staff
    assert ("kokkola", "kokkola-hrdir-sari") in store.staff


def test_update_applies_the_file_over_existing_items() -> None:
    store = Store()
    kokkola = next(t for t in load_definitions().tenants if t.tenant_id == "kokkola")
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    changed_settings = store.settings_document("kokkola").value.model_copy(update={"minimum_group_size": 9})
    store.put_settings("kokkola", changed_settings, 2)

    report = provision_tenant(kokkola, lambda: FakeUnitOfWork(store), update_existing=True)

    assert report.settings_changed
    assert store.settings_document("kokkola").value.minimum_group_size == 5


def _kokkola() -> TenantDefinition:
    return next(t for t in load_definitions().tenants if t.tenant_id == "kokkola")


def _edited_by_an_admin(settings: TenantSettings) -> TenantSettings:
    """What a tenant admin's PUT through the earlier version would have stored."""
    return settings.model_copy(
        update={
            "name": {**settings.name, "fi": "Kokkolan kaupunki (muokattu)"},
            "deadlines": settings.deadlines.model_copy(update={"acknowledge_days": 3}),
        }
    )


def test_settings_stored_as_one_item_become_parts_with_the_admins_edits() -> None:
    store = Store()
    kokkola = _kokkola()
    edited = _edited_by_an_admin(kokkola.settings)
    store.put_legacy_settings("kokkola", edited, 4)

    report = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert report.legacy_settings == "migrated"
    assert report.changed
    assert not report.settings_changed  # not from the file
    stored = store.stored_settings("kokkola")
    assert stored is not None
    assert [part.version for part in stored.parts()] == [1, 1, 1, 1]
    assert stored.value == edited
    assert stored.value.deadlines.acknowledge_days == 3
    # Kept, marked, for the earlier code still running during the deploy.
    assert store.legacy_settings["kokkola"].document.version == 4
    assert store.legacy_settings["kokkola"].migrated


def test_provisioning_after_the_migration_changes_nothing() -> None:
    store = Store()
    kokkola = _kokkola()
    store.put_legacy_settings("kokkola", _edited_by_an_admin(kokkola.settings), 4)
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    settings, legacy, commits = dict(store.settings), dict(store.legacy_settings), store.commits

    again = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert not again.changed
    assert again.legacy_settings is None
    assert store.settings == settings
    assert store.legacy_settings == legacy
    assert store.commits == commits + 1  # the registry entry, rewritten as it was


def test_a_tenant_without_either_gets_its_settings_from_the_file() -> None:
    store = Store()
    kokkola = _kokkola()

    report = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert report.legacy_settings is None
    assert report.settings_changed
    assert store.settings_document("kokkola").value == kokkola.settings
    assert store.legacy_settings == {}


def test_an_edit_of_the_item_after_the_migration_is_carried_over_by_the_next_run() -> None:
    store = Store()
    kokkola = _kokkola()
    store.put_legacy_settings("kokkola", kokkola.settings, 4)
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    # The earlier code, still serving during the deploy, writes the whole item again.
    store.put_legacy_settings("kokkola", _edited_by_an_admin(kokkola.settings), 5)

    report = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert report.legacy_settings == "migrated"
    stored = store.stored_settings("kokkola")
    assert stored is not None
    assert stored.value == _edited_by_an_admin(kokkola.settings)
    # Only the parts that differ are written.
    assert [part.version for part in stored.parts()] == [2, 2, 1, 1]
    assert store.legacy_settings["kokkola"].migrated


def test_when_the_item_and_the_parts_both_changed_both_are_kept() -> None:
    store = Store()
    kokkola = _kokkola()
    store.put_legacy_settings("kokkola", kokkola.settings, 4)
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    store.put_legacy_settings("kokkola", _edited_by_an_admin(kokkola.settings), 5)
    by_new_code = kokkola.settings.model_copy(update={"minimum_group_size": 9})
    store.put_settings("kokkola", by_new_code, 2)

    report = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    dropped = drop_legacy_settings("kokkola", lambda: FakeUnitOfWork(store))

    assert report.legacy_settings == "both_changed"
    assert store.settings_document("kokkola").value == by_new_code
    assert dropped == "kept"
    assert store.legacy_settings["kokkola"].document.value == _edited_by_an_admin(kokkola.settings)


def test_a_concurrent_write_of_the_item_is_read_again() -> None:
    store = Store()
    kokkola = _kokkola()
    store.put_legacy_settings("kokkola", kokkola.settings, 4)
    edited = _edited_by_an_admin(kokkola.settings)
    writes = iter([lambda: store.put_legacy_settings("kokkola", edited, 5)])

    class WrittenMeanwhile(FakeUnitOfWork):
        def commit(self) -> None:
            next(writes, lambda: None)()  # the earlier code's write, between read and commit
            super().commit()

    report = provision_tenant(kokkola, lambda: WrittenMeanwhile(store))

    assert report.legacy_settings == "migrated"
    assert store.settings_document("kokkola").value == edited
    assert store.legacy_settings["kokkola"].document.version == 5


def test_an_item_that_keeps_changing_fails_clearly() -> None:
    store = Store()
    kokkola = _kokkola()
    store.put_legacy_settings("kokkola", kokkola.settings, 4)

    class AlwaysWrittenMeanwhile(FakeUnitOfWork):
        def commit(self) -> None:
            legacy = store.legacy_settings["kokkola"]
            store.put_legacy_settings("kokkola", legacy.document.value, legacy.document.version + 1)
            super().commit()

    with pytest.raises(Conflict, match="settings of kokkola kept changing"):
        provision_tenant(kokkola, lambda: AlwaysWrittenMeanwhile(store))
    assert store.stored_settings("kokkola") is None


def test_dropping_the_item_deletes_it_only_where_the_parts_exist() -> None:
    store = Store()
    kokkola = _kokkola()
    store.put_legacy_settings("kokkola", _edited_by_an_admin(kokkola.settings), 4)
    store.put_legacy_settings("vaala", kokkola.settings, 2)  # not migrated: no parts
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))

    assert drop_legacy_settings("kokkola", lambda: FakeUnitOfWork(store)) == "dropped"
    assert drop_legacy_settings("vaala", lambda: FakeUnitOfWork(store)) == "kept"
    assert drop_legacy_settings("ii", lambda: FakeUnitOfWork(store)) is None

    assert "kokkola" not in store.legacy_settings
    assert "vaala" in store.legacy_settings
    assert store.settings_document("kokkola").value == _edited_by_an_admin(kokkola.settings)


def test_a_large_tenant_is_provisioned_within_the_transaction_limit() -> None:
    store = Store()
    kokkola = next(t for t in load_definitions().tenants if t.tenant_id == "kokkola")
    template = next(p for p in kokkola.people if p.roles)
    many = [template.model_copy(update={"user_id": f"rep-{i}"}) for i in range(150)]
    large = kokkola.model_copy(update={"people": (*kokkola.people, *many)})

    report = provision_tenant(large, lambda: FakeUnitOfWork(store))

    assert len(report.staff_written) == 157


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda text: text.replace("referencePrefix: VAA", "referencePrefix: vaa"),
            "vaala.yaml: settings.referencePrefix",
        ),
        (lambda text: text.replace("- tenant_admin", "- superuser"), "vaala.yaml: people."),
        (
            lambda text: text.replace("tenantId: vaala", "tenantId: vaala2"),
            "tenantId: must equal the file name",
        ),
        (lambda text: text.replace("settings:", "settings: [", 1), "vaala.yaml: line"),
        (lambda text: text.replace("- oulunkaari-region", "- elsewhere"), "group elsewhere does not list"),
        # Separation of duties holds on the operator's path too.
        (
            lambda text: text.replace("- tenant_admin", "- tenant_admin\n  - hr_director"),
            "separation of duties",
        ),
    ],
)
def test_a_broken_file_is_a_clear_error(tmp_path: Path, edit: object, expected: str) -> None:
    copy_tenant_files(tmp_path)
    vaala = tmp_path / "vaala.yaml"
    vaala.write_text(edit(vaala.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]

    with pytest.raises(DefinitionError) as raised:
        load_definitions(tmp_path)

    assert any(expected in problem for problem in raised.value.problems), raised.value.problems


def _tenant(tenant_id: str) -> TenantDefinition:
    return next(t for t in load_definitions().tenants if t.tenant_id == tenant_id)


def test_the_demo_catalogue_is_created_once_under_stable_ids() -> None:
    store = Store()
    oulunkaari = _tenant("oulunkaari")

    first = provision_tenant(oulunkaari, lambda: FakeUnitOfWork(store))
    created = dict(store.services)
    second = provision_tenant(oulunkaari, lambda: FakeUnitOfWork(store))

    assert sorted(first.services_written) == sorted(s.service_id("oulunkaari") for s in oulunkaari.services)
    assert len(created) == 3
    assert second.services_written == []
    assert not second.changed
    assert store.services == created
    arts = created[
        next(s for s in oulunkaari.services if s.key == "taidelahtoinen-tyohyvinvointi").service_id(
            "oulunkaari"
        )
    ]
    assert arts.service.status.value == "published"
    assert arts.service.details.shared_with_group == "oulunkaari-region"
    shifts = next(s.service for s in created.values() if s.service.details.kind.value == "peer")
    assert shifts.proposed_by == shifts.provider_id == "oulunkaari-servicesupervisor-1"


def test_a_coordinators_edit_survives_a_rerun_and_update_applies_the_file() -> None:
    store = Store()
    kokkola = _tenant("kokkola")
    provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    service_id = kokkola.services[1].service_id("kokkola")
    stored = store.services[service_id]
    edited = stored.service.details.model_copy(update={"capacity": 5})
    store.services[service_id] = StoredService(
        stored.service.model_copy(update={"details": edited}), stored.version + 1, stored.counts
    )

    rerun = provision_tenant(kokkola, lambda: FakeUnitOfWork(store))
    kept = store.services[service_id]
    updated = provision_tenant(kokkola, lambda: FakeUnitOfWork(store), update_existing=True)

    assert rerun.services_written == []
    assert kept.service.details.capacity == 5
    assert updated.services_written == [service_id]
    assert store.services[service_id].service.details.capacity == 20
    assert store.services[service_id].version == kept.version + 1


def test_a_broken_service_is_reported_with_its_file_and_field(tmp_path: Path) -> None:
    copy_tenant_files(tmp_path)
    kokkola = tmp_path / "kokkola.yaml"
    text = kokkola.read_text(encoding="utf-8")
    kokkola.write_text(text.replace("category: physical", "category: sports"))
    ii = tmp_path / "ii.yaml"
    ii.write_text(ii.read_text(encoding="utf-8").replace("  place: Iin varhaiskasvatusyksiköt\n", ""))

    with pytest.raises(DefinitionError) as raised:
        load_definitions(tmp_path)

    problems = raised.value.problems
    assert any(p.startswith("kokkola.yaml: services.1.category: ") for p in problems), problems
    assert any(p.startswith("ii.yaml: services.0: ") and "place is required" in p for p in problems), problems


def test_a_service_must_fit_the_tenant(tmp_path: Path) -> None:
    copy_tenant_files(tmp_path)
    kokkola = tmp_path / "kokkola.yaml"
    kokkola.write_text(
        kokkola.read_text(encoding="utf-8").replace(
            "provider:\n    userId: kokkola-psychologist-maria", "provider:\n    userId: nobody-here"
        )
        + "  sharedWithGroup: oulunkaari-region\n"
    )

    with pytest.raises(DefinitionError) as raised:
        load_definitions(tmp_path)

    assert raised.value.problems == [
        "kokkola.yaml: services.0.provider.userId: is not a person of this tenant",
        "kokkola.yaml: services.2.sharedWithGroup: is not a tenant group of this tenant",
    ]
