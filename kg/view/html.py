"""The interactive network view: one self-contained, offline, escaped HTML file.

Our own Jinja template (autoescaped) around vis-network, which we take from
the installed pyvis package and inline: no pyvis ``Network`` object (its
template loads Bootstrap from a CDN, writes a ``lib/`` folder and renders
some strings unescaped), no CDN, and a Content-Security-Policy that forbids
every fetch and lets only our own inline scripts run (by hash).

Strings from articles reach the page only inside one JSON block with ``<``,
``>`` and ``&`` escaped; the page script puts them into the DOM with
``textContent`` and gives vis-network plain-string tooltips, which it shows
with ``innerText``.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyoxigraph import Store

from kg.rdf.io import atomic_output
from kg.view.countries import REGION_COLOURS
from kg.view.data import view_data
from kg.view.strings import ui

__all__ = ["layout_plan", "network_options", "render_html", "view_data", "write_view"]

_HERE = Path(__file__).resolve().parent
VIS_VERSION = "9.1.2"


def _vis_assets() -> tuple[str, str]:
    # Only pyvis's bundled files are read: find its folder without importing the package, whose
    # import (networkx, jinja2, IPython checks) cost 0.3 s of every build's final, single-process step.
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed")
    base = Path(spec.submodule_search_locations[0]) / "lib" / f"vis-{VIS_VERSION}"
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    # A source-map comment would make developer tools fetch a file next to the page: drop it.
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    # The library is trusted, but a literal "</script" inside it would still end the block.
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def _static(name: str) -> str:
    return (resources.files("kg.view") / "static" / name).read_text(encoding="utf-8")


def _safe_json(data: object) -> str:
    """JSON that cannot end its <script> block or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# Above these sizes vis-network's physics takes seconds to settle: the page lays the graph out with its own
# fast force layout (static/layout.js) and draws it with physics off from the start.
FAST_LAYOUT_NODES = 200
FAST_LAYOUT_EDGES = 1500


def layout_plan(n_nodes: int, n_edges: int) -> dict:
    """How the page lays the graph out: vis-network physics (small graphs) or the fast layout (large ones)."""
    if n_nodes > FAST_LAYOUT_NODES or n_edges > FAST_LAYOUT_EDGES:
        # The temperature falls to nothing over these iterations; more barely move a node (measured).
        return {"engine": "fast", "iterations": 150 if n_nodes <= 1000 else 100}
    return {"engine": "vis", "iterations": 600 if n_nodes <= 100 else 300}


def network_options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options scaled to the graph, so every graph settles in a bounded time.

    Physics only lays the graph out: with vis-network's own layout, the page
    turns physics off once stabilisation ends (a bounded number of
    iterations), so nothing keeps the CPU busy afterwards; with the fast
    layout it is never on. Large graphs draw no edges while the user drags or
    zooms and skip hover highlighting, which redraws everything.
    """
    plan = layout_plan(n_nodes, n_edges)
    small = plan["engine"] == "vis"
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 100, "randomSeed": 7},
        "physics": {
            "enabled": small, "solver": "barnesHut", "adaptiveTimestep": True, "minVelocity": 1.0,
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 150, "springConstant": 0.02,
                          "damping": 0.15, "avoidOverlap": 0.1},
            "stabilization": {"enabled": small, "iterations": plan["iterations"], "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": small, "tooltipDelay": 150, "hideEdgesOnDrag": not small,
                        "hideEdgesOnZoom": not small, "multiselect": False, "navigationButtons": False,
                        "keyboard": False},
        "nodes": {"shape": "dot", "borderWidth": 1, "font": {"size": 13, "face": "system-ui, sans-serif"},
                  "scaling": {"min": 6, "max": 34, "label": {"enabled": True, "min": 11, "max": 22,
                                                            "drawThreshold": 6}}},
        "edges": {"smooth": False, "selectionWidth": 2, "scaling": {"min": 1, "max": 9},
                  "color": {"color": "#8a9bb0", "highlight": "#1f3b63", "hover": "#1f3b63",
                            "opacity": 0.8 if small else 0.5}},
    }


def render_html(data: dict, title: str = "Leader contacts", lang: str = "en", colour_by: str = "region") -> str:
    """The page for ``view_data`` output: every script, style and datum inline."""
    env = Environment(loader=FileSystemLoader(str(_HERE / "templates")), autoescape=select_autoescape(default=True))
    vis_js, vis_css = _vis_assets()
    app_js, app_css = _static("layout.js") + "\n" + _static("view.js"), _static("view.css")
    page = {key: data[key] for key in ("nodes", "edges", "contacts", "articles", "topics", "countries", "regions",
                                       "modes", "statuses")}
    page.update(ui=ui(lang), colourBy=colour_by if colour_by in ("region", "country") else "region",
                regionColours=REGION_COLOURS, options=network_options(len(data["nodes"]), len(data["edges"])),
                layout=layout_plan(len(data["nodes"]), len(data["edges"])))
    csp = "; ".join([
        "default-src 'none'", f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
        f"style-src {_sha256(vis_css)} {_sha256(app_css)}", "img-src data:", "connect-src 'none'",
        "font-src 'none'", "media-src 'none'", "object-src 'none'", "frame-src 'none'", "worker-src 'none'",
        "manifest-src 'none'", "base-uri 'none'", "form-action 'none'"])
    return env.get_template("network.html.j2").render(
        title=title, lang=lang, csp=csp, ui=page["ui"], vis_js=Markup(vis_js), vis_css=Markup(vis_css),
        app_js=Markup(app_js), app_css=Markup(app_css), data_json=Markup(_safe_json(page)),
        n_nodes=len(data["nodes"]), n_contacts=data["n_contacts"])


def write_view(store: Store, path: Path | str, label_lang: str = "en", title: str = "Leader contacts",
               colour_by: str = "region") -> dict:
    """Write the view of ``store`` to ``path`` (atomically); returns the data drawn."""
    data = view_data(store, label_lang)
    html = render_html(data, title, label_lang, colour_by)
    with atomic_output(path, "w") as fh:
        fh.write(html)
    return data
