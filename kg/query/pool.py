"""A pool of query worker processes for the SPARQL endpoint.

Why processes, and why spawned: a query that runs past the timeout has to be
stopped, and only a process can be stopped from outside; forking from a
threaded HTTP server could copy a lock another thread holds. Each worker
opens the same on-disk Oxigraph folder read-only (safe for many readers),
answers one query at a time, and is killed and replaced when it runs over.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import QueryError, QueryTimeout


@dataclass(frozen=True, slots=True)
class Answer:
    data: bytes
    kind: str  # "solutions", "boolean" or "graph"


def _serve(path: str, conn: Connection) -> None:
    """Worker main loop: (query, fmt) in, ("ok", Answer) or ("error", message) out."""
    from pyoxigraph import Store

    from kg.query.engine import execute

    store = Store.read_only(path)
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        query, fmt, graph_fmt = msg
        try:
            res = execute(store, query, None, fmt, graph_fmt)
            kind = "graph" if res.graph is not None else "boolean" if res.boolean is not None else "solutions"
            conn.send(("ok", Answer(res.data or b"", kind)))
        except QueryError as exc:
            conn.send(("error", exc.message))
        except Exception as exc:  # one short line for the client, never a traceback
            conn.send(("error", f"query failed: {exc.__class__.__name__}"))


class _Worker:
    def __init__(self, ctx: mp.context.SpawnContext, path: Path) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(str(path), child), daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(120) or self.conn.recv()[0] != "ready":
            self.kill()
            raise QueryError("a query worker could not open the store")

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(10)
        self.conn.close()


class WorkerPool:
    """``run(query, fmt, graph_fmt)`` on the first free worker, within ``timeout`` seconds."""

    def __init__(self, store_path: Path, size: int = 2, timeout: float = 30.0) -> None:
        self.path = store_path
        self.timeout = timeout
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(max(1, size)):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx, self.path)
        with self._lock:
            if self._closed:
                w.kill()
                return
            self._all.add(w)
        self._idle.put(w)

    def run(self, query: str, fmt: str, graph_fmt: str) -> Answer:
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout("every query worker is busy; try again later") from None
        try:
            w.conn.send((query, fmt, graph_fmt))
            if not w.conn.poll(self.timeout):
                self._replace(w)
                w = None
                raise QueryTimeout(f"query ran over the {self.timeout:g} s limit and was stopped")
            status, payload = w.conn.recv()
        except (EOFError, OSError):
            self._replace(w)
            w = None
            raise QueryError("the query process ended without an answer (out of memory?)") from None
        finally:
            if w is not None:
                self._idle.put(w)
        if status == "error":
            raise QueryError(payload)
        return payload

    def _replace(self, w: _Worker | None) -> None:
        """Kill a worker and start another in the background (the caller answers at once)."""
        if w is None:
            return
        with self._lock:
            self._all.discard(w)
        w.kill()
        threading.Thread(target=self._add, daemon=True).start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            with contextlib.suppress(OSError):
                w.conn.send(None)
            w.kill()


__all__ = ["Answer", "WorkerPool"]
