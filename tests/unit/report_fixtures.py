"""A small tenant with people in every role, for the report and case use cases."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from tests.conftest import make_principal
from tests.unit.fakes import Store
from tests.unit.test_tenant_settings import settings_data
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext, PublicCallContext
from workwell.service_layer.creation_token import CreationToken

TENANT = "testi"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday


def tenant_settings(**overrides: Any) -> TenantSettings:
    data = settings_data(
        units=[{"id": "hallinto", "name": {"fi": "Hallinto"}}, {"id": "koulu", "name": {"fi": "Koulu"}}],
        reportTypes=[
            {"key": "harassment", "anonymousAllowed": True},
            {"key": "accident"},
            {"key": "near_miss", "anonymousAllowed": True},
            {"key": "violence_threat", "enabled": False},
        ],
    )
    data.update(overrides)
    return TenantSettings.model_validate(data)


def member(user_id: str, *roles: str, units: tuple[str, ...] = ()) -> StaffMember:
    return StaffMember.model_validate(
        {
            "userId": user_id,
            "name": user_id.title(),
            "email": f"{user_id}@test.example",
            "roles": list(roles),
            "supervisedUnits": list(units),
        }
    )


STAFF = [
    member("rep-1", "safety_representative"),
    member("rep-2", "safety_representative"),
    member("manager-1", "safety_manager"),
    member("hr-1", "hr_director"),
    member("boss-koulu", "supervisor", units=("koulu",)),
    member("boss-hallinto", "supervisor", units=("hallinto",)),
    member("coordinator-1", "wellbeing_coordinator"),
    member("admin-1", "tenant_admin"),
]


def populated_store(settings: TenantSettings | None = None) -> Store:
    store = Store()
    store.put_settings(TENANT, settings or tenant_settings(), 1)
    for m in STAFF:
        store.staff[(TENANT, m.user_id)] = Versioned(m, 1)
    return store


def principal_of(user_id: str, unit: str | None = "koulu") -> Principal:
    """The principal as the staff directory makes it (employee if not in it)."""
    staff = {m.user_id: m for m in STAFF}.get(user_id)
    base = make_principal(tenant_id=TENANT, user_id=user_id)
    identity = base.identity.__class__(**{**base.identity.__dict__, "unit": unit})
    if staff is None:
        return Principal(identity=identity)
    return Principal(
        identity=identity,
        roles=frozenset({Role.EMPLOYEE, *staff.roles}),
        supervised_units=frozenset(staff.supervised_units),
    )


def signed_in(user_id: str = "emp-1", unit: str | None = "koulu", now: datetime = NOW) -> CallContext:
    return CallContext(principal=principal_of(user_id, unit), request_id="req-1", now=now)


def anonymous(now: datetime = NOW) -> PublicCallContext:
    return PublicCallContext(tenant_id=TENANT, request_id="req-anon", now=now)


def new_token(key: str | None = None, payload: str = "payload") -> CreationToken:
    """A request's creation token, as the idempotency layer derives it."""
    return CreationToken(key=key or uuid.uuid4().hex, payload_digest=payload)
