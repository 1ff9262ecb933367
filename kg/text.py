"""Text helpers shared by every stage: folding for matching, words with offsets.

Matching happens on *folded* words (no accents, no case, one apostrophe), so
"Erdoğan", "ERDOGAN" and "Erdogan" meet, and NFC and NFD spellings are equal.
Offsets always point into the original text: folding is done word by word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Letters that NFKD does not decompose but that transliterations drop.
_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                        "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ð": "d", "þ": "th"})
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'", "′": "'"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Accent-, case- and apostrophe-insensitive form of ``text``."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_EXTRA))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True, slots=True)
class Word:
    """A run of letters or digits in the original text, with its folded form."""

    start: int
    end: int
    text: str
    folded: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def words(text: str, offset: int = 0) -> list[Word]:
    """Split ``text`` into words; apostrophes, hyphens and dots separate words."""
    return [Word(m.start() + offset, m.end() + offset, m.group(), fold(m.group()))
            for m in _WORD.finditer(text)]


def folded_words(text: str) -> tuple[str, ...]:
    """The folded word sequence of a phrase, the key used by every matcher."""
    return tuple(w.folded for w in words(text))


def has_phrase(fw: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Does any of ``phrases`` (folded word tuples) occur in the folded words ``fw``?"""
    seq = tuple(fw)
    return any(seq[i:i + len(p)] == p for p in phrases for i in range(len(seq) - len(p) + 1))


# What a slug may keep: letters, digits and IRI-safe punctuation. Compatibility
# decompositions of some letters bring spaces and other characters ("\ufdfa",
# "\u037a" fold to words with spaces), which would make an invalid IRI.
_UNSAFE = re.compile(r"[^A-Za-z0-9._~'()!*,;=:@-]+")


def slug(text: str, max_len: int = 80) -> str:
    """An ASCII slug for minted IRIs, made only of IRI-safe characters; never empty."""
    s = "-".join(folded_words(text))
    s = _UNSAFE.sub("-", s.encode("ascii", "ignore").decode())[:max_len].strip("-")
    return s or "x"
