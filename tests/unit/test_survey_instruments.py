"""The survey's questions: the validated instruments word for word in English only, by
key, our own items in fi, sv and en, the screening question apart from the scored ones."""

from __future__ import annotations

import pytest

from workwell.domain.survey.instruments import (
    ENGLISH_INSTRUMENT_TEXTS,
    INSTRUMENT_TEXT_KEYS,
    INSTRUMENTS,
    QUESTION_IDS,
    SCREENING,
    SCREENING_ANSWER_VALUES,
    SCREENING_QUESTION_ID,
    Dimension,
    Instrument,
    missing_instrument_texts,
    unknown_instrument_texts,
)

LANGUAGES = {"fi", "sv", "en"}
VALIDATED = [i for i in INSTRUMENTS if i.validated]
OWN = [i for i in INSTRUMENTS if not i.validated]


def by_dimension(dimension: Dimension) -> Instrument:
    return next(i for i in INSTRUMENTS if i.dimension is dimension)


def english(key: str | None) -> str:
    assert key is not None
    return ENGLISH_INSTRUMENT_TEXTS[key]


def test_the_survey_order_and_the_question_ids() -> None:
    assert [(i.dimension, i.instrument, i.validated) for i in INSTRUMENTS] == [
        (Dimension.WELLBEING, "who5", True),
        (Dimension.WORK_ABILITY, "was", True),
        (Dimension.SOCIAL_SUPPORT, "osss3", True),
        (Dimension.COMPETENCE, "own", False),
        (Dimension.PHYSICAL, "own", False),
    ]
    assert [[q.id for q in i.questions] for i in INSTRUMENTS] == [
        ["who5_1", "who5_2", "who5_3", "who5_4", "who5_5"],
        ["was_1"],
        ["osss3_1", "osss3_2", "osss3_3"],
        ["competence_1", "competence_2"],
        ["physical_1", "physical_2"],
    ]
    assert len(QUESTION_IDS) == 13
    assert SCREENING_QUESTION_ID not in QUESTION_IDS


def test_who5_word_for_word() -> None:
    who5 = by_dimension(Dimension.WELLBEING)
    assert english(who5.instructions_key) == (
        "Please indicate for each of the five statements which is closest to how you have been "
        "feeling over the last two weeks."
    )
    assert [english(q.text_key) for q in who5.questions] == [
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ]
    for question in who5.questions:
        assert [(o.value, english(o.text_key)) for o in question.options] == [
            (5, "All of the time"),
            (4, "Most of the time"),
            (3, "More than half of the time"),
            (2, "Less than half of the time"),
            (1, "Some of the time"),
            (0, "At no time"),
        ]
    assert "WHO-5" in who5.source


def test_work_ability_score_word_for_word() -> None:
    (question,) = by_dimension(Dimension.WORK_ABILITY).questions
    assert english(question.text_key) == (
        "Assuming that your work ability at its best has a value of 10 points, "
        "how many points would you give your current work ability?"
    )
    labels = [(o.value, english(o.text_key)) for o in question.options]
    assert labels == [
        (0, "Completely unable to work"),
        *((n, str(n)) for n in range(1, 10)),
        (10, "Work ability at its best"),
    ]


def test_osss3_word_for_word_with_its_published_values() -> None:
    questions = by_dimension(Dimension.SOCIAL_SUPPORT).questions
    assert [english(q.text_key) for q in questions] == [
        "How many people are so close to you that you can count on them if you have great personal problems?",
        "How much interest and concern do people show in what you do?",
        "How easy is it to get practical help from neighbours if you should need it?",
    ]
    options = [{o.value: english(o.text_key) for o in q.options} for q in questions]
    assert options == [
        {1: "None", 2: "1–2", 3: "3–5", 4: "6 or more"},  # noqa: RUF001
        {
            5: "A lot of concern and interest",
            4: "Some concern and interest",
            3: "Uncertain",
            2: "Little concern and interest",
            1: "No concern and interest",
        },
        {5: "Very easy", 4: "Easy", 3: "Possible", 2: "Difficult", 1: "Very difficult"},
    ]


@pytest.mark.parametrize("instrument", VALIDATED, ids=lambda i: i.instrument)
def test_validated_instruments_have_no_translation_of_our_own(instrument: Instrument) -> None:
    assert instrument.instructions is None
    for question in instrument.questions:
        assert question.text is None
        assert question.text_key in INSTRUMENT_TEXT_KEYS
        for option in question.options:
            assert option.label is None
            assert option.text_key in INSTRUMENT_TEXT_KEYS
    assert set(instrument.title) == LANGUAGES


def test_every_instrument_text_is_used_by_some_question() -> None:
    used = {i.instructions_key for i in VALIDATED if i.instructions_key is not None}
    for instrument in VALIDATED:
        for question in instrument.questions:
            used.add(str(question.text_key))
            used.update(o.text_key for o in question.options)
    assert used == INSTRUMENT_TEXT_KEYS == set(ENGLISH_INSTRUMENT_TEXTS)


@pytest.mark.parametrize("instrument", OWN, ids=lambda i: i.dimension.value)
def test_own_items_are_written_in_fi_sv_and_en(instrument: Instrument) -> None:
    assert "not a validated scale" in instrument.source
    assert instrument.instructions_key is None
    assert instrument.instructions is not None
    assert set(instrument.instructions) == LANGUAGES
    assert set(instrument.title) == LANGUAGES
    for question in instrument.questions:
        assert question.text_key is None
        assert question.text is not None
        assert set(question.text) == LANGUAGES
        assert all(text.strip() for text in question.text.values())
        assert [o.value for o in question.options] == [1, 2, 3, 4, 5]
        for option in question.options:
            assert option.label is not None
            assert set(option.label) == LANGUAGES
            assert option.text_key not in INSTRUMENT_TEXT_KEYS


def test_own_items_say_what_was_asked() -> None:
    texts = {q.id: q.text["en"] for i in OWN for q in i.questions if q.text is not None}
    assert texts == {
        "competence_1": "I have the skills and knowledge my work requires.",
        "competence_2": "Over the past year I have had enough opportunities to learn and develop in my work.",
        "physical_1": "How would you rate your physical condition at the moment?",
        "physical_2": "Over the last two weeks I have felt physically well enough for my work.",
    }
    agreement = [o.label["en"] for o in by_dimension(Dimension.COMPETENCE).questions[0].options if o.label]
    assert agreement == [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ]
    condition = [o.label["en"] for o in by_dimension(Dimension.PHYSICAL).questions[0].options if o.label]
    assert (condition[0], condition[-1]) == ("Very poor", "Very good")


def test_the_screening_question() -> None:
    assert SCREENING.id == SCREENING_QUESTION_ID == "screening_harassment"
    assert SCREENING.text is not None
    assert SCREENING.text["en"] == "Have you experienced harassment or inappropriate treatment at work?"
    assert set(SCREENING.text) == LANGUAGES
    assert dict(SCREENING_ANSWER_VALUES) == {"yes": 1, "no": 0, "prefer_not_to_say": 2}
    assert [o.value for o in SCREENING.options] == [1, 0, 2]
    assert all(o.label is not None and set(o.label) == LANGUAGES for o in SCREENING.options)


def test_a_languages_instrument_texts_are_checked_complete() -> None:
    assert missing_instrument_texts(ENGLISH_INSTRUMENT_TEXTS) == []
    assert missing_instrument_texts({}) == sorted(INSTRUMENT_TEXT_KEYS)
    partial = {**ENGLISH_INSTRUMENT_TEXTS, "who5_3": "  "}
    del partial["osss3_2.option.4"]
    assert missing_instrument_texts(partial) == ["osss3_2.option.4", "who5_3"]


def test_unknown_instrument_texts_are_named() -> None:
    assert unknown_instrument_texts(ENGLISH_INSTRUMENT_TEXTS) == []
    assert unknown_instrument_texts({**ENGLISH_INSTRUMENT_TEXTS, "who5_6": "x", "was.1": "y"}) == [
        "was.1",
        "who5_6",
    ]
