"""The prefilter: cheap, and it never loses a contact the full pipeline finds."""

from __future__ import annotations

import re

import pytest

from kg.extract.prefilter import Prefilter
from kg.gazetteer.load import Gazetteer, shipped_gazetteer
from kg.model import Article, FuzzyDate
from kg.pipeline import Extractor
from tests.conftest import DATA, ROOT


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Emmanuel Macron s'est entretenu avec Vladimir Poutine.", "fr", True),
    ("Le président russe a appelé son homologue.", "fr", True),        # roles alone
    ("Le Premier ministre Kwame Mensah a reçu une délégation.", "fr", True),  # an unknown titled leader
    ("La Bourse de Paris a reculé mardi de 2 %.", "fr", False),         # neither
    ("Emmanuel Macron a inauguré une usine.", "fr", False),              # a leader, no contact word
    ("Les ministres se sont parlé longuement.", "fr", False),           # a contact word, no leader
    ("Biden spoke with Xi on Tuesday.", "en", True),
    ("The Kremlin leader met the US president.", "en", True),
    ("Shares fell 2% in early trading.", "en", False),
    ("Taylor Swift met fans in Paris.", "en", False),
])
def test_prefilter_keeps_what_can_hold_a_contact(mini_gazetteer: Gazetteer, text: str, lang: str,
                                                 expected: bool) -> None:
    assert Prefilter(mini_gazetteer).may_hold_contact(text, lang) is expected


def _corpus(lang: str) -> list[Article]:
    out = []
    for f in sorted((DATA / "corpus" / lang / "texts").glob("*.txt")):
        first, _, rest = f.read_text(encoding="utf-8").partition("\n")
        m = re.match(r"^\s*date\s+(\S+)\s*(.*)$", first)
        assert m, f
        out.append(Article(f.name, rest.strip("\n"), m.group(2) or None, FuzzyDate.parse(m.group(1)), lang))
    seed = ROOT / "seeds" / "000_a750ecfb37264a37.txt"
    if lang == "fr":
        first, _, rest = seed.read_text(encoding="utf-8").partition("\n")
        out.append(Article(seed.name, rest.strip("\n"), "seed", FuzzyDate(2026, 2, 3), "fr"))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_prefilter_loses_no_contact_on_the_corpora(lang: str) -> None:
    gaz = shipped_gazetteer()
    fast, full = Extractor(gaz, parse=True, prefilter=True), Extractor(gaz, parse=True, prefilter=False)
    for article in _corpus(lang):
        assert fast.extract(article).events == full.extract(article).events, article.id


def test_prefilter_drops_neutral_articles_before_parsing(mini_gazetteer: Gazetteer,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.extract import frames_dep

    def no_parse(*_: object, **__: object) -> None:
        raise AssertionError("a neutral article reached the parser")

    monkeypatch.setattr(frames_dep.DependencyRefiner, "for_sentences", no_parse)
    text = "Le CAC 40 a gagné 1 % vendredi, porté par le luxe. " * 50
    art = Article("n.txt", text, None, FuzzyDate(2024, 1, 5), "fr")
    assert Extractor(mini_gazetteer, parse=True).extract(art).events == ()
