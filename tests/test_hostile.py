"""Hostile content (issue 8): IRIs minted from text are valid, literals round-trip byte for byte,
untrusted strings are content and never locations (no file read, no connection, checked with an audit hook).
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from kg.build import build, graph_quads
from kg.errors import GraphError, KgError
from kg.gazetteer.load import Gazetteer
from kg.merge import ArticleMeta, Report, merge_reports
from kg.model import Evidence, FuzzyDate, Leader, Mode, Status, Topic
from kg.pipeline import Extractor
from kg.rdf import mint
from kg.rdf.io import read_quads, to_bytes, write_graph

pytestmark = pytest.mark.issue(8)

HOSTILE_NAMES = [
    "Jean Dupont", "a b\tc\nd", "<script>", 'quote " quote', "{curly} |pipe| \\back\\ ^caret^ `tick`",
    "hash#frag?query=1&x/y/../z", "emoji 😀🇫🇷 👩‍👩‍👧", "x" * 2000, "Ërdoğan " * 300, "\u202eevil\u202c", "nul\x00byte",
    "ﷺ ͺ", "⑴ 🄁 ʼn", "", " ", "%20%00%", "http://example.org/a b", "_:b0", "../../etc/passwd", "習近平",
]
HOSTILE_LITERALS = [
    'double "quotes"', "single 'quotes'", 'triple """ quotes """ end"', "triple ''' single", "back\\slash \\n \\u0041",
    "new\nline\r\nand\rcr", "tab\there", "nul\x00here", "non-BMP 𝕏 😀 𓀀", "RTL \u202e override \u202c and עברית",
    "line sep \u2028 para \u2029", "\ufffd replacement", "ends with backslash\\", '"', "\\", "", " lead and trail ",
    "<http://example.org/> .", "@prefix x: <y> .", "\x7f\x80\x9f C1",
]


def leader(name: str) -> Leader:
    return Leader(f"x-{mint.slug(name)}", name, name, None, linked=False)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_mint_valid_iris(name: str) -> None:
    for node in (mint.leader_iri(leader(name)), mint.topic_iri(Topic(name, None, "fr")),
                 mint.leader_iri(Leader(name, name, name, None, linked=True)),  # not a QID: minted too
                 mint.extractor_iri(name, name, name)):
        assert node.value.startswith(mint.ID) and len(node.value) < 200
        data = to_bytes([Quad(node, NamedNode("http://example.org/p"), Literal(name))], RdfFormat.N_TRIPLES)
        (q,) = list(parse(data, format=RdfFormat.N_TRIPLES, lenient=False))
        assert q.subject == node


def hostile_reports() -> list[Report]:
    reps = []
    names = HOSTILE_NAMES[:12]
    for i, text in enumerate(HOSTILE_LITERALS):
        art = ArticleMeta(text or f"id-{i}", hashlib.sha256(text.encode()).hexdigest() + f"{i:02d}", text or None,
                          FuzzyDate(2024, 3, 5), "fr", text or None)
        who = (leader(names[i % len(names)]), leader(names[(i + 1) % len(names)]))
        ev = Evidence(art.id, text, i, i + len(text), f"rule {text}", 0.5)
        reps.append(Report(art, who, Mode.MEETING, Status.OCCURRED, FuzzyDate(2024, 3, 1 + i % 28),
                           (Topic(text or "t", None, "fr"),), (ev,), text, text, text))
    return reps


@pytest.fixture(scope="module")
def hostile_quads() -> list[Quad]:
    reps = hostile_reports()
    metas = sorted({r.article for r in reps}, key=lambda a: a.content_hash)
    return graph_quads(metas, merge_reports(reps))


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nt", ".nq"])
def test_hostile_graph_reparses_strictly_and_literals_round_trip(hostile_quads: list[Quad], tmp_path: Path,
                                                                 suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    write_graph(hostile_quads, path, suffix[1:])
    back = read_quads(path)  # pyoxigraph, lenient=False
    if suffix in (".trig", ".nq"):
        assert set(back) == set(hostile_quads)
    else:
        assert {q.triple for q in back} == {q.triple for q in hostile_quads}
    values = {q.object.value for q in back if isinstance(q.object, Literal)}
    for text in HOSTILE_LITERALS:
        if text:
            assert text in values, repr(text)


@pytest.mark.parametrize(("suffix", "fmt"), [(".ttl", "turtle"), (".nt", "nt"), (".trig", "trig"),
                                              (".nq", "nquads")])
def test_hostile_literals_round_trip_through_rdflib(hostile_quads: list[Quad], tmp_path: Path, suffix: str,
                                                   fmt: str) -> None:
    path = tmp_path / f"g{suffix}"
    write_graph(hostile_quads, path, suffix[1:])
    g = rdflib.Dataset() if fmt in ("trig", "nquads") else rdflib.Graph()
    g.parse(data=path.read_bytes(), format=fmt)
    if isinstance(g, rdflib.Dataset):
        statements = {(s, p, o, c.identifier if isinstance(c, rdflib.Graph) else c) for s, p, o, c in g.quads()}
        assert len(statements) == len(set(hostile_quads))
    else:
        statements = {(s, p, o, None) for s, p, o in g}
        assert len(statements) == len({q.triple for q in hostile_quads})
    values = {str(t[2]) for t in statements if isinstance(t[2], rdflib.Literal)}
    for text in HOSTILE_LITERALS:
        if text:
            assert text in values, repr(text)


@pytest.mark.parametrize(("suffix", "content"), [
    (".jsonld", '{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "x"}'),
    (".rdf", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>'),
    (".xml", "<x/>"), (".owl", "<x/>"), (".n3", "<a> <b> <c> ."),
])
def test_hostile_remote_capable_graph_formats_are_refused(tmp_path: Path, suffix: str, content: str) -> None:
    path = tmp_path / f"g{suffix}"
    path.write_text(content)
    with pytest.raises(GraphError, match="unsupported graph format"):
        read_quads(path)


@pytest.mark.parametrize("bad", [
    "<a b> <p> <o> .", "<http://x/a> <http://x/p> \"unterminated .", "<http://x/a> <http://x/p> \"x\"^^<bad iri> .",
    "@prefix : <http://x/> . :a :p :b", "<http://x/a> <http://x/p> \"\\uD800\" .",
])
def test_hostile_invalid_turtle_is_a_coded_error(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(bad)
    with pytest.raises(GraphError) as err:
        read_quads(path)
    assert "\n" not in err.value.message and str(path) in err.value.message


# -- untrusted strings are content, never locations ------------------------------------------------------------

_WATCHED = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
            "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect",
            "ftplib.connect", "smtplib.connect", "webbrowser.open"}
_AUDIT: dict[str, Any] = {"fd": None, "marker": None}


def _hook(event: str, args: tuple[Any, ...]) -> None:
    fd = _AUDIT["fd"]
    if fd is None:
        return
    if event in _WATCHED:
        os.write(fd, f"{event} {args!r:.200}\n".encode("utf-8", "replace"))
    elif event == "open" and isinstance(args[0], str) and _AUDIT["marker"] in args[0]:
        os.write(fd, f"open {args[0]!r:.200}\n".encode("utf-8", "replace"))


@contextlib.contextmanager
def audited(log: Path) -> Iterator[None]:
    """Record network events and opens of the canary, in this process and in forked workers, to ``log``."""
    if not getattr(sys, "_kg_audit_installed", False):
        sys.addaudithook(_hook)  # cannot be removed: the hook does nothing while fd is None
        sys._kg_audit_installed = True  # type: ignore[attr-defined]
    _AUDIT["fd"] = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    _AUDIT["marker"] = "canary-secret"
    try:
        yield
    finally:
        os.close(_AUDIT["fd"])
        _AUDIT["fd"] = None


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<a> <b> <c> .")

    do_POST = do_GET

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    """A loopback HTTP server that counts hits: catches requests made below Python (Rust, C)."""
    _Counter.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def hostile_inputs(folder: Path, url: str, canary: Path) -> None:
    folder.mkdir()
    where = f"{url}/fetch-me {canary} file://{canary} http://169.254.169.254/latest/meta-data/"
    (folder / "a.txt").write_text(
        f" date 2024-03-05 {where}\nEmmanuel Macron a rencontré Olaf Scholz mardi à Berlin. Voir {where}.\n"
        "Les deux dirigeants ont parlé de la guerre en Ukraine, de l'énergie et du budget européen, a indiqué "
        "l'Élysée dans un communiqué publié dans la soirée.\n"
        f'{{"@context": "{url}/ctx"}} SERVICE <{url}/sparql> {{ ?s ?p ?o }} LOAD <{url}/g> <!DOCTYPE x SYSTEM '
        f'"file://{canary}">\n', "utf-8")
    (folder / "b.html").write_text(
        f'<html lang="fr"><head><base href="{url}/"><link rel="stylesheet" href="{url}/s.css">'
        f'<meta http-equiv="refresh" content="0; url={url}/refresh"><meta property="og:image" content="{url}/i.png">'
        f'<link rel="canonical" href="{url}/canonical"><script src="{url}/x.js"></script>'
        f'<meta property="article:published_time" content="2024-03-05"></head><body><article>'
        f"<p>Emmanuel Macron a téléphoné à Vladimir Poutine lundi, a indiqué l'Élysée dans un communiqué.</p>"
        f'<p><img src="{url}/p.jpg" srcset="{url}/p2.jpg 2x"><iframe src="file://{canary}"></iframe>'
        f"Les deux dirigeants ont parlé de l'Ukraine et de la centrale de Zaporijjia selon la présidence.</p>"
        f"</article></body></html>", "utf-8")
    (folder / "c.jsonl").write_text(json.dumps({
        "id": f"file://{canary}", "url": f"{url}/jsonl", "title": f"{canary}", "published": "2024-03-05",
        "text": f"Olaf Scholz met Joe Biden on Tuesday in Washington. See {where}."}) + "\n", "utf-8")


def test_hostile_build_and_query_make_no_connection_and_read_no_named_file(
        tmp_path: Path, mini_gazetteer: Gazetteer, server: str) -> None:
    from kg.query.engine import load_query, open_source, run_query

    canary = tmp_path / "canary-secret.txt"
    canary.write_text("SECRET")
    hostile_inputs(tmp_path / "in", server, canary)
    graph = tmp_path / "g.ttl"
    graph.write_text(f"@base <{server}/base/> .\n@prefix r: <{server}/prefix#> .\n"
                     f"<a> r:p <file://{canary}> .\n")
    log = tmp_path / "audit.log"
    with audited(log):
        # The parser (French model) runs in forked workers: they inherit the hook and its file.
        report = build([tmp_path / "in"], tmp_path / "out", extractor=Extractor(mini_gazetteer, parse=True),
                       timeout=120)
        store = open_source(tmp_path / "out" / "graph.ttl")
        for name in ("contacts", "top-pairs"):
            assert run_query(store, load_query(name), 30).rows
        run_query(open_source(graph), "SELECT * WHERE { ?s ?p ?o }", 30)
        for hostile in (f"SELECT * WHERE {{ SERVICE <{server}/sparql> {{ ?s ?p ?o }} }}",
                        f"SELECT * WHERE {{ SERVICE SILENT <{server}/sparql> {{ ?s ?p ?o }} }}",
                        f"SELECT * FROM <{server}/g> WHERE {{ ?s ?p ?o }}",
                        f"SELECT * FROM <file://{canary}> WHERE {{ ?s ?p ?o }}",
                        f"LOAD <{server}/g>", f"LOAD <file://{canary}>"):
            with pytest.raises(KgError):
                run_query(store, hostile, 10)
    assert report.articles == 3 and report.contacts == 3, report.summary()
    assert log.read_text() == "", "network events or opens of a named file"
    assert _Counter.hits == []
    text = (tmp_path / "out" / "graph.ttl").read_text("utf-8")
    assert "SECRET" not in text and str(canary) in text  # the path is kept as content, never read


def test_hostile_audit_hook_sees_connections_in_workers(tmp_path: Path, server: str) -> None:
    """The control for the test above: a connection made here or in a worker is recorded."""
    import socket
    import urllib.request

    from kg.budget import Budget

    host, port = server.removeprefix("http://").split(":")
    log = tmp_path / "audit.log"
    with audited(log):
        urllib.request.urlopen(f"{server}/in-process", timeout=5).read()
        with Budget(10.0) as budget:
            (_, outcome), = budget.map(lambda _: socket.create_connection((host, int(port)), timeout=5).close(), [0])
        assert outcome.ok, outcome.error
        (tmp_path / "canary-secret.txt").write_text("x")
    events = log.read_text()
    assert "urllib.Request" in events and events.count("socket.connect") >= 2 and "canary-secret" in events
    assert _Counter.hits == ["/in-process"]
