"""Path parameters and look-ups shared by the resource routers."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from pyoxigraph import NamedNode

from api import queries
from api.errors import NotFound
from api.schemas import KEY_PATTERN, entity_iri
from graph.ids import normalise_name

Key = Annotated[str, Path(pattern=KEY_PATTERN, description="the key of the IRI (…/id/{type}/{key})")]


def require(store: Any, kind: str, key: str, rdf_type: str, what: str) -> str:
    """The IRI of `kind`/`key` if it has `rdf_type`; NotFound otherwise."""
    iri = entity_iri(kind, key)
    if not queries.run(store, "exists", e=NamedNode(iri), t=NamedNode(rdf_type)):
        raise NotFound(f"no {what} with key {key!r}")
    return iri


def matches(name: str | None, q: str | None) -> bool:
    """Whether `name` contains `q`, ignoring case, accents and punctuation (plain case-insensitive
    containment when `q` is nothing but punctuation)."""
    if not q:
        return True
    wanted = normalise_name(q)
    if not wanted:
        return q.casefold() in (name or "").casefold()
    return wanted in normalise_name(name or "")
