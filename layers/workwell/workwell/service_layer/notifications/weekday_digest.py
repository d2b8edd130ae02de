"""The weekday morning digest: for every tenant, each safety staff member and HR director
gets one email listing what needs them, or none if nothing does; each wellbeing
coordinator gets the number of service proposals waiting for approval and of orders
waiting for a provider (the organisation's orders nobody has accepted or declined). One read of the tenant's
open-case index serves all its recipients; closed cases are never read. Idempotent per
tenant, person and day, so a retried or repeated run sends nothing twice."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from workwell.domain.cases.case_access import Viewer
from workwell.domain.notifications.case_digest import DIGEST_ROLES, case_digest, digest_day, previous_run
from workwell.domain.notifications.notification_texts import (
    DigestLine,
    EmailText,
    TrayDigestCount,
    TrayDigestLine,
    digest_email,
    recipient_language,
)
from workwell.domain.notifications.sign_in_links import SignInLinks
from workwell.domain.reports.safety_report import SafetyReport
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.domain.tray.order import OrderStatus
from workwell.domain.tray.service import ServiceStatus
from workwell.service_layer.notifications.delivery_claims import DigestLedger
from workwell.service_layer.notifications.mail_sender import MailRejected, MailSender, MailUnavailable
from workwell.service_layer.pagination import PageRequest
from workwell.service_layer.person_blinding import PersonBlinding
from workwell.service_layer.unit_of_work import ORGANISATION_HANDLER, UnitOfWork

logger = logging.getLogger(__name__)

OPEN_CASES_PAGE = 200
ORDERS_PAGE = 100  # the most a PageRequest takes


class DigestIncomplete(Exception):
    """Some digests could not be sent; the run is safe to repeat for the rest."""

    def __init__(self, run: DigestRunReport) -> None:
        super().__init__(f"{run.failed} digests could not be sent")
        self.run = run


@dataclass(frozen=True)
class DigestPorts:
    uow: Callable[[], UnitOfWork]
    ledger: DigestLedger
    blinding: PersonBlinding
    mailer: MailSender
    links: SignInLinks
    # Read at each claim: a run may take minutes, and a claim's lease counts from its own time.
    clock: Callable[[], datetime]


@dataclass
class DigestRunReport:
    emailed: int = 0
    nothing_to_do: int = 0
    already_done: int = 0
    rejected: int = 0
    failed: int = 0


def send_weekday_digests(ports: DigestPorts, now: datetime) -> DigestRunReport:
    """`now` is the run's moment: the day, and what is new, overdue or due, are as of it."""
    run = DigestRunReport()
    for tenant_id in ports.uow().registry.tenant_ids():
        try:
            _tenant_digests(ports, tenant_id, now, run)
        except Exception:
            # One tenant's trouble must not cost the others their morning.
            logger.exception("a tenant's digests could not be prepared", extra={"tenant_id": tenant_id})
            run.failed += 1
    if run.failed:
        raise DigestIncomplete(run)
    return run


@dataclass(frozen=True)
class _TenantMorning:
    """What one tenant's digests are made of: read once, shared by all its recipients."""

    tenant_id: str
    settings: TenantSettings
    open_cases: Sequence[SafetyReport]
    now: datetime
    # The coordinators' counts, read only where the tenant has coordinators.
    tray: TrayCounts | None = None


@dataclass(frozen=True)
class TrayCounts:
    proposals_pending: int
    orders_waiting: int


class _Outcome(StrEnum):
    EMAILED = "emailed"
    REJECTED = "rejected"
    NOTHING_TO_DO = "nothing"


def _tenant_digests(ports: DigestPorts, tenant_id: str, now: datetime, run: DigestRunReport) -> None:
    uow = ports.uow()
    versioned = uow.settings.get(tenant_id)
    recipients = _recipients(uow, tenant_id)
    if versioned is None or not recipients:
        return
    coordinators = any(Role.WELLBEING_COORDINATOR in m.roles for m in recipients)
    tray = _tray_counts(uow, tenant_id) if coordinators else None
    morning = _TenantMorning(tenant_id, versioned.value, _open_cases(uow, tenant_id, now), now, tray)
    for member in recipients:
        _digest_for(ports, morning, member, run)


_RECIPIENT_ROLES = (*DIGEST_ROLES, Role.WELLBEING_COORDINATOR)


def _recipients(uow: UnitOfWork, tenant_id: str) -> list[StaffMember]:
    ids = {
        user_id
        for role in _RECIPIENT_ROLES
        for user_id in uow.staff.user_ids_with_role(tenant_id, role.value)
    }
    members = uow.staff.get_many(tenant_id, ids) if ids else {}
    return sorted((m.value for m in members.values()), key=lambda m: m.user_id)


def _open_cases(uow: UnitOfWork, tenant_id: str, now: datetime) -> list[SafetyReport]:
    cases: list[SafetyReport] = []
    after = None
    while True:
        page = uow.reports.case_index(tenant_id, closed=False, after=after, limit=OPEN_CASES_PAGE, now=now)
        cases.extend(indexed.report for indexed in page.cases if indexed.report is not None)
        if page.exhausted or not page.cases:
            return cases
        after = page.cases[-1].position


def _tray_counts(uow: UnitOfWork, tenant_id: str) -> TrayCounts:
    """Proposals pending approval, and the organisation's orders still only requested (a
    person provider's orders reach that person at once, and confidential ones only them)."""
    proposals = sum(
        1 for s in uow.tray.services_of(tenant_id) if s.service.status is ServiceStatus.PENDING_APPROVAL
    )
    waiting, after = 0, None
    while True:
        page = uow.tray.orders_handled_by(tenant_id, ORGANISATION_HANDLER, PageRequest(ORDERS_PAGE, after))
        waiting += sum(1 for o in page.items if o.value.status is OrderStatus.REQUESTED)
        if not page.next_position or not page.items:
            return TrayCounts(proposals, waiting)
        after = page.next_position


class _OutcomeUnrecorded(Exception):
    """An email may have gone out and its day is not marked done: the day stays `sending`,
    so no run sends it again."""


def _digest_for(
    ports: DigestPorts, morning: _TenantMorning, member: StaffMember, run: DigestRunReport
) -> None:
    tenant_id, day = morning.tenant_id, digest_day(morning.now)
    claim_id = ports.ledger.claim(tenant_id, member.user_id, day, ports.clock())
    if claim_id is None:
        run.already_done += 1
        return
    try:
        outcome = _deliver_digest(ports, morning, member, claim_id)
    except _OutcomeUnrecorded:
        logger.exception("a digest's outcome could not be recorded", extra={"tenant_id": tenant_id})
        run.failed += 1
        return
    except Exception:
        logger.exception("a digest could not be sent", extra={"tenant_id": tenant_id})
        ports.ledger.release(tenant_id, member.user_id, day, claim_id)  # nothing went out
        run.failed += 1
        return
    if outcome is _Outcome.EMAILED:
        run.emailed += 1
    elif outcome is _Outcome.REJECTED:
        run.rejected += 1
    else:
        run.nothing_to_do += 1


def _deliver_digest(
    ports: DigestPorts, morning: _TenantMorning, member: StaffMember, claim_id: str
) -> _Outcome:
    """Raises _OutcomeUnrecorded once an email may have gone out; any other error means
    none did."""
    tenant_id, user_id, day = morning.tenant_id, member.user_id, digest_day(morning.now)
    email = _digest_email(ports, morning, member)
    outcome = _Outcome.NOTHING_TO_DO
    if email is not None:
        ports.ledger.mark_sending(tenant_id, user_id, day, claim_id)
        try:
            ports.mailer.send(sender=morning.settings.sender, recipient=member.email, email=email)
            outcome = _Outcome.EMAILED
        except MailRejected:
            logger.warning("digest refused for good", extra={"tenant_id": tenant_id})
            outcome = _Outcome.REJECTED
        except MailUnavailable:
            raise  # not sent
        except Exception as error:
            raise _OutcomeUnrecorded from error
    try:
        ports.ledger.complete(
            tenant_id, user_id, day, claim_id, emailed=outcome is _Outcome.EMAILED, now=morning.now
        )
    except Exception as error:
        if outcome is _Outcome.EMAILED:
            raise _OutcomeUnrecorded from error
        raise
    return outcome


def _digest_email(ports: DigestPorts, morning: _TenantMorning, member: StaffMember) -> EmailText | None:
    """None when the person has nothing to do (then no email)."""
    tenant_id, now = morning.tenant_id, morning.now
    since = ports.ledger.last_completed(tenant_id, member.user_id, digest_day(now)) or previous_run(now)
    viewer = Viewer.of_member(member, ports.blinding.blind(tenant_id, member.user_id))
    digest = case_digest(viewer, morning.open_cases, since, now)
    tray = _tray_lines(ports, morning, member)
    if not digest and not tray:
        return None
    sections = {
        section: [DigestLine(r.reference, ports.links.case(r.report_id)) for r in cases]
        for section, cases in digest.items()
    }
    language = recipient_language(member.language, morning.settings.languages)
    return digest_email(sections, language, ports.links.home(), tray)


def _tray_lines(
    ports: DigestPorts, morning: _TenantMorning, member: StaffMember
) -> dict[TrayDigestCount, TrayDigestLine]:
    """A coordinator's counts that are not zero, each with its screen's link."""
    counts = morning.tray
    if counts is None or Role.WELLBEING_COORDINATOR not in member.roles:
        return {}
    lines = {
        TrayDigestCount.PROPOSALS_PENDING: TrayDigestLine(
            counts.proposals_pending, ports.links.tray_proposals()
        ),
        TrayDigestCount.ORDERS_WAITING: TrayDigestLine(
            counts.orders_waiting, ports.links.tray_incoming_orders()
        ),
    }
    return {kind: line for kind, line in lines.items() if line.count > 0}
