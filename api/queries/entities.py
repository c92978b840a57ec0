"""Entities, facts and evidence assembled from stored-query rows."""
from __future__ import annotations

from collections import defaultdict
from typing import Any
from weakref import WeakKeyDictionary

from pyoxigraph import NamedNode

from api import queries
from api.schemas import Entity, EntityRef, Evidence, Fact, Relation, split_iri
from graph.vocab import RELATION_NAMES

PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#notation",
          "http://purl.org/dc/terms/identifier", "https://w3id.org/govgraph/ontology#fileName")


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _value(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def properties(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Statements (p, o rows) grouped by the property's local name; provenance links left out."""
    out: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        if row["p"] == PROV_DERIVED:
            continue
        value = _value(row["o"])
        key = local_name(row["p"])
        if value not in out[key]:
            out[key].append(value)
    return dict(out)


def display_name(props: dict[str, list[Any]]) -> str | None:
    for key in map(local_name, LABELS):
        if props.get(key):
            return str(props[key][0])
    return None


EVIDENCE_QUERIES = ("evidence_own", "evidence_mentions", "evidence_node")


def _evidence_rows(store: Any, iri: str) -> list[dict[str, Any]]:
    rows = [row for name in EVIDENCE_QUERIES for row in queries.run(store, name, e=NamedNode(iri))]
    return sorted(rows, key=lambda r: (r["file"], r["line"], r["type"], r["ev"]))


def evidence(store: Any, iri: str) -> list[Evidence]:
    """Evidence of a fact, of every fact mentioning an entity, or an evidence node itself."""
    seen: dict[str, Evidence] = {}
    for row in _evidence_rows(store, iri):
        seen.setdefault(row["ev"], Evidence.of_row(row))
    return list(seen.values())


def evidence_by_fact(store: Any, iri: str) -> dict[str, list[Evidence]]:
    """Evidence rows of `iri` (see `evidence`), grouped by the fact they support."""
    out: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for row in _evidence_rows(store, iri):
        out[row["fact"]].setdefault(row["ev"], Evidence.of_row(row))
    return {fact: list(evs.values()) for fact, evs in out.items()}


def facts(store: Any, iri: str, by_fact: dict[str, list[Evidence]] | None = None) -> list[Fact]:
    """Fact nodes mentioning `iri`, with their statements and evidence."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in queries.run(store, "entity_facts", e=NamedNode(iri)):
        grouped[row["fact"]].append(row)
    by_fact = evidence_by_fact(store, iri) if by_fact is None else by_fact
    out = []
    for fact, fact_rows in grouped.items():
        found = by_fact.get(fact, [])
        out.append(Fact(id=fact, type=found[0].fact_type if found else split_iri(fact)[0],
                        fields=properties(fact_rows), evidence=found))
    return sorted(out, key=lambda f: (f.type or "", _first(f.evidence)))


def _first(evidence: list[Evidence]) -> tuple[str, int]:
    return min(((e.document_name, e.line) for e in evidence), default=("", 0))


def display_names(store: Any, iris: list[str]) -> dict[str, str]:
    """IRI → label, else notation (principles and actions have no label)."""
    found = queries.names_of(store, iris)
    rest = [NamedNode(i) for i in sorted(set(iris) - set(found))]
    if rest:
        found.update({r["e"]: r["name"] for r in queries.run(store, "notation", e=rest) if r.get("name")})
    return found


def relations(store: Any, iri: str) -> list[Relation]:
    """Governance relations from (out) and to (in) the node, with the other end's name."""
    found = {(row["rel"], direction, row["other"])
             for direction in ("out", "in")
             for row in queries.run(store, f"entity_relations_{direction}", e=NamedNode(iri))}
    names = display_names(store, [other for _, _, other in found])
    return [Relation(relation=RELATION_NAMES.get(rel, local_name(rel)), direction=d,
                     other=EntityRef.of(o, names.get(o))) for rel, d, o in sorted(found)]


def entity(store: Any, iri: str) -> Entity | None:
    """The entity at `iri` with statements, relations, facts and evidence; None when absent."""
    rows = queries.run(store, "entity_properties", e=NamedNode(iri))
    if not rows:
        return None
    props = properties(rows)
    types = props.pop("type", [])
    by_fact = evidence_by_fact(store, iri)
    return Entity(entity=EntityRef.of(iri, display_name(props)), types=[str(t) for t in types], properties=props,
                  relations=relations(store, iri), facts=facts(store, iri, by_fact),
                  evidence=by_fact.get(iri, []))


_DISPLAY = ("label", "notation", "identifier")
_INDEXES: WeakKeyDictionary[Any, list[tuple[str, str, str]]] = WeakKeyDictionary()


def _index(store: Any) -> list[tuple[str, str, str]]:
    """(IRI, display name, lower-cased searchable text) of every named node, kept per store."""
    if store in _INDEXES:
        return _INDEXES[store]
    texts: dict[str, list[str]] = defaultdict(list)
    display: dict[str, tuple[int, str]] = {}
    for row in queries.run(store, "search_index"):
        e, kind, label = row["e"], local_name(row["p"]), str(row["label"])
        texts[e].append(label.lower())
        if kind in _DISPLAY:
            rank = (_DISPLAY.index(kind), label)
            display[e] = min(display.get(e, rank), rank)
    index = sorted(((e, display[e][1], "\n".join(texts[e])) for e in display), key=lambda x: (x[1], x[0]))
    if getattr(store, "read_only", False):
        _INDEXES[store] = index
    return index


def search(store: Any, q: str, prefix: str) -> list[EntityRef]:
    """Named nodes under `prefix` whose label, variant, notation, identifier or text contains `q`."""
    wanted = q.strip().lower()
    return [EntityRef.of(e, name) for e, name, text in _index(store) if e.startswith(prefix) and wanted in text]


def find_entity(store: Any, text: str, kind: str) -> str:
    """The IRI of the one `kind` entity (body, person, plan, ...) that `text` names: its IRI, a name or
    variant (bodies: as `graph.membership.MembershipView.find_body`), else a name containing every word
    of `text`. NotFound names up to five candidates when several match or none does."""
    from api.errors import NotFound
    from api.queries.membership import view_of
    from api.view_queries import entities
    from graph.ids import normalise_name
    from graph.membership import BodyNotFound

    index = entities(store)
    if text in index and index[text]["kind"] == kind:
        return text
    if kind == "body":
        try:
            return view_of(store).find_body(text)
        except BodyNotFound as exc:
            raise NotFound(str(exc)) from None
    key = normalise_name(text)
    named = [(e["id"], normalise_name(e["label"])) for e in index.values() if e["kind"] == kind]
    exact = sorted(i for i, n in named if n == key)
    words = key.split()
    partial = sorted(i for i, n in named if words and all(w in n.split() for w in words))
    for hits in (exact, partial):
        if len(hits) == 1:
            return hits[0]
    seen = exact or partial
    hint = f"; did you mean: {', '.join(index[i]['label'] for i in seen[:5])}?" if seen else ""
    raise NotFound(f"no {kind} named {text!r}{hint}")
