"""Shared fixtures: one small gazetteer for unit tests, extractors with and without the parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.gazetteer.load import Gazetteer, load_gazetteer
from kg.model import Article, FuzzyDate
from kg.pipeline import Extractor

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def mini_gazetteer() -> Gazetteer:
    """A hand-made gazetteer: tests do not depend on the shipped data's exact content."""
    return load_gazetteer(DATA / "gazetteer_mini.json")


@pytest.fixture(scope="session")
def rules_extractor(mini_gazetteer: Gazetteer) -> Extractor:
    """Model-free extraction (English always, French without the parser)."""
    return Extractor(mini_gazetteer, parse=False)


@pytest.fixture(scope="session")
def parsing_extractor(mini_gazetteer: Gazetteer) -> Extractor:
    """French with the pinned fr_core_news_md dependency parser."""
    return Extractor(mini_gazetteer, parse=True)


def make_article(text: str, published: str | None, lang: str, ident: str = "t.txt") -> Article:
    return Article(ident, text, None, FuzzyDate.parse(published) if published else None, lang, None, ident)
