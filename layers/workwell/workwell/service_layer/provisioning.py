"""Provision tenants from their definitions: idempotent, all-or-nothing per tenant."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from workwell.domain.tenant_definition import TenantDefinition, TenantGroupDefinition
from workwell.service_layer.unit_of_work import UnitOfWork


@dataclass
class ProvisioningReport:
    tenant_id: str
    settings_changed: bool = False
    staff_written: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.settings_changed or bool(self.staff_written)


def provision_tenant(
    definition: TenantDefinition, uow_factory: Callable[[], UnitOfWork], update_existing: bool = False
) -> ProvisioningReport:
    """Create what is missing: settings, registry entry, staff entries. The file seeds a
    tenant; afterwards its admins own settings and roles through the API, so existing items
    are only overwritten with `update_existing` (a role an admin removed is never given
    back by a routine re-run). One transaction for the settings, one per person, so a
    tenant of any size stays within DynamoDB's transaction limit."""
    report = ProvisioningReport(definition.tenant_id)
    tenant_id = definition.tenant_id
    with uow_factory() as uow:
        current = uow.settings.get(tenant_id)
        if current is None or (update_existing and current.value != definition.settings):
            uow.settings.stage_save(tenant_id, definition.settings, current.version if current else None)
            report.settings_changed = True
        uow.registry.stage_register(tenant_id, definition.tenant_groups)
        uow.commit()
    for member in definition.staff_members():
        with uow_factory() as uow:
            stored = uow.staff.get(tenant_id, member.user_id)
            if stored is not None and (not update_existing or stored.value == member):
                continue
            previous = stored.value if stored else None
            uow.staff.stage_save(tenant_id, member, stored.version if stored else None, previous)
            uow.commit()
            report.staff_written.append(member.user_id)
    return report


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
