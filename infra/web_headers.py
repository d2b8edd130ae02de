"""The security headers of every web app response, in one place: the CloudFront
response-headers policy of template.yaml (`WebResponseHeadersPolicy`) must carry exactly
these (a contract test compares them), and the local stack sends the same ones with the
app it serves (`infra.local.web_app`)."""

from __future__ import annotations

# Where the app's sign-in talks to Cognito on AWS (token endpoint on the hosted domain;
# OpenID discovery on the user pool's issuer), as CloudFormation `!Sub` text.
COGNITO_CONNECT_SOURCES = (
    "https://${AuthDomainPrefix}.auth.${AWS::Region}.amazoncognito.com",
    "https://cognito-idp.${AWS::Region}.amazonaws.com",
)

_CSP_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("script-src", "'self'"),
    ("connect-src", "'self'"),
    ("font-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)

HSTS_MAX_AGE_SECONDS = 63_072_000  # two years
REFERRER_POLICY = "no-referrer"
FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def content_security_policy(*connect_sources: str) -> str:
    """The CSP, with `connect-src` widened by the given sources (on AWS: Cognito)."""
    directives = []
    for name, value in _CSP_DIRECTIVES:
        sources = " ".join((value, *connect_sources)) if name == "connect-src" else value
        directives.append(f"{name} {sources}")
    return "; ".join(directives)


def strict_transport_security() -> str:
    return f"max-age={HSTS_MAX_AGE_SECONDS}; includeSubDomains; preload"


def security_headers() -> dict[str, str]:
    """What the local stack adds to every app response (same origin: no Cognito)."""
    return {
        "Content-Security-Policy": content_security_policy(),
        "Strict-Transport-Security": strict_transport_security(),
        "Referrer-Policy": REFERRER_POLICY,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": FRAME_OPTIONS,
        "Permissions-Policy": PERMISSIONS_POLICY,
    }
