"""Admin function: my profile, tenant settings, staff directory. The composition root:
it reads settings, builds adapters and hands them to the use cases."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import os
from typing import Annotated, Literal

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers
from aws_lambda_powertools.utilities.typing import LambdaContext

from workwell.adapters.signed_cursor import MAX_CURSOR_LENGTH, LazyCursorCodec
from workwell.api.call_contexts import call_context_for, principal_for, refresh_roles_after_conflict
from workwell.api.documented_responses import Access, documented
from workwell.api.observability import traced, tracing_enabled
from workwell.api.resolver_setup import configure_resolver, request_body_gate
from workwell.api.schemas.administration import (
    MeResponse,
    PutStaffMemberRequest,
    RefusedReadsResponse,
    RoleChangeListResponse,
    RoleChangeResponse,
    StaffListResponse,
    StaffMemberResponse,
    TenantSettingsResponse,
    UpdateTenantSettingsRequest,
)
from workwell.bootstrap import Bootstrap
from workwell.config import AdminSettings
from workwell.domain.identifiers import USER_ID_PATTERN
from workwell.domain.staff.principal import Principal
from workwell.domain.staff.role_grants import ROLE_CHANGE_ID_PATTERN, GrantDecision
from workwell.service_layer.call_context import CallContext
from workwell.service_layer.cases import oversight
from workwell.service_layer.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from workwell.service_layer.staff import staff_roles
from workwell.service_layer.staff.staff_roles import RoleChangeView
from workwell.service_layer.tenants import administration

logger = Logger()
metrics = Metrics()
copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})

# The composition root: every port built from the settings on first use, then kept for the
# life of the container (workwell.bootstrap). Tests may fill ports with fakes before that.
bootstrap = Bootstrap(lambda: AdminSettings.from_environment(os.environ))

app = APIGatewayRestResolver(enable_validation=True)
configure_resolver(app)
refresh_roles_after_conflict(app, lambda: bootstrap.staff_lookup)

USER_ID = Annotated[str, Path(pattern=USER_ID_PATTERN)]
LIMIT = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
CURSOR = Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH)]
GRANT_ID = Annotated[str, Path(pattern=ROLE_CHANGE_ID_PATTERN)]
GRANT_STATUS = Annotated[Literal["pending"] | None, Query()]


def current_principal() -> Principal:
    return principal_for(app, bootstrap.staff_lookup, logger)


def call_context() -> CallContext:
    return call_context_for(app, current_principal(), bootstrap.clock.now())


@app.get("/me", **documented(Access.SIGNED_IN, inputs=False, finds=True))
def get_me() -> MeResponse:
    profile = administration.describe_me(call_context(), bootstrap.uow())
    return MeResponse.of(profile)


@app.get("/tenant/settings", **documented(Access.ROLE_GATED, inputs=False, finds=True))
def get_tenant_settings() -> TenantSettingsResponse:
    return TenantSettingsResponse.of(administration.get_tenant_settings(current_principal(), bootstrap.uow()))


@app.put("/tenant/settings", **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True))
def put_tenant_settings(body: UpdateTenantSettingsRequest) -> TenantSettingsResponse:
    saved = administration.update_tenant_settings(
        call_context(), body.settings, body.expected_version, bootstrap.uow()
    )
    return TenantSettingsResponse.of(saved)


@app.get("/staff", **documented(Access.ROLE_GATED, paged=True))
def get_staff(limit: LIMIT = DEFAULT_PAGE_SIZE, cursor: CURSOR = None) -> StaffListResponse:
    page = administration.list_staff(
        call_context(), limit, cursor, LazyCursorCodec(lambda: bootstrap.cursors), bootstrap.uow()
    )
    return StaffListResponse(
        items=[StaffMemberResponse.from_versioned(e) for e in page.items], next_cursor=page.next_cursor
    )


@app.put("/staff/<userId>", **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True))
def put_staff(userId: USER_ID, body: PutStaffMemberRequest) -> StaffMemberResponse:  # noqa: N803 (path name)
    ctx = call_context()
    saved = staff_roles.put_staff_member(ctx, userId, body, body.expected_version, bootstrap.uow())
    bootstrap.staff_lookup.forget(ctx.principal.tenant_id, userId)
    return StaffMemberResponse.from_versioned(saved)


@app.delete("/staff/<userId>", **documented(Access.ROLE_GATED, success=204, finds=True, conflicts=True))
def delete_staff(userId: USER_ID) -> Response[str]:  # noqa: N803 (path name)
    ctx = call_context()
    staff_roles.remove_staff_member(ctx, userId, bootstrap.uow())
    bootstrap.staff_lookup.forget(ctx.principal.tenant_id, userId)
    return Response(status_code=204, body="")


@app.get("/staff/grants", **documented(Access.ROLE_GATED, paged=True))
def get_role_changes(
    status: GRANT_STATUS = None, limit: LIMIT = DEFAULT_PAGE_SIZE, cursor: CURSOR = None
) -> RoleChangeListResponse:
    page = staff_roles.role_change_history(
        call_context(),
        pending_only=status == "pending",
        limit=limit,
        cursor=cursor,
        cursors=LazyCursorCodec(lambda: bootstrap.cursors),
        uow=bootstrap.uow(),
    )
    return RoleChangeListResponse(
        items=[RoleChangeResponse.of(v) for v in page.items], next_cursor=page.next_cursor
    )


# No body is read, but the request-body gate still answers a POST's body or content type.
@app.post(
    "/staff/grants/<grantId>/confirmation",
    **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True),
)
def confirm_grant(grantId: GRANT_ID) -> RoleChangeResponse:  # noqa: N803 (path name)
    return _decide(grantId, GrantDecision.CONFIRM)


@app.post(
    "/staff/grants/<grantId>/rejection",
    **documented(Access.ROLE_GATED, body=True, finds=True, conflicts=True),
)
def reject_grant(grantId: GRANT_ID) -> RoleChangeResponse:  # noqa: N803 (path name)
    return _decide(grantId, GrantDecision.REJECT)


def _decide(grant_id: str, decision: GrantDecision) -> RoleChangeResponse:
    ctx = call_context()
    decided = staff_roles.decide_grant(ctx, grant_id, decision, bootstrap.uow())
    bootstrap.staff_lookup.forget(ctx.tenant_id, decided.user_id)
    return RoleChangeResponse.of(RoleChangeView(decided, decided.status, ()))


@app.get("/staff/refused-reads", **documented(Access.ROLE_GATED, inputs=False))
def get_refused_reads() -> RefusedReadsResponse:
    counts = oversight.refused_reads(call_context(), bootstrap.uow())
    return RefusedReadsResponse.of(counts)


@cold_start.after_first_answer
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
@traced(enabled=tracing_enabled(os.environ))
@metrics.log_metrics
# Tenant settings are the largest body here: up to 500 units and 100 groups in three languages.
@request_body_gate(max_bytes=256 * 1024)
def lambda_handler(event: dict[str, object], context: LambdaContext) -> dict[str, object]:
    return app.resolve(event, context)
