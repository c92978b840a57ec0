"""The vocabulary (ontology/vocab.toml, read by ontology.vocab) as ontology terms for the graph code."""
from __future__ import annotations

from pyoxigraph import NamedNode

from graph.namespaces import GG
from ontology.vocab import ALLOWED, DATE_FIELDS, FIELDS, LIST_FIELDS, RELATION_BY_NAME, body_class

#: oversight relation (facts spelling) → property
RELATIONS: dict[str, NamedNode] = {name: getattr(GG, r.property) for name, r in RELATION_BY_NAME.items()}
RELATION_NAMES: dict[str, str] = {prop.value: name for name, prop in RELATIONS.items()}


def body_class_of(kind: str | None, name: str) -> NamedNode | None:
    """The gg:Body subclass an organisation of this kind and name is typed with, if any."""
    local = body_class(kind, name)
    return getattr(GG, local) if local else None


__all__ = ["ALLOWED", "DATE_FIELDS", "FIELDS", "LIST_FIELDS", "RELATIONS", "RELATION_NAMES", "body_class_of"]
