"""notebooks/explore.ipynb runs top to bottom and is committed without outputs (issue 10)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.query.engine import list_queries

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
STRIP = ROOT / "notebooks" / "strip.py"


def _dirty_cells(nb: dict) -> list[str]:
    return [f"cell {i} ({cell.get('id', '?')})" for i, cell in enumerate(nb["cells"])
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]


@pytest.mark.issue(10)
def test_committed_notebook_has_no_outputs() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    dirty = _dirty_cells(nb)
    assert not dirty, f"{NOTEBOOK.name} has outputs or execution counts in {', '.join(dirty)}: " \
                      "run python notebooks/strip.py before committing"
    assert set(nb["metadata"]) <= {"kernelspec", "language_info"}, "notebook metadata not stripped"


def _python_kernel(folder: Path) -> Path:
    """A 'python3' kernel spec that runs this interpreter, whatever kernels the machine has installed."""
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "Python 3", "language": "python"}),
                                      encoding="utf-8")
    return folder


def _texts(nb) -> str:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            out.append(o.get("text", ""))
            out.extend(v for k, v in o.get("data", {}).items() if k.startswith("text/") and isinstance(v, str))
    return "\n".join(out)


@pytest.mark.slow
@pytest.mark.issue(10)
def test_notebook_runs_top_to_bottom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("JUPYTER_PATH", str(_python_kernel(tmp_path / "jupyter")))

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300, startup_timeout=120,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first cell that fails

    errors = [o for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    text = _texts(nb)
    missing = [name for name in list_queries() if f"### `{name}`" not in text]
    assert not missing, f"ready-made queries not shown: {missing}"
    images = [o for cell in nb.cells for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) >= 2, "the ego network and the contacts per month are drawn"
    assert "<iframe" in text and "srcdoc=" in text, "the interactive view is shown inline"

    # strip.py turns the executed notebook back into the committed file, byte for byte.
    executed = tmp_path / "executed.ipynb"
    nbformat.write(nb, executed)
    subprocess.run([sys.executable, str(STRIP), str(executed)], check=True, capture_output=True)
    assert executed.read_text(encoding="utf-8") == NOTEBOOK.read_text(encoding="utf-8"), \
        "the committed notebook is not what strip.py makes of it: run python notebooks/strip.py"
