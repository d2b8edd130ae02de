"""Workflow templates: the states a case moves through, the actions that move it, who may
take each action, and the deadlines that run along the way. Each report type has one; a
tenant may replace the default with its own model (state names, labels, deadlines) in its
settings, and an invalid template is refused with the field at fault.

Defaults follow Finnish practice for harassment (the Kokkola "Polku vastuulliseen
työkäyttäytymiseen" model is of this kind): received → acknowledged → investigating →
measures decided → follow-up → closed, with reopen; ordinary safety reports go received →
in progress → closed, handled by the unit's supervisor within 10 working days."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from workwell.domain.cases.case_events import FOLLOW_UP_DEADLINE, CaseEventKind
from workwell.domain.localised_text import LocalisedText
from workwell.domain.model_base import CamelModel

if TYPE_CHECKING:
    from workwell.domain.tenants.tenant_settings import Deadlines

StateKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
ActionKey = StateKey
DeadlineKey = Annotated[str, StringConstraints(pattern=r"^[a-z][A-Za-z0-9]{0,39}$")]
# `assignee`: the handler the case is assigned to (for an ordinary case without one, the
# supervisors of its unit); `overseer`: the others who may see the case by their role.
WorkflowActor = Literal["assignee", "overseer"]
DeadlineUnit = Literal["days", "workingDays", "months"]
Resolution = Literal["resolved", "unfounded", "withdrawn", "referred_to_authority"]
RECEIVED_AT = "received"

ALL_EVENT_KINDS: tuple[CaseEventKind, ...] = (
    "party_heard",
    "assessment",
    "measure",
    "feedback_given",
    "follow_up_scheduled",
    "note",
)


class WorkflowState(CamelModel):
    key: StateKey
    label: LocalisedText
    # Entering a closed state closes the case: it needs a resolution, its deadlines end,
    # and its retention period starts.
    closed: bool = False


class WorkflowAction(CamelModel):
    key: ActionKey
    label: LocalisedText
    from_states: tuple[StateKey, ...] = Field(alias="from", min_length=1, max_length=20)
    to: StateKey
    allowed: tuple[WorkflowActor, ...] = Field(default=("assignee", "overseer"), min_length=1, max_length=2)


class DeadlineRule(CamelModel):
    key: DeadlineKey
    label: LocalisedText
    # The clock starts at receipt, or when this action is taken.
    starts: Literal["received"] | ActionKey = RECEIVED_AT
    amount: int = Field(ge=1, le=366)
    unit: DeadlineUnit
    met_by_actions: tuple[ActionKey, ...] = Field(default=(), max_length=20)
    met_by_events: tuple[CaseEventKind, ...] = Field(default=(), max_length=6)


class WorkflowTemplate(CamelModel):
    """The first state is where every new case starts."""

    states: tuple[WorkflowState, ...] = Field(min_length=2, max_length=20)
    actions: tuple[WorkflowAction, ...] = Field(min_length=1, max_length=40)
    deadlines: tuple[DeadlineRule, ...] = Field(default=(), max_length=10)
    events: tuple[CaseEventKind, ...] = Field(default=ALL_EVENT_KINDS, max_length=6)

    @model_validator(mode="after")
    def _consistent(self) -> WorkflowTemplate:
        states = [s.key for s in self.states]
        actions = [a.key for a in self.actions]
        _unique("states", states)
        _unique("actions", actions)
        _unique("deadlines", [d.key for d in self.deadlines])
        _unique("events", list(self.events))
        if self.states[0].closed:
            raise ValueError("states[0] is where new cases start and must not be a closed state")
        if not any(s.closed for s in self.states):
            raise ValueError("states must include at least one closed state")
        for i, action in enumerate(self.actions):
            self._check_action(i, action, states)
        for i, rule in enumerate(self.deadlines):
            self._check_deadline(i, rule, actions)
        self._check_reachable()
        return self

    def _check_action(self, i: int, action: WorkflowAction, states: list[str]) -> None:
        if any(state not in states for state in action.from_states):
            raise ValueError(f"actions[{i}].from names a state that is not in states")
        if action.to not in states:
            raise ValueError(f"actions[{i}].to names a state that is not in states")
        if action.to in action.from_states:
            raise ValueError(f"actions[{i}] must lead to another state than it starts from")
        if self._closed(action.to) and any(self._closed(s) for s in action.from_states):
            raise ValueError(f"actions[{i}] must not lead from a closed state to a closed state")
        _unique(f"actions[{i}].from", list(action.from_states))

    def _check_deadline(self, i: int, rule: DeadlineRule, actions: list[str]) -> None:
        if rule.starts != RECEIVED_AT and rule.starts not in actions:
            raise ValueError(f"deadlines[{i}].starts must be 'received' or an action")
        if any(a not in actions for a in rule.met_by_actions):
            raise ValueError(f"deadlines[{i}].metByActions names an action that is not in actions")
        if any(e not in self.events for e in rule.met_by_events):
            raise ValueError(f"deadlines[{i}].metByEvents names an event this workflow does not record")
        if not rule.met_by_actions and not rule.met_by_events:
            raise ValueError(f"deadlines[{i}] must be met by at least one action or event")
        if rule.starts in rule.met_by_actions:
            raise ValueError(f"deadlines[{i}] must not be met by the action that starts it")
        if rule.key == FOLLOW_UP_DEADLINE:
            raise ValueError(f"deadlines[{i}].key is reserved for the follow-up date")

    def _check_reachable(self) -> None:
        reached = {self.states[0].key}
        frontier = [self.states[0].key]
        while frontier:
            current = frontier.pop()
            for action in self.actions:
                if current in action.from_states and action.to not in reached:
                    reached.add(action.to)
                    frontier.append(action.to)
        for i, state in enumerate(self.states):
            if state.key not in reached:
                raise ValueError(f"states[{i}] cannot be reached from the first state")
            if not state.closed and not any(state.key in a.from_states for a in self.actions):
                raise ValueError(f"states[{i}] is not closed but no action leads out of it")
        closable = {s.key for s in self.states if s.closed}
        grew = True
        while grew:
            before = len(closable)
            closable |= {s for a in self.actions if a.to in closable for s in a.from_states}
            grew = len(closable) > before
        for i, state in enumerate(self.states):
            if state.key not in closable:
                raise ValueError(f"states[{i}] has no way to a closed state")

    def _closed(self, key: str) -> bool:
        return any(s.key == key and s.closed for s in self.states)

    @property
    def initial_state(self) -> str:
        return self.states[0].key

    def state(self, key: str) -> WorkflowState | None:
        return next((s for s in self.states if s.key == key), None)

    def action(self, key: str) -> WorkflowAction | None:
        return next((a for a in self.actions if a.key == key), None)

    def is_closed_state(self, key: str) -> bool:
        state = self.state(key)
        return state is not None and state.closed

    def actions_from(self, state: str) -> list[WorkflowAction]:
        return [a for a in self.actions if state in a.from_states]

    def rule(self, key: str) -> DeadlineRule | None:
        return next((d for d in self.deadlines if d.key == key), None)


def _unique(field_name: str, values: Iterable[str]) -> None:
    seen = list(values)
    if len(seen) != len(set(seen)):
        raise ValueError(f"{field_name} must not repeat an entry")


def _label(fi: str, sv: str, en: str) -> dict[str, str]:
    return {"fi": fi, "sv": sv, "en": en}


_OPEN_HARASSMENT_STATES = ["received", "acknowledged", "investigating", "measures_decided", "follow_up"]


@functools.cache
def default_harassment_workflow(rules: Deadlines) -> WorkflowTemplate:
    return WorkflowTemplate.model_validate(
        {
            "states": [
                {"key": "received", "label": _label("Vastaanotettu", "Mottagen", "Received")},
                {"key": "acknowledged", "label": _label("Vastaanotto kuitattu", "Bekräftad", "Acknowledged")},
                {
                    "key": "investigating",
                    "label": _label("Selvitettävänä", "Under utredning", "Investigating"),
                },
                {
                    "key": "measures_decided",
                    "label": _label("Toimenpiteistä päätetty", "Åtgärder beslutade", "Measures decided"),
                },
                {"key": "follow_up", "label": _label("Seuranta", "Uppföljning", "Follow-up")},
                {"key": "closed", "label": _label("Suljettu", "Avslutad", "Closed"), "closed": True},
            ],
            "actions": [
                _action(
                    "acknowledge",
                    ["received"],
                    "acknowledged",
                    ("Kuittaa vastaanotto", "Bekräfta", "Acknowledge"),
                ),
                _action(
                    "start_investigation",
                    ["acknowledged"],
                    "investigating",
                    ("Aloita selvitys", "Inled utredning", "Start investigation"),
                ),
                _action(
                    "decide_measures",
                    ["investigating"],
                    "measures_decided",
                    ("Päätä toimenpiteistä", "Besluta om åtgärder", "Decide measures"),
                ),
                _action(
                    "start_follow_up",
                    ["measures_decided"],
                    "follow_up",
                    ("Aloita seuranta", "Inled uppföljning", "Start follow-up"),
                ),
                _action("close", _OPEN_HARASSMENT_STATES, "closed", ("Sulje", "Avsluta", "Close")),
                _action("reopen", ["closed"], "investigating", ("Avaa uudelleen", "Öppna igen", "Reopen")),
            ],
            "deadlines": [
                _deadline(
                    "acknowledge",
                    ("Vastaanoton kuittaus", "Bekräftelse", "Acknowledgement"),
                    starts=RECEIVED_AT,
                    amount=rules.acknowledge_days,
                    unit="days",
                    met_by_actions=["acknowledge"],
                ),
                _deadline(
                    "startInvestigation",
                    ("Selvityksen aloitus", "Utredningen inleds", "Start of investigation"),
                    starts=RECEIVED_AT,
                    amount=rules.start_investigation_days,
                    unit="days",
                    met_by_actions=["start_investigation"],
                ),
                _deadline(
                    "feedback",
                    ("Palaute ilmoittajalle", "Återkoppling till anmälaren", "Feedback to the reporter"),
                    starts="acknowledge",
                    amount=rules.feedback_months,
                    unit="months",
                    met_by_events=["feedback_given"],
                ),
            ],
        }
    )


@functools.cache
def default_ordinary_workflow(rules: Deadlines) -> WorkflowTemplate:
    return WorkflowTemplate.model_validate(
        {
            "states": [
                {"key": "received", "label": _label("Vastaanotettu", "Mottagen", "Received")},
                {"key": "in_progress", "label": _label("Käsittelyssä", "Under behandling", "In progress")},
                {"key": "closed", "label": _label("Käsitelty", "Behandlad", "Closed"), "closed": True},
            ],
            "actions": [
                _action(
                    "start",
                    ["received"],
                    "in_progress",
                    ("Ota käsittelyyn", "Ta upp till behandling", "Start"),
                ),
                _action(
                    "close",
                    ["received", "in_progress"],
                    "closed",
                    ("Merkitse käsitellyksi", "Avsluta", "Close"),
                ),
                _action("reopen", ["closed"], "in_progress", ("Avaa uudelleen", "Öppna igen", "Reopen")),
            ],
            "deadlines": [
                _deadline(
                    "handle",
                    ("Käsittely", "Behandling", "Handling"),
                    starts=RECEIVED_AT,
                    amount=rules.ordinary_handling_working_days,
                    unit="workingDays",
                    met_by_actions=["close"],
                )
            ],
            "events": ["measure", "feedback_given", "follow_up_scheduled", "note"],
        }
    )


def _action(key: str, from_states: list[str], to: str, labels: tuple[str, str, str]) -> dict[str, object]:
    return {"key": key, "from": from_states, "to": to, "label": _label(*labels)}


def _deadline(
    key: str,
    labels: tuple[str, str, str],
    *,
    starts: str,
    amount: int,
    unit: str,
    met_by_actions: list[str] | None = None,
    met_by_events: list[str] | None = None,
) -> dict[str, object]:
    return {
        "key": key,
        "label": _label(*labels),
        "starts": starts,
        "amount": amount,
        "unit": unit,
        "metByActions": met_by_actions or [],
        "metByEvents": met_by_events or [],
    }
