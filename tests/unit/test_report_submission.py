from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.conftest import CANARY
from tests.unit.fakes import FakeBlinding, FakeCipher, FakeUnitOfWork, Store
from tests.unit.report_fixtures import (
    NOW,
    TENANT,
    anonymous,
    new_token,
    populated_store,
    principal_of,
    signed_in,
)
from workwell.domain.errors import Conflict, IdempotencyConflict, InvalidInput
from workwell.domain.notifications.outbox import OutboxKind
from workwell.domain.reports.report_codes import receipt_digest
from workwell.domain.tenants.tenant_settings import Rollout, TenantSettings
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.field_cipher import RecordContext
from workwell.service_layer.reports.report_submission import ReportDraft, open_receipt, submit_report
from workwell.service_layer.reports.reporter_contact import open_contact
from workwell.service_layer.tenants.administration import update_tenant_settings

HARASSMENT = ReportDraft(
    type_key="harassment",
    answers={"whatHappened": f"Minua nimiteltiin kokouksessa. {CANARY}", "toldUnwanted": "no"},
    handler_id="rep-1",
    recused_ids=("hr-1",),
)


@pytest.fixture
def store() -> Store:
    return populated_store()


def submit(store: Store, draft: ReportDraft, ctx: Any = None) -> Any:
    return submit_report(
        ctx or signed_in(), draft, new_token(), FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )


def refused_at(store: Store, draft: ReportDraft, ctx: Any = None) -> list[tuple[Any, ...]]:
    with pytest.raises(InvalidInput) as refused:
        submit(store, draft, ctx)
    assert store.commits == 0, "nothing may be written for a refused report"
    return [d.loc for d in refused.value.details]


def test_a_harassment_report_is_stored_with_its_case_audit_and_handler_notice(store: Store) -> None:
    submitted = submit(store, HARASSMENT)

    report = submitted.report
    assert report.status == "received"
    assert report.assignee_id == "rep-1"
    assert report.recusal_tokens == {FakeBlinding().blind(TENANT, "hr-1")}
    assert report.reporter_id == "emp-1"
    assert report.unit == "koulu"
    assert report.reference.startswith("TST-")
    # Received Monday 23 Nov 10:00 Helsinki: the ends of 30 Nov and 7 Dec, Helsinki time.
    assert report.deadlines == {
        "acknowledge": datetime(2026, 11, 30, 21, 59, 59, tzinfo=UTC),
        "startInvestigation": datetime(2026, 12, 7, 21, 59, 59, tzinfo=UTC),
    }
    assert report.expires_at.year == NOW.year + 5
    assert submitted.receipt is None
    assert submitted.sealed_receipt is None
    assert store.commits == 1
    assert [(e.action, e.actor_id, e.object_id) for e in store.audit] == [
        ("report.submitted", "emp-1", report.report_id),
        ("case.assigned", "emp-1", report.report_id),
        ("case.recusal_recorded", "emp-1", report.report_id),
    ]
    assert store.audit[0].expires_at == report.expires_at
    assert [(m.kind, m.report_id) for m in store.outbox] == [(OutboxKind.CASE_RECEIVED, report.report_id)]


def test_a_signed_in_reporters_contact_is_sealed_apart_from_the_content(store: Store) -> None:
    report = submit(store, HARASSMENT).report
    anonymous_report = submit(
        store, ReportDraft("near_miss", {"whatHappened": "x"}, unit="koulu"), anonymous()
    ).report

    stored = store.reports[(TENANT, report.report_id)]
    assert stored.sealed_contact is not None
    assert "emp-1@" not in stored.sealed_contact
    contact = open_contact(stored.sealed_contact, TENANT, report.report_id, FakeCipher())
    assert (contact.email, contact.language) == ("emp-1@example.com", "fi")
    # Not openable as content, nor as another report's contact.
    with pytest.raises(ValueError, match="context"):
        FakeCipher().decrypt(stored.sealed_contact, RecordContext(TENANT, "report", report.report_id))
    with pytest.raises(ValueError, match="context"):
        open_contact(stored.sealed_contact, TENANT, anonymous_report.report_id, FakeCipher())
    assert store.reports[(TENANT, anonymous_report.report_id)].sealed_contact is None


def test_the_content_is_sealed_for_this_report_only(store: Store) -> None:
    report = submit(store, HARASSMENT).report

    stored = store.reports[(TENANT, report.report_id)]
    assert CANARY not in stored.sealed_content
    record = RecordContext(TENANT, "report", report.report_id)
    assert FakeCipher().decrypt(stored.sealed_content, record)["toldUnwanted"] == "no"
    with pytest.raises(ValueError, match="context"):
        FakeCipher().decrypt(stored.sealed_content, RecordContext(TENANT, "report", "another"))


def test_an_anonymous_report_keeps_no_identity_and_only_the_receipt_digest(store: Store) -> None:
    token = new_token()
    submitted = submit_report(
        anonymous(), HARASSMENT, token, FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )

    assert submitted.report.reporter_id is None
    assert submitted.receipt is not None
    assert store.receipts == {(TENANT, receipt_digest(TENANT, submitted.receipt)): submitted.report.report_id}
    assert store.audit[0].actor_id == "anonymous"
    assert submitted.receipt not in json.dumps([repr(v) for v in store.reports.values()])
    sealed = submitted.sealed_receipt
    assert sealed is not None
    assert submitted.receipt not in sealed
    assert open_receipt(TENANT, submitted.report.reference, token, sealed, FakeCipher()) == submitted.receipt
    with pytest.raises(ValueError, match="context"):  # another request's record cannot open it
        open_receipt(TENANT, submitted.report.reference, new_token(), sealed, FakeCipher())


def test_every_report_gets_its_own_reference(store: Store) -> None:
    references = [submit(store, HARASSMENT).report.reference for _ in range(5)]

    assert len(set(references)) == 5


@pytest.mark.parametrize(
    ("draft", "loc"),
    [
        (ReportDraft("gossip", {"whatHappened": "x"}, handler_id="rep-1"), ("body", "type")),
        (ReportDraft("violence_threat", {"whatHappened": "x"}), ("body", "type")),  # switched off
        (ReportDraft("harassment", {"whatHappened": "x"}), ("body", "handlerId")),
        (ReportDraft("harassment", {"whatHappened": "x"}, handler_id="boss-koulu"), ("body", "handlerId")),
        (ReportDraft("harassment", {"whatHappened": "x"}, handler_id="nobody"), ("body", "handlerId")),
        (ReportDraft("harassment", {"whatHappened": "x"}, handler_id="emp-1"), ("body", "handlerId")),
        (
            ReportDraft(
                "harassment", {"whatHappened": "x"}, handler_id="rep-1", recused_ids=("hr-1", "rep-1")
            ),
            ("body", "recusedIds", 1),
        ),
        (
            ReportDraft("harassment", {"whatHappened": "x"}, handler_id="rep-1", recused_ids=("nobody",)),
            ("body", "recusedIds", 0),
        ),
        (
            ReportDraft("harassment", {"whatHappened": "x" * 10_001}, handler_id="rep-1"),
            ("body", "answers", "whatHappened"),
        ),
        (ReportDraft("accident", {"whatHappened": "x"}, unit="nowhere"), ("body", "unitId")),
        (ReportDraft("accident", {"whatHappened": "x"}, handler_id="boss-hallinto"), ("body", "handlerId")),
    ],
)
def test_bad_reports_are_refused_at_the_field_at_fault(
    store: Store, draft: ReportDraft, loc: tuple[Any, ...]
) -> None:
    assert loc in refused_at(store, draft)


def test_the_person_a_report_concerns_can_be_recused_whatever_their_role(store: Store) -> None:
    draft = ReportDraft("harassment", {"whatHappened": "x"}, handler_id="rep-1", recused_ids=("boss-koulu",))

    assert submit(store, draft).report.recusal_tokens == {FakeBlinding().blind(TENANT, "boss-koulu")}


def test_an_ordinary_report_needs_a_unit_when_the_reporter_has_none(store: Store) -> None:
    draft = ReportDraft("accident", {"whatHappened": "Liukastuin portaissa."})

    assert refused_at(store, draft, signed_in(unit=None)) == [("body", "unitId")]
    assert submit(store, draft, signed_in(unit="koulu")).report.unit == "koulu"


def test_an_ordinary_report_goes_to_the_unit_without_a_chosen_handler(store: Store) -> None:
    report = submit(store, ReportDraft("accident", {"whatHappened": "Liukastuin."}, unit="hallinto")).report

    assert report.assignee_id is None
    assert report.unit == "hallinto"
    assert set(report.deadlines) == {"handle"}


def test_anonymous_reporters_only_use_types_open_to_them(store: Store) -> None:
    draft = ReportDraft("accident", {"whatHappened": "x"}, unit="koulu")

    assert refused_at(store, draft, anonymous()) == [("body", "type")]
    with pytest.raises(InvalidInput) as refused:
        submit(store, draft, anonymous())
    assert (
        refused.value.details[0].msg == "this type of report cannot be sent anonymously; sign in to send it"
    )
    unknown = ReportDraft("gossip", {"whatHappened": "x"}, unit="koulu")
    assert refused_at(store, unknown, anonymous()) == [("body", "type")]


def test_a_repeat_after_a_lost_answer_finds_the_same_report(store: Store) -> None:
    token = new_token()
    first = submit_report(
        anonymous(), HARASSMENT, token, FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )

    again = submit_report(
        anonymous(), HARASSMENT, token, FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )

    assert again.report.report_id == first.report.report_id
    assert len(store.reports) == 1
    assert len(store.outbox) == 1
    assert again.receipt is None  # the receipt is not kept in clear ...
    assert again.sealed_receipt == first.sealed_receipt  # ... but the sealed one answers the repeat


def test_a_repeat_finds_its_report_even_if_the_rules_changed_since(store: Store) -> None:
    token = new_token()
    first = submit_report(
        signed_in(), HARASSMENT, token, FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )
    # Meanwhile the chosen handler loses the role that made her eligible.
    del store.staff[(TENANT, "rep-1")]

    again = submit_report(
        signed_in(), HARASSMENT, token, FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )

    assert again.report.report_id == first.report.report_id
    with pytest.raises(InvalidInput):  # a new request is judged by today's rules
        submit_report(
            signed_in(), HARASSMENT, new_token(), FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
        )


def test_a_repeat_with_another_body_is_an_idempotency_conflict(store: Store) -> None:
    submit_report(
        signed_in(),
        HARASSMENT,
        new_token("k", "first body"),
        FakeUnitOfWork(store),
        FakeCipher(),
        blinding=FakeBlinding(),
    )

    with pytest.raises(IdempotencyConflict):
        submit_report(
            signed_in(),
            HARASSMENT,
            new_token("k", "other body"),
            FakeUnitOfWork(store),
            FakeCipher(),
            blinding=FakeBlinding(),
        )
    assert len(store.reports) == 1


def test_a_submission_record_older_than_a_day_no_longer_holds_the_key(store: Store) -> None:
    token = new_token()
    submit_report(
        signed_in(), HARASSMENT, token, FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )

    later = signed_in(now=NOW + timedelta(hours=26))
    second = submit_report(
        later, HARASSMENT, token, FakeUnitOfWork(store), FakeCipher(), blinding=FakeBlinding()
    )

    assert len(store.reports) == 2
    assert second.report.received_at == later.now


def test_settings_changed_meanwhile_fail_the_whole_commit(store: Store) -> None:
    uow = FakeUnitOfWork(store)
    read = uow.settings.get

    def stale(tenant_id: str) -> Any:
        current = read(tenant_id)
        assert current is not None
        # The reporting part (the type's rules) the use case saw is older than the stored one.
        return dataclasses.replace(current, reporting=Versioned(current.reporting.value, 0))

    uow.settings.get = stale  # type: ignore[method-assign]

    with pytest.raises(Conflict):
        submit_report(signed_in(), HARASSMENT, new_token(), uow, FakeCipher(), blinding=FakeBlinding())
    assert store.reports == {}


def test_a_handler_whose_roles_changed_meanwhile_fails_the_whole_commit(store: Store) -> None:
    uow = FakeUnitOfWork(store)
    read_before_the_change = uow.staff.get_many

    def stale(tenant_id: str, user_ids: Any) -> Any:
        found = dict(read_before_the_change(tenant_id, user_ids))
        # The entry the use case saw is older than the one stored now.
        found["rep-1"] = Versioned(found["rep-1"].value, 0)
        return found

    uow.staff.get_many = stale  # type: ignore[method-assign]

    with pytest.raises(Conflict):
        submit_report(signed_in(), HARASSMENT, new_token(), uow, FakeCipher(), blinding=FakeBlinding())
    assert store.commits == 0
    assert store.reports == {}
    assert store.outbox == []


def _changed(part: str, settings: TenantSettings) -> TenantSettings:
    if part == "organisation":
        return settings.model_copy(update={"minimum_group_size": settings.minimum_group_size + 1})
    if part == "tray":
        return settings.model_copy(update={"rollout": Rollout(open_groups=(settings.employee_groups[0].id,))})
    if part == "survey":
        return settings.model_copy(
            update={"survey": settings.survey.model_copy(update={"period_length": "month"})}
        )
    deadlines = settings.deadlines.model_copy(
        update={"acknowledge_days": settings.deadlines.acknowledge_days + 1}
    )
    return settings.model_copy(update={"deadlines": deadlines})


def _with_settings_saved_meanwhile(store: Store, part: str) -> FakeUnitOfWork:
    """A unit of work whose settings read is followed at once by an admin's update of one
    part: committed after the submission read the settings, before it commits."""
    uow = FakeUnitOfWork(store)
    read = uow.settings.get

    def read_then_someone_saves(tenant_id: str) -> Any:
        current = read(tenant_id)
        assert current is not None
        admin = CallContext(principal=principal_of("admin-1"), request_id="req-admin", now=NOW)
        update_tenant_settings(admin, _changed(part, current.value), current.version, FakeUnitOfWork(store))
        return current

    uow.settings.get = read_then_someone_saves  # type: ignore[method-assign]
    return uow


@pytest.mark.parametrize("part", ["organisation", "tray", "survey"])
def test_a_settings_change_outside_reporting_meanwhile_leaves_a_submission_be(
    store: Store, part: str
) -> None:
    """Settings are versioned per part and a submission conditions on `reporting` only, so
    an admin's organisation (or tray) edit never turns an in-flight report into a 409."""
    uow = _with_settings_saved_meanwhile(store, part)

    submitted = submit_report(
        signed_in(), HARASSMENT, new_token(), uow, FakeCipher(), blinding=FakeBlinding()
    )

    assert len(store.reports) == 1
    assert submitted.report.report_id in {report_id for _, report_id in store.reports}
    assert store.settings_document(TENANT).version == 5  # the admin's change landed too


def test_a_reporting_change_meanwhile_fails_the_submission(store: Store) -> None:
    uow = _with_settings_saved_meanwhile(store, "reporting")

    with pytest.raises(Conflict):
        submit_report(signed_in(), HARASSMENT, new_token(), uow, FakeCipher(), blinding=FakeBlinding())
    assert store.reports == {}
