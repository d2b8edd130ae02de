"""Loading a case for a handler: the one path by which the cases use cases learn whether the
caller may see a case, and in what part. Viewers are built only here, with the caller's
blinded token, so a recusal can never be checked against the wrong token."""

from __future__ import annotations

from dataclasses import dataclass

from workwell.domain.cases.case_access import Viewer, case_actor
from workwell.domain.cases.case_workflow import WorkflowActor
from workwell.domain.cases.refused_reads import RefusedReadOutcome
from workwell.domain.errors import NotFound
from workwell.domain.staff.principal import Principal
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.staff.caller_roles import stage_roles_unchanged
from workwell.service_layer.unit_of_work import StoredReport, UnitOfWork

CASE = "case"


def viewer_of(principal: Principal, blinding: PersonBlinding) -> Viewer:
    return Viewer.of_principal(principal, blinding.blind(principal.tenant_id, principal.user_id))


@dataclass(frozen=True)
class CaseInHand:
    stored: StoredReport
    viewer: Viewer
    actor: WorkflowActor


def case_in_hand(
    ctx: CallContext,
    report_id: str,
    uow: UnitOfWork,
    blinding: PersonBlinding,
    *,
    with_messages: bool = False,
    with_events: bool = False,
) -> CaseInHand:
    """The case, if the caller may see it; else NotFound, exactly as for a case that does
    not exist: the same reads, the same one counting write (refused_reads), the same answer.
    Nothing is decrypted here."""
    # Blinded first, whether or not the case exists, so that a refusal costs no extra call.
    viewer = viewer_of(ctx.principal, blinding)
    stored = uow.reports.get(
        ctx.tenant_id, report_id, ctx.now, with_messages=with_messages, with_events=with_events
    )
    actor = case_actor(viewer, stored.report.value.access_facts()) if stored else None
    if stored is None or actor is None:
        outcome = RefusedReadOutcome.MISSING if stored is None else RefusedReadOutcome.REFUSED
        uow.refused_reads.count(ctx.tenant_id, ctx.principal.user_id, outcome, ctx.now)
        raise NotFound("Case not found.")
    # Whatever this use case commits (the read's audit event, a transition) holds only if
    # the caller's roles are still those the access was decided on.
    stage_roles_unchanged(ctx, uow)
    return CaseInHand(stored, viewer, actor)
