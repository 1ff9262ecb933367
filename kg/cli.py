"""The ``kg`` command: argument parsing and messages only; the work is in library functions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError
from kg.model import FuzzyDate

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 3, 2


def _date_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> FuzzyDate | None:
    if value is None:
        return None
    try:
        d = FuzzyDate.parse(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD or YYYY-MM") from None
    if d.day is None and d.month is None:
        raise click.BadParameter(f"{value!r}: give at least a month (YYYY-MM)")
    return d


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of contacts between political leaders from news articles.

    \b
    Typical use:
      kg build seeds/ --out out/          articles -> out/graph.ttl + out/graph.html
      kg query out/graph.ttl contacts     a ready-made SPARQL query, as a table
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.ttl and graph.html (created if needed).")
@click.option("--published", callback=_date_option, metavar="YYYY-MM-DD",
              help="Publication date for articles without a ' date ...' header line.")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of every article (default: detected).")
@click.option("--encoding", help="Force the input encoding (default: UTF-8, BOM-aware, cp1252 fallback).")
@click.option("--label-lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of leader names in graph.html.")
@click.option("--strict", is_flag=True, help=f"Exit with code {EXIT_SKIPPED} when any item was skipped.")
@click.option("--no-parse", is_flag=True, help="French without the dependency parser (faster, model-free rules).")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A leaders file in the format of kg/gazetteer/data/leaders.json (default: the shipped one).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths: tuple[Path, ...], out_dir: Path, published: FuzzyDate | None, lang: str | None,
          encoding: str | None, label_lang: str, strict: bool, no_parse: bool, gazetteer: Path | None,
          quiet: bool) -> None:
    """Read articles (.txt files or folders) and write the contact graph.

    \b
    An article may start with a header line ' date YYYY-MM-DD TITLE' giving its
    publication date, used to resolve "mardi" or "last week". Exit codes: 0 done,
    2 nothing could be read, 3 items were skipped (with --strict).
    """
    from kg.build import build as run_build
    from kg.gazetteer.load import load_gazetteer, shipped_gazetteer
    from kg.pipeline import Extractor

    try:
        gaz = load_gazetteer(gazetteer) if gazetteer else shipped_gazetteer()
        report = run_build(paths, out_dir, published=published, encoding=encoding, lang=lang,
                           extractor=Extractor(gaz, parse=not no_parse), label_lang=label_lang)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    if report.articles == 0:
        for s in report.skipped:
            click.echo(f"skipped: {s}", err=True)
        click.echo("error: no article could be read from " + ", ".join(map(str, paths)), err=True)
        sys.exit(EXIT_NOTHING)
    if not quiet:
        click.echo(report.summary())
        click.echo(f"wrote {out_dir / 'graph.ttl'} and {out_dir / 'graph.html'}")
    if strict and report.skipped:
        sys.exit(EXIT_SKIPPED)


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


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
