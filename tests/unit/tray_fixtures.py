"""Three tenants for the tray's use cases: Oulunkaari and Vaala in the Oulunkaari region
group, Kokkola in none; the tray open to early-childhood staff (and Kokkola's teachers)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from tests.unit.fakes import Store
from tests.unit.test_tenant_settings import settings_data
from workwell.domain.staff.principal import Identity, Principal
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.domain.tray.service import ServiceDetails
from workwell.domain.versioned import Versioned
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.creation_token import CreationToken
from workwell.service_layer.unit_of_work import RegistryEntry

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
REGION = "oulunkaari-region"
GROUPS = [
    {"id": "varhaiskasvatus", "name": {"fi": "Varhaiskasvatus"}},
    {"id": "hallinto", "name": {"fi": "Hallinto"}},
    {"id": "opetus", "name": {"fi": "Opetus"}},
]


def tenant_settings(name: str, prefix: str, open_groups: list[str]) -> TenantSettings:
    return TenantSettings.model_validate(
        settings_data(
            name={"fi": name},
            referencePrefix=prefix,
            units=[
                {"id": "paivakoti", "name": {"fi": "Päiväkoti"}},
                {"id": "hallinto", "name": {"fi": "Hallinto"}},
            ],
            employeeGroups=GROUPS,
            rollout={"openGroups": open_groups},
        )
    )


def staff(user_id: str, *roles: str, units: tuple[str, ...] = ()) -> StaffMember:
    return StaffMember.model_validate(
        {
            "userId": user_id,
            "name": user_id.title(),
            "email": f"{user_id}@test.example",
            "roles": list(roles),
            "supervisedUnits": list(units),
        }
    )


STAFF = {
    "oulunkaari": [
        staff("koordinaattori-o", "wellbeing_coordinator"),
        staff("psykologi-o", "supervisor", units=("hallinto",)),
        staff("esihenkilo-o", "supervisor", units=("paivakoti",)),
        staff("admin-o", "tenant_admin"),
    ],
    "vaala": [staff("koordinaattori-v", "wellbeing_coordinator")],
    "kokkola": [staff("koordinaattori-k", "wellbeing_coordinator")],
}


def tray_store() -> Store:
    store = Store()
    store.put_settings("oulunkaari", tenant_settings("Oulunkaari", "OKA", ["varhaiskasvatus"]))
    store.put_settings("vaala", tenant_settings("Vaala", "VAA", ["varhaiskasvatus"]))
    store.put_settings("kokkola", tenant_settings("Kokkola", "KOK", ["varhaiskasvatus", "opetus"]))
    store.registry["oulunkaari"] = RegistryEntry((REGION,), True)
    store.registry["vaala"] = RegistryEntry((REGION,), True)
    store.registry["kokkola"] = RegistryEntry((), True)
    for tenant, members in STAFF.items():
        for m in members:
            store.staff[(tenant, m.user_id)] = Versioned(m, 1)
    return store


def person(
    tenant: str, user_id: str, group: str | None = "varhaiskasvatus", unit: str | None = "paivakoti"
) -> Principal:
    entry = next((m for m in STAFF.get(tenant, []) if m.user_id == user_id), None)
    identity = Identity(
        user_id=user_id,
        tenant_id=tenant,
        email=f"{user_id}@test.example",
        name=None,
        unit=unit,
        group=group,
        language="fi",
    )
    if entry is None:
        return Principal(identity)
    return Principal(identity, frozenset({Role.EMPLOYEE, *entry.roles}), frozenset(entry.supervised_units), 1)


def ctx(tenant: str, user_id: str, **kwargs: Any) -> CallContext:
    return CallContext(person(tenant, user_id, **kwargs), "req-1", NOW)


def details(**overrides: Any) -> ServiceDetails:
    data: dict[str, Any] = {
        "title": {"fi": "Taidelähtöinen työhyvinvointi", "sv": "Konstbaserat välmående i arbetet"},
        "description": {
            "fi": "Työpajoja, joissa käytetään taidelähtöisiä menetelmiä työhyvinvoinnin tukena.",
            "sv": "Verkstäder där konstbaserade metoder stöder välmåendet på jobbet.",
        },
        "category": "community",
        "kind": "new",
        "provider": {"organisation": "Oulunkaaren kuntayhtymä"},
        "format": "in_person",
        "place": "Ii, kunnantalo",
        "onRequest": True,
        "capacity": 10,
    }
    data.update(overrides)
    return ServiceDetails.model_validate(data)


def token(key: str | None = None, payload: str = "payload") -> CreationToken:
    return CreationToken(key=key or uuid.uuid4().hex, payload_digest=payload)
