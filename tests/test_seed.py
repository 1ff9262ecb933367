"""The seed AFP dispatch, end to end: build, then compare with our golden expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli, load_commands
from kg.evaluate import read_predictions
from kg.query.engine import open_source
from tests.conftest import DATA, ROOT

EXPECTED = json.loads((DATA / "seed" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    load_commands()
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "articles read: 1" in result.output
    return out / "graph.ttl"


def _contacts(graph: Path) -> list[dict]:
    rows = []
    for pair in read_predictions(open_source(graph))[Path(EXPECTED["article"]).stem]:
        qids = sorted(k for k in pair.a | pair.b if k[:1] == "Q" and k[1:].isdigit())
        rows.append({"participants": qids, "type": pair.type, "status": pair.status, "date": pair.date})
    return rows


def test_seed_gives_every_required_contact(seed_graph: Path) -> None:
    got = _contacts(seed_graph)
    for want in EXPECTED["required"]:
        want = {k: want[k] for k in ("participants", "type", "status", "date")}
        assert want in got, f"missing {want}; got {got}"


def test_seed_gives_nothing_else(seed_graph: Path) -> None:
    required = [{k: w[k] for k in ("participants", "type", "status", "date")} for w in EXPECTED["required"]]
    for row in _contacts(seed_graph):
        if row in required:
            continue
        allowed = [a for a in EXPECTED["allowed"] if a["participants"] == row["participants"]
                   and a["status"] == row["status"] and (row["date"] or "").startswith(a.get("date_prefix", ""))]
        assert allowed, f"unexpected contact {row}"


def test_seed_statement_about_talking_is_not_a_contact(seed_graph: Path) -> None:
    text = seed_graph.read_text(encoding="utf-8")
    for quote in EXPECTED["forbidden_evidence"]:
        assert quote not in text


def test_seed_turtle_is_byte_identical_across_runs(seed_graph: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--out", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert (tmp_path / "graph.ttl").read_bytes() == seed_graph.read_bytes()


def test_seed_query_prints_the_contacts(seed_graph: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(seed_graph), "contacts"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "2022-09-11" in result.output and "PhoneCall" in result.output and "Planned" in result.output
