"""The meta block every shipped data file carries: when it was made, what it holds, and its sources."""

from __future__ import annotations

import re

_SOURCE = re.compile(r"^https?://\S+.* — \S")


def check_meta(meta: dict) -> None:
    assert meta["made"] == "2026-11-30"
    assert meta["description"]
    assert meta["sources"]
    for key, text in meta["sources"].items():
        assert key and _SOURCE.match(text), (key, text)
