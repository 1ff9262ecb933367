"""Graph -> the data the network view draws: leaders, pairs and their contacts.

Everything is read with SPARQL from the store, using only terms of the public
ontology, so ``kg view`` works on any graph kg made (or any graph written to
the same contract). Queries see the union of all graphs: evidence and article
metadata live in one named graph per article when the store comes from
``kg build``, and in the default graph when it was read from Turtle.

The result is plain JSON-ready data. Its shape (short keys keep a 20,000
contact page small):

* ``nodes``: leaders, ``{"id", "label", "country", "region", "unlinked", "n"}``,
  ``n`` being the number of contacts the leader took part in;
* ``edges``: one per pair, ``{"from", "to", "c"}`` with node indices and the
  indices of the pair's contacts;
* ``contacts``: ``{"id", "p", "d", "m", "s", "t", "e"}``: participants (node
  indices), ISO date at its own precision ("" when undated), mode, status,
  topic indices and sources ``[article index, quote]``;
* ``articles`` (``{"id", "title", "issued"}``), ``topics`` (labels),
  ``countries`` and ``regions`` (key -> readable name), ``modes`` and
  ``statuses`` present, ``n_contacts``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Store

from kg.rdf.vocab import DCTERMS, LC, PROV, RDFS
from kg.view.countries import REGIONS, country, region_name

MAX_QUOTE = 400  # characters of an evidence sentence kept in the page: the graph holds the full text
MODE_OF_CLASS = {"PhoneCall": "phone", "Meeting": "meeting", "VideoCall": "video", "Correspondence": "letter"}
MODES = ["phone", "meeting", "video", "letter", "unspecified"]
STATUSES = ["occurred", "planned", "cancelled", "unknown"]
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_PREFIXES = f"PREFIX lc: <{LC}>\nPREFIX rdfs: <{RDFS}>\nPREFIX prov: <{PROV}>\nPREFIX dcterms: <{DCTERMS}>\n"

Q_CONTACTS = """SELECT ?c ?cls ?status ?date WHERE {
  VALUES ?cls { lc:Contact lc:PhoneCall lc:Meeting lc:VideoCall lc:Correspondence }
  ?c a ?cls .
  OPTIONAL { ?c lc:status ?status }
  OPTIONAL { ?c lc:date ?date }
}"""
Q_PARTICIPANTS = "SELECT ?c ?p WHERE { ?c lc:participant ?p }"
Q_LABELS = "SELECT DISTINCT ?p ?label WHERE { ?c lc:participant ?p . ?p rdfs:label ?label }"
Q_COUNTRIES = """SELECT DISTINCT ?p ?country ?clabel WHERE {
  ?c lc:participant ?p . ?p lc:country ?country .
  OPTIONAL { ?country rdfs:label ?clabel }
}"""
Q_UNLINKED = "SELECT DISTINCT ?p WHERE { ?p a lc:UnlinkedLeader }"
Q_TOPICS = "SELECT ?c ?t ?label WHERE { ?c lc:topic ?t . OPTIONAL { ?t rdfs:label ?label } }"
Q_SOURCES = "SELECT ?c ?a WHERE { ?c prov:wasDerivedFrom ?a }"
Q_ARTICLES = """SELECT ?a ?prop ?value WHERE {
  VALUES ?prop { dcterms:title dcterms:identifier dcterms:issued }
  ?a ?prop ?value .
}"""
Q_EVIDENCE = """SELECT ?c ?e ?sentence ?a ?start WHERE {
  ?c lc:evidence ?e .
  OPTIONAL { ?e lc:sentence ?sentence }
  OPTIONAL { ?e prov:wasDerivedFrom ?a }
  OPTIONAL { ?e lc:startOffset ?start }
}"""


def _rows(store: Store, query: str) -> Iterator:
    yield from store.query(_PREFIXES + query, use_default_graph_as_union=True)


def _text(term: object) -> str:
    return term.value if isinstance(term, (Literal, NamedNode)) else ""


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _pick_label(labels: set[tuple[str, str]], lang: str) -> str | None:
    """The label in ``lang``, else English, else an untagged one, else any (stable choice)."""
    for want in (lang, "en", "", "und"):
        found = sorted(v for v, lg in labels if lg.lower().split("-")[0] == want)
        if found:
            return found[0]
    return min((v for v, _ in labels), default=None)


def _lang(term: object) -> str:
    return (term.language or "") if isinstance(term, Literal) else ""


def _quote(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= MAX_QUOTE else sentence[: MAX_QUOTE - 1].rstrip() + "…"


def _contacts(store: Store) -> dict[str, dict]:
    contacts: dict[str, dict] = {}
    for sol in _rows(store, Q_CONTACTS):
        rec = contacts.setdefault(sol["c"].value, {"modes": set(), "status": set(), "date": set()})
        mode = MODE_OF_CLASS.get(_local(sol["cls"].value))
        if mode:
            rec["modes"].add(mode)
        if sol["status"] is not None:
            rec["status"].add(_local(_text(sol["status"])).lower())
        m = _DATE.match(_text(sol["date"]))
        if m:
            rec["date"].add(m.group(0))
    return contacts


def _participants(store: Store, contacts: dict[str, dict]) -> dict[str, set[str]]:
    parts: dict[str, set[str]] = defaultdict(set)
    for sol in _rows(store, Q_PARTICIPANTS):
        c = sol["c"].value
        if c in contacts and isinstance(sol["p"], NamedNode):
            parts[c].add(sol["p"].value)
    # A contact needs two people to draw a line; anything less is not a contact we can show.
    return {c: ps for c, ps in parts.items() if len(ps) >= 2}


def _leaders(store: Store, leader_ids: list[str], lang: str, n: dict[str, int]) -> tuple[list[dict], dict[str, str]]:
    labels: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for sol in _rows(store, Q_LABELS):
        labels[sol["p"].value].add((_text(sol["label"]), _lang(sol["label"])))
    countries: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for sol in _rows(store, Q_COUNTRIES):
        countries[sol["p"].value].append((_text(sol["country"]), _text(sol["clabel"])))
    unlinked = {sol["p"].value for sol in _rows(store, Q_UNLINKED)}
    nodes, names = [], {}
    for p in leader_ids:
        iri, clabel = min(countries.get(p, [("", "")]))  # one colour per leader: the first country, stably
        info = country(iri, clabel or None)
        names[info.key] = info.name(lang)
        nodes.append({"id": p, "label": _pick_label(labels.get(p, set()), lang) or _local(p),
                      "country": info.key, "region": info.region, "unlinked": p in unlinked, "n": n[p]})
    return nodes, names


def _topics(store: Store, contacts: dict[str, dict], lang: str) -> dict[str, list[str]]:
    labels: dict[str, set[tuple[str, str]]] = defaultdict(set)
    by_contact: dict[str, set[str]] = defaultdict(set)
    for sol in _rows(store, Q_TOPICS):
        c, t = sol["c"].value, _text(sol["t"])
        if c in contacts and t:
            by_contact[c].add(t)
            if sol["label"] is not None:
                labels[t].add((_text(sol["label"]), _lang(sol["label"])))
    names = {t: _pick_label(labels.get(t, set()), lang) or _local(t) for ts in by_contact.values() for t in ts}
    return {c: sorted({names[t] for t in ts}) for c, ts in by_contact.items()}


def _articles(store: Store) -> dict[str, dict]:
    props: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for sol in _rows(store, Q_ARTICLES):
        props[_text(sol["a"])][_local(sol["prop"].value)].add(_text(sol["value"]))
    return {a: {"id": min(p.get("identifier", {""})), "title": min(p.get("title", {""})),
                "issued": min(p.get("issued", {""}))} for a, p in props.items()}


def _sources(store: Store, contacts: dict[str, dict]) -> dict[str, list[tuple[str, str]]]:
    """Per contact, (article IRI, quote) pairs in reading order; an article with no quote still counts."""
    quoted: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for sol in _rows(store, Q_EVIDENCE):
        c = sol["c"].value
        if c not in contacts or sol["sentence"] is None:
            continue
        start = _text(sol["start"])
        key = (_text(sol["a"]), _quote(_text(sol["sentence"])))
        pos = int(start) if start.isdigit() else 0
        quoted[c][key] = min(quoted[c].get(key, pos), pos)
    articles: dict[str, set[str]] = defaultdict(set)
    for sol in _rows(store, Q_SOURCES):
        if sol["c"].value in contacts:
            articles[sol["c"].value].add(_text(sol["a"]))
    out: dict[str, list[tuple[str, str]]] = {}
    for c in contacts:
        pairs = sorted(quoted.get(c, {}).items(), key=lambda kv: (kv[0][0], kv[1], kv[0][1]))
        seen = {a for (a, _), _ in pairs}
        out[c] = [k for k, _ in pairs] + [(a, "") for a in sorted(articles.get(c, set()) - seen)]
    return out


def _one(values: set[str], order: list[str], default: str) -> str:
    known = [v for v in order if v in values]
    return known[0] if known else default


def view_data(store: Store, label_lang: str = "en") -> dict:
    """Nodes (leaders), edges (pairs) and contacts with their sources, from any kg graph."""
    lang = label_lang if label_lang in ("en", "fr") else "en"
    contacts = _contacts(store)
    parts = _participants(store, contacts)
    contacts = {c: contacts[c] for c in parts}
    dates = {c: max(rec["date"], key=lambda d: (len(d), d), default="") for c, rec in contacts.items()}
    order = sorted(contacts, key=lambda c: (not dates[c], dates[c], c))  # by date, undated last
    n: dict[str, int] = defaultdict(int)
    for ps in parts.values():
        for p in ps:
            n[p] += 1
    leader_ids = sorted(n)
    index = {p: i for i, p in enumerate(leader_ids)}
    nodes, country_names = _leaders(store, leader_ids, lang, n)
    topics = _topics(store, contacts, lang)
    sources = _sources(store, contacts)
    meta = _articles(store)
    topic_index = {t: i for i, t in enumerate(sorted({t for ts in topics.values() for t in ts}))}
    article_index: dict[str, int] = {}
    out_contacts, pairs = [], defaultdict(list)
    for k, c in enumerate(order):
        rec = contacts[c]
        ps = sorted(index[p] for p in parts[c])
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                pairs[(a, b)].append(k)
        src = [[article_index.setdefault(a, len(article_index)), q] for a, q in sources[c]]
        out_contacts.append({"id": c, "p": ps, "d": dates[c], "m": _one(rec["modes"], MODES, "unspecified"),
                             "s": _one(rec["status"], STATUSES, "unknown"),
                             "t": [topic_index[t] for t in topics.get(c, [])], "e": src})
    articles = [meta.get(a) or {"id": _local(a), "title": "", "issued": ""} for a in article_index]
    regions = {node["region"] for node in nodes}
    return {
        "nodes": nodes,
        "edges": [{"from": a, "to": b, "c": ks} for (a, b), ks in sorted(pairs.items())],
        "contacts": out_contacts,
        "articles": articles,
        "topics": list(topic_index),
        "countries": dict(sorted(country_names.items())),
        "regions": {r: region_name(r, lang) for r in REGIONS if r in regions},
        "modes": [m for m in MODES if any(x["m"] == m for x in out_contacts)],
        "statuses": [s for s in STATUSES if any(x["s"] == s for x in out_contacts)],
        "n_contacts": len(out_contacts),
    }
