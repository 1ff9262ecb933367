"""Which language an article is in: the explicit one, else py3langid's guess."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED = ("fr", "en")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loading the model costs about a second: only done when a text has no language.
    from py3langid import langid

    return langid


def warm_up() -> None:
    """Load the identifier's model now (it is loaded lazily on its first use)."""
    _identifier().classify("warm up")


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, from its first few thousand characters."""
    sample = text[:4000]
    if not sample.strip():
        return "und"
    lang, _ = _identifier().classify(sample)
    return str(lang)


def language_of(text: str, explicit: str | None = None) -> str:
    return (explicit or detect(text)).lower()[:2]
