"""What a worker of ``kg build`` does with one input: read it, extract it, send back only what the parent needs.

The parent only walks folders and splits JSONL files into lines; everything
that costs per article (reading the bytes, detecting the encoding, cleaning,
HTML extraction, hashing, language detection, extraction) happens here, in
the worker processes, so that on a 2-core machine the parent does not become
the bottleneck of two workers. What comes back is small: the article's
metadata, its contact events (most articles have none) and the warnings.

``process`` is also what runs in the parent itself when there are no workers,
and on Dask workers (which get articles the driver has read: input files
need not be visible on the cluster).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, replace

from kg.budget import describe
from kg.ingest.readers import Line, Skipped, Source, read_input
from kg.merge import ArticleMeta
from kg.model import Article, ContactEvent, FuzzyDate
from kg.pipeline import Extractor
from kg.rdf.mint import content_hash

Input = Source | Line | Article


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """The build's reading options (``--published``, ``--encoding``, ``--lang``)."""

    published: FuzzyDate | None = None
    encoding: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Processed:
    """One input, done: ``meta`` is None when it was not read (``skipped`` says why) or was a blank line."""

    meta: ArticleMeta | None = None
    events: tuple[ContactEvent, ...] = ()
    read_warnings: tuple[str, ...] = ()  # from reading, each naming the input
    warnings: tuple[str, ...] = ()  # from extraction, without the input's name
    skipped: str | None = None  # why the input could not be read
    error: str | None = None  # why extraction failed (one line)
    known: bool = False  # the store already holds this text: not extracted


def article_meta(article: Article) -> ArticleMeta:
    return ArticleMeta(article.id, content_hash(article.text), article.title, article.published, article.lang,
                       article.url)


def process(extractor: Extractor, item: Input, options: ReadOptions = ReadOptions(),
            known: Container[str] = ()) -> Processed:
    """Read and extract one input; a failure is part of the result, not an exception.

    Only a hang or a crash (which the parent's time budget deals with) leaves
    the parent without the article's hash and reading warnings.
    """
    if isinstance(item, Article):
        article: Article | Skipped | None = item
        read_warnings: tuple[str, ...] = ()
    else:
        article, warnings = read_input(item, options.published, options.encoding, options.lang)
        read_warnings = tuple(warnings)
    if article is None:
        return Processed(read_warnings=read_warnings)
    if isinstance(article, Skipped):
        return Processed(read_warnings=read_warnings, skipped=article.reason)
    meta = article_meta(article)
    if meta.content_hash in known:
        return Processed(meta, read_warnings=read_warnings, known=True)
    try:
        article = extractor.with_language(article)  # detected once, then read by extract
        result = extractor.extract(article)
    except Exception as exc:  # one bad article must not stop its worker or its batch
        return Processed(meta, read_warnings=read_warnings, error=describe(exc))
    return Processed(replace(meta, lang=article.lang or "und"), result.events, read_warnings, result.warnings)
