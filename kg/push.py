"""``kg push``: load a graph into an external SPARQL server with the SPARQL 1.1 Graph Store Protocol.

For users who outgrow one machine (Virtuoso, Fuseki, GraphDB, Oxigraph server,
...). Each article graph is sent to ``ENDPOINT?graph=<article IRI>`` and the
default graph (contacts, leaders, topics) to ``--default-graph``: a named
graph by default, since some servers (Virtuoso) have no writable default
graph in their Graph Store endpoint. The first request for a graph is a PUT,
which replaces it, and big graphs go on in POSTs of ``--chunk`` triples, so
pushing the same source twice leaves the server as after one push.

Bodies are N-Triples, the format every Graph Store implementation reads.
Authentication is HTTP Digest or Basic, whichever the server asks for.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from kg.errors import GraphError
from kg.rdf.vocab import ID

CONTACTS_GRAPH = f"{ID}graph/contacts"
DEFAULT = "default"  # --default-graph default: the server's own default graph (?default)


@dataclass(frozen=True, slots=True)
class PushSummary:
    graphs: int
    triples: int
    requests: int


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
    # No proxies from the environment: the server is named on the command line.
    handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def _target(endpoint: str, graph: str) -> str:
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph == DEFAULT:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def _send(opener: urllib.request.OpenerDirector, method: str, url: str, body: bytes, timeout: float,
          attempts: int = 4) -> None:
    # With HTTP Digest the first request of each PUT goes out unauthenticated; a server
    # answering 401 early may close the socket while the body is still being written
    # (broken pipe, reset). The request is idempotent (PUT replaces, POST adds the same
    # triples to a set), so it is simply sent again.
    for attempt in range(attempts):
        try:
            _send_once(opener, method, url, body, timeout)
            return
        except GraphError as exc:
            transient = isinstance(exc.__cause__, (BrokenPipeError, ConnectionResetError))
            if not transient or attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))


def _send_once(opener: urllib.request.OpenerDirector, method: str, url: str, body: bytes, timeout: float) -> None:
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Content-Type": "application/n-triples; charset=utf-8"})
    try:
        with opener.open(req, timeout=timeout) as res:
            res.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(2000).decode("utf-8", "replace")
        lines = [ln.strip() for ln in detail.replace("<", "\n<").splitlines() if ln.strip() and "<" not in ln[:1]]
        hint = f": {lines[-1][:160]}" if lines else ""
        raise GraphError(f"{method} {url} failed with HTTP {exc.code}{hint}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        error = GraphError(f"cannot reach {url} ({reason})")
        error.__cause__ = reason if isinstance(reason, BaseException) else exc
        error.__suppress_context__ = True
        raise error from error.__cause__


def push(source: Path | str, endpoint: str, *, user: str | None = None, password: str | None = None,
         graph: str | None = None, default_graph: str = CONTACTS_GRAPH, chunk: int = 50_000,
         timeout: float = 120.0, progress: Callable[[str, int], None] | None = None) -> PushSummary:
    """Send SOURCE's graphs to a Graph Store Protocol ENDPOINT; ``graph`` puts everything in one graph."""
    from kg.export import load

    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GraphError(f"{endpoint!r} is not an http(s) URL of a Graph Store endpoint")
    for name in filter(None, (graph, default_graph if default_graph != DEFAULT else None)):
        try:
            NamedNode(name)
        except ValueError:
            raise GraphError(f"{name!r} is not an IRI") from None
    if chunk < 1:
        raise GraphError("--chunk must be at least 1")
    by_graph: dict[str, dict[Triple, None]] = defaultdict(dict)  # ordered sets: same source, same requests
    for q in load(source):
        target = graph or (q.graph_name.value if isinstance(q.graph_name, NamedNode) else default_graph)
        by_graph[target][q.triple] = None
    opener = _opener(endpoint, user, password)
    requests = triples = 0
    for target in sorted(by_graph):
        items = list(by_graph[target])
        for i in range(0, len(items), chunk):
            body = serialize(items[i:i + chunk], format=RdfFormat.N_TRIPLES)
            _send(opener, "PUT" if i == 0 else "POST", _target(endpoint, target), body, timeout)
            requests += 1
        triples += len(items)
        if progress is not None:
            progress(target, len(items))
    return PushSummary(len(by_graph), triples, requests)


__all__ = ["CONTACTS_GRAPH", "DEFAULT", "PushSummary", "push"]
