"""Earlier occasions named by comparison: "leur premier échange depuis la mi-septembre".

Reports date the previous contact of the same people in passing, to say how
long it has been: "their first face-to-face meeting since October", "leur
deuxième rencontre, après celle de février 2020", "their second call after the
one in March". Each states that those people met or spoke at that earlier
date, so it is a contact of its own, dated by the phrase after the cue.

Only the possessive form is read ("leur", "their"): it names who took part,
whereas "la première visite de la chancelière en Russie depuis 2018" does not
say whom she saw then.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.dates import TimeExpr
from kg.extract.triggers import Trigger
from kg.model import FuzzyDate
from kg.text import Word, folded_words, has_phrase

_POSSESSIVES = {"leur", "leurs", "their"}
_ORDINALS = {"premier", "premiere", "deuxieme", "second", "seconde", "troisieme", "quatrieme",
             "first", "third", "fourth"}
# "their last call in February 2022", "leur dernière rencontre remonte à 2011": the date follows the noun.
_LAST = {"last", "previous", "dernier", "derniere", "precedent", "precedente"}
# Cues after the noun that introduce the earlier occasion.
_CUES = (("depuis",), ("since",), ("apres", "celle"), ("apres", "celui"), ("after", "the", "one"),
         ("after", "that"), ("after", "those"))
_MAX_GAP = 3     # words between the ordinal and the noun: "first face-to-face meeting"
_CUE_REACH = 3   # words between the noun and the cue: "leur premier entretien téléphonique depuis"
_DATE_REACH = 6  # words between the cue and the date: "après celle de Vladivostok en avril 2019"


@dataclass(frozen=True, slots=True)
class EarlierOccasion:
    trigger: Trigger
    possessive: int  # word index of "leur" / "their": whose occasion it was
    time: TimeExpr
    same_kind: bool = False  # "leur précédent échange de ce type": the medium of the contact being told


_SAME_KIND = tuple(folded_words(p) for p in ("de ce type", "du même type", "de ce genre", "of this kind",
                                             "of the same kind", "of this type", "like this"))


def _cue_end(fw: list[str], start: int) -> int | None:
    for k in range(start, min(len(fw), start + _CUE_REACH + 1)):
        for cue in _CUES:
            if tuple(fw[k:k + len(cue)]) == cue:
                return k + len(cue)
    return None


def earlier_occasions(ws: list[Word], triggers: list[Trigger], times: list[TimeExpr], text: str = "",
                      offset: int = 0) -> list[EarlierOccasion]:
    """Every "their Nth <contact> since/after <date>" and "their last <contact> <date>" of one sentence.

    ``text`` (the sentence, starting at ``offset``) lets a comma end the phrase: in "leur première
    rencontre depuis l'invasion, puis dimanche avec Y", Sunday is not the earlier occasion's day.
    """
    fw = [w.folded for w in ws]
    out = []
    for trig in triggers:
        first = trig.words[0]
        since = _since_possessive(fw, first)
        if since is not None:
            # "since their failed summit in Hanoi in February": that summit, dated after its noun.
            time = _time_after(ws, times, trig.words[1], text, offset)
            if time is not None:
                out.append(EarlierOccasion(trig, since, time))
            continue
        ordinal = next((k for k in range(first - 1, max(-1, first - 2 - _MAX_GAP), -1)
                        if fw[k] in _ORDINALS | _LAST), None)
        if ordinal is None or ordinal == 0 or fw[ordinal - 1] not in _POSSESSIVES:
            continue
        end = trig.words[1] + 1 if fw[ordinal] in _LAST else _cue_end(fw, trig.words[1])
        if end is None or end > len(ws):
            continue
        # The time may swallow the cue itself ('since October').
        lo, hi = ws[end - 1].start, ws[min(len(ws), end + _DATE_REACH) - 1].end
        comma = text.find(",", lo - offset) if text and fw[ordinal] not in _LAST else -1
        if comma >= 0:  # "leur précédent échange, le 30 décembre" keeps its date past the comma
            hi = min(hi, comma + offset)
        time = next((t for t in times if lo <= t.start < hi and t.past is not None), None)
        if time is not None and _clause_before(ws, end, time):
            continue  # "their first meeting since Russia invaded in February": the invasion's month
        if time is not None:
            after = tuple(fw[trig.words[1]:trig.words[1] + 4])
            same = any(after[:len(p)] == p for p in _SAME_KIND)
            out.append(EarlierOccasion(trig, ordinal - 1, time, same))
    return out


_IRREGULAR_PAST = {"took", "became", "began", "came", "won", "left", "went", "was", "were", "fell", "broke"}
_DETERMINERS = {"the", "a", "an", "their", "its", "his", "her"}


def _clause_before(ws: list[Word], start: int, time: TimeExpr) -> bool:
    """Does a verb stand between the cue (word ``start``) and the time: "since Russia invaded in
    February", "since Biden took office in 2021", "depuis qu'il a pris ses fonctions en mai"?"""
    fw = [w.folded for w in ws]
    if start > 0 and fw[start - 1] == "depuis" and fw[start:start + 1] in (["que"], ["qu"]):
        return True
    for k in range(start, len(ws)):
        if ws[k].start >= time.start:
            return False
        w = fw[k]
        if w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 3 and fw[k - 1] not in _DETERMINERS):
            return True
    return False


def _since_possessive(fw: list[str], first: int) -> int | None:
    """The "their"/"leur" of "since their (failed) summit", "depuis leur rencontre", if any."""
    k = next((k for k in range(first - 1, max(-1, first - 2 - _MAX_GAP), -1) if fw[k] in _POSSESSIVES), None)
    return k if k is not None and k > 0 and fw[k - 1] in ("since", "depuis") else None


def _time_after(ws: list[Word], times: list[TimeExpr], end: int, text: str, offset: int) -> TimeExpr | None:
    """The first past time within a few words after word ``end``, before any comma."""
    if end >= len(ws):
        return None
    lo, hi = ws[end].start, ws[min(len(ws), end + _DATE_REACH) - 1].end
    comma = text.find(",", lo - offset) if text else -1
    if comma >= 0:
        hi = min(hi, comma + offset)
    return next((t for t in times if lo <= t.start < hi and t.past is not None and not t.since), None)


# "deux fois", "à deux reprises", "twice": a count that a list of dates may spell out.
_COUNTS = tuple(folded_words(c) for c in (
    "deux fois", "trois fois", "quatre fois", "à deux reprises", "à trois reprises", "à plusieurs reprises",
    "plusieurs fois", "twice", "two times", "three times", "three occasions", "two occasions", "several times"))


def listed_dates(ws: list[Word], window: tuple[int, int], times: list[TimeExpr]) -> list[FuzzyDate]:
    """"Ils s'étaient parlé deux fois, en février et en septembre": one past date per occasion.

    Only when the clause both counts the contacts and lists two or more dates of at
    least month precision; otherwise the count is an aggregate and dates nothing.
    """
    lo, hi = window
    fw = [w.folded for w in ws[lo:hi]]
    if not has_phrase(fw, _COUNTS) or not 0 <= lo < hi <= len(ws):
        return []
    start, end = ws[lo].start, ws[hi - 1].end
    inside = [t for t in times if start <= t.start and t.end <= end and not t.since and t.past is not None]
    dates = [t.past for t in inside if t.past is not None and t.past.month is not None]
    # "twice last year, in February and September": the year phrase dates the listed months.
    years = {t.past.year for t in inside if t.past is not None and t.past.month is None}
    if len(years) == 1:
        (year,) = years
        dates = [FuzzyDate(year, d.month, d.day) for d in dates]
    unique = list(dict.fromkeys(dates))
    return unique if len(unique) >= 2 else []
