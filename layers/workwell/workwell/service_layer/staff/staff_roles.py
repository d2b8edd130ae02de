"""Use cases of the staff directory under separation of duties (domain/staff/role_grants.py): a
tenant admin adds, changes and removes people; case-handling roles asked for wait as
pending grants until an overseer confirms; revocations are immediate. Each change is one
transaction with its role-change records, audit events and outbox messages."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from workwell.domain.access_policy import require_any_role, require_tenant_admin
from workwell.domain.errors import Conflict, ErrorDetail, InvalidInput, NotFound
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.role_grants import (
    CASE_HANDLING_ROLES,
    GRANT_CONFIRMER_ROLES,
    ROLE_HISTORY_ROLES,
    GrantDecision,
    RoleChange,
    RoleChangeKind,
    RoleChangeStatus,
    check_decision,
    may_decide,
    new_role_change_id,
    plan_role_change,
)
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import PendingGrant, SignedInAs, StaffMember, StaffProfile
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.pagination import CursorCodec, PageRequest, cursor_binding
from workwell.service_layer.staff.caller_roles import stage_roles_unchanged
from workwell.service_layer.tenants.tenant_lookup import settings_of
from workwell.service_layer.unit_of_work import UnitOfWork

ROLE_CHANGE = "role_change"
# Paths under /staff/ that are routes: nobody can be reached at /staff/{userId} with these.
RESERVED_USER_IDS = frozenset({"grants", "refused-reads"})
STAFF_MEMBER = "staff_member"


def put_staff_member(
    ctx: CallContext, user_id: str, profile: StaffProfile, expected_version: int | None, uow: UnitOfWork
) -> Versioned[StaffMember]:
    """Create (no expected version) or update (with it) one person. Case-handling roles the
    person does not hold become pending grants; those dropped are revoked at once."""
    require_tenant_admin(ctx.principal)
    if user_id in RESERVED_USER_IDS:
        raise InvalidInput.at(("path", "userId"), "is the name of a staff route, not a person")
    tenant_id = ctx.tenant_id
    settings = settings_of(tenant_id, uow)
    problems = [ErrorDetail(("body", *p.loc), p.msg) for p in profile.problems_against(settings.value)]
    if problems:
        raise InvalidInput("The request is not valid.", problems)
    current = uow.staff.get(tenant_id, user_id)
    if expected_version is None and current is not None:
        raise Conflict("This person is already in the staff directory; send expectedVersion to update.")
    if expected_version is not None and current is None:
        raise NotFound("Staff member not found.")
    if current is not None and current.version != expected_version:
        raise Conflict("The staff entry was changed by someone else; reload and try again.")
    previous = current.value if current else None
    held = previous.roles if previous else frozenset()
    if user_id == ctx.principal.user_id:
        # Roles and what they reach: an admin who supervises must not widen their own units.
        if profile.roles != held:
            raise InvalidInput.at(("body", "roles"), "nobody can change their own roles")
        if previous is not None and profile.supervised_units != previous.supervised_units:
            raise InvalidInput.at(("body", "supervisedUnits"), "nobody can change their own supervised units")
    else:
        stage_roles_unchanged(ctx, uow)
    live_pending = previous.pending_at(ctx.now) if previous else ()
    plan = plan_role_change(profile.roles, held, frozenset(g.role for g in live_pending))

    pending = [g for g in live_pending if g.role not in plan.to_withdraw]
    for role in sorted(plan.to_request):
        change = _new_change(
            ctx, user_id, profile, role, kind=RoleChangeKind.GRANT, status=RoleChangeStatus.PENDING
        )
        _record(
            ctx,
            uow,
            change,
            None,
            action="staff.role_grant_requested",
            notice=OutboxKind.ROLE_GRANT_REQUESTED,
        )
        pending.append(PendingGrant(role=role, change_id=change.change_id, requested_at=ctx.now))
    _withdraw(ctx, uow, [g for g in live_pending if g.role in plan.to_withdraw])
    for role in sorted(plan.to_revoke):
        change = _new_change(
            ctx, user_id, profile, role, kind=RoleChangeKind.REVOCATION, status=RoleChangeStatus.REVOKED
        )
        _record(ctx, uow, change, None, action="staff.role_revoked", notice=OutboxKind.ROLE_REVOKED)

    member = StaffMember(
        user_id=user_id,
        name=profile.name,
        email=profile.email,
        language=profile.language,
        roles=plan.effective,
        supervised_units=profile.supervised_units,
        pending_grants=tuple(sorted(pending, key=lambda g: g.role)),
    )
    # A version is never reused: a person removed and added again starts above any version
    # their old entry had (every staff write raises the directory's revision), so a check
    # against a cached entry of the removed person cannot pass (caller_roles).
    first_version = uow.staff.revision(tenant_id) + 1 if previous is None else 1
    version = uow.staff.stage_save(tenant_id, member, expected_version, previous, first_version=first_version)
    # The supervised units were checked against this version of the organisation.
    uow.settings.stage_expect_version(tenant_id, "organisation", settings.organisation.version)
    uow.audit.stage(ctx.audit_event("staff.updated" if previous else "staff.added", STAFF_MEMBER, user_id))
    uow.commit()
    return Versioned(member, version)


def remove_staff_member(ctx: CallContext, user_id: str, uow: UnitOfWork) -> None:
    """Every role ends at once: case-handling ones are revoked on record, pending grants
    withdrawn."""
    require_tenant_admin(ctx.principal)
    if user_id == ctx.principal.user_id:
        raise InvalidInput.at(("path", "userId"), "you cannot remove yourself from the staff directory")
    current = uow.staff.get(ctx.tenant_id, user_id)
    if current is None:
        raise NotFound("Staff member not found.")
    member = current.value
    stage_roles_unchanged(ctx, uow)
    _withdraw(ctx, uow, list(member.pending_at(ctx.now)))
    for role in sorted(member.roles & CASE_HANDLING_ROLES):
        change = _new_change(
            ctx, user_id, member, role, kind=RoleChangeKind.REVOCATION, status=RoleChangeStatus.REVOKED
        )
        _record(ctx, uow, change, None, action="staff.role_revoked", notice=OutboxKind.ROLE_REVOKED)
    uow.staff.stage_remove(ctx.tenant_id, member, current.version)
    uow.audit.stage(ctx.audit_event("staff.removed", STAFF_MEMBER, user_id))
    uow.commit()


def decide_grant(ctx: CallContext, change_id: str, decision: GrantDecision, uow: UnitOfWork) -> RoleChange:
    """An overseer confirms (the role takes effect) or rejects a pending grant."""
    require_any_role(ctx.principal, *GRANT_CONFIRMER_ROLES)
    stored = uow.role_changes.get(ctx.tenant_id, change_id)
    if stored is None:
        raise NotFound("Role grant not found.")
    change = stored.value
    entry = uow.staff.get(ctx.tenant_id, change.user_id)
    grantee_roles = entry.value.roles if entry else frozenset()
    check_decision(change, ctx.principal.user_id, ctx.principal.roles, grantee_roles, ctx.now)
    if entry is None or change_id not in {g.change_id for g in entry.value.pending_grants}:
        # The person left the directory, or a later change superseded the request.
        raise Conflict("This role grant is no longer pending.")
    # A decider whose overseer role was revoked a moment ago (a cached entry) decides nothing.
    stage_roles_unchanged(ctx, uow)
    confirmed = decision is GrantDecision.CONFIRM
    decided = change.decided(
        RoleChangeStatus.CONFIRMED if confirmed else RoleChangeStatus.REJECTED, ctx.principal.user_id, ctx.now
    )
    member = entry.value
    updated = StaffMember.model_validate(
        {
            **member.model_dump(),
            "roles": member.roles | {change.role} if confirmed else member.roles,
            "pending_grants": tuple(g for g in member.pending_grants if g.change_id != change_id),
        }
    )
    uow.staff.stage_save(ctx.tenant_id, updated, entry.version, member)
    if confirmed:
        _record(
            ctx,
            uow,
            decided,
            stored.version,
            action="staff.role_grant_confirmed",
            notice=OutboxKind.ROLE_GRANT_CONFIRMED,
        )
    else:
        _record(
            ctx,
            uow,
            decided,
            stored.version,
            action="staff.role_grant_rejected",
            notice=OutboxKind.ROLE_GRANT_CLOSED,
        )
    uow.commit()
    return decided


@dataclass(frozen=True)
class RoleChangeView:
    change: RoleChange
    status: RoleChangeStatus
    # What the caller may do with it now.
    actions: tuple[GrantDecision, ...]
    # Who the grantee's account is by the identity provider, as of their last sign-in (None:
    # never signed in): the name in the change is only what the admin typed.
    signed_in_as: SignedInAs | None = None


@dataclass(frozen=True)
class RoleChangePage:
    items: Sequence[RoleChangeView]
    next_cursor: str | None


def role_change_history(
    ctx: CallContext,
    *,
    pending_only: bool,
    limit: int,
    cursor: str | None,
    cursors: CursorCodec,
    uow: UnitOfWork,
) -> RoleChangePage:
    """For the admin and the overseers: every grant, decision and revocation, newest first."""
    require_any_role(ctx.principal, *ROLE_HISTORY_ROLES)
    query = "GET /staff/grants?status=pending" if pending_only else "GET /staff/grants"
    binding = cursor_binding(ctx.tenant_id, ctx.principal.user_id, query)
    after = cursors.decode(cursor, binding) if cursor else None
    request = PageRequest(limit, after)
    page = (
        uow.role_changes.pending(ctx.tenant_id, request)
        if pending_only
        else uow.role_changes.history(ctx.tenant_id, request)
    )
    seen = uow.signed_in.get_many(ctx.tenant_id, {v.value.user_id for v in page.items})
    views = [_view(ctx.principal, v.value, ctx, seen.get(v.value.user_id)) for v in page.items]
    if pending_only:
        views = [v for v in views if v.status is RoleChangeStatus.PENDING]
    next_cursor = cursors.encode(page.next_position, binding) if page.next_position else None
    return RoleChangePage(items=views, next_cursor=next_cursor)


def _view(
    principal: Principal, change: RoleChange, ctx: CallContext, seen: SignedInAs | None
) -> RoleChangeView:
    allowed = may_decide(change, principal.user_id, principal.roles, ctx.now)
    actions = (GrantDecision.CONFIRM, GrantDecision.REJECT) if allowed else ()
    return RoleChangeView(change, change.status_at(ctx.now), actions, seen)


def _new_change(
    ctx: CallContext,
    user_id: str,
    person: StaffProfile | StaffMember,
    role: Role,
    *,
    kind: RoleChangeKind,
    status: RoleChangeStatus,
) -> RoleChange:
    decided = status is not RoleChangeStatus.PENDING
    return RoleChange(
        change_id=new_role_change_id(ctx.now),
        tenant_id=ctx.tenant_id,
        user_id=user_id,
        role=role,
        kind=kind,
        status=status,
        requested_by=ctx.principal.user_id,
        requested_at=ctx.now,
        decided_by=ctx.principal.user_id if decided else None,
        decided_at=ctx.now if decided else None,
        grantee_name=person.name,
        grantee_email=person.email,
        grantee_language=person.language,
    )


def _withdraw(ctx: CallContext, uow: UnitOfWork, grants: Sequence[PendingGrant]) -> None:
    for grant in grants:
        stored = uow.role_changes.get(ctx.tenant_id, grant.change_id)
        if stored is None or not stored.value.is_pending(ctx.now):
            continue
        withdrawn = stored.value.decided(RoleChangeStatus.WITHDRAWN, ctx.principal.user_id, ctx.now)
        _record(
            ctx,
            uow,
            withdrawn,
            stored.version,
            action="staff.role_grant_withdrawn",
            notice=OutboxKind.ROLE_GRANT_CLOSED,
        )


def _record(
    ctx: CallContext,
    uow: UnitOfWork,
    change: RoleChange,
    expected_version: int | None,
    *,
    action: str,
    notice: OutboxKind,
) -> None:
    """The change on record, audited, and its content-free notice in the same transaction."""
    uow.role_changes.stage_save(change, expected_version)
    uow.audit.stage(ctx.audit_event(action, ROLE_CHANGE, change.change_id))
    uow.outbox.stage(OutboxMessage(ctx.tenant_id, uuid.uuid4().hex, notice, change.change_id, ctx.now))
