"""The HTML network view without a browser: data read from the graph, escaping, CSP, offline, size.

The browser half (rendering, filters, tooltips, XSS in a real page) is in test_view_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, parse

from kg.rdf.io import write_graph
from kg.view.data import view_data
from kg.view.html import render_html, write_view
from kg.view.synthetic import spec_contacts, spec_store, synthetic_store

pytestmark = pytest.mark.issue(7)
DATA = Path(__file__).parent / "data" / "view"
WD = "http://www.wikidata.org/entity/"
PAYLOADS = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "<svg onload=alert(4)>",
            "<a href=\"javascript:alert(3)\">", "<iframe src=javascript:alert(5)>", "<!--", "<svg/onload=alert(7)>",
            "<script>alert(6)</script>"]
SCRIPTS = 3  # vis-network, the JSON data block, the page script


def spec(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


class Page(HTMLParser):
    """Every element with its attributes, and the text of each <script> and <style>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append(
                (dict(attrs), "") if tag == "script" else "")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)

    def data(self) -> dict:
        (block,) = [text for attrs, text in self.scripts if attrs.get("type") == "application/json"]
        return json.loads(block)

    def csp(self) -> str:
        (meta,) = [a for t, a in self.elements
                   if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
        return meta["content"] or ""


@pytest.fixture(scope="module")
def small() -> dict:
    return view_data(spec_store(spec("small")), "en")


@pytest.fixture(scope="module")
def xss_html() -> str:
    return render_html(view_data(spec_store(spec("xss")), "en"))


# Data read from the graph.

def test_nodes_edges_and_contacts_come_from_the_graph(small: dict) -> None:
    labels = {n["label"] for n in small["nodes"]}
    assert labels == {"Emmanuel Macron", "Vladimir Putin", "Olaf Scholz", "António Guterres", "Jean Dupont"}
    assert small["n_contacts"] == len(small["contacts"]) == 7
    # One edge per pair: a three-party video call adds its three pairs.
    assert len(small["edges"]) == 6
    by_label = {n["label"]: i for i, n in enumerate(small["nodes"])}
    macron, putin = by_label["Emmanuel Macron"], by_label["Vladimir Putin"]
    (pair,) = [e for e in small["edges"] if {e["from"], e["to"]} == {macron, putin}]
    modes = sorted(small["contacts"][k]["m"] for k in pair["c"])
    assert modes == ["meeting", "phone"]
    assert small["nodes"][macron]["n"] == 4
    assert small["modes"] == ["phone", "meeting", "video", "letter"]
    assert small["statuses"] == ["occurred", "planned", "cancelled"]


def test_contact_fields_dates_topics_and_sources(small: dict) -> None:
    contacts = {c["d"]: c for c in small["contacts"]}
    call = contacts["2022-02-20"]
    assert (call["m"], call["s"]) == ("phone", "occurred")
    assert [small["topics"][t] for t in call["t"]] == ["Ukraine"]
    # Both articles that reported the call are listed, each with its own quote.
    sources = {small["articles"][a]["title"]: q for a, q in call["e"]}
    assert sources == {"Macron appelle Poutine": "Emmanuel Macron s'est entretenu au téléphone avec Vladimir "
                                                 "Poutine dimanche.",
                       "Second report of the call": "The two presidents spoke by phone on Sunday."}
    assert {small["articles"][a]["id"] for a, _ in call["e"]} == {"fr001.txt", "fr009.txt"}
    assert {small["articles"][a]["issued"] for a, _ in call["e"]} == {"2022-02-21", "2022-02-22"}
    # Dates keep their precision; an undated contact has "".
    assert {"2024-05", "2023", ""} <= set(contacts)
    assert contacts[""]["s"] == "cancelled"


def test_countries_regions_and_unlinked_leaders(small: dict) -> None:
    nodes = {n["label"]: n for n in small["nodes"]}
    assert (nodes["Emmanuel Macron"]["country"], nodes["Emmanuel Macron"]["region"]) == ("Q142", "Europe")
    assert small["countries"]["Q142"] == "France"
    assert nodes["António Guterres"]["region"] == "International"
    # A QID the table does not know is shown as itself, never dropped.
    assert small["countries"][nodes["Jean Dupont"]["country"]] == "Q99999999"
    assert nodes["Jean Dupont"]["unlinked"] and not nodes["Olaf Scholz"]["unlinked"]


def test_french_labels() -> None:
    data = view_data(spec_store(spec("small")), "fr")
    assert "Vladimir Poutine" in {n["label"] for n in data["nodes"]}
    assert data["countries"]["Q159"] == "Russie"
    assert data["regions"]["International"] == "Organisations internationales"


def test_turtle_file_and_store_give_the_same_view(tmp_path: Path) -> None:
    """kg build's store keeps evidence in per-article graphs; a Turtle file flattens them: same view."""
    from kg.rdf.build import article_quads, contact_quads
    contacts = spec_contacts(spec("small"))
    quads = contact_quads(contacts) + article_quads({r.article for c in contacts for r in c.reports})
    write_graph(quads, tmp_path / "g.ttl")
    flat = Store()
    flat.bulk_extend(parse(path=str(tmp_path / "g.ttl"), format=RdfFormat.TURTLE))
    assert view_data(flat) == view_data(spec_store(spec("small")))


def test_any_graph_on_the_contract_tiny_turtle() -> None:
    """A hand-written graph: a contact typed only with a subclass, no status, a leader without a label."""
    ttl = """
    @prefix lc: <https://w3id.org/leader-contacts/ns#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix wd: <http://www.wikidata.org/entity/> .
    @prefix prov: <http://www.w3.org/ns/prov#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    <http://example.org/c1> a lc:PhoneCall ; lc:participant wd:Q1 , wd:Q2 ; lc:date "2020-01-02T10:00:00Z" ;
        prov:wasDerivedFrom <http://example.org/a1> .
    <http://example.org/a1> dcterms:title "A title" .
    wd:Q1 rdfs:label "One"@en , "Un"@fr ; lc:country <http://example.org/country/Atlantis> .
    <http://example.org/c2> a lc:Contact ; lc:participant wd:Q1 .
    """
    store = Store()
    store.bulk_extend(parse(ttl, format=RdfFormat.TURTLE))
    data = view_data(store, "fr")
    assert [n["label"] for n in data["nodes"]] == ["Un", "Q2"]
    assert data["n_contacts"] == 1  # a one-person "contact" has no line to draw
    (c,) = data["contacts"]
    assert (c["m"], c["s"], c["d"]) == ("phone", "unknown", "2020-01-02")
    assert data["articles"][c["e"][0][0]]["title"] == "A title"
    assert data["countries"][data["nodes"][0]["country"]] == "http://example.org/country/Atlantis"


def test_empty_graph_renders(tmp_path: Path) -> None:
    data = write_view(Store(), tmp_path / "empty.html")
    assert data["nodes"] == [] and data["n_contacts"] == 0
    page = Page((tmp_path / "empty.html").read_text(encoding="utf-8"))
    assert page.data()["nodes"] == []


# Escaping and the hardening checklist.

def test_exact_scripts_and_no_event_handler_attributes(xss_html: str) -> None:
    page = Page(xss_html)
    assert len(page.scripts) == SCRIPTS
    assert len([t for t, _ in page.elements if t == "script"]) == SCRIPTS
    for tag, attrs in page.elements:
        assert not [a for a in attrs if a.lower().startswith("on")], (tag, attrs)
    assert {t for t, _ in page.elements}.isdisjoint({"img", "svg", "iframe", "a", "object", "embed", "base", "link"})


def test_payloads_only_as_escaped_json(xss_html: str) -> None:
    for payload in PAYLOADS:
        assert payload not in xss_html, payload
    page = Page(xss_html)
    (block,) = [text for attrs, text in page.scripts if attrs.get("type") == "application/json"]
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in block
    assert "\u2028" not in block and "\\u2028" in block
    # ... and they come back intact: the page shows them as text, it does not lose them.
    data = page.data()
    assert "<img src=x onerror=alert(1)>" in {n["label"] for n in data["nodes"]}
    assert "<img src=x onerror=alert(document.domain)>" in {a["title"] for a in data["articles"]}
    assert "<script>alert(6)</script>.txt" in {a["id"] for a in data["articles"]}
    assert "<svg onload=alert(4)>" in data["topics"]
    assert any("href=" in q for c in data["contacts"] for _, q in c["e"])


def test_no_html_sinks_in_page_code(xss_html: str) -> None:
    """Article strings reach the DOM only through textContent: no code path parses HTML or code."""
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "srcdoc", "DOMParser", "createContextualFragment"):
        assert sink not in xss_html.replace("Function(\"return this\")", ""), sink
    app = Page(xss_html).scripts[2][1]
    assert "textContent" in app


def test_content_security_policy_forbids_fetches_and_foreign_code(xss_html: str) -> None:
    page = Page(xss_html)
    csp = {d.split()[0]: d.split()[1:] for d in page.csp().split(";") if d.strip()}
    assert csp["default-src"] == ["'none'"]
    assert csp["connect-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"] and csp["form-action"] == ["'none'"] and csp["object-src"] == ["'none'"]
    # Only our own scripts and styles run: each allowed by its hash, nothing inline by default, nothing remote.
    for directive in ("script-src", "style-src"):
        assert all(v.startswith("'sha256-") for v in csp[directive]), csp[directive]
    code = [text for attrs, text in page.scripts if attrs.get("type") != "application/json"]
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in csp["script-src"]
    for text in page.styles:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in csp["style-src"]
    assert "unsafe" not in page.csp() and "http" not in page.csp()


def test_no_network_urls(xss_html: str) -> None:
    page = Page(xss_html)
    for _, attrs in page.elements:
        for name in ("src", "href", "action", "poster", "data", "srcset"):
            assert name not in attrs or not re.match(r"\s*(https?:)?//", attrs[name] or ""), attrs
    assert not [a for t, a in page.elements if t in ("link", "img", "iframe") or "src" in a]
    for css in page.styles:
        assert "@import" not in css
        assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css)
    assert not re.search(r"<(script|link|img)[^>]+(src|href)\s*=\s*['\"]?https?://", xss_html, re.I)
    # Not even a source map for developer tools to fetch.
    assert "sourceMappingURL" not in xss_html


def test_view_command_writes_only_the_requested_file(tmp_path: Path) -> None:
    """pyvis's local mode writes lib/ into the working directory; kg view writes one file and nothing else."""
    graph = tmp_path / "in" / "graph.ttl"
    contacts = spec_contacts(spec("small"))
    from kg.rdf.build import contact_quads
    write_graph(contact_quads(contacts), graph)
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run([sys.executable, "-m", "kg", "view", str(graph), "-o", "graph.html", "--label-lang", "fr"],
                            cwd=work, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "5 leaders, 7 contacts" in result.stdout
    assert sorted(p.name for p in work.iterdir()) == ["graph.html"]
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["graph.ttl"]
    html = (work / "graph.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "Vladimir Poutine" in html


def test_title_is_escaped(tmp_path: Path) -> None:
    html = render_html(view_data(Store()), title="<b>Mine</b> & co")
    assert "&lt;b&gt;Mine&lt;/b&gt; &amp; co" in html and "<b>Mine" not in html


# Large graphs.

@pytest.mark.slow
def test_large_graph_within_budget(tmp_path: Path) -> None:
    """5,000 leaders and 20,000 pairs: written in bounded time and size, laid out without live physics."""
    store = synthetic_store(5000, 20000, distinct_pairs=True)
    start = time.perf_counter()
    data = write_view(store, tmp_path / "big.html")
    seconds = time.perf_counter() - start
    size = (tmp_path / "big.html").stat().st_size
    print(f"\nlarge view: {len(data['nodes'])} leaders, {len(data['edges'])} edges, {data['n_contacts']} contacts; "
          f"{seconds:.1f} s, {size / 1e6:.1f} MB")
    assert len(data["edges"]) == 20000 and len(data["nodes"]) > 4500
    assert seconds < 60
    assert size < 16_000_000
    page = Page((tmp_path / "big.html").read_text(encoding="utf-8")).data()
    # The page lays a large graph out itself (bounded iterations) and never turns vis-network physics on.
    assert page["layout"] == {"engine": "fast", "iterations": 100}
    assert page["options"]["physics"]["enabled"] is False
    assert page["options"]["physics"]["stabilization"]["enabled"] is False
    assert page["options"]["interaction"]["hideEdgesOnDrag"] is True


def test_small_graph_physics_is_bounded(small: dict) -> None:
    page = Page(render_html(small)).data()
    assert page["layout"]["engine"] == "vis"
    stab = page["options"]["physics"]["stabilization"]
    assert stab["enabled"] and stab["iterations"] <= 600
    # view.js turns physics off at stabilizationIterationsDone.
    app = Page(render_html(small)).scripts[2][1]
    assert 'once("stabilizationIterationsDone"' in app and "physics: false" in app
