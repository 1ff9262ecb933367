#!/usr/bin/env python3
"""Recall of the extractor on real presidential readouts (issue 5). A benchmark, not a test.

    python bench/readouts.py [--data DIR] [--source kremlin|ua|both] [--kind phone|meeting|other|all]
                             [--limit N] [--show-misses N] [--no-summary] [--json]

The data are the Kremlin and Ukrainian-presidency English news items of October 2021 to
June 2022 in ``../shared/data/kremlin-ua-press-2021-22/`` (read its SOURCE.md; nothing is
copied into the repository). Their headlines are formulaic ("Telephone conversation with
President of France Emmanuel Macron", "Volodymyr Zelenskyy had a phone conversation with
Joseph Biden"), so each contact headline gives a *silver* contact: the actor (Putin for the
Kremlin, Zelenskyy for Kyiv), the counterpart resolved with the project's own resolver at
the item's date, the mode the headline names and the item's calendar date.

The extractor then reads the article text under the headline, never the headline itself:
for Kremlin items the lead paragraph (the ``summary`` column: "Vladimir Putin had a
telephone conversation with President of ... Cyril Ramaphosa.") followed by the body, for
Kyiv items the body (their lead is its first paragraph). The CSV splits the Kremlin page's
text in two; without the lead most Kremlin phone readouts never name the counterpart
("The presidents expressed satisfaction ..."), which ``--no-summary`` measures. Every
silver contact is checked at these levels:

- ``pair``: an extracted contact has both people;
- ``pair+date``: ... and its date is the item's date *or it has no date*. Readouts are dated
  by their publication and their bodies rarely repeat the day ("had a telephone
  conversation with ..."), and the extractor leaves such contacts undated rather than
  guess, so an undated contact is read as "the day of the readout";
- ``pair+date strict``: ... and its date is exactly the item's date;
- ``pair+mode``: ... and its mode is the headline's (phone or meeting; "other" items,
  whose headline names no mode, are not scored at this level);
- ``pair+occurred``: ... and its status is "occurred".

Items whose headline matches a contact pattern but whose counterpart does not resolve to
a gazetteer person (governors, CEOs, "heads of CSTO member states", spellings the
gazetteer lacks) are counted and listed, never silently dropped. Headlines announcing a
future contact ("On February 15, Vladimir Putin will hold talks with ...") are counted as
announcements and not scored.

Exit status 0 also when the data folder is absent: the benchmark is then skipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a plain script from anywhere, installed or not
    sys.path.insert(0, str(ROOT))

from kg.extract.discourse import Discourse  # noqa: E402
from kg.extract.mentions import Kind, Mention, MentionFinder  # noqa: E402
from kg.extract.triggers import Trigger  # noqa: E402
from kg.gazetteer.load import Gazetteer, shipped_gazetteer  # noqa: E402
from kg.model import Article, ContactEvent, FuzzyDate, Mode, Status  # noqa: E402
from kg.nlp.segment import split_sentences  # noqa: E402
from kg.pipeline import Extractor  # noqa: E402
from kg.text import folded_words, words  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "kremlin-ua-press-2021-22"
FILES = {"kremlin": "kremlin_en_news_2021-10_2022-06.csv", "ua": "president_gov_ua_en_news_2021-10_2022-06.csv"}
ACTORS = {"kremlin": "Vladimir Putin", "ua": "Volodymyr Zelenskyy"}
KINDS = ("phone", "meeting", "other")
LEVELS = ("pair", "date", "strict", "mode", "occurred")
LEVEL_NAMES = {"pair": "pair", "date": "pair+date", "strict": "pair+date strict", "mode": "pair+mode",
               "occurred": "pair+occurred"}
TARGET = ("phone", "date", 0.90)  # the target: pair+date recall on telephone items


# -- items ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    source: str
    row: int
    link: str
    headline: str
    day: dt.date
    body: str
    summary: str = ""


def read_items(data: Path, source: str) -> list[Item]:
    # Long transcripts exceed the csv module's default 128 KiB field limit.
    csv.field_size_limit(sys.maxsize)
    out = []
    with (data / FILES[source]).open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=2):
            # The trailing "Z" is wrong (Moscow / Kyiv wall-clock time, see SOURCE.md): only the
            # calendar date is used, and it is right as printed.
            day = dt.date.fromisoformat(r["date"][:10])
            out.append(Item(source, i, r["link"].strip(), " ".join(r["headline"].split()), day,
                            r["body"], r.get("summary", "") or ""))
    return out


def body_text(item: Item, with_summary: bool) -> str:
    """What the extractor reads: the body, never the headline (a few bodies start with it)."""
    body = item.body.strip()
    if body.startswith(item.headline):
        body = body[len(item.headline):].lstrip(" .:-")
    if with_summary and item.summary.strip():
        body = f"{item.summary.strip()}\n\n{body}"
    return body


# -- silver contacts from headlines ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Headline:
    """What a contact headline says: who (a phrase to resolve), how, and which rule read it."""

    pattern: str
    kind: str              # phone, meeting, other
    mode: Mode | None      # None: the headline does not say how (scored at pair and date only)
    who: str
    planned: bool = False  # an announcement of a future contact: counted, not scored


_UA_SUBJ = (r"(?:the\s+)?(?:President\s+of\s+Ukraine(?:\s+Volodymyr\s+Zelensky?y)?|Volodymyr\s+Zelensky?y"
            r"|Zelensky?y|President|Head\s+of\s+[Ss]tate)")
_PLACE = r"(?:(?:In|At|During)\s+[^,]{2,40},\s+)?"  # "In Kyiv, ...", "During a visit to Brussels, ..."
_DASH = r"(?:^|\s[-–—]\s+)"                          # "<quote> - Volodymyr Zelenskyy after the meeting with X"
_PHONE_NOUN = r"(?:phone|telephone)\s+(?:conversation|talk|call)s?"


def _pat(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


# (name, kind, mode, regex, how to build the phrase to resolve). Order matters: announcements
# first, then the most specific shapes. Each regex names the counterpart phrase ``who`` or a
# ``country`` / ``countries`` / ``nation`` group that a template turns into a role phrase.
_Rule = tuple[str, str, Mode | None, re.Pattern[str], Callable[[re.Match[str]], str]]


def _who(m: re.Match[str]) -> str:
    return m.group("who")


KREMLIN_RULES: list[_Rule] = [
    ("announcement", "meeting", Mode.MEETING, _pat(r"^On\s+\w+\s+\d+,.*\bwill\s+(?:hold|have|host|take)\b"), _who),
    ("telephone conversation with", "phone", Mode.PHONE,
     _pat(r"^Telephone\s+conversations?\s+with\s+(?P<who>.+)$"), _who),
    ("Putin had telephone conversations with", "phone", Mode.PHONE,
     _pat(r"^Vladimir\s+Putin\s+had\s+(?:several\s+)?telephone\s+conversations?\s+with\s+(?P<who>.+)$"), _who),
    ("telephone conversation between Putin and", "phone", Mode.PHONE,
     _pat(r"telephone\s+conversation\s+between\s+Vladimir\s+Putin\s+and\s+(?P<who>.+)$"), _who),
    ("meeting with", "meeting", Mode.MEETING, _pat(r"^(?:Working\s+)?meeting\s+with\s+(?P<who>.+)$"), _who),
    ("talks with", "meeting", Mode.MEETING, _pat(r"^Talks\s+with\s+(?P<who>.+)$"), _who),
    # The Kremlin titles phone calls "Telephone conversation"; a bare "Conversation" is in person.
    ("conversation with", "meeting", Mode.MEETING, _pat(r"^Conversation\s+with\s+(?P<who>.+)$"), _who),
    ("statements following trilateral talks", "meeting", Mode.MEETING,
     _pat(r"^Statements\s+by\s+leaders\s+of\s+(?P<countries>.+?)\s+following\s+trilateral\s+talks$"),
     lambda m: f"the leaders of {m.group('countries')}"),
    ("Russian-X talks", "meeting", Mode.MEETING,
     _pat(r"^(?:.*\bfollowing\s+)?Russi(?:an|a)\s*[-‒–]\s*(?P<nation>[^\W\d_][\w ]*?)\s+talks$"),
     lambda m: _nation_leader(m.group("nation"))),
]

UA_RULES: list[_Rule] = [
    ("announcement", "meeting", Mode.MEETING, _pat(rf"^{_UA_SUBJ}\s+(?:to|will)\s+(?:meet|hold|have)\b"), _who),
    ("had a phone conversation with", "phone", Mode.PHONE,
     _pat(rf"^{_PLACE}{_UA_SUBJ}(?:'s|\s+(?:had|has|held))\s+(?:(?:a|an|his)\s+)?(?:[\w-]+\s+)?{_PHONE_NOUN}"
          r"\s+with\s+(?P<who>.+)$"), _who),
    ("in a phone conversation with X, the President", "phone", Mode.PHONE,
     _pat(rf"^In\s+a\s+{_PHONE_NOUN}\s+with\s+(?P<who>.+?),\s+{_UA_SUBJ}\b"), _who),
    ("phone conversation between the President of Ukraine and", "phone", Mode.PHONE,
     _pat(rf"{_PHONE_NOUN}\s+between\s+the\s+President\s+of\s+Ukraine\s+and\s+(?P<who>.+?)\s+took\s+place"), _who),
    ("held a video meeting with", "other", Mode.VIDEO,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+(?:held|holds|had)\s+(?:a\s+|an\s+)?(?:online|video|zoom)\s+"
          r"(?:meeting|conference|call)\s+with\s+(?P<who>.+)$"), _who),
    ("met with", "meeting", Mode.MEETING,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+(?:met|meets|has\s+met)\s+(?:in\s+\w+\s+)?with\s+(?P<who>.+)$"), _who),
    ("held a meeting / talks with", "meeting", Mode.MEETING,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+(?:held|had|holds|has)\s+(?:a\s+)?(?:meeting|talks)\s+with\s+(?P<who>.+)$"), _who),
    ("started a meeting with", "meeting", Mode.MEETING,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+(?:began|started)\s+a\s+meeting\s+with\s+(?P<who>.+)$"), _who),
    ("X and Y started a meeting", "meeting", Mode.MEETING,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+and\s+(?P<who>.+?)\s+(?:began|started)\s+(?:a|their)\s+meeting\b"), _who),
    ("meeting of the President of Ukraine with X began", "meeting", Mode.MEETING,
     _pat(r"^Meeting\s+of\s+the\s+President\s+of\s+Ukraine\s+with\s+(?P<who>.+?)(?:,.*)?\s+began$"), _who),
    ("meeting of the Presidents of Ukraine and X", "meeting", Mode.MEETING,
     _pat(r"^(?:Following\s+the\s+)?meeting\s+of\s+the\s+Presidents\s+of\s+Ukraine\s+and\s+(?P<country>[\w ]+?)"
          r"\s+(?:started|began|in)\b"), lambda m: f"the President of {m.group('country')}"),
    ("Presidents of Ukraine and X began their meeting", "meeting", Mode.MEETING,
     _pat(r"^Presidents\s+of\s+Ukraine\s+and\s+(?P<country>[\w ]+?)\s+(?:began|started)\b"),
     lambda m: f"the President of {m.group('country')}"),
    ("trilateral meeting of presidents", "meeting", Mode.MEETING,
     _pat(r"^Trilateral\s+meeting\s+of\s+presidents\s+of\s+Ukraine,\s+(?P<countries>.+?)\s+begins?$"),
     lambda m: f"the Presidents of {m.group('countries')}"),
    ("- Zelenskyy after the meeting with", "meeting", Mode.MEETING,
     _pat(rf"{_DASH}{_UA_SUBJ}\s+(?:following|after)\s+(?:the\s+|a\s+)?(?:meeting|talks)\s+with\s+(?P<who>.+)$"),
     _who),
    ("at a meeting, Zelenskyy and X discussed", "meeting", Mode.MEETING,
     _pat(rf"^At\s+a\s+meeting\s+in\s+\w+,\s+{_UA_SUBJ}\s+and\s+(?P<who>.+?)\s+discussed\b"), _who),
    ("Zelenskyy: at the meeting with", "meeting", Mode.MEETING,
     _pat(rf"^{_UA_SUBJ}:\s+At\s+the\s+meeting\s+with\s+(?P<who>(?:[A-Z][\w.-]*\s*)+)"), _who),
    ("had a conversation with", "other", None,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+(?:had|has)\s+a\s+conversation\s+with\s+(?P<who>.+)$"), _who),
    ("- President during a conversation with", "other", None,
     _pat(rf"{_DASH}{_UA_SUBJ}\s+during\s+a\s+conversation\s+with\s+(?P<who>.+)$"), _who),
    ("X and Y discussed", "other", None,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+and\s+(?P<who>.+?)\s+(?:discussed|discuss)\b"), _who),
    ("discussed ... with", "other", None,
     _pat(rf"^{_PLACE}{_UA_SUBJ}\s+(?:discussed|discusses)\s+(?:.*?\s)?with\s+(?P<who>.+)$"), _who),
]

_NATIONS: dict[str, str] = {}  # English country adjective -> country QID, from the gazetteer


def _init_nations(gaz: Gazetteer) -> None:
    for c in gaz.countries.values():
        _NATIONS.update(dict.fromkeys(c.adj_en, c.qid))


def _nation_leader(nation: str) -> str:
    """ "Russian-Chinese talks" -> "the Chinese leader" (a role the resolver knows: the primary office)."""
    nation = nation.strip()
    return f"the {nation} leader" if nation in _NATIONS else f"the leader of {nation}"


# Trailing clauses of a headline that are not part of the counterpart's name.
_TRAIL = re.compile(r"(?:\s+(?:in\s+(?:[A-Z]\w+|the\s+area)\b|who\b|for\s+the\s+\w+\s+time\b|during\b|since\b"
                    r"|on\s+the\s+sidelines\b|on\s+the\s+eve\b)|\s*:|\s+[-–—]\s).*$")
_PLURAL_ROLE = re.compile(r"\b(?:Presidents|Prime\s+Ministers|leaders|heads\s+of\s+(?:state|governments?)"
                          r"|Foreign\s+Ministers|Speakers)\s+of\b", re.IGNORECASE)


def read_headline(item: Item) -> Headline | None:
    rules = KREMLIN_RULES if item.source == "kremlin" else UA_RULES
    for name, kind, mode, rx, build in rules:
        m = rx.search(item.headline)
        if m is None:
            continue
        if name == "announcement":
            return Headline(name, kind, mode, "", planned=True)
        who = _TRAIL.sub("", build(m)).strip(" ,.")
        if _PLURAL_ROLE.search(who):
            # "the Presidents of Poland, Latvia, Lithuania and Estonia": the resolver reads a
            # coordinated group of countries joined by "and", not by commas.
            who = re.sub(r",\s+(?:and\s+)?", " and ", who)
        return Headline(name, kind, mode, who)
    return None


# -- resolution --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """One leader mention in a phrase and who it is (``key`` None when unresolved)."""

    text: str
    kind: str
    start: int
    end: int
    key: str | None


def _resolve_with_finder(gaz: Gazetteer, finder: MentionFinder, text: str, day: dt.date) -> list[Found]:
    """The same mentions and discourse the extraction runs; used when kg.gazetteer.resolve is absent."""
    disc = Discourse(gaz, day)
    out = []
    for sent in split_sentences(text):
        for m in finder.find(sent.text, sent.start):
            if m.kind in (Kind.ANAPHOR, Kind.INSTITUTION):
                continue
            m = disc.resolve(m, sent.index)
            for key in m.people or (None,):
                out.append(Found(m.text, m.kind.value, m.start, m.end, key))
    return out


class Resolver:
    """Headline phrases -> gazetteer people at a date, with the project's own resolver.

    ``kg.gazetteer.resolve.resolve_text`` when the installed tree has it, else the
    MentionFinder + Discourse pair it is built on (the result is the same by design).
    """

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.finder = MentionFinder(gaz, "en")
        self.backend = "kg.extract.mentions.MentionFinder + kg.extract.discourse.Discourse"
        self._resolve_text: Callable[..., list[Any]] | None = None
        try:
            from kg.gazetteer.resolve import resolve_text

            # The module is young: if its signature or result shape moved, fall back rather than
            # list every item as unresolved.
            probe = resolve_text(gaz, "Vladimir Putin", dt.date(2022, 1, 1), "en")
            _ = [(r.text, r.kind, r.start, r.end, r.key) for r in probe]
        except Exception:
            return
        self._resolve_text = resolve_text
        self.backend = "kg.gazetteer.resolve.resolve_text"

    def mentions(self, text: str, day: dt.date) -> list[Found]:
        if self._resolve_text is not None:
            return [Found(r.text, r.kind, r.start, r.end, r.key) for r in self._resolve_text(self.gaz, text, day, "en")]
        return _resolve_with_finder(self.gaz, self.finder, text, day)

    def people(self, text: str, day: dt.date) -> list[str]:
        """Gazetteer people a counterpart phrase names, in order.

        Three guards keep a wrong person out of the silver (each is a resolver finding,
        listed in bench/README.md, not something to hide): a surname resolved right after
        another resolved name is the tail of a name the gazetteer spells differently
        ("Mohamed bin Zayed | Al Nahyan": "Al Nahyan" alone is Khalifa's short name); a
        surname alone must name someone in office at the date ("Pavel" in "Pavel Kosov"
        is not Petr Pavel in 2022); and an office right after "Vice" or "Deputy" is not
        held by the person named ("Executive Vice President of the European Commission").
        Minted people (titled names the gazetteer lacks) are not leaders here: such items
        are listed as unresolved.
        """
        keys: list[str] = []
        prev_end = -10
        for f in self.mentions(text, day):
            after_name, prev_end = f.start - prev_end <= 1, (f.end if f.key is not None else prev_end)
            if f.key is None or f.key not in self.gaz.people or f.key in keys:
                continue
            short = self._is_short(f)
            if short and (after_name or not self.gaz.offices_held(f.key, day)):
                continue
            before = folded_words(text[:f.start])[-1:]
            if f.kind == "role" and before and before[0] in ("vice", "deputy"):
                continue
            keys.append(f.key)
        return keys

    def _is_short(self, f: Found) -> bool:
        p = self.gaz.people.get(f.key or "")
        return p is not None and folded_words(f.text) in {folded_words(s) for s in p.short}


# -- silver and scoring ------------------------------------------------------------------


@dataclass
class Silver:
    item: Item
    headline: Headline
    actor: str
    counterpart: str
    label: str
    hits: dict[str, bool] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)  # level -> why it missed
    example: str = ""                                       # a body sentence that illustrates the miss

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.actor, self.counterpart))


@dataclass
class ItemResult:
    item: Item
    headline: Headline
    silver: list[Silver]
    events: tuple[ContactEvent, ...] = ()
    error: str | None = None
    extras: list[ContactEvent] = field(default_factory=list)


def _levels(s: Silver, events: tuple[ContactEvent, ...]) -> dict[str, bool]:
    day = FuzzyDate.of(s.item.day)
    with_pair = [e for e in events if s.pair <= e.keys]
    hits = {
        "pair": bool(with_pair),
        "date": any(e.date is None or e.date == day for e in with_pair),
        "strict": any(e.date == day for e in with_pair),
        "occurred": any(e.status is Status.OCCURRED for e in with_pair),
    }
    if s.headline.mode is not None:
        hits["mode"] = any(e.mode is s.headline.mode for e in with_pair)
    return hits


def _offset(d: FuzzyDate, day: dt.date) -> str:
    if d.day is None:
        return f"with a {d.precision.name.lower()}-precision date ({d.iso()})"
    n = (d.as_date() - day).days  # type: ignore[operator]
    if abs(n) == 1:
        return f"dated 1 day {'before' if n < 0 else 'after'} the item"
    return f"dated {'more than a day' if abs(n) <= 31 else 'over a month'} {'before' if n < 0 else 'after'} the item"


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A body sentence as the diagnoser sees it: its mentions (resolved) and contact words."""

    text: str
    start: int
    mentions: tuple[Mention, ...]
    triggers: tuple[Trigger, ...]

    @property
    def keys(self) -> set[str]:
        return {k for m in self.mentions for k in m.people}

    def first(self, key: str) -> Mention | None:
        return next((m for m in self.mentions if key in m.people), None)


class Diagnoser:
    """Cheap guesses at why a silver contact was missed, from the body's mentions and triggers.

    Each guess is a shape the extraction engineer can look for in the rules; the example
    sentence printed with it is the evidence. Nothing here changes what is scored.
    """

    def __init__(self, extractor: Extractor, resolver: Resolver) -> None:
        self.ex = extractor
        self.resolver = resolver

    def pair_miss(self, s: Silver, text: str, events: tuple[ContactEvent, ...]) -> tuple[str, str]:
        names = self.resolver.gaz.people
        partners = {k for e in events if s.counterpart in e.keys for k in e.keys} - {s.counterpart}
        if partners:
            other = ", ".join(sorted(names[k].en if k in names else k for k in partners))
            first = next(e for e in events if s.counterpart in e.keys)
            return "counterpart found in a contact without the actor", \
                f"[with {other}] {first.evidence[0].text if first.evidence else ''}"
        sentences = self._sentences(text, s.item.day)
        with_c = [x for x in sentences if s.counterpart in x.keys]
        if not with_c:
            seen = self._mentioning(text, s)
            if seen:
                return "counterpart's surname in the body but not resolved to them (spelling, title)", seen
            return "counterpart not named in the body", ""
        if not any(s.actor in x.keys for x in sentences):
            return "actor not named (or not resolved) in the body", with_c[0].text
        both = [x for x in sentences if s.pair <= x.keys]
        both_trig = [x for x in both if x.triggers]
        if both_trig:
            why, detail = self._why_not(both_trig[0], s)
            return why, f"{detail}{both_trig[0].text}"
        if both:
            return "both named in one sentence without a contact word", both[0].text
        c_trig = [x for x in with_c if x.triggers]
        if c_trig:
            if re.search(r"\b(?:I|we|We|us|our)\b", c_trig[0].text) and f"{ACTORS[s.item.source]}:" in text:
                return "transcript: the actor speaks in the first person ('We are happy to welcome ...')", \
                    c_trig[0].text
            return "counterpart named with a contact word, actor only in other sentences", c_trig[0].text
        return "actor and counterpart never in one sentence, no contact word near the counterpart", with_c[0].text

    def _why_not(self, x: _Sentence, s: Silver) -> tuple[str, str]:
        """Both people and a contact word in one sentence, no contact: which shape blocked it."""
        c, a = x.first(s.counterpart), x.first(s.actor)
        trig = x.triggers[0]
        assert c is not None and a is not None
        if x.text[a.end - x.start:].lstrip().startswith(":"):  # "Vladimir Putin: We are happy to welcome ..."
            return "transcript: the actor speaks in the first person ('We are happy to welcome ...')", ""
        lead = x.text[:max(0, min(a.start, c.start) - x.start)]
        if trig.end <= min(a.start, c.start) and "," in lead and trig.spec.pos == "noun":
            return "contact noun in a fronted phrase ('During the telephone conversation, X ... Y')", ""
        if re.match(r"(?:The\s+)?(?:meeting|talks|conversation)\s+of\b", x.text, re.IGNORECASE):
            return "contact noun as the subject ('The meeting of X with Y began ...')", ""
        before = [m for m in x.mentions if m.end <= c.start and c.start - m.end <= 2]
        if before and before[-1].kind in (Kind.ROLE, Kind.GROUP) and (
                not before[-1].people or s.actor in before[-1].people):
            return ("a title not joined to the counterpart's name resolves to "
                    f"{'the actor' if before[-1].people else 'nobody'} (official state name, apposition)"), ""
        between = x.text[trig.end - x.start:c.start - x.start]
        covered = [(m.start - trig.end, m.end - trig.end) for m in x.mentions if trig.end <= m.start < c.start]
        for w in words(between):
            if (w.capitalised or w.text[:1].isdigit()) and not any(a0 <= w.start < b0 for a0, b0 in covered):
                return ("unparsed title words between the contact word and the counterpart "
                        "(official state name, 'Acting', 'the 43rd', a second title)"), f"['{w.text}'] "
        return "both named with a contact word in one sentence, no contact extracted (other shape)", ""

    def _sentences(self, text: str, day: dt.date) -> list[_Sentence]:
        """The body's sentences with resolved mentions (one discourse over the whole body)."""
        finder, gaz = self.resolver.finder, self.resolver.gaz
        trig = self.ex.triggers("en")
        disc = Discourse(gaz, day)
        out = []
        for sent in split_sentences(text):
            try:
                found = finder.find(sent.text, sent.start)
            except Exception:  # the finder's own crashes are reported per item, not here
                continue
            mentions = tuple(disc.resolve(m, sent.index) for m in found)
            triggers = tuple(trig.find(words(sent.text, sent.start), sent.text, sent.start))
            out.append(_Sentence(sent.text, sent.start, mentions, triggers))
        return out

    def _mentioning(self, text: str, s: Silver) -> str:
        """The first body sentence with the counterpart's surname, to show how the body names them."""
        p = self.resolver.gaz.people.get(s.counterpart)
        if p is None:
            return ""
        surnames = {folded_words(n)[-1] for n in (p.en, p.fr, *p.aliases) if folded_words(n)}
        # Transliterations differ in the last letters ("Garibashvili" / "Gharibashvili"): compare stems.
        stems = {w[:5] for w in surnames if len(w) >= 5} | {w[-6:] for w in surnames if len(w) >= 6}
        for sent in split_sentences(text):
            fw = folded_words(sent.text)
            if any(w in surnames or w[:5] in stems or w[-6:] in stems for w in fw if len(w) >= 5):
                return sent.text
        return ""


def score(res: ItemResult, text: str, diag: Diagnoser) -> None:
    """Hits per level, and one reason per miss at the level where it first fails.

    A pair miss is reported at ``pair`` only (it fails every level); a date, mode or
    status miss is reported at its own level, for contacts whose pair was found.
    """
    for s in res.silver:
        if res.error is not None:
            s.hits = {lv: False for lv in LEVELS if lv != "mode" or s.headline.mode is not None}
            s.reasons["pair"] = f"extractor error: {res.error.split(':')[0]}"
            s.example = res.error
            continue
        s.hits = _levels(s, res.events)
        with_pair = [e for e in res.events if s.pair <= e.keys]
        if not s.hits["pair"]:
            s.reasons["pair"], s.example = diag.pair_miss(s, text, res.events)
            continue
        s.example = with_pair[0].evidence[0].text if with_pair[0].evidence else ""
        dated = [e.date for e in with_pair if e.date is not None]
        if not s.hits["date"]:
            s.reasons["date"] = f"found {_offset(dated[0], s.item.day)}"
        elif not s.hits["strict"]:
            s.reasons["strict"] = "found undated (the body gives no day)"
        if "mode" in s.hits and not s.hits["mode"]:
            modes = sorted({e.mode.value for e in with_pair})
            s.reasons["mode"] = f"found as {'/'.join(modes)} where the headline says {s.headline.mode.value}"
        if not s.hits["occurred"]:
            statuses = sorted({e.status.value for e in with_pair})
            s.reasons["occurred"] = f"found only as {'/'.join(statuses)}"
    silver_pairs = [s.pair for s in res.silver]
    res.extras = [e for e in res.events if not any(p <= e.keys for p in silver_pairs)]


# -- the run -----------------------------------------------------------------------------


@dataclass
class Run:
    results: list[ItemResult] = field(default_factory=list)
    unresolved: list[tuple[Item, Headline, str]] = field(default_factory=list)
    announcements: list[Item] = field(default_factory=list)
    items_read: Counter[str] = field(default_factory=Counter)
    contact_headlines: Counter[str] = field(default_factory=Counter)
    extract_seconds: float = 0.0
    total_seconds: float = 0.0
    backend: str = ""
    lead: bool = True


def run(data: Path, sources: list[str], kind: str, limit: int | None, with_summary: bool) -> Run:
    t0 = time.perf_counter()
    gaz = shipped_gazetteer()
    _init_nations(gaz)
    # English needs no parser: the rule-based frames are the English pipeline.
    extractor = Extractor(gaz, parse=False)
    resolver = Resolver(gaz)
    diag = Diagnoser(extractor, resolver)
    out = Run(backend=resolver.backend, lead=with_summary)
    for source in sources:
        actor_people = resolver.people(ACTORS[source], dt.date(2022, 1, 1))
        if len(actor_people) != 1:
            raise SystemExit(f"the gazetteer does not resolve {ACTORS[source]!r}: {actor_people}")
        actor = actor_people[0]
        taken = 0
        for item in read_items(data, source):
            out.items_read[source] += 1
            head = read_headline(item)
            if head is None or (kind != "all" and head.kind != kind):
                continue
            if limit is not None and taken >= limit:
                continue
            taken += 1
            out.contact_headlines[source] += 1
            if head.planned:
                out.announcements.append(item)
                continue
            try:
                people = [k for k in resolver.people(head.who, item.day) if k != actor]
            except Exception as exc:  # a resolver crash is a finding, not a reason to stop
                out.unresolved.append((item, head, f"resolver error: {exc!r}"))
                continue
            if not people:
                out.unresolved.append((item, head, "no gazetteer person"))
                continue
            silver = [Silver(item, head, actor, k, gaz.people[k].en) for k in people]
            res = ItemResult(item, head, silver)
            text = body_text(item, with_summary)
            article = Article(item.link, text, None, FuzzyDate.of(item.day), "en", item.link,
                              f"{FILES[source]}:{item.row}")
            t = time.perf_counter()
            try:
                res.events = extractor.extract(article).events
            except Exception as exc:  # one bad sentence must not hide the other 900 items
                res.error = f"{type(exc).__name__}: {exc}"
            out.extract_seconds += time.perf_counter() - t
            score(res, text, diag)
            out.results.append(res)
    out.total_seconds = time.perf_counter() - t0
    return out


# -- report ------------------------------------------------------------------------------


def _cells(silver: list[Silver]) -> dict[str, tuple[int, int]]:
    out = {}
    for lv in LEVELS:
        scored = [s for s in silver if lv in s.hits]
        out[lv] = (sum(s.hits[lv] for s in scored), len(scored))
    return out


def summary(r: Run) -> dict[str, Any]:
    groups: dict[tuple[str, str], list[ItemResult]] = defaultdict(list)
    for res in r.results:
        groups[(res.item.source, res.headline.kind)].append(res)
        groups[(res.item.source, "all")].append(res)
        if len(r.items_read) > 1:  # a "both" row only when both sources were read
            groups[("both", res.headline.kind)].append(res)
            groups[("both", "all")].append(res)
    table = []
    for (source, kind), results in sorted(groups.items(), key=lambda kv: (
            ("kremlin", "ua", "both").index(kv[0][0]), (*KINDS, "all").index(kv[0][1]))):
        silver = [s for res in results for s in res.silver]
        ok = [res for res in results if res.error is None]
        cells = _cells(silver)
        table.append({
            "source": source, "kind": kind, "items": len(results), "silver": len(silver),
            "errors": len(results) - len(ok),
            "recall": {LEVEL_NAMES[lv]: (round(h / n, 3) if n else None) for lv, (h, n) in cells.items()},
            "hits": {LEVEL_NAMES[lv]: [h, n] for lv, (h, n) in cells.items()},
            # What the rules do once the crash is fixed: the same counts without the crashed items.
            "recall_without_errors": {LEVEL_NAMES[lv]: (round(h / n, 3) if n else None)
                                      for lv, (h, n) in _cells([s for res in ok for s in res.silver]).items()},
            "extras_per_item": round(sum(len(res.extras) for res in ok) / len(ok), 2) if ok else None,
            "items_with_extras": sum(1 for res in ok if res.extras),
        })
    patterns = []
    by_pattern: dict[tuple[str, str], list[Silver]] = defaultdict(list)
    for res in r.results:
        by_pattern[(res.item.source, res.headline.pattern)].extend(res.silver)
    for (source, pattern), silver in sorted(by_pattern.items()):
        cells = _cells(silver)
        patterns.append({"source": source, "pattern": pattern, "silver": len(silver),
                         "hits": {LEVEL_NAMES[lv]: [h, n] for lv, (h, n) in cells.items()}})
    reasons: dict[tuple[str, str], list[str]] = defaultdict(list)
    for res in r.results:
        for s in res.silver:
            for lv, why in s.reasons.items():
                reasons[(LEVEL_NAMES[lv], why)].append(res.item.link)
    top = sorted(reasons.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:20]
    kind, level, goal = TARGET
    overall = "both" if len(r.items_read) > 1 else next(iter(r.items_read), "")
    phone = next((row for row in table if row["source"] == overall and row["kind"] == kind), None)
    achieved = phone["recall"][LEVEL_NAMES[level]] if phone else None
    return {
        "date": dt.date.today().isoformat(),
        "code": code_version(),
        "resolver": r.backend,
        "text_read": ("Kremlin: lead paragraph (summary column) + body; Kyiv: body" if r.lead
                      else "body column only"),
        "items_read": dict(r.items_read),
        "contact_headlines": dict(r.contact_headlines),
        "announcements_not_scored": len(r.announcements),
        "unresolved": len(r.unresolved),
        "scored_items": len(r.results),
        "extract_seconds": round(r.extract_seconds, 1),
        "total_seconds": round(r.total_seconds, 1),
        "target": {"kind": kind, "level": LEVEL_NAMES[level], "goal": goal, "recall": achieved,
                   "met": achieved is not None and achieved >= goal},
        "table": table,
        "patterns": patterns,
        "failure_reasons": [{"level": lv, "reason": why, "count": len(links), "examples": links[:3]}
                            for (lv, why), links in top],
    }


def code_version() -> str:
    """HEAD of the project and whether kg/ has uncommitted changes: the figures depend on both."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "kg"], capture_output=True,
                               text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{head}{' + uncommitted kg/ changes' if dirty else ''}"


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def print_text(r: Run, s: dict[str, Any], show_misses: int) -> None:
    p = print
    p(f"Readouts recall benchmark, {s['date']}, code {s['code']} (resolver: {s['resolver']})")
    p(f"items read: {s['items_read']}; contact headlines: {s['contact_headlines']}; "
      f"announcements (not scored): {s['announcements_not_scored']}; "
      f"unresolved counterparts: {s['unresolved']}; scored items: {s['scored_items']}")
    p(f"text read: {s['text_read']} (never the headline)")
    p(f"extraction {s['extract_seconds']} s; whole run {s['total_seconds']} s (gazetteer load, silver, "
      "extraction, diagnosis; Python imports excluded)")
    p("")
    p("pair+date counts an extracted contact without a date as the readout's day (bodies rarely repeat it);")
    p("pair+date strict needs the extracted date to be that day. 'other' items name no mode: no pair+mode.")
    p("")
    head = f"{'source':8} {'kind':8} {'items':>5} {'silver':>6} {'err':>4} " + " ".join(
        f"{LEVEL_NAMES[lv]:>16}" for lv in LEVELS) + f" {'extras/item':>11}"
    p(head)
    p("-" * len(head))
    for row in s["table"]:
        cells = " ".join(f"{_fmt(row['recall'][LEVEL_NAMES[lv]]):>16}" for lv in LEVELS)
        extras = "-" if row["extras_per_item"] is None else f"{row['extras_per_item']:.2f}"
        p(f"{row['source']:8} {row['kind']:8} {row['items']:>5} {row['silver']:>6} {row['errors']:>4} {cells} "
          f"{extras:>11}")
    if any(row["errors"] for row in s["table"]):
        p("")
        p("Without the items where the extractor raised (what the rules do once the crash is fixed):")
        for row in s["table"]:
            cells = " ".join(f"{_fmt(row['recall_without_errors'][LEVEL_NAMES[lv]]):>16}" for lv in LEVELS)
            p(f"{row['source']:8} {row['kind']:8} {row['items'] - row['errors']:>5} {'':>6} {'':>4} {cells}")
    t = s["target"]
    p("")
    p(f"target: {t['level']} recall on {t['kind']} items >= {t['goal']:.2f}: {_fmt(t['recall'])} "
      f"({'met' if t['met'] else 'NOT met'})")
    p("")
    p("Per headline pattern (hits/silver at pair, pair+date, strict, mode):")
    for row in s["patterns"]:
        h = row["hits"]
        cells = "  ".join(f"{h[LEVEL_NAMES[lv]][0]}/{h[LEVEL_NAMES[lv]][1]}"
                          for lv in ("pair", "date", "strict", "mode"))
        p(f"  {row['source']:8} {row['pattern'][:48]:48} {cells}")
    p("")
    p("Most frequent failure reasons (level: reason, count, example items):")
    for fr in s["failure_reasons"]:
        p(f"  {fr['count']:4}  {fr['level']}: {fr['reason']}")
        for link in fr["examples"][:2]:
            p(f"          {link}")
    if show_misses:
        p("")
        p(f"Misses (up to {show_misses} per level):")
        for lv in LEVELS:
            shown = 0
            for res in r.results:
                for sv in res.silver:
                    if lv in sv.reasons and shown < show_misses:
                        shown += 1
                        p(f"  [{LEVEL_NAMES[lv]}] {res.item.day} {res.item.link}")
                        p(f"      headline: {res.item.headline}")
                        p(f"      silver: {sv.label} ({sv.headline.mode.value if sv.headline.mode else 'no mode'});"
                          f" why: {sv.reasons[lv]}")
                        if sv.example:
                            p(f"      sentence: {sv.example[:300]}")
    p("")
    p(f"Contact headlines whose counterpart is no gazetteer person ({len(r.unresolved)}):")
    for item, head, why in r.unresolved:
        p(f"  {item.day} {item.source:7} {head.kind:7} {item.headline[:110]}  [{why}; phrase: {head.who!r}]")


def as_json(r: Run, s: dict[str, Any]) -> dict[str, Any]:
    items = []
    for res in r.results:
        items.append({
            "link": res.item.link, "source": res.item.source, "date": res.item.day.isoformat(),
            "headline": res.item.headline, "pattern": res.headline.pattern, "kind": res.headline.kind,
            "error": res.error,
            "silver": [{"counterpart": sv.counterpart, "label": sv.label,
                        "mode": sv.headline.mode.value if sv.headline.mode else None,
                        "hits": {LEVEL_NAMES[lv]: v for lv, v in sv.hits.items()},
                        "reasons": {LEVEL_NAMES[lv]: v for lv, v in sv.reasons.items()},
                        "example": sv.example} for sv in res.silver],
            "extras": [{"participants": [p.label_en for p in e.participants], "mode": e.mode.value,
                        "status": e.status.value, "date": e.date.iso() if e.date else None,
                        "sentence": e.evidence[0].text if e.evidence else ""} for e in res.extras],
        })
    return {**s,
            "unresolved_items": [{"link": i.link, "source": i.source, "date": i.day.isoformat(),
                                  "headline": i.headline, "phrase": h.who, "why": why} for i, h, why in r.unresolved],
            "announcement_items": [{"link": i.link, "headline": i.headline} for i in r.announcements],
            "items": items}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"the CSV folder (default {DEFAULT_DATA})")
    ap.add_argument("--source", choices=("kremlin", "ua", "both"), default="both")
    ap.add_argument("--kind", choices=(*KINDS, "all"), default="all")
    ap.add_argument("--limit", type=int, default=None, help="at most N contact headlines per source")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N", help="print N missed contacts per level")
    ap.add_argument("--no-summary", action="store_true",
                    help="Kremlin: read the body column alone, without the lead paragraph (summary column)")
    ap.add_argument("--json", action="store_true", help="machine output: summary, every item, its silver and extras")
    args = ap.parse_args(argv)
    missing = [f for f in FILES.values() if not (args.data / f).is_file()]
    if missing:
        print(f"readouts benchmark skipped: {args.data} does not hold {', '.join(missing)} "
              "(the data live outside the repository, in ../shared/data/; see --data)")
        return 0
    sources = ["kremlin", "ua"] if args.source == "both" else [args.source]
    r = run(args.data, sources, args.kind, args.limit, not args.no_summary)
    s = summary(r)
    if args.json:
        json.dump(as_json(r, s), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_text(r, s, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
