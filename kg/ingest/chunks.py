"""Long texts -> pieces under a size limit, with the offset of each piece in the text.

spaCy refuses texts over ``nlp.max_length`` (E088, 1,000,000 characters by
default) and needs about 1 GB per 100,000 characters to parse; raising the
limit is not the fix. Cut the text instead, at the best boundary before the
limit: a blank line, else a line break, else a sentence end, else any space,
else (a single 100 kB token) anywhere. Pieces concatenate back to the text
exactly, so a token at ``piece.start + token.idx`` is at that offset in the
article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DEFAULT_LIMIT = 100_000
_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?…][\"'»”’)\]]*\s+"),
               re.compile(r"\s+"))


@dataclass(frozen=True, slots=True)
class Chunk:
    """``text`` starts at offset ``start`` of the text it was cut from."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def chunks(text: str, limit: int = DEFAULT_LIMIT) -> Iterator[Chunk]:
    """Pieces of at most ``limit`` characters covering ``text`` exactly, in order."""
    if limit < 1:
        raise ValueError("limit must be positive")
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        yield Chunk(start, text[start:cut])
        start = cut
    if start < len(text) or not text:
        yield Chunk(start, text[start:])


def _cut(text: str, start: int, stop: int) -> int:
    """The end of the last boundary in text[start:stop], preferring stronger ones; never ``start``."""
    # Only look in the second half of the window: a cut near ``start`` would make tiny chunks.
    low = start + (stop - start) // 2
    for boundary in _BOUNDARIES:
        last = None
        for m in boundary.finditer(text, low, stop):
            last = m
        if last is not None and last.end() > start:
            return last.end()
    return stop
