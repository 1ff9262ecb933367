#!/usr/bin/env python3
"""Build kg/gazetteer/data/leaders.json from the shared Wikidata extracts and the curated files.

    python scripts/build_gazetteer.py [--shared ../shared/data] [--importer-json refresh.json] [--out PATH]

Inputs (all optional except the curated folder):
- ``<shared>/wd-world-leaders-2022`` and ``-2026`` CSV extracts (QIDs, English labels, years);
- ``<shared>/phoenix-country-actors/Phoenix.Countries.actors.txt`` (English aliases up to 2014);
- ``kg/gazetteer/data/curated/*.tsv`` (each file is described in ``kg/gazetteer/data/README.md``);
- a previous ``importer.update_from_sparql`` output (``--importer-json``), merged as one more source.

The output is deterministic: same inputs, same bytes (dates come from --made, default the meta of the
curated sources file). Nothing from ../shared is copied verbatim into the repository: only the facts
(QIDs, labels, years) end up in leaders.json, each tagged with its source key.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.gazetteer.importer import (  # noqa: E402  (the repo root must be importable first)
    KINDS,
    ROLE_VOCABULARY,
    kind_for_roles,
    roles_for_label,
    write_gazetteer,
)

CURATED = ROOT / "kg" / "gazetteer" / "data" / "curated"
DEFAULT_OUT = ROOT / "kg" / "gazetteer" / "data" / "leaders.json"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
EXTRACTS = (("wd-2022", "wd-world-leaders-2022/wikidata_heads_2021_2022.csv"),
            ("wd-2026", "wd-world-leaders-2026/wikidata_heads_2026.csv"))
PHOENIX = "phoenix-country-actors/Phoenix.Countries.actors.txt"
MADE = "2026-11-30"
LICENCE = ("Wikidata-derived facts: CC0 1.0. Phoenix/PETRARCH aliases: MIT, Copyright (c) 2014 Open Event "
           "Data Alliance. Curated names and adjectives: MIT (this project).")
REGIONS = {"Africa", "Americas", "Asia", "Europe", "Middle East", "Oceania", "International"}
PRIMARY = {"hos": "head_of_state", "hog": "head_of_government"}
# Source priority when two sources date the same term: curated web pages and the dated every-politician
# holder lists beat the year-only extracts; the importer (live Wikidata) sits between them.
PRIORITY_PREFIXES = (("web-", 0), ("ep-", 1), ("wikidata-sparql", 2), ("wl-", 3), ("wd-2026", 4), ("wd-2022", 5))
QID = re.compile(r"^Q\d+$")


def read_tsv(name: str, ncols: int) -> list[list[str]]:
    """Rows of a curated TSV, comments and blank lines skipped, padded to ``ncols`` columns."""
    rows = []
    with (CURATED / name).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > ncols:
                raise SystemExit(f"{name}:{lineno}: {len(cols)} columns, expected at most {ncols}")
            rows.append([c.strip() for c in cols] + [""] * (ncols - len(cols)))
    return rows


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def plain(text: str) -> str:
    """Accent-free form used to derive ASCII alias variants (Erdoğan -> Erdogan)."""
    text = text.translate(str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                                         "ß": "ss", "ʻ": "'", "’": "'"}))
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def norm_name(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", plain(text).lower()))


def precision(date: str | None) -> int:
    return 0 if not date else {4: 1, 7: 2, 10: 3}.get(len(date), 0)


def source_order(source: str) -> tuple[int, str]:
    """Sort key for source lists: by priority, then by name so that the output never depends on set order."""
    return priority(source), source


def priority(source: str) -> int:
    for prefix, rank in PRIORITY_PREFIXES:
        if source.startswith(prefix):
            return rank
    return 9


def uniq(values: Any) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return list(seen)


# -- French adjective forms ----------------------------------------------------------------------------

def french_forms(spec: str) -> list[str]:
    """All gender/number forms of a French adjective from its masculine singular ("m" or "m/f")."""
    masc, _, fem = spec.partition("/")
    words = masc.split()
    if len(words) > 1:  # "chypriote turc", "serbe de Bosnie": inflect the head word only
        head_forms = french_forms(words[0] + (f"/{fem.split()[0]}" if fem else ""))
        return [" ".join([f, *words[1:]]) for f in head_forms]
    if not fem:
        if masc.endswith("e"):
            fem = masc
        elif masc.endswith(("ien", "éen", "en")):
            fem = masc + "ne"
        else:
            fem = masc + "e"
    mp = masc if masc.endswith(("s", "x")) else masc + "s"
    if masc.endswith("al"):  # pontifical -> pontificaux
        mp = masc[:-2] + "aux"
    fp = fem if fem.endswith("s") else fem + "s"
    return uniq([masc, fem, mp, fp])


# -- data model while building -------------------------------------------------------------------------

@dataclass
class TermCand:
    person: str
    office: str
    start: str | None
    end: str | None
    source: str


@dataclass
class PersonAcc:
    labels: list[tuple[int, str, str]] = field(default_factory=list)  # (priority, source, label)
    sources: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)


class Builder:
    def __init__(self, shared: Path | None, importer_json: Path | None) -> None:
        self.shared = shared if shared and shared.is_dir() else None
        self.importer = json.loads(importer_json.read_text(encoding="utf-8")) if importer_json else None
        self.sources: dict[str, str] = {}
        self.used_sources: set[str] = set()
        self.countries: dict[str, dict[str, Any]] = {}
        self.country_alias: dict[str, str] = {}
        self.offices: dict[str, dict[str, Any]] = {}
        self.people: dict[str, PersonAcc] = defaultdict(PersonAcc)
        self.terms: list[TermCand] = []
        self.report: list[str] = []

    # -- inputs ----------------------------------------------------------------------------------------

    def load_sources(self) -> None:
        for key, desc in read_tsv("sources.tsv", 2):
            self.sources[key] = desc

    def use(self, source: str) -> str:
        if source not in self.sources:
            raise SystemExit(f"source key {source!r} is not described in curated/sources.tsv")
        self.used_sources.add(source)
        return source

    def load_countries(self) -> None:
        for qid, en, fr, names_en, names_fr, adj_en, adj_fr, region, primary in read_tsv("countries.tsv", 9):
            if region not in REGIONS or primary not in PRIMARY:
                raise SystemExit(f"countries.tsv: bad region/primary for {qid}")
            self.countries[qid] = {
                "en": en, "fr": fr, "names_en": uniq(split(names_en)), "names_fr": uniq(split(names_fr)),
                "adj_en": uniq(split(adj_en)),
                "adj_fr": uniq(f for spec in split(adj_fr) for f in french_forms(spec)),
                "region": region, "primary": PRIMARY[primary],
            }
        for qid, en, fr, names_en, names_fr, adj_en, adj_fr, source in read_tsv("organisations.tsv", 8):
            self.use(source)
            self.countries[qid] = {
                "en": en, "fr": fr, "names_en": uniq(split(names_en)), "names_fr": uniq(split(names_fr)),
                "adj_en": uniq(split(adj_en)),
                "adj_fr": uniq(f for spec in split(adj_fr) for f in french_forms(spec)),
                "region": "International", "primary": "international_organisation",
            }
        for alias, qid, source in read_tsv("country_aliases.tsv", 3):
            self.use(source)
            self.country_alias[alias] = qid

    def country(self, qid: str) -> str:
        return self.country_alias.get(qid, qid)

    def add_person(self, qid: str, label: str, source: str, country: str | None = None) -> None:
        acc = self.people[qid]
        acc.sources.add(self.use(source))
        if label and not QID.match(label):
            acc.labels.append((priority(source), source, label))
        if country:
            acc.countries.add(country)

    def add_office(self, key: str, country: str, en: str, source: str, kind: str | None = None,
                   label_rank: int | None = None) -> None:
        off = self.offices.setdefault(key, {"country": country, "labels": [], "kinds": set(), "sources": set()})
        off["labels"].append((priority(source) if label_rank is None else label_rank, en))
        off["sources"].add(self.use(source))
        if kind:
            off["kinds"].add(kind)

    def add_term(self, person: str, office: str, start: str | None, end: str | None, source: str) -> None:
        self.terms.append(TermCand(person, office, start or None, end or None, self.use(source)))

    def load_extracts(self) -> None:
        if not self.shared:
            self.report.append("shared extracts absent: built from curated files only")
            return
        for source, rel in EXTRACTS:
            path = self.shared / rel
            if not path.exists():
                self.report.append(f"missing {path}")
                continue
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    country = self.country(row["countryid"])
                    self.add_office(row["position"], country, row["positionLabel"], source)
                    self.add_person(row["officeholder"], row["officeholderLabel"], source, country)
                    self.add_term(row["officeholder"], row["position"], row["start_year"], row["end_year"], source)

    def load_curated_terms(self) -> None:
        office_map = {(c, p): o for c, p, o in read_tsv("office_map.tsv", 3)}
        # Foreign-minister offices first, so that holders.tsv rows can be matched to them by role.
        for person, label, country, office, office_label, start in read_tsv("foreign_ministers_2022.tsv", 6):
            country = self.country(country)
            if country not in self.countries:
                continue  # sub-national governments (Quebec, Scotland...) are out of scope
            self.add_office(office, country, office_label, "ep-foreign", "foreign_minister")
            self.add_person(person, label, "ep-foreign", country)
            self.add_term(person, office, start, None, "ep-foreign")
        for country, position, person, label, start, end, source in read_tsv("holders.tsv", 7):
            office = office_map.get((country, position)) or self.guess_office(self.country(country), position)
            if office is None:
                raise SystemExit(f"holders.tsv: no office_map row for {country} / {position}")
            if office == "-":
                continue
            # holders21 labels are short ("President"): any extract label of the office is preferred.
            self.add_office(office, self.country(country), position, source, label_rank=8)
            self.add_person(person, label, source, self.country(country))
            self.add_term(person, office, start, end, source)
        for person, label, source, _note in read_tsv("persons_extra.tsv", 4):
            self.add_person(person, label, source)
        for person, office, start, end, source in read_tsv("dated_terms.tsv", 5):
            self.add_term(person, office, start, end, source)
            if QID.match(person):
                self.people[person].sources.add(self.use(source))

    def guess_office(self, country: str, position: str) -> str | None:
        """The one extract office of ``country`` whose label has the same role words as ``position``.

        holders21 files name offices briefly ("President", "Prime Minister", "monarch"); when exactly one
        office of that country in the extracts carries the same roles, that is the office meant. Anything
        ambiguous needs an explicit office_map.tsv row.
        """
        roles = set(roles_for_label(position))
        if not roles:
            return None
        found = [key for key, off in self.offices.items()
                 if off["country"] == country and QID.match(key)
                 and roles & set(roles_for_label(sorted(off["labels"])[0][1]))]
        return found[0] if len(found) == 1 else None

    def load_importer(self) -> None:
        if not self.importer:
            return
        desc = self.importer.get("meta", {}).get("sources", {}).get("wikidata-sparql", "live Wikidata query")
        self.sources["wikidata-sparql"] = desc
        for key, off in self.importer.get("offices", {}).items():
            self.add_office(key, self.country(off["country"]), off.get("en", key), "wikidata-sparql", off.get("kind"))
        for key, p in self.importer.get("people", {}).items():
            self.add_person(key, p.get("en", ""), "wikidata-sparql")
            self.people[key].aliases.extend(p.get("aliases", []))
        for person, office, start, end, *_ in self.importer.get("terms", []):
            self.add_term(person, office, start, end, "wikidata-sparql")

    # -- offices ---------------------------------------------------------------------------------------

    def finish_offices(self) -> dict[str, dict[str, Any]]:
        overrides = {row[0]: row for row in read_tsv("offices.tsv", 7)}
        for key, row in overrides.items():
            if key not in self.offices:
                if row[6]:
                    self.use(row[6])
                self.offices[key] = {"country": row[1], "labels": [(0, row[3])], "kinds": set(), "sources": set()}
        out: dict[str, dict[str, Any]] = {}
        for key, off in self.offices.items():
            en = sorted(off["labels"])[0][1]
            row = overrides.get(key, [key, "", "", "", "", "", ""])
            en = row[3] or en
            roles = split(row[5]) if row[5] else roles_for_label(en)
            kind = row[2] or (sorted(off["kinds"])[0] if off["kinds"] else kind_for_roles(roles))
            if kind == "foreign_minister" and "foreign_minister" not in roles:
                # "Minister of Foreign and European Affairs", "Secretary for Relations with States"...: the
                # label does not say it, the source list (foreign ministers) does
                roles = [*roles, "foreign_minister"]
            country = self.country(row[1] or off["country"])
            if kind not in KINDS or any(r not in ROLE_VOCABULARY for r in roles):
                raise SystemExit(f"office {key}: bad kind {kind!r} or roles {roles}")
            out[key] = {"en": en, "fr": row[4] or french_office_label(roles, en, self.countries.get(country)),
                        "country": country, "kind": kind, "roles": sorted(roles)}
        return out

    # -- terms -----------------------------------------------------------------------------------------

    def finish_terms(self, offices: dict[str, dict[str, Any]]) -> list[list[Any]]:
        drops = {(p, o, s) for p, o, s, _why in read_tsv("drop_terms.tsv", 4)}
        by_key: dict[tuple[str, str], list[TermCand]] = defaultdict(list)
        for t in self.terms:
            if t.office not in offices or (t.person, t.office, t.start or "") in drops:
                continue
            by_key[(t.person, t.office)].append(t)
        out: list[list[Any]] = []
        for (person, office), cands in by_key.items():
            for group in group_tenures(cands):
                start = best_date(group, "start")
                end = best_date(group, "end")
                src = "+".join(uniq(sorted({best_source(group, "start"), best_source(group, "end")} - {""},
                                           key=source_order)))
                out.append([person, office, start, end, src])
        out.sort(key=lambda t: (t[1], t[2] or "", t[0], t[3] or ""))
        return close_by_successor(merge_restatements(out), offices)


# Offices held by several people at once, with the number of seats: a new holder does not end the others'
# terms, but once as many people as there are seats have started after a holder, that holder is gone.
COLLECTIVE_OFFICES = {
    "Q11811941": 7,  # Swiss Federal Council
    "Q258045": 2,  # Captains Regent of San Marino (two at a time, six-month terms)
    "Q105234803": 99,  # Myanmar State Administration Council: membership size unknown, never inferred
}


# The most recent extract: a collective-office member it lists as sitting is taken to be sitting.
NEWEST_SNAPSHOT = "wd-2026"


def merge_restatements(terms: list[list[Any]]) -> list[list[Any]]:
    """Fold a later open statement into an earlier open one when nobody else held the office in between.

    Snapshots restate a continuing tenure with a new start on re-election (Museveni 1986 and 2026,
    Abbas 2005 and 2013); with no other holder between the two starts it is one tenure. With another
    holder in between (Netanyahu 2009, Bennett 2021, Netanyahu 2022) the two stay apart and the first is
    closed by close_by_successor.
    """
    by_office: dict[str, list[list[Any]]] = defaultdict(list)
    for t in terms:
        by_office[t[1]].append(t)
    dropped: set[int] = set()
    for ts in by_office.values():
        ts.sort(key=lambda t: t[2] or "")
        for i, first in enumerate(ts):
            if id(first) in dropped or first[3] is not None or not first[2]:
                continue
            for later in ts[i + 1:]:
                if later[0] != first[0] or id(later) in dropped or not later[2]:
                    continue
                # someone else starting after the first statement and not after the restatement (same year
                # counts) may have held the office in between: keep two tenures
                between = any(o[0] != first[0] and o[2] and succeeds(o[2], first[2])
                              and not succeeds(o[2], later[2]) for o in ts)
                if not between:
                    first[3] = later[3]
                    first[4] = "+".join(uniq(first[4].split("+") + later[4].split("+")))
                    dropped.add(id(later))
    return [t for t in terms if id(t) not in dropped]


def succeeds(later: str, start: str) -> bool:
    """Whether a term starting on ``later`` surely starts after one starting on ``start``.

    Within one year only day-precise dates are compared: "2022" says nothing about "2022-04-22".
    """
    later_year, start_year = int(later.split("-")[0]), int(start.split("-")[0])
    if later_year != start_year:
        return later_year > start_year
    return len(later) == len(start) == 10 and later > start


def close_by_successor(terms: list[list[Any]], offices: dict[str, dict[str, Any]]) -> list[list[Any]]:
    """End open terms at the start of the next holder of the same single-holder office.

    Snapshots (the extracts, the 2022 foreign-minister list) leave a term open when it was current at the
    time; once a later source names a successor, the older term is over by then at the latest. The end
    gets the successor's start, and the successor's source is appended to the term's source ("wd-2022+web-x")
    so a reader can tell the end was inferred. Collective offices need as many newcomers as seats.
    """
    by_office: dict[str, list[list[Any]]] = defaultdict(list)
    for t in terms:
        by_office[t[1]].append(t)
    for office, ts in by_office.items():
        seats = COLLECTIVE_OFFICES.get(office, 1)
        starts = sorted((t[2], t[0], t[4]) for t in ts if t[2])
        for t in ts:
            if t[3] is not None or not t[2]:
                continue
            if seats > 1 and NEWEST_SNAPSHOT in t[4].split("+"):
                continue  # listed as sitting in the newest snapshot: seat counting cannot overrule that
            later = [(s, p, src) for s, p, src in starts if p != t[0] and succeeds(s, t[2])]
            newcomers: dict[str, tuple[str, str]] = {}  # person -> (start, source), first start only
            for s, p, src in later:
                newcomers.setdefault(p, (s, src))
            if len(newcomers) >= seats:
                # the seats-th distinct newcomer is the one whose arrival leaves no seat for this holder
                s, src = list(newcomers.values())[seats - 1]
                t[3] = s
                t[4] = f"{t[4]}+{src.split('+')[0]}"
    return terms


def group_tenures(cands: list[TermCand]) -> list[list[TermCand]]:
    """Cluster the statements of one person in one office into tenures.

    Two statements describe the same tenure when their start years are equal, or when one starts inside
    the other (sources disagree on a day or split one tenure into several statements), or when one ends on
    the day the next starts (a new cabinet, same holder).
    """
    # Closed statements first: they fix the tenures, and open snapshot statements then join the tenure they
    # restate. A statement starting after a tenure is known to have ended is a new tenure even when an open
    # snapshot row of that tenure would cover it (Wang Yi 2013-2022, then again from 2023).
    cands = sorted(cands, key=lambda t: (t.end is None, t.start or "9999", priority(t.source)))
    groups: list[list[TermCand]] = []
    for t in cands:
        for g in groups:
            ended_before = any(u.end and t.start and succeeds(t.start, u.end) for u in g)
            if not ended_before and any(same_tenure(t, u) for u in g):
                g.append(t)
                break
        else:
            groups.append([t])
    return groups


def same_tenure(a: TermCand, b: TermCand) -> bool:
    if not a.start or not b.start:
        return not a.start and not b.start
    if a.start[:4] == b.start[:4]:
        return True
    first, second = sorted((a, b), key=lambda t: t.start or "")
    if first.end is None:
        # An open statement from a snapshot covers a later restatement of the same tenure only when both
        # come from different source families; the same source listing two open starts means two tenures.
        return first.source.split("-")[0] != second.source.split("-")[0]
    return (second.start or "") <= first.end


def best_date(group: list[TermCand], which: str) -> str | None:
    values = [(getattr(t, which), t) for t in group]
    if which == "start":
        known = [(d, t) for d, t in values if d]
        if not known:
            return None
        # Most precise first, then the most trusted source, then the earliest (an acting start).
        return sorted(known, key=lambda x: (-precision(x[0]), priority(x[1].source), x[0]))[0][0]
    known = [(d, t) for d, t in values if d]
    if not known:
        return None
    # Any source that saw the tenure end wins over a snapshot that still had it open; among equally precise
    # and trusted ends the latest (one source splitting a tenure into consecutive statements, e.g. a new
    # cabinet under the same Prime Minister, ends it with its last statement).
    latest_first = sorted(known, key=lambda x: x[0], reverse=True)
    return sorted(latest_first, key=lambda x: (-precision(x[0]), priority(x[1].source)))[0][0]


def best_source(group: list[TermCand], which: str) -> str:
    date = best_date(group, which)
    if date is None:
        return ""
    return sorted((t for t in group if getattr(t, which) == date), key=lambda t: priority(t.source))[0].source


# -- labels --------------------------------------------------------------------------------------------

_FR_ROLE = {
    "president": "président", "prime_minister": "Premier ministre", "premier": "Premier ministre",
    "chancellor": "chancelier", "king": "roi", "queen": "reine", "monarch": "monarque", "emir": "émir",
    "sultan": "sultan", "grand_duke": "grand-duc", "prince": "prince", "crown_prince": "prince héritier",
    "supreme_leader": "guide suprême", "pope": "pape", "secretary_general": "secrétaire général",
    "foreign_minister": "ministre des Affaires étrangères", "chief_executive": "chef de l'exécutif",
    "captain_regent": "capitaine-régent", "co_prince": "coprince", "chair": "président", "leader": "dirigeant",
}
_ROLE_ORDER = ("foreign_minister", "crown_prince", "supreme_leader", "pope", "secretary_general", "prime_minister",
               "chancellor", "emir", "sultan", "grand_duke", "prince", "king", "queen", "monarch", "president",
               "chair", "leader")
_NO_ARTICLE = {"Cuba", "Chypre", "Malte", "Madagascar", "Singapour", "Israël", "Haïti", "Maurice", "Monaco",
               "Bahreïn", "Oman", "Taïwan", "Djibouti", "Saint-Marin", "Sainte-Lucie", "Tonga", "Tuvalu",
               "Nauru", "Kiribati", "Vanuatu", "Sao Tomé-et-Principe", "Trinité-et-Tobago", "Antigua-et-Barbuda",
               "Saint-Christophe-et-Niévès", "Saint-Vincent-et-les-Grenadines", "Palaos", "Samoa", "Brunei",
               "Timor oriental", "Grenade", "Dominique"}
_PLURAL = {"États-Unis", "Pays-Bas", "Philippines", "Comores", "Maldives", "Seychelles", "Émirats arabes unis",
           "Bahamas", "Îles Marshall", "Îles Salomon", "Fidji"}
_MASC_E = {"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize", "Suriname", "Bélize", "Salvador"}


def french_of(country_fr: str) -> str:
    """"de la Russie", "du Brésil", "des États-Unis", "d'Israël": the French genitive of a country name."""
    if country_fr in _NO_ARTICLE:
        return ("d'" if country_fr[0] in "AEIOUÉÈHaeiouéè" else "de ") + country_fr
    if country_fr in _PLURAL:
        return f"des {country_fr}"
    if country_fr[0] in "AEIOUÉÈÎaeiouéè":
        return f"de l'{country_fr}"
    if country_fr.endswith("e") and country_fr not in _MASC_E:
        return f"de la {country_fr}"
    return f"du {country_fr}"


def french_office_label(roles: list[str], en: str, country: dict[str, Any] | None) -> str:
    role = next((r for r in _ROLE_ORDER if r in roles), None)
    if role in ("king", "queen") and {"king", "queen"} <= set(roles):
        role = "monarch"  # an office held by kings and queens over time
    if role is None or country is None:
        return en
    return f"{_FR_ROLE[role]} {french_of(country['fr'])}"


_PARTICLES = {"von", "van", "der", "de", "da", "do", "dos", "das", "di", "del", "della", "le", "la", "bin", "ben",
              "ibn", "al", "el", "ould", "mac", "ter", "zu"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "vi", "x", "xvi", "xiv"}
# Countries whose personal names put the family name first (in the English label too).
_FAMILY_FIRST = {"Q148", "Q865", "Q423", "Q884", "Q881", "Q424"}


def short_forms(label: str, countries: set[str]) -> list[str]:
    """Default forms a person is named by alone after a first mention (usually the family name)."""
    name = re.sub(r"\s*\(.*?\)\s*", " ", label).strip()
    name = re.sub(r",.*$", "", name)  # "Mark Malloch Brown, Baron ..." -> "Mark Malloch Brown"
    if (re.search(r"\bof\s+[A-Z]", name) or re.search(r"\b[IVX]+\s+(de|du|d')\s*[A-Z]", name)) \
            and not re.search(r"\b(bin|ben|ibn)\b", name):
        # Monarchs "Salman of Saudi Arabia", "Mohammed VI of Morocco", "Felipe VI d'Espagne": the regnal name is
        # the short form. A French or Iberian "de" only marks a monarch after a regnal number: "Marcelo Rebelo de
        # Sousa" and "Bernardo Arévalo de León" are surnames, not "Marcelo Rebelo of Sousa".
        return [re.split(r"\s+(?:of|de|du|d')\s*", name, maxsplit=1)[0]]
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(",") in _SUFFIXES:
        words = words[:-1]
    if len(words) < 2:
        return [name] if name else []
    if countries & _FAMILY_FIRST:
        return [words[0]]
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    surname = " ".join(words[i:])
    out = [surname]
    m = re.match(r"^(?:al|el|as|ad|ash|an|ar)-(.+)$", surname, re.IGNORECASE)
    if m:  # "al-Assad" -> also "Assad"
        out.append(m.group(1))
    if i > 0 and words[i - 1].lower() in _PARTICLES and i - 1 > 0:
        out.append(" ".join(words[i - 1:]))
    return uniq(out)


def alias_variants(name: str) -> list[str]:
    """Spelling variants the runtime's folding does not already equate (it ignores accents and hyphens)."""
    out = []
    ascii_name = plain(name)
    if ascii_name != name:
        out.append(ascii_name)
    return out


# -- Phoenix -------------------------------------------------------------------------------------------

_ROLE_WORDS = re.compile(r"\b(PRESIDENT|PRIME|MINISTER|PREMIER|KING|QUEEN|PRINCE|CHANCELLOR|SECRETARY|LEADER|"
                         r"GENERAL|CHAIRMAN|FORMER|SHEIKH|EMIR|SULTAN|DR|MR|MRS|MS|SIR|GOVERNOR|AMBASSADOR|"
                         r"FOREIGN|DEPUTY|VICE|HEAD|CHIEF|COLONEL|GEN|MARSHAL|ADMIRAL|HIS|HER|POPE|ACTING|"
                         # Phoenix also lists the person's government under their name ("OBAMA_ADMINISTRATION")
                         r"SENATOR|GOVERNMENT|ADMINISTRATION|REGIME|CABINET|CAMP|SUPPORTERS|THE)\b")


def phoenix_entries(path: Path) -> tuple[dict[str, str], list[tuple[list[str], set[str]]]]:
    """(country name -> CAMEO code, [(names, country codes)]) from a TABARI .actors file."""
    countries: dict[str, str] = {}
    entries: list[tuple[list[str], set[str]]] = []
    names: list[str] = []
    codes: set[str] = set()

    def flush() -> None:
        if names and codes:
            entries.append((list(names), set(codes)))

    with path.open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line[0] not in " \t+[":
                flush()
                names, codes = [], set()
                head = line.split("[", 1)
                names.append(head[0].strip())
                if len(head) > 1:
                    m = re.match(r"([A-Z]{3})\]", head[1].strip())
                    if m:  # a country block: "RUSSIA_ [RUS]"
                        countries[norm_phoenix(head[0])] = m.group(1)
                        names, codes = [], set()
                continue
            stripped = line.strip()
            if stripped.startswith("+"):
                names.append(stripped[1:].strip())
            for code in re.findall(r"\[([A-Z]{3})[A-Z]{0,3}\b", stripped):
                codes.add(code)
    flush()
    return countries, entries


def norm_phoenix(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).lower()


def phoenix_title(name: str) -> str:
    words = name.replace("_", " ").split()
    return " ".join(w.capitalize() if not re.match(r"^(AL|EL|BIN|BEN|DE|VON|VAN|DA)$", w) else w.lower()
                    for w in words)


# -- main ----------------------------------------------------------------------------------------------

def build(shared: Path | None, importer_json: Path | None, made: str) -> tuple[dict[str, Any], list[str]]:
    b = Builder(shared, importer_json)
    b.load_sources()
    b.load_countries()
    b.load_extracts()
    b.load_curated_terms()
    b.load_importer()
    offices = b.finish_offices()
    terms = b.finish_terms(offices)

    # People: labels by priority, curated overrides, aliases, short forms.
    overrides = {row[0]: row for row in read_tsv("people.tsv", 7)}
    common_words = {w.strip().lower() for w in (CURATED / "common_words.txt").read_text(encoding="utf-8").split()
                    if w.strip() and not w.startswith("#")}
    for key, row in overrides.items():
        if key.startswith("x-") or row[6]:
            src = row[6]
            if src:
                b.people[key].sources.add(b.use(src))
        elif key not in b.people:
            raise SystemExit(f"people.tsv: {key} is neither in a source nor given one")
    person_countries: dict[str, set[str]] = defaultdict(set)
    for p, o, *_ in terms:
        person_countries[p].add(offices[o]["country"])

    phoenix_aliases: dict[str, list[str]] = defaultdict(list)
    if b.shared and (b.shared / PHOENIX).exists():
        phoenix_aliases = match_phoenix(b, b.shared / PHOENIX, person_countries)
        b.sources.setdefault("phoenix", "openeventdata/petrarch2 petrarch2/data/dictionaries/"
                                        "Phoenix.Countries.actors.txt @8ed3dd0 (MIT)")

    people: dict[str, dict[str, Any]] = {}
    for key, acc in b.people.items():
        row = overrides.get(key)
        labels = [lab for _, _, lab in sorted(acc.labels)]
        en = (row[1] if row and row[1] else None) or (labels[0] if labels else key)
        fr = (row[2] if row and row[2] else None) or en
        countries = person_countries.get(key, set()) | acc.countries
        aliases = [*(split(row[3]) if row else []), *labels[1:], *acc.aliases, *phoenix_aliases.get(key, [])]
        aliases += [v for a in [en, fr, *aliases] for v in alias_variants(a)]
        shorts = split(row[4]) if row and row[4] else short_forms(en, countries) + (
            short_forms(fr, countries) if fr != en else [])
        if QID.match(en):
            # no source gave a name (the extracts print the QID as the label): nothing to find in text
            shorts, aliases = [], []
        person: dict[str, Any] = {
            "en": en, "fr": fr, "aliases": sorted(set(a for a in aliases if a not in (en, fr))),
            "short": uniq(shorts), "linked": not key.startswith("x-"),
            "sources": sorted(acc.sources | ({"phoenix"} if phoenix_aliases.get(key) else set()),
                              key=source_order),
        }
        flags = split(row[5]) if row else []
        if "common" in flags or (not flags and any(s.lower() in common_words for s in person["short"])):
            person["short_is_common_word"] = True
        people[key] = person
    if phoenix_aliases:
        b.used_sources.add("phoenix")

    terms = [t for t in terms if t[0] in people]
    countries = {k: v for k, v in b.countries.items()}
    for off in offices.values():
        if off["country"] not in countries:
            raise SystemExit(f"office country {off['country']} missing from countries.tsv")
    used = set(b.used_sources)
    for t in terms:
        used.update(t[4].split("+"))
    meta = {"made": made, "generator": "scripts/build_gazetteer.py", "licence": LICENCE,
            "sources": {k: b.sources[k] for k in sorted(used, key=lambda s: (priority(s), s)) if k in b.sources}}
    data = {"meta": meta, "countries": countries, "offices": offices, "people": people, "terms": terms}
    return data, b.report


def match_phoenix(b: Builder, path: Path, person_countries: dict[str, set[str]]) -> dict[str, list[str]]:
    """English aliases from Phoenix entries that match a person by full name and by country code."""
    country_codes, entries = phoenix_entries(path)
    code_of: dict[str, str] = {}
    for qid, c in b.countries.items():
        for name in [c["en"], *c["names_en"]]:
            code = country_codes.get(name.lower())
            if code:
                code_of[qid] = code
                break
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, acc in b.people.items():
        for _, _, lab in acc.labels:
            by_name[norm_name(lab)].append(key)
    out: dict[str, list[str]] = defaultdict(list)
    for names, codes in entries:
        primary = norm_name(names[0].replace("_", " "))
        for key in uniq(by_name.get(primary, [])):
            wanted = {code_of.get(c) for c in person_countries.get(key, set()) | b.people[key].countries}
            if not codes & wanted:
                continue
            for alias in names[1:]:
                if _ROLE_WORDS.search(alias.replace("_", " ")) or len(alias.replace("_", "")) < 4:
                    continue
                out[key].append(phoenix_title(alias))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder holding the shared extracts")
    ap.add_argument("--importer-json", type=Path, help="output of importer.update_from_sparql to merge")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--made", default=MADE, help="date written in meta.made (fixed for reproducible builds)")
    args = ap.parse_args(argv)
    data, report = build(args.shared, args.importer_json, args.made)
    write_gazetteer(data, args.out)
    n_linked = sum(p["linked"] for p in data["people"].values())
    day = sum(1 for t in data["terms"] if t[2] and len(t[2]) == 10)
    for line in report:
        print("note:", line)
    print(f"wrote {args.out}: {len(data['countries'])} countries, {len(data['offices'])} offices, "
          f"{n_linked} linked + {len(data['people']) - n_linked} unlinked people, {len(data['terms'])} terms "
          f"({day} with a day-precise start)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
