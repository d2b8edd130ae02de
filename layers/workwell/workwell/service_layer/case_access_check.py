"""Loading a case for a handler: the one path by which the cases use cases learn whether the
caller may see a case, and in what part. Viewers are built only here, with the caller's
blinded token, so a recusal can never be checked against the wrong token."""

from __future__ import annotations

from dataclasses import dataclass

from workwell.domain.case_access import Viewer, case_actor
from workwell.domain.case_workflow import WorkflowActor
from workwell.domain.errors import NotFound
from workwell.domain.principal import Principal
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.person_blinding import PersonBlinding
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
    not exist, with the refused attempt on the record. Nothing is decrypted here."""
    stored = uow.reports.get(
        ctx.tenant_id, report_id, ctx.now, with_messages=with_messages, with_events=with_events
    )
    if stored is None:
        raise NotFound("Case not found.")
    viewer = viewer_of(ctx.principal, blinding)
    actor = case_actor(viewer, stored.report.value.access_facts())
    if actor is None:
        uow.audit.stage(
            ctx.audit_event("case.access_refused", CASE, report_id, stored.report.value.expires_at)
        )
        uow.commit()
        raise NotFound("Case not found.")
    return CaseInHand(stored, viewer, actor)
