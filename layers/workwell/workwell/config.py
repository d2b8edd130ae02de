"""Settings models, read from the environment by the composition roots only.
Every variable here is declared in template.yaml (a contract test keeps them in step)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class FunctionSettings(BaseSettings):
    model_config = SettingsConfigDict(frozen=True, extra="ignore")

    main_table_name: str = Field(min_length=1)
    audit_table_name: str = Field(min_length=1)
    staff_cache_seconds: float = Field(default=60, ge=0, le=60)
    cursor_key_id: str = Field(min_length=1)


class AdminSettings(FunctionSettings):
    """The admin function: no restricted-data key, no idempotency table."""


class RestrictedDataSettings(FunctionSettings):
    """Functions that may encrypt or decrypt restricted data (reports, cases, surveys)."""

    restricted_data_key_arn: str = Field(min_length=1)
    idempotency_table_name: str = Field(min_length=1)


class IdentitySettings(BaseSettings):
    """The sign-in trigger: which identity provider belongs to which tenant."""

    model_config = SettingsConfigDict(frozen=True, extra="ignore")

    identity_provider_tenants: str = ""


# Which settings model each function of template.yaml reads.
SETTINGS_BY_FUNCTION: dict[str, type[BaseSettings]] = {
    "AdminFunction": AdminSettings,
    "IdentityFunction": IdentitySettings,
}
