"""The Wikidata importer against a real SPARQL server on loopback (pyoxigraph behind http.server).

The server implements the SPARQL 1.1 protocol (GET ?query=, POST form-encoded or application/sparql-query)
over ``tests/data/wikidata_fixture.ttl``. No network and no ../shared data are used.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.gazetteer import importer
from kg.gazetteer.importer import (
    SparqlError,
    dump_gazetteer,
    roles_for_label,
    sparql_select,
    update_from_sparql,
    wikidata_date,
    write_gazetteer,
)

pytestmark = pytest.mark.server
FIXTURE = Path(__file__).parent / "data" / "wikidata_fixture.ttl"


def _store() -> ox.Store:
    store = ox.Store()
    store.load(FIXTURE.read_bytes(), format=ox.RdfFormat.TURTLE)
    return store


class _Server:
    """A loopback HTTP server whose answer is decided by ``respond(method, query) -> (status, body)``."""

    def __init__(self, respond: Callable[[str, str], tuple[int, bytes]]) -> None:
        self.requests: list[tuple[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                qs = urllib.parse.urlparse(self.path).query
                self._answer("GET", urllib.parse.parse_qs(qs).get("query", [""])[0])

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                ctype = self.headers.get("Content-Type", "")
                if ctype.startswith("application/sparql-query"):
                    query = raw
                else:
                    query = urllib.parse.parse_qs(raw).get("query", [""])[0]
                self._answer("POST", query)

            def _answer(self, method: str, query: str) -> None:
                outer.requests.append((method, query))
                status, body = respond(method, query)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/sparql-results+json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test): nothing left to answer

            def log_message(self, *args: object) -> None:  # keep pytest output clean
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _sparql_responder(store: ox.Store) -> Callable[[str, str], tuple[int, bytes]]:
    def respond(_method: str, query: str) -> tuple[int, bytes]:
        try:
            result = store.query(query)
        except SyntaxError as exc:
            return 400, str(exc).encode()
        return 200, result.serialize(format=ox.QueryResultsFormat.JSON)
    return respond


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with _Server(_sparql_responder(_store())) as server:
        yield server.url


@pytest.fixture(scope="module")
def imported(endpoint: str) -> dict:
    return update_from_sparql(endpoint, timeout=10)


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "_retry_after", lambda *_: 0.0)


def _terms(data: dict, person: str) -> set[tuple]:
    return {(t[1], t[2], t[3]) for t in data["terms"] if t[0] == person}


# -- the import ----------------------------------------------------------------------------------------

def test_terms_with_day_month_and_year_precision(imported: dict) -> None:
    assert _terms(imported, "Q7747") == {("Q218295", "2000-05-07", "2008-05-07"),
                                          ("Q842386", "2008-05-08", "2012-05-07"),
                                          ("Q218295", "2012-05-07", None)}
    assert _terms(imported, "Q23530") == {("Q218295", "2008-05", "2012")}
    assert _terms(imported, "Q22686") == {("Q11696", "2025", None)}
    # Began before `since` but ended after it: kept, with its real start.
    assert _terms(imported, "Q9682") == {("Q9134365", "1952-02-06", "2022-09-08")}


def test_filters_old_deprecated_unknown_and_non_state_rows(imported: dict) -> None:
    assert _terms(imported, "Q180589") == {("Q14211", "2019-07-24", "2022-09-06")}  # deprecated row dropped
    assert "Q9557" not in imported["people"]  # ended 1997
    assert "Q99000020" not in imported["people"]  # unknown-value end
    assert imported["meta"]["skipped_unknown_end"] == 1
    assert "Q99000040" not in imported["people"] and "Q99000001" not in imported["countries"]


def test_since_is_a_parameter(endpoint: str) -> None:
    data = update_from_sparql(endpoint, since=1990, timeout=10)
    assert _terms(data, "Q9557") == {("Q14211", "1990-11-28", "1997-05-02")}


def test_office_kinds_and_roles(imported: dict) -> None:
    offices = imported["offices"]
    assert offices["Q218295"] == {"en": "President of Russia", "fr": "président de la fédération de Russie",
                                  "country": "Q159", "kind": "head_of_state", "roles": ["president"]}
    assert offices["Q842386"]["kind"] == "head_of_government"
    assert offices["Q842386"]["roles"] == ["prime_minister"]
    # Both P1906 and P1313 of the US: filed once, as head of state.
    assert offices["Q11696"]["kind"] == "head_of_state"
    assert offices["Q9134365"]["roles"] == ["monarch"]
    assert offices["Q1371091"]["kind"] == "foreign_minister"
    assert offices["Q1371091"]["roles"] == ["foreign_minister"]
    assert offices["Q99000010"]["kind"] == "international_organisation"
    assert offices["Q99000010"]["country"] == "Q7184"
    assert _terms(imported, "Q272201") == {("Q14211", "2022-09-06", "2022-10-25"),
                                            ("Q1371091", "2021-09-15", "2022-09-06")}


def test_labels_aliases_and_countries(imported: dict) -> None:
    putin = imported["people"]["Q7747"]
    assert putin["en"] == "Vladimir Putin" and putin["fr"] == "Vladimir Poutine"
    assert {"Vladimir Vladimirovich Putin", "Putin", "Poutine"} <= set(putin["aliases"])
    assert putin["linked"] is True and putin["sources"] == ["wikidata-sparql"]
    russia = imported["countries"]["Q159"]
    assert russia["en"] == "Russia" and russia["fr"] == "Russie"
    assert "Fédération de Russie" in russia["names_fr"] and "Russian Federation" in russia["names_en"]
    assert russia["adj_en"] == ["Russian"] and russia["adj_fr"] == ["russe"]
    assert russia["primary"] == "head_of_state"
    assert imported["countries"]["Q145"]["primary"] == "head_of_government"  # a monarchy with a PM
    assert set(imported["meta"]["sources"]) == {"wikidata-sparql"}


def test_both_protocol_methods_reach_the_server() -> None:
    store = _store()
    with _Server(_sparql_responder(store)) as server:
        q = "SELECT ?o WHERE { <http://www.wikidata.org/entity/Q7747> <http://www.w3.org/2000/01/rdf-schema#label> ?o }"
        got_get = sparql_select(server.url, q, method="GET", timeout=5)
        got_post = sparql_select(server.url, q, method="POST", timeout=5)
        assert [m for m, _ in server.requests] == ["GET", "POST"]
    assert {b["o"]["value"] for b in got_get} == {b["o"]["value"] for b in got_post} == {
        "Vladimir Putin", "Vladimir Poutine"}


def test_output_is_deterministic_and_loads_fast(imported: dict, tmp_path: Path) -> None:
    path = tmp_path / "leaders.json"
    write_gazetteer(imported, path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(json.dumps(imported))
    assert dump_gazetteer(json.loads(text)) == text
    # One person per line: the people section has exactly one line per person.
    people_lines = [ln for ln in text.splitlines() if ln.startswith('"Q') and '"aliases"' in ln]
    assert len(people_lines) == len(imported["people"])


# -- failures ------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_down_endpoint_raises_a_clear_error() -> None:
    url = f"http://127.0.0.1:{_free_port()}/sparql"
    with pytest.raises(SparqlError, match="unreachable"):
        update_from_sparql(url, timeout=2)


@pytest.mark.parametrize(("status", "body", "message"), [
    (500, b"internal error", "HTTP 500"),
    (400, b"bad query", "HTTP 400: bad query"),
    (200, b"<html>not json</html>", "did not return SPARQL JSON"),
])
def test_erroring_endpoint_raises(status: int, body: bytes, message: str) -> None:
    with _Server(lambda _m, _q: (status, body)) as server, pytest.raises(SparqlError, match=message):
        update_from_sparql(server.url, timeout=5)


def test_server_errors_are_retried_then_succeed() -> None:
    store, calls = _store(), {"n": 0}
    good = _sparql_responder(store)

    def flaky(method: str, query: str) -> tuple[int, bytes]:
        calls["n"] += 1
        return (503, b"busy") if calls["n"] == 1 else good(method, query)

    with _Server(flaky) as server:
        data = update_from_sparql(server.url, timeout=5)
    assert "Q7747" in data["people"]


def test_slow_endpoint_times_out() -> None:
    def slow(_m: str, _q: str) -> tuple[int, bytes]:
        time.sleep(1.5)
        return 200, b'{"head":{"vars":[]},"results":{"bindings":[]}}'

    with _Server(slow) as server, pytest.raises(SparqlError):
        sparql_select(server.url, "SELECT * WHERE {}", timeout=0.3, retries=0)


# -- atomic writes -------------------------------------------------------------------------------------

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "leaders.json")


def test_write_is_atomic_when_serialisation_fails(tmp_path: Path) -> None:
    path = tmp_path / "leaders.json"
    path.write_text('{"old": true}', encoding="utf-8")
    with pytest.raises(TypeError):
        write_gazetteer({"meta": {"bad": {1, 2}}}, path)  # a set is not JSON
    assert path.read_text(encoding="utf-8") == '{"old": true}'
    assert _leftovers(tmp_path) == []


def test_write_is_atomic_when_the_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "leaders.json"
    path.write_text('{"old": true}', encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_gazetteer({"meta": {}, "people": {"Q1": {"en": "x"}}}, path)
    assert path.read_text(encoding="utf-8") == '{"old": true}'
    assert _leftovers(tmp_path) == []


def test_write_creates_a_new_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "leaders.json"
    write_gazetteer({"meta": {"made": "2026-11-30"}, "countries": {}, "offices": {}, "people": {}, "terms": []},
                    path)
    assert json.loads(path.read_text(encoding="utf-8"))["meta"]["made"] == "2026-11-30"
    assert path.stat().st_mode & 0o444 == 0o444
    assert _leftovers(tmp_path) == []


# -- helpers -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "precision", "expected"), [
    ("2012-05-07T00:00:00Z", 11, "2012-05-07"),
    ("2012-05-01T00:00:00Z", 10, "2012-05"),
    ("2012-01-01T00:00:00Z", 9, "2012"),
    ("2010-01-01T00:00:00Z", 8, None),  # a decade is not a year
    ("+2012-05-07T00:00:00Z", "11", "2012-05-07"),
    ("2012-05-07T00:00:00Z", None, "2012-05-07"),
    ("-0044-03-15T00:00:00Z", 11, None),
    ("2012-00-00T00:00:00Z", 11, "2012"),  # Wikidata's zero month/day for imprecise dates
    ("", 11, None),
])
def test_wikidata_dates(value: str, precision: int | str | None, expected: str | None) -> None:
    assert wikidata_date(value, precision) == expected


@pytest.mark.parametrize(("label", "roles"), [
    ("Prime Minister of India", ["prime_minister"]),
    ("Federal Chancellor of Germany", ["chancellor"]),
    ("Premier of the People's Republic of China", ["premier", "prime_minister"]),
    ("Emir of Qatar", ["emir", "monarch"]),
    ("monarch of the United Kingdom", ["monarch"]),
    ("King of Saudi Arabia", ["king", "monarch"]),
    ("Crown Prince of Saudi Arabia", ["crown_prince"]),
    ("Supreme Leader of Iran", ["leader", "supreme_leader"]),
    ("Secretary-General of the United Nations", ["secretary_general"]),
    ("President of the European Commission", ["commission_president", "president"]),
    ("United States Secretary of State", ["foreign_minister"]),
    ("Secretary of State for Foreign and Commonwealth Affairs", ["foreign_minister"]),
    ("Secretary of State for Health and Social Care", []),
    ("Minister of Europe and Foreign Affairs", ["foreign_minister"]),
    ("Chancellor of the Exchequer", []),
    ("Captain Regent of San Marino", ["captain_regent"]),
    ("Pope", ["pope"]),
    ("President of Russia", ["president"]),
])
def test_roles_for_label(label: str, roles: list[str]) -> None:
    assert roles_for_label(label) == roles
