"""Parallel and distributed builds give exactly the graph a single process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.distributed import Settings
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


def test_scale_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli, load_commands

    load_commands()
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "Traceback" not in result.output
