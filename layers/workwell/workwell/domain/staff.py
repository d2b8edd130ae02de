"""The staff directory: the single source of truth for privileged roles."""

from __future__ import annotations

from pydantic import Field, model_validator

from workwell.domain.errors import ErrorDetail
from workwell.domain.identifiers import EmailAddress, Slug, UserId
from workwell.domain.localised_text import Language, ShortText
from workwell.domain.model_base import CamelModel
from workwell.domain.roles import PRIVILEGED_ROLES, Role
from workwell.domain.tenant_settings import TenantSettings


class StaffProfile(CamelModel):
    """What a tenant admin sets for a person: contact and privileged roles."""

    name: ShortText
    email: EmailAddress
    language: Language = "fi"
    roles: frozenset[Role] = Field(min_length=1)
    supervised_units: tuple[Slug, ...] = Field(default=(), max_length=100)

    @model_validator(mode="after")
    def _roles_are_privileged(self) -> StaffProfile:
        if not self.roles <= PRIVILEGED_ROLES:
            raise ValueError("roles lists only privileged roles; everyone signed in is an employee")
        if (Role.SUPERVISOR in self.roles) != bool(self.supervised_units):
            raise ValueError("supervisedUnits is required for, and only for, the supervisor role")
        return self

    def problems_against(self, settings: TenantSettings) -> list[ErrorDetail]:
        """Rules that need the tenant's settings: supervised units must exist."""
        return [
            ErrorDetail(("supervisedUnits", index), "unit does not exist in this tenant")
            for index, unit in enumerate(self.supervised_units)
            if unit not in settings.unit_ids
        ]


class StaffMember(StaffProfile):
    user_id: UserId

    @classmethod
    def from_profile(cls, user_id: str, profile: StaffProfile) -> StaffMember:
        return cls(user_id=user_id, **profile.model_dump(include=set(StaffProfile.model_fields)))
