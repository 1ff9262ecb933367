"""What a contact was about: phrases after topic cues, linked to Wikidata when known.

A topic is the noun phrase after a cue ("au sujet de", "ont évoqué", "discussed",
"focused on"), cut at the next punctuation or clause boundary and split on
coordination ("du programme nucléaire iranien et de l'invasion russe" -> two
topics). Known phrases link to a Wikidata entity through the shipped topic
list; the rest become minted concepts labelled with the phrase.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from kg.model import Topic
from kg.text import Word, fold, folded_words

_CUES = {
    "fr": [folded_words(p) for p in (
        "au sujet de", "au sujet du", "au sujet des", "à propos de", "à propos du", "à propos des", "portant sur",
        "consacré à", "consacré au", "consacrée à", "consacrée au", "concernant", "ont évoqué", "a évoqué",
        "ont abordé", "a abordé", "ont discuté de", "ont discuté du", "ont discuté des", "a discuté de",
        "pour discuter de", "pour discuter du", "pour discuter des", "pour évoquer", "pour parler de",
        "pour parler du", "sur le dossier", "sur la question", "sur")],
    "en": [folded_words(p) for p in (
        "to discuss", "discussed", "discussing", "focused on", "focusing on", "centred on", "centered on",
        "regarding", "concerning", "about", "on", "over", "touched on", "addressed", "reviewed")],
}
_STOP_FR = {"de", "du", "des", "d", "la", "le", "les", "l", "un", "une"}
_STOP_EN = {"the", "a", "an", "of"}
_BOUNDARY = {"fr": {"que", "qu", "qui", "alors", "mais", "tandis", "lors", "selon", "a", "ont", "est", "sont",
                    "avait", "avaient", "apres", "avant", "pendant", "depuis", "durant", "quand", "lorsque"},
             "en": {"that", "which", "who", "but", "while", "after", "before", "during", "when", "said", "says",
                    "according", "since", "as", "is", "was", "were", "has", "had", "have"}}
_AND = {"fr": {"et", "ainsi"}, "en": {"and", "as"}}
_MAX_WORDS = 9
# Cue words like "on"/"sur" also start time and place phrases that are no topic.
_NOT_TOPIC_START = {folded_words(w)[0] for w in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "sidelines", "behalf", "phone", "telephone", "téléphone", "place",
    "invitation", "initiative", "demande", "request", "instruction", "record", "camera", "video", "twitter",
    "television", "télévision", "X", "Truth", "Telegram", "ce", "cette", "this", "that", "it", "him", "her",
    "them", "lui", "eux", "elle", "perron", "tarmac", "arrival", "arrivée", "way", "occasion")}
_DATA = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "topics.json"


@lru_cache(maxsize=1)
def _known() -> dict[tuple[str, ...], tuple[str, str]]:
    """Folded phrase -> (QID, English label) from the shipped topic list."""
    if not _DATA.exists():
        return {}
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for entry in json.loads(_DATA.read_text(encoding="utf-8"))["topics"]:
        for phrase in entry["phrases"]:
            table[folded_words(phrase)] = (entry["qid"], entry["en"])
    return table


def link(phrase: str, lang: str) -> Topic:
    """A topic for ``phrase``: the Wikidata entity whose phrase it contains, else minted."""
    key = folded_words(phrase)
    known = _known()
    best: tuple[int, tuple[str, str]] | None = None
    for n in range(len(key), 0, -1):
        for i in range(0, len(key) - n + 1):
            hit = known.get(key[i:i + n])
            if hit and (best is None or n > best[0]):
                best = (n, hit)
        if best:
            break
    if best is not None and best[0] >= max(1, len(key) // 2):
        return Topic(best[1][1], best[1][0], "en")
    return Topic(phrase, None, lang)


def find_topics(text: str, ws: list[Word], start: int, end: int, lang: str, offset: int = 0) -> list[Topic]:
    """Topics stated in words ``ws[start:end]`` (the contact's clause and its tail)."""
    cues = _CUES.get(lang, _CUES["en"])
    stop = _STOP_FR if lang == "fr" else _STOP_EN
    fw = [w.folded for w in ws]
    out: list[Topic] = []
    i = start
    while i < end:
        cue = next((c for c in cues if tuple(fw[i:i + len(c)]) == c), None)
        if cue is None:
            i += 1
            continue
        j = i + len(cue)
        for phrase in _phrases(text, ws, j, end, lang, offset):
            words_of = [w for w in folded_words(phrase) if w not in stop]
            if words_of and words_of[0] in _NOT_TOPIC_START:
                continue
            if words_of and not (len(words_of) == 1 and len(words_of[0]) < 3):
                out.append(link(phrase, lang))
        i = j
    seen: set[str] = set()
    unique = []
    for t in out:
        k = t.qid or fold(t.label)
        if k not in seen:
            seen.add(k)
            unique.append(t)
    return unique


def _phrases(text: str, ws: list[Word], j: int, end: int, lang: str, offset: int) -> list[str]:
    """Noun phrases from word j: stop at punctuation or a clause word; split on "and"."""
    stop = _STOP_FR if lang == "fr" else _STOP_EN
    parts: list[list[Word]] = [[]]
    k = j
    while k < end and k - j < _MAX_WORDS * 2:
        gap = text[ws[k - 1].end - offset:ws[k].start - offset] if k > j else ""
        if re.search(r"[,.;:!?()\"«»“”]", gap):
            break
        w = ws[k]
        if w.folded in _BOUNDARY.get(lang, set()):
            break
        if w.folded in _AND.get(lang, set()):
            parts.append([])
        elif w.text[:1].isdigit() and len(w.text) == 4:
            break
        else:
            parts[-1].append(w)
        k += 1
    out = []
    for p in parts:
        while p and p[0].folded in stop:
            p = p[1:]
        while p and p[-1].folded in stop:
            p = p[:-1]
        if p and len(p) <= _MAX_WORDS:
            out.append(text[p[0].start - offset:p[-1].end - offset])
    return out
