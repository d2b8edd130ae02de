"""The rules of notifications: what an email may say, who is told, and what the morning
digest lists."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.report_fixtures import STAFF
from workwell.domain.cases.case_access import CaseAccessFacts, Viewer
from workwell.domain.notifications.case_digest import DigestSection, case_digest, digest_day, previous_run
from workwell.domain.notifications.notification_recipients import candidate_ids, staff_recipients
from workwell.domain.notifications.notification_texts import (
    DigestLine,
    digest_email,
    notice_email,
    recipient_language,
)
from workwell.domain.notifications.outbox import OutboxKind, OutboxMessage
from workwell.domain.reports.report_types import CATALOGUE
from workwell.domain.reports.safety_report import SafetyReport

NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)  # Wednesday 07:00 in Helsinki
LINK = "https://app.example/cases/abc"


def _type_words() -> set[str]:
    """Every word of every report type's name, in every language: none may be in an email."""
    words = set()
    for definition in CATALOGUE.values():
        for label in definition.label.values():
            words |= {w.lower() for w in re.findall(r"\w{4,}", label)}
    return words


@pytest.mark.parametrize("kind", list(OutboxKind))
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_notice_holds_a_neutral_sentence_the_reference_and_a_link_only(
    kind: OutboxKind, language: str
) -> None:
    email = notice_email(kind, language, "KOK-7KQ2-9MXD", LINK)  # type: ignore[arg-type]

    text = f"{email.subject}\n{email.body}".lower()
    assert "kok-7kq2-9mxd" in text
    assert LINK.lower() in text
    assert not {w for w in _type_words() if w in text}, "a report type's name leaks into the email"


def test_notices_are_in_the_recipients_language() -> None:
    fi = notice_email(OutboxKind.CASE_RECEIVED, "fi", "R", LINK)
    sv = notice_email(OutboxKind.CASE_RECEIVED, "sv", "R", LINK)
    en = notice_email(OutboxKind.CASE_RECEIVED, "en", "R", LINK)

    assert "Viite: R" in fi.body
    assert "Referens: R" in sv.body
    assert "Reference: R" in en.body
    assert len({fi.subject, sv.subject, en.subject}) == 3


def test_the_language_is_the_recipients_else_the_tenants_first() -> None:
    assert recipient_language("sv", ("fi", "sv")) == "sv"
    assert recipient_language("en", ("fi",)) == "en"
    assert recipient_language(None, ("sv", "fi")) == "sv"
    assert recipient_language("de", ("fi",)) == "fi"


def test_a_digest_lists_references_by_section_with_counts_and_leaves_empty_ones_out() -> None:
    email = digest_email(
        {
            DigestSection.OVERDUE: [DigestLine("KOK-1", "https://a/1"), DigestLine("KOK-2", "https://a/2")],
            DigestSection.NEW: [],
        },
        "en",
        "https://a/",
    )

    assert "Overdue deadlines (2):" in email.body
    assert "KOK-1  https://a/1" in email.body
    assert "New since" not in email.body
    assert not {w for w in _type_words() if w in email.body.lower()}


# ------------------------------------------------------------------ recipients

MEMBERS = {m.user_id: m for m in STAFF}


def _viewer(user_id: str) -> Viewer:
    return Viewer.of_member(MEMBERS[user_id], f"token-{user_id}")


def _message(kind: OutboxKind, recipient_id: str | None = None) -> OutboxMessage:
    return OutboxMessage("testi", "m" * 32, kind, "r1", NOW, recipient_id)


def _harassment(assignee: str | None = "rep-1", recused: tuple[str, ...] = ()) -> CaseAccessFacts:
    return CaseAccessFacts(True, "koulu", assignee, frozenset(f"token-{u}" for u in recused))


def _everyone() -> list[Viewer]:
    return [_viewer(u) for u in MEMBERS]


def test_a_new_harassment_report_goes_to_the_chosen_handler_alone() -> None:
    case = _harassment("rep-1")

    chosen = staff_recipients(_message(OutboxKind.CASE_RECEIVED), case, _everyone())

    assert candidate_ids(_message(OutboxKind.CASE_RECEIVED), case) == ["rep-1"]
    assert [v.user_id for v in chosen] == ["rep-1"]


def test_a_recused_handler_is_never_told() -> None:
    case = _harassment("rep-1", recused=("rep-1",))

    assert staff_recipients(_message(OutboxKind.CASE_RECEIVED), case, _everyone()) == []


def test_a_handler_who_lost_the_role_is_not_told() -> None:
    former = MEMBERS["rep-1"].model_copy(update={"roles": frozenset({"wellbeing_coordinator"})})
    viewers = [Viewer.of_member(former, "token-rep-1")]

    assert staff_recipients(_message(OutboxKind.CASE_RECEIVED), _harassment("rep-1"), viewers) == []


def test_an_ordinary_case_without_a_chosen_handler_goes_to_its_unit_supervisors() -> None:
    case = CaseAccessFacts(False, "koulu", None, frozenset({"token-boss-hallinto"}))

    chosen = staff_recipients(_message(OutboxKind.CASE_RECEIVED), case, _everyone())

    assert candidate_ids(_message(OutboxKind.CASE_RECEIVED), case) is None  # list the supervisors
    assert [v.user_id for v in chosen] == ["boss-koulu"]


def test_a_handover_notice_goes_to_the_new_assignee_only_while_the_case_is_theirs() -> None:
    message = _message(OutboxKind.HANDED_OVER, recipient_id="rep-2")

    assert [v.user_id for v in staff_recipients(message, _harassment("rep-2"), _everyone())] == ["rep-2"]
    # Handed on again before the email went out: the earlier assignee hears nothing.
    assert staff_recipients(message, _harassment("manager-1"), _everyone()) == []


@pytest.mark.parametrize("kind", [OutboxKind.STATUS_CHANGED, OutboxKind.HANDLER_MESSAGE])
def test_notices_for_the_reporter_go_to_no_staff(kind: OutboxKind) -> None:
    assert candidate_ids(_message(kind), _harassment()) == []
    assert staff_recipients(_message(kind), _harassment(), _everyone()) == []


# ------------------------------------------------------------------ digest


def _case(reference: str, **changes: object) -> SafetyReport:
    base = SafetyReport(
        tenant_id="testi",
        report_id=reference.lower(),
        reference=reference,
        type_key="harassment",
        restricted=True,
        unit="koulu",
        status="received",
        assignee_id="rep-1",
        recusal_tokens=frozenset(),
        reporter_id="emp-1",
        received_at=NOW - timedelta(days=3),
        updated_at=NOW - timedelta(days=3),
        deadlines={},
        expires_at=NOW + timedelta(days=1000),
    )
    return SafetyReport(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_the_digest_sorts_a_handlers_cases_into_its_sections() -> None:
    cases = [
        _case("KOK-NEW", received_at=NOW - timedelta(hours=5)),
        _case("KOK-ACK", deadlines={"acknowledge": NOW + timedelta(days=1)}),
        _case("KOK-LATE", deadlines={"startInvestigation": NOW - timedelta(hours=1)}),
        _case("KOK-QUIET", received_at=NOW - timedelta(days=20), last_activity_at=NOW - timedelta(days=15)),
        _case("KOK-FINE", deadlines={"acknowledge": NOW + timedelta(days=5)}),
        _case("KOK-OTHER", assignee_id="rep-2", deadlines={"acknowledge": NOW - timedelta(days=1)}),
    ]

    digest = case_digest(_viewer("rep-1"), cases, previous_run(NOW), NOW)

    assert {s: [c.reference for c in found] for s, found in digest.items()} == {
        DigestSection.NEW: ["KOK-NEW"],
        DigestSection.ACKNOWLEDGEMENT_DUE: ["KOK-ACK"],
        DigestSection.OVERDUE: ["KOK-LATE"],
        DigestSection.STALE: ["KOK-QUIET"],
    }


def test_overseers_see_harassment_cases_in_their_digest_unless_recused() -> None:
    late = _case("KOK-LATE", deadlines={"acknowledge": NOW - timedelta(days=1)})
    recused = _case(
        "KOK-HIDDEN",
        deadlines={"acknowledge": NOW - timedelta(days=1)},
        recusal_tokens=frozenset({"token-hr-1"}),
    )

    assert [
        c.reference for c in case_digest(_viewer("hr-1"), [late, recused], NOW, NOW)[DigestSection.OVERDUE]
    ] == ["KOK-LATE"]
    # A safety representative who is not the assignee: not theirs to handle.
    assert case_digest(_viewer("rep-2"), [late], NOW, NOW) == {}


def test_closed_cases_and_people_with_nothing_to_do_get_no_digest() -> None:
    closed = _case("KOK-DONE", closed_at=NOW - timedelta(days=1), deadlines={})

    assert case_digest(_viewer("rep-1"), [closed], previous_run(NOW), NOW) == {}
    assert case_digest(_viewer("rep-1"), [_case("KOK-CALM")], NOW, NOW) == {}


def test_new_since_the_previous_weekday_morning_in_helsinki() -> None:
    monday_morning = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)  # 07:00 Helsinki (UTC+2)

    assert previous_run(monday_morning) == datetime(2026, 11, 27, 5, 0, tzinfo=UTC)  # Friday 07:00
    assert previous_run(NOW) == datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
    # 23:30 UTC on Tuesday is already Wednesday in Helsinki.
    assert digest_day(datetime(2026, 11, 24, 23, 30, tzinfo=UTC)).isoformat() == "2026-11-25"


def test_a_case_received_after_the_runs_moment_waits_for_the_next_digest() -> None:
    late = _case("KOK-LATER", received_at=NOW + timedelta(seconds=5))

    assert case_digest(_viewer("rep-1"), [late], previous_run(NOW), NOW) == {}


def test_ordinary_cases_stay_out_of_overseers_digests() -> None:
    ordinary = _case(
        "KOK-ORD",
        restricted=False,
        type_key="near_miss",
        assignee_id=None,
        deadlines={"handle": NOW - timedelta(days=1)},
    )

    assert case_digest(_viewer("manager-1"), [ordinary], NOW, NOW) == {}
    assert case_digest(_viewer("hr-1"), [ordinary], NOW, NOW) == {}
    assert case_digest(_viewer("rep-1"), [ordinary], NOW, NOW) == {}


def test_new_means_after_the_last_digest_up_to_this_one() -> None:
    since = previous_run(NOW)
    at_since = _case("KOK-AT-SINCE", received_at=since)
    at_now = _case("KOK-AT-NOW", received_at=NOW)

    digest = case_digest(_viewer("rep-1"), [at_since, at_now], since, NOW)

    assert [c.reference for c in digest[DigestSection.NEW]] == ["KOK-AT-NOW"]
