"""``kg build``: files -> articles -> events -> merged contacts -> graph files.

The batch keeps going past bad items: each one is recorded in the report with
its reason, and the outputs are written atomically at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyoxigraph import Quad, Store

from kg.budget import DEFAULT_SECONDS, Budget
from kg.distributed import DaskRunner, Settings
from kg.ingest.readers import Skipped, iter_articles
from kg.merge import ArticleMeta, MergedContact, Report, merge_reports
from kg.model import Article, FuzzyDate
from kg.pipeline import Extractor
from kg.rdf.build import article_quads, article_triples_sorted, contact_quads
from kg.rdf.io import triple_key, write_graph, write_turtle_streams
from kg.rdf.mint import content_hash


@dataclass
class BuildReport:
    articles: int = 0
    with_contacts: int = 0
    reports: int = 0
    contacts: int = 0
    leaders: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    already: int = 0  # with --store: articles whose text the store already holds
    stored: bool = False  # built into a store: counts are of the whole store

    def summary(self) -> str:
        lines = [f"articles read: {self.articles} ({self.with_contacts} with contacts)",
                 f"contacts: {self.contacts} (from {self.reports} reports)", f"leaders: {self.leaders}"]
        if self.stored:
            lines[1:] = [f"already in the store: {self.already}",
                         f"contacts in the store: {self.contacts} ({self.reports} new reports)",
                         f"leaders in the store: {self.leaders}"]
        if self.skipped:
            lines.append(f"skipped: {len(self.skipped)}")
            lines += [f"  - {s}" for s in self.skipped]
        if self.warnings:
            lines.append(f"warnings: {len(self.warnings)}")
            lines += [f"  - {w}" for w in self.warnings]
        lines.append(f"time: {self.seconds:.1f} s")
        return "\n".join(lines)


def article_meta(article: Article) -> ArticleMeta:
    return ArticleMeta(article.id, content_hash(article.text), article.title, article.published, article.lang,
                       article.url)


def _extract(extractor: Extractor, article: Article) -> tuple[tuple, tuple[str, ...], str]:
    """Run in a worker: language, prefilter and extraction; only what the parent lacks comes back."""
    article = extractor.with_language(article)  # detected once, then read by extract
    result = extractor.extract(article)
    return result.events, result.warnings, article.lang or "und"


def extract_reports(articles: Iterable[Article | Skipped], extractor: Extractor, report: BuildReport,
                    progress: Callable[[int, int], None] | None = None,
                    budget: Budget | DaskRunner | None = None) -> tuple[list[ArticleMeta], list[Report]]:
    """Run extraction over a stream, recording failures instead of stopping.

    With a ``budget``, articles run in worker processes (a time limit each,
    several at once with --jobs; or on a Dask cluster); results still come
    back in input order. Language detection and the prefilter run in the
    workers too: on a small machine the parent must not become the bottleneck.
    """
    metas: dict[str, ArticleMeta] = {}
    reports: list[Report] = []
    seen: dict[str, str] = {}  # content hash -> id of the first article with that text

    def passed(item: Article | Skipped) -> bool:
        """Unreadable items and repeated texts are not extracted (decided in input order)."""
        if isinstance(item, Skipped):
            return True
        digest = content_hash(item.text)
        if digest in seen:
            return True
        seen[digest] = item.id
        return False

    for item, outcome in (budget or Budget(None)).map(lambda a: _extract(extractor, a), articles, passed):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        meta = article_meta(item)
        if not outcome.ran:
            report.warnings.append(f"{item.origin}: same text as {seen[meta.content_hash]}, read once")
            continue
        if not outcome.ok or outcome.value is None:
            reason = outcome.error if outcome.timed_out else f"extraction failed ({outcome.error})"
            report.skipped.append(Skipped(item.origin, reason or "extraction failed"))
            continue
        events, warnings, lang = outcome.value
        meta = replace(meta, lang=lang)
        metas[meta.content_hash] = meta
        report.articles += 1
        report.warnings.extend(f"{item.origin}: {w}" for w in warnings)
        if events:
            report.with_contacts += 1
            prov = extractor.provenance(lang)
            reports.extend(Report.of(meta, e, prov) for e in events)
        if progress is not None:
            progress(report.articles, len(reports))
    return list(metas.values()), reports


def graph_quads(metas: list[ArticleMeta], contacts: list[MergedContact]) -> list[Quad]:
    """All quads of a build, sorted (the streaming writer in ``build`` gives the same Turtle)."""
    quads = set(contact_quads(contacts)) | set(article_quads(metas))
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _skip_known(articles: Iterable[Article | Skipped], known: set[str],
                report: BuildReport) -> Iterator[Article | Skipped]:
    """Drop articles whose text the store holds, before any extraction work."""
    for item in articles:
        if isinstance(item, Article) and content_hash(item.text) in known:
            report.already += 1
            continue
        yield item


def build(paths: Iterable[Path | str], out_dir: Path | str | None, *, published: FuzzyDate | None = None,
          encoding: str | None = None, lang: str | None = None, extractor: Extractor | None = None,
          label_lang: str = "en", store: Path | str | None = None,
          timeout: float | None = DEFAULT_SECONDS, jobs: int = 1, scheduler: str | None = None,
          settings: Settings | None = None, progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build ``graph.ttl`` and ``graph.html`` in ``out_dir`` from article files.

    With ``store``, add the articles it does not hold yet to that store folder
    (kg.store); ``out_dir``, if given, then gets the whole graph of the store.
    ``timeout`` is each article's extraction budget in seconds (None or 0: no limit);
    ``jobs`` worker processes extract at once; with ``scheduler`` (a Dask
    address) extraction runs on that cluster, workers building their own
    extractor from ``settings``.
    """
    from kg.view.html import write_view

    start = time.perf_counter()
    report = BuildReport()
    extractor = extractor or Extractor()
    articles = iter_articles(paths, published, encoding, lang, on_warning=report.warnings.append)
    quads: list[Quad] | None = None
    view_quads: list[Quad] | None = None  # what the view needs: the contacts and their sources
    if scheduler:
        budget: Budget | DaskRunner = DaskRunner(scheduler, settings or Settings(parse=extractor.parse))
    else:
        budget = Budget(timeout, workers=jobs)
        if jobs > 1:  # load the model and indexes before forking, so the workers share them
            extractor.warm_up(("fr", "en") if lang is None else (lang,))
    if store is None:
        with budget:
            metas, reports = extract_reports(articles, extractor, report, progress, budget=budget)
        contacts = merge_reports(reports)
        report.reports = sum(len(c.reports) for c in contacts)
        report.contacts = len(contacts)
        report.leaders = len({p.key for c in contacts for p in c.participants})
        if report.articles and out_dir is not None:
            # Most of a day's news holds no contact: the view needs none of those articles, and
            # the Turtle is streamed (the articles' statements are never all held at once).
            view_quads = contact_quads(contacts)
            contact_triples = sorted({q.triple for q in view_quads}, key=triple_key)
            write_turtle_streams([contact_triples, article_triples_sorted(metas)], Path(out_dir) / "graph.ttl")
    else:
        from kg.store import StoreWriter

        with StoreWriter(store) as writer:
            with budget:
                metas, reports = extract_reports(_skip_known(articles, writer.known, report), extractor, report,
                                                 progress, budget=budget)
            writer.commit(metas, reports)
        report.reports, report.stored = len(reports), True
        if writer.known:  # counts (and out_dir) are of the whole store
            from kg.rdf import vocab as v
            from kg.store import dataset_quads, open_store

            quads = dataset_quads(open_store(store))
            typed = [q.object for q in quads if q.predicate == v.TYPE]
            report.contacts, report.leaders = typed.count(v.CONTACT), typed.count(v.LEADER)
    if out_dir is not None and (quads is not None or view_quads is not None):
        out = Path(out_dir)
        if quads is not None:
            write_graph(quads, out / "graph.ttl")
        view_store = Store()
        view_store.bulk_extend(view_quads if view_quads is not None else quads)
        del quads, view_quads
        write_view(view_store, out / "graph.html", label_lang)
    report.seconds = time.perf_counter() - start
    return report
