"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint at /sparql and the network view at /.

- GET /sparql?query=..., POST form-encoded (query=...) or application/sparql-query.
- Answers by content negotiation: SPARQL results as JSON, XML, CSV or TSV for
  SELECT/ASK; Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE.
- Read-only: updates are refused (403), and so are SERVICE, LOAD and FROM of
  outside graphs (400), by the same guard as ``kg query``. Queries over the size
  limit get 413; a query over the timeout is stopped (its worker process is
  killed and replaced) and gets 503.
- Loopback by default, and then only Host headers naming loopback are
  answered, so a web page cannot reach the endpoint through DNS rebinding.

The source is opened once: a store folder is served from its live snapshot
(restart to serve a newer build); a graph file is loaded into a temporary
on-disk store that the query workers share read-only.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import sys
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from kg.errors import GraphError, QueryError, QueryRejected, QueryTimeout
from kg.query import guard as _guard
from kg.query.pool import WorkerPool

MAX_BODY = 256 * 1024  # bytes of a POST body; the query itself is capped by the guard
RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv"}
GRAPH_TYPES = {"text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "ntriples",
               "text/plain": "ntriples", "application/rdf+xml": "rdfxml", "application/ld+json": "jsonld"}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
         "turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples",
         "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}


def _accept(header: str | None, offered: dict[str, str], default: str) -> str | None:
    """The format to answer in, from an Accept header with q-values; None if nothing offered is acceptable."""
    if not header or not header.strip():
        return default
    best: tuple[float, int, str] | None = None
    for i, part in enumerate(header.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        media = media.lower()
        if q <= 0:
            continue
        if media in offered:
            fmt = offered[media]
        elif media in ("*/*", "application/*", "text/*"):
            fmt = default
        else:
            continue
        if best is None or (q, -i) > (best[0], best[1]):
            best = (q, -i, fmt)
    return best[2] if best else None


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside IRIs, strings and comments."""
    for kind, text in _guard.tokens(query):
        if kind == "word" and text.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return text.upper()
    return "SELECT"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Endpoint:
    """The served graph: a worker pool over an on-disk store, the view page, and the named graphs."""

    source: Path
    timeout: float = 30.0
    workers: int = 2
    label_lang: str = "en"
    cors: bool = False
    graphs: set[str] = field(default_factory=set)
    view: bytes = b""
    _tmp: Path | None = None
    pool: WorkerPool | None = None

    def open(self) -> Endpoint:
        from kg.store import dataset_quads, is_store, live_path, open_store

        if self.source.is_dir() and is_store(self.source):
            path = live_path(self.source)
            quads = dataset_quads(open_store(self.source))
        else:
            from kg.export import load

            quads = load(self.source)  # strict parse; a one-graph file gets its article graphs back
            self._tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            path = self._tmp / "db"
            store = Store(str(path))
            store.bulk_extend(quads)
            store.flush()
            del store  # close it before the workers open it read-only
        self.graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode)}
        self.view = self._render_view(quads)
        self.pool = WorkerPool(path, self.workers, self.timeout)
        return self

    def _render_view(self, quads: list[Quad]) -> bytes:
        """The network page of kg view; the view reads the default graph, so give it the union."""
        from kg.view.html import write_view

        flat = Store()
        flat.bulk_extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads)
        with tempfile.TemporaryDirectory() as tmp:
            try:
                write_view(flat, Path(tmp) / "view.html", self.label_lang)
                return (Path(tmp) / "view.html").read_bytes()
            except Exception as exc:  # the endpoint is still useful without the page
                note = f"The network view could not be drawn ({exc.__class__.__name__})."
                return (f"<!doctype html><meta charset=utf-8><title>Leader contacts</title><p>{note} "
                        "The SPARQL endpoint is at <a href=/sparql>/sparql</a>.").encode()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def answer(self, query: str, accept: str | None) -> tuple[int, str, bytes]:
        """(status, content type, body) for one query."""
        form = query_form(query)
        if form in ("SELECT", "ASK"):
            fmt, graph_fmt = _accept(accept, RESULT_TYPES, "json"), "turtle"
        else:
            fmt, graph_fmt = "json", _accept(accept, GRAPH_TYPES, "turtle")
        if fmt is None or graph_fmt is None:
            offered = RESULT_TYPES if form in ("SELECT", "ASK") else GRAPH_TYPES
            return 406, "text/plain; charset=utf-8", f"not acceptable; offered: {', '.join(offered)}\n".encode()
        try:
            _guard.check(query, self.graphs)
            assert self.pool is not None
            ans = self.pool.run(query, fmt, graph_fmt)
        except QueryRejected as exc:
            status = 413 if "limit" in exc.message else 400
            return status, "text/plain; charset=utf-8", (exc.message + "\n").encode()
        except QueryTimeout as exc:
            return 503, "text/plain; charset=utf-8", (exc.message + "\n").encode()
        except QueryError as exc:
            return 400, "text/plain; charset=utf-8", (exc.message + "\n").encode()
        media = MEDIA[graph_fmt if ans.kind == "graph" else fmt]
        return 200, media, ans.data


def make_handler(endpoint: Endpoint, loopback_only: bool, port: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "leader-contacts"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            if getattr(self.server, "verbose", False):
                sys.stderr.write(f"{self.address_string()} {format % args}\n")

        def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-store")
            if endpoint.cors:
                self.send_header("Access-Control-Allow-Origin", "*")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
            self._send(status, "text/plain; charset=utf-8", (message + "\n").encode(), extra)

        def _host_ok(self) -> bool:
            if not loopback_only:
                return True
            host = (self.headers.get("Host") or "").strip().lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host.startswith("[") and "]:" in host:
                name = host.split("]:")[0] + "]"
            return is_loopback(name)

        def _route(self) -> str | None:
            if not self._host_ok():
                self._error(403, "this endpoint answers only requests addressed to the loopback host")
                return None
            return urllib.parse.urlsplit(self.path).path

        def do_GET(self) -> None:
            path = self._route()
            if path is None:
                return
            if path in ("/", "/index.html"):
                self._send(200, "text/html; charset=utf-8", endpoint.view)
                return
            if path != "/sparql":
                self._error(404, "not found: the endpoint is /sparql, the view is /")
                return
            params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
            self._query(params)

        do_HEAD = do_GET

        def do_POST(self) -> None:
            path = self._route()
            if path is None:
                return
            if path != "/sparql":
                self._error(404, "not found: the endpoint is /sparql")
                return
            try:
                length = int(self.headers.get("Content-Length", ""))
            except ValueError:
                self._error(411, "a POST needs a Content-Length")
                return
            if length > MAX_BODY:
                self._error(413, f"request body of {length:,} bytes is over the {MAX_BODY:,} limit",
                            {"Connection": "close"})
                self.close_connection = True
                return
            body = self.rfile.read(length)
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                self._error(403, "updates are refused: this endpoint is read-only")
                return
            if ctype == "application/sparql-query":
                self._query({"query": [body.decode("utf-8", "replace")]})
                return
            if ctype == "application/x-www-form-urlencoded":
                self._query(urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
                return
            self._error(415, "send application/sparql-query or application/x-www-form-urlencoded")

        def do_OPTIONS(self) -> None:
            if self._route() is None:
                return
            extra = {"Allow": "GET, POST, HEAD, OPTIONS"}
            if endpoint.cors:
                extra |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                          "Access-Control-Allow-Headers": "Content-Type, Accept"}
            self._send(204, "text/plain", b"", extra)

        def _refuse_method(self) -> None:
            self._error(405, "method not allowed: the endpoint is read-only", {"Allow": "GET, POST, HEAD, OPTIONS"})

        do_PUT = do_DELETE = do_PATCH = _refuse_method

        def _query(self, params: dict[str, list[str]]) -> None:
            if "update" in params:
                self._error(403, "updates are refused: this endpoint is read-only")
                return
            if params.get("default-graph-uri") or params.get("named-graph-uri"):
                self._error(400, "default-graph-uri and named-graph-uri are not supported: use GRAPH in the query")
                return
            queries = params.get("query", [])
            if len(queries) != 1 or not queries[0].strip():
                self._error(400, "give exactly one query parameter")
                return
            status, ctype, body = endpoint.answer(queries[0], self.headers.get("Accept"))
            self._send(status, ctype, body, {"Vary": "Accept"})

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    verbose = False


@contextlib.contextmanager
def running(source: Path | str, host: str = "127.0.0.1", port: int = 0, **kwargs: object):  # type: ignore[no-untyped-def]
    """A server in a background thread, for tests and notebooks: yields its base URL."""
    endpoint = Endpoint(Path(source), **kwargs).open()  # type: ignore[arg-type]
    server = Server((host, port), make_handler(endpoint, is_loopback(host), port))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        h, p = server.server_address[:2]
        yield f"http://{'[' + str(h) + ']' if ':' in str(h) else h}:{p}"
    finally:
        server.shutdown()
        server.server_close()
        endpoint.close()


def serve(source: Path | str, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 30.0,
          workers: int = 2, label_lang: str = "en", cors: bool = False, verbose: bool = False,
          ready: object = None) -> None:
    """Serve until interrupted. ``ready(url)`` is called once the socket listens."""
    endpoint = Endpoint(Path(source), timeout, workers, label_lang, cors).open()
    try:
        try:
            server = Server((host, port), make_handler(endpoint, is_loopback(host), port))
        except OSError as exc:
            raise GraphError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
        server.verbose = verbose
        h, p = server.server_address[:2]
        if callable(ready):
            ready(f"http://{'[' + str(h) + ']' if ':' in str(h) else h}:{p}")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        endpoint.close()


__all__ = ["MAX_BODY", "Endpoint", "make_handler", "query_form", "running", "serve"]
