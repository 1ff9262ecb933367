"""``kg eval``: score a contact graph against gold annotations.

Gold is one JSON file per article (``<stem>.json`` for ``<stem>.txt``) listing
contacts with participants (names), type, date (at any precision), status and
an ``optional`` flag; an ``aliases.tsv`` beside the gold folder maps gold names
to QIDs and spellings. Every contact is scored as unordered participant pairs at
five levels: the pair alone, + status, + status + date, + type, and all of them.
A predicted date matches when it is the gold date or finer inside it. Optional
gold pairs may be matched but are never required, and the predictions they
absorb are not counted as false positives.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from pyoxigraph import Store

from kg.rdf.vocab import LC, WD
from kg.text import folded_words

LEVELS = ("pair", "pair+status", "pair+status+date", "pair+type", "full")
_CHECKS = {"pair": (), "pair+status": ("status",), "pair+status+date": ("status", "date"),
           "pair+type": ("type",), "full": ("status", "date", "type")}
_TYPES = {"PhoneCall": "phone", "Meeting": "meeting", "VideoCall": "video", "Correspondence": "letter"}
_QUERY = f"""
PREFIX lc: <{LC}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?c ?p ?doc ?type ?date ?status ?label ?same WHERE {{
  ?c a lc:Contact ; lc:participant ?p ; prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?doc .
  OPTIONAL {{ ?c a ?type . FILTER(STRSTARTS(STR(?type), STR(lc:)) && ?type != lc:Contact) }}
  OPTIONAL {{ ?c lc:date ?date }}
  OPTIONAL {{ ?c lc:status ?status }}
  OPTIONAL {{ ?p rdfs:label|skos:prefLabel|skos:altLabel ?label }}
  OPTIONAL {{ ?p owl:sameAs ?same }}
}}"""


def name_key(name: str) -> str:
    """Gold and graph names meet on folded words: "Erdoğan" = "ERDOGAN"."""
    return " ".join(folded_words(name))


@dataclass
class Pair:
    """One participant pair of a gold or predicted contact, with its attributes."""

    a: frozenset[str]
    b: frozenset[str]
    type: str
    date: str | None
    status: str
    optional: bool = False
    label: str = ""


@dataclass
class DocScore:
    hits: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)
    predicted: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)


def load_aliases(path: Path | None) -> dict[str, set[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    if path is None or not path.exists():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, *keys = (x.strip() for x in line.split("\t"))
        for k in keys:
            if k:
                table[name_key(name)].add(k if k[:1] == "Q" and k[1:].isdigit() else name_key(k))
    return table


def _date_matches(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return True
    return pred is not None and (pred == gold or pred.startswith(gold + "-"))


def _agrees(g: Pair, p: Pair, level: str) -> bool:
    checks = _CHECKS[level]
    return (("status" not in checks or g.status == p.status)
            and ("type" not in checks or g.type == p.type)
            and ("date" not in checks or _date_matches(g.date, p.date)))


def _same_people(g: Pair, p: Pair) -> bool:
    return bool((g.a & p.a and g.b & p.b) or (g.a & p.b and g.b & p.a))


def read_predictions(store: Store) -> dict[str, list[Pair]]:
    """Predicted pairs per article stem, with every key a participant answers to."""
    contacts: dict[str, dict] = {}
    keys: dict[str, set[str]] = defaultdict(set)
    # Stores keep article statements in named graphs: read the union, as a Turtle file would.
    for sol in store.query(_QUERY, use_default_graph_as_union=True):
        c, p = sol["c"].value, sol["p"].value
        rec = contacts.setdefault(c, {"people": set(), "docs": set(), "type": "unspecified", "date": None,
                                      "status": "occurred"})
        rec["people"].add(p)
        rec["docs"].add(Path(sol["doc"].value).stem)
        if sol["type"] is not None:
            rec["type"] = _TYPES.get(sol["type"].value.removeprefix(LC), rec["type"])
        if sol["date"] is not None:
            rec["date"] = sol["date"].value
        if sol["status"] is not None:
            rec["status"] = sol["status"].value.removeprefix(LC).lower()
        for iri in (p, sol["same"].value if sol["same"] is not None else ""):
            if iri.startswith(WD):
                keys[p].add(iri.removeprefix(WD))
        if sol["label"] is not None:
            keys[p].add(name_key(sol["label"].value))
    by_doc: dict[str, list[Pair]] = defaultdict(list)
    for rec in contacts.values():
        for x, y in combinations(sorted(rec["people"]), 2):
            label = f"{_short(keys[x])} – {_short(keys[y])}"
            pair = Pair(frozenset(keys[x]), frozenset(keys[y]), rec["type"], rec["date"], rec["status"], label=label)
            for doc in rec["docs"]:
                by_doc[doc].append(pair)
    return by_doc


def _short(keys: set[str]) -> str:
    names = sorted(k for k in keys if not (k[:1] == "Q" and k[1:].isdigit()))
    return names[0] if names else (sorted(keys)[0] if keys else "?")


def read_gold(path: Path, aliases: dict[str, set[str]]) -> list[Pair]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    pairs = []
    for c in gold.get("contacts", []):
        names = c["participants"]
        for x, y in combinations(names, 2):
            pairs.append(Pair(frozenset({name_key(x)} | aliases.get(name_key(x), set())),
                              frozenset({name_key(y)} | aliases.get(name_key(y), set())),
                              c.get("type", "unspecified"), c.get("date"), c.get("status", "occurred"),
                              bool(c.get("optional")), f"{x} – {y}"))
    return pairs


def _describe(p: Pair) -> str:
    return f"{p.label} [{p.type}, {p.status}, {p.date or 'no date'}]"


def _max_matching(gold: list[Pair], preds: list[Pair], level: str, taken: set[int]) -> dict[int, int]:
    """Gold index -> prediction index, as many as possible (augmenting paths).

    A greedy first-fit can let an undated gold pair take the only prediction a
    dated one could match; a maximum matching never depends on the order.
    """
    options = [[i for i, p in enumerate(preds) if i not in taken and _same_people(g, p) and _agrees(g, p, level)]
               for g in gold]
    owner: dict[int, int] = {}

    def place(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or place(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gold)):
        place(gi, set())
    return {gi: pi for pi, gi in owner.items()}


def score_doc(gold: list[Pair], preds: list[Pair]) -> DocScore:
    out = DocScore()
    required = [g for g in gold if not g.optional]
    optional = [g for g in gold if g.optional]
    for level in LEVELS:
        # Required pairs claim predictions first, so an optional pair never steals one.
        hits = _max_matching(required, preds, level, set())
        used = set(hits.values())
        absorbed = _max_matching(optional, preds, level, used)
        used |= set(absorbed.values())
        out.hits[level] = len(hits)
        out.gold[level] = len(required)
        out.predicted[level] = len(preds) - len(absorbed)
        if level == "pair+status+date":
            out.misses = [_describe(g) for k, g in enumerate(required) if k not in hits]
            out.false_positives = [_describe(p) for i, p in enumerate(preds) if i not in used]
    return out


@dataclass
class Evaluation:
    per_doc: dict[str, DocScore]

    def totals(self, level: str) -> tuple[int, int, int]:
        return (sum(d.hits[level] for d in self.per_doc.values()), sum(d.gold[level] for d in self.per_doc.values()),
                sum(d.predicted[level] for d in self.per_doc.values()))

    def prf(self, level: str) -> tuple[float, float, float]:
        tp, gold, pred = self.totals(level)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict:
        levels = {}
        for level in LEVELS:
            p, r, f = self.prf(level)
            tp, gold, pred = self.totals(level)
            levels[level] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp,
                             "gold": gold, "predicted": pred}
        return {"levels": levels, "per_doc": {doc: {"misses": d.misses, "false_positives": d.false_positives}
                                              for doc, d in self.per_doc.items()}}

    def report(self, per_doc: bool = True) -> str:
        lines = []
        if per_doc:
            for doc, d in self.per_doc.items():
                if d.misses or d.false_positives:
                    lines.append(f"{doc}:")
                    lines += [f"  missed          {m}" for m in d.misses]
                    lines += [f"  false positive  {m}" for m in d.false_positives]
        for level in LEVELS:
            p, r, f = self.prf(level)
            tp, gold, pred = self.totals(level)
            lines.append(f"{level:18s} P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} gold={gold} predicted={pred})")
        lines.append(f"F1 pair+status+date: {self.prf('pair+status+date')[2]:.3f}")
        return "\n".join(lines)


def evaluate(store: Store, gold_dir: Path, aliases: Path | None = None) -> Evaluation:
    """Score the contacts in ``store`` against every gold file of ``gold_dir``."""
    table = load_aliases(aliases if aliases is not None else gold_dir.parent / "aliases.tsv")
    preds = read_predictions(store)
    per_doc = {}
    for path in sorted(gold_dir.glob("*.json")):
        per_doc[path.stem] = score_doc(read_gold(path, table), preds.get(path.stem, []))
    return Evaluation(per_doc)


__all__ = ["LEVELS", "Evaluation", "evaluate", "name_key"]
