"""``kg export``: a graph file or store -> Turtle, TriG, N-Quads, JSON-LD, CSV or GraphML.

RDF formats are serialised by Oxigraph from sorted quads (fast on large
graphs, and the same graph always gives the same bytes). TriG and N-Quads
keep one named graph per article; a Turtle source has none, so its article
graphs are rebuilt from the evidence it records when that gives back exactly
the same triples. CSV has one row per contact; GraphML (networkx) has leaders
as nodes and one aggregated edge per pair, for Gephi and Cytoscape. Every file
is written atomically: an interrupted export leaves the previous file intact.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, parse

from kg.errors import GraphError
from kg.rdf import vocab as v
from kg.rdf.io import FORMATS, QUAD_FORMATS, atomic_output, read_quads, to_bytes

RDF_FORMATS = ("turtle", "trig", "nquads", "jsonld")
ALL_FORMATS = (*RDF_FORMATS, "csv", "graphml")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    fmt: str
    quads: int
    graphs: int
    detail: str = ""  # what the file holds, for a message


def load(source: Path | str) -> list[Quad]:
    """The quads of a graph file or store folder, sorted, with their named graphs."""
    from kg.store import dataset_quads, open_store

    p = Path(source)
    if p.is_dir():
        return dataset_quads(open_store(p))
    if not p.exists():
        raise GraphError(f"{p}: no such graph file or store")
    quads = read_quads(p)
    if not any(isinstance(q.graph_name, NamedNode) for q in quads):
        quads = regraph(quads)
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def regraph(quads: list[Quad]) -> list[Quad]:
    """Put a one-graph source's article statements back in their article graphs, if that is exact."""
    from kg.build import graph_quads
    from kg.merge import merge_reports
    from kg.rdf.read import read_reports

    try:
        metas, reports = read_reports(quads)
        rebuilt = graph_quads(metas, merge_reports(reports))
    except (GraphError, ValueError):
        return quads
    if {q.triple for q in rebuilt} == {q.triple for q in quads}:
        return rebuilt
    return quads


def rdf_bytes(quads: list[Quad], fmt: str) -> bytes:
    return to_bytes(quads, FORMATS[fmt])


def check_roundtrip(data: bytes, fmt: str, quads: list[Quad]) -> None:
    """Parse ``data`` back strictly with pyoxigraph and rdflib; raise GraphError unless both give the graph."""
    import rdflib
    from rdflib.compare import isomorphic

    rdf_fmt = FORMATS[fmt]
    keep_graphs = rdf_fmt in QUAD_FORMATS
    expected = {q if keep_graphs else Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads}
    try:
        parsed = {q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph())
                  for q in parse(data, format=rdf_fmt, lenient=False)}
    except SyntaxError as exc:
        raise GraphError(f"the {fmt} export does not parse back in Oxigraph: {str(exc).splitlines()[0]}") from None
    if parsed != expected:
        raise GraphError(f"the {fmt} export parses back into a different graph in Oxigraph "
                         f"({len(parsed ^ expected)} quads differ)")
    reference = to_bytes(sorted(expected, key=str), RdfFormat.N_QUADS)
    rdflib_fmt = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt]
    got, want = rdflib.Dataset(), rdflib.Dataset()
    got.parse(data=data, format=rdflib_fmt)
    want.parse(data=reference, format="nquads")
    for g in {c.identifier for c in want.graphs()} | {c.identifier for c in got.graphs()}:
        if not isomorphic(got.graph(g), want.graph(g)):
            raise GraphError(f"the {fmt} export parses back into a different graph in rdflib (graph {g})")


_CONTACTS = f"""
PREFIX lc: <{v.LC}>
PREFIX rdfs: <{v.RDFS}>
PREFIX prov: <{v.PROV}>
PREFIX dcterms: <{v.DCTERMS}>
SELECT ?c ?st ?date ?type ?p ?name ?topic ?source ?issued ?conf WHERE {{
  ?c a lc:Contact ; lc:status ?st .
  OPTIONAL {{ ?c lc:date ?d }} BIND(STR(?d) AS ?date)
  OPTIONAL {{ ?c a ?type . FILTER(?type != lc:Contact && STRSTARTS(STR(?type), STR(lc:))) }}
  {{ ?c lc:participant ?p . OPTIONAL {{ ?p rdfs:label ?name . FILTER(LANG(?name) = "en") }} }}
  UNION {{ ?c lc:topic ?t . ?t rdfs:label ?topic }}
  UNION {{ ?c lc:evidence ?ev . ?ev prov:wasDerivedFrom ?a ; lc:confidence ?conf . ?a dcterms:identifier ?source .
           OPTIONAL {{ ?a dcterms:issued ?iss }} BIND(STR(?iss) AS ?issued) }}
}}
"""
CSV_COLUMNS = ("contact", "date", "mode", "status", "participants", "participant_names", "topics", "sources",
               "n_sources", "first_reported", "last_reported", "confidence")


def contact_rows(store: Store) -> list[dict[str, str]]:
    """One dict per contact, lists joined with " | " in sorted order."""
    acc: dict[str, dict] = defaultdict(lambda: defaultdict(set))
    for sol in store.query(_CONTACTS, use_default_graph_as_union=True):
        rec = acc[sol["c"].value]
        rec["status"].add(sol["st"].value.rsplit("#", 1)[-1].lower())
        if sol["date"]:
            rec["date"].add(sol["date"].value)
        if sol["type"]:
            rec["mode"].add(sol["type"].value.rsplit("#", 1)[-1])
        if sol["p"]:
            rec["participants"].add(sol["p"].value)
            rec["names"].add((sol["p"].value, sol["name"].value if sol["name"] else ""))
        if sol["topic"]:
            rec["topics"].add(sol["topic"].value)
        if sol["source"]:
            rec["sources"].add(sol["source"].value)
            rec["conf"].add(float(sol["conf"].value))
            if sol["issued"]:
                rec["issued"].add(sol["issued"].value)
    out = []
    for c in sorted(acc, key=lambda c: (min(acc[c]["date"], default=""), c)):
        r = acc[c]
        out.append({
            "contact": c, "date": min(r["date"], default=""), "mode": min(r["mode"], default="Contact"),
            "status": min(r["status"], default=""), "participants": " | ".join(sorted(r["participants"])),
            "participant_names": " | ".join(n for _, n in sorted(r["names"])),
            "topics": " | ".join(sorted(r["topics"])), "sources": " | ".join(sorted(r["sources"])),
            "n_sources": str(len(r["sources"])), "first_reported": min(r["issued"], default=""),
            "last_reported": max(r["issued"], default=""),
            "confidence": f"{max(r['conf']):.3f}" if r["conf"] else ""})
    return out


def csv_bytes(store: Store) -> tuple[bytes, int]:
    rows = contact_rows(store)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8"), len(rows)


_LEADERS = f"""
PREFIX lc: <{v.LC}>
PREFIX rdfs: <{v.RDFS}>
SELECT ?p ?en ?fr ?country ?unlinked WHERE {{
  ?p a lc:Leader .
  OPTIONAL {{ ?p rdfs:label ?en . FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?p rdfs:label ?fr . FILTER(LANG(?fr) = "fr") }}
  OPTIONAL {{ ?p lc:country ?country }}
  BIND(EXISTS {{ ?p a lc:UnlinkedLeader }} AS ?unlinked)
}}
"""


def leader_graph(store: Store):  # type: ignore[no-untyped-def]
    """A networkx Graph: leaders as nodes, one edge per pair with counts by status and mode."""
    import networkx as nx

    g = nx.Graph()
    leaders: dict[str, dict[str, str | bool]] = {}
    for sol in store.query(_LEADERS, use_default_graph_as_union=True):
        iri = sol["p"].value
        rec = leaders.setdefault(iri, {"label": "", "label_fr": "", "country": "", "wikidata": "", "linked": True})
        rec["label"] = min(filter(None, [rec["label"], sol["en"].value if sol["en"] else ""]), default="")
        rec["label_fr"] = min(filter(None, [rec["label_fr"], sol["fr"].value if sol["fr"] else ""]), default="")
        rec["country"] = min(filter(None, [rec["country"], sol["country"].value if sol["country"] else ""]),
                             default="")
        rec["wikidata"] = iri.rsplit("/", 1)[-1] if iri.startswith(v.WD) else ""
        rec["linked"] = sol["unlinked"].value != "true"
    for iri in sorted(leaders):
        g.add_node(iri, **leaders[iri])
    pairs: dict[tuple[str, str], dict] = defaultdict(lambda: {"contacts": set(), "status": Counter(),
                                                               "mode": Counter(), "dates": []})
    for row in contact_rows(store):
        ps = row["participants"].split(" | ")
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                rec = pairs[(a, b)]
                rec["contacts"].add(row["contact"])
                rec["status"][row["status"]] += 1
                rec["mode"][row["mode"]] += 1
                if row["date"]:
                    rec["dates"].append(row["date"])
    for (a, b), rec in sorted(pairs.items()):
        g.add_edge(a, b, weight=len(rec["contacts"]), occurred=rec["status"]["occurred"],
                   planned=rec["status"]["planned"], cancelled=rec["status"]["cancelled"],
                   modes=" ".join(f"{m}:{n}" for m, n in sorted(rec["mode"].items())),
                   first=min(rec["dates"], default=""), last=max(rec["dates"], default=""))
    return g


def graphml_bytes(store: Store) -> tuple[bytes, int, int]:
    import networkx as nx

    g = leader_graph(store)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue(), g.number_of_nodes(), g.number_of_edges()


def export(source: Path | str, fmt: str, output: Path | str, *, check: bool = False) -> ExportSummary:
    """Write SOURCE as FMT to OUTPUT, atomically; with ``check``, parse RDF back first."""
    if fmt not in ALL_FORMATS:
        raise GraphError(f"unknown export format {fmt!r} (use {', '.join(ALL_FORMATS)})")
    if fmt in ("csv", "graphml"):  # tables: query the source where it is, no copy
        from kg.query.engine import open_source

        store = open_source(source)
        if fmt == "csv":
            data, n = csv_bytes(store)
            detail = f"{n} contacts"
        else:
            data, nodes, edges = graphml_bytes(store)
            detail = f"{nodes} leaders, {edges} pairs"
        with atomic_output(output) as fh:
            fh.write(data)
        return ExportSummary(Path(output), fmt, len(store), len(list(store.named_graphs())), detail)
    quads = load(source)
    graphs = len({q.graph_name for q in quads if isinstance(q.graph_name, NamedNode)})
    data = rdf_bytes(quads, fmt)
    if check:
        check_roundtrip(data, fmt, quads)
    kept = graphs if FORMATS[fmt] in QUAD_FORMATS else 0
    detail = f"{len(quads)} quads" + (f" in {kept} article graphs and the default graph" if kept else "")
    with atomic_output(output) as fh:
        fh.write(data)
    return ExportSummary(Path(output), fmt, len(quads), graphs, detail)


__all__ = ["ALL_FORMATS", "CSV_COLUMNS", "RDF_FORMATS", "ExportSummary", "check_roundtrip", "contact_rows", "export",
           "leader_graph", "load", "regraph"]
