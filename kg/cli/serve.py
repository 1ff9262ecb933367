"""``kg serve``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default answers this machine only; anything else serves the "
                   "network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds before a query is stopped.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Queries answered at once (one process each).")
@click.option("--label-lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of leader names in the view at /.")
@click.option("--cors", is_flag=True, help="Let web pages from any origin read the answers (CORS).")
@click.option("-v", "--verbose", is_flag=True, help="Log every request to stderr.")
def serve(source: Path, host: str, port: int, timeout: float, workers: int, label_lang: str, cors: bool,
          verbose: bool) -> None:
    """Serve SOURCE (a graph file or store folder) as a read-only SPARQL endpoint at /sparql.

    \b
    The interactive network view is at /. Stop with Ctrl-C.
    """
    from kg.serve import is_loopback
    from kg.serve import serve as run_serve

    if not is_loopback(host):
        click.echo(f"warning: serving on {host}: anyone who can reach it can query the graph", err=True)

    def ready(url: str) -> None:
        click.echo(f"serving {source} at {url}/sparql (view at {url}/); Ctrl-C to stop", err=False)

    try:
        run_serve(source, host, port, timeout=timeout, workers=workers, label_lang=label_lang, cors=cors,
                  verbose=verbose, ready=ready)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
