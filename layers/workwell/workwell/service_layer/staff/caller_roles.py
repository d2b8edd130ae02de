"""Roles are read through a short per-container cache, so a revocation could otherwise go
unnoticed by another container for up to a minute. A use case acting on its caller's roles
(opening a case, deciding a grant, changing the directory) makes its commit conditional on
the caller's staff entry being still at the version those roles were read from: a role
revoked a second ago stops the commit, and with it the read or the change."""

from __future__ import annotations

from workwell.service_layer.call_context import CallContext
from workwell.service_layer.unit_of_work import UnitOfWork


def stage_roles_unchanged(ctx: CallContext, uow: UnitOfWork) -> None:
    """Not for a use case that writes the caller's own entry (one item, one operation)."""
    if ctx.principal.staff_version is not None:
        uow.staff.stage_expect_version(ctx.tenant_id, ctx.principal.user_id, ctx.principal.staff_version)
