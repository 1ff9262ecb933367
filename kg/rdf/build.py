"""Merged contacts -> RDF quads, in a canonical order.

Article-level statements (the article, its evidence sentences) go to a named
graph per article, so TriG and N-Quads exports keep one graph per source;
contacts, leaders and topics go to the default graph. Quads come out sorted,
so the same contacts always serialise to the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.merge import ArticleMeta, MergedContact, Report
from kg.model import Evidence, FuzzyDate, Leader, Mode, Status, Topic
from kg.rdf import mint
from kg.rdf import vocab as v

XSD_DATE = NamedNode(v.XSD + "date")
XSD_GYM = NamedNode(v.XSD + "gYearMonth")
XSD_GY = NamedNode(v.XSD + "gYear")
XSD_INT = NamedNode(v.XSD + "nonNegativeInteger")
XSD_DEC = NamedNode(v.XSD + "decimal")
XSD_ANYURI = NamedNode(v.XSD + "anyURI")
_DEFAULT = DefaultGraph()


def date_literal(d: FuzzyDate) -> Literal:
    dtype = {3: XSD_DATE, 2: XSD_GYM, 1: XSD_GY}[d.precision.value]
    return Literal(d.iso(), datatype=dtype)


def _label(leaders: tuple[Leader, ...], mode: Mode, status: Status, date: FuzzyDate | None) -> str:
    names = " – ".join(p.label_en for p in leaders)
    what = {Mode.PHONE: "phone call", Mode.MEETING: "meeting", Mode.VIDEO: "video call",
            Mode.LETTER: "correspondence", Mode.UNSPECIFIED: "contact"}[mode]
    when = f", {date.iso()}" if date else ""
    return f"{names}: {what}{when} ({status.value})"


class QuadSink:
    """Collects quads without duplicates."""

    def __init__(self) -> None:
        self.quads: set[Quad] = set()

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal, g: NamedNode | DefaultGraph = _DEFAULT) -> None:
        self.quads.add(Quad(s, p, o, g))

    def sorted(self) -> list[Quad]:
        return sorted(self.quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _leader(sink: QuadSink, leader: Leader, g: NamedNode | DefaultGraph = _DEFAULT) -> NamedNode:
    node = mint.leader_iri(leader)
    sink.add(node, v.TYPE, v.LEADER, g)
    if not leader.linked or not node.value.startswith(v.WD):
        sink.add(node, v.TYPE, v.UNLINKED_LEADER, g)
        # The minted IRI hides the key; kg.rdf.read needs it back.
        sink.add(node, v.IDENTIFIER, Literal(leader.key), g)
    sink.add(node, v.LABEL, Literal(leader.label_en, language="en"), g)
    sink.add(node, v.LABEL, Literal(leader.label_fr or leader.label_en, language="fr"), g)
    if leader.country and mint._QID.match(leader.country):
        sink.add(node, v.COUNTRY, NamedNode(v.WD + leader.country), g)
    return node


def _topic(sink: QuadSink, topic: Topic, g: NamedNode | DefaultGraph = _DEFAULT) -> NamedNode:
    node = mint.topic_iri(topic)
    if not node.value.startswith(v.WD):
        sink.add(node, v.TYPE, v.CONCEPT, g)
    sink.add(node, v.LABEL, Literal(topic.label, language=topic.lang or "und"), g)
    return node


def _extractor(sink: QuadSink, r: Report, g: NamedNode | DefaultGraph = _DEFAULT) -> NamedNode:
    ext = mint.extractor_iri(r.extractor, r.model, r.model_version)
    sink.add(ext, v.TYPE, v.EXTRACTOR, g)
    sink.add(ext, v.LABEL, Literal(r.extractor or "leader-contacts"), g)
    if r.model:
        sink.add(ext, v.MODEL, Literal(r.model), g)
        sink.add(ext, v.MODEL_VERSION, Literal(r.model_version), g)
    return ext


def report_quads(sink: QuadSink, r: Report) -> list[NamedNode]:
    """One article's own account of one contact, in that article's named graph.

    Everything the report holds is here (participants, mode, status, date,
    topics, extractor, evidence), so the graph of an article is enough to read
    its reports back (kg.rdf.read) and never changes once written: evidence
    IRIs depend on the report, not on the merged contact it joins.
    """
    art = _article(sink, r.article)
    ext = _extractor(sink, r, art)
    leaders = [_leader(sink, p, art) for p in r.participants]
    topics = [_topic(sink, t, art) for t in r.topics]
    rkey = f"{mint.contact_key(r.keys, r.date, r.mode)}/{r.status.value}"
    # One node per sentence and rule: a sentence read by two rules is two
    # evidence nodes; one rule matching a sentence twice keeps its best confidence.
    best: dict[tuple[int, int, str], Evidence] = {}
    for e in r.evidence:
        k = (e.start, e.end, e.rule)
        if k not in best or e.confidence > best[k].confidence:
            best[k] = e
    nodes = []
    for (start, end, rule), e in sorted(best.items()):
        ev = mint.evidence_iri(f"{rkey}/{rule}", r.article.content_hash, start, end)
        nodes.append(ev)
        sink.add(ev, v.TYPE, v.EVIDENCE_CLASS, art)
        sink.add(ev, v.SENTENCE, Literal(e.text), art)
        sink.add(ev, v.START, Literal(str(e.start), datatype=XSD_INT), art)
        sink.add(ev, v.END, Literal(str(e.end), datatype=XSD_INT), art)
        sink.add(ev, v.CONFIDENCE, Literal(f"{e.confidence:.3f}", datatype=XSD_DEC), art)
        sink.add(ev, v.RULE, Literal(e.rule), art)
        sink.add(ev, v.REPORTED_STATUS, v.STATUS_NODE[r.status], art)
        if r.date is not None:
            sink.add(ev, v.REPORTED_DATE, date_literal(r.date), art)
        if r.mode in v.MODE_CLASS:
            sink.add(ev, v.REPORTED_MODE, v.MODE_CLASS[r.mode], art)
        for p in leaders:
            sink.add(ev, v.REPORTED_PARTICIPANT, p, art)
        for t in topics:
            sink.add(ev, v.REPORTED_TOPIC, t, art)
        sink.add(ev, v.DERIVED, art, art)
        sink.add(ev, v.GENERATED_BY, ext, art)
    return nodes


def _article(sink: QuadSink, meta: ArticleMeta) -> NamedNode:
    node = mint.article_iri(meta.content_hash)
    g = node
    sink.add(node, v.TYPE, v.ARTICLE, g)
    sink.add(node, v.IDENTIFIER, Literal(meta.id), g)
    sink.add(node, v.CONTENT_HASH, Literal(meta.content_hash), g)
    if meta.title:
        sink.add(node, v.TITLE, Literal(meta.title), g)
    if meta.published:
        sink.add(node, v.ISSUED, date_literal(meta.published), g)
    if meta.lang:
        sink.add(node, v.LANGUAGE, Literal(meta.lang), g)
    if meta.url:
        # A URL from a scrape is data, not a link we vouch for: a typed literal
        # cannot make the graph invalid, an IRI could.
        sink.add(node, v.URL, Literal(meta.url, datatype=XSD_ANYURI), g)
    return node


def contact_quads(contacts: Iterable[MergedContact]) -> list[Quad]:
    """All quads for the contacts, their leaders, topics, sources and evidence."""
    sink = QuadSink()
    contacts = sorted(contacts, key=lambda c: (c.keys, c.date.iso() if c.date else "", c.mode.value,
                                               c.status.value, min(r.article.content_hash for r in c.reports)))
    used: dict[str, int] = {}
    for c in contacts:
        key = mint.contact_key(c.keys, c.date, c.mode)
        if key in used:  # same people, date and mode but a distinct contact (e.g. planned vs held)
            used[key] += 1
            key = f"{key}-{used[key]}"
        else:
            used[key] = 0
        node = mint.contact_iri(key)
        sink.add(node, v.TYPE, v.CONTACT)
        if c.mode in v.MODE_CLASS:
            sink.add(node, v.TYPE, v.MODE_CLASS[c.mode])
        sink.add(node, v.LABEL, Literal(_label(c.participants, c.mode, c.status, c.date), language="en"))
        sink.add(node, v.STATUS, v.STATUS_NODE[c.status])
        if c.date is not None:
            sink.add(node, v.DATE, date_literal(c.date))
        leaders = [_leader(sink, p) for p in c.participants]
        for p in leaders:
            sink.add(node, v.PARTICIPANT, p)
        if c.status is Status.OCCURRED:
            for a in leaders:
                for b in leaders:
                    if a != b:
                        sink.add(a, v.SPOKE_WITH, b)
        for t in c.topics:
            sink.add(node, v.TOPIC, _topic(sink, t))
        for r in c.reports:
            sink.add(node, v.DERIVED, mint.article_iri(r.article.content_hash))
            _extractor(sink, r)
            for ev in report_quads(sink, r):
                sink.add(node, v.EVIDENCE, ev)
    return sink.sorted()


def article_quads(articles: Iterable[ArticleMeta]) -> list[Quad]:
    """Articles read, contacts or not: the graph records every source it saw."""
    sink = QuadSink()
    for a in articles:
        _article(sink, a)
    return sink.sorted()
