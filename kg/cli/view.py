"""``kg view``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (one self-contained file; nothing else is created).")
@click.option("--label-lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of leader names, country names and the page's own words.")
@click.option("--title", default="Leader contacts", show_default=True, help="Title shown at the top of the page.")
@click.option("--colour-by", "--color-by", "colour_by", type=click.Choice(["region", "country"]), default="region",
              show_default=True, help="Initial node colouring (the page can switch it).")
def view(source: Path, output: Path, label_lang: str, title: str, colour_by: str) -> None:
    """Write the interactive network of SOURCE (a graph file or a store) as one offline HTML file.

    The page needs no network: vis-network and every script and style are inline, and its
    Content-Security-Policy forbids fetches. Open it in any browser.
    """
    from kg.query.engine import open_source
    from kg.view.html import write_view

    try:
        data = write_view(open_source(source), output, label_lang, title, colour_by=colour_by)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"wrote {output}: {len(data['nodes'])} leaders, {data['n_contacts']} contacts")
