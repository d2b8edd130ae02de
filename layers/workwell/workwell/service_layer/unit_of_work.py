"""The persistence contract use cases depend on. Reads go straight to the store; writes
are staged and land together in one atomic commit, or not at all."""

from __future__ import annotations

import abc
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    # Named in signatures only: a contract that imported every domain module would load
    # all of them into every cold start, whatever the request.
    from workwell.domain.audit import AuditEvent
    from workwell.domain.cases.case_events import CaseEvent
    from workwell.domain.cases.refused_reads import RefusedReadCount, RefusedReadOutcome
    from workwell.domain.notifications.outbox import OutboxMessage
    from workwell.domain.reports.safety_report import CaseMessage, SafetyReport
    from workwell.domain.staff.role_grants import RoleChange
    from workwell.domain.staff.staff import SignedInAs, StaffMember
    from workwell.domain.survey.aggregates import CellCounts
    from workwell.domain.tenants.tenant_settings import (
        LegacySettings,
        SettingsPart,
        SettingsPartModel,
        StoredSettings,
        TraySettings,
    )
    from workwell.domain.tray.order import Order, OrderStatus
    from workwell.domain.tray.service import Category, Kind, Service, StoredService
    from workwell.domain.versioned import Versioned
    from workwell.service_layer.pagination import Page, PageRequest


class TenantSettingsRepository(Protocol):
    """Settings are stored in parts by capability (domain/tenants/tenant_settings.py), each
    versioned on its own: a use case conditions only on the parts it read."""

    def get(self, tenant_id: str) -> StoredSettings | None:
        """Every part, in one read; None if the tenant has no settings (not provisioned)."""
        ...

    def tray(self, tenant_id: str) -> Versioned[TraySettings] | None:
        """The tray part alone (one small item): the tray's gate needs nothing else.
        None if absent."""
        ...

    def stage_save(self, tenant_id: str, part: SettingsPartModel, expected_version: int | None) -> int:
        """Stage a write of one part conditional on `expected_version` (None or 0: the part
        must not exist yet); returns the new version."""
        ...

    def stage_expect_version(self, tenant_id: str, part: SettingsPart, version: int) -> None:
        """The commit holds only if this part is still at `version`."""
        ...

    # The settings as one item, as the earlier version stored them (provisioning migrates
    # them into parts, then drops the item once the new code is deployed).

    def get_legacy(self, tenant_id: str) -> LegacySettings | None:
        """The one-item settings, if the tenant still has them."""
        ...

    def stage_mark_legacy_migrated(self, tenant_id: str, version: int) -> None:
        """The commit holds only if the one item is still at `version`; it is marked as
        migrated (the earlier code's next write clears the mark)."""
        ...

    def stage_drop_legacy(self, tenant_id: str, version: int) -> None:
        """Delete the one item; the commit holds only if it is still at `version` and marked
        as migrated, and every part exists."""
        ...


class StaffDirectory(Protocol):
    def get(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None: ...

    def get_many(self, tenant_id: str, user_ids: Collection[str]) -> Mapping[str, Versioned[StaffMember]]:
        """The entries that exist among `user_ids`, in one read."""
        ...

    def stage_expect_version(self, tenant_id: str, user_id: str, version: int) -> None:
        """The commit holds only if this person's entry (and so their roles) is unchanged."""
        ...

    def members(self, tenant_id: str) -> Sequence[Versioned[StaffMember]]: ...

    def user_ids_with_role(self, tenant_id: str, role: str) -> list[str]: ...

    def members_page(self, tenant_id: str, page: PageRequest) -> Page[Versioned[StaffMember]]: ...

    def revision(self, tenant_id: str) -> int:
        """A counter every staff write raises: what a whole-directory check was made at."""
        ...

    def stage_expect_revision(self, tenant_id: str, revision: int) -> None: ...

    def stage_save(
        self,
        tenant_id: str,
        member: StaffMember,
        expected_version: int | None,
        previous: StaffMember | None,
        *,
        first_version: int = 1,
    ) -> int:
        """A new entry (no expected version) starts at `first_version`."""
        ...

    def stage_remove(self, tenant_id: str, member: StaffMember, expected_version: int) -> None: ...


@dataclass(frozen=True)
class RegistryEntry:
    tenant_groups: tuple[str, ...]
    # Set once the provisioning file's people have been written: after that the tenant's
    # admins own the staff directory, and a routine re-run must not re-create anyone.
    staff_seeded: bool


class TenantRegistry(Protocol):
    """Every tenant once, for jobs that visit all tenants, and tenant-group memberships."""

    def get(self, tenant_id: str) -> RegistryEntry | None: ...

    def tenant_ids(self) -> list[str]:
        """Every registered tenant, in id order."""
        ...

    def stage_register(self, tenant_id: str, entry: RegistryEntry) -> None: ...

    def stage_group(self, group_id: str, members: Sequence[str]) -> None: ...


class AuditLog(Protocol):
    def stage(self, event: AuditEvent) -> None: ...

    def trail(
        self, tenant_id: str, object_type: str, object_id: str, page: PageRequest, now: datetime
    ) -> Page[AuditEvent]:
        """One object's events, oldest first."""
        ...


@dataclass(frozen=True)
class StoredMessage:
    message: CaseMessage
    sealed_body: str


@dataclass(frozen=True)
class StoredEvent:
    event: CaseEvent
    # Recorded events only: their details (see CaseEventDetails), sealed.
    sealed_details: str | None


@dataclass(frozen=True)
class StoredReport:
    report: Versioned[SafetyReport]
    sealed_content: str
    # Only for anonymous reports: the digest of the receipt, never the receipt.
    receipt_digest: str | None = None
    # Filled only when asked for (`with_messages`, `with_events`), oldest first.
    messages: tuple[StoredMessage, ...] = ()
    events: tuple[StoredEvent, ...] = ()
    # Set when the case's expiry changed and its other items have not all followed yet.
    expiry_pending: bool = False
    # A signed-in reporter's email address and language, sealed (see reporter_contact).
    sealed_contact: str | None = None


@dataclass(frozen=True)
class IndexedCase:
    # The case with its version, as the index holds them (GSI2 projects whole items), so
    # a listing can offer the version a transition expects without reading each case.
    # None where the index holds something no longer readable (past its retention).
    case: Versioned[SafetyReport] | None
    # Where a listing that stops at this case resumes.
    position: Mapping[str, Any]

    @property
    def report(self) -> SafetyReport | None:
        return self.case.value if self.case is not None else None


@dataclass(frozen=True)
class CaseIndexPage:
    cases: Sequence[IndexedCase]
    exhausted: bool


@dataclass(frozen=True)
class SubmissionRecord:
    """Written in the submission's own transaction: a repeat of the request (after its
    answer was lost) finds its report instead of filing a second one."""

    key: str
    report_id: str
    payload_digest: str
    # Anonymous only: the receipt, sealed, so the repeat can be answered with it.
    sealed_receipt: str | None
    expires_at: datetime


class ReportRepository(Protocol):
    """Reports and their cases. Reads leave out what has passed its retention (TTL deletion
    is lazy)."""

    def get(
        self,
        tenant_id: str,
        report_id: str,
        now: datetime,
        *,
        with_messages: bool = False,
        with_events: bool = False,
    ) -> StoredReport | None:
        """With messages or events, the case and those come in one read of the partition."""
        ...

    def case_index(
        self, tenant_id: str, *, closed: bool, after: Mapping[str, Any] | None, limit: int, now: datetime
    ) -> CaseIndexPage:
        """Open cases by nearest deadline, or closed ones by closing time, newest first."""
        ...

    def stage_update(self, report: SafetyReport, expected_version: int, *, expiry_changed: bool) -> int:
        """The case's metadata as `report` has it, if still at `expected_version`; message
        counts are left alone. Returns the new version."""
        ...

    def stage_event(self, report: SafetyReport, event: StoredEvent) -> None: ...

    def find_by_receipt(
        self, tenant_id: str, digest: str, now: datetime, *, with_messages: bool = False
    ) -> StoredReport | None: ...

    def reported_by(
        self, tenant_id: str, reporter_id: str, page: PageRequest, now: datetime
    ) -> Page[SafetyReport]: ...

    def stage_create(
        self,
        report: SafetyReport,
        sealed_content: str,
        receipt_digest: str | None,
        *,
        sealed_contact: str | None = None,
    ) -> None:
        """The report with its case, its reference (unique) and, if anonymous, its receipt;
        a signed-in reporter's contact for notices, sealed."""
        ...

    def stage_message(self, report: SafetyReport, message: StoredMessage, max_messages: int) -> None:
        """The message, and the case's activity; fails if the case is gone or full."""
        ...

    def submission(self, tenant_id: str, key: str, now: datetime) -> SubmissionRecord | None: ...

    def stage_submission(self, tenant_id: str, record: SubmissionRecord, now: datetime) -> None:
        """Fails the commit if a live record with this key exists."""
        ...


class CaseRetention(Protocol):
    """Carries a case's expiry to all its items, audit events included. More than one
    transaction can hold, so it runs after the case's own commit and is safe to repeat;
    until it has run, read paths still go by the case item's expiry."""

    def propagate(self, stored: StoredReport) -> None: ...


class Outbox(Protocol):
    def stage(self, message: OutboxMessage) -> None: ...


class RoleChangeRepository(Protocol):
    """Grants and revocations of case-handling roles (role_grants)."""

    def get(self, tenant_id: str, change_id: str) -> Versioned[RoleChange] | None: ...

    def stage_save(self, change: RoleChange, expected_version: int | None) -> int:
        """Conditional on `expected_version` (None: new); returns the new version."""
        ...

    def history(self, tenant_id: str, page: PageRequest) -> Page[Versioned[RoleChange]]:
        """Every change, newest first."""
        ...

    def pending(self, tenant_id: str, page: PageRequest) -> Page[Versioned[RoleChange]]:
        """Grants stored as pending (some may have lapsed), newest first."""
        ...


class SignedInIdentities(Protocol):
    """Staff members' identities as the identity provider last gave them. Written at once."""

    def record(self, tenant_id: str, seen: SignedInAs) -> None: ...

    def get_many(self, tenant_id: str, user_ids: Collection[str]) -> Mapping[str, SignedInAs]: ...


class RefusedReads(Protocol):
    """Case reads answered 404, per person and day. Written at once, outside the unit's
    transaction: the answer is a 404 and nothing else is written."""

    def count(self, tenant_id: str, actor_id: str, outcome: RefusedReadOutcome, now: datetime) -> None: ...

    def since(self, tenant_id: str, first_day: str) -> list[RefusedReadCount]: ...


@dataclass(frozen=True)
class ServiceQuery:
    """Published services one person may browse: their tenant's and those shared with the
    tenant groups it belongs to, offered to everyone or to the person's employee group."""

    tenant_id: str
    tenant_groups: tuple[str, ...]
    viewer_group: str | None
    category: Category | None = None
    kind: Kind | None = None
    # Normalised query words, each with a leading space (domain/tray/search_text.py).
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrderRequestRecord:
    """Written in the order's own transaction (like a report's SubmissionRecord): a repeat
    of the request whose answer was lost finds its order instead of taking a second place."""

    key: str
    order_id: str
    payload_digest: str
    expires_at: datetime


class TrayRepository(Protocol):
    """Services and their orders (domain/tray)."""

    def service(self, service_id: str) -> StoredService | None:
        """By id (the id names its owner tenant), with its order counts."""
        ...

    def services_of(self, tenant_id: str) -> Sequence[StoredService]:
        """Every service a tenant owns, in any status (one partition)."""
        ...

    def browse(self, query: ServiceQuery, page: PageRequest) -> Page[StoredService]:
        """Published services matching the query, ordered by category then id; at most one
        request per scope (the tenant, each of its groups) per page. A page may hold fewer
        items than asked while more follow."""
        ...

    def stage_create_service(self, service: Service) -> None: ...

    def stage_update_service(self, service: Service, expected_version: int) -> int:
        """Details and status, if still at `expected_version`; counts are left alone."""
        ...

    def stage_take_place(self, service: Service) -> None:
        """Count a new order on the service: the commit fails unless the service is still
        published and has a free place (capacity is checked by the store, atomically)."""
        ...

    def stage_move_order(self, service_id: str, before: OrderStatus, after: OrderStatus) -> None:
        """Move one order between the service's counts (and give its place back if the
        order no longer holds one)."""
        ...

    def order(self, order_id: str) -> Versioned[Order] | None: ...

    def stage_create_order(self, order: Order) -> None: ...

    def stage_update_order(self, order: Order, expected_version: int) -> int: ...

    def orders_of(self, tenant_id: str, orderer_id: str, page: PageRequest) -> Page[Versioned[Order]]:
        """The person's orders, newest first."""
        ...

    def orders_handled_by(self, tenant_id: str, handler: str, page: PageRequest) -> Page[Versioned[Order]]:
        """Orders to a provider (a user id) or, for `ORGANISATION_HANDLER`, to the tenant's
        coordinators; newest first."""
        ...

    def order_request(self, tenant_id: str, key: str, now: datetime) -> OrderRequestRecord | None: ...

    def stage_order_request(self, tenant_id: str, record: OrderRequestRecord, now: datetime) -> None:
        """Fails the commit if a live record with this key exists."""
        ...


@dataclass(frozen=True)
class PersonSurveyState:
    """The person's survey key item: their data key wrapped by KMS, the latest response's
    scores sealed (for the change the next response shows), and the creation key of the
    request that wrote it (a repeat whose answer was lost finds its response)."""

    wrapped_key: bytes
    version: int
    latest_response_id: str | None = None
    latest_submitted_at: datetime | None = None
    sealed_latest: str | None = None
    latest_request: str | None = None
    # When the key item (and so the key) expires: the latest expiry of its responses.
    expires_at: datetime | None = None


@dataclass(frozen=True)
class StoredSurveyResponse:
    response_id: str
    submitted_at: datetime
    # Answers and scores, sealed with the person's key (context: tenant, person, response).
    sealed: str
    expires_at: datetime


@dataclass(frozen=True)
class CounterCell:
    """Where one response is counted: a period and an employee group, never a person."""

    period_length: str
    period_id: str
    group: str


class SurveyRepository(Protocol):
    """A person's sealed survey and the tenant's aggregate counters (domain/survey)."""

    def person(self, tenant_id: str, user_id: str) -> PersonSurveyState | None: ...

    def response(
        self, tenant_id: str, user_id: str, response_id: str, now: datetime
    ) -> StoredSurveyResponse | None:
        """One of the person's own responses (only their partition is read)."""
        ...

    def responses_of(
        self, tenant_id: str, user_id: str, page: PageRequest, now: datetime
    ) -> Page[StoredSurveyResponse]:
        """Newest first; expired ones left out (TTL deletion is lazy)."""
        ...

    def stage_response(
        self,
        tenant_id: str,
        user_id: str,
        response: StoredSurveyResponse,
        state: PersonSurveyState,
        expected_version: int | None,
    ) -> None:
        """The response, and the person's key item as `state` has it (its version is the
        new one), if still at `expected_version` (None: the person has none yet)."""
        ...

    def stage_count(self, tenant_id: str, cell: CounterCell, counts: CellCounts) -> None:
        """Add to the cell's counters (no person id is written)."""
        ...

    def counters(
        self, tenant_id: str, period_length: str, first_period: str, last_period: str
    ) -> Mapping[str, Mapping[str, CellCounts]]:
        """Counters of the periods from first to last (ids of one length), by period and
        group, shards summed."""
        ...


# Orders of services an organisation provides are handled by the owner's coordinators.
ORGANISATION_HANDLER = "organisation"


class UnitOfWork(abc.ABC):
    settings: TenantSettingsRepository
    staff: StaffDirectory
    registry: TenantRegistry
    audit: AuditLog
    reports: ReportRepository
    retention: CaseRetention
    outbox: Outbox
    role_changes: RoleChangeRepository
    refused_reads: RefusedReads
    signed_in: SignedInIdentities
    tray: TrayRepository
    surveys: SurveyRepository

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None:
        """Apply every staged write atomically; raise Conflict if a condition fails."""

    @abc.abstractmethod
    def rollback(self) -> None:
        """Forget staged writes that were not committed."""
