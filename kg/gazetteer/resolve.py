"""Resolve the leaders a short text names, at a date: the library side of ``kg leaders resolve``.

Nothing is decided here: mentions come from ``MentionFinder`` and people from
``Discourse`` (the same code the extraction runs), so what this answers is what
an article would get. This module only picks which office to report and packs
the result. A text is read like a small article: a full name earlier in it is
context for a surname later ("Shehbaz Sharif ... Sharif"), and "son homologue
russe" takes the office kind of the person named before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from weakref import WeakKeyDictionary

from kg.extract.discourse import Discourse
from kg.extract.mentions import Kind, Mention, MentionFinder, RoleSpec
from kg.gazetteer.load import Gazetteer, Office
from kg.ingest.clean import clean_text
from kg.nlp.segment import split_sentences

# What a resolution reports; anaphors and institutions ("il", "l'Elysée") are never a leader by themselves.
_PERSON_KINDS = (Kind.NAME, Kind.ROLE, Kind.COUNTERPART, Kind.GROUP, Kind.UNKNOWN)
# When a person holds several offices at once, the one a reader expects first (Putin in 2010: prime minister).
_KIND_ORDER = ("head_of_state", "head_of_government", "international_organisation", "foreign_minister", "heir")


@dataclass(frozen=True, slots=True)
class Resolution:
    """One leader mention of a text and who it is; ``key`` is None when it stays unresolved."""

    text: str                  # the mention as written ("président russe", "Macron")
    kind: str                  # name, role, counterpart, group or unknown (a titled person the gazetteer lacks)
    start: int
    end: int
    key: str | None = None     # a QID, or a minted "x-..." key when ``linked`` is False
    linked: bool = False       # the key is a Wikidata QID
    label: str | None = None   # the person's name in the text's language
    office: str | None = None  # label of the office held at the date (the one the role named, if any)
    country: str | None = None  # country QID of that office (or the one the text gives a minted person)

    @property
    def resolved(self) -> bool:
        return self.key is not None

    @property
    def qid(self) -> str | None:
        return self.key if self.linked else None

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "qid": self.qid}


class Resolver:
    """One MentionFinder per language over one gazetteer (building a finder costs far more than a lookup)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._finders: dict[str, MentionFinder] = {}

    def finder(self, lang: str) -> MentionFinder:
        lang = lang if lang in ("fr", "en") else "en"
        if lang not in self._finders:
            self._finders[lang] = MentionFinder(self.gaz, lang)
        return self._finders[lang]

    def resolve(self, text: str, day: dt.date | None, lang: str) -> list[Resolution]:
        # Cleaned like an article body (NFC, no invisible characters): word splitting would cut an NFD
        # "Erdoğan" at its combining breve, and "Mac\u200bron" would not be Macron.
        text = clean_text(text)
        finder = self.finder(lang)
        disc = Discourse(self.gaz, day)
        out: list[Resolution] = []
        for sentence in split_sentences(text):
            for m in finder.find(sentence.text, sentence.start):
                if m.kind not in _PERSON_KINDS:
                    continue
                m = disc.resolve(m, sentence.index)
                people: tuple[str | None, ...] = m.people
                if m.kind is Kind.COUNTERPART and m.spec is not None:
                    # "X a appelé son homologue russe": the possessive points where "il" would.
                    anchor = disc.singular(sentence.index, m.start, set())
                    people = (disc.counterpart(m.spec, anchor),)
                out.extend(self._resolution(disc, m, key, finder.lang) for key in people or (None,))
        return out

    def _resolution(self, disc: Discourse, m: Mention, key: str | None, lang: str) -> Resolution:
        base = Resolution(m.text, m.kind.value, m.start, m.end)
        if key is None:
            return base
        if key in disc.minted:  # a titled person the gazetteer does not know
            leader = disc.minted[key]
            office = _office_named(self.gaz, m.spec)
            return _with(base, key, False, leader.label_fr if lang == "fr" else leader.label_en,
                         office, lang, leader.country)
        person = self.gaz.people[key]
        office = _office_of(self.gaz, key, disc.day, m.spec)
        country = office.country if office else self.gaz.country_of(key, disc.day)
        return _with(base, key, person.linked, person.fr if lang == "fr" else person.en, office, lang, country)


def _with(base: Resolution, key: str, linked: bool, label: str, office: Office | None, lang: str,
          country: str | None) -> Resolution:
    office_label = (office.fr if lang == "fr" else office.en) if office else None
    return Resolution(base.text, base.kind, base.start, base.end, key, linked, label, office_label,
                      country or (office.country if office else None))


def _matches(gaz: Gazetteer, office: Office, spec: RoleSpec) -> bool:
    """``office`` is one the role phrase can name (same test as ``role_holders``, without the date)."""
    if spec.countries and office.country not in spec.countries:
        return False
    if spec.roles:
        return bool(spec.roles & office.roles)
    if spec.kind == "primary":
        country = gaz.countries.get(office.country)
        return country is not None and country.primary == office.kind
    return spec.kind in (None, office.kind)


def _office_of(gaz: Gazetteer, key: str, day: dt.date | None, spec: RoleSpec | None) -> Office | None:
    """The office to report: held at ``day`` (the one the role named first), else the latest one held.

    Without a date the latest office still says who the person is; with one, an
    office held only at another time would be misleading, so none is given.
    """
    if day is None:
        terms = sorted(gaz.terms_by_person.get(key, []),
                       key=lambda t: t.start.first_day() if t.start else dt.date.min)
        return gaz.offices[terms[-1].office] if terms else None
    held = gaz.offices_held(key, day)
    if not held:
        return None
    named = [o for o in held if spec is not None and _matches(gaz, o, spec)] or held

    def rank(o: Office) -> tuple[bool, int]:
        # Lapid in July 2022 is prime minister and foreign minister: "his Israeli counterpart" means the first.
        country = gaz.countries.get(o.country)
        return (country is None or country.primary != o.kind, _KIND_ORDER.index(o.kind))

    return min(named, key=rank)


def _office_named(gaz: Gazetteer, spec: RoleSpec | None) -> Office | None:
    """The office a title claims for a person the gazetteer lacks ("le Premier ministre ghanéen X"), if one."""
    if spec is None or len(spec.countries) != 1:
        return None
    offices = [o for o in gaz.offices_by_country.get(spec.countries[0], []) if _matches(gaz, o, spec)]
    return offices[0] if len(offices) == 1 else None


_RESOLVERS: WeakKeyDictionary[Gazetteer, Resolver] = WeakKeyDictionary()


def resolver_for(gazetteer: Gazetteer) -> Resolver:
    """The cached resolver of a gazetteer (its finders are built once per language)."""
    if gazetteer not in _RESOLVERS:
        _RESOLVERS[gazetteer] = Resolver(gazetteer)
    return _RESOLVERS[gazetteer]


def resolve_text(gazetteer: Gazetteer, text: str, day: dt.date | None, lang: str) -> list[Resolution]:
    """The leader mentions of ``text`` (names, roles, counterparts, groups, titled unknowns) at ``day``.

    Offsets index ``text`` as cleaned by ``kg.ingest.clean.clean_text`` (NFC, no
    invisible characters), as they index an article body. Without a day, roles
    cannot name anyone and a surname only resolves when a single person bears
    it. A group ("les présidents russe et ukrainien") gives one resolution per
    person, all with the group's text.
    """
    return resolver_for(gazetteer).resolve(text, day, lang)


__all__ = ["Resolution", "Resolver", "resolve_text", "resolver_for"]
