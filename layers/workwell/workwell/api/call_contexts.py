"""Who is calling, for the handlers: a principal from the authorizer's verified claims and
the staff directory, or an anonymous caller of one tenant's public routes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware

from workwell.api.claims import identity_from_claims
from workwell.domain.errors import Conflict, RolesChanged
from workwell.domain.staff.principal import Principal
from workwell.service_layer.call_context import CallContext, PublicCallContext
from workwell.service_layer.staff.principal_resolution import StaffLookup, resolve_principal


def principal_for(app: APIGatewayRestResolver, staff: StaffLookup, logger: Logger) -> Principal:
    identity = identity_from_claims(app.current_event.request_context.authorizer.claims)
    logger.append_keys(tenant_id=identity.tenant_id)
    return resolve_principal(identity, staff)


class _ForgetsEntries(Protocol):
    def forget(self, tenant_id: str, user_id: str) -> None: ...


def refresh_roles_after_conflict(app: APIGatewayRestResolver, staff: Callable[[], _ForgetsEntries]) -> None:
    """A commit conditional on the caller's staff entry (caller_roles) fails when the entry
    changed since it was cached: drop the caller's cached entry, so that a retry acts on the
    roles as they are now, and a role revoked stays revoked in this container too."""

    def forget_caller(app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response[Any]:
        try:
            return next_middleware(app)
        except (Conflict, RolesChanged):
            claims = app.current_event.request_context.authorizer.claims or {}
            tenant_id, user_id = claims.get("custom:tenant"), claims.get("sub")
            if isinstance(tenant_id, str) and isinstance(user_id, str):
                staff().forget(tenant_id, user_id)
            raise

    app.use(middlewares=[forget_caller])


def call_context_for(app: APIGatewayRestResolver, principal: Principal, now: datetime) -> CallContext:
    return CallContext(principal=principal, request_id=app.current_event.request_context.request_id, now=now)


def public_context_for(
    app: APIGatewayRestResolver, tenant_id: str, now: datetime, logger: Logger
) -> PublicCallContext:
    """The tenant comes from the path and widens nothing: public routes only ever allow
    what an anonymous reporter may do."""
    logger.append_keys(tenant_id=tenant_id)
    return PublicCallContext(
        tenant_id=tenant_id, request_id=app.current_event.request_context.request_id, now=now
    )
