"""The survey's questions, in the order they are asked.

Three are validated instruments with published scoring (WHO-5, the Work Ability Score,
OSSS-3); their wording is theirs, so only the published English text lives here, by key.
A tenant adds an official Finnish or Swedish translation as a setting, checked complete
with `missing_instrument_texts`; we never write our own translation of a validated
instrument, since a reworded question is no longer the validated one. Competence and
physical wellbeing are short items of our own in fi, sv and en, always labelled as not a
validated scale. The screening question on harassment is asked apart and never scored."""

# Ranges in the texts people read are written with an en dash, as in print.
# ruff: noqa: RUF001

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

from workwell.domain.localised_text import Language


class Dimension(StrEnum):
    WELLBEING = "wellbeing"
    WORK_ABILITY = "work_ability"
    SOCIAL_SUPPORT = "social_support"
    COMPETENCE = "competence"
    PHYSICAL = "physical"


class Band(StrEnum):
    GOOD = "good"
    MODERATE = "moderate"
    POOR = "poor"
    VERY_POOR = "very_poor"
    # OSSS-3 names its best band "strong support".
    STRONG = "strong"


InstrumentId = Literal["who5", "was", "osss3", "own"]
ScreeningAnswer = Literal["yes", "no", "prefer_not_to_say"]
SCREENING_QUESTION_ID = "screening_harassment"


@dataclass(frozen=True)
class Option:
    value: int
    # A key into the instrument texts (validated instruments); for our own items a stable
    # name of the option, with its text in `label`.
    text_key: str
    label: Mapping[Language, str] | None = None


@dataclass(frozen=True)
class Question:
    id: str
    text_key: str | None
    text: Mapping[Language, str] | None
    options: tuple[Option, ...]

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)


@dataclass(frozen=True)
class Instrument:
    dimension: Dimension
    instrument: InstrumentId
    # False for our own items: shown as "our own, not a validated scale".
    validated: bool
    title: Mapping[Language, str]
    instructions_key: str | None
    instructions: Mapping[Language, str] | None
    questions: tuple[Question, ...]
    source: str


def _texts(fi: str, sv: str, en: str) -> Mapping[Language, str]:
    return MappingProxyType({"fi": fi, "sv": sv, "en": en})


# The published English wording of the validated instruments, by text key.
_WHO5_OPTIONS = {
    5: "All of the time",
    4: "Most of the time",
    3: "More than half of the time",
    2: "Less than half of the time",
    1: "Some of the time",
    0: "At no time",
}
_WHO5_ITEMS = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)
_OSSS3_ITEMS: tuple[tuple[str, dict[int, str]], ...] = (
    (
        "How many people are so close to you that you can count on them if you have great personal problems?",
        {1: "None", 2: "1–2", 3: "3–5", 4: "6 or more"},
    ),
    (
        "How much interest and concern do people show in what you do?",
        {
            5: "A lot of concern and interest",
            4: "Some concern and interest",
            3: "Uncertain",
            2: "Little concern and interest",
            1: "No concern and interest",
        },
    ),
    (
        "How easy is it to get practical help from neighbours if you should need it?",
        {5: "Very easy", 4: "Easy", 3: "Possible", 2: "Difficult", 1: "Very difficult"},
    ),
)
_WAS_QUESTION = (
    "Assuming that your work ability at its best has a value of 10 points, "
    "how many points would you give your current work ability?"
)
_WAS_OPTIONS = {0: "Completely unable to work", 10: "Work ability at its best"}


def _published_english() -> dict[str, str]:
    texts = {
        "who5.instructions": (
            "Please indicate for each of the five statements which is closest to how you have been "
            "feeling over the last two weeks."
        ),
    }
    texts.update({f"who5.option.{value}": text for value, text in _WHO5_OPTIONS.items()})
    texts.update({f"who5_{n}": text for n, text in enumerate(_WHO5_ITEMS, start=1)})
    texts["was_1"] = _WAS_QUESTION
    # The published scale labels only its ends; the points between are shown as numbers.
    texts.update({f"was_1.option.{value}": _WAS_OPTIONS.get(value, str(value)) for value in range(11)})
    for n, (question, options) in enumerate(_OSSS3_ITEMS, start=1):
        texts[f"osss3_{n}"] = question
        texts.update({f"osss3_{n}.option.{value}": label for value, label in options.items()})
    return texts


ENGLISH_INSTRUMENT_TEXTS: Mapping[str, str] = MappingProxyType(_published_english())
INSTRUMENT_TEXT_KEYS: frozenset[str] = frozenset(ENGLISH_INSTRUMENT_TEXTS)


def missing_instrument_texts(texts: Mapping[str, str]) -> list[str]:
    """The text keys a language's instrument texts lack (sorted); an empty or blank text
    counts as missing, since a question would be shown without its wording."""
    return sorted(key for key in INSTRUMENT_TEXT_KEYS if not texts.get(key, "").strip())


def unknown_instrument_texts(texts: Mapping[str, str]) -> list[str]:
    """The keys that name no text of the instruments (sorted): likely a typo."""
    return sorted(key for key in texts if key not in INSTRUMENT_TEXT_KEYS)


_WHO5 = Instrument(
    dimension=Dimension.WELLBEING,
    instrument="who5",
    validated=True,
    title=_texts("Hyvinvointi", "Välbefinnande", "Wellbeing"),
    instructions_key="who5.instructions",
    instructions=None,
    questions=tuple(
        Question(
            id=f"who5_{n}",
            text_key=f"who5_{n}",
            text=None,
            # Presented from "All of the time" down to "At no time", as published.
            options=tuple(Option(value, f"who5.option.{value}") for value in range(5, -1, -1)),
        )
        for n in range(1, 6)
    ),
    source="WHO-5 Well-Being Index, WHO Regional Office for Europe 1998",
)

_WAS = Instrument(
    dimension=Dimension.WORK_ABILITY,
    instrument="was",
    validated=True,
    title=_texts("Työkyky", "Arbetsförmåga", "Work ability"),
    instructions_key=None,
    instructions=None,
    questions=(
        Question(
            id="was_1",
            text_key="was_1",
            text=None,
            options=tuple(Option(value, f"was_1.option.{value}") for value in range(11)),
        ),
    ),
    source=(
        "Work Ability Score: the first item of the Work Ability Index, "
        "Finnish Institute of Occupational Health (Tuomi et al. 1998)"
    ),
)

_OSSS3 = Instrument(
    dimension=Dimension.SOCIAL_SUPPORT,
    instrument="osss3",
    validated=True,
    title=_texts("Sosiaalinen tuki", "Socialt stöd", "Social support"),
    instructions_key=None,
    instructions=None,
    questions=tuple(
        Question(
            id=f"osss3_{n}",
            text_key=f"osss3_{n}",
            text=None,
            options=tuple(Option(value, f"osss3_{n}.option.{value}") for value in options),
        )
        for n, (_, options) in enumerate(_OSSS3_ITEMS, start=1)
    ),
    source="Oslo Social Support Scale (OSSS-3), Dalgard et al. 2006",
)

_AGREEMENT = tuple(
    Option(value, f"own.agreement.{value}", _texts(fi, sv, en))
    for value, fi, sv, en in (
        (1, "Täysin eri mieltä", "Helt av annan åsikt", "Strongly disagree"),
        (2, "Jokseenkin eri mieltä", "Delvis av annan åsikt", "Disagree"),
        (3, "Ei samaa eikä eri mieltä", "Varken av samma eller annan åsikt", "Neither agree nor disagree"),
        (4, "Jokseenkin samaa mieltä", "Delvis av samma åsikt", "Agree"),
        (5, "Täysin samaa mieltä", "Helt av samma åsikt", "Strongly agree"),
    )
)
_CONDITION = tuple(
    Option(value, f"own.condition.{value}", _texts(fi, sv, en))
    for value, fi, sv, en in (
        (1, "Erittäin huono", "Mycket dålig", "Very poor"),
        (2, "Melko huono", "Ganska dålig", "Poor"),
        (3, "Kohtalainen", "Måttlig", "Fair"),
        (4, "Melko hyvä", "Ganska god", "Good"),
        (5, "Erittäin hyvä", "Mycket god", "Very good"),
    )
)
_OWN_SOURCE = "Workwell's own questions, not a validated scale"

_COMPETENCE = Instrument(
    dimension=Dimension.COMPETENCE,
    instrument="own",
    validated=False,
    title=_texts("Osaaminen ja kehittyminen", "Kompetens och utveckling", "Competence and development"),
    instructions_key=None,
    instructions=_texts(
        "Kuinka hyvin seuraavat väittämät kuvaavat työtäsi?",
        "Hur väl stämmer följande påståenden in på ditt arbete?",
        "How well do the following statements describe your work?",
    ),
    questions=(
        Question(
            id="competence_1",
            text_key=None,
            text=_texts(
                "Minulla on työssäni tarvittavat taidot ja tiedot.",
                "Jag har de färdigheter och kunskaper som mitt arbete kräver.",
                "I have the skills and knowledge my work requires.",
            ),
            options=_AGREEMENT,
        ),
        Question(
            id="competence_2",
            text_key=None,
            text=_texts(
                "Minulla on ollut viimeisen vuoden aikana riittävästi mahdollisuuksia oppia ja kehittyä työssäni.",
                "Under det senaste året har jag haft tillräckligt med möjligheter att lära mig och utvecklas i mitt arbete.",
                "Over the past year I have had enough opportunities to learn and develop in my work.",
            ),
            options=_AGREEMENT,
        ),
    ),
    source=_OWN_SOURCE,
)

_PHYSICAL = Instrument(
    dimension=Dimension.PHYSICAL,
    instrument="own",
    validated=False,
    title=_texts("Fyysinen hyvinvointi", "Fysiskt välbefinnande", "Physical wellbeing"),
    instructions_key=None,
    instructions=_texts(
        "Seuraavat kysymykset koskevat fyysistä hyvinvointiasi.",
        "Följande frågor gäller ditt fysiska välbefinnande.",
        "The following questions are about your physical wellbeing.",
    ),
    questions=(
        Question(
            id="physical_1",
            text_key=None,
            text=_texts(
                "Millaiseksi arvioit fyysisen kuntosi tällä hetkellä?",
                "Hur skulle du bedöma din fysiska kondition just nu?",
                "How would you rate your physical condition at the moment?",
            ),
            options=_CONDITION,
        ),
        Question(
            id="physical_2",
            text_key=None,
            text=_texts(
                "Kahden viime viikon aikana fyysinen vointini on ollut riittävän hyvä työtäni varten.",
                "Under de senaste två veckorna har jag mått tillräckligt bra fysiskt för mitt arbete.",
                "Over the last two weeks I have felt physically well enough for my work.",
            ),
            options=_AGREEMENT,
        ),
    ),
    source=_OWN_SOURCE,
)

INSTRUMENTS: tuple[Instrument, ...] = (_WHO5, _WAS, _OSSS3, _COMPETENCE, _PHYSICAL)

SCREENING_ANSWER_VALUES: Mapping[ScreeningAnswer, int] = MappingProxyType(
    {"yes": 1, "no": 0, "prefer_not_to_say": 2}
)
_SCREENING_LABELS: tuple[tuple[ScreeningAnswer, str, str, str], ...] = (
    ("yes", "Kyllä", "Ja", "Yes"),
    ("no", "En", "Nej", "No"),
    ("prefer_not_to_say", "En halua vastata", "Jag vill inte svara", "I prefer not to say"),
)
# Asked apart from the scored questions: a yes offers a link to the confidential report
# form and files nothing.
SCREENING = Question(
    id=SCREENING_QUESTION_ID,
    text_key=None,
    text=_texts(
        "Oletko kokenut työssäsi häirintää tai epäasiallista kohtelua?",
        "Har du upplevt trakasserier eller osakligt bemötande i ditt arbete?",
        "Have you experienced harassment or inappropriate treatment at work?",
    ),
    options=tuple(
        Option(SCREENING_ANSWER_VALUES[answer], f"{SCREENING_QUESTION_ID}.{answer}", _texts(fi, sv, en))
        for answer, fi, sv, en in _SCREENING_LABELS
    ),
)

QUESTIONS: Mapping[str, Question] = MappingProxyType(
    {question.id: question for instrument in INSTRUMENTS for question in instrument.questions}
)
QUESTION_IDS: frozenset[str] = frozenset(QUESTIONS)
