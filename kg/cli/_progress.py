"""A progress bar for long builds: articles/s and contacts found, on a terminal only."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class Progress:
    """tqdm on stderr when it is a terminal and not --quiet; silent otherwise."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
        return self

    def update(self, articles: int, contacts: int) -> None:
        if self._bar is not None:
            self._bar.n = articles
            self._bar.set_postfix_str(f"{contacts} contact reports", refresh=False)
            if articles % 50 == 0:
                self._bar.refresh()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()
