"""The persistent store: incremental builds equal a build from scratch, re-adding changes nothing, crashes are safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Quad

from kg.build import BuildReport, build, extract_reports, graph_quads
from kg.errors import GraphError
from kg.gazetteer.load import load_gazetteer
from kg.ingest.readers import iter_articles
from kg.merge import ArticleMeta, Report, merge_reports
from kg.pipeline import Extractor
from kg.query.engine import open_source, run_query
from kg.rdf.io import read_quads, to_bytes, write_graph
from kg.rdf.read import read_reports
from kg.store import CURRENT, StoreWriter, dataset_quads, live_path, open_store, snapshots

pytestmark = pytest.mark.issue(6)
DATA = Path(__file__).parent / "data"
GAZ = DATA / "gazetteer_mini.json"
TEXTS = sorted((DATA / "corpus" / "fr" / "texts").glob("*.txt"))[:40]
SEED = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    # Model-free rules: fast, and enough to exercise the store.
    return Extractor(load_gazetteer(GAZ), parse=False)


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, tuple[ArticleMeta, list[Report]]]:
    """Each test article's meta and reports, extracted once."""
    metas, reports = extract_reports(iter_articles(TEXTS, None, None, None), extractor, BuildReport())
    out = {m.id: (m, [r for r in reports if r.article.content_hash == m.content_hash]) for m in metas}
    assert sum(len(r) for _, r in out.values()) > 20, "the corpus should give contacts"
    return out


def add(path: Path, items: list[tuple[ArticleMeta, list[Report]]]) -> None:
    with StoreWriter(path) as w:
        w.commit([m for m, _ in items], [r for _, rs in items for r in rs])


def store_quads(path: Path) -> set[Quad]:
    return set(dataset_quads(open_store(path)))


def scratch(items: list[tuple[ArticleMeta, list[Report]]]) -> set[Quad]:
    metas = {m.content_hash: m for m, _ in items}
    return set(graph_quads(list(metas.values()), merge_reports([r for _, rs in items for r in rs])))


def test_overlapping_sets_in_either_order_give_the_same_store(tmp_path: Path, extracted: dict) -> None:
    items = list(extracted.values())
    a, b = items[:25], items[15:]
    add(tmp_path / "ab", a)
    add(tmp_path / "ab", b)
    add(tmp_path / "ba", b)
    add(tmp_path / "ba", a)
    assert store_quads(tmp_path / "ab") == store_quads(tmp_path / "ba") == scratch(items)
    # Same bytes too, whichever way the graph was put together.
    assert to_bytes(store_quads(tmp_path / "ab")) == to_bytes(scratch(items))


def test_one_article_at_a_time_equals_all_at_once(tmp_path: Path, extracted: dict) -> None:
    items = list(extracted.values())[:12]
    for item in reversed(items):
        add(tmp_path / "s", [item])
    assert store_quads(tmp_path / "s") == scratch(items)
    assert len(snapshots(tmp_path / "s")) == 2, "older snapshots are pruned"


def test_re_adding_an_article_changes_nothing(tmp_path: Path, extracted: dict) -> None:
    items = list(extracted.values())[:10]
    add(tmp_path / "s", items)
    live = live_path(tmp_path / "s")
    before = {p.name: p.stat().st_mtime_ns for p in live.iterdir()}
    add(tmp_path / "s", items[3:5])
    assert live_path(tmp_path / "s") == live, "no new snapshot"
    assert {p.name: p.stat().st_mtime_ns for p in live.iterdir()} == before
    # The same text under another file name is the same article.
    m, rs = items[4]
    renamed = ArticleMeta("copy.txt", m.content_hash, m.title, m.published, m.lang)
    add(tmp_path / "s", [(renamed, rs)])
    assert live_path(tmp_path / "s") == live


def test_build_command_skips_known_texts(tmp_path: Path, extractor: Extractor) -> None:
    first = build(TEXTS[:6], None, extractor=extractor, store=tmp_path / "s")
    assert first.articles == 6 and first.already == 0
    again = build(TEXTS[:8], tmp_path / "out", extractor=extractor, store=tmp_path / "s")
    assert again.already == 6 and again.articles == 2
    assert set(read_quads(tmp_path / "out" / "graph.ttl")) == {Quad(q.subject, q.predicate, q.object, DefaultGraph())
                                                               for q in store_quads(tmp_path / "s")}
    scratch_report = build(TEXTS[:8], tmp_path / "scratch", extractor=extractor)
    assert (tmp_path / "scratch" / "graph.ttl").read_bytes() == (tmp_path / "out" / "graph.ttl").read_bytes()
    assert scratch_report.contacts == again.contacts


def test_store_keeps_one_named_graph_per_article(tmp_path: Path, extracted: dict) -> None:
    items = list(extracted.values())[:8]
    add(tmp_path / "s", items)
    store = open_store(tmp_path / "s")
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {f"https://w3id.org/leader-contacts/id/article/{m.content_hash[:32]}" for m, _ in items}
    metas, reports = read_reports(store)
    assert sorted(m.content_hash for m in metas) == sorted(m.content_hash for m, _ in items)
    assert len(reports) == sum(len(rs) for _, rs in items)


def test_an_interrupted_run_leaves_the_store_as_it_was(tmp_path: Path, extracted: dict,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(extracted.values())
    add(tmp_path / "s", items[:10])
    before = store_quads(tmp_path / "s")

    def crash(self: StoreWriter, name: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(StoreWriter, "_swap", crash)
    with pytest.raises(KeyboardInterrupt):
        add(tmp_path / "s", items[10:20])
    assert store_quads(tmp_path / "s") == before
    monkeypatch.undo()
    add(tmp_path / "s", items[10:20])  # the re-run completes the work
    assert store_quads(tmp_path / "s") == scratch(items[:20])
    assert not list((tmp_path / "s").glob(".tmp-*"))


_KILLED_WRITER = """
import sys, time
from pathlib import Path
from kg.rdf.io import read_quads
from kg.rdf.read import read_reports
from kg.store import StoreWriter
metas, reports = read_reports(read_quads(sys.argv[2]))
original = StoreWriter._swap
def slow_swap(self, name):
    Path(sys.argv[3]).write_text("loaded")
    time.sleep(60)
    original(self, name)
StoreWriter._swap = slow_swap
with StoreWriter(sys.argv[1]) as w:
    w.commit(metas, reports)
"""


def test_a_killed_writer_leaves_a_readable_store(tmp_path: Path, extracted: dict) -> None:
    items = list(extracted.values())
    add(tmp_path / "s", items[:10])
    before = store_quads(tmp_path / "s")
    more = tmp_path / "more.trig"
    write_graph(sorted(scratch(items[10:20]), key=str), more, "trig")
    flag = tmp_path / "flag"
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(tmp_path / "s"), str(more), str(flag)])
    try:
        deadline = time.monotonic() + 120
        while not flag.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert flag.exists(), "the writer should reach the swap"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    assert store_quads(tmp_path / "s") == before
    add(tmp_path / "s", items[10:20])  # lock released by the kernel; the leftover folder is cleaned
    assert store_quads(tmp_path / "s") == scratch(items[:20])
    assert not list((tmp_path / "s").glob(".tmp-*"))


def test_one_writer_at_a_time(tmp_path: Path, extracted: dict) -> None:
    with StoreWriter(tmp_path / "s"), pytest.raises(GraphError, match="another build"):
        StoreWriter(tmp_path / "s").__enter__()


def test_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(GraphError, match="not a kg store"):
        StoreWriter(tmp_path / "mine").__enter__()
    with pytest.raises(GraphError, match="not a store"):
        open_source(tmp_path / "mine")


def test_queries_see_the_store_like_the_turtle_file(tmp_path: Path, extractor: Extractor) -> None:
    build(TEXTS[:10], tmp_path / "out", extractor=extractor, store=tmp_path / "s")
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/leader-contacts/ns#Evidence> ; ?p ?o }"
    from_store = run_query(open_source(tmp_path / "s"), q, 10)
    from_file = run_query(open_source(tmp_path / "out" / "graph.ttl"), q, 10)
    assert from_store.rows == from_file.rows and int(from_store.rows[0][0]) > 0
    assert (tmp_path / "s" / CURRENT).is_symlink()
