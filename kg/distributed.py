"""Extraction on a Dask cluster: ``kg build --engine dask --scheduler ADDRESS``.

Why Dask: extraction is embarrassingly parallel over articles and every worker
needs the same read-only resources (the gazetteer, the French model), which a
long-lived Dask worker process loads once and keeps; the scheduler is a pip
install away, runs on a laptop (LocalCluster) or a cluster, and needs no JVM
(Spark) or object store (Ray) for what is a map over batches. The driver keeps
reading, merging and writing, so the graph is the same as a local build.

Articles travel to workers in batches; results come back in input order with a
bounded number of batches in flight, so memory stays flat on long streams.
Each worker builds its Extractor once from plain settings (not pickled
objects): a custom gazetteer file must be readable at the same path there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.budget import Outcome
from kg.model import Article

_EXTRACTORS: dict[tuple, Any] = {}  # one Extractor per settings, per worker process


@dataclass(frozen=True, slots=True)
class Settings:
    gazetteer: str | None = None  # path; None = the shipped gazetteer
    parse: bool = True
    prefilter: bool = True


def _extractor(settings: Settings) -> Any:
    key = (settings.gazetteer, settings.parse, settings.prefilter)
    if key not in _EXTRACTORS:
        from kg.gazetteer.load import load_gazetteer, shipped_gazetteer
        from kg.pipeline import Extractor

        gaz = load_gazetteer(settings.gazetteer) if settings.gazetteer else shipped_gazetteer()
        _EXTRACTORS[key] = Extractor(gaz, parse=settings.parse, prefilter=settings.prefilter)
    return _EXTRACTORS[key]


def extract_batch(batch: list[Article], settings: Settings) -> list[Any]:
    """Run on a worker: a ``kg.worker.Processed`` per article, as a local worker gives (failures included)."""
    from kg.worker import process

    ex = _extractor(settings)
    return [process(ex, article) for article in batch]


class DaskRunner:
    """Same interface as kg.budget.Budget.map, over a Dask cluster."""

    def __init__(self, scheduler: str, settings: Settings, batch_size: int = 64, in_flight: int = 8) -> None:
        from distributed import Client

        self.client = Client(scheduler, set_as_default=False, timeout=10)
        self.settings = settings
        self.batch_size = batch_size
        self.in_flight = in_flight

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def map(self, fn: Callable[[Article], Any], items: Iterable[Article], skip: Callable[[Article], bool] | None = None,
            weight: Callable[[Article], int] | None = None) -> Iterator[tuple[Article, Outcome[Any]]]:
        del fn, weight  # workers extract with their own Extractor (see module docstring); batches bound memory
        futures: list[tuple[list[tuple[Article, bool]], Any]] = []
        batch: list[tuple[Article, bool]] = []

        def submit() -> None:
            nonlocal batch
            todo = [a for a, skipped in batch if not skipped]
            future = self.client.submit(extract_batch, todo, self.settings, pure=False) if todo else None
            futures.append((batch, future))
            batch = []

        def drain(keep: int) -> Iterator[tuple[Article, Outcome[Any]]]:
            while len(futures) > keep:
                items_of, future = futures.pop(0)
                results = iter(future.result() if future is not None else [])
                for article, skipped in items_of:
                    if skipped:
                        yield article, Outcome(ran=False)
                        continue
                    yield article, Outcome(next(results))

        for item in items:
            batch.append((item, bool(skip and skip(item))))
            if len(batch) >= self.batch_size:
                submit()
                yield from drain(self.in_flight)
        if batch:
            submit()
        yield from drain(0)
