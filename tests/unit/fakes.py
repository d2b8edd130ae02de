"""In-memory fakes honouring the same conditional-write rules as DynamoDB."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from workwell.domain.audit import AuditEvent
from workwell.domain.cases.refused_reads import RefusedReadCount, RefusedReadOutcome
from workwell.domain.errors import Conflict
from workwell.domain.notifications.outbox import OutboxMessage
from workwell.domain.reports.safety_report import SafetyReport
from workwell.domain.staff.role_grants import RoleChange, RoleChangeStatus
from workwell.domain.staff.staff import SignedInAs, StaffMember
from workwell.domain.tenants.tenant_settings import (
    SETTINGS_PARTS,
    LegacySettings,
    SettingsPart,
    SettingsPartModel,
    StoredSettings,
    TenantSettings,
    TraySettings,
)
from workwell.domain.tray.order import HOLDS_A_PLACE, Order, OrderStatus
from workwell.domain.tray.search_text import matches
from workwell.domain.tray.service import OrderCounts, Service, ServiceStatus, StoredService
from workwell.domain.versioned import Versioned
from workwell.service_layer.field_cipher import RecordContext
from workwell.service_layer.pagination import Page, PageRequest, Position
from workwell.service_layer.unit_of_work import (
    ORGANISATION_HANDLER,
    OrderRequestRecord,
    RegistryEntry,
    ServiceQuery,
    StoredMessage,
    StoredReport,
    SubmissionRecord,
    UnitOfWork,
)


class FixedClock:
    def __init__(self, at: datetime | None = None) -> None:
        self.at = at or datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
        self.elapsed = 0.0

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return self.elapsed

    def advance(self, seconds: float) -> None:
        self.elapsed += seconds
        self.at += timedelta(seconds=seconds)


class Store:
    """What the fake 'database' holds, shared by the units of work made over it."""

    def __init__(self) -> None:
        # Per tenant, the parts of its settings (domain/tenants/tenant_settings.py).
        self.settings: dict[str, dict[str, Versioned[Any]]] = {}
        # The one-item settings of the earlier version (SK CURRENT), per tenant.
        self.legacy_settings: dict[str, LegacySettings] = {}
        self.staff: dict[tuple[str, str], Versioned[StaffMember]] = {}
        self.staff_revisions: dict[str, int] = {}
        self.registry: dict[str, RegistryEntry] = {}
        self.groups: dict[str, tuple[str, ...]] = {}
        self.audit: list[AuditEvent] = []
        self.reports: dict[tuple[str, str], StoredReport] = {}
        self.references: set[tuple[str, str]] = set()
        self.receipts: dict[tuple[str, str], str] = {}
        self.messages: dict[tuple[str, str], list[StoredMessage]] = {}
        self.outbox: list[OutboxMessage] = []
        self.submissions: dict[tuple[str, str], SubmissionRecord] = {}
        self.role_changes: dict[tuple[str, str], Versioned[RoleChange]] = {}
        self.refused_reads: dict[tuple[str, str, str], dict[str, int]] = {}
        self.signed_in: dict[tuple[str, str], SignedInAs] = {}
        self.services: dict[str, StoredService] = {}
        self.orders: dict[str, Versioned[Order]] = {}
        self.order_requests: dict[tuple[str, str], OrderRequestRecord] = {}
        self.commits = 0

    def put_settings(self, tenant_id: str, settings: TenantSettings, version: int = 1) -> None:
        """Store the whole document, every part at `version`."""
        self.settings[tenant_id] = {part.part: Versioned(part, version) for part in settings.parts()}

    def put_legacy_settings(self, tenant_id: str, settings: TenantSettings, version: int = 1) -> None:
        """Store the settings as the earlier version did: one item, unmarked."""
        self.legacy_settings[tenant_id] = LegacySettings(Versioned(settings, version), migrated=False)

    def settings_document(self, tenant_id: str) -> Versioned[TenantSettings]:
        stored = self.stored_settings(tenant_id)
        assert stored is not None
        return stored.document()

    def stored_settings(self, tenant_id: str) -> StoredSettings | None:
        parts = self.settings.get(tenant_id, {})
        if "organisation" not in parts or "reporting" not in parts:
            return None
        optional = {name: parts[name] for name in ("tray", "survey") if name in parts}
        return StoredSettings(organisation=parts["organisation"], reporting=parts["reporting"], **optional)


Write = Callable[[Store], None]
MAX_TRANSACTION_WRITES = 100


def _no_op(store: Store) -> None:
    return None


def _check(current: int | None, expected: int | None) -> None:
    if current != expected:
        raise Conflict("Someone else changed this at the same time; reload and try again.")


class _FakeSettings:
    def __init__(self, store: Store, staged: list[Write]) -> None:
        self._store, self._staged = store, staged

    def get(self, tenant_id: str) -> StoredSettings | None:
        return self._store.stored_settings(tenant_id)

    def tray(self, tenant_id: str) -> Versioned[TraySettings] | None:
        return self._store.settings.get(tenant_id, {}).get("tray")

    def stage_save(self, tenant_id: str, part: SettingsPartModel, expected_version: int | None) -> int:
        version = (expected_version or 0) + 1

        def write(store: Store) -> None:
            current = store.settings.get(tenant_id, {}).get(part.part)
            _check(current.version if current else None, expected_version or None)
            store.settings.setdefault(tenant_id, {})[part.part] = Versioned(part, version)

        self._staged.append(write)
        return version

    def stage_expect_version(self, tenant_id: str, part: SettingsPart, version: int) -> None:
        def check(store: Store) -> None:
            current = store.settings.get(tenant_id, {}).get(part)
            _check(current.version if current else None, version or None)

        self._staged.append(check)

    def get_legacy(self, tenant_id: str) -> LegacySettings | None:
        return self._store.legacy_settings.get(tenant_id)

    def stage_mark_legacy_migrated(self, tenant_id: str, version: int) -> None:
        def mark(store: Store) -> None:
            current = store.legacy_settings.get(tenant_id)
            _check(current.document.version if current else None, version)
            assert current is not None
            store.legacy_settings[tenant_id] = LegacySettings(current.document, migrated=True)

        self._staged.append(mark)

    def stage_drop_legacy(self, tenant_id: str, version: int) -> None:
        def drop(store: Store) -> None:
            current = store.legacy_settings.get(tenant_id)
            _check(current.document.version if current and current.migrated else None, version)
            if not set(SETTINGS_PARTS) <= set(store.settings.get(tenant_id, {})):
                raise Conflict("Someone else changed this at the same time; reload and try again.")
            del store.legacy_settings[tenant_id]

        self._staged.append(drop)


class _FakeStaff:
    def __init__(self, store: Store, staged: list[Write]) -> None:
        self._store, self._staged = store, staged

    def get(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None:
        return self._store.staff.get((tenant_id, user_id))

    def get_many(self, tenant_id: str, user_ids: Collection[str]) -> Mapping[str, Versioned[StaffMember]]:
        return {u: self._store.staff[(tenant_id, u)] for u in user_ids if (tenant_id, u) in self._store.staff}

    def stage_expect_version(self, tenant_id: str, user_id: str, version: int) -> None:
        def check(store: Store) -> None:
            current = store.staff.get((tenant_id, user_id))
            _check(current.version if current else None, version)

        self._staged.append(check)

    def members(self, tenant_id: str) -> Sequence[Versioned[StaffMember]]:
        return [v for (t, _), v in sorted(self._store.staff.items()) if t == tenant_id]

    def user_ids_with_role(self, tenant_id: str, role: str) -> list[str]:
        return [m.value.user_id for m in self.members(tenant_id) if role in m.value.roles]

    def members_page(self, tenant_id: str, page: PageRequest) -> Page[Versioned[StaffMember]]:
        members = self.members(tenant_id)
        start = int(page.after["index"]) if page.after else 0
        chunk = members[start : start + page.limit]
        more = start + page.limit < len(members)
        return Page(items=chunk, next_position={"index": start + page.limit} if more else None)

    def revision(self, tenant_id: str) -> int:
        return self._store.staff_revisions.get(tenant_id, 0)

    def stage_expect_revision(self, tenant_id: str, revision: int) -> None:
        self._staged.append(lambda store: _check(store.staff_revisions.get(tenant_id, 0), revision))

    def _raise_revision(self, store: Store, tenant_id: str) -> None:
        store.staff_revisions[tenant_id] = store.staff_revisions.get(tenant_id, 0) + 1

    def stage_save(
        self,
        tenant_id: str,
        member: StaffMember,
        expected_version: int | None,
        previous: StaffMember | None,
        *,
        first_version: int = 1,
    ) -> int:
        version = first_version if expected_version is None else expected_version + 1

        def write(store: Store) -> None:
            current = store.staff.get((tenant_id, member.user_id))
            _check(current.version if current else None, expected_version)
            store.staff[(tenant_id, member.user_id)] = Versioned(member, version)
            self._raise_revision(store, tenant_id)

        self._staged.append(write)
        # Mirror DynamoDB's item count: one item per role and the directory revision.
        self._staged.extend(_no_op for _ in range(len(member.roles) + 1))
        return version

    def stage_remove(self, tenant_id: str, member: StaffMember, expected_version: int) -> None:
        def write(store: Store) -> None:
            current = store.staff.get((tenant_id, member.user_id))
            _check(current.version if current else None, expected_version)
            del store.staff[(tenant_id, member.user_id)]
            self._raise_revision(store, tenant_id)

        self._staged.append(write)


class _FakeRegistry:
    def __init__(self, store: Store, staged: list[Write]) -> None:
        self._store, self._staged = store, staged

    def get(self, tenant_id: str) -> RegistryEntry | None:
        return self._store.registry.get(tenant_id)

    def tenant_ids(self) -> list[str]:
        return sorted(self._store.registry)

    def stage_register(self, tenant_id: str, entry: RegistryEntry) -> None:
        self._staged.append(lambda store: store.registry.__setitem__(tenant_id, entry))

    def stage_group(self, group_id: str, members: Sequence[str]) -> None:
        self._staged.append(lambda store: store.groups.__setitem__(group_id, tuple(members)))


class _FakeAudit:
    def __init__(self, staged: list[Write]) -> None:
        self._staged = staged

    def stage(self, event: AuditEvent) -> None:
        self._staged.append(lambda store: store.audit.append(event))


class _FakeReports:
    def __init__(self, store: Store, staged: list[Write]) -> None:
        self._store, self._staged = store, staged

    def get(
        self, tenant_id: str, report_id: str, now: datetime, *, with_messages: bool = False
    ) -> StoredReport | None:
        stored = self._store.reports.get((tenant_id, report_id))
        if stored is None or stored.report.value.expires_at <= now:
            return None
        if not with_messages:
            return stored
        return dataclasses.replace(
            stored, messages=tuple(self._store.messages.get((tenant_id, report_id), []))
        )

    def find_by_receipt(
        self, tenant_id: str, digest: str, now: datetime, *, with_messages: bool = False
    ) -> StoredReport | None:
        report_id = self._store.receipts.get((tenant_id, digest))
        return self.get(tenant_id, report_id, now, with_messages=with_messages) if report_id else None

    def reported_by(
        self, tenant_id: str, reporter_id: str, page: PageRequest, now: datetime
    ) -> Page[SafetyReport]:
        mine = sorted(
            (
                s.report.value
                for (t, _), s in self._store.reports.items()
                if t == tenant_id
                and s.report.value.reporter_id == reporter_id
                and s.report.value.expires_at > now
            ),
            key=lambda r: r.received_at,
            reverse=True,
        )
        start = int(page.after["index"]) if page.after else 0
        more = start + page.limit < len(mine)
        return Page(mine[start : start + page.limit], {"index": start + page.limit} if more else None)

    def stage_create(
        self,
        report: SafetyReport,
        sealed_content: str,
        receipt_digest: str | None,
        *,
        sealed_contact: str | None = None,
    ) -> None:
        def write(store: Store) -> None:
            key = (report.tenant_id, report.report_id)
            reference = (report.tenant_id, report.reference)
            if key in store.reports or reference in store.references:
                raise Conflict("exists")
            store.reports[key] = StoredReport(
                Versioned(report, 1), sealed_content, receipt_digest, sealed_contact=sealed_contact
            )
            store.references.add(reference)
            if receipt_digest is not None:
                store.receipts[(report.tenant_id, receipt_digest)] = report.report_id

        self._staged.extend([write, _no_op, *([_no_op] if receipt_digest else [])])

    def stage_message(self, report: SafetyReport, message: StoredMessage, max_messages: int) -> None:
        def write(store: Store) -> None:
            key = (report.tenant_id, report.report_id)
            stored = store.reports.get(key)
            if stored is None or stored.report.value.message_count >= max_messages:
                raise Conflict("full")
            current = stored.report.value
            counted = dataclasses.replace(current, message_count=current.message_count + 1)
            store.reports[key] = StoredReport(
                Versioned(counted, stored.report.version), stored.sealed_content, stored.receipt_digest
            )
            store.messages.setdefault(key, []).append(message)

        self._staged.extend([write, _no_op])

    def submission(self, tenant_id: str, key: str, now: datetime) -> SubmissionRecord | None:
        record = self._store.submissions.get((tenant_id, key))
        return record if record and record.expires_at > now else None

    def stage_submission(self, tenant_id: str, record: SubmissionRecord, now: datetime) -> None:
        def write(store: Store) -> None:
            current = store.submissions.get((tenant_id, record.key))
            if current is not None and current.expires_at > now:
                raise Conflict("exists")
            store.submissions[(tenant_id, record.key)] = record

        self._staged.append(write)


class _FakeOutbox:
    def __init__(self, staged: list[Write]) -> None:
        self._staged = staged

    def stage(self, message: OutboxMessage) -> None:
        self._staged.append(lambda store: store.outbox.append(message))


class _FakeRoleChanges:
    def __init__(self, store: Store, staged: list[Write]) -> None:
        self._store, self._staged = store, staged

    def get(self, tenant_id: str, change_id: str) -> Versioned[RoleChange] | None:
        return self._store.role_changes.get((tenant_id, change_id))

    def stage_save(self, change: RoleChange, expected_version: int | None) -> int:
        version = (expected_version or 0) + 1

        def write(store: Store) -> None:
            current = store.role_changes.get((change.tenant_id, change.change_id))
            _check(current.version if current else None, expected_version)
            store.role_changes[(change.tenant_id, change.change_id)] = Versioned(change, version)

        self._staged.append(write)
        return version

    def _newest_first(self, tenant_id: str, page: PageRequest, pending: bool) -> Page[Versioned[RoleChange]]:
        ordered = sorted(
            (
                v
                for (t, _), v in self._store.role_changes.items()
                if t == tenant_id and (not pending or v.value.status is RoleChangeStatus.PENDING)
            ),
            key=lambda v: v.value.change_id,
            reverse=True,
        )
        start = int(page.after["index"]) if page.after else 0
        items = ordered[start : start + page.limit]
        more = start + page.limit < len(ordered)
        return Page(items=items, next_position={"index": start + page.limit} if more else None)

    def history(self, tenant_id: str, page: PageRequest) -> Page[Versioned[RoleChange]]:
        return self._newest_first(tenant_id, page, pending=False)

    def pending(self, tenant_id: str, page: PageRequest) -> Page[Versioned[RoleChange]]:
        return self._newest_first(tenant_id, page, pending=True)


class _FakeRefusedReads:
    def __init__(self, store: Store) -> None:
        self._store = store

    def count(self, tenant_id: str, actor_id: str, outcome: RefusedReadOutcome, now: datetime) -> None:
        day = RefusedReadCount.day_of(now).isoformat()
        counts = self._store.refused_reads.setdefault((tenant_id, day, actor_id), {})
        counts[outcome.value] = counts.get(outcome.value, 0) + 1

    def since(self, tenant_id: str, first_day: str) -> list[RefusedReadCount]:
        return [
            RefusedReadCount(day, actor, counts.get("refused", 0), counts.get("missing", 0))
            for (t, day, actor), counts in sorted(self._store.refused_reads.items())
            if t == tenant_id and day >= first_day
        ]


class _FakeSignedIn:
    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, tenant_id: str, seen: SignedInAs) -> None:
        self._store.signed_in[(tenant_id, seen.user_id)] = seen

    def get_many(self, tenant_id: str, user_ids: Collection[str]) -> Mapping[str, SignedInAs]:
        return {
            u: self._store.signed_in[(tenant_id, u)]
            for u in user_ids
            if (tenant_id, u) in self._store.signed_in
        }


def _page_of(items: Sequence[Any], page: PageRequest) -> Page[Any]:
    start = int(page.after["index"]) if page.after else 0
    more = start + page.limit < len(items)
    return Page(list(items[start : start + page.limit]), {"index": start + page.limit} if more else None)


class _FakeTray:
    """Services and orders, with the store's capacity condition on taking a place."""

    def __init__(self, store: Store, staged: list[Write]) -> None:
        self._store, self._staged = store, staged

    def service(self, service_id: str) -> StoredService | None:
        return self._store.services.get(service_id)

    def services_of(self, tenant_id: str) -> Sequence[StoredService]:
        return [s for _, s in sorted(self._store.services.items()) if s.service.tenant_id == tenant_id]

    def browse(self, query: ServiceQuery, page: PageRequest) -> Page[StoredService]:
        def fits(service: Service) -> bool:
            d = service.details
            return (
                service.status is ServiceStatus.PUBLISHED
                and (
                    (service.tenant_id == query.tenant_id and d.shared_with_group is None)
                    or d.shared_with_group in query.tenant_groups
                )
                and (d.audience_groups is None or query.viewer_group in d.audience_groups)
                and (query.category is None or d.category is query.category)
                and (query.kind is None or d.kind is query.kind)
                and matches(d.search_index(), query.terms)
            )

        found = sorted(
            (s for s in self._store.services.values() if fits(s.service)),
            key=lambda s: (s.service.details.category.value, s.service.service_id),
        )
        return _page_of(found, page)

    def stage_create_service(self, service: Service) -> None:
        def write(store: Store) -> None:
            if service.service_id in store.services:
                raise Conflict("exists")
            store.services[service.service_id] = StoredService(service, 1)

        self._staged.append(write)

    def stage_update_service(self, service: Service, expected_version: int) -> int:
        def write(store: Store) -> None:
            current = store.services.get(service.service_id)
            _check(current.version if current else None, expected_version)
            assert current is not None
            store.services[service.service_id] = StoredService(service, expected_version + 1, current.counts)

        self._staged.append(write)
        return expected_version + 1

    def stage_take_place(self, service: Service) -> None:
        def write(store: Store) -> None:
            current = store.services.get(service.service_id)
            if (
                current is None
                or current.service.status is not ServiceStatus.PUBLISHED
                or not current.has_room
            ):
                raise Conflict("no place")
            counts = dataclasses.replace(current.counts, requested=current.counts.requested + 1)
            store.services[service.service_id] = dataclasses.replace(current, counts=counts)

        self._staged.append(write)

    def stage_move_order(self, service_id: str, before: OrderStatus, after: OrderStatus) -> None:
        def write(store: Store) -> None:
            current = store.services[service_id]
            counts = current.counts.as_dict()
            counts[before.value] -= 1
            counts[after.value] += 1
            store.services[service_id] = dataclasses.replace(current, counts=OrderCounts(**counts))

        assert before in HOLDS_A_PLACE
        self._staged.append(write)

    def order(self, order_id: str) -> Versioned[Order] | None:
        return self._store.orders.get(order_id)

    def stage_create_order(self, order: Order) -> None:
        def write(store: Store) -> None:
            if order.order_id in store.orders:
                raise Conflict("exists")
            store.orders[order.order_id] = Versioned(order, 1)

        self._staged.append(write)

    def stage_update_order(self, order: Order, expected_version: int) -> int:
        def write(store: Store) -> None:
            current = store.orders.get(order.order_id)
            _check(current.version if current else None, expected_version)
            store.orders[order.order_id] = Versioned(order, expected_version + 1)

        self._staged.append(write)
        return expected_version + 1

    def _newest_first(self, keep: Callable[[Order], bool]) -> list[Versioned[Order]]:
        return sorted(
            (o for o in self._store.orders.values() if keep(o.value)),
            key=lambda o: (o.value.created_at, o.value.order_id),
            reverse=True,
        )

    def orders_of(self, tenant_id: str, orderer_id: str, page: PageRequest) -> Page[Versioned[Order]]:
        return _page_of(
            self._newest_first(lambda o: o.orderer_tenant_id == tenant_id and o.orderer_id == orderer_id),
            page,
        )

    def orders_handled_by(self, tenant_id: str, handler: str, page: PageRequest) -> Page[Versioned[Order]]:
        def handled(o: Order) -> bool:
            if o.tenant_id != tenant_id:
                return False
            return o.provider_id == handler if handler != ORGANISATION_HANDLER else o.provider_id is None

        return _page_of(self._newest_first(handled), page)

    def order_request(self, tenant_id: str, key: str, now: datetime) -> OrderRequestRecord | None:
        record = self._store.order_requests.get((tenant_id, key))
        return record if record and record.expires_at > now else None

    def stage_order_request(self, tenant_id: str, record: OrderRequestRecord, now: datetime) -> None:
        def write(store: Store) -> None:
            current = store.order_requests.get((tenant_id, record.key))
            if current is not None and current.expires_at > now:
                raise Conflict("exists")
            store.order_requests[(tenant_id, record.key)] = record

        self._staged.append(write)


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, store: Store | None = None) -> None:
        self.store = store or Store()
        self._staged: list[Write] = []
        self.settings = _FakeSettings(self.store, self._staged)
        self.staff = _FakeStaff(self.store, self._staged)
        self.registry = _FakeRegistry(self.store, self._staged)
        self.audit = _FakeAudit(self._staged)
        self.reports = _FakeReports(self.store, self._staged)
        self.outbox = _FakeOutbox(self._staged)
        self.role_changes = _FakeRoleChanges(self.store, self._staged)
        self.refused_reads = _FakeRefusedReads(self.store)
        self.signed_in = _FakeSignedIn(self.store)
        self.tray = _FakeTray(self.store, self._staged)

    def commit(self) -> None:
        # All or nothing: apply to a copy first, like a transaction (and its size limit).
        import copy

        if len(self._staged) > MAX_TRANSACTION_WRITES:
            raise ValueError("a unit of work may stage at most 100 writes")
        trial = copy.deepcopy(self.store)
        try:
            for write in self._staged:
                write(trial)
        finally:
            self._staged.clear()
        self.store.__dict__.update(trial.__dict__)
        self.store.commits += 1

    def rollback(self) -> None:
        self._staged.clear()


class FakeCipher:
    """Reversible stand-in that still refuses a ciphertext moved to another record."""

    def encrypt(self, value: Any, record: RecordContext) -> str:
        import json

        return "sealed:" + json.dumps({"ctx": record.as_encryption_context(), "v": value})[::-1]

    def decrypt(self, ciphertext: str, record: RecordContext) -> Any:
        import json

        payload = json.loads(ciphertext.removeprefix("sealed:")[::-1])
        if payload["ctx"] != record.as_encryption_context():
            raise ValueError("context mismatch")
        return payload["v"]


class FakeBlinding:
    """Deterministic and one-way enough for tests: the id never appears in the token."""

    def blind(self, tenant_id: str, user_id: str) -> str:
        import hashlib

        return "token-" + hashlib.sha256(f"{tenant_id}/{user_id}".encode()).hexdigest()[:16]


class PlainCursors:
    """Reversible cursors that still carry their binding (the real codec signs them)."""

    def encode(self, position: Position, binding: str) -> str:
        return f"{binding}|{position['index']}"

    def decode(self, cursor: str, binding: str) -> Position:
        bound, index = cursor.split("|")
        assert bound == binding
        return {"index": int(index)}
