"""Parallel and distributed builds give exactly the graph a single process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import BuildReport, build
from kg.distributed import Settings
from kg.gazetteer.load import Gazetteer
from kg.ingest.readers import Skipped, iter_articles
from kg.pipeline import Extractor
from tests.conftest import DATA, ROOT

INPUTS = [DATA / "corpus" / "en" / "texts", ROOT / "seeds"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("one")
    report = build(INPUTS, out, extractor=Extractor(), timeout=None)
    assert report.articles == 124 and report.contacts > 100
    return (out / "graph.ttl").read_bytes()


@pytest.mark.slow
def test_scale_two_jobs_give_the_same_graph(reference: bytes, tmp_path: Path) -> None:
    report = build(INPUTS, tmp_path, extractor=Extractor(), timeout=None, jobs=2)
    assert report.articles == 124
    assert (tmp_path / "graph.ttl").read_bytes() == reference


@pytest.mark.slow
def test_scale_jobs_with_a_time_budget_give_the_same_graph(reference: bytes, tmp_path: Path) -> None:
    build(INPUTS, tmp_path, extractor=Extractor(), timeout=60, jobs=2)
    assert (tmp_path / "graph.ttl").read_bytes() == reference


@pytest.mark.slow
def test_scale_dask_cluster_gives_the_same_graph(reference: bytes, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        report = build(INPUTS, tmp_path, extractor=Extractor(), scheduler=cluster.scheduler_address,
                       settings=Settings(parse=True))
    assert report.articles == 124
    assert (tmp_path / "graph.ttl").read_bytes() == reference


def _hostile_folder(tmp_path: Path) -> Path:
    """tests/data/bad (bad files, a JSONL file with bad lines, HTML pages) plus a repeated text and a missing file."""
    folder = tmp_path / "in"
    shutil.copytree(DATA / "bad", folder)
    shutil.copy(folder / "cp1252.txt", folder / "cp1252_again.txt")
    return folder


def _report_lines(report: BuildReport) -> tuple:
    return (report.articles, report.with_contacts, report.contacts, report.reports, [str(s) for s in report.skipped],
            report.warnings)


@pytest.mark.parametrize(("jobs", "timeout"), [(1, 30.0), (2, None), (2, 30.0)])
def test_scale_inputs_read_in_workers_give_the_same_report_and_graph(tmp_path: Path, mini_gazetteer: Gazetteer,
                                                                    jobs: int, timeout: float | None) -> None:
    """Workers read the files and JSONL lines: skipped items and warnings still name the file (or file:line)
    and the reason, in input order, exactly as when the build reads everything in one process."""
    folder = _hostile_folder(tmp_path)
    inputs = [folder, tmp_path / "missing.txt"]
    one = build(inputs, tmp_path / "one", extractor=Extractor(mini_gazetteer, parse=False), timeout=None)
    # What the readers alone say about the same inputs: every item they skip is in the build's report.
    warnings: list[str] = []
    unread = [str(i) for i in iter_articles(inputs, on_warning=warnings.append) if isinstance(i, Skipped)]
    assert [str(s) for s in one.skipped] == unread and len(unread) > 5
    assert all(w in one.warnings for w in warnings)
    assert f"{folder}/cp1252_again.txt: same text as cp1252.txt, read once" in one.warnings
    assert f"{tmp_path}/missing.txt: no such file or folder" in unread
    many = build(inputs, tmp_path / "many", extractor=Extractor(mini_gazetteer, parse=False), timeout=timeout,
                 jobs=jobs)
    assert _report_lines(many) == _report_lines(one)
    assert (tmp_path / "many" / "graph.ttl").read_bytes() == (tmp_path / "one" / "graph.ttl").read_bytes()


def test_scale_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli, load_commands

    load_commands()
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "Traceback" not in result.output
