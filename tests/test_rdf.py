"""The RDF layer: valid against the SHACL shapes, deterministic, and true to the ontology."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from pyshacl import validate

from kg.merge import ArticleMeta, Report, merge_reports
from kg.model import ContactEvent, Evidence, FuzzyDate, Leader, Mode, Status, Topic
from kg.rdf.build import article_quads, contact_quads
from kg.rdf.io import to_bytes, to_rdflib
from kg.rdf.mint import content_hash
from tests.conftest import ROOT

SHAPES = rdflib.Graph().parse(ROOT / "ontologies" / "shapes.ttl")
ONTOLOGY = rdflib.Graph().parse(ROOT / "ontologies" / "leader-contacts.ttl")
LC = rdflib.Namespace("https://w3id.org/leader-contacts/ns#")

MACRON = Leader("Q3052772", "Emmanuel Macron", "Emmanuel Macron", "Q142")
PUTIN = Leader("Q7747", "Vladimir Putin", "Vladimir Poutine", "Q159")
MENSAH = Leader("x-kwame-mensah", "Kwame Mensah", "Kwame Mensah", None, linked=False)


def _report(article: str, leaders: tuple[Leader, ...], mode: Mode, status: Status, date: str | None) -> Report:
    meta = ArticleMeta(article, content_hash(article), f"Title of {article}", FuzzyDate(2026, 2, 3), "fr")
    ev = Evidence(article, f"Sentence from {article}.", 10, 40, "fr:test", 0.9)
    event = ContactEvent(leaders, mode, status, FuzzyDate.parse(date) if date else None,
                         (Topic("programme nucléaire iranien", None, "fr"),), (ev,))
    return Report.of(meta, event, {"extractor": "leader-contacts test", "model": "m", "model_version": "1"})


def _graph(reports: list[Report]) -> rdflib.Graph:
    quads = contact_quads(merge_reports(reports)) + article_quads([r.article for r in reports])
    g = rdflib.Graph()
    g.parse(data=to_bytes(quads), format="turtle")
    return g


REPORTS = [_report("a.txt", (MACRON, PUTIN), Mode.PHONE, Status.OCCURRED, "2022-09-11"),
           _report("a.txt", (MACRON, PUTIN), Mode.UNSPECIFIED, Status.PLANNED, None),
           _report("b.txt", (PUTIN, MACRON), Mode.UNSPECIFIED, Status.OCCURRED, "2022-09"),
           _report("b.txt", (MACRON, MENSAH), Mode.MEETING, Status.OCCURRED, "2025")]


def test_rdf_graph_conforms_to_the_shapes() -> None:
    conforms, _, text = validate(_graph(REPORTS), shacl_graph=SHAPES, ont_graph=ONTOLOGY, inference="rdfs")
    assert conforms, text


def test_rdf_shapes_reject_a_contact_with_one_participant() -> None:
    g = _graph(REPORTS)
    contact = next(g.subjects(rdflib.RDF.type, LC.PhoneCall))
    for p in list(g.objects(contact, LC.participant))[1:]:
        g.remove((contact, LC.participant, p))
    conforms, _, _ = validate(g, shacl_graph=SHAPES, ont_graph=ONTOLOGY, inference="rdfs")
    assert not conforms


def test_rdf_dates_are_typed_by_precision() -> None:
    g = _graph(REPORTS)
    types = {str(d.datatype).rsplit("#", 1)[1] for d in g.objects(None, LC.date)}
    assert types == {"date", "gYear"}  # 2022-09 merged into 2022-09-11; 2025 stays a year


def test_rdf_unknown_leader_is_minted_and_flagged() -> None:
    g = _graph(REPORTS)
    unlinked = set(g.subjects(rdflib.RDF.type, LC.UnlinkedLeader))
    assert len(unlinked) == 1
    (node,) = unlinked
    assert str(node).startswith("https://w3id.org/leader-contacts/id/leader/kwame-mensah-")


def test_rdf_every_term_used_is_declared_in_the_ontology() -> None:
    g = _graph(REPORTS)
    declared = {s for s in ONTOLOGY.subjects() if str(s).startswith(str(LC))}
    used = {t for triple in g for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(str(LC))}
    assert used <= declared, used - declared


def test_rdf_spoke_with_only_for_occurred_contacts() -> None:
    g = _graph([_report("c.txt", (MACRON, PUTIN), Mode.UNSPECIFIED, Status.PLANNED, None)])
    assert not list(g.triples((None, LC.spokeWith, None)))


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]])
def test_rdf_serialisation_does_not_depend_on_input_order(order: list[int]) -> None:
    reports = [REPORTS[i] for i in order]
    quads = contact_quads(merge_reports(reports)) + article_quads([r.article for r in reports])
    reference = contact_quads(merge_reports(REPORTS)) + article_quads([r.article for r in REPORTS])
    assert to_bytes(sorted(set(quads), key=str)) == to_bytes(sorted(set(reference), key=str))


def test_rdf_no_blank_nodes() -> None:
    ds = to_rdflib(contact_quads(merge_reports(REPORTS)))
    assert not any(isinstance(t, rdflib.BNode) for q in ds.quads() for t in q[:3])


def test_rdf_seed_graph_conforms(tmp_path: Path) -> None:
    from kg.build import build

    build([ROOT / "seeds"], tmp_path)
    g = rdflib.Graph().parse(tmp_path / "graph.ttl")
    conforms, _, text = validate(g, shacl_graph=SHAPES, ont_graph=ONTOLOGY, inference="rdfs")
    assert conforms, text
