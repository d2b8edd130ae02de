from __future__ import annotations

from pathlib import Path

import pytest

from infra.tenants.definitions import DefinitionError, load_definitions
from tests.conftest import copy_tenant_files
from tests.unit.fakes import FakeUnitOfWork, Store
from workwell.domain.staff.roles import Role
from workwell.service_layer.tenants.provisioning import provision_group, provision_tenant
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
    assert store.settings_document("kokkola").version == 3  # three parts at 1
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
