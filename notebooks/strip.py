#!/usr/bin/env python3
"""Strip outputs from notebooks so the committed files hold only their source.

    python notebooks/strip.py [NOTEBOOK ...]          strip in place (default: every .ipynb in this folder)
    python notebooks/strip.py --check [NOTEBOOK ...]  only report; exit 1 if one has outputs

Stripping empties the outputs and execution counts of code cells, drops the
per-cell execution metadata Jupyter records, and keeps only the kernel spec
and the language name of the notebook metadata (no Python version, no widget
state). Everything else is kept as it is, cell ids included, and the file is
written the way nbformat writes it (sorted keys, one-space indent), so a
stripped notebook diffs cleanly. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CELL_METADATA_DROPPED = ("execution", "ExecuteTime", "collapsed", "scrolled")


def problems(nb: dict) -> list[str]:
    """What stripping would remove: one line per code cell with outputs or an execution count."""
    found = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        what = []
        if cell.get("outputs"):
            what.append(f"{len(cell['outputs'])} output(s)")
        if cell.get("execution_count") is not None:
            what.append(f"execution count {cell['execution_count']}")
        if what:
            found.append(f"cell {i} ({cell.get('id', '?')}): " + ", ".join(what))
    return found


def strip(nb: dict) -> dict:
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        for key in CELL_METADATA_DROPPED:
            meta.pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    meta = nb.get("metadata", {})
    kept = {"kernelspec": meta["kernelspec"]} if "kernelspec" in meta else {}
    if "name" in meta.get("language_info", {}):
        kept["language_info"] = {"name": meta["language_info"]["name"]}
    nb["metadata"] = kept
    return nb


def dumps(nb: dict) -> str:
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="report notebooks with outputs; change nothing")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(HERE.glob("*.ipynb"))
    dirty = 0
    for path in paths:
        nb = json.loads(path.read_text(encoding="utf-8"))
        found = problems(nb)
        if args.check:
            for line in found:
                print(f"{path}: {line}")
            dirty += bool(found)
            continue
        text = dumps(strip(nb))
        if text != path.read_text(encoding="utf-8"):
            path.write_text(text, encoding="utf-8")
            print(f"stripped {path}")
    return 1 if dirty else 0


if __name__ == "__main__":
    sys.exit(main())
