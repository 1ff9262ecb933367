"""Reading and writing graphs: deterministic serialisation, atomic writes, strict parsing.

Serialisation goes through Oxigraph (fast, and the input order is kept, so
sorted quads give byte-identical files). Writes go to a temporary file in the
target folder, then ``os.replace``: an interrupted run leaves the previous
output intact. Parsing is strict and never fetches anything: formats that can
pull remote content (JSON-LD contexts, RDF/XML entities) are not accepted as
input.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Triple, parse, serialize

from kg.errors import GraphError
from kg.rdf.vocab import PREFIXES

FORMATS = {"turtle": RdfFormat.TURTLE, "ttl": RdfFormat.TURTLE, "trig": RdfFormat.TRIG,
           "nquads": RdfFormat.N_QUADS, "nq": RdfFormat.N_QUADS, "ntriples": RdfFormat.N_TRIPLES,
           "nt": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}
QUAD_FORMATS = {RdfFormat.TRIG, RdfFormat.N_QUADS}
# Input formats we parse from files: no JSON-LD (remote @context) and no RDF/XML (DOCTYPE entities).
READABLE = {".ttl": RdfFormat.TURTLE, ".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS, ".nt": RdfFormat.N_TRIPLES}


@contextlib.contextmanager
def atomic_output(path: Path | str, mode: str = "wb") -> Iterator:
    """A file object that replaces ``path`` only when the block completes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    # mkstemp makes the file private (0600); outputs are ordinary shared files. (Reading
    # the umask would mean setting it, which races with other threads.)
    os.chmod(tmp, 0o644)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": "\n"})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def to_bytes(quads: Iterable[Quad], fmt: RdfFormat = RdfFormat.TURTLE) -> bytes:
    """Serialise; triple formats get the union of all graphs."""
    if fmt in QUAD_FORMATS:
        return serialize(quads, format=fmt, prefixes=PREFIXES if fmt is RdfFormat.TRIG else None)
    seen: set[Triple] = set()
    triples = []
    for q in quads:
        t = q.triple
        if t not in seen:
            seen.add(t)
            triples.append(t)
    triples.sort(key=triple_key)
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.JSON_LD) else None
    return serialize(triples, format=fmt, prefixes=prefixes)


def triple_key(t: Triple) -> tuple[str, str, str]:
    """The order Turtle files are written in (to_bytes and write_turtle_streams agree)."""
    return str(t.subject), str(t.predicate), str(t.object)


def write_turtle_streams(streams: Iterable[Iterable[Triple]], path: Path | str) -> None:
    """Turtle from several triple streams, each already in ``triple_key`` order.

    The streams are merged and de-duplicated on the fly and serialised as they
    come, so a graph of 100,000 articles is written without ever holding all
    its triples: the same bytes as ``write_graph`` would give, in flat memory.
    """
    merged = heapq.merge(*streams, key=triple_key)

    def unique() -> Iterator[Triple]:
        last = None
        for t in merged:
            if t != last:
                yield t
                last = t

    with atomic_output(path) as fh:
        serialize(unique(), fh, format=RdfFormat.TURTLE, prefixes=PREFIXES)


def write_graph(quads: Iterable[Quad], path: Path | str, fmt: RdfFormat | str = RdfFormat.TURTLE) -> None:
    if isinstance(fmt, str):
        fmt = FORMATS[fmt]
    data = to_bytes(quads, fmt)
    with atomic_output(path) as fh:
        fh.write(data)


def read_quads(path: Path | str) -> list[Quad]:
    """Strictly parse a Turtle/TriG/N-Quads/N-Triples file into quads."""
    p = Path(path)
    fmt = READABLE.get(p.suffix.lower())
    if fmt is None:
        raise GraphError(f"{p}: unsupported graph format {p.suffix!r} (use .ttl, .trig, .nq or .nt)")
    try:
        with p.open("rb") as fh:
            items = list(parse(fh, format=fmt, lenient=False))
    except OSError as exc:
        raise GraphError(f"{p}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    except SyntaxError as exc:
        raise GraphError(f"{p}: not valid {fmt.name}: {str(exc).splitlines()[0][:200]}") from None
    return [q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in items]


def to_rdflib(quads: Iterable[Quad]):  # type: ignore[no-untyped-def]
    """An rdflib Dataset with the same quads (for SHACL and rdflib users)."""
    import rdflib

    ds = rdflib.Dataset()
    ds.parse(data=serialize(quads, format=RdfFormat.N_QUADS), format="nquads")
    return ds


__all__ = ["FORMATS", "atomic_output", "read_quads", "to_bytes", "to_rdflib", "write_graph"]
