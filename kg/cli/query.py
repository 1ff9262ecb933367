"""``kg query``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME in the query to VALUE (a QID like Q7747 becomes a Wikidata IRI).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds before the query is stopped.")
def query(source: Path, query: str, fmt: str, params: tuple[str, ...], timeout: float) -> None:
    """Run a read-only SPARQL QUERY on SOURCE (a .ttl file or a store folder).

    QUERY is SPARQL text, a .rq file, or the name of a ready-made query in
    kg/queries (e.g. "contacts").
    """
    from kg.query.engine import format_result, load_query, open_source, run_query

    bound = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        bound[name] = value
    try:
        store = open_source(source)
        result = run_query(store, load_query(query), timeout, bound)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(format_result(result, fmt))


