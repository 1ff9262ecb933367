"""Text cleaning (the text every offset refers to) and one-line display of untrusted strings.

Cleaning is the last step of reading: whatever the source (a file, a JSONL
field, an HTML page), the article body is NFC, has no invisible characters and
no lone surrogates, and uses ``\\n`` line ends. Offsets in the graph index this
cleaned text, so cleaning must never depend on anything but the text itself.
"""

from __future__ import annotations

import re
import unicodedata

# Controls other than tab/newline and Unicode's default-ignorable characters
# (zero-width spaces and joiners, bidi controls, the soft hyphen, variation
# selectors, tag characters) plus non-characters: invisible, they split names ("Mac\u200bron", "Ma\u00adcron")
# and can disguise text (U+202E reverses what a reader sees).
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\ufffe\uffff\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# Characters that break lines (vertical tab, form feed, NEL, line/paragraph separators).
_BREAKS = re.compile("\r\n|[\r\u000b\u000c\u0085\u2028\u2029]")
# Half of a UTF-16 pair without its other half (JSON "\ud800" escapes, surrogateescape'd
# file names): UTF-8 cannot encode it, so Turtle output would fail at write time.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """NFC, no invisible characters or lone surrogates, Unix line ends."""
    text = _SURROGATE.sub("\ufffd", text)
    text = _BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    # NFC last: removing a joiner between a letter and its accent changes what composes.
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """``clean_text`` for a one-line field (title, id, url): whitespace runs become one space."""
    return " ".join(clean_text(text).split())


def one_line(text: str, limit: int = 400) -> str:
    """A message-safe rendering: control, format and separator characters escaped, length capped.

    File names and reasons are untrusted: a newline would forge a second message
    line, an ANSI escape would drive the terminal, a lone surrogate (from an
    undecodable file name) would make ``print`` fail.
    """
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn") and ch != " ":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
        if len(out) > limit:
            return "".join(out[:limit]) + "…"
    return "".join(out)
