"""Demo people of the provisioned tenants, for local sign-in and tests."""

from __future__ import annotations

from infra.local.local_tokens import DemoIdentity
from infra.tenants.definitions import Definitions


def demo_identities(definitions: Definitions) -> dict[str, DemoIdentity]:
    return {
        person.user_id: DemoIdentity(
            user_id=person.user_id,
            tenant_id=tenant.tenant_id,
            name=person.name,
            email=str(person.email),
            unit=person.unit,
            group=person.group,
            language=person.language,
        )
        for tenant in definitions.tenants
        for person in tenant.people
    }
