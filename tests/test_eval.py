"""kg eval: the scoring harness, and the level the extractor has reached on our corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

from kg.build import build
from kg.evaluate import Pair, evaluate, score_doc
from kg.pipeline import Extractor
from kg.query.engine import open_source
from tests.conftest import DATA

# The level reached when this test was last raised (kg eval ... --texts ...); a drop fails.
# The two "en-fresh" sets were written by other hands after the rules, and measured before being
# looked at (tests/data/corpus/en-fresh-*/README.md): their floors keep the gains on unfamiliar text.
REACHED = {"fr": 0.925, "en": 0.945, "en-fresh-a": 0.58, "en-fresh-b": 0.72}


def _pair(a: str, b: str, date: str | None = None, status: str = "occurred", kind: str = "phone",
          optional: bool = False) -> Pair:
    return Pair(frozenset({a}), frozenset({b}), kind, date, status, optional, f"{a} – {b}")


def test_eval_finer_predicted_date_matches_a_coarser_gold() -> None:
    d = score_doc([_pair("x", "y", "2025-07")], [_pair("y", "x", "2025-07-01")])
    assert d.hits["pair+status+date"] == 1
    d = score_doc([_pair("x", "y", "2025-07-01")], [_pair("x", "y", "2025-07")])
    assert d.hits["pair+status+date"] == 0 and d.hits["pair"] == 1


def test_eval_matching_is_maximal_not_greedy() -> None:
    # An undated gold pair may take either prediction; the dated one can only take one of them.
    gold = [_pair("x", "y", None), _pair("x", "y", "2021-09")]
    preds = [_pair("x", "y", "2021-09"), _pair("x", "y", "2021-11")]
    assert score_doc(gold, preds).hits["pair+status+date"] == 2


def test_eval_optional_gold_is_neither_required_nor_penalised() -> None:
    d = score_doc([_pair("x", "y", optional=True)], [_pair("x", "y")])
    assert (d.hits["pair"], d.gold["pair"], d.predicted["pair"]) == (0, 0, 0)
    d = score_doc([_pair("x", "y", optional=True)], [])
    assert (d.gold["pair"], d.predicted["pair"]) == (0, 0)


def test_eval_reports_misses_and_false_positives() -> None:
    d = score_doc([_pair("x", "y", status="planned")], [_pair("x", "y"), _pair("x", "z")])
    assert len(d.misses) == 1 and len(d.false_positives) == 2


def test_eval_reads_names_and_aliases(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"contacts": [
        {"participants": ["Emmanuel Macron", "Vladimir Poutine"], "type": "phone", "date": "2022-09-11",
         "status": "occurred"}]}), encoding="utf-8")
    (tmp_path / "aliases.tsv").write_text("Vladimir Poutine\tQ7747\n", encoding="utf-8")
    store = Store()
    store.load(input=b"""
        @prefix lc: <https://w3id.org/leader-contacts/ns#> . @prefix wd: <http://www.wikidata.org/entity/> .
        @prefix prov: <http://www.w3.org/ns/prov#> . @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <c> a lc:Contact, lc:PhoneCall ; lc:participant wd:Q3052772, wd:Q7747 ; lc:status lc:Occurred ;
            lc:date "2022-09-11"^^xsd:date ; prov:wasDerivedFrom <art> .
        <art> dcterms:identifier "a.txt" .
        wd:Q3052772 rdfs:label "Emmanuel Macron"@fr .""", format=RdfFormat.TURTLE,
        base_iri="http://example.org/")
    assert evaluate(store, gold).prf("full") == (1.0, 1.0, 1.0)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en", "en-fresh-a", "en-fresh-b"])
def test_eval_corpus_level_does_not_drop(lang: str, tmp_path: Path) -> None:
    corpus = DATA / "corpus" / lang
    build([corpus / "texts"], tmp_path, extractor=Extractor(), timeout=None)
    f1 = evaluate(open_source(tmp_path / "graph.ttl"), corpus / "gold").prf("pair+status+date")[2]
    assert f1 >= REACHED[lang], f"{lang}: F1 pair+status+date {f1:.3f} < {REACHED[lang]}"
