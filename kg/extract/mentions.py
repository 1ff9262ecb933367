"""Find the ways a sentence points at leaders: names, roles, counterparts, anaphors.

The finder works on folded words (``kg.text.words``), not on spaCy tokens, so
it needs no model, runs before parsing (it is also the prefilter's matcher) and
behaves the same in French and English. Only surface matching happens here;
choosing the person behind a short name or a role at a date is done by
``kg.extract.discourse``, which sees the whole article.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from kg.extract import lexicon as lx
from kg.gazetteer.load import Gazetteer, NameEntry, NameTrie, shipped_capitals
from kg.text import Word, fold, words


def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

    return frozenset(fold(w) for w in EN_STOP | FR_STOP)


# Short names that are also function words need a title ("President Li") to count.
FUNCTION_WORDS = _function_words()


class Kind(StrEnum):
    NAME = "name"              # a gazetteer person by name
    ROLE = "role"              # "le président russe", "the Kremlin leader"
    COUNTERPART = "counterpart"  # "son homologue russe", "his Russian counterpart"
    GROUP = "group"            # "les présidents russe et ukrainien"
    ANAPHOR = "anaphor"        # "il", "les deux dirigeants", "their"
    UNKNOWN = "unknown"        # "le Premier ministre Kwame Mensah": a leader the gazetteer lacks
    INSTITUTION = "institution"  # "l'Elysée", "Moscou": takes a slot, is never a leader


_DETERMINERS = {"l", "le", "la", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "cet", "cette", "ce", "des",
                "du", "de", "d", "nouvel", "nouveau", "special", "speciale"}


def _indefinite(fw: list[str], i: int) -> bool:
    """"a sitting US president", "un président français": a role with an indefinite article."""
    k = i - 1
    if k > 0 and fw[k] in lx.GENERIC_ADJECTIVES:
        k -= 1
    return k >= 0 and fw[k] in lx.INDEFINITE


def _country(qids: list[str]) -> str:
    """One country key; an adjective two states share ("congolais", "Dominican") keeps both, as
    "Q971|Q974", for the discourse to settle by who the article names."""
    return "|".join(sorted(set(qids)))


# Words between a title and its name: "le président syrien par intérim, Ahmed al-Chareh".
_QUALIFIERS = (("par", "interim"), ("de", "transition"), ("interimaire",), ("interim",))


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """What a role phrase asks for; resolved against the gazetteer at a date."""

    countries: tuple[str, ...] = ()
    roles: frozenset[str] = frozenset()
    kind: str | None = None
    counterpart: bool = False
    plural: bool = False
    needs_history: bool = False  # resolve only to someone the article already named


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: Kind
    candidates: tuple[str, ...] = ()   # gazetteer keys the surface form can name
    short: bool = False                # a surname alone: needs date or context
    spec: RoleSpec | None = None
    anaphor: lx.Anaphor | None = None
    name: str | None = None            # UNKNOWN: the name as written
    people: tuple[str, ...] = ()       # resolved keys, filled by discourse resolution
    titled: bool = False               # preceded by a leader title ("President Xi")
    words: tuple[int, int] = (0, 0)    # word index range in its sentence

    @property
    def resolved(self) -> bool:
        return bool(self.people)

    @property
    def plural(self) -> bool:
        if self.kind is Kind.GROUP:
            return True
        if self.anaphor is not None:
            return self.anaphor.plural
        return bool(self.spec and self.spec.plural)


@dataclass
class _Tries:
    roles: NameTrie = field(default_factory=NameTrie)
    fixed: NameTrie = field(default_factory=NameTrie)
    anaphors: NameTrie = field(default_factory=NameTrie)
    institutions: NameTrie = field(default_factory=NameTrie)
    titles: NameTrie = field(default_factory=NameTrie)
    country_adj: NameTrie = field(default_factory=NameTrie)
    country_name: NameTrie = field(default_factory=NameTrie)
    capital: NameTrie = field(default_factory=NameTrie)


class MentionFinder:
    """Scans sentences of one language for leader mentions."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gaz = gazetteer
        self.lang = lang if lang in ("fr", "en") else "en"
        t = self.tries = _Tries()
        for key, role in lx.ROLE_WORDS[self.lang].items():
            t.roles.add(key, role)
        for key, fixed in lx.FIXED_ROLES[self.lang].items():
            t.fixed.add(key, fixed)
        for key, ana in lx.ANAPHORS[self.lang].items():
            t.anaphors.add(key, ana)
        for key in lx.INSTITUTIONS[self.lang]:
            t.institutions.add(key, True)
        for key in lx.TITLES[self.lang] | lx.HONORIFICS:
            t.titles.add(key, True)
        def key(phrase: str) -> tuple[str, ...]:
            return tuple(w.folded for w in words(phrase))

        def bare(k: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(w for w in k if w != "the")  # "Democratic Republic of (the) Congo"

        explicit: dict[tuple[str, ...], set[str]] = {}
        for qid, c in gazetteer.countries.items():
            for n in ((c.fr, *c.names_fr) if self.lang == "fr" else (c.en, *c.names_en)):
                explicit.setdefault(key(n), set()).add(qid)
                explicit.setdefault(bare(key(n)), set()).add(qid)
        for qid, c in gazetteer.countries.items():
            adjs = c.adj_fr if self.lang == "fr" else c.adj_en
            names = (c.fr, *c.names_fr) if self.lang == "fr" else (c.en, *c.names_en)
            for a in adjs:
                t.country_adj.add(key(a), qid)
            for k in map(key, names):
                t.country_name.add(k, qid)
                if len(k) > 2 and bare(k) != k:
                    t.country_name.add(bare(k), qid)
            for k in map(key, lx.official_names(self.lang, names, adjs)):
                # A generated form ("République congolaise") never overrides another country's own
                # name ("the Dominican Republic" is not Dominica's).
                if qid in explicit.get(k, {qid}) and qid in explicit.get(bare(k), {qid}):
                    t.country_name.add(k, qid)
        for qid, names in shipped_capitals().items():
            if qid in gazetteer.countries:
                for n in names[self.lang]:
                    t.capital.add(key(n), qid)
        for n in lx.BARE_STATE[self.lang]:  # "the President of the Republic": a country we cannot name
            t.country_name.add(tuple(w.folded for w in words(n)), "")
        self.det = lx.DETERMINERS[self.lang]
        self.of = lx.OF[self.lang]
        self.articles = lx.ARTICLES[self.lang]
        self.and_ = lx.AND[self.lang]

    # -- public ------------------------------------------------------------

    def place_country_at(self, fw: list[str], k: int) -> str | None:
        """The state whose name or capital starts at word k ("Greece", "Athens"), if one."""
        found = self.country_named_at(fw, k)
        if found is None:
            hit = self.tries.capital.longest(fw, k)
            qids = set(hit[1]) if hit else set()
            found = qids.pop() if len(qids) == 1 else None
        return found

    def country_named_at(self, fw: list[str], k: int) -> str | None:
        """The one state whose name (not adjective) starts at word k, if any."""
        hit = self.tries.country_name.longest(fw, k)
        qids = {q for q in hit[1] if q} if hit else set()
        return qids.pop() if len(qids) == 1 else None

    def country_at(self, fw: list[str], k: int) -> bool:
        """Does a country's name or adjective start at word k? ("in Israel" is no meeting place,
        "au Grand Palais" is one though "Grand" opens "Grand-Duché de Luxembourg".)"""
        return self.tries.country_name.longest(fw, k) is not None or self.tries.country_adj.longest(fw, k) is not None

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Mentions in ``text`` (one sentence), offsets shifted by ``offset``."""
        ws = words(text, offset)
        fw = [w.folded for w in ws]
        self._text, self._offset, self._ws = text, offset, ws
        out: list[Mention] = []
        i = 0
        while i < len(ws):
            m = (self._role(ws, fw, i) or self._name(ws, fw, i)
                 or self._anaphor(ws, fw, i) or self._institution(ws, fw, i))
            if m is None:
                i += 1
                continue
            if m.kind is Kind.INSTITUTION and all(w.text.isupper() for w in ws[:m.words[1]]) and len(m.text) > 2:
                i = m.words[1]  # a dateline ("KYIV/ST PETERSBURG, June 17 -") places the report, names no one
                continue
            if m.kind is Kind.NAME and m.spec is None:
                m = self._with_elliptic_adjective(ws, fw, m, out[-1].words[1] if out else 0)
            if out and m.kind is Kind.NAME and m.short and out[-1].kind is Kind.NAME and not out[-1].short and \
                    self._adjacent(ws, out[-1].words[1] - 1, m.words[0]) and \
                    not self._text[out[-1].end - offset:m.start - offset].strip():
                # "Mohamed bin Zayed Al Nahyan": the tail of one name is not a second person.
                out[-1] = replace(out[-1], end=m.end, text=self._surface(out[-1].start, m.end),
                                  words=(out[-1].words[0], m.words[1]))
            elif m.kind is Kind.UNKNOWN and m.words[0] > 0 and fw[m.words[0] - 1] in lx.DEPUTY:
                pass  # "Vice-President Kamala Harris": a title we do not mint leaders for
            elif m.kind is Kind.UNKNOWN and (m.name or "").split()[:1] in (["Consort"], ["consort"]):
                pass  # "Queen Consort Camilla": a monarch's spouse, not the monarch
            elif m.kind in (Kind.ROLE, Kind.GROUP) and m.spec is not None and m.words[0] > 0 and \
                    fw[m.words[0] - 1] in lx.FORMER | lx.DEPUTY:
                out.append(replace(m, spec=None))  # "the First President of Kazakhstan", "l'ancien président"
            elif m.kind in (Kind.ROLE, Kind.GROUP) and m.spec is not None and m.words[1] < len(fw) and \
                    fw[m.words[1]] in lx.ELECT_AFTER[self.lang]:
                out.append(replace(m, spec=None))  # "Ukraine's president-elect": not yet in office
            elif m.kind is Kind.ROLE and _indefinite(fw, m.words[0]):
                # Holds a slot in its frame but names nobody, so no pronoun can point to it either.
                out.append(replace(m, kind=Kind.INSTITUTION, spec=None))
            else:
                out.append(m)
            i = m.words[1]
        return self._named_groups(out, fw)

    def _with_elliptic_adjective(self, ws: list[Word], fw: list[str], m: Mention, free: int) -> Mention:
        """"Les présidents polonais Andrzej Duda, lituanien Gitanas Nauseda, ...": the country
        adjective before each name belongs to it, so that the names stay one coordinated list."""
        for k in (m.words[0] - 1, m.words[0] - 2):
            hit = self.tries.country_adj.longest(fw, k) if k >= free else None
            if hit and k + hit[0] == m.words[0] and self._adjacent(ws, m.words[0] - 1, m.words[0]):
                return replace(m, start=ws[k].start, text=self._surface(ws[k].start, m.end), words=(k, m.words[1]))
        return m

    def _named_groups(self, out: list[Mention], fw: list[str]) -> list[Mention]:
        """"Les présidents rwandais et congolais, Paul Kagame et Félix Tshisekedi": the names say who.

        A group role followed by an apposition of names is those people: the role alone
        can be ambiguous ("congolais" fits both Congos) or outdated, the names are not.
        """
        keep = []
        for k, m in enumerate(out):
            if m.kind is Kind.GROUP and m.spec is not None:
                names = []
                for n in out[k + 1:]:
                    if n.kind is not Kind.NAME:
                        break
                    gap = fw[(names[-1] if names else m).words[1]:n.words[0]]
                    if gap and (not names or any(w not in ("et", "and") for w in gap)):
                        break
                    names.append(n)
                if len(names) >= 2 and "," in self._surface(m.end, names[0].start):
                    continue
            keep.append(m)
        return keep

    # -- pieces ------------------------------------------------------------

    def _surface(self, start: int, end: int) -> str:
        return self._text[start - self._offset:end - self._offset]

    def _mention(self, ws: list[Word], i: int, j: int, kind: Kind, **kw: object) -> Mention:
        start, end = ws[i].start, ws[j - 1].end
        return Mention(start, end, self._surface(start, end), kind, words=(i, j), **kw)  # type: ignore[arg-type]

    def _name_at(self, ws: list[Word], fw: list[str], i: int) -> tuple[int, list[NameEntry]] | None:
        hit = self.gaz.names.longest(fw, i)
        if hit is None:
            return None
        n, entries = hit
        all_caps = all(w.text.isupper() for w in ws[i:i + n])
        ok = [e for e in entries
              if all_caps or all(ws[i + k].capitalised or not cap for k, cap in enumerate(e.caps))]
        # A short form must itself look like a name: "Xi" yes, "xi" in lower case no; one written with a
        # lower-case particle first ("ben Salmane", "von der Leyen") needs its capitalised words only.
        ok = [e for e in ok if not e.short or ws[i].capitalised or not e.caps[0]]
        if i > 0 and ws[i - 1].end == ws[i].start - 1 and self._text[ws[i].start - self._offset - 1] in "-‐" \
                and ws[i - 1].capitalised and self.gaz.names.longest(fw, i - 1) is None:
            ok = [e for e in ok if not e.short]  # "Agata Kornhauser-Duda" is not Duda; "Xi-Biden" is
        return (n, ok) if ok else None

    def _name(self, ws: list[Word], fw: list[str], i: int, titled: bool = False) -> Mention | None:
        hit = self._name_at(ws, fw, i)
        if hit is None:
            return None
        n, entries = hit
        full = [e.person for e in entries if not e.short]
        keys = tuple(dict.fromkeys(full or [e.person for e in entries]))
        short = not full
        titled = titled or self._title_before(fw, i)
        if short and n == 1 and fw[i] in FUNCTION_WORDS and not titled:
            return None  # "Le" at the start of a sentence is not Lê Minh Hưng
        if short and not titled and all(self.gaz.people[k].common_word for k in keys):
            # "May", "Key": only a title or an earlier full mention makes them names.
            return self._mention(ws, i, i + n, Kind.NAME, candidates=keys, short=True, titled=False)
        return self._mention(ws, i, i + n, Kind.NAME, candidates=keys, short=short, titled=titled)

    def _title_before(self, fw: list[str], i: int) -> bool:
        for k in range(max(0, i - 3), i):
            hit = self.tries.titles.longest(fw, k)
            if hit and k + hit[0] == i:
                return True
        return False

    def _anaphor(self, ws: list[Word], fw: list[str], i: int) -> Mention | None:
        hit = self.tries.anaphors.longest(fw, i)
        if hit is None and self.lang == "fr" and fw[i] in lx.ACCUSATIVE_CLITICS and i + 1 < len(fw) \
                and fw[i + 1] in lx.CLITIC_VERBS and i > 0:
            return self._mention(ws, i, i + 1, Kind.ANAPHOR, anaphor=lx.Anaphor(False, 0.6))
        if hit is None:
            for seq, followers in lx.BARE_COUNTS[self.lang].items():
                n = len(seq)
                if tuple(fw[i:i + n]) == seq and i + n < len(fw) and fw[i + n] in followers:
                    return self._mention(ws, i, i + n, Kind.ANAPHOR, anaphor=lx.Anaphor(True, 0.8, count=2))
            return None
        n, payload = hit
        ana: lx.Anaphor = payload[0]
        if tuple(fw[i:i + n]) == ("the", "leaders") and (
                i + n >= len(fw) or fw[i + n] in lx.NOT_AFTER_LEADERS or ws[i + n].folded.endswith("ing")):
            return None
        if ana.possessive and n == 1 and i + 1 < len(fw) and self._role(ws, fw, i + 1) is not None:
            return None  # "son homologue", "his Russian counterpart": the role rule owns the possessive
        if ana.protagonist and i + 1 < len(fw) and self._role(ws, fw, i + 1) is not None:
            return None  # "le dirigeant nord-coréen" is a role
        return self._mention(ws, i, i + n, Kind.ANAPHOR, anaphor=ana)

    def _institution(self, ws: list[Word], fw: list[str], i: int) -> Mention | None:
        hit = self.tries.institutions.longest(fw, i)
        if hit is None:
            return None
        n = hit[0]
        if fw[i] in ("presidence", "gouvernement", "government", "presidency", "office", "ministry",
                     "administration", "cabinet", "ministere") and not any(
                self.tries.country_adj.longest(fw, k) for k in range(i + 1, min(len(fw), i + 3))):
            return None  # a bare common noun is only an institution with its country
        if fw[i] in ("envoye", "envoyee", "envoyes", "envoyees") and (i == 0 or fw[i - 1] not in _DETERMINERS):
            return None  # "lui avait envoyé une lettre" is the verb; "l'envoyé spécial" the envoy
        return self._mention(ws, i, i + n, Kind.INSTITUTION)

    def _one_country_after(self, fw: list[str], k: int, first: bool) -> tuple[str | None, int]:
        """One country after a role noun: an adjective (French) or "de/of [the] Country"."""
        if k >= len(fw):
            return None, k
        if self.lang == "fr":
            hit = self.tries.country_adj.longest(fw, k)
            if hit:
                return _country(hit[1]), k + hit[0]
        m = k
        if fw[m] in self.of:
            m += 1
        elif first:
            return None, k
        while m < len(fw) and fw[m] in self.articles:
            m += 1
        hit = self.tries.country_name.longest(fw, m)
        if hit:
            qid = _country(hit[1])
            org = qid in self.gaz.countries and self.gaz.countries[qid].region == "International"
            if not first and org:
                return None, k  # "the President of Türkiye and the UN Secretary-General": two roles
            return qid, m + hit[0]
        return None, k

    def _countries_after(self, fw: list[str], j: int) -> tuple[list[str], int]:
        """Country adjectives or "de/of [the] Country" after a role noun, coordinated or not."""
        found: list[str] = []
        k = j
        while True:
            qid, k2 = self._one_country_after(fw, k, first=not found)
            if qid is None:
                break
            found.append(qid)
            k = k2
            if k < len(fw) and fw[k] in self.and_ and self._one_country_after(fw, k + 1, first=False)[0]:
                k += 1
                continue
            # "the leaders of France, Germany, Italy and Britain"
            if k < len(fw) and self._text[self._word_end(k - 1):self._word_start(k)].strip() == "," \
                    and self._one_country_after(fw, k, first=False)[0]:
                continue
            break
        return found, k

    def _comma_before(self, k: int) -> bool:
        ws = self._ws
        return 0 < k < len(ws) and "," in self._text[ws[k - 1].end - self._offset:ws[k].start - self._offset]

    def _countries_before(self, fw: list[str], i: int) -> tuple[list[str], int]:
        """English pre-modifiers: "Russian", "Russian and Ukrainian", "Russia's"."""
        found: list[str] = []
        k = i
        while k < len(fw):
            hit = self.tries.country_adj.longest(fw, k)
            name = self.tries.country_name.longest(fw, k)
            if name and k + name[0] < len(fw) and fw[k + name[0]] == "s":
                found.append(_country(name[1]))
                k += name[0] + 1
            elif hit:
                found.append(_country(hit[1]))
                k += hit[0]
            else:
                break
            if k < len(fw) and fw[k] in self.and_ and not self._comma_before(k):
                k += 1  # not ", and": "who chairs the African Union, and Egyptian Prime Minister X"
                continue
            break
        if found and k > i and fw[k - 1] in self.and_:
            k -= 1
        return found, k

    def _role(self, ws: list[Word], fw: list[str], i: int) -> Mention | None:
        start = i
        pre: list[str] = []
        # "UN chief", "NATO secretary-general": there the organisation's name belongs to a fixed phrase.
        if self.lang == "en" and not self.tries.fixed.longest(fw, i):
            pre, k = self._countries_before(fw, i)
            if pre:
                i = k
        fixed = self.tries.fixed.longest(fw, i)
        role = self.tries.roles.longest(fw, i)
        if i >= len(fw):
            return None
        if role is None and fw[i] == "ministre" and self.lang == "fr":
            return self._minister(ws, fw, i)
        if fixed and (not role or fixed[0] >= role[0]):
            n, payload = fixed
            fr: lx.FixedRole = payload[0]
            spec = RoleSpec((fr.country,) if fr.country else tuple(pre), fr.roles, fr.kind)
            return self._with_name(ws, fw, start, i + n, Kind.ROLE, spec, titled=True)
        if not role:
            return None
        if pre == [] and start != i:
            return None
        n, payload = role
        rw: lx.RoleWord = payload[0]
        if any(tuple(fw[i + n:i + n + len(b)]) == b for b in lx.NOT_A_LEADERS_BODY):
            return None  # "la présidente de la Chambre des représentants"
        post, j = self._countries_after(fw, i + n)
        # A lone "premier" is an adjective far more often than a title ("le premier appel"); in English
        # it is the title when capitalised ("Premier Li Qiang") or given a country ("the Chinese premier").
        if fw[i] == "premier" and n == 1 and not (
                self.lang == "en" and (ws[i].capitalised or any(pre) or any(post))):
            return None
        countries = tuple(c for c in dict.fromkeys(pre + post) if c)
        possessive = start > 0 and fw[start - 1] in lx.POSSESSIVES[self.lang]
        if rw.counterpart:
            spec = RoleSpec(countries, counterpart=True, plural=rw.plural or len(countries) > 1)
            return self._with_name(ws, fw, start, j, Kind.COUNTERPART, spec, titled=False)
        spec = RoleSpec(countries, rw.roles, rw.kind, plural=rw.plural or len(countries) > 1)
        if len(countries) > 1:
            return self._mention(ws, start, j, Kind.GROUP, spec=spec)
        if not countries and not possessive and not rw.title:
            return None  # "un dirigeant" with no country names nobody
        return self._with_name(ws, fw, start, j, Kind.ROLE, spec, titled=rw.title)

    def _minister(self, ws: list[Word], fw: list[str], i: int) -> Mention | None:
        """"le ministre russe des Affaires étrangères": the adjective splits the role."""
        adj = self.tries.country_adj.longest(fw, i + 1)
        if not adj:
            return None
        j = i + 1 + adj[0]
        if tuple(fw[j:j + 3]) == ("des", "affaires", "etrangeres"):
            spec = RoleSpec((_country(adj[1]),), frozenset({"foreign_minister"}), "foreign_minister")
            return self._with_name(ws, fw, i, j + 3, Kind.ROLE, spec, titled=True)
        if j < len(fw) and fw[j] in ("de", "des", "du", "d"):
            return None  # "le ministre russe de la Défense" is no foreign minister
        # "le ministre russe" alone: the foreign minister, if the article has named him (see Discourse).
        spec = RoleSpec((_country(adj[1]),), frozenset({"foreign_minister"}), "foreign_minister", needs_history=True)
        return self._with_name(ws, fw, i, j, Kind.ROLE, spec, titled=True)

    def _with_name(self, ws: list[Word], fw: list[str], i: int, j: int, kind: Kind, spec: RoleSpec,
                   titled: bool) -> Mention:
        """A role directly followed by a name is one mention of that named person."""
        k = j
        while k < len(fw) and self._adjacent(ws, k - 1, k):
            # "le président syrien par intérim, Ahmed al-Chareh": a qualifier between title and name.
            qual = next((q for q in _QUALIFIERS if tuple(fw[k:k + len(q)]) == q), None)
            if qual is not None and all(self._adjacent(ws, x - 1, x) for x in range(k + 1, k + len(qual))):
                k += len(qual)
                continue
            hon = self.tries.titles.longest(fw, k)
            if hon and fw[k] not in ("president", "presidente", "premier", "king", "roi"):
                k += hon[0]
            else:
                break
        name = self._name(ws, fw, k, titled=True) if k < len(fw) and self._adjacent(ws, k - 1, k) else None
        if name is not None:
            return Mention(ws[i].start, name.end, self._surface(ws[i].start, name.end), Kind.NAME,
                           candidates=name.candidates, short=name.short, spec=spec, titled=True,
                           words=(i, name.words[1]))
        if titled and kind is Kind.ROLE and k < len(ws) and self._adjacent(ws, k - 1, k):
            unknown = self._unknown_name(ws, fw, k)
            if unknown is not None:
                e = unknown
                label = " ".join(w.text for w in ws[k:e])
                return Mention(ws[i].start, ws[e - 1].end, self._surface(ws[i].start, ws[e - 1].end), Kind.UNKNOWN,
                               spec=spec, name=label, titled=True, words=(i, e))
        return self._mention(ws, i, j, kind, spec=spec, titled=titled)

    def _word_start(self, k: int) -> int:
        return self._ws[k].start - self._offset

    def _word_end(self, k: int) -> int:
        return self._ws[k].end - self._offset

    def _adjacent(self, ws: list[Word], a: int, b: int) -> bool:
        """Words a and b are next to each other, with at most a comma or a dot between."""
        if a < 0 or b >= len(ws):
            return False
        gap = self._text[ws[a].end - self._offset:ws[b].start - self._offset]
        return len(gap) <= 3 and all(ch in " ,.\u00a0" for ch in gap)

    def _unknown_name(self, ws: list[Word], fw: list[str], k: int) -> int | None:
        """End index of 2-4 capitalised words that are not a country, place or institution."""
        e = k
        while e < len(ws) and e - k < 4 and ws[e].capitalised and not ws[e].text.isupper() \
                and (e == k or self._adjacent(ws, e - 1, e)) and not self.tries.country_name.longest(fw, e) \
                and not self.tries.institutions.longest(fw, e) and not self.tries.country_adj.longest(fw, e):
            e += 1
        return e if e - k >= 2 else None
