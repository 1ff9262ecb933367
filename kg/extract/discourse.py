"""Who each mention is, given the article so far and its date.

A short name ("Sharif") goes to a person already named in full in the article,
else to the only candidate, else to the only candidate in office at the date;
otherwise it stays unresolved rather than guessed. Roles resolve to the office
holder at the date. Anaphors ("il", "the two leaders", "leur") resolve when a
contact needs them, against the people named before them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from kg.extract.mentions import Kind, Mention, RoleSpec
from kg.gazetteer.load import Gazetteer
from kg.model import FuzzyDate, Leader
from kg.text import slug


def _same_surname(a: str, b: str) -> bool:
    """Equal, or transliterations of one name ("Garibashvili" / "Gharibashvili", "Zelenskyi" / "Zelenskyy")."""
    return a == b or (min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85)


def reference_day(date: FuzzyDate | None) -> dt.date | None:
    """The day used to look up office holders for a date of any precision.

    A month-precision date stands for its middle and a year for its 1st of July:
    holders who changed inside the period stay ambiguous either way, so the
    choice only matters for coarse dates where it cannot be made better.
    """
    if date is None:
        return None
    if date.day is not None:
        return date.as_date()
    if date.month is not None:
        return dt.date(date.year, date.month, 15)
    return dt.date(date.year, 7, 1)


def role_holders(gaz: Gazetteer, spec: RoleSpec, day: dt.date | None, country: str | None = None,
                 kind: str | None = None) -> list[str]:
    """Holders at ``day`` of the offices a role phrase names in one country."""
    if day is None:
        return []
    # "Q971|Q974": either Congo; the caller decides between their holders.
    countries = tuple(c for slot in ((country,) if country else spec.countries) for c in slot.split("|"))
    out: list[str] = []
    if not countries and spec.roles:  # "le pape": the role alone says which office
        offices = [o for o in gaz.offices.values() if spec.roles & o.roles]
        for o in offices:
            out.extend(gaz.holders(o.qid, day))
        return sorted(set(out))
    for c in countries:
        want_kind = kind or spec.kind
        if want_kind == "primary":
            want_kind = gaz.countries[c].primary if c in gaz.countries else "head_of_state"
        offices = gaz.offices_by_country.get(c, [])
        chosen = [o for o in offices if spec.roles & o.roles] if spec.roles and not kind else []
        if not chosen and want_kind:
            chosen = [o for o in offices if o.kind == want_kind]
        for o in chosen:
            out.extend(gaz.holders(o.qid, day))
    return sorted(set(out))


@dataclass
class Discourse:
    """The people an article has named so far, in order, for one article."""

    gaz: Gazetteer
    day: dt.date | None
    history: list[tuple[int, int, str]] = field(default_factory=list)  # (sentence, char, key)
    # Every person-like mention, resolved or not: "il" must not skip an unresolved
    # subject and land on a resolved object.
    slots: list[tuple[int, int, str | None]] = field(default_factory=list)
    minted: dict[str, Leader] = field(default_factory=dict)
    home: str | None = None  # the country whose seat of power the article speaks from, if only one
    # "The President of the Republic, Emmanuel Macron": the article's own meaning of a bare title.
    titles: dict[RoleSpec, str] = field(default_factory=dict)

    def resolve(self, m: Mention, sentence: int) -> Mention:
        """Fill ``people`` for names, roles, groups and unknown leaders."""
        people: tuple[str, ...] = ()
        if m.kind is Kind.NAME:
            people = self._name(m)
        elif m.kind is Kind.ROLE:
            people = self._role(m)
        elif m.kind is Kind.GROUP and m.spec is not None:
            per_country = [role_holders(self.gaz, m.spec, self.day, country=c) for c in m.spec.countries]
            if all(len(h) == 1 for h in per_country):
                people = tuple(h[0] for h in per_country)
        elif m.kind is Kind.UNKNOWN:
            people = self._unknown(m)
        if m.kind is Kind.NAME and m.spec is not None and not m.spec.countries and len(people) == 1:
            self.titles.setdefault(m.spec, people[0])
        if m.kind in (Kind.NAME, Kind.ROLE, Kind.UNKNOWN):
            self.slots.append((sentence, m.start, people[0] if len(people) == 1 else None))
        if people:
            for key in people:
                self.history.append((sentence, m.start, key))
            return replace(m, people=people)
        return m

    def leader(self, key: str, day: dt.date | None = None) -> Leader:
        if key in self.minted:
            return self.minted[key]
        return self.gaz.leader(key, day or self.day)

    # -- names and roles -----------------------------------------------------

    def _seen(self) -> list[str]:
        return [k for _, _, k in reversed(self.history)]

    def _near_office(self, key: str, years: int = 5) -> bool:
        if self.day is None or not self.gaz.terms_by_person.get(key):
            return True  # minted or undated people: no evidence against them
        span = dt.timedelta(days=round(365.25 * years))  # not replace(year=...): 29 February has no twin
        lo, hi = max(dt.date.min + span, self.day) - span, min(dt.date.max - span, self.day) + span
        for t in self.gaz.terms_by_person[key]:
            start = t.start.first_day() if t.start else lo
            end = t.end.last_day() if t.end else hi
            if start <= hi and end >= lo:
                return True
        return False

    def _in_office(self, keys: tuple[str, ...]) -> list[str]:
        if self.day is None:
            return []
        return [k for k in keys if self.gaz.offices_held(k, self.day)]

    def _name(self, m: Mention) -> tuple[str, ...]:
        keys = m.candidates
        narrowed = False
        if m.spec is not None and len(keys) > 1:  # "le président Sharif", "Pope Francis": the role decides
            by_role = set(role_holders(self.gaz, m.spec, self.day)) if (m.spec.countries or m.spec.roles) else set()
            narrowed_keys = tuple(k for k in keys if k in by_role)
            narrowed = len(narrowed_keys) == 1
            keys = narrowed_keys or keys
        if len(keys) == 1 and (not m.short or narrowed):
            return keys
        seen = self._seen()
        for k in seen:  # an earlier full mention decides
            if k in keys:
                return (k,)
        if m.short and all(self.gaz.people[k].common_word for k in keys if k in self.gaz.people) and not m.titled:
            return ()
        # A surname alone names someone in office around the article's date: "Castro" in 2015
        # is not the Honduran president elected in 2021, "Abbas" in 2024 not Chad's premier of 2010.
        keys = tuple(k for k in keys if not m.short or self._near_office(k)) if self.day else keys
        if m.short and len(keys) > 1:
            # "Kim", "Sharif", "Li": a surname several leaders of the period share needs the
            # article to have named the person in full first, even if only one is in office.
            return ()
        if len(keys) == 1:
            return keys
        current = self._in_office(keys)
        return (current[0],) if len(current) == 1 else ()

    def _role(self, m: Mention) -> tuple[str, ...]:
        spec = m.spec
        if spec is None or spec.counterpart:
            return ()
        if spec.countries or spec.roles & {"pope"}:
            holders = role_holders(self.gaz, spec, self.day)
            if spec.needs_history and not set(holders) & set(self._seen()):
                return ()
            if len(holders) > 1 and any("|" in c for c in spec.countries):
                # "le président congolais": the Congo whose president the article has named.
                holders = [h for h in holders if h in set(self._seen())]
            return tuple(holders) if len(holders) == 1 else ()
        if spec in self.titles:  # the article already said who bears this very title
            return (self.titles[spec],)
        # A bare role ("le chef de l'Etat", "the President of the Republic") names the
        # article's protagonist of that rank: the first person named who holds it.
        for k in dict.fromkeys(k for _, _, k in self.history):
            for office in self.gaz.offices_held(k, self.day):
                if (spec.roles and spec.roles & office.roles) or (spec.kind and spec.kind == office.kind):
                    return (k,)
        # A readout from Downing Street says "the Prime Minister" for its own.
        if self.home:
            holders = role_holders(self.gaz, spec, self.day, country=self.home)
            return tuple(holders) if len(holders) == 1 else ()
        return ()

    def _unknown(self, m: Mention) -> tuple[str, ...]:
        name = m.name or m.text
        if m.spec is not None and m.spec.countries:
            surname = slug(name.split()[-1])
            for k in role_holders(self.gaz, m.spec, self.day):
                p = self.gaz.people[k]
                # "Prime Minister of Georgia Irakli Garibashvili": the holder, under another transliteration.
                if any(_same_surname(surname, slug(n.split()[-1])) for n in (p.en, p.fr, *p.aliases) if n.strip()):
                    return (k,)
        key = "x-" + slug(name)
        country = m.spec.countries[0] if m.spec is not None and len(m.spec.countries) == 1 else None
        self.minted.setdefault(key, Leader(key, name, name, country, linked=False))
        return (key,)

    # -- anaphora -------------------------------------------------------------

    def author(self) -> str | None:
        """Who writes in the first person: the leader a readout's headline names first."""
        title = [k for s, _, k in self.slots if s < 0]
        return title[0] if title else None

    def singular(self, sentence: int, before: int, exclude: set[str], latest: bool = False) -> str | None:
        """The person an "il" / "he" / "ce dernier" before char ``before`` points to.

        "ce dernier" is the latest person named; "il" is the first person named
        in its own sentence before it, else in the nearest earlier sentence.
        """
        # In text order: a pronoun's slot is recorded after the names of its sentence.
        earlier = sorted(((s, c, k) for s, c, k in self.slots if c < before and (k is None or k not in exclude)),
                         key=lambda x: (x[0], x[1]))
        if not earlier:
            return None
        if latest:
            return earlier[-1][2]
        same = [k for s, _, k in earlier if s == sentence]
        if same:
            return same[0]
        last_sentence = max(s for s, _, _ in earlier)
        if sentence - last_sentence > 3:
            return None
        return next(k for s, _, k in earlier if s == last_sentence)

    def plural(self, sentence: int, before: int, recent_pairs: list[tuple[str, ...]], count: int | None = None,
               anchor: str | None = None) -> tuple[str, ...]:
        """The people "les deux dirigeants" / "their" / "both men" point to.

        A count larger than the last contact's ("les trois dirigeants européens") names the
        latest contact of that size, else the last people named before it (not the anchor).
        """
        if count is None or count == 2:
            # "X and Y have not spoken since their last call": two people named just before, in the
            # same sentence, are who "their" means, whatever contact was read last.
            same = list(dict.fromkeys(k for s, c, k in self.history if s == sentence and c < before))
            if len(same) == 2:
                return tuple(same)
            if recent_pairs:
                return recent_pairs[-1]
        else:
            sized = [p for p in recent_pairs if len(set(p)) == count]
            if sized:
                return sized[-1]
            keys: list[str] = []
            for _, c, k in sorted(self.history, key=lambda x: (x[0], x[1]), reverse=True):
                if c < before and k != anchor and k not in keys:
                    keys.append(k)
            keys = keys[:count]
            if anchor and recent_pairs and all(any({anchor, k} == set(p) for p in recent_pairs) for k in keys):
                # "spoke with Sunak, Scholz and Macron ... discussed X with all three leaders": the
                # separate contacts already read, not one meeting of four.
                return recent_pairs[-1]
            return tuple(keys) if len(keys) == count else ()
        earlier = [(s, k) for s, c, k in self.history if c < before and sentence - s <= 3]
        keys: list[str] = []
        for _, k in reversed(earlier):
            if k not in keys:
                keys.append(k)
            if len(keys) == 2:
                return tuple(keys)
        return ()

    def seat_holder(self, m: Mention) -> str | None:
        """The leader who sits at the Elysée, the White House, the Kremlin... on the article's date."""
        from kg.extract.lexicon import SEATS
        from kg.text import folded_words

        country = SEATS.get(folded_words(m.text))
        if country is None:
            return None
        holders = role_holders(self.gaz, RoleSpec((country,), kind="primary"), self.day, kind="primary")
        return holders[0] if len(holders) == 1 else None

    def counterpart(self, spec: RoleSpec, anchor: str | None) -> str | None:
        """"son homologue russe": the holder in Russia of the anchor's kind of office."""
        if not spec.countries or self.day is None:
            return None
        country = spec.countries[0]
        kind = "primary"
        if anchor is not None:
            held = self.gaz.offices_held(anchor, self.day)
            if held:
                office = held[0]
                home = self.gaz.countries.get(office.country)
                is_primary = home is not None and home.primary == office.kind
                kind = "primary" if is_primary else office.kind
        holders = role_holders(self.gaz, RoleSpec((country,), kind=kind), self.day, kind=kind)
        return holders[0] if len(holders) == 1 else None
