"""Shape of the shipped capitals list (kg/gazetteer/data/capitals.json) and a few states checked by hand.

Every entry names its source keys ('a+b' for several) described in meta.sources. A city name may be listed
for two states only when both entries are flagged ambiguous (Nicosia: Cyprus and Northern Cyprus).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from tests.data_meta import check_meta

DATA = Path(__file__).parent.parent / "kg" / "gazetteer" / "data"
QID = re.compile(r"^Q\d+$")


@pytest.fixture(scope="module")
def data() -> dict:
    with (DATA / "capitals.json").open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def countries() -> dict:
    with (DATA / "leaders.json").open(encoding="utf-8") as f:
        return json.load(f)["countries"]


def test_meta(data: dict) -> None:
    check_meta(data["meta"])


def test_entries_shape(data: dict, countries: dict) -> None:
    caps = data["capitals"]
    assert len(caps) > 190
    for qid, entry in caps.items():
        assert QID.match(qid), qid
        assert qid in countries, qid
        assert entry["country"] == countries[qid]["en"]
        for lang in ("en", "fr"):
            names = entry[lang]
            assert names and all(isinstance(n, str) and n.strip() == n and n for n in names), (qid, lang)
            assert len(set(names)) == len(names), (qid, lang)
        for key in entry["source"].split("+"):
            assert key in data["meta"]["sources"], (qid, key)
        assert set(entry) <= {"country", "en", "fr", "source", "ambiguous"}
        if "ambiguous" in entry:
            assert entry["ambiguous"] is True


def test_organisations_not_listed(data: dict) -> None:
    for qid in ("Q1065", "Q458", "Q7159", "Q7184"):
        assert qid not in data["capitals"]


def test_city_names_unique_unless_ambiguous(data: dict) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for qid, entry in data["capitals"].items():
        for name in entry["en"] + entry["fr"]:
            owners[name.casefold()].add(qid)
    for name, qids in owners.items():
        if len(qids) > 1:
            assert all(data["capitals"][q].get("ambiguous") for q in qids), (name, sorted(qids))


def test_sources_all_used(data: dict) -> None:
    used = {k for e in data["capitals"].values() for k in e["source"].split("+")}
    assert used == set(data["meta"]["sources"])


@pytest.mark.parametrize(
    ("qid", "en", "fr"),
    [
        ("Q41", "Athens", "Athènes"),
        ("Q148", "Beijing", "Pékin"),
        ("Q423", "Pyongyang", "Pyongyang"),
        ("Q212", "Kyiv", "Kyiv"),
        ("Q29999", "The Hague", "La Haye"),
        ("Q801", "Jerusalem", "Jérusalem"),
        ("Q145", "London", "Londres"),
        ("Q30", "Washington", "Washington"),
    ],
)
def test_spot_checks(data: dict, qid: str, en: str, fr: str) -> None:
    entry = data["capitals"][qid]
    assert en in entry["en"]
    assert fr in entry["fr"]


def test_usual_name_first(data: dict) -> None:
    caps = data["capitals"]
    assert caps["Q41"]["en"][0] == "Athens" and caps["Q41"]["fr"][0] == "Athènes"
    assert caps["Q148"]["fr"][0] == "Pékin"
    assert caps["Q212"]["en"][0] == "Kyiv" and "Kiev" in caps["Q212"]["en"]
    assert caps["Q145"]["en"][0] == "London" and caps["Q145"]["fr"][0] == "Londres"


def test_judgement_calls(data: dict) -> None:
    caps = data["capitals"]
    assert "Tel Aviv" not in caps["Q801"]["en"]
    assert "New Delhi" in caps["Q668"]["en"] and "Delhi" not in caps["Q668"]["en"]
    assert caps["Q833"]["en"] == ["Kuala Lumpur"]
    assert "Pretoria" in caps["Q258"]["en"] and "La Paz" in caps["Q750"]["en"]
    assert caps["Q229"].get("ambiguous") and caps["Q23681"].get("ambiguous")
    assert "Q237" in caps
