"""Provision tenants from their definitions: idempotent, and never undoing what tenant
admins did through the API unless asked to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_definition import TenantDefinition, TenantGroupDefinition
from workwell.domain.tenants.tenant_settings import SettingsPartModel, StoredSettings, TenantSettings
from workwell.domain.versioned import Versioned
from workwell.service_layer.unit_of_work import RegistryEntry, UnitOfWork

P = TypeVar("P", bound=SettingsPartModel)


@dataclass
class ProvisioningReport:
    tenant_id: str
    settings_changed: bool = False
    staff_written: list[str] = field(default_factory=list)
    staff_skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.settings_changed or bool(self.staff_written)


def provision_tenant(
    definition: TenantDefinition, uow_factory: Callable[[], UnitOfWork], update_existing: bool = False
) -> ProvisioningReport:
    """The file seeds a tenant: its settings when there are none, and its people once.
    Afterwards the tenant's admins own settings and roles through the API, so a routine
    re-run changes nothing they did (a person they removed stays removed); `update_existing`
    applies the file over what is stored, deliberately. Settings and registry go in one
    transaction, then one per person, so a tenant of any size fits DynamoDB's limit."""
    report = ProvisioningReport(definition.tenant_id)
    tenant_id = definition.tenant_id
    with uow_factory() as uow:
        current = uow.settings.get(tenant_id)
        entry = uow.registry.get(tenant_id)
        seeded = entry.staff_seeded if entry else False
        if current is None or update_existing:
            settings = _stage_settings(uow, tenant_id, definition.settings, current)
            report.settings_changed = settings is not current
        else:
            settings = current
        uow.registry.stage_register(tenant_id, RegistryEntry(definition.tenant_groups, seeded))
        uow.commit()
    if seeded and not update_existing:
        return report
    for member in definition.staff_members():
        _provision_member(
            member,
            tenant_id=tenant_id,
            settings=settings,
            update_existing=update_existing,
            uow_factory=uow_factory,
            report=report,
        )
    with uow_factory() as uow:
        uow.registry.stage_register(tenant_id, RegistryEntry(definition.tenant_groups, staff_seeded=True))
        uow.commit()
    return report


def _provision_member(
    member: StaffMember,
    *,
    tenant_id: str,
    settings: StoredSettings,
    update_existing: bool,
    uow_factory: Callable[[], UnitOfWork],
    report: ProvisioningReport,
) -> None:
    if member.problems_against(settings.value):
        # The stored settings no longer have a unit this person would supervise.
        report.staff_skipped.append(member.user_id)
        return
    with uow_factory() as uow:
        stored = uow.staff.get(tenant_id, member.user_id)
        if stored is not None and (not update_existing or stored.value == member):
            return
        previous = stored.value if stored else None
        uow.staff.stage_save(tenant_id, member, stored.version if stored else None, previous)
        # The supervised units were checked against this version of the organisation.
        uow.settings.stage_expect_version(tenant_id, "organisation", settings.organisation.version)
        uow.commit()
        report.staff_written.append(member.user_id)


def _stage_settings(
    uow: UnitOfWork, tenant_id: str, wanted: TenantSettings, current: StoredSettings | None
) -> StoredSettings:
    """Stage a write of each part that is missing or differs from the file; the parts as
    they will be once committed (unchanged: `current` itself)."""
    organisation, reporting, tray = wanted.parts()
    stored = current.parts() if current else (None, None, None)
    written = False

    def staged(part: P, before: Versioned[P] | None) -> Versioned[P]:
        nonlocal written
        if before is not None and before.value == part:
            return before
        written = True
        return Versioned(part, uow.settings.stage_save(tenant_id, part, before.version if before else None))

    result = StoredSettings(
        organisation=staged(organisation, stored[0]),
        reporting=staged(reporting, stored[1]),
        tray=staged(tray, stored[2]),
    )
    return result if written or current is None else current


def provision_group(group: TenantGroupDefinition, uow_factory: Callable[[], UnitOfWork]) -> None:
    with uow_factory() as uow:
        uow.registry.stage_group(group.group_id, group.members)
        uow.commit()


def check_group_memberships(
    tenants: Sequence[TenantDefinition], groups: Sequence[TenantGroupDefinition]
) -> list[str]:
    """Memberships must agree both ways between tenant files and group files."""
    problems: list[str] = []
    members = {g.group_id: set(g.members) for g in groups}
    tenant_ids = {t.tenant_id for t in tenants}
    for tenant in tenants:
        for group_id in tenant.tenant_groups:
            if tenant.tenant_id not in members.get(group_id, set()):
                problems.append(f"{tenant.tenant_id}: group {group_id} does not list this tenant")
    for group_id, group_members in members.items():
        for member in sorted(group_members - tenant_ids):
            problems.append(f"group {group_id}: member {member} has no tenant file")
        for tenant in tenants:
            if tenant.tenant_id in group_members and group_id not in tenant.tenant_groups:
                problems.append(f"group {group_id}: {tenant.tenant_id} does not name the group")
    return problems
