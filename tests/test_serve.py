"""kg serve: SPARQLWrapper against a loopback endpoint the test starts; raw HTTP for the error cases."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper

from kg.build import build
from kg.gazetteer.load import load_gazetteer
from kg.pipeline import Extractor
from kg.serve import running

pytestmark = [pytest.mark.server, pytest.mark.issue(6)]
ROOT = Path(__file__).parent.parent
GAZ = ROOT / "tests" / "data" / "gazetteer_mini.json"
LC = "https://w3id.org/leader-contacts/ns#"
CONTACTS = f"SELECT ?c WHERE {{ ?c a <{LC}Contact> }} ORDER BY ?c"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("serve")
    build([ROOT / "seeds"], out / "out", extractor=Extractor(load_gazetteer(GAZ), parse=False), store=out / "store")
    return {"ttl": out / "out" / "graph.ttl", "store": out / "store"}


@pytest.fixture(scope="module")
def url(seed: dict[str, Path]) -> Iterator[str]:
    with running(seed["ttl"], timeout=2.0, workers=2) as base:
        yield base


def client(url: str) -> SPARQLWrapper:
    return SPARQLWrapper(f"{url}/sparql")


def raw(url: str, method: str, path: str, body: bytes | None = None,
        headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        return res.status, {k.lower(): v for k, v in res.getheaders()}, res.read()
    finally:
        conn.close()


def form(query: str, key: str = "query") -> tuple[bytes, dict[str, str]]:
    return (urllib.parse.urlencode({key: query}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"})


# -- SPARQLWrapper, the client users have -------------------------------------

@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_json(url: str, method: str) -> None:
    sw = client(url)
    sw.setQuery(CONTACTS)
    sw.setReturnFormat(JSON)
    if method == "POST":
        sw.setMethod(POST)
    res = sw.query().convert()
    contacts = [b["c"]["value"] for b in res["results"]["bindings"]]
    assert contacts and all(c.startswith("https://w3id.org/leader-contacts/id/contact/") for c in contacts)


def test_select_xml_csv_tsv_agree(url: str) -> None:
    sw = client(url)
    sw.setQuery(CONTACTS)
    sw.setReturnFormat(XML)
    xml = sw.query().convert()
    from_xml = [n.firstChild.data for n in xml.getElementsByTagName("uri")]
    sw.setReturnFormat(CSV)
    from_csv = sw.query().convert().decode().split()[1:]
    sw.setReturnFormat(TSV)
    from_tsv = [x.strip("<>") for x in sw.query().convert().decode().split()[1:]]
    assert from_xml == from_csv == from_tsv and from_xml


def test_ask_and_construct(url: str) -> None:
    sw = client(url)
    sw.setQuery(f"ASK {{ ?c a <{LC}PhoneCall> }}")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] in (True, False)
    sw.setQuery(f"CONSTRUCT {{ ?p a <{LC}Leader> }} WHERE {{ ?p a <{LC}Leader> }}")
    sw.setReturnFormat(TURTLE)
    data = sw.query().convert()
    g = rdflib.Graph().parse(data=data, format="turtle")
    assert len(g) >= 2


def test_union_default_graph_sees_article_statements(seed: dict[str, Path]) -> None:
    with running(seed["store"]) as base:
        sw = client(base)
        sw.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?e a <{LC}Evidence> ; ?p ?o }}")
        sw.setReturnFormat(JSON)
        n_store = sw.query().convert()["results"]["bindings"][0]["n"]["value"]
    with running(seed["ttl"]) as base:
        sw = client(base)
        sw.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?e a <{LC}Evidence> ; ?p ?o }}")
        sw.setReturnFormat(JSON)
        assert sw.query().convert()["results"]["bindings"][0]["n"]["value"] == n_store != "0"


def test_view_at_root(url: str) -> None:
    status, headers, body = raw(url, "GET", "/")
    assert status == 200 and headers["content-type"].startswith("text/html") and b"<html" in body.lower()


# -- raw HTTP: what must be refused, and how -----------------------------------

def test_updates_are_refused(url: str) -> None:
    body, headers = form("INSERT DATA { <http://a> <http://b> <http://c> }", "update")
    assert raw(url, "POST", "/sparql", body, headers)[0] == 403
    status, _, msg = raw(url, "POST", "/sparql", b"CLEAR ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in msg
    body, headers = form("DELETE WHERE { ?s ?p ?o }")
    status, _, msg = raw(url, "POST", "/sparql", body, headers)
    assert status == 400 and b"read-only" in msg
    for method in ("PUT", "DELETE", "PATCH"):
        assert raw(url, method, "/sparql", b"x", {"Content-Type": "text/turtle"})[0] == 405


@pytest.mark.parametrize("query,word", [
    ("SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", b"SERVICE"),
    ("SELECT * { SERVICE SILENT <http://127.0.0.1:1/> { ?s ?p ?o } }", b"SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }", b"FROM"),
    ("LOAD <http://127.0.0.1:1/x.ttl>", b"LOAD"),
    ("SELECT * {", b"syntax"),
])
def test_refused_queries_get_a_short_400(url: str, query: str, word: bytes) -> None:
    status, headers, msg = raw(url, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 400 and word in msg
    assert headers["content-type"].startswith("text/plain") and len(msg) < 300
    assert b"Traceback" not in msg and b"/kg/" not in msg


def test_size_limits(url: str) -> None:
    huge = "SELECT * { ?s ?p ?o } #" + "x" * 120_000
    body, headers = form(huge)
    assert raw(url, "POST", "/sparql", body, headers)[0] == 413
    status = raw(url, "POST", "/sparql", b"x" * 300_000, {"Content-Type": "application/sparql-query"})[0]
    assert status == 413
    assert raw(url, "GET", "/sparql?" + urllib.parse.urlencode({"query": huge}))[0] in (413, 414)
    deep = "SELECT * " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000
    status, _, msg = raw(url, "POST", "/sparql", deep.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 400 and b"nested" in msg


def test_bad_requests(url: str) -> None:
    assert raw(url, "GET", "/sparql")[0] == 400
    assert raw(url, "POST", "/sparql", b"query=x", {"Content-Type": "text/plain"})[0] == 415
    assert raw(url, "GET", "/nothing")[0] == 404
    status = raw(url, "GET", "/sparql?" + urllib.parse.urlencode({"query": CONTACTS}), None,
                 {"Accept": "image/png"})[0]
    assert status == 406
    q = urllib.parse.urlencode({"query": CONTACTS, "default-graph-uri": "file:///etc/passwd"})
    assert raw(url, "GET", "/sparql?" + q)[0] == 400


def test_content_negotiation(url: str) -> None:
    path = "/sparql?" + urllib.parse.urlencode({"query": CONTACTS})
    for accept, media in [("application/sparql-results+json", "application/sparql-results+json"),
                          ("application/sparql-results+xml", "application/sparql-results+xml"),
                          ("text/csv;q=0.9, text/tab-separated-values;q=0.5", "text/csv"),
                          ("*/*", "application/sparql-results+json")]:
        status, headers, _ = raw(url, "GET", path, None, {"Accept": accept})
        assert status == 200 and headers["content-type"].startswith(media), accept
    construct = "/sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s a ?t }"})
    status, headers, body = raw(url, "GET", construct, None, {"Accept": "application/n-triples"})
    assert status == 200 and headers["content-type"].startswith("application/n-triples") and b" .\n" in body


def test_dns_rebinding_is_refused_on_loopback(url: str) -> None:
    port = urllib.parse.urlsplit(url).port
    path = "/sparql?" + urllib.parse.urlencode({"query": CONTACTS})
    assert raw(url, "GET", path, None, {"Host": f"attacker.example:{port}"})[0] == 403
    assert raw(url, "GET", path, None, {"Host": f"localhost:{port}"})[0] == 200


def test_runaway_query_is_stopped_and_the_server_lives_on(url: str) -> None:
    cross = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    start = time.monotonic()
    status, _, msg = raw(url, "GET", "/sparql?" + urllib.parse.urlencode({"query": cross}))
    assert status == 503 and b"limit" in msg and time.monotonic() - start < 15
    deadline = time.monotonic() + 60
    while True:  # the killed worker is replaced in the background
        status, _, body = raw(url, "GET", "/sparql?" + urllib.parse.urlencode({"query": CONTACTS}))
        if status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert status == 200 and json.loads(body)["results"]["bindings"]


def test_cli_serves_on_loopback_by_default(seed: dict[str, Path]) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(seed["store"]), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        m = re.search(r"(http://[\d.]+:\d+)/sparql", line)
        assert m, line + (proc.stderr.read() if proc.poll() is not None and proc.stderr else "")
        assert m.group(1).startswith("http://127.0.0.1:")
        sw = client(m.group(1))
        sw.setQuery(CONTACTS)
        sw.setReturnFormat(JSON)
        assert sw.query().convert()["results"]["bindings"]
    finally:
        proc.terminate()
        proc.wait(30)
