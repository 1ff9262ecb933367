"""Visits: who a visit to a country (or its capital) sees, and whether talks happened in person.

"Xi invited Trump to visit China", "une visite d'Etat au Maroc" name no host; the text's own leader
of that country, or the head of state of a state visit, is the visit's other participant. Whoever
travels to a participant's country ("doit se rendre au Niger ... et s'entretenir avec le président
Issoufou") sees that participant in person.
"""

from __future__ import annotations

import datetime as dt

from kg.extract.discourse import Discourse
from kg.extract.mentions import Mention, MentionFinder
from kg.extract.triggers import Trigger
from kg.model import Leader

_TRAVEL = {"rendre", "rend", "rendu", "rendra", "rendront", "rendait", "travel", "travels", "travelled", "traveled",
           "travelling", "traveling", "flew", "fly", "flies", "flying", "arrive", "arrived", "arrives", "arrivera",
           "arrivee", "voyage", "voyagera", "visite", "visiting", "visited", "visit", "heads", "headed"}
_INTO = {"to", "in", "a", "au", "en", "aux"}


def travels_to(fw: list[str], finder: MentionFinder, leaders: tuple[Leader, ...]) -> bool:
    """"Il doit se rendre au Niger ... et s'entretenir avec le président Issoufou": whoever travels to
    a participant's country sees that participant in person."""
    homes = {p.country for p in leaders if p.country}
    for k, w in enumerate(fw):
        if w not in _TRAVEL:
            continue
        for j in range(k + 2, min(len(fw), k + 4)):
            if fw[j - 1] in _INTO and (country := finder.place_country_at(fw, j)) is not None:
                if country in homes:
                    return True
                break
    return False


_TO_A_COUNTRY = {"to", "en", "au", "aux", "a", "the"}  # "visit the United States"
_MONARCHS = {"king", "queen", "monarch", "emir", "sultan", "grand_duke", "prince"}
_VISIT_TRIGGERS = {"visit", "visite", "rendre_visite", "se_rendre_chez", "come_to", "venir_en"}


def visit_host(discourse: Discourse, lang: str, fw: list[str], trig: Trigger, finder: MentionFinder,
               mentions: list[Mention]) -> str | None:
    """Whom a visit to a country sees: the leader of that country the sentence names ("Xi invited
    Trump to visit China"), else, for a state visit, the head of state."""
    if trig.spec.name not in _VISIT_TRIGGERS:
        return None
    t, te = trig.words
    # "a state visit to", "une visite d'Etat au": the country follows the qualifier.
    state_visit = fw[te:te + 2] == ["d", "etat"] if lang == "fr" else fw[t - 1:t] == ["state"]
    start = te + 2 if fw[te:te + 2] == ["d", "etat"] else te
    span = range(start, min(len(fw), start + 3))
    country = next((c for k in span if (fw[k - 1] in _TO_A_COUNTRY or k == te)
                    and (c := finder.place_country_at(fw, k)) is not None), None)
    if country is None:
        return None
    gaz, day = discourse.gaz, discourse.day
    named = {p for m in mentions if m.resolved for p in m.people
             if country in {o.country for o in gaz.offices_held(p, day)}}
    if not named:
        # "A return state visit by Tebboune to Paris ... was postponed": the article's own leader of
        # that country, named earlier, is whom the visit was to see.
        named = {k for _, _, k in discourse.history if country in {o.country for o in gaz.offices_held(k, day)}}
    if len(named) == 1:
        return named.pop()
    if not state_visit or day is None:
        return None
    # Only a country named as such: "une visite d'Etat à Paris" may be hosted by whoever the text says.
    host_country = next((c for k in span if fw[k - 1] in _TO_A_COUNTRY
                         and (c := finder.country_named_at(fw, k)) is not None), None)
    return _head_of_state(discourse, host_country, day) if host_country else None


def _head_of_state(discourse: Discourse, country: str, day: dt.date) -> str | None:
    """The host of a state visit: the head of state, only where the head of state leads or reigns.

    An official or working visit may be hosted by the head of government; and a state visit to India
    is the President's guest, but its talks are the Prime Minister's, and the text will name them.
    """
    gaz = discourse.gaz
    home = gaz.countries.get(country)
    leads = home is not None and home.primary == "head_of_state"
    heads = {p for o in gaz.offices_by_country.get(country, ())
             if o.kind == "head_of_state" and (leads or not _MONARCHS.isdisjoint(o.roles))
             for p in gaz.holders(o.qid, day)}
    return heads.pop() if len(heads) == 1 else None
