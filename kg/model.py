"""The records that flow between stages: article -> mentions -> contact events.

Nothing here imports spaCy or rdflib, so every stage can be tested alone and the
records can cross process boundaries (they are small, frozen and picklable).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum, StrEnum


class Precision(int, Enum):
    """How much of a date the text justifies; ordered from coarse to fine."""

    YEAR = 1
    MONTH = 2
    DAY = 3


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class FuzzyDate:
    """A calendar date known to year, month or day precision.

    ``month`` and ``day`` are ``None`` beyond the precision; a date never
    carries invented parts (``2025-07`` is not ``2025-07-01``).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day out of range: {self.year}-{self.month}-{self.day}")

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"not an ISO date: {text!r}")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @classmethod
    def of(cls, day: dt.date) -> FuzzyDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        """The exact day, or None when the precision is coarser."""
        if self.day is None or self.month is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def truncate(self, precision: Precision) -> FuzzyDate:
        if precision >= self.precision:
            return self
        if precision is Precision.MONTH:
            return FuzzyDate(self.year, self.month)
        return FuzzyDate(self.year)

    def covers(self, other: FuzzyDate) -> bool:
        """True when ``other`` is this date or a finer date inside it."""
        return other.precision >= self.precision and other.truncate(self.precision) == self

    def compatible(self, other: FuzzyDate) -> bool:
        return self.covers(other) or other.covers(self)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        return self.iso()


class Mode(StrEnum):
    """How two leaders were in contact; UNSPECIFIED when the text does not say."""

    UNSPECIFIED = "unspecified"
    PHONE = "phone"
    MEETING = "meeting"
    VIDEO = "video"
    LETTER = "letter"


class Status(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``text`` is the body; offsets everywhere index into it."""

    id: str
    text: str
    title: str | None = None
    published: FuzzyDate | None = None
    lang: str | None = None
    url: str | None = None
    origin: str = ""  # where it came from, for messages: a path, or "path:line"


@dataclass(frozen=True, slots=True)
class Leader:
    """A person who can take part in a contact.

    ``key`` is the Wikidata QID when the gazetteer links the person, otherwise a
    stable slug minted from the name (``linked`` is then False).
    """

    key: str
    label_en: str
    label_fr: str
    country: str | None = None
    linked: bool = True

    @property
    def qid(self) -> str | None:
        return self.key if self.linked else None

    def label(self, lang: str = "en") -> str:
        return self.label_fr if lang == "fr" else self.label_en


@dataclass(frozen=True, slots=True)
class Topic:
    """What a contact was about: a Wikidata entity when known, else a phrase."""

    label: str
    qid: str | None = None
    lang: str = "fr"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a contact was read from, with its offsets in the article text."""

    article_id: str
    text: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class ContactEvent:
    """One contact between two or more leaders, as read from one article."""

    participants: tuple[Leader, ...]
    mode: Mode
    status: Status
    date: FuzzyDate | None
    topics: tuple[Topic, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        keys = [p.key for p in self.participants]
        if len(set(keys)) < 2:
            raise ValueError(f"a contact needs two distinct participants, got {keys}")
        if keys != sorted(keys):
            object.__setattr__(self, "participants", tuple(sorted(self.participants, key=lambda p: p.key)))

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.participants)

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What extraction made of one article, plus what went wrong, if anything."""

    article: Article
    events: tuple[ContactEvent, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
