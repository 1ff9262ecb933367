"""The network view in headless Chromium, with every network request blocked.

Uses Debian's ``chromium`` through Playwright's Python package (never ``playwright install``).
Without Chromium these tests skip, unless ``KG_REQUIRE_BROWSER=1`` (CI), where they fail.

Playwright's ``wait_for_function`` compiles its predicate with eval, which the page's CSP rightly
forbids, so waits poll ``page.evaluate`` (run by the DevTools protocol, outside the CSP) instead.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.view.html import write_view
from kg.view.synthetic import spec_store, synthetic_store

pytestmark = [pytest.mark.browser, pytest.mark.issue(7)]
DATA = Path(__file__).parent / "data" / "view"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}


def _need(reason: str) -> None:
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"KG_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None:
        _need("Chromium is not installed (Debian: apt-get install -y chromium)")
    return str(path)


@pytest.fixture(scope="module")
def playwright(chromium: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright Python package is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        yield pw


@dataclass
class Log:
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"network requests attempted: {self.blocked}"
        assert set(self.requests) <= {self.url}, self.requests
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.errors == [], f"page errors: {self.errors}"
        assert [m for m in self.console if m[0] in ("error", "warning")] == []


@pytest.fixture
def open_view(playwright: Any, chromium: str, tmp_path: Path) -> Iterator[Callable[[Path], tuple[Any, Log]]]:
    """Open an HTML file in a fresh profile, every request but the file itself aborted."""
    contexts = []

    def opener(html: Path) -> tuple[Any, Log]:
        ctx = playwright.chromium.launch_persistent_context(
            str(tmp_path / f"profile-{len(contexts)}"), executable_path=chromium, headless=True, args=ARGS,
            viewport=VIEWPORT, service_workers="block")
        contexts.append(ctx)
        log = Log(html.resolve().as_uri())

        def route(r: Any) -> None:
            if r.request.url == log.url:
                r.continue_()
            else:
                log.blocked.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.on("request", lambda req: log.requests.append(req.url))
        page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: log.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: log.errors.append(str(e)))
        page.goto(log.url)
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
        return page, log

    yield opener
    for ctx in contexts:
        ctx.close()


def poll(page: Any, expr: str, want: Any, timeout: float = 10.0) -> Any:
    end = time.monotonic() + timeout
    while True:
        got = page.evaluate(expr)
        if got == want or time.monotonic() > end:
            return got
        time.sleep(0.05)


def expected(data: dict, keep: Callable[[dict], bool]) -> dict[str, int]:
    """Nodes and edges that should be drawn when only the contacts ``keep`` accepts are shown."""
    shown = [keep(c) for c in data["contacts"]]
    edges = [e for e in data["edges"] if any(shown[k] for k in e["c"])]
    nodes = {p for c, s in zip(data["contacts"], shown, strict=True) if s for p in c["p"]}
    return {"nodes": len(nodes), "edges": len(edges)}


def overlaps(d: str, lo: str, hi: str) -> bool:
    first = d + "-01-01"[len(d) - 4:] if len(d) < 10 else d
    last = d + "-12-31"[len(d) - 4:] if len(d) < 10 else d
    return not (last < lo or first > hi)


def edge_point(page: Any, edge: int) -> tuple[float, float]:
    """A page point on the edge that no node or other edge covers (once the canvas has its container's size)."""
    poll(page, "(() => { const n = document.getElementById('network'); "
               "return kgView.network.canvas.frame.canvas.clientWidth === n.clientWidth; })()", True)
    point = page.evaluate("""(k) => {
      const net = kgView.network, e = kgView.edges.get(k), pos = net.getPositions([e.from, e.to]);
      const box = document.getElementById("network").getBoundingClientRect();
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
        const dom = net.canvasToDOM({x: pos[e.from].x + f * (pos[e.to].x - pos[e.from].x),
                                     y: pos[e.from].y + f * (pos[e.to].y - pos[e.from].y)});
        if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === k) {
          return [box.left + dom.x, box.top + dom.y];
        }
      }
      return null;
    }""", edge)
    assert point is not None, "no free point on the edge"
    return point[0], point[1]


def hover_edge(page: Any, edge: int) -> str:
    """Move the mouse onto the edge; return the tooltip's text."""
    x, y = edge_point(page, edge)
    page.mouse.move(5, 5)
    page.mouse.move(x - 3, y, steps=3)
    page.mouse.move(x, y, steps=2)
    tip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    return tip.inner_text()


def edge_between(data: dict, a: str, b: str) -> int:
    ids = {n["label"]: i for i, n in enumerate(data["nodes"])}
    return next(k for k, e in enumerate(data["edges"]) if {e["from"], e["to"]} == {ids[a], ids[b]})


def test_network_filters_tooltip_panel_search(open_view: Callable, tmp_path: Path) -> None:
    html = tmp_path / "graph.html"
    data = write_view(spec_store(json.loads((DATA / "small.json").read_text(encoding="utf-8"))), html)
    page, log = open_view(html)

    # Everything in the graph is drawn.
    assert page.evaluate("kgView.drawn()") == {"nodes": len(data["nodes"]), "edges": len(data["edges"])} \
        == {"nodes": 5, "edges": 6}
    assert page.text_content("#counts") == "5 leaders, 7 contacts"
    # Physics has stopped (vis-network internals: the engine's own flag).
    assert page.evaluate("kgView.network.physics.physicsEnabled") is False
    # Dashed exactly where every contact of the pair is planned.
    dashed = page.evaluate("kgView.edges.get().filter(e => !e.hidden && e.dashes).length")
    assert dashed == sum(all(data["contacts"][k]["s"] == "planned" for k in e["c"]) for e in data["edges"]) == 1
    assert page.evaluate("document.querySelectorAll('#legend li').length") == 3  # Europe, International, Other
    assert page.evaluate("document.querySelectorAll('#leader-names option').length") == 5

    # Filters update the network in place.
    page.click("#status-occurred")
    want = expected(data, lambda c: c["s"] != "occurred")
    assert want != {"nodes": 5, "edges": 6}
    assert poll(page, "kgView.drawn()", want) == want
    n_shown = sum(c["s"] != "occurred" for c in data["contacts"])
    assert page.text_content("#counts") == f"{want['nodes']} of 5 leaders, {n_shown} of 7 contacts"
    page.click("#reset")
    assert poll(page, "kgView.drawn()", {"nodes": 5, "edges": 6}) == {"nodes": 5, "edges": 6}
    page.click("#mode-meeting")
    want = expected(data, lambda c: c["m"] != "meeting")
    assert poll(page, "kgView.drawn()", want) == want
    page.click("#reset")
    page.fill("#date-from", "2024-01-01")
    page.dispatch_event("#date-from", "change")
    want = expected(data, lambda c: not c["d"] or overlaps(c["d"], "2024-01-01", "9999-12-31"))
    assert poll(page, "kgView.drawn()", want) == want == {"nodes": 5, "edges": 4}
    page.click("#undated")
    want = expected(data, lambda c: bool(c["d"]) and overlaps(c["d"], "2024-01-01", "9999-12-31"))
    assert poll(page, "kgView.drawn()", want) == want
    page.click("#reset")
    assert poll(page, "kgView.drawn()", {"nodes": 5, "edges": 6}) == {"nodes": 5, "edges": 6}

    # A tooltip lists each contact of the pair: date, mode, status, topics, source title, quote.
    tip = hover_edge(page, edge_between(data, "Emmanuel Macron", "Vladimir Putin"))
    assert "Emmanuel Macron – Vladimir Putin (2 contacts)" in tip
    assert "2022-02-20 · phone call · occurred · Ukraine" in tip
    assert "2022-02-07 · meeting · occurred" in tip
    assert "Macron appelle Poutine" in tip
    assert "Emmanuel Macron s'est entretenu au téléphone" in tip

    # Clicking the edge opens the full list with every source.
    k = edge_between(data, "Emmanuel Macron", "Vladimir Putin")
    page.evaluate("(k) => kgView.openPanel('edge', k)", k)
    panel = page.inner_text("#panel")
    for text in ("Macron appelle Poutine", "Second report of the call", "The two presidents spoke by phone on Sunday.",
                 "fr009.txt", "Macron au Kremlin", "published 2022-02-21"):
        assert text in panel
    page.click("#panel-close")
    assert page.is_hidden("#panel")

    # Clicking on the drawn edge itself opens the same panel.
    page.mouse.move(5, 5)  # away from the edge: the tooltip must not cover the point clicked
    page.mouse.click(*edge_point(page, k))
    page.wait_for_selector("#panel", state="visible", timeout=5000)
    assert "Second report of the call" in page.inner_text("#panel")

    # The search box finds a leader (case and accents do not matter) and opens their panel.
    page.fill("#search-input", "antonio")
    page.press("#search-input", "Enter")
    assert poll(page, "document.querySelector('#panel h2').textContent", "António Guterres") == "António Guterres"
    assert page.evaluate("kgView.network.getSelectedNodes()") == [
        next(i for i, n in enumerate(data["nodes"]) if n["label"] == "António Guterres")]
    page.fill("#search-input", "nobody at all")
    page.press("#search-input", "Enter")
    assert "nobody at all" in page.text_content("#search-message")

    # The timeline strip is drawn, with the undated contact counted apart; dragging on it picks a period.
    assert page.evaluate("document.getElementById('timeline-canvas').width") > 100
    assert page.text_content("#timeline-undated") == "1 undated"
    box = page.locator("#timeline-canvas").bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2, steps=4)
    page.mouse.up()
    start, end = page.input_value("#date-from"), page.input_value("#date-to")
    assert start == "2022-02-01" and "2022-02-01" < end < "2024-01-01", (start, end)
    want = expected(data, lambda c: not c["d"] or overlaps(c["d"], start, end))
    assert poll(page, "kgView.drawn()", want) == want != {"nodes": 5, "edges": 6}
    page.dblclick("#timeline-canvas")
    assert poll(page, "kgView.drawn()", {"nodes": 5, "edges": 6}) == {"nodes": 5, "edges": 6}
    assert page.input_value("#date-from") == page.input_value("#date-to") == ""

    # Colour by country: one legend entry per country (the unknown QID included, shown as itself).
    page.select_option("#colour-by", "country")
    legend = page.locator("#legend li .legend-name").all_text_contents()
    assert sorted(legend) == ["France", "Germany", "Q99999999", "Russia", "United Nations"]

    shot = tmp_path / "view.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    log.assert_clean()

    # The CSP itself refuses a fetch, before any request leaves the page.
    refused = page.evaluate("fetch('https://example.org/x').then(() => 'fetched', () => 'refused')")
    assert refused == "refused"
    assert log.blocked == []


def test_xss_corpus_renders_as_text(open_view: Callable, tmp_path: Path) -> None:
    html = tmp_path / "xss.html"
    data = write_view(spec_store(json.loads((DATA / "xss.json").read_text(encoding="utf-8"))), html)
    page, log = open_view(html)
    assert page.evaluate("kgView.drawn()") == {"nodes": 4, "edges": 3}
    counts = page.evaluate("""() => Object.fromEntries(['script', 'style', 'img', 'iframe', 'svg', 'a', 'object',
        'embed', 'b'].map(t => [t, document.getElementsByTagName(t).length]))""")
    assert counts == {"script": 3, "style": 2, "img": 0, "iframe": 0, "svg": 0, "a": 0, "object": 0, "embed": 0,
                      "b": 0}

    tip = hover_edge(page, edge_between(data, "<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"))
    assert "<img src=x onerror=alert(1)> – </script><script>alert(1)</script>" in tip
    assert "<img src=x onerror=alert(document.domain)>" in tip
    assert "<svg onload=alert(4)>" in tip
    assert 'He said <a href="javascript:alert(3)">click here</a>' in tip
    # innerText turns line breaks into <br>: those are the only elements the tooltip may hold.
    assert set(page.evaluate("[...document.querySelector('div.vis-tooltip').querySelectorAll('*')]"
                             ".map(e => e.tagName)")) == {"BR"}

    for k in range(len(data["edges"])):
        page.evaluate("(k) => kgView.openPanel('edge', k)", k)
        text = page.text_content("#panel")
        assert page.evaluate("document.querySelectorAll('#panel img, #panel script, #panel iframe, #panel a, "
                             "#panel style, #panel svg').length") == 0
        if k == 0:
            assert "<script>alert(6)</script>.txt" in text
    page.fill("#search-input", "<svg")
    page.press("#search-input", "Enter")
    assert poll(page, "document.querySelector('#panel h2').textContent", "<svg/onload=alert(7)>") \
        == "<svg/onload=alert(7)>"
    assert "Dr \"Quote\" & <b>Bold</b> O'Neil" in page.text_content("#panel")
    page.screenshot(path=str(tmp_path / "xss.png"))
    time.sleep(0.3)  # give any injected handler a chance to fire before checking for dialogs
    log.assert_clean()


@pytest.mark.slow
def test_large_graph_time_to_interactive(open_view: Callable, tmp_path: Path) -> None:
    """2,000 leaders and 20,000 contacts: laid out, drawn and answering within a few seconds."""
    html = tmp_path / "large.html"
    data = write_view(synthetic_store(2000, 20000), html)
    start = time.perf_counter()
    page, log = open_view(html)
    wall = time.perf_counter() - start
    ready_ms = page.evaluate("kgView.readyAt")  # ms since navigation start, when the network is drawn
    marks = page.evaluate("Object.fromEntries(performance.getEntriesByType('mark')"
                          ".map(m => [m.name, Math.round(m.startTime)]))")
    assert page.evaluate("kgView.drawn()") == {"nodes": len(data["nodes"]), "edges": len(data["edges"])}
    assert page.evaluate("kgView.network.physics.physicsEnabled") is False
    t = time.perf_counter()
    page.click("#status-occurred")
    want = expected(data, lambda c: c["s"] != "occurred")
    assert poll(page, "kgView.drawn()", want, timeout=30) == want
    filter_s = time.perf_counter() - t
    report = {"leaders": len(data["nodes"]), "edges": len(data["edges"]), "contacts": data["n_contacts"],
              "ready_ms": round(ready_ms), "wall_s": round(wall, 2), "filter_s": round(filter_s, 2), "marks": marks}
    (tmp_path / "load.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"\ntime to interactive, {report['leaders']} leaders / {report['contacts']} contacts: "
          f"{ready_ms / 1000:.2f} s (browser), {wall:.2f} s (wall, launch included); filter {filter_s:.2f} s; {marks}")
    page.screenshot(path=str(tmp_path / "large.png"))
    log.assert_clean()
    assert ready_ms < 15_000
