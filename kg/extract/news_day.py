"""The day's news: undated contacts that an official readout or a live report tells as today's.

A readout ("Telephone conversation with President of Finland Sauli Niinistö", "Readout of President
Biden's Call with ...", "PM call with ...", "Entretien téléphonique avec ...") is published the day
of the contact and rarely repeats the day in its body. A live report ("Live: ...", or timestamped
entries such as "11:25 —") tells what "has" just happened. Leaving those contacts undated throws
away what every reader understands; a contact the text marks as earlier ("had last spoken",
"since") keeps no date it does not state.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.narrative import points_back
from kg.model import Article, ContactEvent, FuzzyDate, Status
from kg.nlp.segment import Sentence
from kg.text import folded_words

_READOUT = re.compile(
    r"^(?:(?:telephone|phone|video)\s+(?:conversation|call|talks?)\s+with\b|meeting\s+with\b|talks\s+with\b"
    r"|conversation\s+with\b|readout\s+of\b|(?:pm|prime\s+minister(?:'s|’s)?)\s+(?:phone\s+|telephone\s+)?"
    r"(?:call|meeting|talks)\s+with\b|[A-Z][\w-]*-[A-Z][\w-]*\s+talks$"
    # "Zelenskyy held a phone conversation with ...", but not "Trump says he had a phone call with ...".
    r"|[A-Z](?:(?!\b(?:says?|said|claims?|denies|told)\b)[^,:;]){0,60}?\b(?:had|held|holds|has)\s+an?\s+"
    r"(?:phone|telephone|video)\s+(?:call|conversation)\s+with\b"
    r"|(?:the\s+)?(?:president|prime\s+minister|head\s+of\s+state)\b.{0,40}?\b(?:met|meets)\s+with\b"
    r"|entretien\s+(?:t[ée]l[ée]phonique\s+)?(?:du\s+pr[ée]sident\s+de\s+la\s+r[ée]publique\s+)?avec\b"
    r"|appel\s+t[ée]l[ée]phonique\s+avec\b)",
    re.IGNORECASE)
_LIVE_TITLE = re.compile(r"^(?:live|en\s+direct|direct)\b", re.IGNORECASE)
_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:h.]\d{2}\b", re.MULTILINE)
# "has welcomed", "have started talks", "is now meeting", "vient de recevoir": told as just done.
_JUST_NOW = {"en": {"has", "have", "now", "just"}, "fr": {"vient", "viennent", "maintenant", "cours"}}
_LEAD = 2  # body sentences of a readout that tell its own contact


def _light_had(fw: tuple[str, ...]) -> tuple[str, ...]:
    """"had a telephone conversation": "had" as the light verb of the news, not a pluperfect."""
    return tuple(w for k, w in enumerate(fw) if not (w == "had" and fw[k + 1:k + 2] in (("a",), ("an",), ("talks",))))


def is_readout(title: str | None) -> bool:
    return bool(title) and bool(_READOUT.match(title.strip()))  # type: ignore[union-attr]


def is_live(article: Article) -> bool:
    return bool(_LIVE_TITLE.match((article.title or "").strip())) or len(_TIMESTAMP.findall(article.text)) >= 2


def date_the_days_news(events: list[ContactEvent], article: Article, sentences: list[Sentence],
                       reference: FuzzyDate | None, lang: str) -> list[ContactEvent]:
    """Undated held contacts of a readout's headline or lead, or told as just done in a live
    report, dated by the publication day (when it is known to the day)."""
    if reference is None or reference.day is None:
        return events
    readout, live = is_readout(article.title), is_live(article)
    if not readout and not live:
        return events
    lead_end = sentences[min(_LEAD, len(sentences)) - 1].end if sentences else 0
    now = _JUST_NOW.get(lang, _JUST_NOW["en"])
    out = []
    for e in events:
        if e.date is None and e.status is Status.OCCURRED:
            texts = [folded_words(ev.text) for ev in e.evidence]
            told_today = readout and any(":title:" in ev.rule or ev.start < lead_end for ev in e.evidence)
            told_now = live and any(not now.isdisjoint(fw) for fw in texts)
            if (told_today or told_now) and not any(points_back(_light_had(fw), lang) for fw in texts):
                e = replace(e, date=reference)
        out.append(e)
    return out
