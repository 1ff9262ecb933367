"""``kg leaders resolve`` and ``kg leaders update``: query and refresh the leaders gazetteer."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli._core import cli, date_option
from kg.gazetteer.importer import DEFAULT_ENDPOINT
from kg.gazetteer.load import DEFAULT_PATH, Gazetteer
from kg.model import FuzzyDate

if TYPE_CHECKING:  # the resolver pulls in the extraction modules: imported when a command runs
    from kg.gazetteer.resolve import Resolution

EXIT_UNRESOLVED = 1
# The build script writes this generator; its output carries curated names that a raw import lacks.
CURATED_GENERATOR = "scripts/build_gazetteer.py"


@cli.group(name="leaders")
def leaders() -> None:
    """Query the leaders gazetteer, or rebuild it from a SPARQL endpoint."""


@leaders.command(name="resolve")
@click.argument("texts", nargs=-1, required=True, metavar="TEXT...")
@click.option("--date", "date", callback=date_option, metavar="YYYY-MM-DD",
              help="Day the texts speak of: roles name its office holders (default: today; YYYY-MM means the 15th).")
@click.option("--lang", type=click.Choice(["fr", "en"]),
              help="Language of the texts (default: detected per text; English unless French).")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text: one line per mention; jsonl: one JSON object per mention (or per text without any).")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A leaders file in the format of kg/gazetteer/data/leaders.json (default: the shipped one).")
def resolve_cmd(texts: tuple[str, ...], date: FuzzyDate | None, lang: str | None, fmt: str,
                gazetteer: Path | None) -> None:
    """Say which leaders each TEXT names: names, roles, counterparts, titled unknowns.

    \b
    TEXT "-" reads one text a line from stdin. Each text is read on its own, like
    a short article: "Shehbaz Sharif a appelé Sharif" uses the full name for the
    surname. jsonl objects have text, mention, kind, key, qid (null when
    unresolved or not in the gazetteer), linked, label, office, country, date, lang.
    Exit codes: 0 every text resolved, 1 some text names nobody or keeps a
    mention unresolved, 2 usage error.
    Example: kg leaders resolve "le chancelier allemand" --date 2021-12-09
    """
    from kg.extract.discourse import reference_day
    from kg.gazetteer.resolve import resolve_text

    day = reference_day(date) if date is not None else dt.date.today()
    gaz = _load(gazetteer)
    unresolved = False
    for text in _texts(texts):
        text_lang, found = (lang, resolve_text(gaz, text, day, lang)) if lang else _best_language(gaz, text, day)
        unresolved |= not found or not all(r.resolved for r in found)
        for line in _render(text, found, fmt, day, text_lang):
            click.echo(line)
    if unresolved:
        sys.exit(EXIT_UNRESOLVED)


def _load(path: Path | None) -> Gazetteer:
    from kg.gazetteer.load import load_gazetteer, shipped_gazetteer

    try:
        return load_gazetteer(path) if path else shipped_gazetteer()
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"cannot read the gazetteer {path or DEFAULT_PATH}: {exc}") from None


def _texts(args: tuple[str, ...]) -> Iterator[str]:
    for arg in args:
        if arg == "-":
            # Blank lines separate nothing and name nobody: skipped rather than reported unresolved.
            yield from (line.strip() for line in sys.stdin if line.strip())
        else:
            yield arg


def _best_language(gaz: Gazetteer, text: str, day: dt.date) -> tuple[str, list[Resolution]]:
    """Read ``text`` as French and as English and keep the reading that resolves more.

    A language guesser is unreliable on a few words ("le Premier ministre Kwame
    Mensah" reads as English to it), while role phrases only match in their own
    language; names match in both, and then the guesser only picks the labels.
    """
    from kg.gazetteer.resolve import resolve_text
    from kg.nlp.lang import detect

    readings = {lang: resolve_text(gaz, text, day, lang) for lang in ("fr", "en")}
    score = {lang: (sum(r.resolved for r in found), len(found)) for lang, found in readings.items()}
    if score["fr"] == score["en"]:
        lang = "fr" if detect(text) == "fr" else "en"
    else:
        lang = max(score, key=lambda k: score[k])
    return lang, readings[lang]


def _render(text: str, found: list[Resolution], fmt: str, day: dt.date, lang: str) -> Iterator[str]:
    if fmt == "jsonl":
        common = {"text": text, "date": day.isoformat(), "lang": lang}
        if not found:
            yield _json({"text": text, "mention": None, "kind": None, "key": None, "qid": None, "linked": False,
                         "label": None, "office": None, "country": None, **common})
        for r in found:
            yield _json({"text": text, "mention": r.text, "kind": r.kind, "key": r.key, "qid": r.qid,
                         "linked": r.linked, "label": r.label, "office": r.office, "country": r.country,
                         "start": r.start, "end": r.end, "date": common["date"], "lang": lang})
        return
    if not found:
        yield f"{text} -> no leader mentioned"
    for r in found:
        if not r.resolved:
            yield f"{r.text} -> unresolved"
            continue
        where = r.key if r.linked else f"{r.key}, not in the gazetteer" if r.kind == "unknown" else f"{r.key}, no QID"
        yield f"{r.text} -> {r.label} [{where}]" + (f" ({r.office})" if r.office else "")


def _json(obj: dict[str, object]) -> str:
    return json.dumps(obj, ensure_ascii=False)


@leaders.command(name="update")
@click.option("--endpoint", default=DEFAULT_ENDPOINT, show_default=True, metavar="URL",
              help="Wikidata-compatible SPARQL endpoint (SPARQL 1.1 protocol, JSON results).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_PATH,
              show_default="kg/gazetteer/data/leaders.json",
              help="File to write, atomically (a temporary file renamed over it).")
@click.option("--since", type=click.IntRange(1, 9999), default=2000, show_default=True, metavar="YEAR",
              help="Leave out terms that ended before this year.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=60.0, show_default=True, metavar="S",
              help="Seconds to wait for each query before giving up.")
@click.option("--force", is_flag=True,
              help="Overwrite a curated build (the shipped file) with the raw import.")
def update_cmd(endpoint: str, output: Path, since: int, timeout: float, force: bool) -> None:
    """Rebuild a gazetteer file from a SPARQL endpoint and print what it holds.

    \b
    Imported: heads of state and government, G20 foreign ministers, UN, NATO,
    EU and AU heads and popes, with their dated terms, Wikidata labels and
    aliases. The shipped file is a curated build (French press names, short
    forms) made by scripts/build_gazetteer.py, so overwriting it needs --force;
    to refresh it, write elsewhere and merge:
      kg leaders update --output /tmp/refresh.json
      python scripts/build_gazetteer.py --importer-json /tmp/refresh.json
    """
    from kg.gazetteer.importer import SparqlError, update_from_sparql, write_gazetteer

    if not force and _is_curated(output):
        raise click.ClickException(f"{output} is a curated build ({CURATED_GENERATOR}) that the raw import would "
                                   f"replace; write elsewhere with --output and merge with "
                                   f"{CURATED_GENERATOR} --importer-json, or pass --force")
    if not output.parent.is_dir():
        raise click.ClickException(f"cannot write {output}: folder {output.parent} does not exist")
    try:
        data = update_from_sparql(endpoint, since=since, timeout=timeout)
    except SparqlError as exc:
        raise click.ClickException(" ".join(str(exc).split())) from None
    try:
        write_gazetteer(data, output)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    skipped = data["meta"].get("skipped_unknown_end", 0)
    click.echo(f"wrote {output}: {len(data['countries'])} countries, {len(data['offices'])} offices, "
               f"{len(data['people'])} people, {len(data['terms'])} terms "
               f"({skipped} statements with an unknown end left out)")


def _is_curated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh).get("meta", {}).get("generator") == CURATED_GENERATOR
    except (OSError, ValueError, AttributeError):
        return False  # absent, unreadable or not a gazetteer: nothing curated to protect
