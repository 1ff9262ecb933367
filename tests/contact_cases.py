"""Helpers for the sentence tables of test_contacts_fr.py and test_contacts_en.py."""

from __future__ import annotations

from kg.pipeline import Extractor
from tests.conftest import make_article

Row = tuple[tuple[str, ...], str, str, str | None]


def events(extractor: Extractor, text: str, published: str | None, lang: str) -> list[Row]:
    """The extracted contacts as (participants' English labels, mode, status, date), sorted."""
    result = extractor.extract(make_article(text, published, lang))
    return sorted(((tuple(sorted(p.label_en for p in e.participants)), e.mode.value, e.status.value,
                    e.date.iso() if e.date else None) for e in result.events), key=_order)


def normalise(rows: list[Row]) -> list[Row]:
    return sorted(((tuple(sorted(names)), mode, status, date) for names, mode, status, date in rows), key=_order)


def _order(row: Row) -> tuple:
    return *row[:3], row[3] or ""  # undated rows sort first, and None never meets a str
