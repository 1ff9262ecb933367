"""Bytes -> text by one documented policy, the same for every input format.

1. ``encoding`` given (``--encoding``): that codec, strictly. Undecodable bytes
   are an error naming the file and the first bad byte, suggesting another
   ``--encoding``; binary sniffing is off (the user says it is text).
2. A byte-order mark decides: UTF-8, UTF-16 or UTF-32 (BOM removed).
3. Known binary formats (PDF, ZIP/DOCX, images, gzip...) and data full of NUL
   bytes are refused, except UTF-16 without a BOM, recognised by NUL bytes in
   every other position.
4. For HTML only: a ``<meta charset>`` declared in the first 4 kB, if Python
   knows the codec.
5. Valid UTF-8.
6. UTF-8 with a few broken bytes (the text also holds valid multi-byte UTF-8
   sequences): read as UTF-8, each bad byte becomes U+FFFD, with a warning.
7. Otherwise cp1252 (what Windows scrapes and most "latin-1" files really are:
   it adds smart quotes, dashes and the euro sign to latin-1), with a warning;
   its five unassigned bytes become U+FFFD.

The result never holds a lone surrogate (no ``surrogateescape``): cleaning
replaces any that a codec or a JSON escape produced.
"""

from __future__ import annotations

import codecs
import re

from kg.errors import DecodeError

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Only signatures that text cannot start with (they hold bytes below 0x20 or above 0x7f),
# or that no article starts with ("%PDF-"): the NUL and control-byte checks catch the rest.
_MAGIC = (
    (b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT)"), (b"\x1f\x8b", "gzip data"),
    (b"\x89PNG", "a PNG image"), (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"\x7fELF", "an executable"), (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"SQLite format 3\x00", "a database"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
)
# WHATWG: pages labelled latin-1 or ASCII are decoded as windows-1252 by every browser.
_HTML_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_SNIFF = 4096


def decode(data: bytes, origin: str, encoding: str | None = None, *, html: bool = False,
           sniff: bool = True) -> tuple[str, str | None]:
    """Bytes -> (text, warning or None) by the module's policy; raises DecodeError naming ``origin``.

    ``sniff=False`` skips step 3, for one JSONL line (its file was sniffed as a whole, and
    a line of control bytes is simply not JSON).
    """
    if encoding:
        return _forced(data, origin, encoding), None
    for bom, codec in BOMS:
        if data.startswith(bom):
            if codec == "utf-8":
                return _utf8(data[len(bom):])
            return _strict(data, origin, codec, "after its byte-order mark"), None
    binary = looks_binary(data) if sniff else None
    if binary == "utf-16":
        le = data[1:_SNIFF:2].count(0) > data[0:_SNIFF:2].count(0)
        return _strict(data, origin, "utf-16-le" if le else "utf-16-be", "(no byte-order mark)"), None
    if binary:
        raise DecodeError(f"{origin}: looks like {binary}, not an article; pass --encoding if it is text")
    declared = _declared_charset(data) if html else None
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), None
        except UnicodeDecodeError:
            return data.decode(declared, errors="replace"), f"bytes invalid in its declared charset {declared} " \
                                                             "replaced by U+FFFD"
    return _utf8(data)


def _utf8(data: bytes) -> tuple[str, str | None]:
    """Steps 5 to 7: UTF-8, UTF-8 with a few broken bytes, or cp1252."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if any(ord(ch) >= 0x80 and ch != "\ufffd" for ch in text):
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        return text, f"invalid UTF-8 ({bad} byte sequence{'s' if bad > 1 else ''} replaced by U+FFFD)"
    return data.decode("cp1252", errors="replace"), "not UTF-8, read as cp1252 (use --encoding to choose)"


def looks_binary(data: bytes) -> str | None:
    """What the bytes look like if not text ("a PDF file"...), "utf-16" for BOM-less UTF-16, else None."""
    head = data[:_SNIFF]
    if len(head) >= 4 and len(head) % 2 == 0:
        odd, even = head[1::2].count(0), head[0::2].count(0)
        half = len(head) // 2
        # Latin-script UTF-16 has a NUL in one position of nearly every pair, never in both.
        if max(odd, even) >= 0.6 * half and min(odd, even) <= 0.02 * half:
            return "utf-16"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.count(0) > len(head) // 100:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\r\x0c")
    if head and controls > len(head) // 20:
        return "binary data (control bytes)"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_SNIFF])
    if not m:
        return None
    try:
        info = codecs.lookup(m.group(1).decode("ascii"))
    except LookupError:
        return None
    # A page that claims UTF-16 but was read as bytes here is lying (it would have a BOM or NULs).
    if info.name.startswith(("utf-16", "utf-32")) or not getattr(info, "_is_text_encoding", True):
        return None
    return _HTML_ALIASES.get(info.name, info.name)


def check_encoding(encoding: str) -> str:
    """The canonical name of a text codec; raises DecodeError for unknown or non-text codecs."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r} (try utf-8, cp1252, latin-1 or utf-16)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise DecodeError(f"{encoding!r} is not a text encoding (try utf-8, cp1252, latin-1 or utf-16)")
    return info.name


def _forced(data: bytes, origin: str, encoding: str) -> str:
    codec = check_encoding(encoding)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{origin}: cannot decode as {codec}: byte 0x{data[exc.start]:02x} at offset "
                          f"{exc.start} is invalid; try another --encoding") from None
    # A forced UTF-8/16 file may still start with its BOM: it is not text.
    return text[1:] if text.startswith("\ufeff") else text


def _strict(data: bytes, origin: str, codec: str, where: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{origin}: invalid {codec.upper()} {where}: bad bytes at offset {exc.start}; "
                          "pass --encoding if the file is in another encoding") from None
    return text[1:] if text.startswith("\ufeff") else text
