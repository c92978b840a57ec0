"""Errors of the graph layer.

    GraphError
    ├── InvalidFact        a fact cannot be mapped to RDF (bad date, unknown relation, ...)
    ├── StoreError         the store cannot be opened or written
    │   └── StoreLocked    another process holds the store for writing
    ├── DocumentNotFound   no stored document has that id or path
    └── QueryError         a query is unknown, malformed or badly bound
"""
from __future__ import annotations


class GraphError(Exception):
    """Base of every error raised by `graph`."""


class InvalidFact(GraphError):
    """A fact whose values cannot be written to the graph."""

    def __init__(self, fact_type: str, line: int, message: str) -> None:
        super().__init__(f"{fact_type} fact at line {line}: {message}")
        self.fact_type = fact_type
        self.line = line


class StoreError(GraphError):
    """The store cannot be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock."""


class DocumentNotFound(GraphError):
    """No stored document matches the id or path given."""


class QueryError(GraphError):
    """A stored query is unknown, or a query failed to parse or run."""
