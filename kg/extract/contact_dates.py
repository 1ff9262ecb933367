"""When a contact took place: the date of one contact frame, read from the times of its sentence.

The time phrases of the sentence (``kg.extract.dates``) are many; which one dates a given contact
depends on where it stands: next to the contact's own partner, inside its clause, not in a phrase
about another occasion ("a day after his call with Putin", "ahead of the Day of Unity"), the day of
a plan rather than of its report ("le sommet prévu le 12 juin"), a summit's dates when nothing else
is said, or the report's own day for "has just". The rest of extraction asks ``contact_date``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from kg.extract.dates import TimeExpr, coarsest_common
from kg.extract.frames import Frame
from kg.extract.mentions import Mention
from kg.extract.summits import summit_date
from kg.extract.triggers import Trigger
from kg.model import FuzzyDate, Status
from kg.nlp.segment import Sentence
from kg.text import Word, fold


class StoryDays(Protocol):
    """What dating needs of the article being read: its reference day and the last day it told."""

    reference: FuzzyDate | None
    last_day: FuzzyDate | None


def _owner(t: TimeExpr, triggers: list[Trigger]) -> Trigger | None:
    """The trigger a time phrase belongs to: the nearest one on its left, else on its right.

    "spoke with Duda yesterday and dialed Trudeau today": "yesterday" is the first
    call's, "today" the second's.
    """
    left = [tr for tr in triggers if tr.end <= t.start]
    if left:
        return max(left, key=lambda tr: tr.end)
    right = [tr for tr in triggers if tr.start >= t.end]
    return min(right, key=lambda tr: tr.start) if right else None


_LINKERS = {"et", "and", "puis", "then", "ensuite", "later"}


def _partner_times(frame: Frame, partner: Mention | None, ws: list[Word], times: list[TimeExpr]) -> list[TimeExpr]:
    """"a parlé samedi avec X, puis dimanche avec Y", "met X in Kyiv on Wednesday and Y in Moscow on
    Thursday": a later partner's own time phrase, between the linker before it and the one after it.
    """
    if partner is None or frame.together or len(frame.partners) < 2 or partner is frame.partners[0]:
        return []
    k = frame.partners.index(partner)
    prev_end = frame.partners[k - 1].end
    link = max((w.start for w in ws if prev_end <= w.start < partner.start and w.folded in _LINKERS), default=prev_end)
    nxt = frame.partners[k + 1].start if k + 1 < len(frame.partners) else ws[min(frame.window[1], len(ws)) - 1].end
    next_link = min((w.start for w in ws if partner.end <= w.start < nxt and w.folded in _LINKERS), default=nxt)
    before = [t for t in times if link <= t.start and t.end <= partner.start and not t.since]
    after = [t for t in times if partner.end <= t.start and t.end <= next_link and not t.since]
    return before or after


_SCHEDULED = re.compile(r"(?:\bprévue?s?|\bprogrammée?s?|\bfixée?s?|\bdevai(?:t|ent) se tenir|"
                        r"\bdevai(?:t|ent) avoir(?: lieu)?|"
                        r"\bscheduled|\bplanned|\bset|\bdue|\bslated)(?:\s+(?:pour|le|la|au|for|on|to take place))*"
                        r"\s*$", re.IGNORECASE)
_DAY_AFTER = re.compile(r"\bafter\b|\blendemain d", re.IGNORECASE)  # not "this afternoon"


def _day_after(t: TimeExpr) -> bool:
    return t.kind == "day_word" and _DAY_AFTER.search(t.text) is not None


_PHRASE_STOP = re.compile(r"[,;:()]")
_LATER_OPENERS = {"before", "ahead", "avant", "veille"}  # what follows them comes later than the contact
_OCCASION_OPENERS = {"after", "following", "since", "apres", "depuis", "lendemain"} | _LATER_OPENERS


def other_occasions(ws: list[Word], sent: Sentence, trig: Trigger,
                     openers: set[str] = _OCCASION_OPENERS) -> list[tuple[int, int]]:
    """Word ranges "a day after his call with Putin, ..." that tell another occasion than the trigger's.

    From the opener to the next comma; the trigger's own phrase is never one of them.
    """
    out = []
    for k, w in enumerate(ws):
        if w.folded not in openers:
            continue
        end_char = _phrase_end(sent, w.end)
        end = next((j for j in range(k + 1, len(ws)) if ws[j].start >= end_char), len(ws))
        if not k <= trig.words[0] < end:
            out.append((k, end))
    return out


def _phrase_end(sent: Sentence, start: int) -> int:
    """Offset of the comma, colon, semicolon or bracket that ends the phrase opened at ``start``."""
    stop = _PHRASE_STOP.search(sent.text, start - sent.start)
    return sent.start + (stop.start() if stop else len(sent.text))


def _in_complement(phrase: TimeExpr, trig: Trigger, sent: Sentence) -> bool:
    """"a day after Macron hosted Zelenskyy, ...": is the trigger inside what the phrase governs?"""
    return phrase.end <= trig.start < _phrase_end(sent, phrase.end)


def _day_before(state: StoryDays, times: list[TimeExpr], phrase: TimeExpr) -> FuzzyDate | None:
    """The day before the one being told: the day the sentence gave earlier, else the story's day."""
    told = [t.past for t in times if t.end <= phrase.start and t.past is not None and t.past.day]
    anchor = told[-1] if told else state.last_day or state.reference
    day = anchor.as_date() if anchor else None
    return FuzzyDate.of(day - dt.timedelta(days=1)) if day else None


_COUNTED_DAYS = re.compile(r"(\w+) (?:days|jours plus) (later|earlier|tard|tot)")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "deux": 2, "trois": 3,
            "quatre": 4, "cinq": 5, "sept": 7, "dix": 10}


def _relative_day(state: StoryDays, times: list[TimeExpr], phrase: TimeExpr,
                  planned: bool = False) -> FuzzyDate | None:
    """"la veille", "the following day", "dans l'après-midi": relative to the day the sentence told
    before the phrase ("lundi avec X, puis, dans l'après-midi, avec Y"), else to the last dated contact
    of the article, else (for "the same day" words) to the publication date."""
    text = phrase.text.casefold()
    before = ("veille", "before", "day earlier", "jour plus", "previous")
    same = ("journée", "journee", "earlier", "same", "même", "foulée", "later", "soirée", "matinée", "après-midi",
            "during")
    shift = -1 if any(w in text for w in before) else 0 if any(w in text for w in same) else 1
    if (counted := _COUNTED_DAYS.match(fold(text))) is not None:
        n = _NUMBERS.get(counted.group(1)) or int(counted.group(1))
        shift = n if counted.group(2) in ("later", "tard") else -n
    # "is due to meet X on Monday and Y the following day": a plan's Monday is the coming one.
    days = [t.for_status(planned) or t.past for t in times if t.end <= phrase.start]
    told = [d for d in days if d is not None and d.day is not None]
    anchor = (told[-1] if told else None) or state.last_day or (state.reference if shift == 0 else None)
    day = anchor.as_date() if anchor else None
    return FuzzyDate.of(day + dt.timedelta(days=shift)) if day else None


def contact_date(state: StoryDays, sent: Sentence, times: list[TimeExpr], ws: list[Word], frame: Frame, trig: Trigger,
          status: Status, triggers: list[Trigger], partner: Mention | None = None) -> FuzzyDate | None:
    own = _partner_times(frame, partner, ws, times)
    if own:
        if own[-1].kind == "day_word" and own[-1].past is None:
            return _relative_day(state, times, own[-1], status is Status.PLANNED)
        return own[-1].for_status(status is Status.PLANNED)
    lo, hi = frame.window
    start = ws[lo].start if lo < len(ws) else trig.start
    end = ws[hi - 1].end if 0 < hi <= len(ws) else trig.end
    # "had a call ahead of the Day of Unity, marked on April 2": that date is the later occasion's;
    # "have exchanged letters since their summit in Hanoi in February": the summit's.
    later = other_occasions(ws, sent, trig, _LATER_OPENERS)
    masked = [(ws[s].start, ws[e - 1].end) for s, e in (*frame.excluded, *later) if s < e <= len(ws)]

    inside = [t for t in times if start <= t.start and t.end <= end and not t.since
              and not any(ms <= t.start < me for ms, me in masked) and not _in_since_clause(sent, t, trig)]
    in_clause = [tr for tr in triggers if start <= tr.start and tr.end <= end]
    own = [t for t in inside if _owner(t, in_clause) in (trig, None)]
    inside = own or inside
    if not inside and status is not Status.OCCURRED:
        # "A meeting between X and Y that had been scheduled for Sunday did not take place": the
        # relative clause lies outside the frame, and still says when the contact was to be.
        inside = [t for t in times if t.start >= trig.end and not t.since
                  and _SCHEDULED.search(sent.text[:t.start - sent.start])][:1]
    if not inside and len(ws) > 1:
        # "On Thursday evening in Paris, Hollande held two dinners: he first dined with Obama, then
        # received Putin": a time that opens the sentence dates the clauses after the colon too.
        inside = [t for t in times if t.start <= ws[1].start and t.end <= start and not t.since]
    if not inside and status is Status.OCCURRED and _just_done(ws, trig) and state.reference is not None \
            and state.reference.day is not None:
        return state.reference  # "Biden has just welcomed Xi", "Macron vient de s'entretenir avec X": today
    if not inside:
        # "met on the sidelines of the G20 summit in New Delhi": the summit's date, when known.
        return summit_date([w.folded for w in ws], state.reference, status is Status.PLANNED)
    either = _alternatives(sent, inside, status)
    if either is not None:
        return either
    # "le sommet prévu le 12 juin", "a meeting scheduled for Tuesday": the date of the plan, which a
    # called-off or planned contact takes, and which no contact that took place can take.
    scheduled = [t for t in inside if _SCHEDULED.search(sent.text[:t.start - sent.start])]
    if scheduled and status is not Status.OCCURRED:
        inside = scheduled
    elif len(scheduled) < len(inside):
        inside = [t for t in inside if t not in scheduled]
    after = next((t for t in inside if _day_after(t) and _in_complement(t, trig, sent)), None)
    if after is not None:
        return _day_before(state, times, after)
    # "Mardi, au lendemain de sa prise de fonctions, X a reçu Y": the phrase dates the main
    # clause against an event we do not know; only the contact in its complement gets a date.
    inside = [t for t in inside if not _day_after(t)]
    if not inside:
        return None
    best = min(inside, key=lambda t: min(abs(t.start - trig.end), abs(trig.start - t.end)))
    if best.kind == "day_word" and best.past is None:
        return _relative_day(state, times, best, status is Status.PLANNED)
    if status is Status.CANCELLED:
        return best.nearest(state.reference)
    return best.for_status(status is Status.PLANNED)


_OR = re.compile(r"^\s*(?:ou|or|et|and|-|–)\s*$")


_SINCE_CLAUSE = re.compile(r"\b(?:since|depuis qu(?:e|'|\s))\s*[^,;:.()\u2014]{1,50}$", re.IGNORECASE)


def _in_since_clause(sent: Sentence, t: TimeExpr, trig: Trigger) -> bool:
    """"their first meeting in Kyiv since Russia invaded in February": the clause "since" opens dates
    its own event, a bound for the contact noun outside it ("since Biden met him in Geneva in June
    2021" still dates the meeting inside; "has spoken to X since taking office on Wednesday" is a
    range the contact lies in)."""
    if trig.spec.pos != "noun":
        return False
    lo = max(0, t.start - sent.start - 60)
    m = _SINCE_CLAUSE.search(sent.text, lo, t.start - sent.start)
    return m is not None and not (sent.start + m.start() < trig.start < t.start)


def _alternatives(sent: Sentence, inside: list[TimeExpr], status: Status) -> FuzzyDate | None:
    """"prévue fin septembre ou début octobre", "hosted Xi on Thursday and Friday": the finest date
    both alternatives, or both days of one contact, share."""
    if len(inside) != 2 or not _OR.match(sent.text[inside[0].end - sent.start:inside[1].start - sent.start]):
        return None
    planned = status is not Status.OCCURRED
    a, b = (t.for_status(planned) for t in inside)
    if a is None or b is None:
        return None
    return coarsest_common(min(a.first_day(), b.first_day()), max(a.last_day(), b.last_day()))


_POSTPONED = {"postponed", "reporte", "reportee", "reportes", "reportees"}
_TO_A_NEW_DAY = re.compile(r"(?:\buntil|\bto|\btill|\bau|\ba|\bjusqu'au|à)\s*$", re.IGNORECASE)


def postponed_to(sent: Sentence, times: list[TimeExpr], cue: str, ws: list[Word] | None = None,
                 trig: Trigger | None = None) -> FuzzyDate | None:
    """The day a postponed contact was moved to ("until March 10", "au 10 mars"), if the sentence says.

    With ``ws`` and ``trig``, also a contact described inside the postponed one: "He postponed a visit
    to Riyadh, when he was due to meet the crown prince, until March 10" moves the meeting too.
    """
    if cue.split(":")[-1] in _POSTPONED:
        after = -1
    elif ws is not None and trig is not None \
            and any(w.folded in _POSTPONED for w in ws[:trig.words[0]]):
        after = ws[trig.words[1] - 1].end
    else:
        return None
    moved = [t for t in times if t.future is not None and not t.since and t.start > after
             and _TO_A_NEW_DAY.search(sent.text[:t.start - sent.start])]
    return moved[-1].future if len(moved) == 1 else None


_JUST = (("has", "just"), ("have", "just"), ("vient", "de"), ("viennent", "de"), ("vient", "d"), ("viennent", "d"))


def _just_done(ws: list[Word], trig: Trigger) -> bool:
    """"has just spoken", "vient de s'entretenir": done moments before the report."""
    fw = [w.folded for w in ws[max(0, trig.words[0] - 4):trig.words[0]]]
    return any(tuple(fw[k:k + 2]) == j for j in _JUST for k in range(len(fw) - 1))
