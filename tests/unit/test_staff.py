from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from tests.unit.test_tenant_settings import settings_data
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings


def member(**overrides: Any) -> StaffMember:
    data: dict[str, Any] = {
        "userId": "u-1",
        "name": "Liisa",
        "email": "liisa@test.example",
        "roles": ["hr_director"],
    }
    data.update(overrides)
    return StaffMember.model_validate(data)


def test_a_staff_member_holds_privileged_roles() -> None:
    assert member().roles == frozenset({Role.HR_DIRECTOR})


@pytest.mark.parametrize(
    "overrides",
    [
        {"roles": ["employee"]},
        {"roles": ["tenant_admin", "hr_director"]},
        {"roles": ["tenant_admin", "safety_representative"]},
        {"roles": ["superuser"]},
        {"roles": ["supervisor"]},
        {"roles": ["hr_director"], "supervisedUnits": ["hallinto"]},
        {"email": "not-an-email"},
        {"userId": "has space"},
    ],
)
def test_invalid_staff_entries_are_refused(overrides: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        member(**overrides)


def test_supervised_units_must_exist_in_the_tenant() -> None:
    settings = TenantSettings.model_validate(settings_data())
    supervisor = member(roles=["supervisor"], supervisedUnits=["hallinto", "missing"])

    problems = supervisor.problems_against(settings)

    assert [(p.loc, p.msg) for p in problems] == [
        (("supervisedUnits", 1), "unit does not exist in this tenant")
    ]
