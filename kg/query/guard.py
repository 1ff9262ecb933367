"""What a read-only, offline SPARQL query may not do, checked before it runs.

Oxigraph would run ``SERVICE`` calls over HTTP (a query could make the tool
reach any address), so every query is tokenised first: keywords count only
outside IRIs, strings and comments, which a regular expression over the raw
text cannot tell apart (``<http://x#>`` is not a comment; ``"SERVICE"`` is not
a keyword). Refused: updates, ``LOAD``, ``SERVICE`` (``SILENT`` or nested),
``FROM`` / ``FROM NAMED`` graphs the source does not hold, queries over the
size limit and queries nested deeper than Oxigraph's recursive parser should
be asked to go.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

from kg.errors import QueryRejected

MAX_QUERY_CHARS = 100_000
MAX_DEPTH = 64

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>(?:[^\W\d][\w.-]*)?:(?:[\w:%.\\-]*[\w:%-])?)
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d[\d.eE+-]*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_OPEN, _CLOSE = set("{(["), set("})]")


def tokens(query: str) -> Iterator[tuple[str, str]]:
    """(kind, text) pairs, whitespace and comments dropped."""
    for kind, text, _ in spans(query):
        yield kind, text


def spans(query: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) triples, whitespace and comments dropped."""
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield kind, m.group(), m.start()


def body_start(query: str) -> int | None:
    """Offset just inside the outermost WHERE group (where a VALUES block can bind parameters)."""
    toks = list(spans(query))
    after = next((i for i, (k, t, _) in enumerate(toks) if k == "word" and t.upper() == "WHERE"), None)
    if after is None:
        after = next((i for i, (k, t, _) in enumerate(toks)
                      if k == "word" and t.upper() in ("SELECT", "ASK", "DESCRIBE", "CONSTRUCT")), None)
    if after is None:
        return None
    for kind, text, offset in toks[after:]:
        if kind == "other" and text == "{":
            return offset + 1
    return None


def check(query: str, graphs: set[str] | None = None) -> None:
    """Raise QueryRejected with a short reason, or return when the query may run.

    ``graphs`` are the named graphs of the source: ``FROM`` may pick those only.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryRejected(f"query of {len(query):,} characters is over the {MAX_QUERY_CHARS:,} limit")
    # SPARQL decodes \u escapes before parsing, anywhere in the text: so do we,
    # or "\u0053ERVICE" would slip through.
    toks = list(tokens(_ESCAPE.sub(lambda m: _chr(m.group(1) or m.group(2)), query)))
    prefixes: dict[str, str] = {}
    base = ""
    depth = 0
    for i, (kind, text) in enumerate(toks):
        if kind == "other":
            if text in _OPEN:
                depth += 1
                if depth > MAX_DEPTH:
                    raise QueryRejected(f"query nested deeper than {MAX_DEPTH} levels")
            elif text in _CLOSE:
                depth = max(0, depth - 1)
            continue
        if kind != "word":
            continue
        word = text.upper()
        if word in _UPDATES:
            raise QueryRejected(f"{word} is an update: queries here are read-only")
        if word == "SERVICE":
            raise QueryRejected("SERVICE is refused: queries never reach other endpoints")
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 1][0] == "pname" and toks[i + 2][0] == "iri":
            prefixes[toks[i + 1][1].rstrip(":")] = urljoin(base, toks[i + 2][1][1:-1])
        elif word == "BASE" and i + 1 < len(toks) and toks[i + 1][0] == "iri":
            base = urljoin(base, toks[i + 1][1][1:-1])
        elif word == "FROM":
            j = i + 1
            if j < len(toks) and toks[j][0] == "word" and toks[j][1].upper() == "NAMED":
                j += 1
            target = toks[j] if j < len(toks) else ("other", "")
            iri = _resolve(target, prefixes, base)
            if iri is None or graphs is None or iri not in graphs:
                shown = target[1][:80] or "(nothing)"
                raise QueryRejected(f"FROM {shown} is refused: only graphs already in the source can be queried")


def _chr(hexa: str) -> str:
    try:
        return chr(int(hexa, 16))
    except ValueError:  # beyond Unicode: Oxigraph will refuse the query itself
        return "\ufffd"


def _resolve(token: tuple[str, str], prefixes: dict[str, str], base: str) -> str | None:
    kind, text = token
    if kind == "iri":
        return urljoin(base, text[1:-1]) if base else text[1:-1]
    if kind == "pname":
        prefix, _, local = text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None


__all__ = ["MAX_DEPTH", "MAX_QUERY_CHARS", "body_start", "check", "spans", "tokens"]
