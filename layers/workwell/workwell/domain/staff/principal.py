"""Who is calling: identity from verified token claims, roles from the staff directory."""

from __future__ import annotations

from dataclasses import dataclass, field

from workwell.domain.staff.roles import Role

LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class Identity:
    """What the identity provider vouches for; nothing here comes from request input."""

    user_id: str
    tenant_id: str
    email: str | None
    name: str | None
    unit: str | None
    group: str | None
    language: str


@dataclass(frozen=True)
class Principal:
    identity: Identity
    roles: frozenset[Role] = field(default_factory=lambda: frozenset({Role.EMPLOYEE}))
    supervised_units: frozenset[str] = frozenset()
    # The version of the staff entry the roles were read from (None: no entry). A use case
    # that opens restricted data makes its commit conditional on it, so a role revoked
    # meanwhile (another container's cache) stops that read at once.
    staff_version: int | None = None

    @property
    def tenant_id(self) -> str:
        return self.identity.tenant_id

    @property
    def user_id(self) -> str:
        return self.identity.user_id

    def has_role(self, role: Role) -> bool:
        return role in self.roles
