"""Turn a verified identity into a principal: roles only from the staff directory."""

from __future__ import annotations

from typing import Protocol

from workwell.domain.principal import Identity, Principal
from workwell.domain.roles import Role
from workwell.domain.staff import StaffMember


class StaffLookup(Protocol):
    def find(self, tenant_id: str, user_id: str) -> StaffMember | None: ...


def resolve_principal(identity: Identity, staff: StaffLookup) -> Principal:
    member = staff.find(identity.tenant_id, identity.user_id)
    if member is None:
        return Principal(identity=identity)
    return Principal(
        identity=identity,
        roles=frozenset({Role.EMPLOYEE, *member.roles}),
        supervised_units=frozenset(member.supervised_units),
    )
