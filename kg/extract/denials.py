"""Denials: "there has been no phone call", "le Kremlin a démenti tout entretien".

A denial later in an article beats the claim it answers; a denial of the future ("aucun appel
n'est prévu") or of something else ("to deny Iran a nuclear weapon, after holding talks") denies
no contact. The extractor notes whose contact each sentence denies, then drops the occurred,
recent contacts those people are said to have had.
"""

from __future__ import annotations

from kg.extract.dedupe import _recent
from kg.extract.mentions import Kind, Mention
from kg.model import ContactEvent, FuzzyDate, Status
from kg.text import Word, folded_words, has_phrase

# Denials in a past tense: "the meeting that had been scheduled did not take place" still denies it.
_PAST_DENIALS = [folded_words(p) for p in (
    "had not taken place", "did not take place", "never took place", "n'a pas eu lieu", "n'ont pas eu lieu",
    "il n'y a pas eu", "there has been no", "there was no")]
_DENIALS = _PAST_DENIALS + [folded_words(p) for p in (
    "no such conversation", "no such call", "no such meeting", "aucun entretien", "aucun appel",
    "aucune conversation")]
# A bare denial verb denies a contact only when the sentence speaks of one ("le Kremlin a démenti tout
# entretien") or of the report of one ("denied the report"); "ce que le Rwanda dément" denies an accusation.
_DENIAL_VERBS = [folded_words(p) for p in (
    "denied", "denies", "deny", "denying", "fake news", "démenti", "démentent", "dément", "a nié", "ont nié",
    "nie avoir", "infox")]
_DENIAL_FIRST_WORDS = {p[0] for p in (*_DENIALS, *_DENIAL_VERBS)}  # a cheap test before the phrase scans
_FUTURE_WORDS = {"prevu", "prevue", "prevus", "prevues", "planned", "scheduled", "programme", "programmee",
                 "envisage", "envisagee", "expected"}
_REPORT_WORDS = {"report", "reports", "claim", "claims", "information", "informations", "article", "articles",
                 "rumeur", "rumeurs", "rumour", "rumours", "rumor", "rumors"}


def _denies_a_contact(fw: list[str], contact_words: list[int]) -> bool:
    """A denial verb whose object is a contact ("a démenti tout entretien", "denied that X had spoken
    with Y") or a report of one ("denied the report"); "to deny Iran a nuclear weapon, after holding
    talks" denies no talks."""
    if _DENIAL_FIRST_WORDS.isdisjoint(fw):
        return False
    for p in _DENIAL_VERBS:
        for i in range(len(fw) - len(p) + 1):
            if tuple(fw[i:i + len(p)]) == p and fw[i - 1:i] != ["to"] and (
                    any(i < j <= i + len(p) + 5 for j in contact_words) or not _REPORT_WORDS.isdisjoint(fw)):
                return True
    return False


# "there was no" denies what follows it: "there was no call", not "there was no date" for a meeting.
_EXISTENTIAL = [folded_words(p) for p in ("il n'y a pas eu", "there has been no", "there was no")]
_OBJECT_REACH = 4


def _denial_phrase(fw: list[str], contact_words: list[int]) -> bool:
    for p in _DENIALS:
        for i in range(len(fw) - len(p) + 1):
            if tuple(fw[i:i + len(p)]) != p:
                continue
            end = i + len(p)
            if p not in _EXISTENTIAL or any(end <= j <= end + _OBJECT_REACH for j in contact_words):
                return True
    return False


def note_denial(denials: list[frozenset[str]], pairs: list[tuple[str, ...]], ws: list[Word],
                mentions: list[Mention], contact_words: list[int]) -> None:
    """"There has been no phone call between our president and Assad": remember whose contact is denied.

    "Aucun appel avec Xi n'est prévu" speaks of the future, and denies nothing that happened.
    ``contact_words``: word indices of the sentence's contact triggers.
    """
    fw = [w.folded for w in ws]
    if _DENIAL_FIRST_WORDS.isdisjoint(fw) or (
            not _denial_phrase(fw, contact_words) and not _denies_a_contact(fw, contact_words)):
        return
    if not _FUTURE_WORDS.isdisjoint(fw) and not has_phrase(fw, _PAST_DENIALS):
        return
    people = {k for m in mentions for k in m.people}
    named = set(people)
    if any(m.kind is Kind.ANAPHOR and m.anaphor is not None and m.anaphor.plural for m in mentions) and pairs:
        people |= set(pairs[-1])
    if len(people) == 1 and pairs:
        (one,) = people
        people |= next((set(p) for p in reversed(pairs) if one in p), set())
    # Only a denial that names nobody else may fall back on the latest pair.
    if len(people) < 2 and pairs and named <= set(pairs[-1]):
        people = set(pairs[-1])
    if len(people) >= 2:
        denials.append(frozenset(people))


def apply_denials(events: list[ContactEvent], denials: list[frozenset[str]],
                  reference: FuzzyDate | None) -> list[ContactEvent]:
    """A later denial in the article beats the claim: drop the recent, occurred contacts it covers."""
    out = []
    for e in events:
        denied = any(e.keys <= d for d in denials) and e.status is Status.OCCURRED and (
            e.date is None or _recent(e.date, reference))
        if not denied:
            out.append(e)
    return out
