"""``kg query``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError


def _ready_made() -> str:
    from kg.query.engine import list_queries

    return "\n".join(f"  {name:<20} {what}" for name, what in list_queries().items())


class _QueryCommand(click.Command):
    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Ready-made queries (kg/queries)"):
            formatter.write_text("\b\n" + _ready_made())


@cli.command(cls=_QueryCommand)
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table",
              show_default=True,
              help="Output format for SELECT/ASK (json and xml are the SPARQL results formats). "
                   "CONSTRUCT/DESCRIBE always print Turtle.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE: a QID like Q7747 becomes a Wikidata IRI, <...> an IRI, "
                   "anything else a string. Repeatable.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds before the query is stopped.")
def query(source: Path, query: str, fmt: str, params: tuple[str, ...], timeout: float) -> None:
    """Run a read-only SPARQL QUERY on SOURCE (a .ttl/.trig/.nq file or a store folder).

    QUERY is SPARQL text, a .rq file, or the name of a ready-made query
    (listed below). Updates, LOAD, SERVICE and FROM of outside graphs are refused.
    """
    from kg.query.engine import format_result, load_query, open_source, run_query

    bound = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        bound[name] = value
    try:
        store = open_source(source)
        result = run_query(store, load_query(query), timeout, bound, None if fmt == "table" else fmt)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(format_result(result, fmt).rstrip("\n"))
