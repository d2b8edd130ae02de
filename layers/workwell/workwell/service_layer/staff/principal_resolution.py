"""Turn a verified identity into a principal: roles only from the staff directory."""

from __future__ import annotations

from typing import Protocol

from workwell.domain.staff.principal import Identity, Principal
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.versioned import Versioned


class StaffLookup(Protocol):
    def find(self, tenant_id: str, user_id: str) -> Versioned[StaffMember] | None: ...


def resolve_principal(identity: Identity, staff: StaffLookup) -> Principal:
    entry = staff.find(identity.tenant_id, identity.user_id)
    if entry is None:
        return Principal(identity=identity)
    return Principal(
        identity=identity,
        roles=frozenset({Role.EMPLOYEE, *entry.value.roles}),
        supervised_units=frozenset(entry.value.supervised_units),
        staff_version=entry.version,
    )
