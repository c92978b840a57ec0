"""Deterministic IRIs: entities by slug of their canonical name, fact nodes by hash."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

BASE = "https://w3id.org/govgraph/"
ID_BASE = BASE + "id/"
GRAPH_BASE = BASE + "graph/doc/"


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name ('&' reads as 'and')."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def slug(name: str) -> str:
    """URL-safe key of a name: its normalised words joined by '-'."""
    key = normalise_name(name).replace(" ", "-")
    return key or "_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def entity_iri(kind: str, name: str) -> str:
    """IRI of an entity (person, organisation, plan, meeting, ...) from its canonical name."""
    return f"{ID_BASE}{kind}/{slug(name)}"


def fact_key(*parts: Any) -> str:
    """First 16 hex digits of the sha1 of the parts, serialised stably."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:16]


def fact_iri(kind: str, doc_id: str, *parts: Any) -> str:
    """IRI of a fact node (membership, evidence, ...) from its key fields and document."""
    return f"{ID_BASE}{kind}/{fact_key(doc_id, *parts)}"


def document_iri(doc_id: str) -> str:
    """IRI of a document version."""
    return f"{ID_BASE}document/{doc_id}"


def document_graph(doc_id: str) -> str:
    """Named graph holding everything read from one document version."""
    return GRAPH_BASE + doc_id


def doc_id_of_graph(graph_iri: str) -> str:
    """The document id of a document's named graph."""
    if not graph_iri.startswith(GRAPH_BASE):
        raise ValueError(f"not a document graph: {graph_iri}")
    return graph_iri[len(GRAPH_BASE):]


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that reads runs of digits as numbers: 5.1.2 before 5.1.10, "Item 9" before "Item 10"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.split(r"(\d+)", text or "") if part)
