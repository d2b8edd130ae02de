"""Local sign-in: ID tokens shaped like Cognito's, signed with a key made at start-up, and
verified the way the API Gateway Cognito authorizer does (signature, expiry, issuer,
audience, token use)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

LOCAL_ISSUER = "http://127.0.0.1/local-user-pool"
LOCAL_CLIENT_ID = "workwell-local-client"
TOKEN_LIFETIME_SECONDS = 3600


class TokenRejected(Exception):
    """Missing, expired, tampered or foreign token."""


@dataclass(frozen=True)
class DemoIdentity:
    user_id: str
    tenant_id: str
    name: str
    email: str
    unit: str
    group: str
    language: str

    def claims(self) -> dict[str, str]:
        return {
            "sub": self.user_id,
            "email": self.email,
            "name": self.name,
            "custom:tenant": self.tenant_id,
            "custom:unit": self.unit,
            "custom:group": self.group,
            "custom:lang": self.language,
        }


class LocalTokenIssuer:
    def __init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._kid = uuid.uuid4().hex

    def issue(
        self, identity: DemoIdentity, lifetime_seconds: int = TOKEN_LIFETIME_SECONDS, now: float | None = None
    ) -> str:
        issued = int(now if now is not None else time.time())
        payload: dict[str, Any] = {
            **identity.claims(),
            "iss": LOCAL_ISSUER,
            "aud": LOCAL_CLIENT_ID,
            "token_use": "id",
            "auth_time": issued,
            "iat": issued,
            "exp": issued + lifetime_seconds,
        }
        return jwt.encode(payload, self._key, algorithm="RS256", headers={"kid": self._kid})

    def verify(self, authorization: str | None) -> dict[str, Any]:
        """The authorizer's checks; returns the claims it would pass to the function."""
        if not authorization:
            raise TokenRejected("missing token")
        token = authorization.removeprefix("Bearer ").strip()
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self._key.public_key(),
                algorithms=["RS256"],
                audience=LOCAL_CLIENT_ID,
                issuer=LOCAL_ISSUER,
                options={"require": ["exp", "iat", "sub", "iss", "aud", "token_use"]},
            )
        except jwt.PyJWTError as error:
            raise TokenRejected(type(error).__name__) from None
        if claims.get("token_use") != "id":
            raise TokenRejected("not an ID token")
        return claims


def authorizer_claims(claims: Mapping[str, Any]) -> dict[str, str]:
    """API Gateway hands claims to the function as strings."""
    return {name: str(value) for name, value in claims.items()}
