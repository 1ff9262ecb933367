"""Article text -> sentences with their offsets in the article.

A rule-based splitter rather than the parser's sentence boundaries: it runs
before parsing (so the prefilter can choose sentences), gives the same
boundaries in French and English, and never depends on a model's whims.
Headlines, captions and paragraphs are separated by line breaks in news text,
so a line break always ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a dot does not end a sentence (folded, no dot).
_ABBREV = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "mr", "mrs", "ms", "st", "ste", "sr", "jr", "gen", "gén", "col", "lt",
    "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "pres", "prof", "rev", "hon", "no", "nos", "vol", "art",
    "p", "pp", "ch", "fig", "env", "cf", "etc", "vs", "av", "bd", "janv", "févr", "fevr", "avr", "juil", "sept",
    "oct", "nov", "déc", "dec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "inc", "ltd", "co", "corp",
    "dept", "univ", "approx", "min", "mgr", "me", "maj", "e", "u", "s", "n", "a",
}
_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s+|$)|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_LINE = re.compile(r"\n+")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; whitespace-only pieces are dropped."""
    out: list[Sentence] = []
    for paragraph, (start, end) in enumerate(_iter_lines(text)):
        cut = start
        for m in _END.finditer(text, start, end):
            stop = m.end()
            if m.group().startswith(".") and _is_abbreviation(text, m.start()):
                continue
            _add(out, text, cut, stop, paragraph)
            cut = stop
        _add(out, text, cut, end, paragraph)
    return out


def _iter_lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _LINE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """The word before the dot is a known abbreviation or a single initial."""
    i = dot
    while i > 0 and (text[i - 1].isalpha()):
        i -= 1
    word = text[i:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # "George W. Bush", "U.S."
    if i > 0 and text[i - 1] == "." and len(word) <= 2:
        return True  # the middle of "U.S.A."
    nxt = text[dot + 1:dot + 3]
    return word.casefold() in _ABBREV and not (word.casefold() in {"etc", "no", "a", "e", "me"} and nxt[:1] == "\n")


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))
