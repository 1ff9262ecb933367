"""Graph -> the ``Report``s it was built from: the inverse of ``kg.rdf.build.report_quads``.

Each article's named graph holds its own account of every contact it reports
(evidence nodes with ``lc:reportedParticipant``, ``lc:reportedMode``,
``lc:reportedStatus``, ``lc:reportedDate``, ``lc:reportedTopic``) and the
descriptions of the leaders, topics and extractor they point to. Reading them
back lets an incremental build merge old and new reports exactly as a build
from scratch would.

Leaders, topics and extractors are described once, in the default graph.
Lookups prefer the article's own graph and fall back to all graphs, so a
Turtle file (one graph) reads back too. Where a term has several values, the
smallest is taken, so the result never depends on the order quads come in.

Assumes what ``kg.extract.dedupe`` guarantees: two reports of one article
differ in participants, mode, status or date, so evidence nodes group back
into reports by those.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.errors import GraphError
from kg.merge import ArticleMeta, Report
from kg.model import Evidence, FuzzyDate, Leader, Mode, Status, Topic
from kg.rdf import mint
from kg.rdf import vocab as v

Term = NamedNode | Literal
_Props = dict[str, dict[str, list[Term]]]  # subject IRI -> predicate IRI -> objects


def _props() -> _Props:
    return defaultdict(lambda: defaultdict(list))


@dataclass
class _Index:
    """Subject -> predicate -> objects, per graph and over all graphs."""

    graphs: dict[str, _Props] = field(default_factory=lambda: defaultdict(_props))
    union: _Props = field(default_factory=lambda: _props())

    def add(self, q: Quad) -> None:
        if not isinstance(q.subject, NamedNode) or not isinstance(q.object, NamedNode | Literal):
            return  # we never write blank nodes or quoted triples: not ours
        g = "" if isinstance(q.graph_name, DefaultGraph) else q.graph_name.value
        s, p = q.subject.value, q.predicate.value
        self.graphs[g][s][p].append(q.object)
        self.union[s][p].append(q.object)

    def values(self, s: str, p: NamedNode, g: str = "") -> list[Term]:
        """Objects of (s, p) in graph g when g describes s, else in all graphs; sorted so picks are stable."""
        if g in self.graphs and s in self.graphs[g]:
            objs = self.graphs[g][s].get(p.value, [])
        else:
            objs = self.union.get(s, {}).get(p.value, [])
        return sorted(set(objs), key=lambda t: (t.value, getattr(t, "language", None) or ""))

    def one(self, s: str, p: NamedNode, g: str = "") -> Term | None:
        vals = self.values(s, p, g)
        return vals[0] if vals else None

    def subjects_of_type(self, cls: NamedNode) -> list[str]:
        return sorted(s for s, props in self.union.items() if cls in props.get(v.TYPE.value, []))


def _text(t: Term | None) -> str | None:
    return t.value if t is not None else None


def _date(t: Term | None) -> FuzzyDate | None:
    if t is None:
        return None
    try:
        return FuzzyDate.parse(t.value)
    except ValueError:
        return None


def _qid(iri: str) -> str | None:
    if iri.startswith(v.WD):
        q = iri[len(v.WD):]
        return q if mint._QID.match(q) else None
    return None


def _article(ix: _Index, iri: str) -> ArticleMeta:
    g = iri
    ident, h = _text(ix.one(iri, v.IDENTIFIER, g)), _text(ix.one(iri, v.CONTENT_HASH, g))
    if not ident or not h:
        raise GraphError(f"article {iri} has no dcterms:identifier or lc:contentHash")
    return ArticleMeta(ident, h, _text(ix.one(iri, v.TITLE, g)), _date(ix.one(iri, v.ISSUED, g)),
                       _text(ix.one(iri, v.LANGUAGE, g)), _text(ix.one(iri, v.URL, g)))


def _label(ix: _Index, iri: str, lang: str, g: str) -> str | None:
    for t in ix.values(iri, v.LABEL, g):
        if isinstance(t, Literal) and t.language == lang:
            return t.value
    return None


def _leader(ix: _Index, iri: str, g: str) -> Leader:
    unlinked = v.UNLINKED_LEADER in ix.values(iri, v.TYPE, g)
    key = _qid(iri) if not unlinked else None
    key = key or _text(ix.one(iri, v.IDENTIFIER, g))
    if not key:
        raise GraphError(f"leader {iri} has no Wikidata IRI and no dcterms:identifier")
    en = _label(ix, iri, "en", g) or key
    fr = _label(ix, iri, "fr", g) or en
    country = next((q for t in ix.values(iri, v.COUNTRY, g) if (q := _qid(t.value))), None)
    return Leader(key, en, fr, country, linked=not unlinked)


def _topic(ix: _Index, iri: str, g: str) -> Topic:
    labels = [t for t in ix.values(iri, v.LABEL, g) if isinstance(t, Literal)]
    qid = _qid(iri)
    for t in labels:
        # "und" is how an empty language was written: try both and keep the one
        # that mints this very IRI back.
        for lang in ((t.language or "und", "") if (t.language or "und") == "und" else (t.language,)):
            topic = Topic(t.value, qid, lang)
            if mint.topic_iri(topic).value == iri:
                return topic
    if labels:
        return Topic(labels[0].value, qid, labels[0].language or "")
    raise GraphError(f"topic {iri} has no rdfs:label")


def _extractor(ix: _Index, iri: str, g: str) -> tuple[str, str, str]:
    label = _text(ix.one(iri, v.LABEL, g)) or ""
    model = _text(ix.one(iri, v.MODEL, g)) or ""
    version = _text(ix.one(iri, v.MODEL_VERSION, g)) or ""
    for name in (label, ""):
        if mint.extractor_iri(name, model, version).value == iri:
            return name, model, version
    return label, model, version


def read_reports(quads: Iterable[Quad]) -> tuple[list[ArticleMeta], list[Report]]:
    """Every article and every report a graph records, in a canonical order."""
    ix = _Index()
    for q in quads:
        ix.add(q)
    articles = {iri: _article(ix, iri) for iri in ix.subjects_of_type(v.ARTICLE)}
    groups: dict[tuple, list[Evidence]] = defaultdict(list)
    for ev in ix.subjects_of_type(v.EVIDENCE_CLASS):
        art = next((t.value for t in ix.values(ev, v.DERIVED) if t.value in articles), None)
        if art is None:
            raise GraphError(f"evidence {ev} is not derived from an article of the graph")
        g = art
        status = v.NODE_STATUS.get(_text(ix.one(ev, v.REPORTED_STATUS, g)) or "")
        participants = tuple(t.value for t in ix.values(ev, v.REPORTED_PARTICIPANT, g))
        if status is None or len(participants) < 2:
            raise GraphError(f"evidence {ev} lacks lc:reportedStatus or lc:reportedParticipant "
                             "(a graph from an older version: rebuild it)")
        mode_node = _text(ix.one(ev, v.REPORTED_MODE, g))
        mode = v.CLASS_MODE.get(mode_node, Mode.UNSPECIFIED) if mode_node else Mode.UNSPECIFIED
        date = _text(ix.one(ev, v.REPORTED_DATE, g))
        topics = tuple(t.value for t in ix.values(ev, v.REPORTED_TOPIC, g))
        ext = _text(ix.one(ev, v.GENERATED_BY, g)) or ""
        start, end = _text(ix.one(ev, v.START, g)), _text(ix.one(ev, v.END, g))
        evidence = Evidence(articles[art].id, _text(ix.one(ev, v.SENTENCE, g)) or "", int(start or 0),
                            int(end or 0), _text(ix.one(ev, v.RULE, g)) or "",
                            float(_text(ix.one(ev, v.CONFIDENCE, g)) or 0))
        groups[(art, participants, mode, status, date, topics, ext)].append(evidence)
    reports = []
    for (art, participants, mode, status, date, topics, ext), evidence in groups.items():
        extractor, model, version = _extractor(ix, ext, "") if ext else ("", "", "")
        reports.append(Report(articles[art], tuple(_leader(ix, p, "") for p in participants), mode,
                              Status(status), _date(Literal(date)) if date else None,
                              tuple(_topic(ix, t, "") for t in topics),
                              tuple(sorted(evidence, key=lambda e: (e.start, e.end, e.text, e.rule))),
                              extractor, model, version))
    reports.sort(key=Report.order_key)
    return sorted(articles.values(), key=lambda a: a.content_hash), reports


__all__ = ["read_reports"]
