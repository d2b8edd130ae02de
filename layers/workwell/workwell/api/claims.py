"""Identity from the authorizer's verified claims, and only from there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workwell.domain.errors import Unauthenticated
from workwell.domain.identifiers import is_slug, is_user_id
from workwell.domain.staff.principal import LANGUAGES, Identity


def _claim(claims: Mapping[str, Any], name: str) -> str | None:
    value = claims.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text[:200] or None


def identity_from_claims(claims: Mapping[str, Any] | None) -> Identity:
    if not claims:
        raise Unauthenticated("Sign in to continue.")
    user_id = _claim(claims, "sub")
    tenant_id = _claim(claims, "custom:tenant")
    if not user_id or not tenant_id or not is_slug(tenant_id):
        raise Unauthenticated("Your sign-in is not linked to an organisation.")
    if not is_user_id(user_id):
        # Cognito's `sub` always is one; anything else did not come from our user pool.
        raise Unauthenticated("Sign in to continue.")
    language = _claim(claims, "custom:lang")
    return Identity(
        user_id=user_id,
        tenant_id=tenant_id,
        email=_claim(claims, "email"),
        name=_claim(claims, "name"),
        unit=_claim(claims, "custom:unit"),
        group=_claim(claims, "custom:group"),
        language=language if language in LANGUAGES else "",
    )
