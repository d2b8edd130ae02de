"""The Cognito pre-token-generation trigger, as Cognito invokes it."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from infra.local.aws_resources import LocalResources
from infra.local.function_host import FunctionHost
from infra.local.template_model import Template
from tests.conftest import LOCAL_ENVIRONMENT


@pytest.fixture
def trigger_host(aws: LocalResources, template: Template) -> FunctionHost:
    resources = copy.deepcopy(aws)
    resources.refs["IdentityProviderTenants"] = "KokkolaAD=kokkola,IiSAML=ii"
    return FunctionHost(template, resources, LOCAL_ENVIRONMENT)


def trigger_event(attributes: dict[str, str]) -> dict[str, Any]:
    return {
        "version": "1",
        "triggerSource": "TokenGeneration_HostedAuth",
        "region": "eu-north-1",
        "userPoolId": "eu-north-1_test",
        "userName": "someone",
        "callerContext": {"awsSdkVersion": "1", "clientId": "client"},
        "request": {"userAttributes": attributes, "groupConfiguration": {}},
        "response": {"claimsOverrideDetails": None},
    }


def test_the_id_token_gets_the_tenant_of_the_identity_provider(trigger_host: FunctionHost) -> None:
    attributes = {
        "sub": "u-1",
        "custom:tenant": "kokkola",  # what a hostile provider might assert
        "identities": json.dumps([{"providerName": "IiSAML", "providerType": "SAML"}]),
    }

    result = trigger_host.invoke("IdentityFunction", trigger_event(attributes))

    assert result["response"]["claimsOverrideDetails"]["claimsToAddOrOverride"] == {"custom:tenant": "ii"}


def test_a_provider_without_a_tenant_cannot_sign_anyone_in(trigger_host: FunctionHost) -> None:
    attributes = {
        "sub": "u-1",
        "identities": json.dumps([{"providerName": "Elsewhere", "providerType": "SAML"}]),
    }

    with pytest.raises(Exception, match="not linked"):
        trigger_host.invoke("IdentityFunction", trigger_event(attributes))
