"""Time expressions in French and English, resolved against the publication date.

Each expression is resolved twice, once as if it dated a past contact and once
as if it dated a planned one ("mardi" is the last Tuesday for a call that took
place, the next Tuesday for a call that is planned); the contact stage picks
the reading that fits the status it found. Nothing is ever guessed: a phrase
that does not fix a month or a day gets the coarser precision it justifies,
and a relative phrase with no publication date resolves to nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from kg.model import FuzzyDate, Precision
from kg.text import fold

_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}

# Month names only ("may" and "mars" are words too: they need a date context).
_MONTH_RE = (r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
             r"january|february|march|april|may|june|july|august|september|october|november|december|"
             r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_WD_RE = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
          r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_NUM_RE = r"(?:\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_DAY_RE = r"(?:1er|premier|\d{1,2})(?:st|nd|rd|th)?"

# Patterns run over the *folded* sentence (same length as the original for the
# Latin script we care about, so spans map back). Order matters: longer first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx)) for name, rx in [
    ("range", rf"\b(?:du|from|between)\s+(?P<d1>{_DAY_RE})(?:\s+(?P<m1>{_MONTH_RE}))?\s+(?:au|to|and|-)\s+"
              rf"(?P<d2>{_DAY_RE})\s+(?P<m2>{_MONTH_RE})(?:\s+(?P<y>{_YEAR_RE}))?\b"),
    ("day_month", rf"\b(?:(?P<wd>{_WD_RE})\s+)?(?:the\s+)?(?P<d>{_DAY_RE})\s+(?:of\s+)?(?P<m>{_MONTH_RE})"
                  rf"(?:,?\s+(?P<y>{_YEAR_RE}))?\b"),
    ("month_day", rf"\b(?:(?P<wd>{_WD_RE}),?\s+)?(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                  rf"(?:,?\s+(?P<y>{_YEAR_RE}))?(?!\s*(?:%|\d))"),
    ("part_month", rf"\b(?P<part>debut|fin|mi|courant|dans le courant de|early|late|mid|in early|in late|"
                   rf"at the (?:start|end|beginning) of)[\s-]+(?:du mois de\s+|(?:de\s+)?)"
                   rf"(?P<m>{_MONTH_RE})(?:\s+(?P<rel>dernier|passe|prochain))?(?:\s+(?P<y>{_YEAR_RE}))?\b"),
    ("month_of_year", rf"\b(?:(?:en|in|au mois de)\s+)?(?P<m>{_MONTH_RE})\s+(?P<w>last year|this year|next year|"
                      rf"(?:de )?l'an dernier|(?:de )?l'annee derniere|(?:de )?l'an passe|(?:de )?l'annee passee|"
                      rf"de cette annee|(?:de )?l'an prochain|(?:de )?l'annee prochaine)\b"),
    # "leur appel de novembre", "la visite d'avril": "de" too, as a noun's complement.
    ("rel_month", rf"\b(?:(?:en|au mois de|in|last|next|this|since|depuis|remonte a|remontait a|back to|a|de)\s+|d')"
                  rf"(?P<m>{_MONTH_RE})"
                  rf"(?:\s+(?P<rel>dernier|passe|prochain))?(?:\s+(?P<y>{_YEAR_RE}))?\b"),
    ("month_year", rf"\b(?P<m>{_MONTH_RE})\s+(?P<y>{_YEAR_RE})\b"),
    ("weekday", rf"\b(?:(?P<pre>last|next|this|on|ce|le)\s+)?(?P<wd>{_WD_RE})"
                rf"(?:\s+(?P<post>dernier|passe|prochain|matin|soir|apres-midi|apres midi|morning|evening|"
                rf"afternoon|night))?\b"),
    ("day_word", r"\b(?P<w>avant-hier|apres-demain|hier soir|hier|aujourd'hui|demain|cette nuit|ce matin|ce soir|"
                 r"cet apres-midi|cet apres midi|dans la soiree|dans la matinee|dans l'apres-midi|this afternoon|"
                 r"this morning|this evening|during the day|dans la journee|"
                 r"yesterday|today|tomorrow|tonight|earlier today|earlier in the day|plus tot dans la journee|"
                 r"le meme jour|"
                 r"the same day|dans la foulee|later that day|plus tard dans la journee|"
                 r"la veille|le lendemain|the day before|the following day|the next day|"
                 r"a day earlier|one day earlier|un jour plus tot|the previous day|"
                 r"(?:a|one|the) day after|au lendemain (?:de|du|des|d')|"
                 # "Three days later, Erdogan hosted Guterres": counted from the day told before
                 r"(?:two|three|four|five|six|seven|ten|[2-9]|10) days (?:later|earlier)|"
                 r"(?:deux|trois|quatre|cinq|six|sept|dix|[2-9]|10) jours plus (?:tard|tot))(?=\W)"),
    ("week", r"\b(?P<w>la semaine derniere|la semaine passee|cette semaine|la semaine prochaine|earlier in the week|"
             r"plus tot dans la semaine|en debut de semaine|later in the week|later this week|"
             r"plus tard dans la semaine|en fin de semaine|"
             r"le week-end dernier|ce week-end|last week|earlier this week|this week|next week|last weekend|"
             r"over the weekend|this weekend)\b"),
    # "in October ..., after a video call earlier that month": the month the sentence named before.
    ("that_month", r"\b(?:earlier|later) that month|that same month|the same month|\ble meme mois|"
                   r"\bce meme mois|\b(?:plus tot |plus tard )?ce mois-la\b"),
    ("month_word", r"\b(?P<w>le mois dernier|le mois passe|ce mois-ci|plus tot ce mois-ci|au debut du mois|"
                   r"debut du mois|le mois prochain|last month|this month|earlier this month|next month|"
                   r"later this month|earlier in the month)\b"),
    ("ago", rf"\b(?:(?:il y a|voila)\s+(?P<n>{_NUM_RE})\s+(?P<unit>jours|jour|semaines|semaine|mois|ans|annees|an)"
            rf"|(?P<n2>{_NUM_RE})\s+(?P<unit2>days|day|weeks|week|months|month|years|year)\s+ago)\b"),
    # "à l'automne", "last summer": the season's year, the finest precision a season justifies.
    ("season", r"\b(?P<pre>au|a l'|en|cet|ce|this|last|next|in the|in)\s*(?P<s>printemps|ete|automne|hiver|spring|"
               r"summer|autumn|fall|winter)(?:\s+(?P<rel>dernier|prochain))?\b"),
    ("season", r"\b(?P<pre>l'|le )(?P<s>printemps|ete|automne|hiver)\s+(?P<rel>dernier|prochain)\b"),
    ("year_word", r"\b(?P<w>l'an dernier|l'an passe|l'annee derniere|l'annee passee|cette annee|"
                  r"dans le courant de l'annee|courant de l'annee|dans l'annee|"
                  r"l'an prochain|l'annee prochaine|last year|this year|next year|earlier this year|"
                  r"later this year)\b"),
    ("year", rf"\b(?P<pre>en|in|since|depuis|debut|fin|early|late|mid-|mi-)\s*(?P<y>{_YEAR_RE})\b"),
    ("vague", r"\b(?P<w>recemment|dernierement|recently|lately|prochainement|soon|bientot)\b"),
    # "in February and September": a bare month coordinated with a month phrase just before it.
    ("and_month", rf"\s+(?:and|et)\s+(?P<m>{_MONTH_RE})(?:\s+(?P<y>{_YEAR_RE}))?\b"),
]]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time phrase: where it is, and what it means for a past or a planned contact."""

    start: int
    end: int
    text: str
    kind: str
    past: FuzzyDate | None
    future: FuzzyDate | None
    since: bool = False  # "depuis juillet": a bound, not the date of a contact

    def for_status(self, planned: bool) -> FuzzyDate | None:
        return self.future if planned else self.past

    def nearest(self, reference: FuzzyDate | None) -> FuzzyDate | None:
        """For a called-off contact: "the summit planned for 12 June", cancelled on 24 May, was
        to be in the future; "the talks due last Tuesday" in the past. The reading closer to the
        article's date wins."""
        if self.past is None or self.future is None or reference is None or self.past == self.future:
            return self.past or self.future
        ref = reference.first_day()
        return min((self.past, self.future), key=lambda d: abs((d.first_day() - ref).days))


def _month_of(token: str) -> int:
    return _MONTHS[token.rstrip(".")]


def _day_of(token: str) -> int:
    token = re.sub(r"(st|nd|rd|th)$", "", token)
    return 1 if token in ("1er", "premier") else int(token)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBERS[token]


def _safe(y: int, m: int | None = None, d: int | None = None) -> FuzzyDate | None:
    try:
        return FuzzyDate(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def coarsest_common(a: dt.date, b: dt.date) -> FuzzyDate | None:
    """The finest date covering the whole span a..b: month, year or nothing."""
    if (a.year, a.month) == (b.year, b.month):
        return FuzzyDate(a.year, a.month)
    if a.year == b.year:
        return FuzzyDate(a.year)
    return None


class _Resolver:
    """Resolves the matched groups of one pattern against the publication date."""

    def __init__(self, published: FuzzyDate | None) -> None:
        self.pub = published
        self.day = published.as_date() if published else None

    def month_year(self, month: int, rel: str | None, year: int | None) -> tuple:
        if year:
            d = _safe(year, month)
            return d, d
        if self.pub is None or self.pub.month is None:
            return None, None
        py, pm = self.pub.year, self.pub.month
        past_y = py if month < pm or (month == pm and rel not in ("dernier", "passe", "last")) else py - 1
        fut_y = py if month > pm or (month == pm and rel not in ("prochain", "next")) else py + 1
        if rel in ("dernier", "passe", "last"):
            return _safe(past_y, month), None
        if rel in ("prochain", "next"):
            return None, _safe(fut_y, month)
        return _safe(past_y, month), _safe(fut_y, month)

    def day_month(self, day: int, month: int, year: int | None) -> tuple:
        if year:
            d = _safe(year, month, day)
            return d, d
        if self.pub is None:
            return None, None
        py = self.pub.year
        cand = _safe(py, month, day)
        if cand is None:
            return None, None
        ref = self.pub.last_day() if self.day is None else self.day
        first = self.pub.first_day() if self.day is None else self.day
        past = cand if cand.first_day() <= ref else _safe(py - 1, month, day)
        fut = cand if cand.first_day() >= first else _safe(py + 1, month, day)
        return past, fut

    def weekday(self, wd: int, pre: str | None, post: str | None) -> tuple:
        if self.day is None:
            return None, None
        back = (self.day.weekday() - wd) % 7
        fwd = (wd - self.day.weekday()) % 7
        strictly_past = post in ("dernier", "passe") or pre == "last"
        strictly_next = post == "prochain" or pre == "next"
        if strictly_past and back == 0:
            back = 7
        if strictly_next and fwd == 0:
            fwd = 7
        past = FuzzyDate.of(self.day - dt.timedelta(days=back))
        fut = FuzzyDate.of(self.day + dt.timedelta(days=fwd))
        if strictly_past:
            return past, None
        if strictly_next:
            return None, fut
        return past, fut

    def day_word(self, w: str) -> tuple:
        offsets = {"avant-hier": -2, "hier": -1, "hier soir": -1, "yesterday": -1, "aujourd'hui": 0, "ce soir": 0,
                   "cet apres-midi": 0, "cet apres midi": 0, "this afternoon": 0, "this morning": 0,
                   "this evening": 0,
                   "today": 0, "tonight": 0, "ce matin": 0, "cette nuit": 0, "earlier today": 0,
                    "demain": 1, "tomorrow": 1,
                   "apres-demain": 2}
        if self.day is None or w not in offsets:  # la veille, earlier in the day... need an anchor event
            return None, None
        d = FuzzyDate.of(self.day + dt.timedelta(days=offsets[w]))
        return d, d

    def week(self, w: str) -> tuple:
        if self.day is None:
            return None, None
        monday = self.day - dt.timedelta(days=self.day.weekday())
        if w in ("la semaine derniere", "la semaine passee", "last week", "le week-end dernier", "last weekend"):
            start = monday - dt.timedelta(days=7)
            d = coarsest_common(start + dt.timedelta(days=5 if "week" in w and "end" in w else 0),
                                 start + dt.timedelta(days=6))
            return d, None
        if w in ("la semaine prochaine", "next week"):
            start = monday + dt.timedelta(days=7)
            return None, coarsest_common(start, start + dt.timedelta(days=6))
        if w in ("earlier this week", "earlier in the week", "plus tot dans la semaine", "en debut de semaine",
                 "over the weekend"):
            end = self.day if w != "over the weekend" else monday - dt.timedelta(days=1)
            start = monday if w != "over the weekend" else end - dt.timedelta(days=1)
            return coarsest_common(start, end), None
        if w in ("later in the week", "later this week", "plus tard dans la semaine", "en fin de semaine"):
            return None, coarsest_common(self.day, monday + dt.timedelta(days=6))
        d = coarsest_common(monday, monday + dt.timedelta(days=6))
        return d, d

    def month_word(self, w: str) -> tuple:
        if self.pub is None or self.pub.month is None:
            return None, None
        y, m = self.pub.year, self.pub.month
        if w in ("le mois dernier", "le mois passe", "last month"):
            return _safe(*_shift_month(y, m, -1)), None
        if w in ("le mois prochain", "next month"):
            return None, _safe(*_shift_month(y, m, 1))
        d = FuzzyDate(y, m)
        return d, d

    def year_word(self, w: str) -> tuple:
        if self.pub is None:
            return None, None
        y = self.pub.year
        if w in ("l'an dernier", "l'an passe", "l'annee derniere", "l'annee passee", "last year"):
            return FuzzyDate(y - 1), None
        if w in ("l'an prochain", "l'annee prochaine", "next year"):
            return None, FuzzyDate(y + 1)
        return FuzzyDate(y), FuzzyDate(y)

    def ago(self, n: int, unit: str) -> tuple:
        if self.pub is None:
            return None, None
        if unit.startswith(("an", "annee", "year")):
            return FuzzyDate(self.pub.year - n), None
        if unit in ("mois", "month", "months"):
            if self.pub.month is None:
                return None, None
            return _safe(*_shift_month(self.pub.year, self.pub.month, -n)), None
        if self.day is None:
            return None, None
        days = n if unit.startswith(("jour", "day")) else 7 * n
        centre = self.day - dt.timedelta(days=days)
        if days <= 3:
            return FuzzyDate.of(centre), None
        # "il y a deux semaines" is rarely exact: keep the month only if the whole
        # plausible window (a third of the span either side) lies in one month.
        slack = dt.timedelta(days=max(1, days // 3))
        return coarsest_common(centre - slack, centre + slack), None


_SINCE_BEFORE = re.compile(r"\b(?:since|depuis)\s+(?:(?:the|le|la|l')\s*)?$")
# "a 50% tariff from August 1", "à partir du 1er août": when something else starts, not a contact's day.
_FROM_BEFORE = re.compile(r"\b(?:from|starting|effective|as of|a partir du|a partir de|a compter du|des le)\s+"
                          r"(?:(?:the|le)\s+)?$")
_RANGE_AFTER = re.compile(r"\s*(?:to|until|till|through|au|jusqu|-)\b")
_WHEN_CLAUSE = re.compile(r"\s*,?\s*(?:when|lorsqu|quand|ou ils|ou elle|ou il)\b")


def find_time_expressions(text: str, published: FuzzyDate | None, offset: int = 0) -> list[TimeExpr]:
    """Every time phrase of ``text`` (offsets shifted by ``offset``), left to right."""
    folded = fold(text)
    if len(folded) != len(text):  # "œ", "ß"...: fold char by char so offsets still map back
        folded = "".join((fold(ch) or " ")[0] for ch in text)
    res = _Resolver(published)
    taken: list[tuple[int, int, str]] = []
    found: list[TimeExpr] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(folded):
            s, e = m.span()
            while s < e and folded[s] == " ":
                s += 1
            if s >= e or any(s < te and ts < e for ts, te, _ in taken):
                continue
            if _ambiguous_month(m, text):
                continue
            if kind == "and_month" and not any(te == m.start() and k in _MONTH_KINDS for _, te, k in taken):
                continue
            expr = _resolve(kind, m, res)
            if expr is None:
                continue
            past, fut, since = expr
            # "since the October 7 attack", "depuis le 24 février": a bound. (Not a weekday: "réunis depuis
            # mercredi soir" dates an ongoing meeting.)
            since = since or (kind in ("day_month", "month_day") and (
                _SINCE_BEFORE.search(folded, 0, s) is not None
                or (_FROM_BEFORE.search(folded, 0, s) is not None and not _RANGE_AFTER.match(folded, e))))
            if since and _WHEN_CLAUSE.match(folded, e):
                since = False  # "since October, when both men met": the date of that meeting
            taken.append((s, e, kind))
            found.append(TimeExpr(s + offset, e + offset, text[s:e], kind, past, fut, since))
    return _that_month(sorted(found, key=lambda t: t.start))


def _that_month(found: list[TimeExpr]) -> list[TimeExpr]:
    """"earlier that month" takes the month of the nearest month-precise time before it; alone, nothing."""
    out: list[TimeExpr] = []
    for t in found:
        if t.kind == "that_month":
            before = next((x.past for x in reversed(out) if x.past is not None and x.past.month is not None), None)
            if before is None:
                continue
            t = replace(t, past=before.truncate(Precision.MONTH), future=before.truncate(Precision.MONTH))
        out.append(t)
    return out


_MONTH_KINDS = ("part_month", "rel_month", "month_year", "and_month")


def _resolve(kind: str, m: re.Match[str], res: _Resolver) -> tuple | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if kind == "range":
        m2 = _month_of(g["m2"])
        m1 = _month_of(g["m1"]) if g.get("m1") else m2
        if m1 == m2:
            past, fut = res.month_year(m2, None, year)
        else:
            past, fut = res.month_year(m2, None, year)
            past = past.truncate(Precision.YEAR) if past else None
            fut = fut.truncate(Precision.YEAR) if fut else None
        return past, fut, False
    if kind in ("day_month", "month_day"):
        day = _day_of(g["d"])
        if not 1 <= day <= 31:
            return None
        past, fut = res.day_month(day, _month_of(g["m"]), year)
        return past, fut, False
    if kind in _MONTH_KINDS:
        since = kind == "rel_month" and m.group().split()[0] in ("since", "depuis")
        rel = g.get("rel")
        if kind == "rel_month" and m.group().startswith("last"):
            rel = "last"
        elif kind == "rel_month" and m.group().startswith("next"):
            rel = "next"
        past, fut = res.month_year(_month_of(g["m"]), rel, year)
        return past, fut, since
    if kind == "weekday":
        past, fut = res.weekday(_WEEKDAYS[g["wd"]], g.get("pre"), g.get("post"))
        return past, fut, False
    if kind == "that_month":
        return None, None, False  # filled in from the month named before it (find_time_expressions)
    by_word = {"day_word": res.day_word, "week": res.week, "month_word": res.month_word, "year_word": res.year_word}
    if kind in by_word:
        past, fut = by_word[kind](g["w"])
        return past, fut, False
    if kind == "month_of_year":
        if res.pub is None:
            return None
        shift = -1 if any(x in g["w"] for x in ("last", "dernier", "derniere", "passe", "passee")) else \
            1 if any(x in g["w"] for x in ("next", "prochain", "prochaine")) else 0
        d = _safe(res.pub.year + shift, _month_of(g["m"]))
        return d, d, False
    if kind == "season":
        if res.pub is None or res.pub.month is None:
            return None
        start = _SEASON_START[g["s"]]
        y, mo = res.pub.year, res.pub.month
        last = g["pre"] == "last" or g.get("rel") == "dernier"
        nxt = g["pre"] == "next" or g.get("rel") == "prochain"
        this = g["pre"] in ("cet", "ce", "this")
        past = FuzzyDate(y if start <= mo else y - 1)
        fut = FuzzyDate(y if start >= mo or this else y + 1)
        if last:
            return FuzzyDate(y - 1 if start > mo or (start <= mo < start + 3) else y), None, False
        if nxt:
            return None, FuzzyDate(y + 1 if start <= mo else y), False
        if this:
            return FuzzyDate(y), FuzzyDate(y), False
        return past, fut, False
    if kind == "ago":
        n, unit = (g["n"], g["unit"]) if g.get("n") else (g["n2"], g["unit2"])
        past, fut = res.ago(_number(n), unit)
        return past, fut, False
    if kind == "year":
        d = FuzzyDate(int(g["y"]))
        return d, d, g["pre"] in ("since", "depuis")
    if kind == "vague":
        return None, None, False
    return None


_SEASON_START = {"printemps": 3, "spring": 3, "ete": 6, "summer": 6, "automne": 9, "autumn": 9, "fall": 9,
                 "hiver": 12, "winter": 12}


# English month names that are also common words: only a capitalised form is a month.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "sep", "dec", "jun"}


def _ambiguous_month(m: re.Match[str], original: str) -> bool:
    if "m" not in m.re.groupindex or m.group("m") is None:
        return False
    word = m.group("m").rstrip(".")
    if word not in _AMBIGUOUS_MONTHS:
        return False
    s = m.start("m")
    return not original[s:s + 1].isupper()
