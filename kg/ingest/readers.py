"""Files -> Articles: decoding, the optional date header, and cleaning.

Encoding policy: a BOM decides (UTF-8, UTF-16); otherwise the bytes must be
UTF-8; otherwise, if ``encoding`` was not forced, they are read as cp1252
(a superset of latin-1 for printable text, and what Windows scrapes use) with
a warning. ``--encoding`` forces one codec and turns undecodable bytes into an
error that names the file. The body is then cleaned (see ``clean_text``):
offsets in the output graph always index the cleaned body.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import DecodeError, EmptyInput, HeaderError, InputError
from kg.model import Article, FuzzyDate

HEADER = re.compile(r"^[ \t\ufeff]*date[ \t]+(?P<date>\S+)(?:[ \t]+(?P<title>.*?))?[ \t]*$")
# Controls other than tab/newline, zero-width characters and bidi overrides:
# invisible, they split names ("Mac\u200bron") and can disguise text.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that was not read, and why (one line, naming the item)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def decode(data: bytes, origin: str, encoding: str | None = None) -> tuple[str, str | None]:
    """Bytes -> text by the documented policy; returns (text, warning or None)."""
    if encoding:
        try:
            return data.decode(encoding), None
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"{origin}: cannot decode as {encoding} ({exc.__class__.__name__}); "
                              "try another --encoding") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise DecodeError(f"{origin}: invalid UTF-16 after a UTF-16 byte-order mark") from None
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 8:
        raise DecodeError(f"{origin}: looks binary (NUL bytes), not an article; pass --encoding if it is text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not UTF-8, read as cp1252 (use --encoding to choose)"


def clean_text(text: str) -> str:
    """NFC, no invisible characters, Unix line ends: the text every offset refers to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def parse_header(first_line: str, origin: str) -> tuple[FuzzyDate, str | None] | None:
    """The ``date D TITLE`` header, or None when the line is not a header."""
    m = HEADER.match(first_line)
    if not m:
        return None
    raw = m.group("date")
    try:
        date = FuzzyDate.parse(raw)
        if date.precision.value == 1:
            raise ValueError("a year alone")
    except ValueError:
        raise HeaderError(f"{origin}: bad date in header: {raw!r} (expected YYYY-MM-DD or YYYY-MM)") from None
    title = (m.group("title") or "").strip() or None
    return date, title


def article_from_text(text: str, ident: str, origin: str, published: FuzzyDate | None = None,
                      lang: str | None = None, title: str | None = None, url: str | None = None,
                      warnings: list[str] | None = None) -> Article:
    """Build an Article from decoded text with an optional header line.

    A header whose date is garbled still marks the first line as a header: the
    article is read without that date (``published`` stays the fallback) and
    the problem is reported in ``warnings`` rather than losing the article.
    """
    text = clean_text(text)
    first, _, rest = text.partition("\n")
    try:
        header = parse_header(first, origin)
    except HeaderError as exc:
        if warnings is not None:
            warnings.append(exc.message)
        m = HEADER.match(first)
        header = (published, (m.group("title") or "").strip() or None) if m else None
    if header is not None:
        published, title = header[0], header[1] or title
        body = rest
    else:
        body = text
    body = body.strip("\n")
    if not body.strip() and not (title or "").strip():
        raise EmptyInput(f"{origin}: empty article")
    if not body.strip():
        body = title or ""
    return Article(ident, body, title, published, lang, url, origin)


def read_text_file(path: Path, published: FuzzyDate | None = None, encoding: str | None = None,
                   lang: str | None = None) -> tuple[Article, str | None]:
    """One ``.txt`` article; raises InputError with the file name on failure."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{origin}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit for one article")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{origin}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    text, warning = decode(data, origin, encoding)
    warnings = [warning] if warning else []
    article = article_from_text(text, path.name, origin, published, lang, warnings=warnings)
    return article, "; ".join(w.removeprefix(f"{origin}: ") for w in warnings) or None


def expand_paths(paths: Iterable[Path | str], suffixes: tuple[str, ...] = (".txt",)) -> Iterator[Path | Skipped]:
    """Files under the given paths (folders recursively), in sorted order."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if f.suffix.lower() in suffixes and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield f
        elif p.is_file():
            yield p
        else:
            yield Skipped(str(p), "no such file or folder")


def iter_articles(paths: Iterable[Path | str], published: FuzzyDate | None = None, encoding: str | None = None,
                  lang: str | None = None, on_warning=None) -> Iterator[Article | Skipped]:
    """Articles from files and folders; unreadable items come out as ``Skipped``."""
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            article, warning = read_text_file(item, published, encoding, lang)
        except InputError as exc:
            yield Skipped(str(item), exc.message.removeprefix(f"{item}: "))
            continue
        if warning and on_warning is not None:
            on_warning(f"{item}: {warning}")
        yield article
