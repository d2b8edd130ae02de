from __future__ import annotations

import pytest

from workwell.api.claims import identity_from_claims
from workwell.domain.errors import Unauthenticated

CLAIMS = {
    "sub": "user-1",
    "email": "a@kokkola.example",
    "name": "Aino",
    "custom:tenant": "kokkola",
    "custom:unit": "sivistys",
    "custom:group": "opetus",
    "custom:lang": "sv",
}


def test_identity_comes_from_the_verified_claims() -> None:
    identity = identity_from_claims(CLAIMS)

    assert (identity.user_id, identity.tenant_id, identity.unit, identity.group, identity.language) == (
        "user-1",
        "kokkola",
        "sivistys",
        "opetus",
        "sv",
    )


@pytest.mark.parametrize(
    "claims",
    [
        None,
        {},
        {k: v for k, v in CLAIMS.items() if k != "custom:tenant"},
        {k: v for k, v in CLAIMS.items() if k != "sub"},
        {**CLAIMS, "custom:tenant": "TENANT#vaala"},
        {**CLAIMS, "custom:tenant": "kokkola#x"},
        {**CLAIMS, "sub": ".."},
        {**CLAIMS, "sub": "USER#kokkola#x"},
    ],
)
def test_claims_without_a_valid_tenant_or_subject_are_unauthenticated(claims: dict[str, str] | None) -> None:
    with pytest.raises(Unauthenticated):
        identity_from_claims(claims)


def test_an_unknown_language_is_left_for_the_tenant_default() -> None:
    assert identity_from_claims({**CLAIMS, "custom:lang": "de"}).language == ""
