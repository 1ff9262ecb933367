"""``kg build``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.budget import DEFAULT_SECONDS
from kg.cli._core import EXIT_NOTHING, EXIT_SKIPPED, cli, date_option
from kg.errors import KgError
from kg.model import FuzzyDate


def _encoding_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Refuse unknown or non-text codecs before reading anything."""
    from kg.ingest.decode import check_encoding

    if value is None:
        return None
    try:
        return check_encoding(value)
    except KgError as exc:
        raise click.BadParameter(exc.message) from None


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.ttl and graph.html (created if needed). Required unless --store is given.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Store folder to add the articles to (created if needed): articles it already holds are "
                   "skipped, and later runs add new ones. Other commands accept the folder as SOURCE.")
@click.option("--published", callback=date_option, metavar="YYYY-MM-DD",
              help="Publication date for articles without a ' date ...' header line.")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of every article (default: detected).")
@click.option("--encoding", callback=_encoding_option, metavar="CODEC",
              help="Read every input with this codec (e.g. cp1252, latin-1, utf-16); a file it cannot decode is "
                   "skipped with its first bad byte. Default: the BOM, else UTF-8, else cp1252 with a warning.")
@click.option("--timeout-per-article", "timeout", type=click.FloatRange(min=0), default=DEFAULT_SECONDS,
              show_default=True, metavar="SECONDS",
              help="Stop extracting an article after this long and skip it (0: no limit, no worker process).")
@click.option("--label-lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of leader names in graph.html.")
@click.option("--strict", is_flag=True, help=f"Exit with code {EXIT_SKIPPED} when any item was skipped.")
@click.option("--no-parse", is_flag=True, help="French without the dependency parser (faster, model-free rules).")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A leaders file in the format of kg/gazetteer/data/leaders.json (default: the shipped one).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes extracting at once (results are merged in input order).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: the Dask cluster at --scheduler.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (e.g. tcp://10.0.0.5:8786), with --engine dask.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (and no progress bar).")
def build(paths: tuple[Path, ...], out_dir: Path | None, store: Path | None, published: FuzzyDate | None,
          lang: str | None, encoding: str | None, label_lang: str, strict: bool, no_parse: bool,
          gazetteer: Path | None, quiet: bool, timeout: float, jobs: int, engine: str,
          scheduler: str | None) -> None:
    """Read articles and write the contact graph.

    \b
    PATHS are files and folders (searched recursively; hidden entries left out):
      .txt    one article; it may start with a header line ' date YYYY-MM-DD TITLE'
              giving the publication date, used to resolve "mardi" or "last week"
      .jsonl  one article per line: {"id", "text", "title", "url", "published", "lang"}
      .html   a web page: main text and metadata extracted offline (trafilatura)
      -       JSONL read from standard input
    Unreadable items are skipped with one line each (file, or file:line, and the
    reason) and the batch goes on. Exit codes: 0 done, 4 nothing could be read,
    3 items were skipped (with --strict).
    """
    from kg.build import build as run_build
    from kg.cli._progress import Progress
    from kg.distributed import Settings
    from kg.gazetteer.load import load_gazetteer, shipped_gazetteer
    from kg.ingest.readers import display
    from kg.pipeline import Extractor

    if out_dir is None and store is None:
        raise click.UsageError("give --out FOLDER, --store FOLDER, or both")
    if (engine == "dask") != (scheduler is not None):
        raise click.UsageError("--engine dask and --scheduler ADDRESS go together")
    try:
        gaz = load_gazetteer(gazetteer) if gazetteer else shipped_gazetteer()
        settings = Settings(str(gazetteer.resolve()) if gazetteer else None, parse=not no_parse)
        with Progress(enabled=not quiet) as progress:
            report = run_build(paths, out_dir, published=published, encoding=encoding, lang=lang,
                               extractor=Extractor(gaz, parse=not no_parse), label_lang=label_lang, store=store,
                               timeout=timeout, jobs=jobs, scheduler=scheduler, settings=settings,
                               progress=progress.update)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    except OSError as exc:  # e.g. a Dask scheduler that does not answer
        raise click.ClickException(f"{exc.__class__.__name__}: {exc}"[:300]) from None
    if report.articles == 0 and report.already == 0:
        for s in report.skipped:
            click.echo(f"skipped: {s}", err=True)
        click.echo("error: no article could be read from " + ", ".join(display(p) for p in paths), err=True)
        sys.exit(EXIT_NOTHING)
    if quiet:  # skipped items are errors: still said, one line each
        for s in report.skipped:
            click.echo(f"skipped: {s}", err=True)
    else:
        click.echo(report.summary())
        if store is not None:
            click.echo(f"store {store}: {'updated' if report.articles else 'unchanged'}")
        if out_dir is not None:
            click.echo(f"wrote {out_dir / 'graph.ttl'} and {out_dir / 'graph.html'}")
    if strict and report.skipped:
        sys.exit(EXIT_SKIPPED)


