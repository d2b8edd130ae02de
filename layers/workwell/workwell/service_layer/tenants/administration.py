"""Use cases of tenant administration: profile, settings, the staff directory listing
(changes to the directory: staff_roles)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from workwell.domain.access_policy import Features, features_for, require_tenant_admin
from workwell.domain.errors import Conflict, ErrorDetail, InvalidInput
from workwell.domain.reports.report_types import CATALOGUE, case_type_of
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import SignedInAs, StaffMember
from workwell.domain.tenants.tenant_settings import SettingsPartModel, StoredSettings, TenantSettings
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.pagination import CursorCodec, Page, PageRequest, cursor_binding
from workwell.service_layer.staff.caller_roles import stage_roles_unchanged
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import UnitOfWork

STAFF_LIST_QUERY = "GET /staff"
P = TypeVar("P", bound=SettingsPartModel)


@dataclass(frozen=True)
class Profile:
    principal: Principal
    settings: TenantSettings
    features: Features
    # The tenant groups the organisation may share tray services with: read for wellbeing
    # coordinators only (what their service form offers), so nobody else pays the request.
    tenant_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class StaffPage:
    items: Sequence[Versioned[StaffMember]]
    next_cursor: str | None


def _settings_of(principal: Principal, uow: UnitOfWork) -> StoredSettings:
    return settings_of(principal.tenant_id, uow)


def describe_me(ctx: CallContext, uow: UnitOfWork) -> Profile:
    """Also keeps, for staff members, who the identity provider says they are: what a
    confirmer of a role grant is shown (staff_roles), since the directory's name and address
    are whatever an admin typed."""
    principal = ctx.principal
    settings = _settings_of(principal, uow).value
    if principal.staff_version is not None:
        identity = principal.identity
        uow.signed_in.record(
            ctx.tenant_id, SignedInAs(identity.user_id, identity.name, identity.email, seen_at=ctx.now)
        )
    tenant_groups: tuple[str, ...] = ()
    if Role.WELLBEING_COORDINATOR in principal.roles:
        entry = uow.registry.get(principal.tenant_id)
        tenant_groups = entry.tenant_groups if entry is not None else ()
    return Profile(
        principal=principal,
        settings=settings,
        features=features_for(principal, settings),
        tenant_groups=tenant_groups,
    )


def get_tenant_settings(principal: Principal, uow: UnitOfWork) -> Versioned[TenantSettings]:
    require_tenant_admin(principal)
    return _settings_of(principal, uow).document()


def update_tenant_settings(
    ctx: CallContext, settings: TenantSettings, expected_version: int, uow: UnitOfWork
) -> Versioned[TenantSettings]:
    require_tenant_admin(ctx.principal)
    tenant_id = ctx.principal.tenant_id
    current = _settings_of(ctx.principal, uow)
    if current.version != expected_version:
        raise Conflict("The settings were changed by someone else; reload and try again.")
    # The unit check reads the whole directory; the commit holds only if no staff entry
    # changed since (a supervisor added meanwhile would otherwise point at a removed unit).
    revision = uow.staff.revision(tenant_id)
    problems = _units_still_supervised(settings, uow.staff.members(tenant_id))
    problems += _workflow_states_kept(current.value, settings)
    if problems:
        raise InvalidInput("The request is not valid.", problems)
    # Only the parts that changed are written (a report submission conditions on the
    # reporting part alone, so an organisation change leaves it be); the document was
    # validated as a whole, so the others must still be as read.
    organisation, reporting, tray, survey = settings.parts()
    version = (
        _stage_part(uow, tenant_id, organisation, current.organisation)
        + _stage_part(uow, tenant_id, reporting, current.reporting)
        + _stage_part(uow, tenant_id, tray, current.tray)
        + _stage_part(uow, tenant_id, survey, current.survey)
    )
    uow.staff.stage_expect_revision(tenant_id, revision)
    stage_roles_unchanged(ctx, uow)
    uow.audit.stage(ctx.audit_event("tenant_settings.updated", "tenant_settings", tenant_id))
    uow.commit()
    return Versioned(settings, version)


def _stage_part(uow: UnitOfWork, tenant_id: str, proposed: P, stored: Versioned[P]) -> int:
    """A changed part is written, an unchanged one checked; its version after the commit."""
    if proposed != stored.value:
        return uow.settings.stage_save(tenant_id, proposed, stored.version)
    uow.settings.stage_expect_version(tenant_id, proposed.part, stored.version)
    return stored.version


def _units_still_supervised(
    settings: TenantSettings, staff: Sequence[Versioned[StaffMember]]
) -> list[ErrorDetail]:
    supervised = {unit for entry in staff for unit in entry.value.supervised_units}
    missing = sorted(supervised - settings.unit_ids)
    return [ErrorDetail(("body", "units"), f"unit {unit} is still supervised by staff") for unit in missing]


def _workflow_states_kept(current: TenantSettings, proposed: TenantSettings) -> list[ErrorDetail]:
    """Cases may be in any state of today's workflows, so a state may be renamed (its
    labels) or added, never removed."""
    problems = []
    for key in CATALOGUE:
        before = {st.key: st.closed for st in case_type_of(current, key).workflow.states}
        after = {st.key: st.closed for st in case_type_of(proposed, key).workflow.states}
        if any(after.get(state) != closed for state, closed in before.items()):
            index = next((i for i, t in enumerate(proposed.report_types) if t.key == key), None)
            loc = (
                ("body", "reportTypes", index, "workflow", "states")
                if index is not None
                else ("body", "reportTypes")
            )
            problems.append(
                ErrorDetail(
                    loc,
                    "must keep every state of the current workflow, closed or not as it is: cases may be "
                    "in them (rename a state by changing its label)",
                )
            )
    return problems


def list_staff(
    ctx: CallContext, limit: int, cursor: str | None, cursors: CursorCodec, uow: UnitOfWork
) -> StaffPage:
    """The directory, with each person's pending grants that have not lapsed."""
    principal = ctx.principal
    require_tenant_admin(principal)
    binding = cursor_binding(principal.tenant_id, principal.user_id, STAFF_LIST_QUERY)
    after = cursors.decode(cursor, binding) if cursor else None
    page: Page[Versioned[StaffMember]] = uow.staff.members_page(
        principal.tenant_id, PageRequest(limit, after)
    )
    next_cursor = cursors.encode(page.next_position, binding) if page.next_position else None
    items = [
        Versioned(e.value.model_copy(update={"pending_grants": e.value.pending_at(ctx.now)}), e.version)
        for e in page.items
    ]
    return StaffPage(items=items, next_cursor=next_cursor)
