from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import CANARY
from tests.unit.fakes import FakeBlinding, FakeCipher, FakeUnitOfWork, PlainCursors, Store
from tests.unit.report_fixtures import NOW, TENANT, anonymous, new_token, populated_store, signed_in
from workwell.domain.errors import Conflict, NotFound
from workwell.domain.notifications.outbox import OutboxKind
from workwell.domain.reports.safety_report import MAX_MESSAGES_PER_CASE, MessageAuthor
from workwell.domain.versioned import Versioned
from workwell.service_layer.reports import reporter_follow_up
from workwell.service_layer.reports.report_submission import ReportDraft, submit_report
from workwell.service_layer.unit_of_work import StoredReport

DRAFT = ReportDraft("harassment", {"whatHappened": f"Häirintää. {CANARY}"}, handler_id="rep-1")


@pytest.fixture
def store() -> Store:
    return populated_store()


def file_report(store: Store, ctx: Any = None) -> Any:
    return submit_report(
        ctx or signed_in(), DRAFT, new_token(), FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )


def test_the_reporter_reads_their_report_and_the_read_is_audited(store: Store) -> None:
    report_id = file_report(store).report.report_id

    view = reporter_follow_up.my_report(signed_in(), report_id, FakeUnitOfWork(store), FakeCipher())

    assert view.answers == {"whatHappened": f"Häirintää. {CANARY}"}
    assert view.report.status == "received"
    assert store.audit[-1].action == "case.read_by_reporter"
    assert store.audit[-1].actor_id == "emp-1"


def test_someone_else_gets_404_like_a_missing_id_and_the_attempt_is_counted(store: Store) -> None:
    report_id = file_report(store).report.report_id
    audited = len(store.audit)

    with pytest.raises(NotFound):
        reporter_follow_up.my_report(signed_in("emp-2"), report_id, FakeUnitOfWork(store), FakeCipher())
    with pytest.raises(NotFound):
        reporter_follow_up.post_reporter_message(
            signed_in("rep-1"), report_id, "hei", FakeUnitOfWork(store), FakeCipher()
        )

    with pytest.raises(NotFound):
        reporter_follow_up.my_report(signed_in("emp-2"), "0" * 32, FakeUnitOfWork(store), FakeCipher())

    # Counted per person and day, never on the case's own trail.
    assert len(store.audit) == audited
    day = "2026-11-23"
    assert store.refused_reads == {
        ("testi", day, "emp-2"): {"refused": 1, "missing": 1},
        ("testi", day, "rep-1"): {"refused": 1},
    }


def test_an_expired_report_is_gone_for_its_reporter_too(store: Store) -> None:
    report_id = file_report(store).report.report_id
    later = signed_in(now=NOW + timedelta(days=5 * 366))

    with pytest.raises(NotFound):
        reporter_follow_up.my_report(later, report_id, FakeUnitOfWork(store), FakeCipher())


def test_a_message_is_sealed_counted_audited_and_announced(store: Store) -> None:
    report_id = file_report(store).report.report_id

    message = reporter_follow_up.post_reporter_message(
        signed_in(), report_id, f"Lisätietoa {CANARY}", FakeUnitOfWork(store), FakeCipher()
    )

    stored = store.messages[(TENANT, report_id)]
    assert [m.message.message_id for m in stored] == [message.message_id]
    assert CANARY not in stored[0].sealed_body
    assert message.author is MessageAuthor.REPORTER
    assert message.author_id is None
    assert store.reports[(TENANT, report_id)].report.value.message_count == 1
    assert store.audit[-1].action == "case.message_from_reporter"
    assert store.outbox[-1].kind is OutboxKind.REPORTER_MESSAGE

    view = reporter_follow_up.my_report(signed_in(), report_id, FakeUnitOfWork(store), FakeCipher())
    assert [(m.message.author, m.body) for m in view.messages] == [
        (MessageAuthor.REPORTER, f"Lisätietoa {CANARY}")
    ]


def test_a_closed_or_full_case_takes_no_more_messages(store: Store) -> None:
    report_id = file_report(store).report.report_id
    key = (TENANT, report_id)
    stored = store.reports[key]

    def with_report(**changes: Any) -> None:
        report = dataclasses.replace(stored.report.value, **changes)
        store.reports[key] = StoredReport(Versioned(report, 1), stored.sealed_content)

    with_report(closed_at=NOW)
    with pytest.raises(Conflict):
        reporter_follow_up.post_reporter_message(
            signed_in(), report_id, "hei", FakeUnitOfWork(store), FakeCipher()
        )
    with_report(message_count=MAX_MESSAGES_PER_CASE)
    with pytest.raises(Conflict):
        reporter_follow_up.post_reporter_message(
            signed_in(), report_id, "hei", FakeUnitOfWork(store), FakeCipher()
        )


def test_the_receipt_opens_status_and_messages_but_not_the_report_text(store: Store) -> None:
    submitted = file_report(store, anonymous())

    reporter_follow_up.post_follow_up_message(
        anonymous(), submitted.receipt, "Onko tämä vastaanotettu?", FakeUnitOfWork(store), FakeCipher()
    )
    view = reporter_follow_up.follow_up(anonymous(), submitted.receipt, FakeUnitOfWork(store), FakeCipher())

    assert view.report.reference == submitted.report.reference
    assert view.answers is None
    assert [m.body for m in view.messages] == ["Onko tämä vastaanotettu?"]
    assert store.audit[-1].actor_id == "anonymous"


def test_a_wrong_receipt_finds_nothing(store: Store) -> None:
    file_report(store, anonymous())

    with pytest.raises(NotFound):
        reporter_follow_up.follow_up(
            anonymous(), "AAAA-AAAA-AAAA-AAAA-AAAA", FakeUnitOfWork(store), FakeCipher()
        )


def test_my_reports_lists_only_mine_newest_first_in_pages(store: Store) -> None:
    first = file_report(store).report.report_id
    second = file_report(store, signed_in(now=NOW + timedelta(hours=1))).report.report_id
    file_report(store, signed_in("emp-2"))

    page = reporter_follow_up.my_reports(signed_in(), 1, None, PlainCursors(), FakeUnitOfWork(store))
    assert [r.report_id for r in page.items] == [second]
    assert page.next_cursor is not None

    rest = reporter_follow_up.my_reports(
        signed_in(), 1, page.next_cursor, PlainCursors(), FakeUnitOfWork(store)
    )
    assert [r.report_id for r in rest.items] == [first]
    assert rest.next_cursor is None
