"""Readable names and regions for the country IRIs of leaders (``lc:country``).

The legend needs words, not QIDs. A static table (``static/countries.tsv``)
covers the states and organisations the gazetteer knows; anything else keeps
its QID (or its IRI when it is not a Wikidata entity) so nothing is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.rdf.vocab import WD

UNKNOWN = ""  # the group of leaders with no lc:country

REGIONS = {
    "Africa": {"en": "Africa", "fr": "Afrique"},
    "Americas": {"en": "Americas", "fr": "Amériques"},
    "Asia": {"en": "Asia", "fr": "Asie"},
    "Europe": {"en": "Europe", "fr": "Europe"},
    "Middle East": {"en": "Middle East", "fr": "Moyen-Orient"},
    "Oceania": {"en": "Oceania", "fr": "Océanie"},
    "International": {"en": "International organisations", "fr": "Organisations internationales"},
    "Other": {"en": "Other", "fr": "Autre"},
    UNKNOWN: {"en": "Unknown", "fr": "Inconnu"},
}
# Fixed colours per region so the same region looks the same in every graph (Tableau 10, colour-blind aware).
REGION_COLOURS = {
    "Europe": "#4e79a7", "Americas": "#f28e2b", "Asia": "#e15759", "Middle East": "#76b7b2", "Africa": "#59a14f",
    "Oceania": "#edc948", "International": "#b07aa1", "Other": "#9c755f", UNKNOWN: "#bab0ac",
}


@dataclass(frozen=True, slots=True)
class Country:
    key: str  # the QID, the IRI when not a Wikidata entity, or UNKNOWN
    en: str
    fr: str
    region: str  # a key of REGIONS

    def name(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@cache
def _table() -> dict[str, Country]:
    text = (resources.files("kg.view") / "static" / "countries.tsv").read_text(encoding="utf-8")
    table: dict[str, Country] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        qid, en, fr, region = line.split("\t")
        table[qid] = Country(qid, en, fr, region if region in REGIONS else "Other")
    return table


def country(iri: str | None, graph_label: str | None = None) -> Country:
    """What the legend shows for a leader's country IRI; ``graph_label`` is the graph's own name for it."""
    if not iri:
        names = REGIONS[UNKNOWN]
        return Country(UNKNOWN, names["en"], names["fr"], UNKNOWN)
    key = iri[len(WD):] if iri.startswith(WD) else iri
    known = _table().get(key)
    if known is not None:
        return known
    name = graph_label or key
    return Country(key, name, name, "Other")


def region_name(region: str, lang: str) -> str:
    names = REGIONS.get(region, REGIONS["Other"])
    return names.get(lang, names["en"])
