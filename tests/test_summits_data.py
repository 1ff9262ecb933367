"""Shape of the shipped summits calendar (kg/gazetteer/data/summits.json) and a few summits checked by hand.

The file is data only: every row names a source key described in meta.sources. The spot checks are summits
whose dates were read in those sources (G20 New Delhi, NATO Vilnius, COP28 Dubai, G7 Hiroshima, BRICS
Johannesburg, UNGA 2019 general debate, EPC Granada, G7 Evian 2026).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.data_meta import check_meta

PATH = Path(__file__).parent.parent / "kg" / "gazetteer" / "data" / "summits.json"

SERIES = {
    "g20", "g7", "g8", "nato", "brics", "sco", "apec", "asean", "eas", "cop", "unga", "epc", "chogm",
    "francophonie", "au", "arab_league",
}
FIELDS = {"series", "start", "end", "city_en", "city_fr", "country_en", "country_fr", "source"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def data() -> dict:
    with PATH.open(encoding="utf-8") as f:
        return json.load(f)


def _day(text: str) -> dt.date:
    assert ISO.match(text), text
    return dt.date.fromisoformat(text)


def test_meta(data: dict) -> None:
    check_meta(data["meta"])


def test_rows_shape(data: dict) -> None:
    rows = data["summits"]
    assert len(rows) > 100
    sources = data["meta"]["sources"]
    for row in rows:
        assert FIELDS <= set(row) <= FIELDS | {"virtual"}, row
        assert row["series"] in SERIES, row
        start, end = _day(row["start"]), _day(row["end"])
        assert start <= end, row
        assert (end - start).days < 20, row
        assert dt.date(2010, 1, 1) <= start <= dt.date(2026, 12, 31), row
        assert row["source"] in sources, row
        if row.get("virtual"):
            assert row["virtual"] is True and row["city_en"] == "" and row["city_fr"] == "", row
        else:
            assert row["city_en"] and row["city_fr"] and row["country_en"] and row["country_fr"], row


def test_no_duplicates_and_sorted(data: dict) -> None:
    keys = [(row["series"], row["start"]) for row in data["summits"]]
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys)


def test_every_source_is_used(data: dict) -> None:
    used = {row["source"] for row in data["summits"]}
    assert used == set(data["meta"]["sources"])


def test_file_format() -> None:
    text = PATH.read_text(encoding="utf-8")
    assert "\\u00" not in text  # ensure_ascii=False: accents are written as such
    assert text.startswith('{\n "meta": {\n  "made"')  # indent=1


@pytest.mark.parametrize(
    ("series", "start", "end", "city_en", "city_fr"),
    [
        ("g20", "2023-09-09", "2023-09-10", "New Delhi", "New Delhi"),
        ("nato", "2023-07-11", "2023-07-12", "Vilnius", "Vilnius"),
        ("cop", "2023-11-30", "2023-12-12", "Dubai", "Dubaï"),
        ("g7", "2023-05-19", "2023-05-21", "Hiroshima", "Hiroshima"),
        ("brics", "2023-08-22", "2023-08-24", "Johannesburg", "Johannesburg"),
        ("unga", "2019-09-24", "2019-09-30", "New York", "New York"),
        ("epc", "2023-10-05", "2023-10-05", "Granada", "Grenade"),
        ("g7", "2026-06-15", "2026-06-17", "Evian", "Évian"),
        ("nato", "2025-06-24", "2025-06-25", "The Hague", "La Haye"),
    ],
)
def test_spot_checks(data: dict, series: str, start: str, end: str, city_en: str, city_fr: str) -> None:
    hits = [row for row in data["summits"] if row["series"] == series and row["start"] == start]
    assert len(hits) == 1, (series, start)
    row = hits[0]
    assert (row["end"], row["city_en"], row["city_fr"]) == (end, city_en, city_fr)


def test_virtual_g20_2020(data: dict) -> None:
    rows = [row for row in data["summits"] if row["series"] == "g20" and row["start"].startswith("2020")]
    assert len(rows) == 1
    assert rows[0]["virtual"] is True and rows[0]["country_en"] == "Saudi Arabia"
