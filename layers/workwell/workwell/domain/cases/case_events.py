"""What a handler records along the way: parties heard separately, the assessment under the
Occupational Safety and Health Act (738/2002) §28, measures, feedback to the reporter, the
follow-up date and notes. The kind is metadata; everything else of an event is restricted
content and is stored sealed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from workwell.domain.errors import InvalidInput

CaseEventKind = Literal[
    "party_heard", "assessment", "measure", "feedback_given", "follow_up_scheduled", "note"
]
Party = Literal["reporter", "respondent", "witness"]
# Was it harassment in the sense of OSH Act §28?
Assessment = Literal["yes", "no", "partly"]
Measure = Literal[
    "guidance_discussion",
    "mediation",
    "work_arrangements",
    "written_warning",
    "occupational_health_referral",
    "training",
    "external_investigator",
]
TRANSITION_EVENT = "transition"
HANDOVER_EVENT = "handover"
FOLLOW_UP_DEADLINE = "followUp"


@dataclass(frozen=True)
class CaseEventDetails:
    """The sealed part of an event: what only the case's handlers may read."""

    party: Party | None = None
    assessment: Assessment | None = None
    measure: Measure | None = None
    follow_up_on: date | None = None
    note: str | None = None

    def as_record(self) -> dict[str, str]:
        record = {
            "party": self.party,
            "assessment": self.assessment,
            "measure": self.measure,
            "followUpOn": self.follow_up_on.isoformat() if self.follow_up_on else None,
            "note": self.note,
        }
        return {k: v for k, v in record.items() if v is not None}

    @classmethod
    def of_record(cls, record: dict[str, str]) -> CaseEventDetails:
        follow_up = record.get("followUpOn")
        return cls(
            party=record.get("party"),  # type: ignore[arg-type]
            assessment=record.get("assessment"),  # type: ignore[arg-type]
            measure=record.get("measure"),  # type: ignore[arg-type]
            follow_up_on=date.fromisoformat(follow_up) if follow_up else None,
            note=record.get("note"),
        )


@dataclass(frozen=True)
class CaseEvent:
    """One entry of the case's timeline: a recorded event, a transition or a handover. Only
    ids, kinds and states are in clear."""

    event_id: str
    report_id: str
    kind: str  # a CaseEventKind, TRANSITION_EVENT or HANDOVER_EVENT
    actor_id: str
    at: datetime
    action: str | None = None  # transitions: the workflow action taken
    from_state: str | None = None
    to_state: str | None = None
    # Handovers: who the case went to (assignees are case metadata, not content).
    assignee_id: str | None = None


# The field each kind needs; `note` may accompany any kind.
_REQUIRED_FIELD: dict[str, str] = {
    "party_heard": "party",
    "assessment": "assessment",
    "measure": "measure",
    "follow_up_scheduled": "followUpOn",
    "note": "note",
}


def check_event(kind: CaseEventKind, details: CaseEventDetails) -> None:
    """An event carries its own field and nothing that belongs to another kind."""
    given = set(details.as_record()) - {"note"}
    required = _REQUIRED_FIELD.get(kind)
    if required is not None and required not in details.as_record():
        raise InvalidInput.at(("body", required), "is required for this kind of event")
    for field in sorted(given - {required}):
        raise InvalidInput.at(("body", field), "does not belong to this kind of event")
