"""Provision tenants from their definitions: idempotent, and never undoing what tenant
admins did through the API unless asked to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, TypeVar

from workwell.domain.errors import Conflict
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_definition import (
    Person,
    ServiceDefinition,
    TenantDefinition,
    TenantGroupDefinition,
)
from workwell.domain.tenants.tenant_settings import (
    ABSENT_VERSION,
    SettingsPartModel,
    StoredSettings,
    TenantSettings,
)
from workwell.domain.tray.service import ServiceStatus
from workwell.domain.versioned import Versioned
from workwell.service_layer.unit_of_work import RegistryEntry, UnitOfWork

P = TypeVar("P", bound=SettingsPartModel)
_MIGRATION_ATTEMPTS = 3
# What provisioning did with the one-item settings of the earlier version (None: nothing).
# "migrated": split into parts; "both_changed": not, as they and the parts both changed
# since they were split (an operator must decide).
LegacyMigration = Literal["migrated", "both_changed"]
# What --drop-legacy-settings did with the item: "kept" where the parts do not carry it.
LegacyDrop = Literal["dropped", "kept"]


@dataclass
class ProvisioningReport:
    tenant_id: str
    settings_changed: bool = False
    staff_written: list[str] = field(default_factory=list)
    staff_skipped: list[str] = field(default_factory=list)
    legacy_settings: LegacyMigration | None = None
    legacy_item: LegacyDrop | None = None
    services_written: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        legacy = self.legacy_settings == "migrated" or self.legacy_item == "dropped"
        return self.settings_changed or bool(self.staff_written) or bool(self.services_written) or legacy


def provision_tenant(
    definition: TenantDefinition, uow_factory: Callable[[], UnitOfWork], update_existing: bool = False
) -> ProvisioningReport:
    """The file seeds a tenant: its settings when there are none, its people once, and
    each service of its catalogue that is missing (by its stable id).
    Afterwards the tenant's admins own settings and roles through the API, so a routine
    re-run changes nothing they did (a person they removed stays removed); `update_existing`
    applies the file over what is stored, deliberately. Settings and registry go in one
    transaction, then one per person, so a tenant of any size fits DynamoDB's limit."""
    report = ProvisioningReport(definition.tenant_id)
    tenant_id = definition.tenant_id
    report.legacy_settings = migrate_legacy_settings(tenant_id, uow_factory)
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
    for service in definition.services:
        _provision_service(
            service, definition.people, tenant_id, uow_factory, report, update_existing=update_existing
        )
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


def _provision_service(
    definition: ServiceDefinition,
    people: Sequence[Person],
    tenant_id: str,
    uow_factory: Callable[[], UnitOfWork],
    report: ProvisioningReport,
    *,
    update_existing: bool,
) -> None:
    """A service of the file is created once, under its stable id; afterwards the tenant's
    coordinators own it (an edit or an archiving survives a re-run) unless `update_existing`
    makes it as the file says again. Its order counts are never touched."""
    now = datetime.now(UTC)
    wanted = definition.service(tenant_id, now, people)
    with uow_factory() as uow:
        stored = uow.tray.service(wanted.service_id)
        if stored is None:
            uow.tray.stage_create_service(wanted)
        else:
            current = stored.service
            same = current.details == wanted.details and current.status is wanted.status
            if not update_existing or same:
                return
            updated = current.model_copy(
                update={
                    "details": wanted.details,
                    "status": ServiceStatus(wanted.status),
                    "proposed_by": wanted.proposed_by,
                    "rejection_reason": None,
                    "updated_at": now,
                }
            )
            uow.tray.stage_update_service(updated, stored.version)
        uow.commit()
    report.services_written.append(wanted.service_id)


def _stage_settings(
    uow: UnitOfWork, tenant_id: str, wanted: TenantSettings, current: StoredSettings | None
) -> StoredSettings:
    """Stage a write of each part that is missing or differs from the file; the parts as
    they will be once committed (unchanged: `current` itself)."""
    organisation, reporting, tray, survey = wanted.parts()
    stored = current.parts() if current else (None, None, None, None)
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
        survey=staged(survey, stored[3]),
    )
    return result if written or current is None else current


def migrate_legacy_settings(tenant_id: str, uow_factory: Callable[[], UnitOfWork]) -> LegacyMigration | None:
    """Split the one-item settings of the earlier version (`SK = CURRENT`) into parts: they,
    not the file, hold what the tenant's admins changed. The expand step of a deploy: the
    item is kept, marked, so that the earlier code, still running until the deploy is done,
    keeps working; its next write replaces the item and clears the mark, and the next run
    carries that write over too, as long as no part changed meanwhile. A concurrent write
    of the item makes the commit fail; it is read again, a few times."""
    for attempt in range(1, _MIGRATION_ATTEMPTS + 1):
        try:
            return _migrate_once(tenant_id, uow_factory)
        except Conflict:
            if attempt == _MIGRATION_ATTEMPTS:
                raise Conflict(
                    f"the settings of {tenant_id} kept changing while they were split into parts;"
                    " run provisioning again"
                ) from None
    return None  # pragma: no cover (the loop returns or raises)


def _migrate_once(tenant_id: str, uow_factory: Callable[[], UnitOfWork]) -> LegacyMigration | None:
    with uow_factory() as uow:
        legacy = uow.settings.get_legacy(tenant_id)
        if legacy is None or legacy.migrated:
            return None
        current = uow.settings.get(tenant_id)
        if current is not None and any(part.version > 1 for part in current.parts()):
            # The parts were changed after they were created (by an admin through the new
            # code, by --update, or by an earlier run carrying over a write of the item):
            # whichever copy is overwritten, an edit could be lost, so both are kept.
            return "both_changed"
        organisation, reporting, tray, survey = legacy.document.value.parts()
        stored = current.parts() if current else (None, None, None, None)
        _stage_migrated(uow, tenant_id, organisation, stored[0])
        _stage_migrated(uow, tenant_id, reporting, stored[1])
        _stage_migrated(uow, tenant_id, tray, stored[2])
        _stage_migrated(uow, tenant_id, survey, stored[3])
        uow.settings.stage_mark_legacy_migrated(tenant_id, legacy.document.version)
        uow.commit()
        return "migrated"


def _stage_migrated(uow: UnitOfWork, tenant_id: str, part: P, before: Versioned[P] | None) -> None:
    """A missing part is created at version 1, one that differs written, one alike checked."""
    if before is None or before.version == ABSENT_VERSION:
        uow.settings.stage_save(tenant_id, part, None)
    elif before.value != part:
        uow.settings.stage_save(tenant_id, part, before.version)
    else:
        uow.settings.stage_expect_version(tenant_id, part.part, before.version)


def drop_legacy_settings(tenant_id: str, uow_factory: Callable[[], UnitOfWork]) -> LegacyDrop | None:
    """The contract step, once the new code is deployed: delete the one-item settings of a
    tenant whose parts exist and carry them (the item is still as it was migrated)."""
    with uow_factory() as uow:
        legacy = uow.settings.get_legacy(tenant_id)
        if legacy is None:
            return None
        if not legacy.migrated or uow.settings.get(tenant_id) is None:
            return "kept"
        uow.settings.stage_drop_legacy(tenant_id, legacy.document.version)
        uow.commit()
        return "dropped"


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
