"""Many articles -> one event per real contact, each with all its sources.

Two reports are the same contact when they have the same participants, their
dates are compatible (equal, or one a coarser precision of the other; an
undated report only joins another undated one, since across articles an
undated mention cannot be tied to a dated one) and their modes are compatible
(unspecified joins anything). A called-off report joins a held one only on the
very same date. The merged contact takes the finest date and the specific
mode; the latest report (by publication date) decides its status, and every
report keeps its own status as provenance.

The result depends only on the *set* of reports: they are put in a canonical
order first, so input order, and the order articles were added in, never
change the graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import ContactEvent, Evidence, FuzzyDate, Leader, Mode, Status, Topic


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the graph records about an article."""

    id: str
    content_hash: str
    title: str | None = None
    published: FuzzyDate | None = None
    lang: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """One article's account of one contact."""

    article: ArticleMeta
    participants: tuple[Leader, ...]
    mode: Mode
    status: Status
    date: FuzzyDate | None
    topics: tuple[Topic, ...]
    evidence: tuple[Evidence, ...]
    extractor: str = ""
    model: str = ""
    model_version: str = ""

    def __post_init__(self) -> None:
        # "A spoke with B" and "B spoke with A" are the same report.
        ordered = tuple(sorted(self.participants, key=lambda p: (p.key, repr(p))))
        if ordered != self.participants:
            object.__setattr__(self, "participants", ordered)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(sorted(p.key for p in self.participants))

    def order_key(self) -> tuple:
        d = self.date
        # The last part closes the key: two distinct reports never tie, so a
        # stable sort can never let the input order leak into the clusters.
        return (self.keys, -(d.precision if d else 0), d.iso() if d else "", self.mode.value,
                self.article.content_hash, min((e.start for e in self.evidence), default=0), self.status.value,
                self._rest())

    def _rest(self) -> tuple:
        """Everything else, with the tuples whose order carries no meaning sorted."""
        return (sorted(map(repr, self.evidence)), sorted(map(repr, self.topics)), repr(self.participants),
                self.extractor, self.model, self.model_version, repr(self.article))

    @classmethod
    def of(cls, article: ArticleMeta, event: ContactEvent, provenance: dict[str, str] | None = None) -> Report:
        p = provenance or {}
        return cls(article, event.participants, event.mode, event.status, event.date, event.topics,
                   event.evidence, p.get("extractor", ""), p.get("model", ""), p.get("model_version", ""))


@dataclass(frozen=True, slots=True)
class MergedContact:
    participants: tuple[Leader, ...]
    mode: Mode
    status: Status
    date: FuzzyDate | None
    topics: tuple[Topic, ...]
    reports: tuple[Report, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(sorted(p.key for p in self.participants))


def _compatible_dates(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.compatible(b)


def _compatible_statuses(cluster: list[Report], r: Report) -> bool:
    """A called-off contact and a held one are one event only on the very same date.

    "Their last conversation was in mid-February" is not the meeting of 24 February that was
    called off; but a summit cancelled for 12 June and then held on 12 June is one summit. A plan
    and its holding join as the dates allow (the latest report then says it took place).
    """
    statuses = {x.status for x in cluster} | {r.status}
    if not {Status.CANCELLED, Status.OCCURRED} <= statuses:
        return True
    dates = {x.date for x in cluster} | {r.date}
    return len(dates) == 1


_UNDATED_WINDOW = 7  # days between the articles of two undated reports that may tell one contact


def _told_together(cluster: list[Report], r: Report) -> bool:
    """Undated reports are one contact only when their articles appeared within a week: "the leaders
    agreed to meet soon" in January and "the two leaders met" in September are two contacts."""
    if r.article.published is None:
        return True
    day = r.article.published.first_day()
    return all(x.article.published is None
               or abs((x.article.published.first_day() - day).days) <= _UNDATED_WINDOW for x in cluster)


def _compatible_modes(a: Mode, b: Mode) -> bool:
    return a is Mode.UNSPECIFIED or b is Mode.UNSPECIFIED or a is b


def _latest_status(reports: list[Report]) -> Status:
    """The status of the most recent report; on a tie, occurred beats cancelled beats planned."""
    rank = {Status.PLANNED: 0, Status.CANCELLED: 1, Status.OCCURRED: 2}

    def when(r: Report) -> tuple:
        pub = r.article.published
        return (pub.last_day() if pub else FuzzyDate(1).first_day(), rank[r.status])

    return max(reports, key=when).status


def _finest(dates: Iterable[FuzzyDate | None]) -> FuzzyDate | None:
    known = [d for d in dates if d is not None]
    if not known:
        return None
    return max(known, key=lambda d: (d.precision, d.iso()))


def _leaders(reports: list[Report]) -> tuple[Leader, ...]:
    """One Leader per key; the most informative record wins (a country beats none)."""
    best: dict[str, Leader] = {}
    for r in reports:
        for p in r.participants:
            cur = best.get(p.key)
            if cur is None or (cur.country is None and p.country is not None):
                best[p.key] = p
    return tuple(best[k] for k in sorted(best))


def merge_reports(reports: Iterable[Report]) -> list[MergedContact]:
    """Cluster reports into contacts; deterministic for any input order."""
    by_pair: dict[tuple[str, ...], list[Report]] = defaultdict(list)
    # A set: the same report given twice (an article read again) is one report.
    for r in set(reports):
        by_pair[r.keys].append(r)
    merged: list[MergedContact] = []
    for keys in sorted(by_pair):
        clusters: list[list[Report]] = []
        for r in sorted(by_pair[keys], key=Report.order_key):
            for c in clusters:
                date = _finest(x.date for x in c)
                mode = next((x.mode for x in c if x.mode is not Mode.UNSPECIFIED), Mode.UNSPECIFIED)
                same_article = any(x.article.content_hash == r.article.content_hash for x in c)
                if not same_article and _compatible_dates(date, r.date) and _compatible_modes(mode, r.mode) \
                        and _compatible_statuses(c, r) and (date is not None or _told_together(c, r)):
                    c.append(r)
                    break
            else:
                clusters.append([r])
        for c in clusters:
            topics: list[Topic] = []
            for r in c:
                topics.extend(t for t in r.topics if t not in topics)
            mode = next((x.mode for x in c if x.mode is not Mode.UNSPECIFIED), Mode.UNSPECIFIED)
            merged.append(MergedContact(_leaders(c), mode, _latest_status(c), _finest(x.date for x in c),
                                        tuple(topics), tuple(c)))
    return merged
