"""Who is calling, for the handlers: a principal from the authorizer's verified claims and
the staff directory, or an anonymous caller of one tenant's public routes."""

from __future__ import annotations

from datetime import datetime

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayRestResolver

from workwell.api.claims import identity_from_claims
from workwell.domain.principal import Principal
from workwell.service_layer.call_context import CallContext, PublicCallContext
from workwell.service_layer.principal_resolution import StaffLookup, resolve_principal


def principal_for(app: APIGatewayRestResolver, staff: StaffLookup, logger: Logger) -> Principal:
    identity = identity_from_claims(app.current_event.request_context.authorizer.claims)
    logger.append_keys(tenant_id=identity.tenant_id)
    return resolve_principal(identity, staff)


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
