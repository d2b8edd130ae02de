"""Settings models. The composition roots build them from the environment mapping they
are given (`Settings.from_environment(os.environ)`); nothing below reads os.environ.
Every variable here is declared in template.yaml (a contract test keeps them in step)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

from pydantic import BaseModel, ConfigDict, Field


class EnvironmentSettings(BaseModel):
    """Field `main_table_name` is read from the variable MAIN_TABLE_NAME, and so on."""

    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> Self:
        return cls.model_validate(
            {name: environ[name.upper()] for name in cls.model_fields if name.upper() in environ}
        )


class FunctionSettings(EnvironmentSettings):
    main_table_name: str = Field(min_length=1)
    audit_table_name: str = Field(min_length=1)
    staff_cache_seconds: float = Field(default=60, ge=0, le=60)
    cursor_key_id: str = Field(min_length=1)


class AdminSettings(FunctionSettings):
    """The admin function: no restricted-data key, no idempotency table."""


class RestrictedDataSettings(FunctionSettings):
    """Functions that seal and open restricted data, blind people and create idempotently."""

    restricted_data_key_id: str = Field(min_length=1)
    idempotency_table_name: str = Field(min_length=1)
    blinding_key_id: str = Field(min_length=1)


class ReportsSettings(RestrictedDataSettings):
    """The reports function: submission and the reporter's follow-up."""


class CasesSettings(RestrictedDataSettings):
    """The cases function: the handlers' side of a case."""


class CatalogueSettings(FunctionSettings):
    """The catalogue function (the service tray): creates idempotently; no restricted-data
    key, no person blinding."""

    idempotency_table_name: str = Field(min_length=1)
    # How long a rollout or tenant-group change may take to reach a warm container.
    tray_scope_cache_seconds: float = Field(default=60, ge=0, le=60)


class SurveysSettings(FunctionSettings):
    """The surveys function: seals answers with people's own keys (the restricted-data key,
    only for that record type), creates idempotently; no person blinding."""

    restricted_data_key_id: str = Field(min_length=1)
    idempotency_table_name: str = Field(min_length=1)
    survey_table_name: str = Field(min_length=1)
    # How long settings, a rollout or a newly published service may take to reach a warm
    # container's survey answers and recommendations.
    survey_cache_seconds: float = Field(default=60, ge=0, le=60)


class NotificationSettings(FunctionSettings):
    """Functions that email people: where the links in emails lead, and person blinding
    (to honour recusals at send time)."""

    app_url: str = Field(pattern=r"^https?://")
    blinding_key_id: str = Field(min_length=1)


class NotifierSettings(NotificationSettings):
    """The notifier: outbox messages from the stream, and the sweeper."""

    # Opens reporters' contacts only (its key permission is limited to that record type).
    restricted_data_key_id: str = Field(min_length=1)
    outbox_sweep_after_seconds: int = Field(default=300, ge=60, le=3600)


class DigestSettings(NotificationSettings):
    """The weekday digest."""


class IdentitySettings(EnvironmentSettings):
    """The sign-in trigger: which identity provider belongs to which tenant."""

    identity_provider_tenants: str = ""


# Which settings model each function of template.yaml reads.
SETTINGS_BY_FUNCTION: dict[str, type[EnvironmentSettings]] = {
    "AdminFunction": AdminSettings,
    "ReportsFunction": ReportsSettings,
    "CasesFunction": CasesSettings,
    "CatalogueFunction": CatalogueSettings,
    "SurveysFunction": SurveysSettings,
    "NotifierFunction": NotifierSettings,
    "DigestFunction": DigestSettings,
    "IdentityFunction": IdentitySettings,
}
