"""What the survey's use cases are given by the function's composition root."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workwell.domain.errors import NotFound
from workwell.domain.staff.principal import Principal
from workwell.domain.tenants.tenant_settings import StoredSettings
from workwell.domain.tray.service import Service
from workwell.domain.tray.tray_access import TrayViewer, is_own, offered_to
from workwell.service_layer.pagination import PageRequest
from workwell.service_layer.survey.survey_keys import SurveyKeys
from workwell.service_layer.tray.tray_scope import TrayScopes
from workwell.service_layer.unit_of_work import ServiceQuery, UnitOfWork


@dataclass(frozen=True)
class SurveyPorts:
    uow: Callable[[], UnitOfWork]
    # People's survey keys, made on first use: serving the survey itself needs no KMS client.
    make_keys: Callable[[], SurveyKeys]
    # The tenant's settings, maybe from a short per-container cache: a response reads the
    # period, rules and retention as they are, and conditions on none of them.
    settings_of: Callable[[str], StoredSettings]
    # Published services offered to the person (rollout, audience, scope), maybe cached:
    # recommendations point only at what the person could open and order.
    services_for: Callable[[Principal], Sequence[Service]]

    @functools.cached_property
    def keys(self) -> SurveyKeys:
        return self.make_keys()


def settings_of(tenant_id: str, uow: UnitOfWork) -> StoredSettings:
    stored = uow.settings.get(tenant_id)
    if stored is None:
        raise NotFound("Tenant not found.")
    return stored


_OFFERED_PAGE = 100
# Every published service is considered (a rule may name one on any page), up to a bound a
# municipality's tray is far below; the result is cached per tenant and group.
_OFFERED_PAGES = 20


def offered_services(principal: Principal, scopes: TrayScopes, uow: UnitOfWork) -> list[Service]:
    """Published services people of the principal's tenant and employee group could open in
    the tray now (the same for all of them, so it may be cached by tenant and group): none
    while the tray is not open to the group."""
    scope = scopes.scope_of(principal.tenant_id)
    if principal.identity.group not in scope.tray.rollout.open_groups:
        return []
    viewer = TrayViewer(principal, scope.tenant_groups)
    query = ServiceQuery(
        tenant_id=principal.tenant_id,
        tenant_groups=scope.tenant_groups,
        viewer_group=principal.identity.group,
    )
    offered: list[Service] = []
    after = None
    for _ in range(_OFFERED_PAGES):
        page = uow.tray.browse(query, PageRequest(_OFFERED_PAGE, after))
        offered += [s.service for s in page.items if offered_to(viewer, s.service)]
        after = page.next_position
        if after is None:
            break
    return offered


def suggestible_services(principal: Principal, ports: SurveyPorts) -> list[Service]:
    """What may be recommended to this person: offered to them, and not their own."""
    return [s for s in ports.services_for(principal) if not is_own(principal, s)]
