"""Read-only SPARQL over a graph file or store, with a guard and a timeout.

Queries run on Oxigraph. Before anything runs, ``guard`` refuses what a
read-only, offline tool must not do: updates, ``LOAD``, ``SERVICE`` and ``FROM``
graphs that are not in the source. The query then runs in a forked child so a
runaway query can be stopped at the timeout while the caller lives on.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing as mp
import re
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Store

from kg.errors import GraphError, QueryError, QueryRejected, QueryTimeout
from kg.rdf.io import read_quads

MAX_QUERY_CHARS = 100_000
QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
_STRINGS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                      r"'(?:[^'\\\n]|\\.)*'")
_COMMENTS = re.compile(r"#[^\n]*")
_IRI = re.compile(r"<[^<>\s]*>")
_UPDATE = re.compile(r"(?<![?$:\w])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_SERVICE = re.compile(r"(?<![?$:\w])SERVICE\b", re.I)
_FROM = re.compile(r"(?<![?$:\w])FROM\s+(?:NAMED\s+)?(<[^<>\s]*>|\w*:\w*)", re.I)


@dataclass(frozen=True, slots=True)
class Result:
    """Variables and rows of a SELECT (``boolean`` for ASK, ``graph`` bytes for CONSTRUCT)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    boolean: bool | None = None
    graph: bytes | None = None


def open_source(source: Path | str) -> Store:
    """An Oxigraph store over a graph file (loaded in memory) or a store folder (read-only)."""
    p = Path(source)
    if p.is_dir():
        try:
            return Store.read_only(str(p))
        except OSError as exc:
            raise GraphError(f"{p}: not a readable store ({exc})") from None
    if not p.exists():
        raise GraphError(f"{p}: no such graph file or store")
    store = Store()
    store.bulk_extend(read_quads(p))
    return store


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
    if re.fullmatch(r"[\w-]+", text_or_path) and shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    return text_or_path


def guard(query: str, store: Store | None = None) -> None:
    """Refuse updates, SERVICE, LOAD and FROM of graphs the source does not hold."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryRejected(f"query of {len(query):,} characters is over the {MAX_QUERY_CHARS:,} limit")
    bare = _COMMENTS.sub(" ", _STRINGS.sub('""', query))
    no_iris = _IRI.sub("<>", bare)
    if m := _UPDATE.search(no_iris):
        raise QueryRejected(f"{m.group(1).upper()} is an update: queries are read-only")
    if _SERVICE.search(no_iris):
        raise QueryRejected("SERVICE is refused: queries never reach other endpoints")
    for m in _FROM.finditer(bare):
        iri = m.group(1)
        local = store is not None and iri.startswith("<") and NamedNode(iri[1:-1]) in set(store.named_graphs())
        if not local:
            raise QueryRejected(f"FROM {iri} is refused: only graphs already in the source can be queried")


def bind(query: str, params: dict[str, str]) -> str:
    """Replace ``?name`` by a literal value; IRIs given as <...> stay IRIs."""
    for name, value in params.items():
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"bad parameter name {name!r}")
        if value.startswith("<") and value.endswith(">") and _IRI.fullmatch(value):
            term = value
        elif re.fullmatch(r"Q\d+", value):
            term = f"<http://www.wikidata.org/entity/{value}>"
        else:
            term = json.dumps(value, ensure_ascii=False)
        query = re.sub(rf"[?$]{name}\b", term, query)
    return query


def _term(t: object) -> str:
    if t is None:
        return ""
    if isinstance(t, (NamedNode, Literal, BlankNode)):
        return t.value
    return str(t)


def _execute(store: Store, query: str) -> Result:
    try:
        res = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {str(exc).splitlines()[0][:200]}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {str(exc).splitlines()[0][:200]}") from None
    if isinstance(res, bool):
        return Result((), (), boolean=res)
    if isinstance(res, QuerySolutions):
        names = tuple(v.value for v in res.variables)
        rows = tuple(tuple(_term(sol[n]) for n in names) for sol in res)
        return Result(names, rows)
    from pyoxigraph import RdfFormat, serialize

    return Result((), (), graph=serialize(list(res), format=RdfFormat.TURTLE))


def _child(conn, store: Store, query: str) -> None:  # type: ignore[no-untyped-def]
    try:
        conn.send(("ok", _execute(store, query)))
    except QueryError as exc:
        conn.send(("error", exc.message))
    except Exception as exc:
        conn.send(("error", f"query failed: {exc.__class__.__name__}"))
    finally:
        conn.close()


def run_query(store: Store, query: str, timeout: float = 30.0, params: dict[str, str] | None = None) -> Result:
    """Guard, then run ``query`` with a wall-clock limit."""
    if params:
        query = bind(query, params)
    guard(query, store)
    try:
        ctx = mp.get_context("fork")
    except ValueError:  # no fork (Windows, macOS spawn): run inline, no hard timeout
        return _execute(store, query)
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, store, query), daemon=True)
    proc.start()
    child.close()
    if not parent.poll(timeout):
        proc.kill()
        proc.join()
        raise QueryTimeout(f"query ran over the {timeout:g} s limit and was stopped")
    try:
        status, payload = parent.recv()
    except EOFError:
        raise QueryError("query process ended without an answer") from None
    finally:
        proc.join()
    if status == "error":
        raise QueryError(str(payload).removeprefix("[KG103] "))
    return payload


def format_result(result: Result, fmt: str = "table") -> str:
    if result.boolean is not None:
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if result.graph is not None:
        return result.graph.decode("utf-8")
    if fmt == "json":
        return json.dumps({"head": {"vars": list(result.variables)},
                           "results": {"bindings": [{v: {"type": "literal", "value": x}
                                                     for v, x in zip(result.variables, row, strict=True) if x}
                                                    for row in result.rows]}}, ensure_ascii=False, indent=1)
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
