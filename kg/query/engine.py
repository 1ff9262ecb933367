"""Read-only SPARQL over a graph file or store, with a guard and a timeout.

Queries run on Oxigraph with the default graph as the union of all graphs, so
a store (one named graph per article) and a Turtle file of the same graph
give the same answers. Before anything runs, ``kg.query.guard`` refuses what
a read-only, offline tool must not do. The query then runs in a forked child
so a runaway query is stopped at the timeout while the caller lives on.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing as mp
import re
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    serialize,
)

from kg.errors import GraphError, QueryError, QueryRejected, QueryTimeout
from kg.query import guard as _guard
from kg.rdf.io import read_quads
from kg.rdf.vocab import PREFIXES

MAX_QUERY_CHARS = _guard.MAX_QUERY_CHARS
QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
RESULT_FORMATS = {"json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML, "csv": QueryResultsFormat.CSV,
                  "tsv": QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "rdfxml": RdfFormat.RDF_XML,
                 "jsonld": RdfFormat.JSON_LD}
_QID = re.compile(r"Q[1-9]\d{0,11}")
_IRI = re.compile(r"<([^<>\"{}|^`\\\x00-\x20]*)>")


@dataclass(frozen=True, slots=True)
class Result:
    """Variables and rows of a SELECT (``boolean`` for ASK, ``graph`` Turtle for CONSTRUCT/DESCRIBE).

    ``data`` is the answer serialised in the format asked for, if one was.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    boolean: bool | None = None
    graph: bytes | None = None
    data: bytes | None = None


def open_source(source: Path | str) -> Store:
    """An Oxigraph store over a graph file (loaded in memory) or a store folder (read-only)."""
    from kg.store import open_store

    p = Path(source)
    if p.is_dir():
        return open_store(p)
    if not p.exists():
        raise GraphError(f"{p}: no such graph file or store")
    store = Store()
    store.bulk_extend(read_quads(p))
    return store


def list_queries() -> dict[str, str]:
    """Ready-made queries: name -> first comment line (what it answers)."""
    out = {}
    for f in sorted(QUERIES_DIR.glob("*.rq")):
        first = f.read_text(encoding="utf-8").splitlines()[0] if f.stat().st_size else ""
        out[f.stem] = first.lstrip("# ").strip()
    return out


def load_query(text_or_path: str) -> str:
    """A query string, a ``.rq`` file, or the name of a ready-made query."""
    candidate = Path(text_or_path)
    if text_or_path.endswith(".rq") or (len(text_or_path) < 200 and "\n" not in text_or_path and candidate.is_file()):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
        shipped = QUERIES_DIR / candidate.name
        if shipped.is_file():
            return shipped.read_text(encoding="utf-8")
        raise QueryError(f"no query file {text_or_path}")
    shipped = QUERIES_DIR / f"{text_or_path}.rq"
    if re.fullmatch(r"[\w-]+", text_or_path):
        if shipped.is_file():
            return shipped.read_text(encoding="utf-8")
        names = ", ".join(list_queries())
        raise QueryError(f"no ready-made query {text_or_path!r}; there are: {names}")
    return text_or_path


def guard(query: str, store: Store | None = None) -> None:
    """Refuse updates, SERVICE, LOAD, FROM of graphs the source does not hold, and oversized queries."""
    graphs = {g.value for g in store.named_graphs() if isinstance(g, NamedNode)} if store is not None else set()
    _guard.check(query, graphs)


def term(value: str) -> NamedNode | Literal:
    """A parameter value as an RDF term: a QID or <IRI> is an IRI, anything else a string."""
    if _QID.fullmatch(value):
        return NamedNode(f"http://www.wikidata.org/entity/{value}")
    if m := _IRI.fullmatch(value):
        try:
            return NamedNode(m.group(1))
        except ValueError:
            raise QueryError(f"{value!r} is not a valid IRI") from None
    return Literal(value)


def bind(query: str, params: dict[str, str] | None) -> str:
    """Bind ``?name`` to each value with a VALUES block at the top of the WHERE group.

    The value goes in as one serialised RDF term (an IRI, or a string with its
    quotes escaped by Oxigraph), so no value can change the query's shape.
    (Oxigraph's own ``substitutions`` need the variable in the SELECT list.)
    """
    if not params:
        return query
    used = {t[1:] for k, t in _guard.tokens(query) if k == "var"}
    block = []
    for name, value in params.items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"bad parameter name {name!r}")
        if name not in used:
            raise QueryError(f"the query has no ?{name} to bind")
        block.append(f"VALUES ?{name} {{ {term(value)} }}")
    at = _guard.body_start(query)
    if at is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    return f"{query[:at]} {' '.join(block)} {query[at:]}"


def _text(t: object) -> str:
    if t is None:
        return ""
    if isinstance(t, NamedNode | Literal | BlankNode):
        return t.value
    return str(t)


def execute(store: Store, query: str, params: dict[str, str] | None = None, fmt: str | None = None,
            graph_fmt: str = "turtle") -> Result:
    """Run a guarded query in this process (no timeout): callers use ``run_query``.

    ``fmt`` serialises solutions and booleans (json, xml, csv, tsv); ``graph_fmt``
    serialises CONSTRUCT and DESCRIBE results (turtle, ntriples, rdfxml, jsonld).
    """
    try:
        res = store.query(bind(query, params), use_default_graph_as_union=True)
        if isinstance(res, QueryBoolean):
            data = res.serialize(format=RESULT_FORMATS[fmt]) if fmt in RESULT_FORMATS else None
            return Result((), (), boolean=bool(res), data=data)
        if isinstance(res, QuerySolutions):
            if fmt in RESULT_FORMATS:
                names = tuple(v.value for v in res.variables)
                return Result(names, (), data=res.serialize(format=RESULT_FORMATS[fmt]))
            names = tuple(v.value for v in res.variables)
            rows = tuple(tuple(_text(sol[n]) for n in names) for sol in res)
            return Result(names, rows)
        rdf_fmt = GRAPH_FORMATS.get(graph_fmt, RdfFormat.TURTLE)
        triples = sorted(res, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        prefixes = PREFIXES if rdf_fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML, RdfFormat.JSON_LD) else None
        data = serialize(triples, format=rdf_fmt, prefixes=prefixes)
        return Result((), (), graph=data, data=data)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {_first_line(exc)}") from None
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        raise QueryError(f"query failed: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else exc.__class__.__name__)[:200]


def _child(conn, store: Store, query: str, params: dict[str, str] | None, fmt: str | None) -> None:  # type: ignore[no-untyped-def]
    try:
        conn.send(("ok", execute(store, query, params, fmt)))
    except QueryError as exc:
        conn.send(("error", exc.message))
    except BaseException as exc:  # the parent gets one short line, never a traceback
        conn.send(("error", f"query failed: {exc.__class__.__name__}"))
    finally:
        conn.close()


def run_query(store: Store, query: str, timeout: float = 30.0, params: dict[str, str] | None = None,
              fmt: str | None = None) -> Result:
    """Guard, then run ``query`` in a forked child with a wall-clock limit."""
    if timeout <= 0:
        raise QueryError("the timeout must be a positive number of seconds")
    guard(query, store)
    bind(query, params)  # bad parameters fail here, with their own message
    try:
        ctx = mp.get_context("fork")
    except ValueError:  # no fork (Windows): run inline, no hard timeout
        return execute(store, query, params, fmt)
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, store, query, params, fmt), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise QueryTimeout(f"query ran over the {timeout:g} s limit and was stopped")
        try:
            status, payload = parent.recv()
        except (EOFError, OSError):
            raise QueryError("the query process ended without an answer (out of memory?)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if status == "error":
        raise QueryError(str(payload))
    return payload


def format_result(result: Result, fmt: str = "table") -> str:
    if result.data is not None and fmt != "table":
        return result.data.decode("utf-8")
    if result.boolean is not None:
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if result.graph is not None:
        return result.graph.decode("utf-8")
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        w.writerows(result.rows)
        return buf.getvalue()
    return _table(result)


def _table(result: Result, max_width: int = 60) -> str:
    def cell(x: str) -> str:
        x = x.replace("\n", " ")
        return x if len(x) <= max_width else x[:max_width - 1] + "…"

    header = list(result.variables)
    rows = [[cell(x) for x in r] for r in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


__all__ = ["MAX_QUERY_CHARS", "QueryRejected", "Result", "execute", "format_result", "guard", "list_queries",
           "load_query", "open_source", "run_query"]
