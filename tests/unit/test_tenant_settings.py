from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from workwell.domain.tenants.tenant_settings import DEFAULT_REPORT_TYPES, TenantSettings


def settings_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": {"fi": "Testikunta"},
        "referencePrefix": "TST",
        "languages": ["fi"],
        "sender": "no-reply@test.example",
        "units": [{"id": "hallinto", "name": {"fi": "Hallinto"}}],
        "employeeGroups": [{"id": "toimisto", "name": {"fi": "Toimisto"}}],
    }
    data.update(overrides)
    return data


def test_defaults_follow_product_rules() -> None:
    settings = TenantSettings.model_validate(settings_data())

    assert settings.minimum_group_size == 5
    assert settings.deadlines.acknowledge_days == 7
    assert settings.deadlines.start_investigation_days == 14
    assert settings.deadlines.feedback_months == 3
    assert settings.deadlines.ordinary_handling_working_days == 10
    assert settings.retention.report_days_after_closing == 730
    assert settings.retention.survey_answer_days == 1095
    assert tuple(t.key for t in settings.report_types) == DEFAULT_REPORT_TYPES


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"units": [{"id": "a", "name": {"fi": "A"}}, {"id": "a", "name": {"fi": "B"}}]}, "units"),
        ({"rollout": {"openGroups": ["nobody"]}}, "openGroups"),
        ({"name": {"sv": "Testkommun"}}, "first language"),
        ({"minimumGroupSize": 2}, "minimumGroupSize"),
        ({"referencePrefix": "kok"}, "referencePrefix"),
        ({"languages": []}, "languages"),
        ({"languages": ["fi", "de"]}, "languages"),
        ({"tenantId": "vaala"}, "tenantId"),
        ({"retention": {"reportDaysAfterClosing": 5000}}, "reportDaysAfterClosing"),
    ],
)
def test_invalid_settings_are_refused_naming_the_field(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        TenantSettings.model_validate(settings_data(**overrides))

    assert field in str(raised.value)


def test_validation_errors_do_not_echo_input() -> None:
    with pytest.raises(ValidationError) as raised:
        TenantSettings.model_validate(settings_data(referencePrefix="SECRET-VALUE-123"))

    assert "SECRET-VALUE-123" not in str(raised.value)


def test_tray_is_open_only_for_rollout_groups() -> None:
    settings = TenantSettings.model_validate(settings_data(rollout={"openGroups": ["toimisto"]}))

    assert settings.tray_open_for("toimisto")
    assert not settings.tray_open_for("hoito")
    assert not settings.tray_open_for(None)


@pytest.mark.parametrize("group_id", ["-", "-toimisto"])
def test_an_employee_group_id_begins_with_a_letter_or_digit(group_id: str) -> None:
    # "-" is the survey's row of people without a group: a group of that name would join it.
    with pytest.raises(ValidationError) as refused:
        TenantSettings.model_validate(settings_data(employeeGroups=[{"id": group_id, "name": {"fi": "X"}}]))
    assert refused.value.errors()[0]["loc"] == ("employeeGroups", 0, "id")


def test_an_employee_group_id_may_hold_a_dash_after_its_first_character() -> None:
    settings = TenantSettings.model_validate(
        settings_data(employeeGroups=[{"id": "ateria-ja-puhtaus", "name": {"fi": "X"}}])
    )
    assert [g.id for g in settings.employee_groups] == ["ateria-ja-puhtaus"]
