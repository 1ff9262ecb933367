"""Dates tied to a summit: "on the sidelines of the G20 summit in New Delhi", "en marge du sommet de l'Otan".

A contact a sentence places at a recurring summit, and dates no other way, takes the summit's
date from the shipped table (``kg/gazetteer/data/summits.json``): the day for a one-day summit,
else the month the summit was held in when it did not straddle two (a sidelines meeting is on
one of its days, and the text does not say which). The summit is the one the sentence names by
city or year; with neither, the one the article reports on: under way or just over for a
contact that took place, the next one for a plan. An older summit named by series alone dates
nothing, for the text does not say which one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.model import FuzzyDate
from kg.text import folded_words, has_phrase

_DATA = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "summits.json"

# How each series is named; "summit" must stand near the names that also name the organisation.
_NAMES: dict[str, tuple[str, ...]] = {
    "g20": ("G20", "G-20", "G 20"), "g7": ("G7", "G-7", "G 7"), "g8": ("G8", "G-8", "G 8"),
    "nato": ("NATO", "Otan", "Alliance atlantique", "Atlantic Alliance"), "brics": ("BRICS",),
    "sco": ("SCO", "OCS", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization",
            "Organisation de coopération de Shanghai"),
    "apec": ("APEC",), "asean": ("ASEAN", "Anase"),
    "epc": ("European Political Community", "Communauté politique européenne", "EPC", "CPE"),
    "chogm": ("Commonwealth",), "francophonie": ("Francophonie",),
    # Never "AU"/"UA" alone: "au sommet" is French for "at the summit".
    "au": ("African Union", "Union africaine"), "arab_league": ("Arab League", "Ligue arabe"),
}
# Series named without "summit": the conference or week is the occasion itself.
_SELF_NAMED: dict[str, tuple[str, ...]] = {
    "unga": ("UN General Assembly", "United Nations General Assembly", "Assemblée générale de l'ONU",
             "Assemblée générale des Nations unies", "UNGA"),
    "cop": ("COP",),
    "eas": ("East Asia Summit", "sommet de l'Asie de l'Est"),
    "chogm": ("CHOGM",),
}
_SUMMIT_WORDS = {"summit", "summits", "sommet", "sommets"}  # not "meeting": "a NATO meeting" of ministers
_REACH = 4          # words between a series name and "summit" ("the NATO leaders' summit", "sommet du G20")
_CITY_REACH = 8     # words after the name where its host city may stand ("G20 summit in New Delhi")
_RECENT = 45        # days after a summit it stays "the" summit of a contact told without city or year
_AHEAD = 200        # days before a summit a plan for "the" summit may be told
_COP_NUMBER = re.compile(r"^cop(\d{1,2})$")
# "since the G20 summit", "ahead of the NATO summit": another occasion than the contact's.
_OTHER_OCCASION = {"since", "depuis", "after", "apres", "before", "avant", "ahead", "until", "jusqu", "lendemain",
                   "veille", "following"}


@dataclass(frozen=True, slots=True)
class Summit:
    series: str
    start: dt.date
    end: dt.date
    cities: tuple[tuple[str, ...], ...]  # folded city names, English and French
    number: int | None = None            # COP's ordinal

    def date(self, reference: dt.date | None = None) -> FuzzyDate | None:
        """The finest date the summit justifies: its day, else its month; none across two months
        (COP26 ran from 31 October to 13 November), unless the article, written during the summit,
        leaves only days of one month."""
        end = min(self.end, reference) if reference is not None and self.start <= reference else self.end
        if self.start == end:
            return FuzzyDate.of(self.start)
        if (self.start.year, self.start.month) == (end.year, end.month):
            return FuzzyDate(self.start.year, self.start.month)
        return None


def _cop_number(start: dt.date) -> int:
    """COP1 met in 1995, one a year, none in 2020 (COP26 was put off to 2021)."""
    return start.year - 1994 if start.year <= 2019 else start.year - 1995


@lru_cache(maxsize=1)
def _summits(path: Path = _DATA) -> tuple[Summit, ...]:
    if not path.exists():
        return ()
    rows = json.loads(path.read_text(encoding="utf-8")).get("summits", [])
    out = []
    for r in rows:
        cities = tuple({folded_words(c) for c in (r.get("city_en", ""), r.get("city_fr", "")) if c})
        start, end = dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"])
        out.append(Summit(r["series"], start, end, cities, _cop_number(start) if r["series"] == "cop" else None))
    return tuple(out)


@lru_cache(maxsize=1)
def _name_index() -> dict[str, list[tuple[tuple[str, ...], bool, str]]]:
    """First folded word -> (whole name, needs "summit" nearby, series), longest names first."""
    index: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    for table, needs in ((_NAMES, True), (_SELF_NAMED, False)):
        for series, names in table.items():
            for name in names:
                key = folded_words(name)
                index.setdefault(key[0], []).append((key, needs, series))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def summit_date(fw: list[str], reference: FuzzyDate | None, planned: bool) -> FuzzyDate | None:
    """The date of the one summit the folded sentence ``fw`` names, if the table knows it."""
    summits = _summits()
    if not summits or reference is None:
        return None
    index = _name_index()
    for i, w in enumerate(fw):
        if not _OTHER_OCCASION.isdisjoint(fw[max(0, i - _REACH):i]):
            continue
        if (m := _COP_NUMBER.match(w)) or (w == "cop" and i + 1 < len(fw) and fw[i + 1].isdigit()):
            number = int(m.group(1)) if m else int(fw[i + 1])
            found = [s for s in summits if s.series == "cop" and s.number == number]
            if len(found) == 1:
                return found[0].date(reference.first_day())
        for key, needs, series in index.get(w, ()):
            if tuple(fw[i:i + len(key)]) != key:
                continue
            near = fw[max(0, i - _REACH):i] + fw[i + len(key):i + len(key) + _REACH]
            if needs and _SUMMIT_WORDS.isdisjoint(near):
                continue
            found = _pick([s for s in summits if s.series == series], fw[i + len(key):], reference, planned)
            if found is not None:
                return found.date(reference.first_day())
    return None


def _pick(candidates: list[Summit], after: list[str], reference: FuzzyDate, planned: bool) -> Summit | None:
    """The summit named by city or year after its name, else the one the article's date points to."""
    window = after[:_CITY_REACH]
    years = {int(w) for w in window if w.isdigit() and len(w) == 4}
    in_city = [s for s in candidates if has_phrase(window, s.cities)]
    if years:
        in_city = [s for s in (in_city or candidates) if s.start.year in years]
        return in_city[0] if len(in_city) == 1 else None
    if len(in_city) == 1:
        return in_city[0]
    pool = in_city or candidates
    day = reference.first_day()
    if planned:
        ahead = [s for s in pool if dt.timedelta(0) <= s.start - day <= dt.timedelta(days=_AHEAD)]
        return min(ahead, key=lambda s: s.start) if ahead else None
    recent = [s for s in pool if s.start <= day <= s.end + dt.timedelta(days=_RECENT)]
    return max(recent, key=lambda s: s.start) if recent else None



def names_a_series(fw: list[str], t: int, te: int) -> bool:
    """"the G7 summit", "le sommet de l'Otan", "a NATO summit": a multilateral gathering, whose
    co-attendance is no contact between any two of its leaders."""
    index = _name_index()
    for k in range(max(0, t - 3), min(len(fw), te + 4)):
        for key, _, _ in index.get(fw[k], ()):
            # The name may hold the summit word itself: "the East Asia Summit".
            if tuple(fw[k:k + len(key)]) == key and (k + len(key) <= te or k >= te or key[-1] == fw[t]):
                return True
    return False

