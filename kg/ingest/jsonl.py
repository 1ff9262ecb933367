"""JSONL -> Articles, one line at a time: one article per line, one bad line never stops the file.

A line is an object ``{"id", "text", "title", "url", "published", "lang"}``:
``id`` (string or integer) and ``text`` (string) are required; the others may
be missing or null. A line that is not JSON, not an object, too long, or lacks
``id``/``text`` is skipped with a message naming ``file:line``. A wrong type or
an unreadable value in an optional field drops that field with a warning and
keeps the article. Unknown fields are ignored.

Decoding follows the policy of ``kg.ingest.decode`` line by line (a cp1252
line does not change how the next line is read); UTF-16/32 files (a BOM or a
forced codec) are decoded incrementally, and an undecodable byte there ends the
file with a message, since line boundaries are lost after it.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from kg.errors import DecodeError
from kg.ingest.clean import clean_line, clean_text
from kg.ingest.decode import BOMS, check_encoding, decode, looks_binary
from kg.ingest.readers import MAX_BYTES, Line, Skipped, check_published
from kg.model import Article, FuzzyDate

MAX_LINE = MAX_BYTES
_CHUNK = 1 << 16
_DATE = re.compile(r"^\s*(\d{4}-\d{2}(?:-\d{2})?)(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def iter_jsonl(stream: BinaryIO, origin: str, published: FuzzyDate | None = None, encoding: str | None = None,
               lang: str | None = None, warn: Callable[[str], None] = lambda _m: None) -> Iterator[Article | Skipped]:
    """Articles from a JSONL byte stream (a file or stdin), lazily."""
    for line in iter_lines(stream, origin, encoding):
        item = line if isinstance(line, Skipped) else read_line(line, published, encoding, lang, warn)
        if item is not None:
            yield item


def iter_lines(stream: BinaryIO, origin: str, encoding: str | None = None) -> Iterator[Line | Skipped]:
    """The stream's non-blank lines, as read: split, never decoded (``read_line`` does that).

    This is the part of reading that must happen in order, in one process; what
    costs (decoding, JSON, cleaning) is left to ``read_line``, which ``kg build``
    runs in its worker processes.
    """
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    try:
        head = stream.peek(4096)[:4096]  # type: ignore[attr-defined]
    except OSError as exc:
        yield Skipped(origin, f"cannot read ({exc.strerror or exc.__class__.__name__})")
        return
    wide = _wide_codec(head, encoding)
    if wide is None and not encoding:
        binary = looks_binary(head)
        if binary:
            yield Skipped(origin, f"looks like {binary}, not JSONL")
            return
    lines = _text_lines(stream, origin, wide) if wide else _byte_lines(stream, origin)
    for lineno, line in lines:
        if isinstance(line, Skipped):
            yield line
        elif line.strip():  # a line of other blanks (NBSP) is dropped by read_line, once decoded
            yield Line(f"{origin}:{lineno}", line)


def read_line(line: Line, published: FuzzyDate | None = None, encoding: str | None = None, lang: str | None = None,
              warn: Callable[[str], None] = lambda _m: None) -> Article | Skipped | None:
    """One line -> its article, a Skipped naming ``file:line`` and the reason, or None when it is blank.

    Decoding follows ``kg.ingest.decode`` for this line alone: a cp1252 line does
    not change how the next line is read.
    """
    text = line.data
    if isinstance(text, bytes):
        try:
            text, warning = decode(text, line.where, encoding, sniff=False)
        except DecodeError as exc:
            return Skipped(line.where, exc.message.removeprefix(f"{line.where}: "))
        if warning:
            warn(f"{line.where}: {warning}")
        if not text.strip():
            return None
    try:
        return parse_line(text, line.where, published, lang, warn)
    except ValueError as exc:
        return Skipped(line.where, str(exc))


def parse_line(line: str, where: str, published: FuzzyDate | None = None, lang: str | None = None,
               warn: Callable[[str], None] = lambda _m: None) -> Article:
    """One JSONL line -> Article; raises ValueError with the reason (without ``where``)."""
    try:
        obj = json.loads(line)
    except RecursionError:
        raise ValueError("not valid JSON (nested too deeply)") from None
    except ValueError as exc:
        raise ValueError(f"not valid JSON ({_json_reason(exc)})") from None
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {_kind(obj)}")
    ident, text = obj.get("id"), obj.get("text")
    if ident is None or text is None:
        missing = [k for k in ("id", "text") if obj.get(k) is None]
        raise ValueError(f"missing field{'s' if len(missing) > 1 else ''} {' and '.join(map(repr, missing))}")
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        raise ValueError(f"field 'id' must be a string or an integer, got {_kind(ident)}")
    if not isinstance(text, str):
        raise ValueError(f"field 'text' must be a string, got {_kind(text)}")
    ident = clean_line(str(ident))
    if not ident:
        raise ValueError("field 'id' is empty")
    warnings: list[str] = []
    title = _optional_str(obj, "title", where, warnings)
    url = _optional_str(obj, "url", where, warnings)
    date = _published(obj, where, warnings)
    line_lang = _optional_str(obj, "lang", where, warnings)
    if line_lang is not None and not _LANG.match(line_lang):
        warnings.append(f"{where}: field 'lang' {line_lang[:20]!r} is not a language code; ignored")
        line_lang = None
    for w in warnings:
        warn(w)
    body = clean_text(text).strip()
    title = clean_line(title) if title else None
    if not body and not title:
        raise ValueError("empty article (no text and no title)")
    return Article(ident, body or title or "", title, date or published, lang or (line_lang or "").lower() or None,
                   clean_line(url) if url else None, where)


def _optional_str(obj: dict[str, Any], key: str, where: str, warnings: list[str]) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    warnings.append(f"{where}: field {key!r} must be a string, got {_kind(value)}; ignored")
    return None


def _published(obj: dict[str, Any], where: str, warnings: list[str]) -> FuzzyDate | None:
    raw = _optional_str(obj, "published", where, warnings)
    if raw is None or not raw.strip():
        return None
    m = _DATE.match(raw)
    try:
        if not m:
            raise ValueError(raw)
        date = FuzzyDate.parse(m.group(1))
    except ValueError:
        warnings.append(f"{where}: field 'published' {raw[:40]!r} is not a date (YYYY-MM-DD or YYYY-MM); ignored")
        return None
    return check_published(date, where, warnings)


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _json_reason(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return str(exc).splitlines()[0][:120] if str(exc) else exc.__class__.__name__


def _wide_codec(head: bytes, encoding: str | None) -> str | None:
    """The codec when it is UTF-16/32 (lines cannot be split on bytes), else None."""
    if encoding:
        name = check_encoding(encoding)
        return name if name.startswith(("utf-16", "utf-32")) else None
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec if codec != "utf-8" else None
    if looks_binary(head) == "utf-16":
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    return None


def _byte_lines(stream: BinaryIO, origin: str) -> Iterator[tuple[int, bytes | Skipped]]:
    """Lines of an ASCII-compatible stream, undecoded (never more than one line in memory)."""
    lineno = 0
    while True:
        raw = stream.readline(MAX_LINE + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            yield lineno, Skipped(f"{origin}:{lineno}", f"line over the {MAX_LINE:,}-byte limit; skipped")
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(_CHUNK)
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        yield lineno, raw.rstrip(b"\r\n")


def _text_lines(stream: BinaryIO, origin: str, codec: str) -> Iterator[tuple[int, str | Skipped]]:
    """Lines of a UTF-16/32 stream, decoded incrementally; a line is capped at MAX_LINE characters."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    parts: list[str] = []
    size, lineno, skipping, first = 0, 0, False, True
    while True:
        data = stream.read(_CHUNK)
        try:
            piece = decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            yield lineno + 1, Skipped(f"{origin}:{lineno + 1}", f"cannot decode as {codec}; rest of the file skipped "
                                      "(try another --encoding)")
            return
        if first and piece:
            piece, first = piece.removeprefix("\ufeff"), False
        start = 0
        while (nl := piece.find("\n", start)) >= 0:
            lineno += 1
            if skipping:
                pass
            elif size + nl - start > MAX_LINE:
                yield lineno, Skipped(f"{origin}:{lineno}", f"line over the {MAX_LINE:,}-character limit; skipped")
            else:
                parts.append(piece[start:nl])
                yield lineno, "".join(parts).rstrip("\r")
            parts, size, skipping, start = [], 0, False, nl + 1
        if not skipping:
            parts.append(piece[start:])
            size += len(piece) - start
            if size > MAX_LINE:
                yield lineno + 1, Skipped(f"{origin}:{lineno + 1}",
                                          f"line over the {MAX_LINE:,}-character limit; skipped")
                parts, size, skipping = [], 0, True
        if not data:
            rest = "".join(parts)
            if rest and not skipping:
                yield lineno + 1, rest
            return
