"""Undated follow-up sentences take the date of the occasion they continue.

A dispatch dates an occasion once, in the lead ("a été reçu lundi par X"), and
then narrates it without repeating the day ("Les deux dirigeants ont ensuite
été rejoints par le roi", "The two leaders then held a joint call with Y").
Leaving those contacts undated throws away what every reader understands, so
a follow-up inherits the date when all of this holds:

- it comes at most two sentences after a dated contact (or after a follow-up
  that inherited), and shares a participant with it (a leaderless lead's
  meeting is everyone's), or is told as its twin by the same remote medium
  ("sent a separate message");
- it has the same status (a plan continues a plan, a held meeting a held one);
- its sentence carries no mark of an earlier occasion: a pluperfect or a word
  like "déjà", "précédent", "already", "last", "since" points back in time,
  where the lead's date would be wrong.

A follow-up that inherits the date also inherits a remote medium (telephone,
video) when it names none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from kg.extract.dates import TimeExpr
from kg.extract.frames import SPEECH
from kg.model import ContactEvent, FuzzyDate, Mode, Status
from kg.text import folded_words, has_phrase

_GAP = 2  # sentences; past that the article has usually moved to another occasion

# Folded words that send a sentence back to an earlier occasion.
_EARLIER = {
    "fr": {"deja", "precedent", "precedente", "precedents", "precedemment", "auparavant", "dernier", "derniere",
           "depuis", "avait", "avaient", "etait", "etaient", "jamais"},
    "en": {"had", "already", "previous", "previously", "last", "since", "ago", "never", "once", "former"},
}


@dataclass
class Episode:
    """The latest dated contact: the date (and remote medium) a follow-up may inherit."""

    date: FuzzyDate
    people: frozenset[str]
    status: Status
    sentence: int
    mode: Mode = Mode.UNSPECIFIED


# "Le sommet s'est tenu par visioconférence. Michel s'est entretenu avec Li": the occasion's medium
# goes on with it. Only a remote one: who met in person may still have called a third leader.
_CARRIED_MODES = (Mode.PHONE, Mode.VIDEO)


# "Guterres had earlier held talks with Lavrov", "Plus tôt, il s'était entretenu avec X": earlier in
# the day being told; the pluperfect then says nothing of another occasion.
_SAME_DAY_EARLIER = [folded_words(p) for p in ("earlier", "plus tôt", "auparavant dans la journée",
                                               "earlier in the day", "plus tôt dans la journée")]
_PLUPERFECT = {"had", "avait", "avaient", "etait", "etaient", "auparavant"}


# "Xi sent a message to Erdogan. Premier Li sent a separate message to Arnous": told as a twin of the
# contact before it, by the same medium, another pair's contact is of the same day. Only messages and
# calls: a "separate meeting" may be any day of a trip.
_PARALLEL = {"separate", "similar", "parallel", "distinct", "semblable", "similaire", "parallele"}
_PARALLEL_MODES = (Mode.LETTER, Mode.PHONE, Mode.VIDEO)


_BEFORE_LEAVING = [folded_words(p) for p in (
    "avant de repartir", "avant de regagner", "avant de quitter", "avant de rentrer", "before leaving",
    "before returning", "before flying back", "before heading home", "before departing")]


def points_back(fw: tuple[str, ...], lang: str) -> bool:
    """Does the sentence (its folded words) speak of an earlier occasion than the one being narrated?"""
    back = _EARLIER.get(lang, _EARLIER["en"]) & set(fw)
    if back and back <= _PLUPERFECT and has_phrase(fw, _SAME_DAY_EARLIER):
        return False
    return bool(back)


def lead_episode(text: str, times: list[TimeExpr], people: set[str], lang: str,
                 tells_a_meeting: bool = False, mode: Mode = Mode.UNSPECIFIED) -> Episode | None:
    """A lead without a contact still dates the story: "Erdogan et Guterres sont arrivés jeudi à Lviv".

    Only a plain narrative lead counts: one past day, a leader in it (or a meeting word: "Le
    sommet UE-Chine s'est tenu vendredi", whose participants the next sentences name), no
    speech verb (the day someone *said* something is not the day of what they did).
    """
    days = [t for t in times if t.past is not None and t.past.day is not None and not t.since]
    # "X et Y ont annoncé samedi la fin du franc CFA": what two leaders announced together, they did
    # together that day; one leader's "a déclaré mardi" dates only the declaring.
    speech = not SPEECH.get(lang, SPEECH["en"]).isdisjoint(folded_words(text)) and len(people) < 2
    if len(days) != 1 or not (people or tells_a_meeting) or speech:
        return None
    return Episode(days[0].past, frozenset(people), Status.OCCURRED, 0, mode)  # type: ignore[arg-type]


def carry_dates(episode: Episode | None, events: list[ContactEvent], sentence: int, text: str,
                lang: str) -> tuple[list[ContactEvent], Episode | None]:
    """The sentence's events with inherited dates, and the episode that follows them."""
    if not events:
        return [], episode  # most sentences tell no contact: nothing to read
    out = []
    fw = folded_words(text)
    back = points_back(fw, lang)
    before_leaving = has_phrase(fw, _BEFORE_LEAVING)
    parallel = not _PARALLEL.isdisjoint(fw)
    for e in events:
        # A follow-up of the same day ("dans l'après-midi") is part of the occasion too.
        same_day = episode is not None and (e.date is None or e.date == episode.date)
        # "Il doit aussi rencontrer X avant de repartir": a plan for the rest of the visit being told.
        same_trip = episode is not None and e.date is None and before_leaving and e.status is Status.PLANNED
        if same_day and episode is not None and not back and sentence - episode.sentence <= _GAP \
                and (e.status is episode.status or same_trip) \
                and (not episode.people or not e.keys.isdisjoint(episode.people)
                     or (parallel and e.mode is episode.mode and e.mode in _PARALLEL_MODES)):
            carried = episode.mode if e.mode is Mode.UNSPECIFIED and episode.mode in _CARRIED_MODES else e.mode
            e = replace(e, date=episode.date, mode=carried)
        out.append(e)
    dated = [(e.date, e) for e in out if e.date is not None]
    if back:
        # "since Biden met him in Geneva in June 2021": an earlier occasion dates nothing that follows;
        # only the sentence's latest contact, if no older than the story's, goes on being told.
        dated = sorted(dated, key=lambda de: de[0].last_day())[-1:]
        if episode is not None and dated and dated[0][0].last_day() < episode.date.last_day():
            dated = []
    for date, e in dated:
        episode = Episode(date, e.keys, e.status, sentence, e.mode)
    return out, episode


_VISIT_DAYS = 3  # a state visit lasts a few days; the talks of its programme fall within them


def meetings_on_a_visit(events: list[ContactEvent]) -> list[ContactEvent]:
    """Talks of no stated medium with the host country's other leaders, during a visit, are meetings.

    "Scholz a été reçu vendredi par Xi Jinping. Le chancelier doit ensuite s'entretenir avec
    le Premier ministre Li Keqiang": the visitor is in Beijing, so he sees Li in person. Only
    when the article itself places the visitor there (a meeting with a leader of the same
    country within a few days) and the two leaders share a country the visitor does not.
    """
    meetings = [e for e in events if e.mode is Mode.MEETING and len(e.participants) == 2 and _day(e) is not None]
    out = []
    for e in events:
        if e.mode is Mode.UNSPECIFIED and len(e.participants) == 2 and e.status is not Status.CANCELLED \
                and _day(e) is not None and any(_same_visit(e, m) for m in meetings):
            e = replace(e, mode=Mode.MEETING)
        out.append(e)
    return out


def _day(e: ContactEvent) -> dt.date | None:
    return e.date.as_date() if e.date is not None and e.date.day is not None else None


def _same_visit(talks: ContactEvent, meeting: ContactEvent) -> bool:
    shared = talks.keys & meeting.keys
    if len(shared) != 1 or talks.keys == meeting.keys:
        return False
    (visitor,) = shared
    home = {p.key: p.country for p in (*talks.participants, *meeting.participants)}
    (partner,) = talks.keys - shared
    (host,) = meeting.keys - shared
    d1, d2 = _day(talks), _day(meeting)
    return home[partner] is not None and home[partner] == home[host] != home[visitor] and \
        d1 is not None and d2 is not None and abs((d1 - d2).days) <= _VISIT_DAYS
