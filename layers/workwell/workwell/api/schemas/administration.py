"""Request and response models of the administration routes."""

from __future__ import annotations

from pydantic import Field

from workwell.domain.localised_text import Language, LocalisedText
from workwell.domain.model_base import CamelModel
from workwell.domain.roles import Role
from workwell.domain.staff import StaffMember, StaffProfile
from workwell.domain.tenant_settings import TenantSettings
from workwell.domain.versioned import Versioned
from workwell.service_layer.administration import Profile


class FeaturesView(CamelModel):
    safety_reports: bool
    case_handling: bool
    service_tray: bool
    wellbeing_aggregates: bool
    tenant_administration: bool


class TenantView(CamelModel):
    id: str
    name: LocalisedText
    languages: tuple[Language, ...]


class MeResponse(CamelModel):
    user_id: str
    name: str | None
    email: str | None
    unit: str | None
    group: str | None
    language: Language
    roles: list[Role]
    supervised_units: list[str]
    tenant: TenantView
    features: FeaturesView

    @classmethod
    def of(cls, profile: Profile) -> MeResponse:
        identity = profile.principal.identity
        settings = profile.settings
        language = identity.language if identity.language in settings.languages else settings.languages[0]
        return cls(
            user_id=identity.user_id,
            name=identity.name,
            email=identity.email,
            unit=identity.unit,
            group=identity.group,
            language=language,
            roles=sorted(profile.principal.roles),
            supervised_units=sorted(profile.principal.supervised_units),
            tenant=TenantView(id=identity.tenant_id, name=settings.name, languages=settings.languages),
            features=FeaturesView.model_validate(profile.features, from_attributes=True),
        )


class TenantSettingsResponse(CamelModel):
    settings: TenantSettings
    version: int

    @classmethod
    def of(cls, versioned: Versioned[TenantSettings]) -> TenantSettingsResponse:
        return cls(settings=versioned.value, version=versioned.version)


class UpdateTenantSettingsRequest(CamelModel):
    settings: TenantSettings
    expected_version: int = Field(ge=1)


class PutStaffMemberRequest(StaffProfile):
    """Without expectedVersion the person must be new; with it, the stored entry must be
    at that version."""

    expected_version: int | None = Field(default=None, ge=1)


class StaffMemberResponse(StaffMember):
    version: int

    @classmethod
    def from_versioned(cls, versioned: Versioned[StaffMember]) -> StaffMemberResponse:
        return cls(**versioned.value.model_dump(), version=versioned.version)


class StaffListResponse(CamelModel):
    items: list[StaffMemberResponse]
    next_cursor: str | None
