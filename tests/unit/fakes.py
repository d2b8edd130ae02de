"""In-memory fakes honouring the same conditional-write rules as DynamoDB."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from workwell.domain.audit import AuditEvent
from workwell.domain.errors import Conflict
from workwell.domain.staff import StaffMember
from workwell.domain.tenant_settings import TenantSettings
from workwell.domain.versioned import Versioned
from workwell.service_layer.field_cipher import RecordContext
from workwell.service_layer.pagination import Page, PageRequest
from workwell.service_layer.unit_of_work import RegistryEntry, UnitOfWork


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
        self.settings: dict[str, Versioned[TenantSettings]] = {}
        self.staff: dict[tuple[str, str], Versioned[StaffMember]] = {}
        self.staff_revisions: dict[str, int] = {}
        self.registry: dict[str, RegistryEntry] = {}
        self.groups: dict[str, tuple[str, ...]] = {}
        self.audit: list[AuditEvent] = []
        self.commits = 0


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

    def get(self, tenant_id: str) -> Versioned[TenantSettings] | None:
        return self._store.settings.get(tenant_id)

    def stage_save(self, tenant_id: str, settings: TenantSettings, expected_version: int | None) -> int:
        version = (expected_version or 0) + 1

        def write(store: Store) -> None:
            current = store.settings.get(tenant_id)
            _check(current.version if current else None, expected_version)
            store.settings[tenant_id] = Versioned(settings, version)

        self._staged.append(write)
        return version

    def stage_expect_version(self, tenant_id: str, version: int) -> None:
        def check(store: Store) -> None:
            current = store.settings.get(tenant_id)
            _check(current.version if current else None, version)

        self._staged.append(check)


class _FakeStaff:
    def __init__(self, store: Store, staged: list[Write]) -> None:
        self._store, self._staged = store, staged

    def get(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None:
        return self._store.staff.get((tenant_id, user_id))

    def members(self, tenant_id: str) -> Sequence[Versioned[StaffMember]]:
        return [v for (t, _), v in sorted(self._store.staff.items()) if t == tenant_id]

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
        self, tenant_id: str, member: StaffMember, expected_version: int | None, previous: StaffMember | None
    ) -> int:
        version = (expected_version or 0) + 1

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

    def stage_register(self, tenant_id: str, entry: RegistryEntry) -> None:
        self._staged.append(lambda store: store.registry.__setitem__(tenant_id, entry))

    def stage_group(self, group_id: str, members: Sequence[str]) -> None:
        self._staged.append(lambda store: store.groups.__setitem__(group_id, tuple(members)))


class _FakeAudit:
    def __init__(self, staged: list[Write]) -> None:
        self._staged = staged

    def stage(self, event: AuditEvent) -> None:
        self._staged.append(lambda store: store.audit.append(event))


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, store: Store | None = None) -> None:
        self.store = store or Store()
        self._staged: list[Write] = []
        self.settings = _FakeSettings(self.store, self._staged)
        self.staff = _FakeStaff(self.store, self._staged)
        self.registry = _FakeRegistry(self.store, self._staged)
        self.audit = _FakeAudit(self._staged)

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
