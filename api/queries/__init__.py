"""The API's stored queries (graph/queries/*.rq, with the graph's), run with bound parameters.

Parameters are never pasted from user input: `graph.sparql.bind` writes them as RDF terms in a
leading VALUES row (see graph.sparql).
"""
from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from pyoxigraph import NamedNode

from api.errors import ApiError
from graph.errors import QueryError
from graph.sparql import bind, list_queries, load_query


def load(name: str) -> str:
    """The text of graph/queries/{name}.rq."""
    try:
        return load_query(name)
    except QueryError as exc:
        raise ApiError(str(exc)) from exc


def names_of(store: Any, iris: Any) -> dict[str, str]:
    """IRI → name (least label) of each of `iris` that has a label."""
    wanted = sorted({iri for iri in iris if iri})
    if not wanted:
        return {}
    return {r["e"]: r["name"] for r in run(store, "label", e=[NamedNode(iri) for iri in wanted])
            if r.get("name") is not None}


def run(store: Any, name: str, **bindings: Any) -> list[dict[str, Any]]:
    """Rows of a stored query as dicts of Python values (IRIs as str, dates as date).

    A read-only store never changes while open, so the rows of parameter-free queries (lists,
    matrix, gaps) are kept for its lifetime; callers must not modify them.
    """
    if not bindings and getattr(store, "read_only", False):
        memo = _MEMO.setdefault(store, {})
        if name not in memo:
            memo[name] = _run(store, name, {})
        return memo[name]
    return _run(store, name, bindings)


def _run(store: Any, name: str, bindings: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        return store.query(bind(load(name), bindings))
    except QueryError as exc:
        raise ApiError(f"stored query {name} failed: {exc}") from exc


_MEMO: WeakKeyDictionary[Any, dict[str, list[dict[str, Any]]]] = WeakKeyDictionary()


def names() -> list[str]:
    return sorted(list_queries())


__all__ = ["load", "bind", "run", "names", "names_of", "NamedNode"]
