"""Tray text search: word beginnings, folded case, Unicode normalised, å/ä/ö kept."""

from __future__ import annotations

import unicodedata

import pytest

from workwell.domain.tray.search_text import fold, matches, query_terms, search_index, words

INDEX = search_index(
    [
        "Taidelähtöinen työhyvinvointi \u2013 Ääni ja kehä",
        "Konstbaserat välmående på arbetsplatsen; Öppen verkstad för Åsa",
        "Mentoring for early-childhood education",
    ]
)


def finds(query: str) -> bool:
    return matches(INDEX, query_terms(query))


@pytest.mark.parametrize(
    "query",
    [
        "työhyvinvointi",
        "TYÖHYVINVOINTI",
        "Työhyv",
        "taidelähtö",
        "ääni",
        "ÄÄNI",
        "kehä",
        "välmående",
        "VÄLMÅENDE",
        "öppen",
        "åsa",
        "arbetsplats",
        "verkstad för",
        "mentor early",
        "childhood",
    ],
)
def test_word_beginnings_match_in_any_case_and_language(query: str) -> None:
    assert finds(query)


@pytest.mark.parametrize(
    "query",
    [
        "hyvinvointi",  # inside a word, not at its beginning
        "aani",  # ä is a letter of its own, not a
        "valmaende",
        "oppen",
        "asa",
        "kaha",
        "platsen",
        "työhyvinvointia",  # longer than any word
        "mentoring yoga",  # every word must match
    ],
)
def test_inner_fragments_and_stripped_diacritics_do_not_match(query: str) -> None:
    assert not finds(query)


def test_decomposed_and_composed_letters_are_one_word() -> None:
    decomposed = unicodedata.normalize("NFD", "Työhyvinvointi ÄÄNI Välmående")
    assert decomposed != "Työhyvinvointi ÄÄNI Välmående"
    assert words(decomposed) == ["työhyvinvointi", "ääni", "välmående"]
    assert finds(unicodedata.normalize("NFD", "ääni välmå"))
    assert matches(search_index([decomposed]), query_terms("ÄÄNI"))


def test_compatibility_forms_and_caseless_letters_fold() -> None:
    assert fold("ﬁnska") == "finska"  # the fi ligature
    assert fold("Straße") == "strasse"
    assert fold("ＴＹÖ") == "työ"  # full-width letters
    assert words("taide-työpaja, kehä_3!") == ["taide", "työpaja", "kehä", "3"]


def test_a_query_without_words_has_no_terms_and_queries_are_bounded() -> None:
    assert query_terms("  \u2013 !? ") == ()
    assert len(query_terms(" ".join(f"sana{i}" for i in range(20)))) == 8
    assert query_terms("kehä kehä KEHÄ") == (" kehä",)


def test_the_index_holds_each_word_once_after_a_space() -> None:
    index = search_index(["Kehä kehä", "KEHÄ"])
    assert index == " kehä "
