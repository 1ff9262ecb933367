"""``kg eval``."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--graph", type=click.Path(path_type=Path), help="Graph to score (.ttl file or store folder).")
@click.option("--texts", type=click.Path(exists=True, path_type=Path),
              help="Article folder: build it first (in a temporary folder), then score.")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold name aliases (default: aliases.tsv beside GOLD_DIR).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores and the per-article breakdown as JSON.")
@click.option("--per-doc/--no-per-doc", default=True, show_default=True,
              help="List each article's missed and false-positive pairs.")
@click.option("--min-f1", type=float, help="Exit with code 1 when F1 pair+status+date is below this.")
def evaluate_cmd(gold_dir: Path, graph: Path | None, texts: Path | None, aliases: Path | None, as_json: bool,
                 per_doc: bool, min_f1: float | None) -> None:
    """Score a graph against gold annotations (JSON per article) at five levels.

    \b
    Levels: pair, pair+status, pair+status+date, pair+type, full. A predicted
    date matches a gold date when it is the same or finer inside it.
    Example: kg eval tests/data/corpus/fr/gold --texts tests/data/corpus/fr/texts
    """
    from kg.evaluate import evaluate
    from kg.query.engine import open_source

    if (graph is None) == (texts is None):
        raise click.UsageError("give exactly one of --graph or --texts")
    try:
        if texts is not None:
            from kg.build import build

            out = Path(tempfile.mkdtemp(prefix="kg-eval-"))
            build([texts], out)
            graph = out / "graph.ttl"
        assert graph is not None
        result = evaluate(open_source(graph), gold_dir, aliases)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=1) if as_json else result.report(per_doc))
    if min_f1 is not None and result.prf("pair+status+date")[2] < min_f1:
        sys.exit(1)
