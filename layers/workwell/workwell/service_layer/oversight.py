"""What the tenant's overseers of restricted cases (safety managers, the HR director) see of
case reads answered 404: per person and day, how many were refused and how many asked for
a missing id. Never which case, so nobody learns whom a reporter recused; never the
caller's own row, so nobody can probe whether a case exists by watching their own count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from workwell.domain.access_policy import require_any_role
from workwell.domain.refused_reads import REFUSED_READS_WINDOW_DAYS, RefusedReadCount
from workwell.domain.role_grants import GRANT_CONFIRMER_ROLES
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.unit_of_work import UnitOfWork


def refused_reads(ctx: CallContext, uow: UnitOfWork) -> Sequence[RefusedReadCount]:
    """The last REFUSED_READS_WINDOW_DAYS days, newest day first, then by person."""
    require_any_role(ctx.principal, *GRANT_CONFIRMER_ROLES)
    first_day = RefusedReadCount.day_of(ctx.now - timedelta(days=REFUSED_READS_WINDOW_DAYS - 1))
    counts = uow.refused_reads.since(ctx.tenant_id, first_day.isoformat())
    mine = ctx.principal.user_id
    return sorted(
        (c for c in counts if c.actor_id != mine),
        key=lambda c: (c.day, c.actor_id),
        reverse=True,
    )
