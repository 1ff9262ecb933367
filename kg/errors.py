"""Errors with a stable code and a sentence on what to do about them."""

from __future__ import annotations


class KgError(Exception):
    """Base class: ``code`` is stable, the message says what happened and how to fix it."""

    code = "KG000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(KgError):
    """An input item cannot be read; the batch goes on without it."""

    code = "KG001"


class DecodeError(InputError):
    code = "KG002"


class HeaderError(InputError):
    code = "KG003"


class EmptyInput(InputError):
    code = "KG004"


class ExtractionError(KgError):
    """Extraction failed or ran out of time on one article."""

    code = "KG010"


class GraphError(KgError):
    """A graph file or store cannot be read or written."""

    code = "KG020"


class QueryRejected(KgError):
    """A SPARQL query asks for something read-only querying does not allow."""

    code = "KG101"


class QueryTimeout(KgError):
    code = "KG102"


class QueryError(KgError):
    code = "KG103"
