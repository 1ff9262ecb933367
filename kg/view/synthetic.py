"""Graphs for the view's tests, demos and load benchmark.

``spec_store`` turns a small hand-written description (JSON-like) into the
records ``kg build`` makes and runs the real RDF builder on them, so tests see
exactly what users get. ``synthetic_store`` makes large random graphs: it
writes the quads of the public contract directly (contacts, leaders and topics
in the default graph; articles and evidence in one named graph per article, as
``kg build`` does) because the real builder takes tens of seconds on 20,000
contacts. A few hub leaders take many contacts, as in real news.
"""

from __future__ import annotations

import itertools
import random

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from kg.merge import ArticleMeta, MergedContact, Report
from kg.model import Evidence, FuzzyDate, Leader, Mode, Status, Topic
from kg.rdf import vocab as v
from kg.rdf.build import XSD_INT, article_quads, contact_quads, date_literal
from kg.rdf.mint import digest
from kg.view.countries import _table

_TOPICS = ["Ukraine", "trade", "climate", "energy", "security", "migration", "Gaza", "nuclear programme",
           "health", "technology"]
_STATUSES = [Status.OCCURRED, Status.PLANNED, Status.CANCELLED]


def _pairs(rng: random.Random, n_leaders: int, n_contacts: int, distinct: bool) -> list[tuple[int, int]]:
    weights = list(itertools.accumulate(1.0 / (1 + i) ** 0.6 for i in range(n_leaders)))  # hubs, a long tail
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int]] = []
    room = n_leaders * (n_leaders - 1) // 2
    while len(out) < n_contacts:
        a, b = rng.choices(range(n_leaders), cum_weights=weights, k=2)
        pair = (min(a, b), max(a, b))
        if a == b or (distinct and len(seen) < room and pair in seen):
            continue
        seen.add(pair)
        out.append(pair)
    return out


def synthetic_quads(n_leaders: int, n_contacts: int, *, distinct_pairs: bool = False, seed: int = 7) -> list[Quad]:
    """``n_contacts`` two-party contacts among ``n_leaders`` (each pair at most once if ``distinct_pairs``)."""
    rng = random.Random(seed)
    countries = sorted(_table())
    quads: list[Quad] = []
    default = DefaultGraph()

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal, g: NamedNode | DefaultGraph = default) -> None:
        quads.append(Quad(s, p, o, g))

    leaders = [NamedNode(f"{v.WD}Q{900000 + i}") for i in range(n_leaders)]
    for i, node in enumerate(leaders):
        add(node, v.TYPE, v.LEADER)
        add(node, v.LABEL, Literal(f"Leader {i}", language="en"))
        add(node, v.LABEL, Literal(f"Dirigeant {i}", language="fr"))
        add(node, v.COUNTRY, NamedNode(v.WD + rng.choice(countries)))
    topics = [NamedNode(f"{v.ID}topic/synthetic-{i}") for i in range(len(_TOPICS))]
    for node, label in zip(topics, _TOPICS, strict=True):
        add(node, v.LABEL, Literal(label, language="en"))
    for k, (a, b) in enumerate(_pairs(rng, n_leaders, n_contacts, distinct_pairs)):
        c = NamedNode(f"{v.ID}contact/synthetic-{k}")
        year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = rng.choice([FuzzyDate(year, month, day)] * 6 + [FuzzyDate(year, month), FuzzyDate(year), None])
        mode = rng.choice(list(Mode))
        add(c, v.TYPE, v.CONTACT)
        if mode in v.MODE_CLASS:
            add(c, v.TYPE, v.MODE_CLASS[mode])
        add(c, v.STATUS, v.STATUS_NODE[rng.choices(_STATUSES, [8, 2, 1])[0]])
        if date is not None:
            add(c, v.DATE, date_literal(date))
        add(c, v.PARTICIPANT, leaders[a])
        add(c, v.PARTICIPANT, leaders[b])
        chosen = rng.sample(range(len(_TOPICS)), rng.randint(0, 2))
        for t in chosen:
            add(c, v.TOPIC, topics[t])
        art = NamedNode(f"{v.ID}article/synthetic-{k // 3}")  # three contacts per article
        add(c, v.DERIVED, art)
        add(art, v.TYPE, v.ARTICLE, art)
        add(art, v.IDENTIFIER, Literal(f"synthetic-{k // 3}.txt"), art)
        add(art, v.TITLE, Literal(f"Synthetic article {k // 3} on talks between leaders"), art)
        add(art, v.ISSUED, date_literal(FuzzyDate(year, month, day)), art)
        ev = NamedNode(f"{v.ID}evidence/synthetic-{k}")
        sentence = (f"Leader {a} and Leader {b} held talks on {', '.join(_TOPICS[t] for t in chosen) or 'ties'}"
                    f" (synthetic sentence {k}), officials said after the meeting.")
        add(c, v.EVIDENCE, ev)
        add(ev, v.TYPE, v.EVIDENCE_CLASS, art)
        add(ev, v.SENTENCE, Literal(sentence), art)
        add(ev, v.START, Literal(str(100 * (k % 3)), datatype=XSD_INT), art)
        add(ev, v.DERIVED, art, art)
    return quads


def synthetic_store(n_leaders: int, n_contacts: int, *, distinct_pairs: bool = False, seed: int = 7) -> Store:
    store = Store()
    store.bulk_extend(synthetic_quads(n_leaders, n_contacts, distinct_pairs=distinct_pairs, seed=seed))
    return store


def _source(src: dict, people: tuple[Leader, ...], c: dict) -> Report:
    meta = ArticleMeta(src["id"], digest(src["id"], size=64), src.get("title"),
                       FuzzyDate.parse(src["published"]) if src.get("published") else None, src.get("lang", "en"))
    quote = src.get("quote", "")
    evidence = (Evidence(meta.id, quote, 0, len(quote), "spec", 0.9),) if quote else ()
    date = FuzzyDate.parse(c["date"]) if c.get("date") else None
    topics = tuple(Topic(t, lang="en") for t in c.get("topics", []))
    return Report(meta, people, Mode(c.get("mode", "unspecified")), Status(c.get("status", "occurred")), date, topics,
                  evidence, "leader-contacts", "", "")


def spec_contacts(spec: dict) -> list[MergedContact]:
    """Merged contacts from ``{"leaders": {name: {...}}, "contacts": [{...}]}`` (see tests/data/view/)."""
    leaders = {name: Leader(d["key"], d["en"], d.get("fr", d["en"]), d.get("country"), d.get("linked", True))
               for name, d in spec["leaders"].items()}
    out = []
    for c in spec["contacts"]:
        people = tuple(sorted((leaders[n] for n in c["p"]), key=lambda p: p.key))
        reports = tuple(_source(src, people, c) for src in c.get("sources", [{"id": "spec.txt"}]))
        r = reports[0]
        out.append(MergedContact(people, r.mode, r.status, r.date, r.topics, reports))
    return out


def spec_store(spec: dict) -> Store:
    contacts = spec_contacts(spec)
    store = Store()
    store.bulk_extend(contact_quads(contacts))
    store.bulk_extend(article_quads({r.article for c in contacts for r in c.reports}))
    return store
