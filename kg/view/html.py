"""The interactive network view: one self-contained, offline, escaped HTML file.

Our own Jinja template (autoescaped) around vis-network, which we take from
the installed pyvis package and inline: no CDN, no ``lib/`` folder, and a
Content-Security-Policy that forbids network fetches. Strings from articles
reach the page only inside a JSON block with ``<``, ``>`` and ``&`` escaped,
and vis-network shows string tooltips as text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyoxigraph import Store

from kg.rdf.io import atomic_output
from kg.rdf.vocab import LC

_TEMPLATES = Path(__file__).with_name("templates")
_QUERY = f"""
PREFIX lc: <{LC}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?c ?p ?label ?country ?date ?type ?status ?topic ?title WHERE {{
  ?c a lc:Contact ; lc:participant ?p ; lc:status ?st .
  BIND(STRAFTER(STR(?st), "#") AS ?status)
  OPTIONAL {{ ?p rdfs:label ?label . FILTER(LANG(?label) = "LANG") }}
  OPTIONAL {{ ?p lc:country ?country }}
  OPTIONAL {{ ?c lc:date ?date }}
  OPTIONAL {{ ?c a ?t . FILTER(?t != lc:Contact && STRSTARTS(STR(?t), STR(lc:))) }}
  BIND(COALESCE(STRAFTER(STR(?t), "#"), "Contact") AS ?type)
  OPTIONAL {{ ?c lc:topic/rdfs:label ?topic }}
  OPTIONAL {{ ?c prov:wasDerivedFrom/dcterms:title ?title }}
}}
"""
_PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
            "#bab0ac"]


def _vis_assets() -> tuple[str, str]:
    base = resources.files("pyvis") / "lib" / "vis-9.1.2"
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    # The library is trusted, but a literal "</script" inside it would still end the block.
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def _safe_json(data: object) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def view_data(store: Store, label_lang: str = "en") -> dict:
    """Nodes (leaders) and edges (pairs) with their contacts, from any graph."""
    query = _QUERY.replace('"LANG"', json.dumps(label_lang if label_lang in ("en", "fr") else "en"))
    contacts: dict[str, dict] = {}
    labels: dict[str, str] = {}
    countries: dict[str, str] = {}
    for sol in store.query(query):
        c, p = sol["c"].value, sol["p"].value
        rec = contacts.setdefault(c, {"participants": set(), "date": "", "type": "", "status": "", "topics": set(),
                                      "titles": set()})
        rec["participants"].add(p)
        rec["date"] = sol["date"].value if sol["date"] else ""
        rec["type"] = sol["type"].value
        rec["status"] = sol["status"].value
        if sol["topic"]:
            rec["topics"].add(sol["topic"].value)
        if sol["title"]:
            rec["titles"].add(sol["title"].value)
        if sol["label"]:
            labels[p] = sol["label"].value
        if sol["country"]:
            countries[p] = sol["country"].value
    pairs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    degree: dict[str, int] = defaultdict(int)
    for rec in contacts.values():
        ps = sorted(rec["participants"])
        for i, a in enumerate(ps):
            degree[a] += 1
            for b in ps[i + 1:]:
                pairs[(a, b)].append(rec)
    colour = {c: _PALETTE[i % len(_PALETTE)] for i, c in enumerate(sorted(set(countries.values())))}
    nodes = [{"id": p, "label": labels.get(p, p.rsplit("/", 1)[-1]), "value": degree[p],
              "color": colour.get(countries.get(p, ""), "#999999"), "title": labels.get(p, p)}
             for p in sorted(degree)]
    edges = []
    for (a, b), recs in sorted(pairs.items()):
        recs = sorted(recs, key=lambda r: r["date"])
        lines = [f"{labels.get(a, a)} – {labels.get(b, b)}"]
        for r in recs:
            topics = ", ".join(sorted(r["topics"]))
            lines.append(f"{r['date'] or 'undated'} · {r['type']} · {r['status']}" + (f" · {topics}" if topics else ""))
        edges.append({"id": f"{a}|{b}", "from": a, "to": b, "value": len(recs), "title": "\n".join(lines),
                      "dashes": all(r["status"] == "Planned" for r in recs)})
    return {"nodes": nodes, "edges": edges, "n_contacts": len(contacts)}


def render_html(data: dict, title: str = "Leader contacts", lang: str = "en") -> str:
    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(default=True))
    js, css = _vis_assets()
    return env.get_template("network.html.j2").render(
        title=title, lang=lang, vis_js=Markup(js), vis_css=Markup(css),
        data_json=_safe_json({"nodes": data["nodes"], "edges": data["edges"]}),
        n_nodes=len(data["nodes"]), n_contacts=data["n_contacts"])


def write_view(store: Store, path: Path | str, label_lang: str = "en", title: str = "Leader contacts") -> dict:
    data = view_data(store, label_lang)
    html = render_html(data, title, label_lang)
    with atomic_output(path, "w") as fh:
        fh.write(html)
    return data
