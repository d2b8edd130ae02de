"""The visibility policy of security.md, role by role."""

from __future__ import annotations

import pytest

from tests.unit.fakes import FakeBlinding
from tests.unit.report_fixtures import STAFF, TENANT, principal_of, tenant_settings
from workwell.domain.cases.case_access import CaseAccessFacts, Viewer, eligible_handlers, may_view_case
from workwell.domain.reports.report_types import report_type_of


def token(user_id: str) -> str:
    return FakeBlinding().blind(TENANT, user_id)


def viewer(user_id: str) -> Viewer:
    return Viewer.of_principal(principal_of(user_id), token(user_id))


HARASSMENT = CaseAccessFacts(True, "koulu", assignee_id="rep-1", recusal_tokens=frozenset({token("hr-1")}))
ACCIDENT = CaseAccessFacts(False, "koulu", assignee_id=None, recusal_tokens=frozenset({token("rep-2")}))


@pytest.mark.parametrize(
    ("user_id", "sees"),
    [
        ("rep-1", True),  # assigned
        ("manager-1", True),  # overseer
        ("hr-1", False),  # overseer, but recused
        ("rep-2", False),  # safety representative, not assigned
        ("boss-koulu", False),  # the unit's supervisor never sees harassment
        ("coordinator-1", False),
        ("admin-1", False),
        ("emp-1", False),
    ],
)
def test_who_sees_a_harassment_case(user_id: str, sees: bool) -> None:
    assert may_view_case(viewer(user_id), HARASSMENT) is sees


@pytest.mark.parametrize(
    ("user_id", "sees"),
    [
        ("boss-koulu", True),  # the case's unit
        ("boss-hallinto", False),  # another unit
        ("rep-1", True),
        ("rep-2", False),  # recused
        ("manager-1", True),
        ("hr-1", True),
        ("coordinator-1", False),
        ("admin-1", False),
    ],
)
def test_who_sees_an_ordinary_case(user_id: str, sees: bool) -> None:
    assert may_view_case(viewer(user_id), ACCIDENT) is sees


def test_a_handover_moves_access_with_it() -> None:
    handed_over = CaseAccessFacts(True, "koulu", assignee_id="rep-2", recusal_tokens=frozenset())

    assert may_view_case(viewer("rep-2"), handed_over)
    assert not may_view_case(viewer("rep-1"), handed_over)


def test_a_recused_person_is_recognised_by_token_only() -> None:
    people = {m.user_id: m for m in STAFF}

    assert not may_view_case(Viewer.of_member(people["hr-1"], token("hr-1")), HARASSMENT)
    assert may_view_case(Viewer.of_member(people["manager-1"], token("manager-1")), HARASSMENT)


def test_harassment_handlers_are_the_safety_staff_and_hr_never_supervisors() -> None:
    harassment = report_type_of(tenant_settings(), "harassment")

    chosen = [m.user_id for m in eligible_handlers(STAFF, harassment, "koulu")]

    assert sorted(chosen) == ["hr-1", "manager-1", "rep-1", "rep-2"]


def test_ordinary_handlers_are_the_supervisors_of_the_unit() -> None:
    accident = report_type_of(tenant_settings(), "accident")

    assert [m.user_id for m in eligible_handlers(STAFF, accident, "koulu")] == ["boss-koulu"]
    assert eligible_handlers(STAFF, accident, None) == []


def test_an_assigned_supervisor_loses_an_ordinary_case_with_the_unit() -> None:
    from workwell.domain.cases.case_access import CaseAccessFacts, Viewer, case_actor
    from workwell.domain.staff.roles import Role

    case = CaseAccessFacts(restricted=False, unit="koulu", assignee_id="boss", recusal_tokens=frozenset())
    supervising = Viewer("boss", frozenset({Role.SUPERVISOR}), frozenset({"koulu"}), "t")
    moved_on = Viewer("boss", frozenset({Role.SUPERVISOR}), frozenset({"hallinto"}), "t")

    assert case_actor(supervising, case) == "assignee"
    assert case_actor(moved_on, case) is None
