"""Run a function over a stream of items with a wall-clock budget per item.

One pathological article (a tokenizer that goes quadratic, a regex that
backtracks) must not stall a batch of thousands. Python cannot interrupt C
code from inside, so each call runs in a worker process that is killed when
its item's budget runs out; a fresh worker takes its place. Results come back
**in input order**, with a bounded look-ahead, so memory stays flat whatever
the length of the stream.

A worker is never left waiting for the parent: it holds a short queue of
items (a few, small ones), sent while it works on the first, so that when the
parent is slow to answer (two busy workers on two cores leave it no core of its
own) the next item is already there. The clock of an item starts when the one
before it comes back. The look-ahead is wide (dozens of items per worker) so
that one slow article does not stop the other workers from going on.

Workers are forked: the function and what it holds (a loaded gazetteer, a
spaCy model) are inherited, not pickled; only items and results cross the
pipe. Where fork does not exist, or with no budget, calls run in this process
(an exception still becomes a failed outcome; a hang cannot be stopped).

    with Budget(seconds=60, workers=2) as budget:
        for item, outcome in budget.map(extract, articles):
            ...
"""

from __future__ import annotations

import contextlib
import heapq
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from kg.errors import KgError

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_SECONDS = 60.0
_BROKEN = "broken pipe"
# Items queued behind the one a worker is on: at most this many, and this many pickled bytes
# in all, so that a send never blocks (a socket pair buffers more than that on Linux and macOS)
# and a parent blocked on a send can never deadlock with a worker blocked on sending its result.
DEPTH = 8
QUEUED_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Outcome(Generic[R]):
    """What became of one item: ``value`` when ``ok``, else ``error`` (one line); ``ran`` is False for passed items."""

    value: R | None = None
    error: str | None = None
    seconds: float = 0.0
    ran: bool = True
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.ran and self.error is None


def describe(exc: BaseException) -> str:
    """One line for a failed call: a KgError's own message, else the exception type and text."""
    if isinstance(exc, KgError):
        return exc.message
    text = " ".join(str(exc).split())
    return f"{exc.__class__.__name__}: {text}"[:300] if text else exc.__class__.__name__


class Budget:
    """A pool of ``workers`` processes, each call limited to ``seconds`` of wall-clock time.

    ``seconds`` of None or 0 means no limit: calls run in this process.
    ``window`` bounds how many items are read ahead of the one being yielded,
    ``window_bytes`` their total ``weight`` (see ``map``).
    """

    def __init__(self, seconds: float | None = DEFAULT_SECONDS, workers: int = 1, window: int | None = None,
                 window_bytes: int = 64_000_000) -> None:
        self.seconds = seconds or None
        self.workers = max(1, workers)
        self.window = window or 64 * self.workers
        self.window_bytes = window_bytes
        # Workers are used for a time limit, or to run several articles at once (--jobs).
        self.isolated = (self.seconds is not None or self.workers > 1) and \
            "fork" in multiprocessing.get_all_start_methods()
        self._pool: list[_Worker] = []

    def __enter__(self) -> Budget:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for w in self._pool:
            w.stop()
        self._pool.clear()

    def map(self, fn: Callable[[T], R], items: Iterable[T], skip: Callable[[T], bool] | None = None,
            weight: Callable[[T], int] | None = None) -> Iterator[tuple[T, Outcome[R]]]:
        """``(item, outcome)`` for every item, in input order.

        Items for which ``skip`` is true are not run: they come out in their
        place with ``Outcome(ran=False)`` (e.g. inputs that were not readable).
        ``weight`` is an item's size in bytes, for the look-ahead bound (raw
        JSONL lines may be megabytes each; file paths weigh nothing).
        """
        if not self.isolated:
            yield from self._inline(fn, items, skip)
        else:
            yield from _Run(self, fn, skip, weight).results(items)

    def _inline(self, fn: Callable[[T], R], items: Iterable[T],
                skip: Callable[[T], bool] | None) -> Iterator[tuple[T, Outcome[R]]]:
        for item in items:
            if skip is not None and skip(item):
                yield item, Outcome(ran=False)
                continue
            start = time.perf_counter()
            try:
                value = fn(item)
            except Exception as exc:
                yield item, Outcome(error=describe(exc), seconds=time.perf_counter() - start)
                continue
            yield item, Outcome(value, seconds=time.perf_counter() - start)


class _Run(Generic[T, R]):
    """One ``Budget.map`` over the pool: what is read ahead, queued, sent and done."""

    def __init__(self, budget: Budget, fn: Callable[[T], R], skip: Callable[[T], bool] | None,
                 weight: Callable[[T], int] | None) -> None:
        self.budget, self.fn, self.skip, self.weight = budget, fn, skip, weight
        self.pool = budget._pool
        self.pending: dict[int, tuple[T, int]] = {}  # index -> (item, weight), not yet yielded
        self.done: dict[int, Outcome[R]] = {}
        self.queue: list[int] = []  # a heap of indexes waiting for a worker: the earliest goes first
        self.pickled: dict[int, bytes] = {}  # the first of the queue, pickled while it waits for a worker

    def results(self, items: Iterable[T]) -> Iterator[tuple[T, Outcome[R]]]:
        source = iter(items)
        next_in, next_out, held, exhausted = 0, 0, 0, False
        while True:
            # Read ahead while the window allows; passed items are done at once.
            while not exhausted and next_in - next_out < self.budget.window and held < self.budget.window_bytes:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                size = self.weight(item) if self.weight is not None else 0
                self.pending[next_in] = (item, size)
                held += size
                if self.skip is not None and self.skip(item):
                    self.done[next_in] = Outcome(ran=False)
                else:
                    heapq.heappush(self.queue, next_in)
                next_in += 1
            while next_out in self.done:
                item, size = self.pending.pop(next_out)
                held -= size
                yield item, self.done.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_in:
                return
            self._dispatch()
            self._collect()

    def _dispatch(self) -> None:
        while self.queue:
            index = self.queue[0]
            try:
                data = self.pickled.get(index) or pickle.dumps(self.pending[index][0], protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                heapq.heappop(self.queue)
                self.done[index] = Outcome(error=f"cannot be sent to a worker ({describe(exc)})")
                continue
            worker = self._worker_for(len(data))
            if worker is None:
                self.pickled = {index: data}
                return
            heapq.heappop(self.queue)
            self.pickled.pop(index, None)
            if worker.send(index, data) == _BROKEN:
                heapq.heappush(self.queue, index)
                if worker.tasks:  # it died at work: _collect reads its end and says so
                    return
                self.pool.remove(worker)  # an idle worker is gone: a new one takes the item
                worker.stop()

    def _worker_for(self, size: int) -> _Worker | None:
        """An idle worker, a new one, or the least busy that can queue ``size`` bytes more; None: wait."""
        idle = next((w for w in self.pool if not w.tasks), None)
        if idle is not None:
            return idle
        if len(self.pool) < self.budget.workers:
            worker = _Worker(self.fn, self.pool)
            self.pool.append(worker)
            return worker
        ready = [w for w in self.pool if not w.broken and w.can_queue(size)]
        return min(ready, key=lambda w: len(w.tasks), default=None)

    def _collect(self) -> None:
        busy = [w for w in self.pool if w.tasks]
        if not busy:
            return
        seconds = self.budget.seconds
        now = time.monotonic()
        wait = None if seconds is None else max(0.0, min(w.started + seconds for w in busy) - now)
        ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=wait)
        for w in busy:
            if w.conn in ready:
                self._receive(w)
            elif seconds is not None and time.monotonic() - w.started >= seconds:
                elapsed = time.monotonic() - w.started
                self._retire(w, Outcome(error=f"took over {seconds:g} s (--timeout-per-article); stopped",
                                        seconds=elapsed, timed_out=True))

    def _receive(self, w: _Worker) -> None:
        """Every result the worker has sent so far (it may be several items ahead of the parent)."""
        while w.tasks:
            elapsed = time.monotonic() - w.started
            outcome = w.receive(elapsed)
            if outcome is None:
                code = w.stop()
                self._retire(w, Outcome(error=f"worker process died ({_exit_reason(code)})", seconds=elapsed))
                return
            self.done[w.tasks.popleft()[0]] = outcome
            # The worker went on to its next item when it sent this result: its clock starts now (a
            # little late, never early, so an item gets at least its whole budget).
            w.started = time.monotonic()
            if not w.conn.poll():
                return

    def _retire(self, w: _Worker, outcome: Outcome[R]) -> None:
        """Stop a worker: its current item gets ``outcome``, the items queued behind it go to other workers."""
        w.stop()
        index, _ = w.tasks.popleft()
        self.done[index] = outcome
        for queued, _ in w.tasks:
            heapq.heappush(self.queue, queued)
        w.tasks.clear()
        self.pool.remove(w)


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"signal {signal.Signals(-code).name}"
    return f"exit code {code}"


class _Worker:
    """One forked process and its pipe; ``tasks`` are the (index, bytes) it was sent, the first one in work."""

    def __init__(self, fn: Callable[[Any], Any], pool: list[_Worker]) -> None:
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=True)
        siblings = [w.conn for w in pool]
        self.process = ctx.Process(target=_serve, args=(fn, child, [self.conn, *siblings]), daemon=True)
        self.process.start()
        child.close()
        self.tasks: deque[tuple[int, int]] = deque()
        self.started = 0.0  # when the first of ``tasks`` started
        self.broken = False

    def can_queue(self, size: int) -> bool:
        return len(self.tasks) <= DEPTH and sum(n for _, n in self.tasks) + size <= QUEUED_BYTES

    def send(self, index: int, data: bytes) -> str | None:
        """None when sent; ``_BROKEN`` when the worker is gone."""
        try:
            self.conn.send_bytes(data)
        except (OSError, ValueError):
            self.broken = True
            return _BROKEN
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append((index, len(data)))
        return None

    def receive(self, elapsed: float) -> Outcome[Any] | None:
        """The outcome of the first task, or None when the worker is gone."""
        try:
            ok, payload = self.conn.recv()
        except (EOFError, OSError):
            return None
        except Exception as exc:  # a result that does not unpickle
            return Outcome(error=f"result could not be read back ({describe(exc)})", seconds=elapsed)
        return Outcome(payload, seconds=elapsed) if ok else Outcome(error=payload, seconds=elapsed)

    def stop(self) -> int | None:
        """Kill the process (it may be stuck in C code) and return its exit code."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        with contextlib.suppress(OSError):
            self.conn.close()
        return self.process.exitcode


def _serve(fn: Callable[[Any], Any], conn: multiprocessing.connection.Connection,
           inherited: list[multiprocessing.connection.Connection]) -> None:
    # Ctrl-C goes to the whole process group: the parent decides, workers just get killed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for c in inherited:  # the parent's ends: holding them would hide the parent's exit from siblings
        with contextlib.suppress(OSError):
            c.close()
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            os._exit(0)
        try:
            reply: tuple[bool, Any] = (True, fn(item))
        except Exception as exc:
            reply = (False, describe(exc))
        except BaseException as exc:  # SystemExit from a library must not end the worker silently
            reply = (False, describe(exc))
        try:
            conn.send(reply)
        except Exception as exc:  # an unpicklable result
            conn.send((False, f"result could not be sent back ({describe(exc)})"))
