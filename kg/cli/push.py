"""``kg push``."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kg.cli._core import cli
from kg.errors import KgError
from kg.push import CONTACTS_GRAPH


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth (Virtuoso) "
                   "or http://localhost:3030/ds/data (Fuseki).")
@click.option("--user", help="User name, when the endpoint asks for one (HTTP Digest or Basic).")
@click.option("--password-env", default="KG_PUSH_PASSWORD", show_default=True, metavar="VAR",
              help="Environment variable holding the password (asked for when --user is given and it is unset).")
@click.option("--default-graph", default=CONTACTS_GRAPH, show_default=True, metavar="IRI|default",
              help="Named graph for the contacts, leaders and topics; 'default' for the server's default graph.")
@click.option("--graph", metavar="IRI", help="Put everything (all articles and contacts) in this one graph instead.")
@click.option("--chunk", type=click.IntRange(min=1), default=50_000, show_default=True,
              help="Triples per request; a graph's first request replaces it, the next ones add to it.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds to wait for each request.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def push(source: Path, endpoint: str, user: str | None, password_env: str, default_graph: str, graph: str | None,
         chunk: int, timeout: float, quiet: bool) -> None:
    """Load SOURCE (a graph file or store folder) into an external SPARQL server.

    \b
    Uses the SPARQL 1.1 Graph Store Protocol: one named graph per article,
    and the contacts in --default-graph. Pushing again replaces those graphs,
    so a re-run leaves the server as after one push.
    """
    from kg.push import push as run_push

    password = os.environ.get(password_env)
    if user and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    try:
        summary = run_push(source, endpoint, user=user, password=password, graph=graph, default_graph=default_graph,
                           chunk=chunk, timeout=timeout)
    except KgError as exc:
        raise click.ClickException(exc.message) from None
    if not quiet:
        click.echo(f"pushed {summary.triples} triples in {summary.graphs} graphs ({summary.requests} requests) "
                   f"to {endpoint}")
