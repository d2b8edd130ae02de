"""Sign-in through the local gateway: tokens verified like the Cognito authorizer."""

from __future__ import annotations

import time
from typing import Any

import jwt
import pytest
from chalice.test import Client

from infra.local.local_tokens import DemoIdentity, LocalTokenIssuer
from tests.conftest import Caller, json_body


def test_me_with_a_signed_demo_token_returns_tenant_and_roles(as_person: Any) -> None:
    response = as_person("kokkola-safetyrep-liisa").request("GET", "/me")

    assert response.status_code == 200
    body = json_body(response)
    assert (body["tenant"]["id"], body["roles"]) == ("kokkola", ["employee", "safety_representative"])
    assert body["tenant"]["languages"] == ["fi", "sv"]
    assert response.headers["Cache-Control"] == "no-store"
    assert "opetus" in [g["id"] for g in body["tenant"]["employeeGroups"]]
    # Tenant groups are what a coordinator's service form offers; nobody else is told.
    assert body["tenant"]["tenantGroups"] == []


def test_me_tells_a_coordinator_the_tenant_groups_to_share_services_in(as_person: Any) -> None:
    coordinator = json_body(as_person("oulunkaari-coordinator-1").request("GET", "/me"))
    employee = json_body(as_person("oulunkaari-employee-1").request("GET", "/me"))

    assert coordinator["tenant"]["tenantGroups"] == ["oulunkaari-region"]
    assert employee["tenant"]["tenantGroups"] == []


def _tampered(token: str) -> str:
    header, _, signature = token.split(".")
    claims = jwt.decode(token, options={"verify_signature": False})
    claims["custom:tenant"] = "vaala"
    forged = jwt.encode(claims, "not-the-signing-key-of-the-local-pool", algorithm="HS256").split(".")[1]
    return f"{header}.{forged}.{signature}"


def _tokens(tokens: LocalTokenIssuer, person: DemoIdentity) -> dict[str, str | None]:
    other_issuer = LocalTokenIssuer()
    return {
        "missing": None,
        "expired": tokens.issue(person, lifetime_seconds=60, now=time.time() - 3600),
        "tampered": _tampered(tokens.issue(person)),
        "foreign key": other_issuer.issue(person),
        "garbage": "not-a-jwt",
        "unsigned": jwt.encode({**person.claims(), "exp": time.time() + 60}, key=None, algorithm="none"),  # type: ignore[arg-type]
    }


@pytest.mark.parametrize("kind", ["missing", "expired", "tampered", "foreign key", "garbage", "unsigned"])
def test_a_bad_token_is_401_in_the_api_error_shape(
    gateway: Client, tokens: LocalTokenIssuer, people: dict[str, DemoIdentity], kind: str
) -> None:
    token = _tokens(tokens, people["ii-admin-1"])[kind]

    response = Caller(gateway, token).request("GET", "/me")

    assert response.status_code == 401
    body = json_body(response)
    assert body["error"]["code"] == "unauthenticated"
    assert body["requestId"]
