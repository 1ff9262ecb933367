"""Visits: who a visit to a country sees, and whether talks happened in person.

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
            if fw[j - 1] in _INTO and (country := finder.country_named_at(fw, j)) is not None:
                if country in homes:
                    return True
                break
    return False


_STATE_VISIT = {"en": (("state",),), "fr": (("d", "etat"),)}
_TO_A_COUNTRY = {"to", "en", "au", "aux", "a"}
_MONARCHS = {"king", "queen", "monarch", "emir", "sultan", "grand_duke", "prince"}


_VISIT_TRIGGERS = {"visit", "visite", "rendre_visite", "se_rendre_chez"}


def visit_host(discourse: Discourse, lang: str, fw: list[str], trig: Trigger, finder: MentionFinder,
               mentions: list[Mention]) -> str | None:
    """Whom a visit to a country sees: the leader of that country the sentence names ("Xi invited
    Trump to visit China"), else, for a state visit, the head of state."""
    if trig.spec.name not in _VISIT_TRIGGERS:
        return None
    te = trig.words[1]
    start = te + 2 if fw[te:te + 2] == ["d", "etat"] else te
    for k in range(start, min(len(fw), start + 3)):
        country = finder.country_named_at(fw, k) if fw[k - 1] in _TO_A_COUNTRY or k == te else None
        if country is None:
            continue
        gaz, day = discourse.gaz, discourse.day
        named = {p for m in mentions if m.resolved for p in m.people
                 if country in {o.country for o in gaz.offices_held(p, day)}}
        if len(named) == 1:
            return named.pop()
        return _state_visit_host(discourse, lang, fw, trig, finder, day)
    return None


def _state_visit_host(discourse: Discourse, lang: str, fw: list[str], trig: Trigger, finder: MentionFinder,
                      day: dt.date | None) -> str | None:
    """"paid a state visit to China in April", "une visite d'Etat au Maroc": a state visit is the
    guest of the head of state, who is that visit's other participant.

    Only a *state* visit (an official or working visit may be hosted by the head of government), and
    only where the head of state leads or reigns: a state visit to India is the President's guest, but
    its talks are the Prime Minister's, and the text will name them.
    """
    t, te = trig.words
    lang = lang if lang in _STATE_VISIT else "en"
    state_word = fw[t - 1:t] == ["state"] if lang == "en" else fw[te:te + 2] == ["d", "etat"]
    if not state_word or day is None:
        return None
    after = te if lang == "en" else te + 2
    for k in range(after, min(len(fw), after + 3)):
        if fw[k - 1] in _TO_A_COUNTRY and (country := finder.country_named_at(fw, k)) is not None:
            gaz = discourse.gaz
            home = gaz.countries.get(country)
            heads = {p for o in gaz.offices_by_country.get(country, ()) if o.kind == "head_of_state"
                     and ((home is not None and home.primary == "head_of_state") or not _MONARCHS.isdisjoint(o.roles))
                     for p in gaz.holders(o.qid, day)}
            return heads.pop() if len(heads) == 1 else None
    return None
