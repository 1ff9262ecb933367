"""Leader mentions: names, roles, counterparts, groups and anaphors, and who they resolve to."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.discourse import Discourse
from kg.extract.mentions import Kind, MentionFinder
from kg.gazetteer.load import Gazetteer


def _resolve(gaz: Gazetteer, lang: str, text: str, day: dt.date) -> list[tuple[str, str, tuple[str, ...]]]:
    finder = MentionFinder(gaz, lang)
    disc = Discourse(gaz, day)
    return [(m.kind.value, m.text, disc.resolve(m, 0).people) for m in finder.find(text)]


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("fr", "Emmanuel Macron", "2023-01-01", [("name", "Emmanuel Macron", ("Q3052772",))]),
    ("fr", "le président russe Vladimir Poutine", "2023-01-01",
     [("name", "président russe Vladimir Poutine", ("Q7747",))]),
    ("fr", "le président turc, Recep Tayyip Erdogan,", "2023-01-01",
     [("name", "président turc, Recep Tayyip Erdogan", ("Q39259",))]),
    # A group role with its names in apposition is those names (the role could be ambiguous).
    ("fr", "les présidents russe et ukrainien, Vladimir Poutine et Volodymyr Zelensky,", "2023-01-01",
     [("name", "Vladimir Poutine", ("Q7747",)), ("name", "Volodymyr Zelensky", ("Q3874799",))]),
    ("en", "the Russian and Ukrainian presidents, Vladimir Putin and Volodymyr Zelensky,", "2023-01-01",
     [("name", "Vladimir Putin", ("Q7747",)), ("name", "Volodymyr Zelensky", ("Q3874799",))]),
    ("fr", "les présidents russe et ukrainien", "2023-01-01", [("group", "présidents russe et ukrainien",
                                                              ("Q7747", "Q3874799"))]),
    # A deputy is not the holder; nor is a vice-president a leader to mint.
    ("fr", "le vice-président américain", "2023-01-01", [("role", "président américain", ())]),
    ("en", "the deputy prime minister of Ukraine", "2023-01-01", [("role", "prime minister of Ukraine", ())]),
    ("en", "Vice-President Jane Doe", "2023-01-01", []),
    # A capitalised dateline places the report; the capital in it stands for no leader.
    ("en", "KYIV, June 17 - Putin spoke.", "2023-01-01", [("name", "Putin", ("Q7747",))]),
    ("fr", "MOSCOU, 17 juin (AFP) - Poutine a parlé.", "2023-01-01", [("name", "Poutine", ("Q7747",))]),
    ("fr", "le président russe par intérim, Vladimir Poutine", "2023-01-01",
     [("name", "président russe par intérim, Vladimir Poutine", ("Q7747",))]),
    # "les présidents russe X et ukrainien Y": each adjective stays with its name.
    ("fr", "les présidents russe Vladimir Poutine et ukrainien Volodymyr Zelensky", "2023-01-01",
     [("name", "présidents russe Vladimir Poutine", ("Q7747",)),
      ("name", "ukrainien Volodymyr Zelensky", ("Q3874799",))]),
    ("fr", "ERDOĞAN et Erdogan", "2023-01-01", [("name", "ERDOĞAN", ("Q39259",)), ("name", "Erdogan", ("Q39259",))]),
    ("fr", "le président russe", "2023-01-01", [("role", "président russe", ("Q7747",))]),
    ("fr", "le président russe", "2010-01-01", [("role", "président russe", ())]),  # not in the fixture then
    ("fr", "la Première ministre britannique", "2022-10-01", [("role", "Première ministre britannique", ("Q272201",))]),
    ("fr", "le Premier ministre britannique", "2022-10-25", [("role", "Premier ministre britannique",
                                                              ("x-rishi-sunak",))]),
    ("fr", "le chancelier allemand", "2021-06-01", [("role", "chancelier allemand", ("Q567",))]),
    ("fr", "le chancelier allemand", "2023-06-01", [("role", "chancelier allemand", ("Q61053",))]),
    ("fr", "le chef du Kremlin", "2023-06-01", [("role", "chef du Kremlin", ("Q7747",))]),
    ("fr", "le locataire de la Maison Blanche", "2022-06-01", [("role", "locataire de la Maison Blanche", ("Q6279",))]),
    ("fr", "le locataire de la Maison Blanche", "2025-06-01", [("role", "locataire de la Maison Blanche",
                                                                ("Q22686",))]),
    ("fr", "le secrétaire général de l'ONU", "2023-06-01", [("role", "secrétaire général de l'ONU",
                                                             ("x-antonio-guterres",))]),
    ("fr", "le ministre russe des Affaires étrangères", "2023-06-01",
     [("role", "ministre russe des Affaires étrangères", ("x-sergey-lavrov",))]),
    ("fr", "les présidents russe et ukrainien", "2023-06-01", [("group", "présidents russe et ukrainien",
                                                               ("Q7747", "Q3874799"))]),
    ("fr", "le Premier ministre Kwame Mensah", "2023-06-01", [("unknown", "Premier ministre Kwame Mensah",
                                                               ("x-kwame-mensah",))]),
    ("fr", "Poutine a appelé l'Elysée", "2023-06-01", [("name", "Poutine", ("Q7747",)),
                                                       ("institution", "Elysée", ())]),
    ("en", "the US president", "2022-06-01", [("role", "US president", ("Q6279",))]),
    ("en", "the US president", "2025-06-01", [("role", "US president", ("Q22686",))]),
    ("en", "Ukraine's president, Volodymyr Zelenskyy", "2023-06-01",
     [("name", "Ukraine's president, Volodymyr Zelenskyy", ("Q3874799",))]),
    ("en", "President of France Emmanuel Macron", "2023-06-01",
     [("name", "President of France Emmanuel Macron", ("Q3052772",))]),
    ("en", "the Kremlin leader", "2023-06-01", [("role", "Kremlin leader", ("Q7747",))]),
    ("en", "the Chinese leader", "2024-06-01", [("role", "Chinese leader", ("Q15031",))]),
    ("en", "the Israeli prime minister", "2022-03-01", [("role", "Israeli prime minister", ("Q39318",))]),
    ("en", "the Israeli prime minister", "2022-08-01", [("role", "Israeli prime minister", ("Q1396120",))]),
    ("en", "the Israeli prime minister", "2023-03-01", [("role", "Israeli prime minister", ("Q43723",))]),
    ("en", "the Russian and Ukrainian presidents", "2023-06-01",
     [("group", "Russian and Ukrainian presidents", ("Q7747", "Q3874799"))]),
    ("en", "the UN chief", "2023-06-01", [("role", "UN chief", ("x-antonio-guterres",))]),
    ("en", "Russian Foreign Minister Sergei Lavrov", "2023-06-01",
     [("name", "Russian Foreign Minister Sergei Lavrov", ("x-sergey-lavrov",))]),
])
def test_mentions_resolve_names_and_roles_at_the_date(mini_gazetteer: Gazetteer, lang: str, text: str, day: str,
                                                       expected: list) -> None:
    assert _resolve(mini_gazetteer, lang, text, dt.date.fromisoformat(day)) == expected


def test_mentions_surname_needs_context_when_ambiguous(mini_gazetteer: Gazetteer) -> None:
    finder = MentionFinder(mini_gazetteer, "en")
    disc = Discourse(mini_gazetteer, dt.date(2023, 6, 1))
    (alone,) = finder.find("Sharif said so.")
    assert disc.resolve(alone, 0).people == ()
    full, short = finder.find("Shehbaz Sharif arrived. Sharif said so.")
    assert disc.resolve(full, 0).people == ("x-shehbaz-sharif",)
    assert disc.resolve(short, 1).people == ("x-shehbaz-sharif",)


def test_mentions_common_word_surname_needs_a_title(mini_gazetteer: Gazetteer) -> None:
    finder = MentionFinder(mini_gazetteer, "en")
    disc = Discourse(mini_gazetteer, dt.date(2018, 6, 1))
    def people(text: str) -> list[tuple[str, ...]]:
        return [p for m in finder.find(text) if m.kind is Kind.NAME if (p := disc.resolve(m, 0).people)]

    assert people("In May they met.") == []
    assert people("Mrs May met them.") == [("x-theresa-may",)]


@pytest.mark.parametrize(("lang", "text", "kind", "plural"), [
    ("fr", "Les deux dirigeants se sont parlé.", Kind.ANAPHOR, True),
    ("fr", "Ce dernier a répondu.", Kind.ANAPHOR, False),
    ("fr", "Leur dernier appel", Kind.ANAPHOR, True),
    ("en", "Both men spoke.", Kind.ANAPHOR, True),
    ("en", "The latter declined.", Kind.ANAPHOR, False),
    ("fr", "son homologue russe", Kind.COUNTERPART, False),
    ("en", "his Russian counterpart", Kind.COUNTERPART, False),
])
def test_mentions_find_anaphors_and_counterparts(mini_gazetteer: Gazetteer, lang: str, text: str, kind: Kind,
                                                 plural: bool) -> None:
    (m, *_) = MentionFinder(mini_gazetteer, lang).find(text)
    assert (m.kind, m.plural) == (kind, plural)


def test_mentions_counterpart_takes_the_anchor_office(mini_gazetteer: Gazetteer) -> None:
    disc = Discourse(mini_gazetteer, dt.date(2025, 6, 1))
    (m,) = MentionFinder(mini_gazetteer, "fr").find("son homologue russe")
    assert disc.counterpart(m.spec, "Q3052772") == "Q7747"          # Macron's counterpart: the Russian president
    (m,) = MentionFinder(mini_gazetteer, "fr").find("son homologue français")
    assert disc.counterpart(m.spec, "x-sergey-lavrov") == "x-jean-noel-barrot"  # a minister's: the minister
