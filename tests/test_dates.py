"""Time expressions: found in French and English, resolved against the publication date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.dates import find_time_expressions
from kg.model import FuzzyDate

TUE = FuzzyDate(2026, 2, 3)  # a Tuesday


def _one(text: str, pub: FuzzyDate | None = TUE) -> tuple[str | None, str | None]:
    found = find_time_expressions(text, pub)
    assert len(found) == 1, found
    t = found[0]
    return (t.past.iso() if t.past else None), (t.future.iso() if t.future else None)


@pytest.mark.parametrize(("text", "past", "future"), [
    # absolute days, with and without a year
    ("Leur appel remontait au 11 septembre 2022.", "2022-09-11", "2022-09-11"),
    ("Ils se sont parlé le 1er juillet.", "2025-07-01", "2026-07-01"),
    ("Ils se verront le 20 février.", "2025-02-20", "2026-02-20"),
    ("They spoke on March 3.", "2025-03-03", "2026-03-03"),
    ("They met on 28 January 2026.", "2026-01-28", "2026-01-28"),
    ("Biden spoke to Xi on Monday, Jan. 12, 2026.", "2026-01-12", "2026-01-12"),
    # weekdays: the day itself in an article of that weekday, strictly before with "dernier"/"last"
    ("Macron a appelé mardi son homologue.", "2026-02-03", "2026-02-03"),
    ("Il l'a reçu jeudi.", "2026-01-29", "2026-02-05"),
    ("Ils se sont vus jeudi dernier.", "2026-01-29", None),
    ("Le sommet aura lieu samedi prochain.", None, "2026-02-07"),
    ("They spoke on Sunday.", "2026-02-01", "2026-02-08"),
    ("He met her last Tuesday.", "2026-01-27", None),
    ("Ils se sont parlé ce dimanche.", "2026-02-01", "2026-02-08"),
    # day words
    ("Ils se sont entretenus hier.", "2026-02-02", "2026-02-02"),
    ("They will talk tomorrow.", "2026-02-04", "2026-02-04"),
    ("Avant-hier, ils ont dîné.", "2026-02-01", "2026-02-01"),
    # weeks: month precision only when the whole week is in one month
    ("la semaine dernière", "2026", None),
    ("last week", "2026", None),
    ("la semaine prochaine", None, "2026-02"),
    ("earlier in the week", "2026-02", None),
    ("later in the week", None, "2026-02"),   # a plan for the rest of this week
    ("plus tard dans la semaine", None, "2026-02"),
    # months
    ("se sont parlé la dernière fois début juillet dernier", "2025-07", None),
    ("En décembre dernier, il a estimé", "2025-12", None),
    ("en février 2022", "2022-02", "2022-02"),
    ("fin mai", "2025-05", "2026-05"),
    ("They last spoke in early July.", "2025-07", "2026-07"),
    ("last December", "2025-12", None),
    ("earlier this month", "2026-02", "2026-02"),
    ("le mois dernier", "2026-01", None),
    ("in March 2021", "2021-03", "2021-03"),
    ("in April last year", "2025-04", "2025-04"),
    ("en juin de l'an dernier", "2025-06", "2025-06"),
    ("leur appel de novembre", "2025-11", "2026-11"),     # a month as the noun's complement
    ("la rencontre d'avril", "2025-04", "2026-04"),
    ("en avril l'an dernier", "2025-04", "2025-04"),
    ("en octobre l'année prochaine", "2027-10", "2027-10"),
    ("Leur précédente rencontre remontait à juillet.", "2025-07", "2026-07"),
    # years
    ("il y a trois ans", "2023", None),
    ("three years ago", "2023", None),
    ("l'an dernier", "2025", None),
    ("en 2019", "2019", "2019"),
    ("last year", "2025", None),
    ("dans le courant de l'année", "2026", "2026"),
    # seasons (published in February): the season's year, the finest precision a season justifies
    ("à l'automne", "2025", "2026"),
    ("au printemps", "2025", "2026"),
    ("cet été", "2026", "2026"),
    ("l'été dernier", "2025", None),
    ("le printemps prochain", None, "2026"),
    ("last summer", "2025", None),
    ("in the autumn", "2025", "2026"),
    ("next spring", None, "2026"),
    # ranges: the finest precision covering the whole span
    ("du 3 au 5 mars", "2025-03", "2026-03"),
    ("from 30 January to 2 February 2026", "2026", "2026"),
    # vague: nothing
    ("récemment", None, None),
    ("recently", None, None),
])
def test_dates_resolve_against_publication(text: str, past: str | None, future: str | None) -> None:
    assert _one(text) == (past, future)


def test_dates_need_a_publication_date_for_relative_phrases() -> None:
    assert _one("mardi", None) == (None, None)
    assert _one("le 11 septembre 2022", None) == ("2022-09-11", "2022-09-11")


def test_dates_month_precision_article_cannot_give_a_weekday() -> None:
    assert _one("mardi", FuzzyDate(2025, 7)) == (None, None)
    assert _one("début juin", FuzzyDate(2025, 7)) == ("2025-06", "2026-06")


@pytest.mark.parametrize("text", ["Biden may meet Xi", "Theresa May met Macron", "They will march on Paris",
                                  "a 2-0 win", "Plus de 300 personnes"])
def test_dates_ignore_words_that_only_look_like_dates(text: str) -> None:
    assert find_time_expressions(text, TUE) == []


def test_dates_since_is_a_bound_not_a_date() -> None:
    (t,) = find_time_expressions("ils ne se sont pas parlé depuis juillet 2025", TUE)
    assert t.since


@pytest.mark.parametrize(("text", "since"), [("since the October 7 attack", True), ("depuis le 24 février", True),
                                             ("réunis depuis mercredi soir", False), ("on October 7", False)])
def test_dates_since_a_day_is_a_bound_but_since_a_weekday_starts_a_meeting(text: str, since: bool) -> None:
    (t,) = find_time_expressions(text, TUE)
    assert t.since is since


def test_dates_that_month_is_the_month_named_before_it() -> None:
    found = find_time_expressions("They met in October, after a video call earlier that month.", TUE)
    assert [(t.kind, t.past.iso() if t.past else None) for t in found] == [("rel_month", "2025-10"),
                                                                            ("that_month", "2025-10")]
    assert find_time_expressions("They spoke earlier that month.", TUE) == []  # no month to take


@pytest.mark.parametrize(("text", "bound"), [
    ("a 50% tariff on all goods from August 1", True), ("des droits de douane à partir du 1er août", True),
    ("taxes effective from 1 August", True), ("a state visit from March 20 to 22", False),
    ("they met on August 1", False)])
def test_dates_from_a_day_starts_something_else(text: str, bound: bool) -> None:
    (t,) = find_time_expressions(text, TUE)
    assert t.since is bound


@pytest.mark.parametrize("text", ["leur premier entretien depuis mai 2024, lorsqu'ils s'étaient vus à Rome",
                                  "their first meeting since October, when they met in Astana",
                                  "the first call since 2019 when the two spoke about trade"])
def test_dates_since_followed_by_when_dates_that_clause(text: str) -> None:
    (t,) = find_time_expressions(text, TUE)
    assert not t.since and t.past is not None


def test_dates_a_bare_month_coordinated_with_a_month_phrase() -> None:
    found = find_time_expressions("They met in February and September.", TUE)
    assert [(t.text, t.past.iso() if t.past else None) for t in found] == [("in February", "2026-02"),
                                                                           ("and September", "2025-09")]
    assert find_time_expressions("Theresa May and March are names here.", TUE) == []


def test_dates_offsets_point_into_the_text() -> None:
    text = "Le président a dit mardi qu'il avait parlé le 1er juillet 2025 à Poutine."
    for t in find_time_expressions(text, TUE, offset=100):
        assert text[t.start - 100:t.end - 100] == t.text


@given(st.text(max_size=300), st.dates(min_value=__import__("datetime").date(1990, 1, 1)))
def test_dates_never_raise_on_any_text(text: str, day) -> None:  # type: ignore[no-untyped-def]
    for t in find_time_expressions(text, FuzzyDate.of(day)):
        assert 0 <= t.start < t.end <= len(text)
