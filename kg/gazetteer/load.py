"""Load the shipped leaders gazetteer (``kg/gazetteer/data/leaders.json``).

The file format is documented in ``kg/gazetteer/data/README.md``. Loading builds
the in-memory indexes once: names -> people, offices by country and kind, terms
by office and by person. Resolving a mention is then a dictionary walk.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.model import FuzzyDate, Leader
from kg.text import folded_words

DEFAULT_PATH = Path(__file__).with_name("data") / "leaders.json"

KINDS = ("head_of_state", "head_of_government", "foreign_minister", "international_organisation", "heir")
# G20 member states (QIDs as in the shared wd-world-leaders extracts): their foreign ministers are imported
# too, and only theirs count as leaders (the "foreign ministers of major states" of our scope). The EU
# and AU members of the G20 are covered by the importer's INTERNATIONAL_ORGANISATIONS.
G20_STATES = ("Q414", "Q408", "Q155", "Q16", "Q148", "Q142", "Q183", "Q668", "Q252", "Q38", "Q17", "Q96",
              "Q159", "Q851", "Q258", "Q884", "Q43", "Q145", "Q30")


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    en: str
    fr: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    linked: bool = True
    common_word: bool = False

    def leader(self, country: str | None = None) -> Leader:
        return Leader(self.key, self.en, self.fr or self.en, country, self.linked)


@dataclass(frozen=True, slots=True)
class Office:
    qid: str
    en: str
    fr: str
    country: str
    kind: str
    roles: frozenset[str]


@dataclass(frozen=True, slots=True)
class Country:
    qid: str
    en: str
    fr: str
    names_en: tuple[str, ...]
    names_fr: tuple[str, ...]
    adj_en: tuple[str, ...]
    adj_fr: tuple[str, ...]
    region: str
    primary: str


@dataclass(frozen=True, slots=True)
class Term:
    person: str
    office: str
    start: FuzzyDate | None
    end: FuzzyDate | None

    def certainly_covers(self, day: dt.date) -> bool:
        """In office on ``day`` whatever the unknown parts of the bounds are.

        On a hand-over day the incoming holder is certain and the outgoing one
        only possible, so "the UK prime minister" on 2022-10-25 is Sunak.
        """
        after_start = self.start is None or self.start.last_day() <= day
        before_end = self.end is None or day < self.end.first_day()
        return after_start and before_end

    def possibly_covers(self, day: dt.date) -> bool:
        after_start = self.start is None or self.start.first_day() <= day
        before_end = self.end is None or day <= self.end.last_day()
        return after_start and before_end


@dataclass
class NameTrie:
    """Folded word sequences -> payloads, walked word by word from any start."""

    root: dict = field(default_factory=dict)
    max_len: int = 0

    def add(self, key: tuple[str, ...], payload: object) -> None:
        if not key:
            return
        node = self.root
        for w in key:
            node = node.setdefault(w, {})
        node.setdefault(None, []).append(payload)
        self.max_len = max(self.max_len, len(key))

    def longest(self, seq: list[str], i: int) -> tuple[int, list] | None:
        """Longest key starting at ``seq[i]``: (length, payloads) or None."""
        node, best = self.root, None
        for j in range(i, min(len(seq), i + self.max_len)):
            node = node.get(seq[j])
            if node is None:
                break
            if None in node:
                best = (j - i + 1, node[None])
        return best


@dataclass(frozen=True, slots=True)
class NameEntry:
    """A way a person is named; ``short`` forms need the date or context to resolve."""

    person: str
    short: bool
    caps: tuple[bool, ...]  # which words must be capitalised in text


class Gazetteer:
    """People, offices and terms, with indexes for name and role lookups."""

    def __init__(self, data: dict) -> None:
        self.meta: dict = data.get("meta", {})
        self.countries = {q: _country(q, c) for q, c in data.get("countries", {}).items()}
        self.offices = {q: _office(q, o) for q, o in data.get("offices", {}).items()}
        self.people = {k: _person(k, p) for k, p in data.get("people", {}).items()}
        self.terms_by_office: dict[str, list[Term]] = defaultdict(list)
        self.terms_by_person: dict[str, list[Term]] = defaultdict(list)
        for person, office, start, end, *_ in data.get("terms", []):
            if person not in self.people or office not in self.offices:
                continue
            term = Term(person, office, _date(start), _date(end))
            self.terms_by_office[office].append(term)
            self.terms_by_person[person].append(term)
        self.offices_by_country: dict[str, list[Office]] = defaultdict(list)
        for office in self.offices.values():
            self.offices_by_country[office.country].append(office)
        self.names = NameTrie()
        for person in self.people.values():
            self._index_person(person)

    def _index_person(self, person: Person) -> None:
        from kg.text import words

        forms: dict[tuple[tuple[str, ...], bool], tuple[bool, ...]] = {}
        names = [(n, False) for n in (person.en, person.fr, *person.aliases)] + [(n, True) for n in person.short]
        for name, short in names:
            ws = words(name)
            folded = tuple(w.folded for w in ws)
            if not folded:
                continue
            caps = tuple(w.capitalised for w in ws)
            seen = forms.get((folded, short))
            # Spellings that fold alike ("Lee Jae Myung", "Lee Jae-myung"): a word needs its capital in
            # text only when every spelling gives it one, or the French label would not find the person.
            forms[(folded, short)] = caps if seen is None else tuple(a and b for a, b in zip(seen, caps, strict=True))
        for (folded, short), caps in forms.items():
            self.names.add(folded, NameEntry(person.key, short, caps))

    # -- terms -------------------------------------------------------------

    def holders(self, office: str, day: dt.date) -> list[str]:
        """People in ``office`` on ``day``; certain holders win over possible ones."""
        terms = self.terms_by_office.get(office, [])
        certain = sorted({t.person for t in terms if t.certainly_covers(day)})
        if certain:
            return certain
        return sorted({t.person for t in terms if t.possibly_covers(day)})

    def offices_held(self, person: str, day: dt.date | None) -> list[Office]:
        terms = self.terms_by_person.get(person, [])
        if day is not None:
            terms = [t for t in terms if t.possibly_covers(day)]
        return [self.offices[t.office] for t in terms]

    def ever_held(self, person: str) -> list[Office]:
        return [self.offices[t.office] for t in self.terms_by_person.get(person, [])]

    def minor_minister(self, person: str, day: dt.date | None) -> bool:
        """Only a foreign minister outside the G20 then: someone the gazetteer names, not a leader.

        "Blinken spoke with the Israeli foreign minister" is no contact between leaders; a
        foreign minister who also led a government keeps that office's standing.
        """
        held = (self.offices_held(person, day) if day is not None else []) or self.ever_held(person)
        return bool(held) and all(o.kind == "foreign_minister" and o.country not in G20_STATES for o in held)

    def country_of(self, person: str, day: dt.date | None) -> str | None:
        held = self.offices_held(person, day) or self.ever_held(person)
        return held[0].country if held else None

    def leader(self, key: str, day: dt.date | None = None) -> Leader:
        return self.people[key].leader(self.country_of(key, day))


def _date(value: str | None) -> FuzzyDate | None:
    if not value:
        return None
    try:
        return FuzzyDate.parse(value)
    except ValueError:
        return None


def _person(key: str, p: dict) -> Person:
    return Person(key, p.get("en") or p.get("fr") or key, p.get("fr") or p.get("en") or key,
                  tuple(p.get("aliases", ())), tuple(p.get("short", ())),
                  bool(p.get("linked", True)), bool(p.get("short_is_common_word", False)))


def _office(qid: str, o: dict) -> Office:
    return Office(qid, o.get("en", qid), o.get("fr", o.get("en", qid)), o.get("country", ""),
                  o.get("kind", "head_of_state"), frozenset(o.get("roles", ())))


def _country(qid: str, c: dict) -> Country:
    return Country(qid, c.get("en", qid), c.get("fr", c.get("en", qid)),
                   tuple(c.get("names_en", ())), tuple(c.get("names_fr", ())),
                   tuple(c.get("adj_en", ())), tuple(c.get("adj_fr", ())),
                   c.get("region", ""), c.get("primary", "head_of_state"))


def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """Read a gazetteer file (the shipped one by default)."""
    p = Path(path) if path else DEFAULT_PATH
    with p.open(encoding="utf-8") as fh:
        return Gazetteer(json.load(fh))


CAPITALS_PATH = DEFAULT_PATH.with_name("capitals.json")


@lru_cache(maxsize=2)
def shipped_capitals(path: str | None = None) -> dict[str, dict[str, tuple[str, ...]]]:
    """Country QID -> {"en": names, "fr": names} of its capital (and seat of government), for reading
    "a visit to Athens" as a visit to Greece. Names two states share are left out."""
    p = Path(path) if path else CAPITALS_PATH
    if not p.exists():
        return {}
    rows = json.loads(p.read_text(encoding="utf-8")).get("capitals", {})
    return {qid: {lang: tuple(r.get(lang, ())) for lang in ("en", "fr")}
            for qid, r in rows.items() if not r.get("ambiguous")}


@lru_cache(maxsize=4)
def shipped_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer loaded once per process (and per path)."""
    return load_gazetteer(path)


__all__ = [
    "KINDS",
    "Country",
    "Gazetteer",
    "NameEntry",
    "Office",
    "Person",
    "Term",
    "folded_words",
    "load_gazetteer",
    "shipped_gazetteer",
]
