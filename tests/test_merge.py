"""Cross-article merge: examples from the issue and properties over generated report sets (hypothesis)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import graph_quads
from kg.merge import ArticleMeta, MergedContact, Report, merge_reports
from kg.model import Evidence, FuzzyDate, Leader, Mode, Status, Topic
from kg.rdf import vocab as v
from kg.rdf.io import to_bytes
from kg.rdf.read import read_reports

pytestmark = pytest.mark.issue(6)

MACRON = Leader("Q3052772", "Emmanuel Macron", "Emmanuel Macron", "Q142")
PUTIN = Leader("Q7747", "Vladimir Putin", "Vladimir Poutine", "Q159")
BIDEN = Leader("Q6279", "Joe Biden", "Joe Biden", "Q30")
DUPONT = Leader("x-jean-dupont", "Jean Dupont", "Jean Dupont", None, linked=False)
LEADERS = [MACRON, PUTIN, BIDEN, DUPONT, Leader("Q7747", "Vladimir Putin", "Vladimir Poutine", None)]
TOPICS = [Topic("Ukraine", "Q212", "en"), Topic("nucléaire iranien", None, "fr"), Topic("trade", None, "")]
DATES = [None, "2025", "2025-07", "2025-07-01", "2025-07-02", "2025-08", "2024-07-01"]
PUBLISHED = [None, "2025-06-30", "2025-07-03", "2025-07-03", "2025-09"]


def article(n: int, published: str | None = None) -> ArticleMeta:
    pub = FuzzyDate.parse(published) if published else None
    return ArticleMeta(f"a{n}.txt", f"{n:02d}" + "ab" * 31, f"Title {n}", pub, "fr")


ARTICLES = [article(i, p) for i, p in enumerate(PUBLISHED)]


def report(art: ArticleMeta, who: tuple[Leader, ...], *, mode: Mode = Mode.UNSPECIFIED,
           status: Status = Status.OCCURRED, date: str | None = None, start: int = 0,
           topics: tuple[Topic, ...] = ()) -> Report:
    ev = Evidence(art.id, f"sentence at {start}", start, start + 20, "fr:test", 0.8)
    return Report(art, who, mode, status, FuzzyDate.parse(date) if date else None, topics, (ev,),
                  "leader-contacts 0.1.0", "rules", "0.1.0")


def turtle(reports: list[Report]) -> bytes:
    metas = sorted({r.article for r in reports}, key=lambda a: a.content_hash)
    return to_bytes(graph_quads(metas, merge_reports(reports)))


# -- examples ------------------------------------------------------------------

def test_a_spoke_with_b_is_b_spoke_with_a() -> None:
    a = report(ARTICLES[1], (MACRON, PUTIN), date="2025-07-01")
    b = report(ARTICLES[2], (PUTIN, MACRON), date="2025-07-01")
    [c] = merge_reports([a, b])
    assert len(c.reports) == 2 and c.keys == ("Q3052772", "Q7747")


def test_coarser_date_joins_and_finest_wins() -> None:
    a = report(ARTICLES[1], (MACRON, PUTIN), date="2025-07")
    b = report(ARTICLES[2], (MACRON, PUTIN), date="2025-07-01")
    c = report(ARTICLES[3], (MACRON, PUTIN), date="2025")
    [m] = merge_reports([a, b, c])
    assert m.date == FuzzyDate(2025, 7, 1) and len(m.reports) == 3


def test_different_days_stay_apart() -> None:
    a = report(ARTICLES[1], (MACRON, PUTIN), date="2025-07-01")
    b = report(ARTICLES[2], (MACRON, PUTIN), date="2025-07-02")
    assert len(merge_reports([a, b])) == 2


def test_unknown_mode_joins_any_and_specific_modes_clash() -> None:
    phone = report(ARTICLES[1], (MACRON, PUTIN), mode=Mode.PHONE, date="2025-07-01")
    unknown = report(ARTICLES[2], (MACRON, PUTIN), date="2025-07-01")
    [m] = merge_reports([unknown, phone])
    assert m.mode is Mode.PHONE
    meeting = report(ARTICLES[3], (MACRON, PUTIN), mode=Mode.MEETING, date="2025-07-01")
    assert sorted(c.mode.value for c in merge_reports([phone, meeting])) == ["meeting", "phone"]


def test_latest_report_decides_the_status_and_every_status_is_kept() -> None:
    planned = report(ARTICLES[1], (MACRON, PUTIN), status=Status.PLANNED, date="2025-07")      # published 06-30
    held = report(ARTICLES[2], (MACRON, PUTIN), status=Status.OCCURRED, date="2025-07-01")     # published 07-03
    [m] = merge_reports([held, planned])
    assert m.status is Status.OCCURRED
    quads = graph_quads([planned.article, held.article], [m])
    reported = {q.object for q in quads if q.predicate == v.REPORTED_STATUS}
    assert reported == {v.STATUS_NODE[Status.PLANNED], v.STATUS_NODE[Status.OCCURRED]}
    assert [q.object for q in quads if q.predicate == v.STATUS] == [v.STATUS_NODE[Status.OCCURRED]]
    # Published the other way round, the planned report is the latest word.
    early_held = report(ARTICLES[1], (MACRON, PUTIN), status=Status.OCCURRED, date="2025-07-01")
    late_planned = report(ARTICLES[2], (MACRON, PUTIN), status=Status.PLANNED, date="2025-07")
    assert merge_reports([early_held, late_planned])[0].status is Status.PLANNED


def test_a_called_off_contact_joins_a_held_one_only_on_the_same_date() -> None:
    cancelled = report(ARTICLES[1], (MACRON, PUTIN), mode=Mode.MEETING, status=Status.CANCELLED, date="2025-07-01")
    earlier_talk = report(ARTICLES[2], (MACRON, PUTIN), status=Status.OCCURRED, date="2025-07")
    assert len(merge_reports([cancelled, earlier_talk])) == 2
    held_after_all = report(ARTICLES[2], (MACRON, PUTIN), mode=Mode.MEETING, date="2025-07-01")
    [m] = merge_reports([cancelled, held_after_all])
    assert m.status is Status.OCCURRED


def test_same_article_never_merges_with_itself() -> None:
    a = report(ARTICLES[1], (MACRON, PUTIN), date="2025-07", start=0)
    b = report(ARTICLES[1], (MACRON, PUTIN), date="2025-07-01", start=100)
    assert len(merge_reports([a, b])) == 2


def test_undated_joins_only_undated() -> None:
    dated = report(ARTICLES[1], (MACRON, PUTIN), date="2025-07-01")
    undated = [report(ARTICLES[i], (MACRON, PUTIN)) for i in (2, 3)]
    merged = merge_reports([dated, *undated])
    assert sorted(len(c.reports) for c in merged) == [1, 2]


def test_undated_reports_join_only_when_told_within_a_week() -> None:
    near = [report(ARTICLES[i], (MACRON, PUTIN)) for i in (1, 2)]          # 30 June and 3 July
    far = report(ARTICLES[4], (MACRON, PUTIN), status=Status.PLANNED)        # September
    merged = merge_reports([*near, far])
    assert sorted(len(c.reports) for c in merged) == [1, 2]
    assert {c.status for c in merged} == {Status.OCCURRED, Status.PLANNED}


def test_every_source_becomes_a_derivation_with_its_own_evidence() -> None:
    reps = [report(ARTICLES[i], (MACRON, PUTIN), date="2025-07-01", start=10 * i) for i in (1, 2, 3)]
    quads = graph_quads([r.article for r in reps], merge_reports(reps))
    derived = [q for q in quads if q.predicate == v.DERIVED and "/contact/" in q.subject.value]
    assert len(derived) == 3
    assert len({q.subject for q in quads if q.predicate == v.SENTENCE}) == 3


def test_same_input_same_bytes_and_no_blank_nodes() -> None:
    reps = [report(ARTICLES[i], (MACRON, PUTIN), date="2025-07-01", start=i) for i in (1, 2)]
    data = turtle(reps)
    assert data == turtle(list(reversed(reps)))
    assert b"_:" not in data and b"[" not in data


# -- properties ----------------------------------------------------------------

@st.composite
def reports_st(draw: st.DrawFn) -> Report:
    art = draw(st.sampled_from(ARTICLES))
    who = draw(st.lists(st.sampled_from(LEADERS), min_size=2, max_size=3, unique_by=lambda p: p.key))
    date = draw(st.sampled_from(DATES))
    starts = draw(st.lists(st.integers(0, 500), min_size=1, max_size=2, unique=True))
    evidence = tuple(Evidence(art.id, f"s{s}", s, s + 30, draw(st.sampled_from(["r1", "r2"])),
                              draw(st.sampled_from([0.5, 0.9]))) for s in starts)
    return Report(art, tuple(draw(st.permutations(who))), draw(st.sampled_from(list(Mode))),
                  draw(st.sampled_from(list(Status))), FuzzyDate.parse(date) if date else None,
                  tuple(draw(st.lists(st.sampled_from(TOPICS), max_size=2, unique=True))), evidence,
                  "leader-contacts 0.1.0", draw(st.sampled_from(["rules", "fr_core_news_md"])), "3.8.0")


# What kg.extract.dedupe guarantees: one article reports a given contact once.
report_sets = st.lists(reports_st(), max_size=14,
                       unique_by=lambda r: (r.article.content_hash, r.keys, r.mode, r.status, r.date))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def flatten(merged: list[MergedContact]) -> list[Report]:
    return [r for c in merged for r in c.reports]


@SETTINGS
@given(report_sets, st.randoms(use_true_random=False))
def test_order_of_input_never_changes_the_result(reps: list[Report], rnd: random.Random) -> None:
    shuffled = list(reps)
    rnd.shuffle(shuffled)
    assert merge_reports(shuffled) == merge_reports(reps)


@SETTINGS
@given(report_sets, st.data())
def test_merge_is_commutative_on_overlapping_sets(reps: list[Report], data: st.DataObject) -> None:
    in_a = data.draw(st.lists(st.booleans(), min_size=len(reps), max_size=len(reps)))
    in_b = data.draw(st.lists(st.booleans(), min_size=len(reps), max_size=len(reps)))
    a = [r for r, x, y in zip(reps, in_a, in_b, strict=True) if x or not y]
    b = [r for r, y in zip(reps, in_b, strict=True) if y]
    assert merge_reports(a + b) == merge_reports(b + a) == merge_reports(reps)
    assert turtle(a + b) == turtle(b + a)


@SETTINGS
@given(report_sets)
def test_merge_is_idempotent(reps: list[Report]) -> None:
    once = merge_reports(reps)
    assert merge_reports(reps + reps) == once
    assert merge_reports(flatten(once)) == once


@SETTINGS
@given(report_sets)
def test_clusters_partition_compatible_reports(reps: list[Report]) -> None:
    merged = merge_reports(reps)
    assert sorted(map(repr, flatten(merged))) == sorted(map(repr, set(reps)))
    for c in merged:
        hashes = [r.article.content_hash for r in c.reports]
        assert len(hashes) == len(set(hashes)), "an article merged with itself"
        assert all(r.keys == c.keys for r in c.reports)
        for r in c.reports:
            assert (r.date is None) == (c.date is None)
            assert r.date is None or c.date is None or r.date.covers(c.date)
            assert r.mode in (Mode.UNSPECIFIED, c.mode)


@SETTINGS
@given(report_sets)
def test_graph_reads_back_into_the_same_graph(reps: list[Report]) -> None:
    metas = sorted({r.article for r in reps}, key=lambda a: a.content_hash)
    quads = graph_quads(metas, merge_reports(reps))
    # No triple in two graphs: a union-graph query counts each fact once.
    assert len({q.triple for q in quads}) == len(quads)
    metas2, reps2 = read_reports(quads)
    assert metas2 == metas
    assert to_bytes(graph_quads(metas2, merge_reports(reps2)), v_fmt()) == to_bytes(quads, v_fmt())


def v_fmt():  # type: ignore[no-untyped-def]
    from pyoxigraph import RdfFormat

    return RdfFormat.N_QUADS
