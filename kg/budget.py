"""Run a function over a stream of items with a wall-clock budget per item.

One pathological article (a tokenizer that goes quadratic, a regex that
backtracks) must not stall a batch of thousands. Python cannot interrupt C
code from inside, so each call runs in a worker process that is killed when
its item's budget runs out; a fresh worker takes its place. Results come back
**in input order**, with a bounded look-ahead, so memory stays flat whatever
the length of the stream.

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
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from kg.errors import KgError

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_SECONDS = 60.0
_BROKEN = "broken pipe"


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
    ``window`` bounds how many items are read ahead of the one being yielded.
    """

    def __init__(self, seconds: float | None = DEFAULT_SECONDS, workers: int = 1, window: int | None = None) -> None:
        self.seconds = seconds or None
        self.workers = max(1, workers)
        self.window = window or 4 * self.workers
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

    def map(self, fn: Callable[[T], R], items: Iterable[T],
            skip: Callable[[T], bool] | None = None) -> Iterator[tuple[T, Outcome[R]]]:
        """``(item, outcome)`` for every item, in input order.

        Items for which ``skip`` is true are not run: they come out in their
        place with ``Outcome(ran=False)`` (e.g. inputs that were not readable).
        """
        if not self.isolated:
            yield from self._inline(fn, items, skip)
        else:
            yield from self._pooled(fn, items, skip)

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

    def _pooled(self, fn: Callable[[T], R], items: Iterable[T],
                skip: Callable[[T], bool] | None) -> Iterator[tuple[T, Outcome[R]]]:
        source = iter(items)
        pending: dict[int, T] = {}  # index -> item, not yet yielded
        done: dict[int, Outcome[R]] = {}
        queue: list[int] = []  # indexes waiting for a worker
        next_in, next_out, exhausted = 0, 0, False
        while True:
            # Read ahead while the window allows; passed items are done at once.
            while not exhausted and next_in - next_out < self.window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending[next_in] = item
                if skip is not None and skip(item):
                    done[next_in] = Outcome(ran=False)
                else:
                    queue.append(next_in)
                next_in += 1
            while next_out in done:
                yield pending.pop(next_out), done.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_in:
                return
            self._dispatch(fn, pending, queue, done)
            self._collect(fn, done)

    def _dispatch(self, fn: Callable[[T], R], pending: dict[int, T], queue: list[int],
                  done: dict[int, Outcome[R]]) -> None:
        while queue:
            worker = next((w for w in self._pool if w.task is None), None)
            if worker is None:
                if len(self._pool) >= self.workers:
                    return
                worker = _Worker(fn, self._pool)
                self._pool.append(worker)
            index = queue.pop(0)
            problem = worker.send(index, pending[index])
            if problem == _BROKEN:  # the idle worker is gone: a new one takes the item
                self._pool.remove(worker)
                worker.stop()
                queue.insert(0, index)
            elif problem is not None:
                done[index] = Outcome(error=problem)

    def _collect(self, fn: Callable[[T], R], done: dict[int, Outcome[R]]) -> None:
        busy = [w for w in self._pool if w.task is not None]
        if not busy:
            return
        now = time.monotonic()
        wait = None if self.seconds is None else max(0.0, min(w.started + self.seconds for w in busy) - now)
        ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=wait)
        now = time.monotonic()
        for w in busy:
            index, elapsed = w.task, now - w.started
            assert index is not None
            if w.conn in ready:
                outcome = w.receive(elapsed)
                if outcome is not None:
                    done[index] = outcome
                    continue
                code = w.stop()
                done[index] = Outcome(error=f"worker process died ({_exit_reason(code)})", seconds=elapsed)
            elif self.seconds is not None and elapsed >= self.seconds:
                w.stop()
                done[index] = Outcome(error=f"took over {self.seconds:g} s (--timeout-per-article); stopped",
                                      seconds=elapsed, timed_out=True)
            else:
                continue
            self._pool.remove(w)


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"signal {signal.Signals(-code).name}"
    return f"exit code {code}"


class _Worker:
    """One forked process and its pipe; ``task`` is the index it is working on."""

    def __init__(self, fn: Callable[[Any], Any], pool: list[_Worker]) -> None:
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=True)
        siblings = [w.conn for w in pool]
        self.process = ctx.Process(target=_serve, args=(fn, child, [self.conn, *siblings]), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.started = 0.0

    def send(self, index: int, item: object) -> str | None:
        """None when sent; ``_BROKEN`` when the worker is gone; else why the item cannot be sent."""
        try:
            data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            return f"cannot be sent to a worker ({describe(exc)})"
        try:
            self.conn.send_bytes(data)
        except (OSError, ValueError):
            return _BROKEN
        self.task, self.started = index, time.monotonic()
        return None

    def receive(self, elapsed: float) -> Outcome[Any] | None:
        """The outcome sent back, or None when the worker is gone."""
        try:
            ok, payload = self.conn.recv()
        except (EOFError, OSError):
            return None
        except Exception as exc:  # a result that does not unpickle
            self.task = None
            return Outcome(error=f"result could not be read back ({describe(exc)})", seconds=elapsed)
        self.task = None
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
