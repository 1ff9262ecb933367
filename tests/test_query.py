"""Ready-made queries on the seed, the read-only guard, the timeout and parameters."""

from __future__ import annotations

import multiprocessing as mp
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from kg.build import build
from kg.cli import cli, load_commands
from kg.errors import QueryError, QueryRejected, QueryTimeout
from kg.gazetteer.load import load_gazetteer
from kg.pipeline import Extractor
from kg.query.engine import list_queries, load_query, open_source, run_query

pytestmark = pytest.mark.issue(6)
ROOT = Path(__file__).parent.parent
GAZ = ROOT / "tests" / "data" / "gazetteer_mini.json"
LC = "https://w3id.org/leader-contacts/ns#"
WD = "http://www.wikidata.org/entity/"
MACRON, PUTIN = WD + "Q3052772", WD + "Q7747"
G20 = {WD + q for q in ["Q414", "Q408", "Q155", "Q16", "Q148", "Q142", "Q183", "Q668", "Q252", "Q38", "Q17",
                        "Q96", "Q159", "Q851", "Q258", "Q884", "Q43", "Q145", "Q30", "Q458", "Q7159"]}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed article built as a Turtle file and as a store, as the README shows it."""
    out = tmp_path_factory.mktemp("seed")
    build([ROOT / "seeds"], out / "out", extractor=Extractor(load_gazetteer(GAZ)), store=out / "store")
    return {"ttl": out / "out" / "graph.ttl", "store": out / "store"}


@pytest.fixture(scope="module")
def store(seed: dict[str, Path]) -> Store:
    return open_source(seed["ttl"])


def rows(store: Store, query: str, **params: str) -> list[dict[str, str]]:
    res = run_query(store, load_query(query), 20, params)
    return [dict(zip(res.variables, r, strict=True)) for r in res.rows]


def contacts_of(store: Store, leader: str) -> set[str]:
    return {s["c"] for s in rows(store, f"SELECT ?c {{ ?c <{LC}participant> <{leader}> }}")}


def test_every_ready_made_query_is_listed_and_documented() -> None:
    names = set(list_queries())
    assert {"contacts", "leader-contacts", "pair-history", "date-range", "top-pairs", "leader-topics",
            "leaders-by-degree", "planned", "modes-by-year", "event-sources", "never-contacted-g20"} <= names
    doc = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    for name in names:
        assert "kg query" in doc and f" {name}" in doc, f"{name} is not in docs/queries.md"


def test_contacts_of_a_leader(store: Store) -> None:
    got = rows(store, "leader-contacts", leader="Q7747")
    assert got and {r["contact"] for r in got} == contacts_of(store, PUTIN)
    assert all("Emmanuel Macron" in r["with"] for r in got)


def test_history_of_a_pair_is_in_date_order(store: Store) -> None:
    got = rows(store, "pair-history", a="Q7747", b="Q3052772")
    assert {r["contact"] for r in got} == contacts_of(store, PUTIN) & contacts_of(store, MACRON)
    dates = [r["date"] for r in got]
    assert dates == sorted(dates) and all(r["sources"] for r in got)


def test_date_range_overlaps_coarse_dates(store: Store) -> None:
    got = {r["date"] for r in rows(store, "date-range", **{"from": "2022-02-15", "to": "2022-12-31"})}
    assert "2022-02" in got, "a month overlapping the range is in it"
    assert all(d[:4] == "2022" for d in got)
    every = rows(store, "date-range")
    assert len(every) == len(rows(store, f"SELECT DISTINCT ?c {{ ?c <{LC}date> ?d }}")) > len(got)


def test_top_pairs_and_degrees(store: Store) -> None:
    top = rows(store, "top-pairs")
    assert {top[0]["a"], top[0]["b"]} == {MACRON, PUTIN}
    assert all(int(r["contacts"]) >= int(r["occurred"]) for r in top)
    degree = rows(store, "leaders-by-degree")
    assert degree[0]["leader"] == MACRON and int(degree[0]["partners"]) >= 1


def test_topics_of_a_leader(store: Store) -> None:
    got = rows(store, "leader-topics", leader="Q7747")
    expected = rows(store, f"SELECT DISTINCT ?t {{ ?c <{LC}participant> <{PUTIN}> ; <{LC}topic> ?t }}")
    assert got and {r["topic"] for r in got} == {r["t"] for r in expected}


def test_planned_contacts(store: Store) -> None:
    got = rows(store, "planned")
    assert got and all(r["sentence"] for r in got)
    planned = rows(store, f"SELECT ?c {{ ?c <{LC}status> <{LC}Planned> }}")
    assert {r["contact"] for r in got} == {r["c"] for r in planned}


def test_modes_by_year_add_up(store: Store) -> None:
    got = rows(store, "modes-by-year")
    total = rows(store, f"SELECT (COUNT(?c) AS ?n) {{ ?c a <{LC}Contact> }}")[0]["n"]
    assert got and sum(int(r["contacts"]) for r in got) == int(total)


def test_sources_of_an_event(store: Store) -> None:
    contact = rows(store, "contacts")[0]["contact"]
    got = rows(store, "event-sources", contact=f"<{contact}>")
    assert got
    for r in got:
        assert r["sentence"] and int(r["end"]) >= int(r["start"]) >= 0
        assert 0 < float(r["confidence"]) <= 1 and r["extractor"].startswith("leader-contacts") and r["model"]
        assert r["reportedStatus"] in ("Occurred", "Planned", "Cancelled")


def test_never_contacted_among_g20(store: Store) -> None:
    leaders = {r["l"]: r["c"] for r in rows(store, f"SELECT ?l ?c {{ ?l a <{LC}Leader> ; <{LC}country> ?c }}")}
    nonempty = 0
    for x in leaders:
        got = {r["other"] for r in rows(store, "never-contacted-g20", leader=f"<{x}>")}
        met = {o for c in contacts_of(store, x) for o in rows(store, f"SELECT ?o {{ <{c}> <{LC}participant> ?o }}")
               for o in [o["o"]]}
        assert got == {lead for lead, country in leaders.items() if country in G20 and lead != x and lead not in met}
        nonempty += bool(got)
    assert nonempty, "some leader on the seed has a G20 leader they never met"


def test_store_and_turtle_give_the_same_answers(seed: dict[str, Path], store: Store) -> None:
    def canonical(got: list[dict[str, str]]) -> list[dict[str, str]]:
        # GROUP_CONCAT joins in no set order: compare the parts.
        return [{k: " | ".join(sorted(x.split(" | "))) for k, x in r.items()} for r in got]

    from_store = open_source(seed["store"])
    for name in ("contacts", "top-pairs", "leaders-by-degree", "planned", "modes-by-year"):
        assert canonical(rows(from_store, name)) == canonical(rows(store, name)), name


# -- the guard -----------------------------------------------------------------

REFUSED = {
    "INSERT DATA { <http://a> <http://b> <http://c> }": "INSERT",
    "DELETE WHERE { ?s ?p ?o }": "DELETE",
    "LOAD <http://example.org/data.ttl>": "LOAD",
    "CLEAR ALL": "CLEAR",
    "DROP GRAPH <http://g>": "DROP",
    "CREATE GRAPH <http://g>": "CREATE",
    "ADD DEFAULT TO <http://g>": "ADD",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }": "WITH",
    "SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }": "SERVICE",
    "SELECT * { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?p ?o } }": "SERVICE",
    "SELECT * { ?s ?p ?o OPTIONAL { { SELECT ?s { SERVICE ?svc { ?s ?p ?o } } } } }": "SERVICE",
    "SELECT * { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }": "SERVICE",
    "PREFIX x: <http://a.org/ns#> SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }": "SERVICE",
    "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }": "FROM",
    "SELECT * FROM <http://127.0.0.1:1/graph.ttl> { ?s ?p ?o }": "FROM",
    "SELECT * FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }": "FROM",
    "PREFIX e: <file:///etc/> SELECT * FROM e:passwd { ?s ?p ?o }": "FROM",
    "BASE <file:///etc/> SELECT * FROM <passwd> { ?s ?p ?o }": "FROM",
}


@pytest.mark.parametrize("query", sorted(REFUSED))
def test_guard_refuses(store: Store, query: str) -> None:
    with pytest.raises(QueryRejected) as err:
        run_query(store, query, 5)
    assert REFUSED[query] in err.value.message and len(err.value.message) < 200


@pytest.mark.parametrize("query", [
    'SELECT ("INSERT SERVICE" AS ?x) {}',
    "SELECT * { ?s <http://x.org/SERVICE#LOAD> ?o }",
    "SELECT ?insert ?load { ?insert ?load ?o } # DELETE everything, SERVICE <x>",
    "PREFIX load: <http://x.org/> SELECT * { ?s load:drop ?o }",
    "SELECT * { { { { { { { { { { ?s ?p ?o } } } } } } } } } }",
])
def test_guard_lets_harmless_queries_through(store: Store, query: str) -> None:
    run_query(store, query, 10)


def test_from_a_graph_the_store_holds_is_allowed(seed: dict[str, Path]) -> None:
    store = open_source(seed["store"])
    graph = next(iter(store.named_graphs())).value
    res = run_query(store, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> {{ ?s ?p ?o }}", 10)
    assert int(res.rows[0][0]) > 0


def test_oversized_and_deeply_nested_queries_are_refused(store: Store) -> None:
    with pytest.raises(QueryRejected, match="limit"):
        run_query(store, "SELECT * { ?s ?p ?o } #" + "x" * 200_000, 5)
    with pytest.raises(QueryRejected, match="nested"):
        run_query(store, "SELECT * " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000, 5)


def test_a_runaway_query_is_stopped_and_the_process_lives_on(store: Store) -> None:
    cross = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_query(store, cross, 1.0)
    assert time.monotonic() - start < 10
    assert not mp.active_children(), "the query process was killed and reaped"
    assert rows(store, "top-pairs"), "the next query runs"


def test_parameters_are_values_never_query_text(store: Store) -> None:
    evil = 'x" } } SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } #'
    assert rows(store, "leader-contacts", leader=evil) == []
    with pytest.raises(QueryError, match="no \\?nobody"):
        run_query(store, load_query("leader-contacts"), 5, {"nobody": "Q1"})
    with pytest.raises(QueryError, match="bad parameter"):
        run_query(store, load_query("leader-contacts"), 5, {"le ader": "Q1"})


def test_errors_are_one_short_line(seed: dict[str, Path]) -> None:
    load_commands()
    runner = CliRunner()
    for args in (["SELECT * {"], ["nosuchquery"], ["SELECT * { SERVICE <http://x> {} }"],
                 ["contacts", "--param", "x"], ["leader-contacts", "--timeout", "0"]):
        res = runner.invoke(cli, ["query", str(seed["ttl"]), *args])
        assert res.exit_code != 0, args
        assert "Traceback" not in res.output and "/kg/" not in res.output, res.output
        assert len(res.output.strip().splitlines()) <= 4, res.output  # click usage errors: usage + hint + error
    res = runner.invoke(cli, ["query", str(seed["ttl"]), "leader-contacts", "--param", "leader=Q7747"])
    assert res.exit_code == 0 and "Emmanuel Macron" in res.output
