"""The identity graph: the store's people read for resolution across papers, and its result written.

The rules live in extract.resolve.across (one canonical person across papers, the merges and their
evidence); this module reads what they need from the document graphs (`person_sources`) and turns
their `Identity` into the derived named graph `graph/derived/identity`: `variant owl:sameAs
canonical` for every merged entity, and one gg:Merge node per merge with its rule (gg:mergeRule),
evidence (gg:mergeEvidence) and the documents it rests on (prov:wasDerivedFrom). Document graphs are
never changed: dropping or rebuilding the identity graph undoes every merge, and the overrides file
(kept in the data directory, graph.store.find_overrides) undoes one.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

import ontology
from extract.records import Identity, PersonSources
from graph import ids
from graph.namespaces import PROV, RDF

if TYPE_CHECKING:
    from graph.store import GraphStore

IDENTITY_GRAPH = ids.BASE + "graph/derived/identity"

_GG = ontology.GG
MERGE = ox.NamedNode(_GG + "Merge")
MERGE_RULE = ox.NamedNode(_GG + "mergeRule")
MERGE_EVIDENCE = ox.NamedNode(_GG + "mergeEvidence")
MERGED_ENTITY = ox.NamedNode(_GG + "mergedEntity")
CANONICAL_ENTITY = ox.NamedNode(_GG + "canonicalEntity")
SAME_AS = ox.NamedNode(ontology.OWL + "sameAs")


# ----------------------------------------------------------------------------- reading
def person_sources(store: GraphStore) -> dict[str, PersonSources]:
    """Every person entity of the document graphs, with its labels, variants and context."""
    records: dict[str, PersonSources] = {}
    for r in store.run("identity_people"):
        rec = records.setdefault(r["person"], PersonSources(r["person"]))
        if r["doc"] not in rec.docs:
            rec.labels[r["label"]] += 1
        elif r["label"] not in rec.labels:
            rec.labels[r["label"]] += 1
        rec.docs[r["doc"]] = r["file"] or r["doc"].rsplit("/", 1)[-1]
        rec.label_texts.add(r["label"])
        day = r["date"].isoformat() if r["date"] else None
        if day and (rec.first_date is None or day < rec.first_date):
            rec.first_date = day
    for r in store.run("identity_names"):
        rec = records.get(r["person"])
        if rec is None:
            continue
        if r["variant"]:
            rec.variants.add(r["variant"])
        if r["title"]:
            rec.titles.add(r["title"])
    seen_facts: set[str] = set()
    for r in store.run("identity_context"):
        rec = records.get(r["person"])
        if rec is None:
            continue
        if r["fact"] not in seen_facts:
            seen_facts.add(r["fact"])
            rec.refs += 1
        if r["body"] and r["kind"] != "position":
            rec.bodies.setdefault(r["body"], r["bodyLabel"] or r["body"].rsplit("/", 1)[-1])
        if r["org"]:
            rec.orgs.setdefault(r["org"], r["orgLabel"] or r["org"].rsplit("/", 1)[-1])
        if r["post"]:
            rec.posts.add(r["post"])
    return records


# ----------------------------------------------------------------------------- the graph
def identity_quads(identity: Identity) -> list[ox.Quad]:
    """Quads of the identity graph: owl:sameAs of every merged entity, a gg:Merge per merge."""
    graph = ox.NamedNode(IDENTITY_GRAPH)
    quads: list[ox.Quad] = []
    for iri, canon in sorted(identity.canonical.items()):
        if iri != canon:
            quads.append(ox.Quad(ox.NamedNode(iri), SAME_AS, ox.NamedNode(canon), graph))
    for m in identity.merges:
        node = ox.NamedNode(ids.ID_BASE + "merge/" + ids.fact_key(m.a, m.b, m.rule))
        canon = ox.NamedNode(identity.of(m.a))
        triples = [(RDF.type, MERGE), (RDF.type, PROV.Entity), (MERGED_ENTITY, ox.NamedNode(m.a)),
                   (MERGED_ENTITY, ox.NamedNode(m.b)), (CANONICAL_ENTITY, canon),
                   (MERGE_RULE, ox.Literal(m.rule)), (MERGE_EVIDENCE, ox.Literal(m.evidence))]
        triples += [(PROV.wasDerivedFrom, ox.NamedNode(doc)) for doc in m.docs]
        quads += [ox.Quad(node, p, o, graph) for p, o in triples]
    return quads


def stored_identity(store: GraphStore) -> dict[str, str]:
    """entity IRI → canonical IRI, as the stored identity graph says (merged entities only)."""
    return {r["entity"]: r["canonical"] for r in store.run("identity_same_as")}


def stored_merges(store: GraphStore) -> list[dict[str, Any]]:
    """The stored merges: merge, entities, canonical, rule, evidence (one row per merge)."""
    out: dict[str, dict[str, Any]] = {}
    for r in store.run("identity_merges"):
        row = out.setdefault(r["merge"], {"merge": r["merge"], "entities": [], "canonical": r["canonical"],
                                          "rule": r["rule"], "evidence": r["evidence"]})
        row["entities"].append(r["entity"])
    return list(out.values())
