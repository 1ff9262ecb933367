"""kg push into a real Virtuoso Open-Source on loopback (tests/servers/virtuoso.sh), checked with SPARQL counts.

The server is the one .ci/run starts; when none runs, the test starts one
(and stops it after) if virtuoso-t is installed, else it skips, unless
KG_REQUIRE_VIRTUOSO=1 (CI) makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.build import build
from kg.errors import GraphError
from kg.export import load
from kg.gazetteer.load import load_gazetteer
from kg.pipeline import Extractor
from kg.push import push

pytestmark = [pytest.mark.server, pytest.mark.issue(6)]
ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "tests" / "servers" / "virtuoso.sh"
TEXTS = sorted((ROOT / "tests" / "data" / "corpus" / "fr" / "texts").glob("*.txt"))[:15]


def _env(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line and line.startswith("KG_"))


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[dict[str, str]]:
    if subprocess.run(["bash", str(SCRIPT), "status"], capture_output=True).returncode == 0:
        yield _env(subprocess.run(["bash", str(SCRIPT), "env"], capture_output=True, text=True, check=True).stdout)
        return
    if shutil.which("virtuoso-t") is None:
        reason = "Virtuoso is not installed (apt-get install -y virtuoso-opensource)"
        if os.environ.get("KG_REQUIRE_VIRTUOSO") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    started = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=180)
    assert started.returncode == 0, started.stderr
    try:
        yield _env(started.stdout)
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("push")
    ex = Extractor(load_gazetteer(ROOT / "tests" / "data" / "gazetteer_mini.json"), parse=False)
    build([ROOT / "seeds", *TEXTS], None, extractor=ex, store=out / "store")
    return out / "store"


def count(v: dict[str, str], where: str) -> int:
    sw = SPARQLWrapper(v["KG_VIRTUOSO_SPARQL"])
    sw.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    sw.setReturnFormat(JSON)
    return int(sw.query().convert()["results"]["bindings"][0]["n"]["value"])


def do_push(v: dict[str, str], store: Path, **kw: object) -> None:
    push(store, v["KG_VIRTUOSO_GSP"], user=v["KG_VIRTUOSO_USER"], password=v["KG_VIRTUOSO_PASSWORD"], **kw)


def test_push_keeps_every_graph_and_triple(virtuoso: dict[str, str], store: Path) -> None:
    quads = load(store)
    contacts_graph = f"urn:kg:test:{uuid.uuid4()}"
    do_push(virtuoso, store, default_graph=contacts_graph)
    articles = sorted({q.graph_name.value for q in quads if hasattr(q.graph_name, "value")})
    in_articles = sum(1 for q in quads if hasattr(q.graph_name, "value"))
    in_default = len(quads) - in_articles
    values = " ".join(f"<{g}>" for g in articles)
    assert count(virtuoso, f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }}") == in_articles
    assert count(virtuoso, f"GRAPH <{contacts_graph}> {{ ?s ?p ?o }}") == in_default
    local_contacts = sum(1 for q in quads if q.predicate.value.endswith("#type")
                         and q.object.value == "https://w3id.org/leader-contacts/ns#Contact")
    assert count(virtuoso, f"GRAPH <{contacts_graph}> {{ ?c a <https://w3id.org/leader-contacts/ns#Contact> }}") \
        == local_contacts > 0
    # Pushing again replaces the graphs: nothing doubles.
    do_push(virtuoso, store, default_graph=contacts_graph, chunk=500)
    assert count(virtuoso, f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }}") == in_articles
    assert count(virtuoso, f"GRAPH <{contacts_graph}> {{ ?s ?p ?o }}") == in_default


def test_push_into_one_graph_in_chunks(virtuoso: dict[str, str], store: Path) -> None:
    target = f"urn:kg:test:{uuid.uuid4()}"
    do_push(virtuoso, store, graph=target, chunk=97)
    triples = {q.triple for q in load(store)}
    assert count(virtuoso, f"GRAPH <{target}> {{ ?s ?p ?o }}") == len(triples)


def test_push_errors_are_short(virtuoso: dict[str, str], store: Path) -> None:
    with pytest.raises(GraphError, match="HTTP 401"):
        push(store, virtuoso["KG_VIRTUOSO_GSP"], user=virtuoso["KG_VIRTUOSO_USER"], password="wrong")
    with pytest.raises(GraphError, match="not an http"):
        push(store, "file:///etc/passwd")
    with pytest.raises(GraphError, match="cannot reach"):
        push(store, "http://127.0.0.1:1/gsp", timeout=5)
