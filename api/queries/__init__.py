"""The API's own stored queries (api/queries/*.rq), run with bound parameters.

Parameters are never pasted from user input: each value becomes an RDF term object
(`graph.sparql.to_term`: pyoxigraph NamedNode / Literal, which validate and escape) and is
written by Oxigraph's own term serialiser into a `VALUES` row placed first in the query's
outer WHERE. (At 1M quads Oxigraph plans a leading VALUES 30x better than the same values
given as substitutions.) Queries that need a parameter inside a sub-select do not use one.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from pyoxigraph import NamedNode

from api.errors import ApiError
from graph.errors import QueryError
from graph.sparql import to_term, with_vocabulary

QUERY_DIR = Path(__file__).resolve().parent
_WHERE = "WHERE {"


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """The text of api/queries/{name}.rq."""
    path = QUERY_DIR / f"{name}.rq"
    if not name.replace("_", "").isalnum() or not path.is_file():
        raise ApiError(f"no stored query named {name!r}")
    text = with_vocabulary(path.read_text(encoding="utf-8"))
    if _WHERE not in text:
        raise ApiError(f"stored query {name} has no 'WHERE {{'")
    return text


def bind(text: str, bindings: dict[str, Any]) -> str:
    """The query with a leading `VALUES (?a ?b) { (term term) }` in its outer WHERE.

    A list value binds its variable to each of its items (one VALUES row each); at most one
    parameter may be a list.
    """
    if not bindings:
        return text
    for name in bindings:
        if not name.isidentifier():
            raise ApiError(f"bad parameter name {name!r}")
    lists = [name for name, value in bindings.items() if isinstance(value, (list, tuple, set, frozenset))]
    if len(lists) > 1:
        raise ApiError("at most one list parameter")
    names = " ".join(f"?{name}" for name in bindings)
    fixed = {name: str(to_term(value)) for name, value in bindings.items() if name not in lists}
    rows = []
    for item in (sorted(bindings[lists[0]], key=str) if lists else [None]):
        terms = {**fixed, **({lists[0]: str(to_term(item))} if lists else {})}
        rows.append("(" + " ".join(terms[name] for name in bindings) + ")")
    at = text.index(_WHERE) + len(_WHERE)
    return f"{text[:at]}\n  VALUES ({names}) {{ {' '.join(rows)} }}{text[at:]}"


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
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


__all__ = ["load", "bind", "run", "names", "names_of", "NamedNode"]
