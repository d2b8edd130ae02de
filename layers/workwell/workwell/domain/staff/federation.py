"""Which tenant a sign-in belongs to. For a federated user it follows from the identity
provider they came through, never from an attribute the provider asserts: otherwise one
municipality's provider could mint users of another municipality."""

from __future__ import annotations

import json
from collections.abc import Mapping

from workwell.domain.identifiers import is_slug


class SignInRefused(Exception):
    """The sign-in cannot be tied to exactly one tenant."""


def parse_provider_tenants(text: str) -> dict[str, str]:
    """'KokkolaAD=kokkola, IiSAML=ii' -> {'KokkolaAD': 'kokkola', 'IiSAML': 'ii'}."""
    mapping: dict[str, str] = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        provider, separator, tenant = (piece.strip() for piece in pair.partition("="))
        if not separator or not provider or not is_slug(tenant) or provider in mapping:
            raise ValueError("provider tenants must be distinct Provider=tenant pairs")
        mapping[provider] = tenant
    return mapping


def tenant_for_sign_in(user_attributes: Mapping[str, str], provider_tenants: Mapping[str, str]) -> str:
    identities = user_attributes.get("identities")
    if identities:
        try:
            providers = {str(entry["providerName"]) for entry in json.loads(identities)}
        except (ValueError, TypeError, KeyError):
            raise SignInRefused("unreadable identities attribute") from None
        tenants = {provider_tenants.get(provider) for provider in providers}
        if len(tenants) != 1 or None in tenants:
            raise SignInRefused("identity provider is not linked to exactly one tenant")
        return str(tenants.pop())
    # A user created in the pool by an administrator: the tenant attribute was set by them.
    tenant = user_attributes.get("custom:tenant", "")
    if not is_slug(tenant):
        raise SignInRefused("user has no tenant")
    return tenant
