"""Inputs -> Articles, lazily: folders, .txt, .jsonl, .html files and ``-`` (JSONL on stdin).

Everything is a generator: folders are walked one directory at a time, JSONL is
read line by line, and no file is read before the consumer asks for its
article, so memory stays bounded whatever the size of the input.

Encoding policy (see ``kg.ingest.decode``): a BOM decides; otherwise the bytes
must be UTF-8; UTF-8 with a few broken bytes keeps its valid text (bad bytes
become U+FFFD); anything else is read as cp1252 (the superset of latin-1 that
scrapes use), with a warning. ``--encoding`` forces one codec and turns
undecodable bytes into an error that names the file. The body is then cleaned
(see ``kg.ingest.clean``): offsets in the output graph always index the cleaned
body.

Every problem becomes one line naming the item (``path``, or ``path:line`` for
JSONL) and the reason: a ``Skipped`` when the item is not read, a warning
through ``on_warning`` when it is read with a change (a date ignored, bytes
replaced).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import EmptyInput, HeaderError, InputError
from kg.ingest.clean import clean_line, clean_text, one_line
from kg.ingest.decode import decode
from kg.model import Article, FuzzyDate

__all__ = ["HEADER", "MAX_BYTES", "SUFFIXES", "Line", "Skipped", "Source", "article_from_text", "clean_text", "decode",
           "expand_paths", "iter_articles", "iter_inputs", "parse_header", "read_input", "read_text_file"]

# " date 2024-03-05 Title". The date must start with a digit, so a French first
# line such as "Date limite pour..." is text, while "date 2022-13-45" is a
# (broken) header.
HEADER = re.compile(r"^[ \t]*date[ \t]+(?P<date>\d\S*)(?:[ \t]+(?P<title>.*?))?[ \t]*$")
MAX_BYTES = 20_000_000
STDIN = "-"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
# A published date later than today (plus a day for time zones) is a scraper error.
FUTURE_SLACK = dt.timedelta(days=1)

Warn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that was not read, and why (one line, naming the item)."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        # Both may hold untrusted text (file names, exception messages): one line, printable.
        object.__setattr__(self, "origin", one_line(self.origin))
        object.__setattr__(self, "reason", one_line(self.reason))

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def display(path: Path | str) -> str:
    """A path as shown in messages and ``Article.origin``: one line, no control characters."""
    return one_line(os.fspath(path), limit=1000)


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
        raise HeaderError(f"{origin}: bad date in header: {one_line(raw, 40)!r} (expected YYYY-MM-DD or YYYY-MM); "
                          "read without it") from None
    title = (m.group("title") or "").strip() or None
    return date, title


def check_published(date: FuzzyDate | None, origin: str, warnings: list[str] | None) -> FuzzyDate | None:
    """``date``, or None with a warning when it lies in the future (it would date "Tuesday" wrongly)."""
    if date is None or date.first_day() <= dt.datetime.now(dt.UTC).date() + FUTURE_SLACK:
        return date
    if warnings is not None:
        warnings.append(f"{origin}: publication date {date.iso()} is in the future; ignored")
    return None


def article_from_text(text: str, ident: str, origin: str, published: FuzzyDate | None = None,
                      lang: str | None = None, title: str | None = None, url: str | None = None,
                      warnings: list[str] | None = None) -> Article:
    """Build an Article from decoded text with an optional header line.

    A header whose date is garbled, impossible or in the future still marks the
    first line as a header: the article is read without that date (``published``
    stays the fallback) and the problem is reported in ``warnings`` rather than
    losing the article.
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
        date, title = header[0], header[1] or title
        if date is not published:  # a date read from the header, not the fallback
            published = check_published(date, origin, warnings) or published
        body = rest
    else:
        body = text
    body = body.strip("\n")
    title = clean_line(title) if title else None
    if not body.strip() and not title:
        raise EmptyInput(f"{origin}: empty article")
    if not body.strip():
        body = title or ""
    return Article(clean_line(ident) or "x", body, title, published, lang, url, origin)


def read_bytes(path: Path, origin: str, limit: int = MAX_BYTES) -> bytes:
    try:
        # O_NONBLOCK: a FIFO put in place of a file must not block the batch on open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{origin}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{origin}: not a regular file")
        if info.st_size > limit:
            raise InputError(f"{origin}: {info.st_size:,} bytes is over the {limit:,}-byte limit for one article")
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{origin}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > limit:  # grew while we read it
        raise InputError(f"{origin}: over the {limit:,}-byte limit for one article")
    return data


def read_text_file(path: Path, published: FuzzyDate | None = None, encoding: str | None = None,
                   lang: str | None = None, ident: str | None = None) -> tuple[Article, str | None]:
    """One ``.txt`` article; raises InputError with the file name on failure."""
    origin = display(path)
    text, warning = decode(read_bytes(path, origin), origin, encoding)
    warnings = [f"{origin}: {warning}"] if warning else []
    article = article_from_text(text, ident or path.name, origin, published, lang, warnings=warnings)
    return article, "; ".join(w.removeprefix(f"{origin}: ") for w in warnings) or None


@dataclass(frozen=True, slots=True)
class Source:
    """One input found by ``expand_paths``: a file (with the id its article gets) or stdin."""

    path: Path | None  # None for stdin
    ident: str

    @property
    def origin(self) -> str:
        return "<stdin>" if self.path is None else display(self.path)

    @property
    def kind(self) -> str:
        if self.path is None:
            return "jsonl"
        suffix = self.path.suffix.lower()
        return "jsonl" if suffix in JSONL_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "text"


@dataclass(frozen=True, slots=True)
class Line:
    """One JSONL line as read from its file, not yet decoded or parsed (see ``kg.ingest.jsonl.read_line``)."""

    where: str  # "path:line"
    data: bytes | str  # the raw bytes; text when the file is UTF-16/32, decoded as a whole to find its lines

    @property
    def origin(self) -> str:
        return self.where


def expand_paths(paths: Iterable[Path | str], suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[Source | Skipped]:
    """Inputs under the given paths, in a stable order, one directory listed at a time.

    Folders are walked recursively in name order (the order of sorted paths);
    hidden entries are left out and symbolic links to folders are not followed
    (a loop would never end). A file named explicitly is read whatever its
    suffix (as text unless .jsonl/.html); in folders only ``suffixes`` count.
    A file's article id is its name, or its path relative to the folder given
    when it sits in a subfolder (so two "index.html" do not share an id).
    """
    for raw in paths:
        if os.fspath(raw) == STDIN:
            yield Source(None, "<stdin>")
            continue
        p = Path(raw)
        try:
            info = p.stat()
        except OSError as exc:
            reason = "no such file or folder" if isinstance(exc, FileNotFoundError) else \
                f"cannot open ({exc.strerror or exc.__class__.__name__})"
            yield Skipped(display(p), reason)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(p, suffixes)
        elif stat.S_ISREG(info.st_mode):
            yield Source(p, p.name)
        else:
            yield Skipped(display(p), "not a regular file or folder")


def _walk(root: Path, suffixes: tuple[str, ...]) -> Iterator[Source | Skipped]:
    # An explicit stack, not recursion: a deep tree must not hit the recursion limit.
    stack: list[tuple[Path, Iterator[str]]] = []
    listing = _listing(root)
    if isinstance(listing, Skipped):
        yield listing
        return
    stack.append((root, listing))
    while stack:
        folder, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        path = folder / name
        try:
            info = os.lstat(path)
            if stat.S_ISDIR(info.st_mode):
                listing = _listing(path)
                if isinstance(listing, Skipped):
                    yield listing
                else:
                    stack.append((path, listing))
                continue
            if stat.S_ISLNK(info.st_mode) and path.is_dir():
                yield Skipped(display(path), "symbolic link to a folder, not followed")
                continue
            if path.suffix.lower() not in suffixes:
                continue
            if not path.is_file():
                yield Skipped(display(path), "not a regular file")
                continue
        except OSError as exc:
            yield Skipped(display(path), f"cannot open ({exc.strerror or exc.__class__.__name__})")
            continue
        yield Source(path, path.relative_to(root).as_posix())


def _listing(folder: Path) -> Iterator[str] | Skipped:
    """One folder's visible names in order: the only listing held in memory at a time (names only, no stat)."""
    try:
        with os.scandir(folder) as it:
            return iter(sorted(e.name for e in it if not e.name.startswith(".")))
    except OSError as exc:
        return Skipped(display(folder), f"cannot list folder ({exc.strerror or exc.__class__.__name__})")


def iter_articles(paths: Iterable[Path | str], published: FuzzyDate | None = None, encoding: str | None = None,
                  lang: str | None = None, on_warning: Warn | None = None, *,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Skipped]:
    """Articles from files, folders and ``-`` (JSONL on stdin); unreadable items come out as ``Skipped``.

    Lazy: one file (or one JSONL line) is read per article asked for.
    ``lang`` forces the language of every article; without it a JSONL line's
    ``lang`` field is used, else the language is detected later.
    """
    warn = on_warning or (lambda _msg: None)
    for item in iter_inputs(paths, encoding, stdin=stdin):
        if isinstance(item, Skipped):
            yield item
            continue
        article, warnings = read_input(item, published, encoding, lang)
        for w in warnings:
            warn(w)
        if article is not None:
            yield article


def iter_inputs(paths: Iterable[Path | str], encoding: str | None = None, *,
                stdin: BinaryIO | None = None) -> Iterator[Source | Line | Skipped]:
    """What ``iter_articles`` reads, before it is read: files, raw JSONL lines, and what cannot be opened.

    The cheap, ordered half of reading (walking folders, splitting JSONL into
    lines); ``read_input`` is the costly half, which ``kg build`` runs in its
    worker processes.
    """
    from kg.ingest.jsonl import iter_lines

    stdin_used = False
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield item
        elif item.path is None:
            if stdin_used:
                yield Skipped("<stdin>", "given twice; read once")
                continue
            stdin_used = True
            yield from iter_lines(stdin or sys.stdin.buffer, "<stdin>", encoding)
        elif item.kind == "jsonl":
            try:
                fh = item.path.open("rb")
            except OSError as exc:
                yield Skipped(item.origin, f"cannot read ({exc.strerror or exc.__class__.__name__})")
                continue
            with fh:
                yield from iter_lines(fh, item.origin, encoding)
        else:
            yield item


def read_input(item: Source | Line, published: FuzzyDate | None = None, encoding: str | None = None,
               lang: str | None = None) -> tuple[Article | Skipped | None, list[str]]:
    """One input -> its article (a Skipped saying why not; None for a blank line) and the warnings, each naming it."""
    warnings: list[str] = []
    if isinstance(item, Line):
        from kg.ingest.jsonl import read_line

        return read_line(item, published, encoding, lang, warnings.append), warnings
    assert item.path is not None, "stdin is read as lines"
    try:
        if item.kind == "html":
            from kg.ingest.html import read_html_file

            article, warning = read_html_file(item.path, published, encoding, lang, item.ident)
        else:
            article, warning = read_text_file(item.path, published, encoding, lang, item.ident)
    except InputError as exc:
        return Skipped(item.origin, exc.message.removeprefix(f"{item.origin}: ")), warnings
    if warning:
        warnings.append(f"{item.origin}: {warning}")
    return article, warnings
