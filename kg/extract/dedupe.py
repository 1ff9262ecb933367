"""One event per real contact within an article.

An article tells the same contact in its lead, body and captions. Two
candidates are the same contact when they have the same participants and the
same status, and neither their dates nor their modes disagree (an undated or
unspecified mention is compatible with a dated or typed one). Calls on two
different dates stay two events; a planned and an occurred contact stay two.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.model import ContactEvent, FuzzyDate, Mode, Status


def _recent(d: FuzzyDate, reference: FuzzyDate | None, ahead: int = 0) -> bool:
    """Is ``d`` near the article's date? An undated mention is most likely the news of the day.

    ``ahead``: days after the article still near, for plans ("the summit planned for 12 June").
    """
    if reference is None:
        return True
    ref = reference.last_day()
    if d.precision.value == 3:
        # An article dated only by its month ("2025-07") is near any day of that month.
        return -ahead - 10 <= (ref - d.first_day()).days <= 10 + (ref - reference.first_day()).days
    # A month or year ended more than ten days before the article is past news: "met in Kyiv" in a
    # 22 May readout is not the "last met in April" of its background paragraph.
    return d.first_day() <= ref + dt.timedelta(days=ahead) and (ref - d.last_day()).days <= 10


_PLAN_HORIZON = 120  # days: how far ahead an undated "the summit" can still be the dated one


def _dates_compatible(a: FuzzyDate | None, b: FuzzyDate | None, reference: FuzzyDate | None = None,
                      planned: bool = False) -> bool:
    if a is None and b is None:
        return True
    if a is None or b is None:
        # "met in Kyiv" (undated, today's news) is not the "last met in April" of the same article.
        return _recent(a or b, reference, _PLAN_HORIZON if planned else 0)  # type: ignore[arg-type]
    return a.compatible(b)


def _modes_compatible(a: Mode, b: Mode) -> bool:
    return a is Mode.UNSPECIFIED or b is Mode.UNSPECIFIED or a is b


def _finer(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.precision >= b.precision else b


def merge_two(a: ContactEvent, b: ContactEvent) -> ContactEvent:
    """The union of two descriptions of one contact."""
    mode = a.mode if a.mode is not Mode.UNSPECIFIED else b.mode
    topics = tuple(dict.fromkeys(a.topics + b.topics))
    evidence = tuple(dict.fromkeys(a.evidence + b.evidence))  # linear: long articles repeat a contact often
    return ContactEvent(a.participants, mode, a.status, _finer(a.date, b.date), topics, evidence)


def same_contact(a: ContactEvent, b: ContactEvent, reference: FuzzyDate | None = None) -> bool:
    return (a.keys == b.keys and a.status is b.status
            and _dates_compatible(a.date, b.date, reference, a.status is not Status.OCCURRED)
            and _modes_compatible(a.mode, b.mode))


def _within(small: ContactEvent, big: ContactEvent, reference: FuzzyDate | None) -> bool:
    """"X et Y se rendront à Kiev pour rencontrer Z": the X-Y reading is part of the X-Y-Z meeting.

    Only within one sentence, or from the headline: across body sentences a pair can well have
    met on its own, but a headline ("la réunion avec Pachinian annulée") names the story's
    contact by its main people only.
    """
    return (small.keys < big.keys and small.status is big.status
            and _dates_compatible(small.date, big.date, reference) and _modes_compatible(small.mode, big.mode)
            and ({e.text for e in small.evidence} <= {e.text for e in big.evidence} or headline_only(small)))


def headline_only(e: ContactEvent) -> bool:
    """Does only the headline tell this contact (its evidence rules carry "title")?"""
    return all(":title:" in ev.rule for ev in e.evidence)


def dedupe(events: list[ContactEvent], reference: FuzzyDate | None = None) -> list[ContactEvent]:
    """Merge candidates that describe one contact; dated ones absorb undated ones."""
    absorbed = {i: next((k for k, o in enumerate(events) if _within(e, o, reference)), None)
                for i, e in enumerate(events)}
    kept = []
    for i, e in enumerate(events):
        if absorbed[i] is not None:
            continue
        for j, host in absorbed.items():
            if host == i and headline_only(events[j]):
                e = merge_two(e, events[j])  # the headline stays with the contact as evidence
        kept.append(e)
    events = kept
    # Dated and typed candidates first, so an undated mention joins the contact
    # it is most likely about rather than pulling two dated calls together.
    order = sorted(range(len(events)), key=lambda i: (
        -(events[i].date.precision if events[i].date else 0), events[i].mode is Mode.UNSPECIFIED, i))
    merged: list[ContactEvent] = []
    for i in order:
        e = events[i]
        for k, m in enumerate(merged):
            if same_contact(m, e, reference):
                merged[k] = merge_two(m, e)
                break
        else:
            merged.append(e)
    merged = _side_meetings(_fulfilled(merged, reference))
    return sorted(merged, key=lambda e: min(ev.start for ev in e.evidence))


def _fulfilled(events: list[ContactEvent], reference: FuzzyDate | None = None) -> list[ContactEvent]:
    """A plan and a held contact of the same people on the same day are one contact, held.

    A live report says "Biden will greet Xi late this morning" at 8:30 and "Biden has just
    welcomed Xi" at 11:25: the story told the plan, then its outcome. An undated held contact is
    the news of the day, so it fulfils a plan for the article's own day.
    """
    today = reference if reference is not None and reference.precision.value == 3 else None
    out = list(events)
    for plan in events:
        if plan.status is not Status.PLANNED or plan.date is None or plan.date.precision.value != 3:
            continue
        k = next((k for k, e in enumerate(out) if e.status is Status.OCCURRED and e.keys == plan.keys
                  and (e.date or today) == plan.date and _modes_compatible(e.mode, plan.mode)), None)
        if k is not None:
            out[k] = merge_two(out[k], plan)
            out.remove(plan)
    return out


# Words that make a meeting part of a larger one: "also held a separate bilateral meeting".
_SIDE = re.compile(r"\b(?:separate|bilateral|one-on-one|tête-à-tête|en aparté|séparée?|bilatérale?)\b", re.IGNORECASE)


def _side_meetings(events: list[ContactEvent]) -> list[ContactEvent]:
    """An undated side meeting of some of a dated meeting's people took place that day.

    "Biden hosted Kishida and Yoon at Camp David on Friday ... The Japanese and South Korean
    leaders also held a separate bilateral meeting at the retreat."
    """
    out = []
    for e in events:
        if e.date is None and e.status is Status.OCCURRED and e.mode in (Mode.MEETING, Mode.UNSPECIFIED) \
                and any(_SIDE.search(ev.text) for ev in e.evidence):
            whole = [b for b in events if b.date is not None and b.status is Status.OCCURRED
                     and b.mode is Mode.MEETING and set(e.keys) < set(b.keys)]
            if len({b.date for b in whole}) == 1:
                e = replace(e, mode=Mode.MEETING, date=whole[0].date)
        out.append(e)
    return out
