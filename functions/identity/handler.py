"""Cognito pre-token-generation trigger: puts the tenant into the ID token, derived from the
identity provider the person signed in through (domain/staff/federation.py). Composition root."""

from __future__ import annotations

# First of all: in a Lambda runtime this pauses garbage collection through the cold start.
from workwell import cold_start

# isort: split

import functools
import os

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.data_classes import event_source
from aws_lambda_powertools.utilities.data_classes.cognito_user_pool_event import (
    PreTokenGenerationTriggerEvent,
)
from aws_lambda_powertools.utilities.typing import LambdaContext

from workwell.config import IdentitySettings
from workwell.domain.staff.federation import SignInRefused, parse_provider_tenants, tenant_for_sign_in

logger = Logger()


@functools.cache
def provider_tenants() -> dict[str, str]:
    return parse_provider_tenants(IdentitySettings.from_environment(os.environ).identity_provider_tenants)


@cold_start.after_first_answer
@logger.inject_lambda_context(clear_state=True)
@event_source(data_class=PreTokenGenerationTriggerEvent)
def lambda_handler(event: PreTokenGenerationTriggerEvent, context: LambdaContext) -> dict[str, object]:
    try:
        tenant = tenant_for_sign_in(event.request.user_attributes, provider_tenants())
    except SignInRefused as refusal:
        # Failing the trigger fails the sign-in; the reason names no person.
        logger.warning("sign-in refused", extra={"reason": str(refusal), "trigger": event.trigger_source})
        raise
    event.response.claims_override_details.claims_to_add_or_override = {"custom:tenant": tenant}
    logger.info("sign-in linked to tenant", extra={"tenant_id": tenant})
    return event.raw_event
