"""kg export: every format, strict re-parsing under pyoxigraph and rdflib, atomic writes."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse
from rdflib.compare import isomorphic

import kg.export as export_mod
from kg.build import build
from kg.cli import cli, load_commands
from kg.export import check_roundtrip, export, load
from kg.gazetteer.load import load_gazetteer
from kg.pipeline import Extractor
from kg.rdf.io import atomic_output
from kg.store import open_store

# rdflib 7 warns about its own Dataset internals while parsing N-Quads and TriG.
pytestmark = [pytest.mark.issue(6), pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")]
ROOT = Path(__file__).parent.parent
DATA = ROOT / "tests" / "data"
TEXTS = sorted((DATA / "corpus" / "fr" / "texts").glob("*.txt"))[:25]
PARSERS = {"turtle": (RdfFormat.TURTLE, "turtle"), "trig": (RdfFormat.TRIG, "trig"),
           "nquads": (RdfFormat.N_QUADS, "nquads"), "jsonld": (RdfFormat.JSON_LD, "json-ld")}


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    ex = Extractor(load_gazetteer(DATA / "gazetteer_mini.json"), parse=False)
    build([ROOT / "seeds", *TEXTS], out / "out", extractor=ex, store=out / "store")
    return {"ttl": out / "out" / "graph.ttl", "store": out / "store"}


def articles(source: Path) -> int:
    return sum(1 for q in load(source) if q.predicate.value.endswith("contentHash"))


@pytest.mark.parametrize("fmt", sorted(PARSERS))
@pytest.mark.parametrize("kind", ["ttl", "store"])
def test_rdf_exports_parse_back_strictly_into_the_same_graph(graphs: dict[str, Path], tmp_path: Path,
                                                            fmt: str, kind: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    export(graphs[kind], fmt, target)
    data = target.read_bytes()
    source = load(graphs[kind])
    ox_fmt, rdflib_fmt = PARSERS[fmt]
    keep = fmt in ("trig", "nquads")
    expected = {q if keep else Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in source}
    parsed = {q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph())
              for q in parse(data, format=ox_fmt, lenient=False)}
    assert parsed == expected  # no blank nodes: isomorphic means equal
    assert not any(isinstance(t, rdflib.BNode) for t in rdflib.Dataset().parse(data=data, format=rdflib_fmt)
                   .quads((None, None, None, None)) for t in t[:3])
    got = rdflib.Dataset()
    got.parse(data=data, format=rdflib_fmt)
    want = rdflib.Dataset()
    want.parse(data=export_mod.to_bytes(sorted(expected, key=str), RdfFormat.N_QUADS), format="nquads")
    for g in {c.identifier for c in want.graphs()} | {c.identifier for c in got.graphs()}:
        assert isomorphic(got.graph(g), want.graph(g)), g
    check_roundtrip(data, fmt, source)


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_quad_formats_keep_one_named_graph_per_article(graphs: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    for kind in ("ttl", "store"):  # a Turtle source gets its article graphs back from the evidence
        export(graphs[kind], fmt, tmp_path / f"{kind}.{fmt}")
        quads = list(parse((tmp_path / f"{kind}.{fmt}").read_bytes(), format=PARSERS[fmt][0]))
        named = {q.graph_name for q in quads if isinstance(q.graph_name, NamedNode)}
        assert len(named) == articles(graphs["store"]) > 5
        assert all(g.value.startswith("https://w3id.org/leader-contacts/id/article/") for g in named)
    assert (tmp_path / f"ttl.{fmt}").read_bytes() == (tmp_path / f"store.{fmt}").read_bytes()


def test_same_graph_same_bytes(graphs: dict[str, Path], tmp_path: Path) -> None:
    export(graphs["store"], "turtle", tmp_path / "a.ttl")
    export(graphs["ttl"], "turtle", tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes() == graphs["ttl"].read_bytes()


def test_csv_has_one_row_per_contact(graphs: dict[str, Path], tmp_path: Path) -> None:
    export(graphs["store"], "csv", tmp_path / "c.csv")
    with (tmp_path / "c.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    store = open_store(graphs["store"])
    contacts = {s["c"].value for s in store.query(
        "SELECT ?c { ?c a <https://w3id.org/leader-contacts/ns#Contact> }", use_default_graph_as_union=True)}
    assert len(rows) == len(contacts) and {r["contact"] for r in rows} == contacts
    for r in rows:
        assert len(r["participants"].split(" | ")) >= 2
        assert r["status"] in ("occurred", "planned", "cancelled")
        assert int(r["n_sources"]) == len(r["sources"].split(" | ")) >= 1


def test_graphml_has_leaders_and_aggregated_pairs(graphs: dict[str, Path], tmp_path: Path) -> None:
    export(graphs["store"], "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    export(graphs["store"], "csv", tmp_path / "c.csv")
    with (tmp_path / "c.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs: dict[frozenset[str], int] = {}
    for r in rows:
        ps = r["participants"].split(" | ")
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                pairs[frozenset((a, b))] = pairs.get(frozenset((a, b)), 0) + 1
    assert g.number_of_edges() == len(pairs)
    for a, b, attrs in g.edges(data=True):
        assert attrs["weight"] == pairs[frozenset((a, b))]
        assert attrs["occurred"] + attrs["planned"] + attrs["cancelled"] == attrs["weight"]
    assert all(g.nodes[n]["label"] for n in g.nodes)


def test_a_failed_export_leaves_the_old_file(graphs: dict[str, Path], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "graph.trig"
    export(graphs["ttl"], "trig", target)
    before = target.read_bytes()

    @contextlib.contextmanager
    def failing(path: Path, mode: str = "wb") -> Iterator:
        with atomic_output(path, mode) as fh:
            class Half:
                def write(self, data: bytes) -> None:
                    fh.write(data[: len(data) // 2])
                    raise OSError("disk full")
            yield Half()

    monkeypatch.setattr(export_mod, "atomic_output", failing)
    with pytest.raises(OSError):
        export(graphs["store"], "trig", target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"], "no temporary file left"


def test_cli_export_with_check(graphs: dict[str, Path], tmp_path: Path) -> None:
    load_commands()
    runner = CliRunner()
    for fmt in ("turtle", "trig", "nquads", "jsonld", "csv", "graphml"):
        res = runner.invoke(cli, ["export", str(graphs["store"]), "--format", fmt, "-o", str(tmp_path / f"x.{fmt}"),
                                  "--check"])
        assert res.exit_code == 0, res.output
        assert (tmp_path / f"x.{fmt}").stat().st_size > 0
    res = runner.invoke(cli, ["export", str(tmp_path / "missing"), "--format", "trig", "-o", str(tmp_path / "y")])
    assert res.exit_code != 0 and "no such graph" in res.output and "Traceback" not in res.output
