"""``kg build``: files -> articles -> events -> merged contacts -> graph files.

The batch keeps going past bad items: each one is recorded in the report with
its reason, and the outputs are written atomically at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad, Store

from kg.errors import KgError
from kg.ingest.readers import Skipped, iter_articles
from kg.merge import ArticleMeta, MergedContact, Report, merge_reports
from kg.model import Article, FuzzyDate
from kg.pipeline import Extractor
from kg.rdf.build import article_quads, contact_quads
from kg.rdf.io import write_graph
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

    def summary(self) -> str:
        lines = [f"articles read: {self.articles} ({self.with_contacts} with contacts)",
                 f"contacts: {self.contacts} (from {self.reports} reports)", f"leaders: {self.leaders}"]
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


def extract_reports(articles: Iterable[Article | Skipped], extractor: Extractor, report: BuildReport,
                    progress: Callable[[int, int], None] | None = None) -> tuple[list[ArticleMeta], list[Report]]:
    """Run extraction over a stream, recording failures instead of stopping."""
    metas: dict[str, ArticleMeta] = {}
    reports: list[Report] = []
    for item in articles:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        meta = article_meta(item)
        if meta.content_hash in metas:
            report.warnings.append(f"{item.origin}: same text as {metas[meta.content_hash].id}, read once")
            continue
        try:
            result = extractor.extract(item)
        except KgError as exc:
            report.skipped.append(Skipped(item.origin, exc.message))
            continue
        except Exception as exc:
            report.skipped.append(Skipped(item.origin, f"extraction failed ({exc.__class__.__name__}: {exc})"[:300]))
            continue
        lang = extractor.language(item)
        meta = ArticleMeta(meta.id, meta.content_hash, meta.title, meta.published, lang, meta.url)
        metas[meta.content_hash] = meta
        report.articles += 1
        report.warnings.extend(f"{item.origin}: {w}" for w in result.warnings)
        if result.events:
            report.with_contacts += 1
        prov = extractor.provenance(lang)
        reports.extend(Report.of(meta, e, prov) for e in result.events)
        if progress is not None:
            progress(report.articles, len(reports))
    return list(metas.values()), reports


def graph_quads(metas: list[ArticleMeta], contacts: list[MergedContact]) -> list[Quad]:
    quads = set(contact_quads(contacts)) | set(article_quads(metas))
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def build(paths: Iterable[Path | str], out_dir: Path | str, *, published: FuzzyDate | None = None,
          encoding: str | None = None, lang: str | None = None, extractor: Extractor | None = None,
          label_lang: str = "en") -> BuildReport:
    """Build ``graph.ttl`` and ``graph.html`` in ``out_dir`` from article files."""
    from kg.view.html import write_view

    start = time.perf_counter()
    report = BuildReport()
    extractor = extractor or Extractor()
    articles = iter_articles(paths, published, encoding, lang, on_warning=report.warnings.append)
    metas, reports = extract_reports(articles, extractor, report)
    contacts = merge_reports(reports)
    report.reports = len(reports)
    report.contacts = len(contacts)
    report.leaders = len({p.key for c in contacts for p in c.participants})
    out = Path(out_dir)
    if report.articles:
        quads = graph_quads(metas, contacts)
        write_graph(quads, out / "graph.ttl")
        store = Store()
        store.bulk_extend(quads)
        write_view(store, out / "graph.html", label_lang)
    report.seconds = time.perf_counter() - start
    return report
