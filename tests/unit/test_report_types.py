from __future__ import annotations

import pytest
from pydantic import ValidationError

from tests.unit.report_fixtures import tenant_settings
from tests.unit.test_tenant_settings import settings_data
from workwell.domain.errors import InvalidInput, NotFound
from workwell.domain.reports.report_types import CATALOGUE, report_type_of, report_types_of
from workwell.domain.staff.roles import Role
from workwell.domain.tenants.tenant_settings import DEFAULT_REPORT_TYPES, TenantSettings


def test_every_default_type_has_labels_and_fields_in_all_three_languages() -> None:
    assert set(CATALOGUE) == set(DEFAULT_REPORT_TYPES)
    for definition in CATALOGUE.values():
        assert set(definition.label) == {"fi", "sv", "en"}
        for field in definition.fields:
            assert set(field.label) == {"fi", "sv", "en"}
            assert all(set(o.label) == {"fi", "sv", "en"} for o in field.options)


def test_harassment_is_restricted_and_asks_what_the_reporter_hopes_for() -> None:
    harassment = CATALOGUE["harassment"]

    assert harassment.restricted
    assert not CATALOGUE["accident"].restricted
    keys = [f.key for f in harassment.fields]
    assert keys == [
        "whatHappened",
        "when",
        "where",
        "peopleInvolved",
        "witnesses",
        "toldUnwanted",
        "hopedOutcome",
    ]


def test_a_switched_off_type_is_neither_listed_nor_found() -> None:
    settings = tenant_settings()

    assert "violence_threat" not in [t.key for t in report_types_of(settings)]
    with pytest.raises(NotFound):
        report_type_of(settings, "violence_threat")


def test_anonymous_reporters_get_only_types_that_allow_them() -> None:
    settings = tenant_settings()

    assert report_type_of(settings, "near_miss", anonymous=True).key == "near_miss"
    with pytest.raises(NotFound, match="cannot be sent anonymously; sign in"):
        report_type_of(settings, "accident", anonymous=True)
    with pytest.raises(NotFound, match="not found"):
        report_type_of(settings, "gossip", anonymous=True)


def test_handler_roles_and_retention_default_to_the_type_and_the_tenant() -> None:
    settings = tenant_settings()

    harassment = report_type_of(settings, "harassment")
    accident = report_type_of(settings, "accident")

    assert harassment.handler_roles == {Role.SAFETY_REPRESENTATIVE, Role.SAFETY_MANAGER, Role.HR_DIRECTOR}
    assert accident.handler_roles == {Role.SUPERVISOR}
    assert harassment.retention_days_after_closing == 730


def test_a_tenant_can_narrow_harassment_handlers_but_never_widen_them() -> None:
    narrowed = tenant_settings(reportTypes=[{"key": "harassment", "handlerRoles": ["hr_director"]}])
    assert report_type_of(narrowed, "harassment").handler_roles == {Role.HR_DIRECTOR}

    with pytest.raises(ValidationError, match="handlerRoles"):
        tenant_settings(reportTypes=[{"key": "harassment", "handlerRoles": ["supervisor"]}])
    with pytest.raises(ValidationError, match="handlerRoles"):
        tenant_settings(reportTypes=[{"key": "accident", "handlerRoles": ["tenant_admin"]}])


def test_unknown_report_type_keys_are_refused_in_settings() -> None:
    with pytest.raises(ValidationError) as refused:
        TenantSettings.model_validate(settings_data(reportTypes=[{"key": "gossip"}]))

    assert refused.value.errors()[0]["loc"] == ("reportTypes", 0, "key")


def test_answers_are_checked_field_by_field_and_every_problem_is_named() -> None:
    harassment = report_type_of(tenant_settings(), "harassment")

    with pytest.raises(InvalidInput) as refused:
        harassment.validate_answers(
            {"whatHappened": "  ", "where": "x" * 301, "toldUnwanted": "maybe", "mood": "bad"}
        )

    problems = {d.loc: d.msg for d in refused.value.details}
    assert problems == {
        ("body", "answers", "mood"): "is not a field of this report type; fields: whatHappened, when, "
        "where, peopleInvolved, witnesses, toldUnwanted, hopedOutcome",
        ("body", "answers", "whatHappened"): "is required",
        ("body", "answers", "where"): "must be at most 300 characters",
        ("body", "answers", "toldUnwanted"): "must be one of yes, no, not_possible",
    }
    # Error messages name the rule, never the value sent.
    assert all("maybe" not in d.msg and "bad" not in d.msg for d in refused.value.details)


def test_valid_answers_are_trimmed_and_empty_optional_ones_dropped() -> None:
    harassment = report_type_of(tenant_settings(), "harassment")

    accepted = harassment.validate_answers({"whatHappened": "  Hän huusi minulle.  ", "witnesses": ""})

    assert accepted == {"whatHappened": "Hän huusi minulle."}
