"""Write docs/queries.md: each ready-made query, its purpose, parameters and output on a graph.

    python -m kg.query.docs GRAPH [--example name:param=value ...] > docs/queries.md

The examples pick the parameters shown; the output is what ``kg query`` prints.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.query.engine import QUERIES_DIR, format_result, list_queries, load_query, open_source, run_query

HEADER = """# Ready-made queries

`kg query SOURCE NAME [--param name=value ...]` runs one of the queries in
`kg/queries/` on a graph file (`.ttl`, `.trig`, `.nq`) or a store folder
(`kg build --store`). Queries are read-only: updates, `LOAD`, `SERVICE` and
`FROM` of graphs the source does not hold are refused, and a query is stopped
after `--timeout` seconds (default 30). Parameters are bound as values, never
pasted into the query: a QID such as `Q7747` becomes a Wikidata IRI, `<...>`
an IRI, anything else a string. `--format csv|tsv|json|xml` gives machine
output; the tables below are the default format (long cells are cut with `…`).

The outputs below are from the seed article:

```
{build}
```
"""


def _params(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2).strip()) for m in re.finditer(r"^# param: (\w+) = (.*)$", text, re.M)]


def _shell(value: str) -> str:
    return value if re.fullmatch(r"[\w.:-]+", value) else f"'{value}'"


def render(source: Path, examples: dict[str, dict[str, str]], build_cmd: str) -> str:
    store = open_source(source)
    out = [HEADER.format(build=build_cmd)]
    for name, purpose in list_queries().items():
        text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
        params = examples.get(name, {})
        args = "".join(f" --param {k}={_shell(v)}" for k, v in params.items())
        out.append(f"## {name}\n\n{purpose}\n")
        declared = _params(text)
        if declared:
            out.append("Parameters:\n")
            out += [f"- `{p}`: {what}" for p, what in declared]
            out.append("")
        result = run_query(store, load_query(name), 60, params)
        shown = format_result(result, "table")
        out.append(f"```\n$ kg query {source.name} {name}{args}\n{shown}\n```\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", type=Path, help="Graph file or store to run the queries on.")
    ap.add_argument("--example", action="append", default=[], metavar="NAME:PARAM=VALUE",
                    help="A parameter value to show for a query (repeatable).")
    ap.add_argument("--build", default="kg build seeds --out out && cd out",
                    help="The command shown as how the graph was built.")
    ns = ap.parse_args(argv)
    examples: dict[str, dict[str, str]] = {}
    for ex in ns.example:
        name, _, assignment = ex.partition(":")
        key, _, value = assignment.partition("=")
        examples.setdefault(name, {})[key] = value
    sys.stdout.write(render(ns.graph, examples, ns.build))


if __name__ == "__main__":
    main()
