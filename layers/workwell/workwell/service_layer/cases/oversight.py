"""What the tenant's overseers of restricted cases (safety managers, the HR director) see of
case reads answered 404: per person and day, how many there were and, for people who are not
overseers themselves, how many of them were refused (the case exists) rather than missing.
Never which case, so nobody learns whom a reporter recused; an overseer can be refused a
case only by a recusal, so their refusals are not told apart from missing ids; never the
caller's own row, so nobody can probe whether a case exists by watching their own count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from workwell.domain.access_policy import require_any_role
from workwell.domain.cases.refused_reads import REFUSED_READS_WINDOW_DAYS, RefusedReadCount
from workwell.domain.staff.role_grants import GRANT_CONFIRMER_ROLES
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class NotFoundReads:
    day: str
    actor_id: str
    total: int
    # None for overseers (see above).
    refused: int | None


# At most this many rows: a month of a large tenant's probing is still one short answer.
MAX_ROWS = 1000


def refused_reads(ctx: CallContext, uow: UnitOfWork) -> Sequence[NotFoundReads]:
    """The last REFUSED_READS_WINDOW_DAYS days, newest day first, then by person."""
    require_any_role(ctx.principal, *GRANT_CONFIRMER_ROLES)
    first_day = RefusedReadCount.day_of(ctx.now - timedelta(days=REFUSED_READS_WINDOW_DAYS - 1))
    counts = uow.refused_reads.since(ctx.tenant_id, first_day.isoformat())
    overseers = {
        u for role in GRANT_CONFIRMER_ROLES for u in uow.staff.user_ids_with_role(ctx.tenant_id, role.value)
    }
    mine = ctx.principal.user_id
    rows = sorted((c for c in counts if c.actor_id != mine), key=lambda c: (c.day, c.actor_id), reverse=True)
    return [
        NotFoundReads(
            day=c.day,
            actor_id=c.actor_id,
            total=c.refused + c.missing,
            refused=None if c.actor_id in overseers else c.refused,
        )
        for c in rows[:MAX_ROWS]
    ]
