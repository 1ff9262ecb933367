"""The command group and helpers shared by every ``kg`` command."""

from __future__ import annotations

import click

from kg import __version__
from kg.model import FuzzyDate

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# 2 is click's usage error: "nothing could be read" needs a code of its own.
EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 3, 4


def date_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> FuzzyDate | None:
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


