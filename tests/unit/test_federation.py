from __future__ import annotations

import json

import pytest

from workwell.domain.staff.federation import SignInRefused, parse_provider_tenants, tenant_for_sign_in

PROVIDERS = {"KokkolaAD": "kokkola", "IiSAML": "ii"}


def federated(provider: str, **attributes: str) -> dict[str, str]:
    return {"identities": json.dumps([{"providerName": provider, "providerType": "SAML"}]), **attributes}


def test_a_federated_user_gets_the_tenant_of_their_provider_whatever_it_asserts() -> None:
    assert tenant_for_sign_in(federated("IiSAML", **{"custom:tenant": "kokkola"}), PROVIDERS) == "ii"


@pytest.mark.parametrize(
    "attributes",
    [
        federated("UnknownIdP", **{"custom:tenant": "kokkola"}),
        {"identities": "not json"},
        {"identities": json.dumps([{"providerName": "KokkolaAD"}, {"providerName": "IiSAML"}])},
        {},
        {"custom:tenant": "Not A Slug"},
    ],
)
def test_a_sign_in_without_exactly_one_tenant_is_refused(attributes: dict[str, str]) -> None:
    with pytest.raises(SignInRefused):
        tenant_for_sign_in(attributes, PROVIDERS)


def test_a_user_created_by_an_administrator_keeps_the_tenant_set_for_them() -> None:
    assert tenant_for_sign_in({"custom:tenant": "vaala"}, PROVIDERS) == "vaala"


def test_provider_tenants_are_parsed_strictly() -> None:
    assert parse_provider_tenants(" KokkolaAD=kokkola , IiSAML=ii ") == PROVIDERS
    assert parse_provider_tenants("") == {}
    for bad in ("KokkolaAD", "KokkolaAD=Kokkola", "A=ii,A=vaala", "=ii"):
        with pytest.raises(ValueError, match="pairs"):
            parse_provider_tenants(bad)
