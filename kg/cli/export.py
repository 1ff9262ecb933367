"""``kg export``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError
from kg.export import ALL_FORMATS


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(ALL_FORMATS), required=True,
              help="turtle, trig and nquads (one named graph per article), jsonld, csv (one row per contact) "
                   "or graphml (leaders and pairs, for Gephi and Cytoscape).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (replaced atomically: an interrupted export leaves the old file).")
@click.option("--check", is_flag=True,
              help="Before writing, parse an RDF export back with Oxigraph and rdflib (strict) and stop unless "
                   "both give the same graph.")
def export(source: Path, fmt: str, output: Path, check: bool) -> None:
    """Write SOURCE (a .ttl/.trig/.nq file or a store folder) in another format."""
    from kg.export import export as run_export

    try:
        summary = run_export(source, fmt, output, check=check)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"wrote {summary.path} ({summary.fmt}: {summary.detail})")
