"""The tenant's settings, or not found: a token or path for a tenant that is not provisioned
has nothing here to see."""

from __future__ import annotations

from workwell.domain.errors import NotFound
from workwell.domain.tenants.tenant_settings import StoredSettings
from workwell.service_layer.unit_of_work import UnitOfWork


def settings_of(tenant_id: str, uow: UnitOfWork) -> StoredSettings:
    """Every part, each with its version: a use case conditions on the parts it decided on."""
    current = uow.settings.get(tenant_id)
    if current is None:
        raise NotFound("Tenant not found.")
    return current
