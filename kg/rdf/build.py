"""Merged contacts -> RDF quads, in a canonical order.

Article-level statements (the article, its evidence sentences) go to a named
graph per article, so TriG and N-Quads exports keep one graph per source;
contacts, leaders and topics go to the default graph. Quads come out sorted,
so the same contacts always serialise to the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Triple

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


def decimal_text(x: float, places: int = 3) -> str:
    """Canonical xsd:decimal ("0.63", "1"), as Oxigraph stores it: a store gives back the same bytes."""
    return format(Decimal(f"{x:.{places}f}").normalize(), "f")


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


def _leader(sink: QuadSink, leader: Leader) -> NamedNode:
    node = mint.leader_iri(leader)
    sink.add(node, v.TYPE, v.LEADER)
    if not leader.linked or not node.value.startswith(v.WD):
        sink.add(node, v.TYPE, v.UNLINKED_LEADER)
        # The minted IRI hides the key; kg.rdf.read needs it back.
        sink.add(node, v.IDENTIFIER, Literal(leader.key))
    sink.add(node, v.LABEL, Literal(leader.label_en, language="en"))
    sink.add(node, v.LABEL, Literal(leader.label_fr or leader.label_en, language="fr"))
    if leader.country and mint._QID.match(leader.country):
        sink.add(node, v.COUNTRY, NamedNode(v.WD + leader.country))
    return node


def _topic(sink: QuadSink, topic: Topic) -> NamedNode:
    node = mint.topic_iri(topic)
    if not node.value.startswith(v.WD):
        sink.add(node, v.TYPE, v.CONCEPT)
    sink.add(node, v.LABEL, Literal(topic.label, language=topic.lang or "und"))
    return node


def _extractor(sink: QuadSink, r: Report) -> NamedNode:
    ext = mint.extractor_iri(r.extractor, r.model, r.model_version)
    sink.add(ext, v.TYPE, v.EXTRACTOR)
    sink.add(ext, v.LABEL, Literal(r.extractor or "leader-contacts"))
    if r.model:
        sink.add(ext, v.MODEL, Literal(r.model))
        sink.add(ext, v.MODEL_VERSION, Literal(r.model_version))
    return ext


def _normal(leader: Leader) -> Leader:
    """The record as the graph can say it (and kg.rdf.read reads it back)."""
    linked = leader.linked and bool(mint._QID.match(leader.key))
    country = leader.country if leader.country and mint._QID.match(leader.country) else None
    return Leader(leader.key, leader.label_en, leader.label_fr or leader.label_en, country, linked)


def canonical_records(contacts: Iterable[MergedContact]) -> tuple[dict[str, Leader], dict[str, Topic]]:
    """One description per leader and topic node for the whole graph.

    Reports may describe a leader differently (a country or not, a gazetteer
    update); a node with two countries or two English names would be wrong,
    so the most informative record wins (a country beats none, then the
    smallest). A minimum is associative: merging graphs, or reading one back
    and adding reports, picks the same record as building all at once.
    """
    leaders: dict[str, Leader] = {}
    topics: dict[str, Topic] = {}
    for c in contacts:
        for r in c.reports:
            for p in map(_normal, r.participants):
                cur = leaders.get(p.key)
                if cur is None or (p.country is None, repr(p)) < (cur.country is None, repr(cur)):
                    leaders[p.key] = p
            for t in r.topics:
                iri = mint.topic_iri(t).value
                if iri not in topics or repr(t) < repr(topics[iri]):
                    topics[iri] = t
    return leaders, topics


def report_quads(sink: QuadSink, r: Report, leader_of: dict[str, Leader] | None = None) -> list[NamedNode]:
    """One article's own account of one contact, in that article's named graph.

    Everything the report holds is here (participants, mode, status, date,
    topics, extractor, evidence), so its reports can be read back (kg.rdf.read),
    and the graph never changes once written: evidence IRIs depend on the
    report, not on the merged contact it joins. Leaders, topics and extractors
    are described once, in the default graph (``contact_quads``): a triple in
    two graphs would count twice in a union-graph query.
    """
    art = _article(sink, r.article)
    ext = mint.extractor_iri(r.extractor, r.model, r.model_version)
    # The IRI of an unlinked leader comes from its name: take the graph's record.
    leaders = [mint.leader_iri((leader_of or {}).get(p.key, p)) for p in r.participants]
    topics = [mint.topic_iri(t) for t in r.topics]
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
        sink.add(ev, v.CONFIDENCE, Literal(decimal_text(e.confidence), datatype=XSD_DEC), art)
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
    leader_of, topic_of = canonical_records(contacts)
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
        participants = tuple(leader_of[p.key] for p in c.participants)
        sink.add(node, v.LABEL, Literal(_label(participants, c.mode, c.status, c.date), language="en"))
        sink.add(node, v.STATUS, v.STATUS_NODE[c.status])
        if c.date is not None:
            sink.add(node, v.DATE, date_literal(c.date))
        leaders = [_leader(sink, p) for p in participants]
        for p in leaders:
            sink.add(node, v.PARTICIPANT, p)
        if c.status is Status.OCCURRED:
            for a in leaders:
                for b in leaders:
                    if a != b:
                        sink.add(a, v.SPOKE_WITH, b)
        for t in c.topics:
            sink.add(node, v.TOPIC, _topic(sink, topic_of[mint.topic_iri(t).value]))
        for r in c.reports:
            sink.add(node, v.DERIVED, mint.article_iri(r.article.content_hash))
            _extractor(sink, r)
            for ev in report_quads(sink, r, leader_of):
                sink.add(node, v.EVIDENCE, ev)
    return sink.sorted()


def article_triples_sorted(articles: Iterable[ArticleMeta]) -> Iterator[Triple]:
    """The articles' own statements as triples in Turtle order, one article at a time (low memory)."""
    ordered = sorted(articles, key=lambda a: str(mint.article_iri(a.content_hash)))
    for a in ordered:
        sink = QuadSink()
        _article(sink, a)
        yield from sorted((q.triple for q in sink.quads), key=lambda t: (str(t.predicate), str(t.object)))


def article_quads(articles: Iterable[ArticleMeta]) -> list[Quad]:
    """Articles read, contacts or not: the graph records every source it saw."""
    sink = QuadSink()
    for a in articles:
        _article(sink, a)
    return sink.sorted()
