"""Tenant settings: the per-organisation configuration a tenant admin edits.

Stored in parts by capability, each versioned on its own, so that a use case conditions only
on the part it read: `organisation` (name, languages, sender, units, employee groups, the
small-number threshold), `reporting` (reference prefix, report types, deadlines, retention)
`tray` (its rollout) and `survey` (its period, instrument texts and recommendation rules). Tenant admins see and edit the whole
document (`TenantSettings`), whose version is the sum of the parts' versions: it rises with
every change of any part, and is unchanged only if no part changed."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field, StringConstraints, model_validator

from workwell.domain.cases.case_workflow import WorkflowTemplate
from workwell.domain.identifiers import EmailAddress, Slug
from workwell.domain.localised_text import Language, LocalisedText
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.roles import Role
from workwell.domain.survey.survey_configuration import SurveyConfiguration
from workwell.domain.versioned import Versioned

ReportTypeKey = Literal["harassment", "violence_threat", "accident", "near_miss", "hazard_observation"]
DEFAULT_REPORT_TYPES: tuple[str, ...] = get_args(ReportTypeKey)
# Restricted types are seen only by occupational safety staff and the HR director; a tenant
# cannot make an ordinary type restricted or the reverse (security.md).
RESTRICTED_REPORT_TYPES = frozenset({"harassment"})
RESTRICTED_HANDLER_ROLES = frozenset({Role.SAFETY_REPRESENTATIVE, Role.SAFETY_MANAGER, Role.HR_DIRECTOR})
ORDINARY_HANDLER_ROLES = RESTRICTED_HANDLER_ROLES | {Role.SUPERVISOR}


class Unit(CamelModel):
    id: Slug
    name: LocalisedText


# A group's id starts with a letter or digit: "-" counts the survey's people without a
# group (domain/survey/aggregates.NO_GROUP), so no group may be called that.
EmployeeGroupId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]


class EmployeeGroup(CamelModel):
    id: EmployeeGroupId
    name: LocalisedText


class Rollout(CamelModel):
    """The service tray opens per employee group (pilot groups first)."""

    open_groups: tuple[Slug, ...] = ()


class Retention(CamelModel):
    report_days_after_closing: int = Field(default=730, ge=1, le=1825)
    survey_answer_days: int = Field(default=1095, ge=1, le=1825)


class Deadlines(CamelModel):
    acknowledge_days: int = Field(default=7, ge=1, le=90)
    start_investigation_days: int = Field(default=14, ge=1, le=180)
    feedback_months: int = Field(default=3, ge=1, le=12)
    ordinary_handling_working_days: int = Field(default=10, ge=1, le=60)


class ReportTypeSetting(CamelModel):
    """Per-type rules. Labels and fields come with the type (workwell.domain.reports.report_types);
    handler roles and retention default to the type's and the tenant's own."""

    key: ReportTypeKey
    enabled: bool = True
    anonymous_allowed: bool = False
    handler_roles: tuple[Role, ...] | None = Field(default=None, min_length=1, max_length=4)
    retention_days_after_closing: int | None = Field(default=None, ge=1, le=1825)
    # None: the default workflow of the type (see workwell.domain.cases.case_workflow).
    workflow: WorkflowTemplate | None = None

    @model_validator(mode="after")
    def _handler_roles_fit_the_type(self) -> ReportTypeSetting:
        if self.handler_roles is None:
            return self
        allowed = RESTRICTED_HANDLER_ROLES if self.key in RESTRICTED_REPORT_TYPES else ORDINARY_HANDLER_ROLES
        if not set(self.handler_roles) <= allowed:
            raise ValueError("handlerRoles names a role that may not handle this report type")
        _require_unique("handlerRoles", list(self.handler_roles))
        return self


def _default_report_types() -> tuple[ReportTypeSetting, ...]:
    return tuple(ReportTypeSetting(key=key) for key in DEFAULT_REPORT_TYPES)


SettingsPart = Literal["organisation", "reporting", "tray", "survey"]
SETTINGS_PARTS: tuple[SettingsPart, ...] = get_args(SettingsPart)


class OrganisationSettings(CamelModel):
    """Who the tenant is and how it is organised: read by nearly every capability."""

    part: ClassVar[SettingsPart] = "organisation"

    name: LocalisedText
    languages: tuple[Language, ...] = Field(min_length=1, max_length=3)
    sender: EmailAddress
    units: tuple[Unit, ...] = Field(min_length=1, max_length=500)
    employee_groups: tuple[EmployeeGroup, ...] = Field(min_length=1, max_length=100)
    minimum_group_size: int = Field(default=5, ge=3, le=50)

    @model_validator(mode="after")
    def _consistent(self) -> OrganisationSettings:
        _check_organisation(self)
        return self

    @property
    def unit_ids(self) -> frozenset[str]:
        return frozenset(u.id for u in self.units)


class ReportingSettings(CamelModel):
    """The rules of safety reports: what a report submission reads and conditions on."""

    part: ClassVar[SettingsPart] = "reporting"

    reference_prefix: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,5}$")]
    retention: Retention = Retention()
    deadlines: Deadlines = Deadlines()
    report_types: tuple[ReportTypeSetting, ...] = Field(default_factory=_default_report_types, max_length=30)

    @model_validator(mode="after")
    def _consistent(self) -> ReportingSettings:
        _check_reporting(self)
        return self


class TraySettings(CamelModel):
    """The service tray: which employee groups it is open to."""

    part: ClassVar[SettingsPart] = "tray"

    rollout: Rollout = Rollout()


class SurveySettings(CamelModel):
    """The wellbeing survey: its aggregate period, instrument texts and recommendation rules."""

    part: ClassVar[SettingsPart] = "survey"

    survey: SurveyConfiguration = SurveyConfiguration()


SettingsPartModel = OrganisationSettings | ReportingSettings | TraySettings | SurveySettings
PART_MODELS: dict[SettingsPart, type[SettingsPartModel]] = {
    "organisation": OrganisationSettings,
    "reporting": ReportingSettings,
    "tray": TraySettings,
    "survey": SurveySettings,
}


# The whole document, as tenant admins read and write it (`GET/PUT /tenant/settings`). (A
# comment, not a docstring: the OpenAPI document, and so the web client, would quote it.)
class TenantSettings(CamelModel):
    name: LocalisedText
    reference_prefix: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,5}$")]
    languages: tuple[Language, ...] = Field(min_length=1, max_length=3)
    sender: EmailAddress
    units: tuple[Unit, ...] = Field(min_length=1, max_length=500)
    employee_groups: tuple[EmployeeGroup, ...] = Field(min_length=1, max_length=100)
    rollout: Rollout = Rollout()
    minimum_group_size: int = Field(default=5, ge=3, le=50)
    retention: Retention = Retention()
    deadlines: Deadlines = Deadlines()
    report_types: tuple[ReportTypeSetting, ...] = Field(default_factory=_default_report_types, max_length=30)
    survey: SurveyConfiguration = SurveyConfiguration()

    @model_validator(mode="after")
    def _consistent(self) -> TenantSettings:
        _check_organisation(self)
        _check_reporting(self)
        # Across parts: a tray edit must check the organisation's groups, and the reverse.
        group_ids = {g.id for g in self.employee_groups}
        for group in self.rollout.open_groups:
            if group not in group_ids:
                raise ValueError("rollout.openGroups names an employee group that does not exist")
        return self

    @classmethod
    def from_parts(
        cls,
        organisation: OrganisationSettings,
        reporting: ReportingSettings,
        tray: TraySettings,
        survey: SurveySettings | None = None,
    ) -> TenantSettings:
        fields = {
            **{name: getattr(organisation, name) for name in OrganisationSettings.model_fields},
            **{name: getattr(reporting, name) for name in ReportingSettings.model_fields},
            **{name: getattr(tray, name) for name in TraySettings.model_fields},
            **{name: getattr(survey or SurveySettings(), name) for name in SurveySettings.model_fields},
        }
        return cls.model_validate(fields)

    def parts(self) -> tuple[OrganisationSettings, ReportingSettings, TraySettings, SurveySettings]:
        """The document split as it is stored, in the order of SETTINGS_PARTS."""
        return (
            OrganisationSettings.model_validate(
                {name: getattr(self, name) for name in OrganisationSettings.model_fields}
            ),
            ReportingSettings.model_validate(
                {name: getattr(self, name) for name in ReportingSettings.model_fields}
            ),
            TraySettings.model_validate({name: getattr(self, name) for name in TraySettings.model_fields}),
            SurveySettings.model_validate(
                {name: getattr(self, name) for name in SurveySettings.model_fields}
            ),
        )

    @property
    def unit_ids(self) -> frozenset[str]:
        return frozenset(u.id for u in self.units)

    @property
    def group_ids(self) -> frozenset[str]:
        return frozenset(g.id for g in self.employee_groups)

    def tray_open_for(self, group: str | None) -> bool:
        return group is not None and group in self.rollout.open_groups


# A part not stored yet (one added after the tenant was provisioned) reads as its defaults
# at version 0; saving it expects version 0, i.e. that it is still absent.
ABSENT_VERSION = 0


@dataclass(frozen=True)
class StoredSettings:
    """A tenant's settings as read: every part with the version it was read at."""

    organisation: Versioned[OrganisationSettings]
    reporting: Versioned[ReportingSettings]
    tray: Versioned[TraySettings] = field(default_factory=lambda: Versioned(TraySettings(), ABSENT_VERSION))
    survey: Versioned[SurveySettings] = field(
        default_factory=lambda: Versioned(SurveySettings(), ABSENT_VERSION)
    )

    def parts(
        self,
    ) -> tuple[
        Versioned[OrganisationSettings],
        Versioned[ReportingSettings],
        Versioned[TraySettings],
        Versioned[SurveySettings],
    ]:
        return (self.organisation, self.reporting, self.tray, self.survey)

    @functools.cached_property
    def value(self) -> TenantSettings:
        """The whole document (for reading; conditions name the part they depend on)."""
        return TenantSettings.from_parts(
            self.organisation.value, self.reporting.value, self.tray.value, self.survey.value
        )

    @property
    def version(self) -> int:
        """The document's version: parts' versions only rise, so the sum is unchanged only
        if no part changed."""
        return sum(part.version for part in self.parts())

    def document(self) -> Versioned[TenantSettings]:
        return Versioned(self.value, self.version)


@dataclass(frozen=True)
class LegacySettings:
    """The one item the settings were stored as before they were split into parts
    (`SK = CURRENT`, the whole document), read only to migrate it. `migrated`: it is as it
    was when it was split into parts (the earlier code's write replaces the whole item, and
    so clears the mark)."""

    document: Versioned[TenantSettings]
    migrated: bool


def _check_organisation(settings: OrganisationSettings | TenantSettings) -> None:
    _require_unique("languages", list(settings.languages))
    _require_unique("units", [u.id for u in settings.units])
    _require_unique("employeeGroups", [g.id for g in settings.employee_groups])
    if settings.languages[0] not in settings.name:
        raise ValueError("name must be given in the tenant's first language")


def _check_reporting(settings: ReportingSettings | TenantSettings) -> None:
    _require_unique("reportTypes", [t.key for t in settings.report_types])


def _require_unique(field_name: str, values: list[str]) -> None:
    if len(values) != len(set(values)):
        raise ValueError(f"{field_name} must not repeat an entry")
