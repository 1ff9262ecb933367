"""The per-article time budget (kg.budget) and what it guarantees a batch: order, isolation, no stall."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.budget import Budget, Outcome
from kg.build import build
from kg.errors import ExtractionError
from kg.gazetteer.load import Gazetteer
from kg.model import Article, ArticleResult
from kg.pipeline import Extractor

pytestmark = pytest.mark.issue(8)
ROOT = Path(__file__).parent.parent
MINI = ROOT / "tests" / "data" / "gazetteer_mini.json"


def work(x: int) -> int:
    if x == 3:
        time.sleep(60)
    if x == 5:
        raise ValueError("bad\nvalue")
    if x == 7:
        os._exit(9)
    if x == 8:
        raise ExtractionError("coded failure")
    time.sleep(0.05 * (x % 3))  # finishing out of order
    return x * 10


@pytest.mark.parametrize("workers", [1, 3])
def test_budget_results_in_input_order_with_failures_isolated(workers: int) -> None:
    start = time.monotonic()
    with Budget(1.0, workers=workers) as budget:
        got = list(budget.map(work, range(12), skip=lambda x: x == 10))
    assert time.monotonic() - start < 10
    assert [item for item, _ in got] == list(range(12))
    outcomes = dict(got)
    assert [outcomes[i].value for i in (0, 1, 2, 4, 6, 9, 11)] == [0, 10, 20, 40, 60, 90, 110]
    assert outcomes[3].timed_out and outcomes[3].error == "took over 1 s (--timeout-per-article); stopped"
    assert outcomes[5].error == "ValueError: bad value"  # one line
    assert outcomes[7].error == "worker process died (exit code 9)"
    assert outcomes[8].error == "coded failure"
    assert outcomes[10] == Outcome(ran=False)
    assert not budget._pool  # every worker stopped


def test_budget_inline_without_a_limit() -> None:
    with Budget(None) as budget:
        assert not budget.isolated
        got = dict(budget.map(lambda x: 1 / x, [1, 0, 2]))
    assert got[1].value == 1 and got[2].value == 0.5 and got[0].error == "ZeroDivisionError: division by zero"


def endless(taken: list[int]) -> Iterator[int]:
    """0, 1, 2... for ever, each number noted in ``taken`` as it is read."""
    for i in itertools.count():
        taken.append(i)
        yield i


def test_budget_reads_ahead_a_bounded_window() -> None:
    taken: list[int] = []
    with Budget(5.0, workers=2, window=4) as budget:
        results = budget.map(lambda x: x + 1, endless(taken))
        first = [next(results)[1].value for _ in range(10)]
    assert first == list(range(1, 11))
    assert len(taken) <= 10 + 4


def test_budget_reads_ahead_a_bounded_number_of_bytes() -> None:
    taken: list[int] = []
    with Budget(5.0, workers=2, window=1000, window_bytes=40) as budget:
        results = budget.map(lambda x: x + 1, endless(taken), weight=lambda _: 10)
        first = [next(results)[1].value for _ in range(10)]
    assert first == list(range(1, 11))
    assert len(taken) <= 10 + 4  # 40 bytes: four items of 10 held ahead


def slow_pair(x: int) -> int:
    if x in (1, 2):
        time.sleep(0.7)
    return x


def test_budget_queued_items_get_their_whole_budget() -> None:
    """A worker is sent several items at once; each one's clock starts when the one before it is done."""
    with Budget(1.0, workers=1) as budget:
        got = list(budget.map(slow_pair, range(6)))
        assert len(budget._pool) == 1  # 1.4 s of work on one worker, none stopped
    assert [o.value for _, o in got] == list(range(6))


def test_budget_items_queued_behind_a_hang_go_to_a_new_worker() -> None:
    with Budget(1.0, workers=1) as budget:
        got = dict(budget.map(work, [0, 3, 1, 2, 4]))
    assert got[3].timed_out
    assert [got[i].value for i in (0, 1, 2, 4)] == [0, 10, 20, 40]


def test_budget_unpicklable_result_is_a_failure_not_a_crash() -> None:
    with Budget(5.0) as budget:
        got = dict(budget.map(lambda x: (lambda: x) if x == 1 else x, [0, 1, 2]))
    assert got[0].value == 0 and got[2].value == 2
    assert got[1].error is not None and got[1].error.startswith("result could not be sent back")


def test_budget_worker_ignores_sigint_and_dies_with_the_pool() -> None:
    with Budget(5.0) as budget:
        list(budget.map(lambda x: x, [1]))
        (worker,) = budget._pool
        pid = worker.process.pid
        assert pid is not None
        os.kill(pid, signal.SIGINT)
        time.sleep(0.2)
        assert worker.process.is_alive()
    assert not worker.process.is_alive()


# -- one poisoned article among 100 ----------------------------------------------------------------------------

def corpus(folder: Path, n: int = 100) -> list[Path]:
    """n articles, each reporting a distinct contact (same pair, a different day)."""
    folder.mkdir()
    day = dt.date(2023, 1, 2)
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    paths = []
    for i in range(n):
        d = day + dt.timedelta(days=3 * i)
        p = folder / f"a{i:03d}.txt"
        p.write_text(f" date {d + dt.timedelta(days=1)} Rencontre {i}\n"
                     f"Emmanuel Macron a rencontré Olaf Scholz le {d.day} {months[d.month - 1]} {d.year} à Berlin.\n",
                     "utf-8")
        paths.append(p)
    return paths


def poisoned(extractor: Extractor, how: str) -> Extractor:
    original = extractor.extract

    def extract(article: Article) -> ArticleResult:
        if article.id == "a042.txt":
            if how == "raise":
                raise RuntimeError("poison")
            if how == "hang":
                time.sleep(600)
            if how == "crash":
                os._exit(1)
        return original(article)

    extractor.extract = extract  # type: ignore[method-assign]
    return extractor


@pytest.mark.parametrize(("how", "timeout", "reason"), [
    ("raise", None, "extraction failed (RuntimeError: poison)"),
    ("raise", 30.0, "extraction failed (RuntimeError: poison)"),
    ("hang", 2.0, "took over 2 s (--timeout-per-article); stopped"),
    ("crash", 30.0, "extraction failed (worker process died (exit code 1))"),
])
def test_budget_one_poisoned_article_leaves_the_other_99_intact(tmp_path: Path, mini_gazetteer: Gazetteer,
                                                                how: str, timeout: float | None,
                                                                reason: str) -> None:
    paths = corpus(tmp_path / "in")
    clean = build([p for p in paths if p.name != "a042.txt"], tmp_path / "clean",
                  extractor=Extractor(mini_gazetteer, parse=False), timeout=None)
    assert clean.articles == 99 and clean.contacts == 99
    report = build([tmp_path / "in"], tmp_path / "poisoned",
                   extractor=poisoned(Extractor(mini_gazetteer, parse=False), how), timeout=timeout)
    assert [str(s) for s in report.skipped] == [f"{tmp_path / 'in' / 'a042.txt'}: {reason}"]
    assert report.articles == 99 and report.contacts == 99
    assert (tmp_path / "poisoned" / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


# -- interrupting a build --------------------------------------------------------------------------------------

def _group_alive(pgid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


# kg with one article made slow (a005.txt sleeps in its worker): the interrupt always lands mid-extraction.
SLOW_KG = """
import sys, time
import kg.pipeline
original = kg.pipeline.Extractor.extract
def extract(self, article):
    if article.id == "a005.txt":
        time.sleep(120)
    return original(self, article)
kg.pipeline.Extractor.extract = extract
from kg.cli import main
sys.argv = ["kg", *sys.argv[1:]]
main()
"""


def _run_and_interrupt(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Start kg, wait until a worker process is extracting, then press Ctrl-C (SIGINT to the group)."""
    proc = subprocess.Popen([sys.executable, "-c", SLOW_KG, *args], cwd=cwd, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_group_alive(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    time.sleep(0.5)
    assert _group_alive(proc.pid) == [], "worker processes outlived the interrupted build"
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture()
def slow_corpus(tmp_path: Path) -> Path:
    """Ten articles; a005.txt hangs in the build started by ``_run_and_interrupt``."""
    folder = tmp_path / "in"
    corpus(folder, 10)
    return folder


@pytest.mark.slow
def test_budget_sigint_during_build_keeps_the_previous_output(tmp_path: Path, slow_corpus: Path) -> None:
    out = tmp_path / "out"
    common = ["--gazetteer", str(MINI), "--no-parse"]
    first = subprocess.run([sys.executable, "-m", "kg", "build", str(slow_corpus / "a000.txt"), "--out", str(out),
                            *common], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    res = _run_and_interrupt(["build", str(slow_corpus), "--out", str(out), *common], ROOT)
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # same files, same bytes, no temp file


@pytest.mark.slow
def test_budget_sigint_during_store_build_then_rerun_completes(tmp_path: Path, slow_corpus: Path) -> None:
    from kg.store import content_hashes, live_path, open_store, snapshots

    store = tmp_path / "store"
    common = ["--gazetteer", str(MINI), "--no-parse", "--store", str(store)]
    first = subprocess.run([sys.executable, "-m", "kg", "build", str(slow_corpus / "a000.txt"), *common],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    live_before = (snapshots(store), live_path(store))
    res = _run_and_interrupt(["build", str(slow_corpus), *common], ROOT)
    assert res.returncode != 0 and "Traceback" not in res.stderr
    assert (snapshots(store), live_path(store)) == live_before  # the live snapshot as it was
    assert len(content_hashes(open_store(store))) == 1
    again = subprocess.run([sys.executable, "-m", "kg", "build", str(slow_corpus), *common],
                           cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert len(content_hashes(open_store(store))) == 10
