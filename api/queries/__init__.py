"""The API's own stored queries (api/queries/*.rq), run with bound parameters.

Parameters are bound as RDF terms (Oxigraph substitutions through `GraphStore.query`), never
pasted into the query text; each parameter is a projected variable of its query.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode

from api.errors import ApiError
from graph.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """The text of api/queries/{name}.rq."""
    path = QUERY_DIR / f"{name}.rq"
    if not name.replace("_", "").isalnum() or not path.is_file():
        raise ApiError(f"no stored query named {name!r}")
    return path.read_text(encoding="utf-8")


def run(store: Any, name: str, **bindings: Any) -> list[dict[str, Any]]:
    """Rows of a stored query as dicts of Python values (IRIs as str, dates as date)."""
    try:
        return store.query(load(name), **bindings)
    except QueryError as exc:
        raise ApiError(f"stored query {name} failed: {exc}") from exc


def names() -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


__all__ = ["load", "run", "names", "NamedNode"]
