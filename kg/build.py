"""``kg build``: files -> articles -> events -> merged contacts -> graph files.

The batch keeps going past bad items: each one is recorded in the report with
its reason, and the outputs are written atomically at the end.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad, Store

from kg.budget import DEFAULT_SECONDS, Budget, Outcome
from kg.distributed import DaskRunner, Settings
from kg.ingest.readers import Line, Skipped, iter_articles, iter_inputs
from kg.merge import ArticleMeta, MergedContact, Report, merge_reports
from kg.model import Article, FuzzyDate
from kg.pipeline import Extractor
from kg.rdf.build import article_quads, article_triples_sorted, contact_quads
from kg.rdf.io import triple_key, write_graph, write_turtle_streams
from kg.rdf.mint import content_hash
from kg.worker import Input, Processed, ReadOptions, article_meta, process

__all__ = ["BuildReport", "article_meta", "build", "extract_reports", "graph_quads"]


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


def extract_reports(inputs: Iterable[Input | Skipped], extractor: Extractor, report: BuildReport,
                    progress: Callable[[int, int], None] | None = None,
                    budget: Budget | DaskRunner | None = None, options: ReadOptions | None = None,
                    known: Container[str] = ()) -> tuple[list[ArticleMeta], list[Report]]:
    """Read and extract a stream of inputs, recording failures instead of stopping.

    ``inputs`` are files and raw JSONL lines (``iter_inputs``) or articles already
    read. With a ``budget``, they are read and extracted in worker processes (a
    time limit each, several at once with --jobs; or on a Dask cluster); results
    still come back in input order, and what follows is decided in that order:
    a text seen before is read once, the store's texts (``known``) not at all.
    """
    metas: dict[str, ArticleMeta] = {}
    reports: list[Report] = []
    seen: dict[str, str] = {}  # content hash -> id of the first article with that text
    read = options or ReadOptions()

    def run(item: Input) -> Processed:
        return process(extractor, item, read, known)

    pool = budget or Budget(None)
    with _heap_frozen():
        for item, outcome in pool.map(run, inputs, skip=lambda i: isinstance(i, Skipped), weight=_weight):
            if _record(item, outcome, extractor, report, metas, reports, seen) and progress is not None:
                progress(report.articles, len(reports))
    return list(metas.values()), reports


def _record(item: Input | Skipped, outcome: Outcome[Processed], extractor: Extractor, report: BuildReport,
            metas: dict[str, ArticleMeta], reports: list[Report], seen: dict[str, str]) -> bool:
    """One input's result, in input order: skipped, read once, or counted (True) with its reports kept."""
    if isinstance(item, Skipped):
        report.skipped.append(item)
        return False
    if not outcome.ok or outcome.value is None:  # the worker hung or died: nothing came back
        reason = outcome.error if outcome.timed_out else f"extraction failed ({outcome.error})"
        report.skipped.append(Skipped(item.origin, reason or "extraction failed"))
        return False
    done: Processed = outcome.value
    report.warnings.extend(done.read_warnings)
    if done.skipped is not None:
        report.skipped.append(Skipped(item.origin, done.skipped))
        return False
    meta = done.meta
    if meta is None:  # a blank line
        return False
    if done.known:
        report.already += 1
        return False
    if meta.content_hash in seen:
        report.warnings.append(f"{item.origin}: same text as {seen[meta.content_hash]}, read once")
        return False
    seen[meta.content_hash] = meta.id
    if done.error is not None:
        report.skipped.append(Skipped(item.origin, f"extraction failed ({done.error})"))
        return False
    metas[meta.content_hash] = meta
    report.articles += 1
    report.warnings.extend(f"{item.origin}: {w}" for w in done.warnings)
    if done.events:
        report.with_contacts += 1
        prov = extractor.provenance(meta.lang or "und")
        reports.extend(Report.of(meta, e, prov) for e in done.events)
    return True


@contextlib.contextmanager
def _heap_frozen() -> Iterator[None]:
    """Keep the garbage collector off everything loaded so far (gazetteer, indexes, model) during the loop.

    Its full collections walk every tracked object: with those loaded that was 10-15% of the extraction
    time (measured on bench/throughput.py streams), and in forked workers the walk also writes to the
    inherited pages, which then stop being shared. Unfrozen afterwards: a library caller's later garbage
    must stay collectable.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _weight(item: Input | Skipped) -> int:
    """Bytes an input holds while it waits for a worker: a raw JSONL line may be large, a path is not."""
    return len(item.data) if isinstance(item, Line) else 0


def graph_quads(metas: list[ArticleMeta], contacts: list[MergedContact]) -> list[Quad]:
    """All quads of a build, sorted (the streaming writer in ``build`` gives the same Turtle)."""
    quads = set(contact_quads(contacts)) | set(article_quads(metas))
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _skip_known(articles: Iterable[Article | Skipped], known: set[str],
                report: BuildReport) -> Iterator[Article | Skipped]:
    """Drop articles whose text the store holds, before they are sent to a Dask cluster."""
    for item in articles:
        if isinstance(item, Article) and content_hash(item.text) in known:
            report.already += 1
            continue
        yield item


def _inputs(paths: Iterable[Path | str], options: ReadOptions, report: BuildReport, dask: bool,
            known: set[str]) -> Iterator[Input | Skipped]:
    """What the workers get: files and raw lines, which they read; but articles for a Dask cluster, whose
    workers may not see the input files (the driver reads, and drops what the store holds)."""
    if not dask:
        return iter_inputs(paths, options.encoding)
    articles = iter_articles(paths, options.published, options.encoding, options.lang,
                             on_warning=report.warnings.append)
    return _skip_known(articles, known, report) if known else articles


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
    options = ReadOptions(published, encoding, lang)
    quads: list[Quad] | None = None
    view_quads: list[Quad] | None = None  # what the view needs: the contacts and their sources
    if scheduler:
        budget: Budget | DaskRunner = DaskRunner(scheduler, settings or Settings(parse=extractor.parse))
    else:
        budget = Budget(timeout, workers=jobs)
        if jobs > 1:  # load the model and indexes before forking, so the workers share them
            extractor.warm_up(("fr", "en") if lang is None else (lang,), detect=lang is None)
    if store is None:
        with budget:
            metas, reports = extract_reports(_inputs(paths, options, report, bool(scheduler), set()), extractor,
                                             report, progress, budget=budget, options=options)
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
                metas, reports = extract_reports(_inputs(paths, options, report, bool(scheduler), writer.known),
                                                 extractor, report, progress, budget=budget, options=options,
                                                 known=writer.known)
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
