"""The persistent graph: an Oxigraph store folder that later builds extend with new articles.

Layout of a store folder ``PATH``::

    PATH/live -> v000007        symlink to the live snapshot (an Oxigraph folder)
    PATH/v000007/               the live snapshot
    PATH/v000006/               the one before, kept: a server that opened it keeps working
    PATH/.lock                  held by the one build allowed to write
    PATH/.tmp-*/                a snapshot being written (removed by the next build if a run died)

A snapshot is never edited in place. A build reads the reports of the live
snapshot back from its article graphs (``kg.rdf.read``), skips articles whose
content hash it already holds, merges old and new reports from scratch with
``merge_reports`` and bulk-loads the result into a new folder, then points
``live`` at it with one atomic rename. So the store always holds exactly
what a build of all its articles at once would give, whatever order they came
in; a reader sees the old snapshot or the new one, never a half-written one;
and a run killed at any point leaves ``live`` as it was. (Not "current": a
bare Oxigraph folder has a RocksDB file ``CURRENT``, and some file systems
ignore case.)

Why a new snapshot rather than a transaction on the live one: pyoxigraph 0.5's
``extend``/``update`` are transactional, but a read-only ``Store`` opened by
another process (``kg serve``, ``kg query``) on a folder being written is
undefined behaviour in RocksDB. Bulk-loading a fresh folder is fast (see
docs) and needs no such care.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.errors import GraphError
from kg.merge import ArticleMeta, Report, merge_reports
from kg.rdf import vocab as v

CURRENT = "live"
KEEP = 2  # snapshots kept: the live one and the one before
_SNAPSHOT = re.compile(r"^v(\d{6,})$")
_XSD_INTEGER = NamedNode(v.XSD + "integer")
_XSD_NNI = NamedNode(v.XSD + "nonNegativeInteger")
_NON_NEGATIVE = {v.START, v.END}


def is_store(path: Path | str) -> bool:
    """A folder made by ``kg build --store``, or a bare Oxigraph folder."""
    p = Path(path)
    return p.is_dir() and ((p / CURRENT).exists() or (p / "CURRENT").is_file())


def live_path(path: Path | str) -> Path:
    """The Oxigraph folder to read: the live snapshot, or ``path`` itself for a bare Oxigraph store."""
    p = Path(path)
    if (p / CURRENT).is_symlink() or (p / CURRENT).is_dir():
        return (p / CURRENT).resolve()
    if (p / "CURRENT").is_file():  # RocksDB's own marker: a store written by another tool
        return p
    raise GraphError(f"{p}: not a store (no {CURRENT} snapshot); build one with kg build --store {p}")


def open_store(path: Path | str) -> Store:
    """The live snapshot, read-only."""
    live = live_path(path)
    try:
        return Store.read_only(str(live))
    except OSError as exc:
        raise GraphError(f"{path}: not a readable store ({str(exc).splitlines()[0][:200]})") from None


def dataset_quads(store: Store) -> list[Quad]:
    """All quads of a store as the graph was written, sorted.

    Oxigraph keeps every xsd:integer subtype as xsd:integer; the ontology gives
    the offsets xsd:nonNegativeInteger, so they get their datatype back here
    (exports from a store and from a file are then the same bytes).
    """
    out = []
    for q in store:
        o = q.object
        if isinstance(o, Literal) and q.predicate in _NON_NEGATIVE and o.datatype == _XSD_INTEGER:
            q = Quad(q.subject, q.predicate, Literal(o.value, datatype=_XSD_NNI), q.graph_name)
        out.append(q)
    out.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return out


def content_hashes(store: Store) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(None, v.CONTENT_HASH, None)}


class StoreWriter:
    """The one writer of a store folder: ``with StoreWriter(path) as w: w.commit(metas, reports)``."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock: IO[bytes] | None = None
        self.known: set[str] = set()
        self.added = 0

    def __enter__(self) -> StoreWriter:
        if self.path.exists() and not self.path.is_dir():
            raise GraphError(f"{self.path}: exists and is not a folder")
        if self.path.is_dir() and not (self.path / CURRENT).exists() and any(self.path.iterdir()) \
                and not (self.path / ".lock").exists():
            raise GraphError(f"{self.path}: a folder that is not a kg store; give a new or empty folder")
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.path / ".lock", "ab")  # held until __exit__
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise GraphError(f"{self.path}: another build is writing to this store; try again when it ends") from None
        for tmp in self.path.glob(".tmp-*"):  # left by a run that died: never live, safe to drop
            shutil.rmtree(tmp, ignore_errors=True)
        if (self.path / CURRENT).exists():
            self.known = content_hashes(open_store(self.path))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def read(self) -> tuple[list[ArticleMeta], list[Report]]:
        """Articles and reports of the live snapshot (none for a new store)."""
        from kg.rdf.read import read_reports

        if not (self.path / CURRENT).exists():
            return [], []
        store = open_store(self.path)
        return read_reports(store.quads_for_pattern(None, None, None, None))

    def commit(self, metas: Iterable[ArticleMeta], reports: Iterable[Report]) -> bool:
        """Add the articles the store lacks, in a new snapshot; False (and no work at all) when none is new."""
        from kg.rdf.build import article_quads, contact_quads

        new_metas = [m for m in metas if m.content_hash not in self.known]
        if not new_metas:
            return False
        new_hashes = {m.content_hash for m in new_metas}
        old_metas, old_reports = self.read()
        contacts = merge_reports(old_reports + [r for r in reports if r.article.content_hash in new_hashes])
        # No sort: the store keeps its own order, and every writer of files sorts.
        quads = set(contact_quads(contacts)) | set(article_quads(old_metas + new_metas))
        self._write_snapshot(quads)
        self.added = len(new_metas)
        self.known |= new_hashes
        return True

    def _write_snapshot(self, quads: Iterable[Quad]) -> None:
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.path))
        store = Store(str(tmp / "db"))
        store.bulk_extend(quads)
        store.flush()
        store.optimize()
        del store  # closes RocksDB before the folder moves
        name = f"v{self._next_number():06d}"
        os.replace(tmp / "db", self.path / name)
        tmp.rmdir()
        self._swap(name)
        self._prune()

    def _next_number(self) -> int:
        numbers = [int(m.group(1)) for p in self.path.iterdir() if (m := _SNAPSHOT.match(p.name))]
        return max(numbers, default=0) + 1

    def _swap(self, name: str) -> None:
        """Point ``live`` at ``name`` in one rename: the commit of a build."""
        link = self.path / f".{CURRENT}.new"
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
        link.symlink_to(name, target_is_directory=True)
        os.replace(link, self.path / CURRENT)
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _prune(self) -> None:
        live = live_path(self.path).name
        snapshots = sorted((p for p in self.path.iterdir() if _SNAPSHOT.match(p.name)), key=lambda p: p.name)
        keep = {p.name for p in snapshots[-KEEP:]} | {live}
        for p in snapshots:
            if p.name not in keep:
                shutil.rmtree(p, ignore_errors=True)


def snapshots(path: Path | str) -> list[str]:
    return sorted(p.name for p in Path(path).iterdir() if _SNAPSHOT.match(p.name))


__all__ = ["CURRENT", "StoreWriter", "content_hashes", "dataset_quads", "is_store", "live_path", "open_store",
           "snapshots"]
