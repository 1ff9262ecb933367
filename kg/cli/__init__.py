"""The ``kg`` command: argument parsing and messages only; the work is in library functions.

Each command lives in its own module of this package and is registered on
import: a module ``kg/cli/<name>.py`` defines its command(s) with
``@cli.command()``; ``main`` imports every module here, so adding a command
never means editing a shared list.
"""

from __future__ import annotations

import importlib
import pkgutil

from kg.cli._core import CONTEXT, EXIT_NOTHING, EXIT_OK, EXIT_SKIPPED, cli, date_option

__all__ = ["CONTEXT", "EXIT_NOTHING", "EXIT_OK", "EXIT_SKIPPED", "cli", "date_option", "load_commands", "main"]


def load_commands() -> None:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


def main() -> None:
    load_commands()
    cli(prog_name="kg")
