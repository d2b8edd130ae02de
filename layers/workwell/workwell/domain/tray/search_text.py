"""Text search on the tray: word beginnings, in any of a service's languages.

A service's titles and descriptions (fi/sv/en) become one index string of normalised
words, each preceded by a space (" mielen hyvinvointi ..."); a query matches when every
query word, normalised the same way and with a space in front, occurs in it: "hyvin"
finds "hyvinvointi" but "vointi" does not. DynamoDB evaluates the same test
(`contains(search_text, :word)`) on the page it reads, so the stored string and the query
words must be folded identically, here and nowhere else.

Normalisation is Unicode NFKC followed by case folding (`str.casefold`), then NFC again:
"Työ", "TYÖ" and "työ" written with a combining diaeresis (o + U+0308) are one word, and
"ﬁ" (a ligature) is "fi". Å, Ä and Ö stay letters of their own (Finnish and Swedish
alphabets put them after Z; "sää" and "saa" are different words), so diacritics are never
stripped. Words are runs of letters and digits; everything else (punctuation, hyphens,
dashes) separates words, so "taide-työpaja" is found by "taide" and by "työpaja"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters and digits of any script; underscore is a word character to `\w` but not to us.
_WORD = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 8
MAX_QUERY_LENGTH = 100


def fold(text: str) -> str:
    """Canonical, caseless form of a text (NFKC, casefold, NFC)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).casefold())


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    return _WORD.findall(fold(text))


def search_index(texts: Iterable[str]) -> str:
    """One string holding every distinct word of the texts, each after a space."""
    seen = dict.fromkeys(word for text in texts for word in words(text))
    return "".join(f" {word}" for word in seen) + " "


def query_terms(query: str) -> tuple[str, ...]:
    """The query's words as they must occur in an index (" " + word), at most 8; the
    empty tuple if the query has no word at all."""
    found = dict.fromkeys(words(query[:MAX_QUERY_LENGTH]))
    return tuple(f" {word}" for word in list(found)[:MAX_QUERY_WORDS])


def matches(index: str, terms: Iterable[str]) -> bool:
    """Every term begins a word of the index (what the store's filter checks too)."""
    return all(term in index for term in terms)
