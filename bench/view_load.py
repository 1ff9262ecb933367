#!/usr/bin/env python3
"""Time-to-interactive of the network view (issue 7). A benchmark, not a test.

    python bench/view_load.py [--leaders 2000] [--contacts 20000] [--runs 3] [--chromium PATH] [--keep DIR]

Writes a synthetic graph's view (kg.view.synthetic: hubs and a long tail, real page code),
opens it in headless Chromium (Debian's ``chromium``, driven by Playwright's Python package)
with every network request aborted, and reports, per run:

- ``ready``: milliseconds from navigation start until the network is laid out, drawn and
  physics is off (the page sets ``kgView.readyAt`` after the first draw);
- the page's stages (``performance.mark``): data parsed, filters computed, layout done,
  vis-network built, ready;
- ``filter``: seconds until a status filter has redrawn the network.

The figure for the issue is the median ``ready`` over the runs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.view.html import write_view
from kg.view.synthetic import synthetic_store

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def measure(html: Path, chromium: str, profile: Path) -> dict:
    from playwright.sync_api import sync_playwright

    url = html.resolve().as_uri()
    blocked: list[str] = []
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(str(profile), executable_path=chromium, headless=True, args=ARGS,
                                                    viewport={"width": 1400, "height": 900})
        ctx.route("**/*", lambda r: r.continue_() if r.request.url == url else (blocked.append(r.request.url),
                                                                                 r.abort()))
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=300_000)
        marks = page.evaluate("Object.fromEntries(performance.getEntriesByType('mark')"
                              ".map(m => [m.name, Math.round(m.startTime)]))")
        ready = page.evaluate("kgView.readyAt")
        before = page.evaluate("kgView.drawn()")
        start = time.perf_counter()
        page.click("#status-occurred")
        while page.evaluate("kgView.drawn()") == before and time.perf_counter() - start < 60:
            time.sleep(0.01)
        filtered = time.perf_counter() - start
        ctx.close()
    if blocked:
        raise SystemExit(f"network requests attempted: {blocked}")
    return {"ready_ms": round(ready), "filter_s": round(filtered, 2), "marks": marks, "drawn": before}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--leaders", type=int, default=2000, help="number of leaders (default 2000)")
    ap.add_argument("--contacts", type=int, default=20000, help="number of contacts (default 20000)")
    ap.add_argument("--runs", type=int, default=3, help="page loads to time (default 3)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium",
                    help="Chromium executable (default: chromium on PATH)")
    ap.add_argument("--keep", type=Path, help="write the HTML file here instead of a temporary folder")
    args = ap.parse_args()
    if not Path(args.chromium).exists():
        raise SystemExit(f"no Chromium at {args.chromium} (Debian: apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        html = (args.keep or Path(tmp)) / "view-load.html"
        start = time.perf_counter()
        data = write_view(synthetic_store(args.leaders, args.contacts), html)
        written = time.perf_counter() - start
        print(f"{len(data['nodes'])} leaders, {len(data['edges'])} edges, {data['n_contacts']} contacts: "
              f"written in {written:.1f} s, {html.stat().st_size / 1e6:.1f} MB")
        readies = []
        for run in range(args.runs):
            result = measure(html, args.chromium, Path(tmp) / f"profile-{run}")
            readies.append(result["ready_ms"])
            print(f"run {run + 1}: ready {result['ready_ms'] / 1000:.2f} s, filter {result['filter_s']:.2f} s, "
                  f"drawn {result['drawn']}, stages {result['marks']}")
        print(f"time to interactive (median of {args.runs}): {statistics.median(readies) / 1000:.2f} s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
