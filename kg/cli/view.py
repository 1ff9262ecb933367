"""``kg view``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write.")
@click.option("--label-lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of leader names.")
def view(source: Path, output: Path, label_lang: str) -> None:
    """Write the interactive network of SOURCE (a .ttl file or a store) as one offline HTML file."""
    from kg.query.engine import open_source
    from kg.view.html import write_view

    try:
        data = write_view(open_source(source), output, label_lang)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"wrote {output}: {len(data['nodes'])} leaders, {data['n_contacts']} contacts")


