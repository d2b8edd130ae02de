"""Report types: labels and fields in fi/sv/en, and the per-tenant rules that apply to
them (enabled, anonymous reporting, handler roles, retention)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from workwell.domain.cases.case_workflow import (
    WorkflowTemplate,
    default_harassment_workflow,
    default_ordinary_workflow,
)
from workwell.domain.errors import ErrorDetail, InvalidInput, NotFound
from workwell.domain.localised_text import Language
from workwell.domain.staff.roles import Role
from workwell.domain.tenants.tenant_settings import (
    RESTRICTED_HANDLER_ROLES,
    RESTRICTED_REPORT_TYPES,
    ReportTypeSetting,
    TenantSettings,
)

Labels = Mapping[Language, str]


class FieldKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"


@dataclass(frozen=True)
class ChoiceOption:
    value: str
    label: Labels


@dataclass(frozen=True)
class FieldDefinition:
    key: str
    kind: FieldKind
    label: Labels
    max_length: int
    required: bool = False
    options: tuple[ChoiceOption, ...] = ()


@dataclass(frozen=True)
class ReportTypeDefinition:
    key: str
    label: Labels
    fields: tuple[FieldDefinition, ...]
    default_handler_roles: tuple[Role, ...]

    @property
    def restricted(self) -> bool:
        return self.key in RESTRICTED_REPORT_TYPES


def _long(
    key: str, fi: str, sv: str, en: str, *, required: bool = False, max_length: int = 2000
) -> FieldDefinition:
    return FieldDefinition(key, FieldKind.LONG_TEXT, {"fi": fi, "sv": sv, "en": en}, max_length, required)


def _short(key: str, fi: str, sv: str, en: str) -> FieldDefinition:
    return FieldDefinition(key, FieldKind.TEXT, {"fi": fi, "sv": sv, "en": en}, 300)


WHAT_HAPPENED = _long(
    "whatHappened", "Mitä tapahtui?", "Vad hände?", "What happened?", required=True, max_length=10_000
)
WHEN = _short("when", "Milloin se tapahtui?", "När hände det?", "When did it happen?")
WHERE = _short("where", "Missä se tapahtui?", "Var hände det?", "Where did it happen?")
PEOPLE_INVOLVED = _long("peopleInvolved", "Ketä asia koskee?", "Vilka berörs?", "Who was involved?")
WITNESSES = _long(
    "witnesses", "Näkikö joku tapahtuneen?", "Såg någon vad som hände?", "Did anyone witness it?"
)
TOLD_UNWANTED = FieldDefinition(
    "toldUnwanted",
    FieldKind.CHOICE,
    {
        "fi": "Onko toiselle osapuolelle kerrottu, että käytös on epätoivottua?",
        "sv": "Har den andra parten fått veta att beteendet är ovälkommet?",
        "en": "Has the other person been told that the behaviour is unwanted?",
    },
    max_length=20,
    options=(
        ChoiceOption("yes", {"fi": "Kyllä", "sv": "Ja", "en": "Yes"}),
        ChoiceOption("no", {"fi": "Ei", "sv": "Nej", "en": "No"}),
        ChoiceOption(
            "not_possible",
            {
                "fi": "Se ei ole ollut mahdollista",
                "sv": "Det har inte varit möjligt",
                "en": "It has not been possible",
            },
        ),
    ),
)
HOPED_OUTCOME = _long(
    "hopedOutcome", "Mitä toivot tapahtuvan?", "Vad hoppas du ska hända?", "What do you hope will happen?"
)
IMMEDIATE_ACTIONS = _long(
    "immediateActions", "Mitä tehtiin heti?", "Vad gjordes genast?", "What was done straight away?"
)
INJURIES = _long("injuries", "Vammat ja ensiapu", "Skador och första hjälp", "Injuries and first aid")

_ORDINARY_FIELDS = (WHAT_HAPPENED, WHEN, WHERE, PEOPLE_INVOLVED, WITNESSES, IMMEDIATE_ACTIONS)
_SUPERVISOR = (Role.SUPERVISOR,)

CATALOGUE: Mapping[str, ReportTypeDefinition] = {
    definition.key: definition
    for definition in (
        ReportTypeDefinition(
            "harassment",
            {
                "fi": "Häirintä tai epäasiallinen kohtelu",
                "sv": "Trakasserier eller osakligt bemötande",
                "en": "Harassment or inappropriate treatment",
            },
            (WHAT_HAPPENED, WHEN, WHERE, PEOPLE_INVOLVED, WITNESSES, TOLD_UNWANTED, HOPED_OUTCOME),
            (Role.SAFETY_REPRESENTATIVE, Role.SAFETY_MANAGER, Role.HR_DIRECTOR),
        ),
        ReportTypeDefinition(
            "violence_threat",
            {
                "fi": "Väkivalta tai sen uhka",
                "sv": "Våld eller hot om våld",
                "en": "Violence or threat of violence",
            },
            _ORDINARY_FIELDS,
            _SUPERVISOR,
        ),
        ReportTypeDefinition(
            "accident",
            {"fi": "Tapaturma", "sv": "Olycksfall", "en": "Accident"},
            (*_ORDINARY_FIELDS, INJURIES),
            _SUPERVISOR,
        ),
        ReportTypeDefinition(
            "near_miss",
            {"fi": "Läheltä piti -tilanne", "sv": "Tillbud", "en": "Near miss"},
            _ORDINARY_FIELDS,
            _SUPERVISOR,
        ),
        ReportTypeDefinition(
            "hazard_observation",
            {"fi": "Vaaran havainto", "sv": "Riskobservation", "en": "Hazard observation"},
            _ORDINARY_FIELDS,
            _SUPERVISOR,
        ),
    )
}


@dataclass(frozen=True)
class ReportType:
    """A type as one tenant has it: the definition plus the tenant's rules."""

    definition: ReportTypeDefinition
    anonymous_allowed: bool
    handler_roles: frozenset[Role]
    retention_days_after_closing: int
    workflow: WorkflowTemplate

    @property
    def key(self) -> str:
        return self.definition.key

    @property
    def restricted(self) -> bool:
        return self.definition.restricted

    def validate_answers(self, answers: Mapping[str, str]) -> dict[str, str]:
        """The answers, trimmed, with empty optional ones left out; every problem at once."""
        fields = {f.key: f for f in self.definition.fields}
        # An unknown key is named like any other field: it is the client's own key, never a
        # value. The error mapping still shows a key that does not look like a field name
        # (a sentence, a name) as "<key>".
        problems = [
            ErrorDetail(
                ("body", "answers", key),
                "is not a field of this report type; fields: " + ", ".join(fields),
            )
            for key in answers
            if key not in fields
        ]
        accepted: dict[str, str] = {}
        for key, field in fields.items():
            value = (answers.get(key) or "").strip()
            problem = _problem_with(field, value)
            if problem:
                problems.append(ErrorDetail(("body", "answers", key), problem))
            elif value:
                accepted[key] = value
        if problems:
            raise InvalidInput("The report is not valid.", problems)
        return accepted


def _problem_with(field: FieldDefinition, value: str) -> str | None:
    if not value:
        return "is required" if field.required else None
    if len(value) > field.max_length:
        return f"must be at most {field.max_length} characters"
    if field.kind is FieldKind.CHOICE and value not in {o.value for o in field.options}:
        return "must be one of " + ", ".join(o.value for o in field.options)
    return None


def report_types_of(settings: TenantSettings) -> list[ReportType]:
    """The tenant's enabled types, in the tenant's order."""
    return [_as_configured(settings, setting) for setting in settings.report_types if setting.enabled]


def case_type_of(settings: TenantSettings, key: str) -> ReportType:
    """The rules a case of type `key` is handled by, even if the type no longer takes new
    reports: cases already made must still be handled to the end."""
    setting = next((s for s in settings.report_types if s.key == key), None)
    if setting is None:
        if key not in CATALOGUE:
            raise NotFound("Report type not found.")
        setting = ReportTypeSetting(key=key, enabled=False)
    return _as_configured(settings, setting)


def _as_configured(settings: TenantSettings, setting: ReportTypeSetting) -> ReportType:
    definition = CATALOGUE[setting.key]
    roles = setting.handler_roles or definition.default_handler_roles
    if definition.restricted:
        # Defence in depth: settings validation already refuses anything wider.
        roles = tuple(r for r in roles if r in RESTRICTED_HANDLER_ROLES)
    default_workflow = default_harassment_workflow if definition.restricted else default_ordinary_workflow
    return ReportType(
        definition=definition,
        anonymous_allowed=setting.anonymous_allowed,
        handler_roles=frozenset(roles),
        retention_days_after_closing=(
            setting.retention_days_after_closing or settings.retention.report_days_after_closing
        ),
        workflow=setting.workflow or default_workflow(settings.deadlines),
    )


# What an anonymous reporter is told about a type the tenant takes only from people who
# sign in: the type exists (the signed-in listing shows it), so "unknown" would be untrue.
NOT_ANONYMOUS = "this type of report cannot be sent anonymously; sign in to send it"


def report_type_of(settings: TenantSettings, key: str, *, anonymous: bool = False) -> ReportType:
    """The tenant's enabled type `key`; a disabled or unknown type is not found, and neither
    (for anonymous reporters, saying why) is one that takes no anonymous reports."""
    for report_type in report_types_of(settings):
        if report_type.key != key:
            continue
        if anonymous and not report_type.anonymous_allowed:
            raise NotFound("This type of report cannot be sent anonymously; sign in to send it.")
        return report_type
    raise NotFound("Report type not found.")
