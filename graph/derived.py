"""Graphs derived from all documents at once, rebuilt after a batch of writes.

Identity (graph.identity): one canonical person across all papers, `owl:sameAs` plus a
gg:Merge (rule, evidence) per merge, in graph/derived/identity; built first.
Tenures: each person's runs of consecutive dated listings on a body in one role
(graph.tenures), stored in their own named graph, each derived from its membership facts.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from extract.records import Identity, PersonSources
from graph import identity as ident
from graph import ids, search
from graph.namespaces import GG, ORG, PROV, RDF, TIME, XSD
from graph.store import GraphStore, find_overrides
from graph.tenures import Listing, StatedChange, Tenure, Timeline

log = logging.getLogger(__name__)

#: the rules resolving people across papers: their sources and an overrides file → an Identity
PeopleResolver = Callable[[dict[str, PersonSources], "str | Path | None"], Identity]

Term = ox.NamedNode | ox.Literal

TENURES_GRAPH = ids.BASE + "graph/derived/tenures"


def refresh(store: GraphStore, resolve_people: PeopleResolver, overrides: str | os.PathLike[str] | None = None) -> int:
    """Rebuild the graphs derived from all documents (identity, then tenures) in one transaction.

    Call after a batch of writes or removals; returns the derived quads written. `resolve_people`
    is the resolution stage's rule set across papers (extract.resolve_across, passed in by the
    build driver: the graph layer holds no name rules). `overrides` (same / different pairs)
    defaults to the data directory's overrides file. The stamp naming what they were built from
    is written once the transaction is in.
    """
    sources = store.sources_digest(overrides)
    update, count = derived_update(store, resolve_people, str(overrides) if overrides is not None else None)
    store.write_derived(update, sources)
    search.build_index(store)  # the full-text index of names and text, from the same snapshot
    return count


def ensure(store: GraphStore, resolve_people: PeopleResolver) -> bool:
    """Rebuild the derived graphs if they are missing or older than the documents (or the
    overrides file); whether they were rebuilt."""
    if store.snapshot().current:
        return False
    log.info("the derived graphs at %s are missing or out of date: rebuilding them", store.path)
    refresh(store, resolve_people)
    return True


def timeline_of(store: GraphStore, canonical: dict[str, str] | None = None) -> Timeline:
    """The membership timeline of every body, keyed by body IRI and canonical person IRI.

    `canonical` maps a person IRI to its cluster's canonical IRI; by default the stored
    identity graph's owl:sameAs (people not in it are their own canonical).
    """
    same = ident.stored_identity(store) if canonical is None else canonical
    listings = [Listing(same.get(r["person"], r["person"]), r["body"], r["role"], _iso(r["as_of"]), r["doc"],
                        r["line"], r["quote"] or "", r["fact"]) for r in store.run("membership_listings")]
    changes = [StatedChange(r["change"], same.get(r["person"], r["person"]), r["body"], _iso(r["date"]),
                            r["detail"] or "", r["doc"], r["line"], r["fact"]) for r in store.run("stated_changes")]
    return Timeline(listings, changes)


def derived_update(store: GraphStore, resolve_people: PeopleResolver,
                   overrides: str | None = None) -> tuple[str, int]:
    """One SPARQL update rebuilding every derived graph (identity first, then tenures on
    canonical people), and the number of derived quads it writes."""
    path = overrides if overrides is not None else find_overrides(store.path)
    identity = resolve_people(ident.person_sources(store), path)
    graphs = {ident.IDENTITY_GRAPH: ident.identity_quads(identity),
              TENURES_GRAPH: tenure_quads(timeline_of(store, identity.canonical))}
    parts = []
    for name, quads in graphs.items():
        graph = ox.NamedNode(name)
        parts.append(f"DROP SILENT GRAPH {graph}")
        if quads:
            body = "\n".join(f"{ox.Triple(q.subject, q.predicate, q.object)} ." for q in quads)
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    return " ;\n".join(parts), sum(len(q) for q in graphs.values())


def tenure_quads(timeline: Timeline) -> list[ox.Quad]:
    """Quads of the tenures graph: one gg:Tenure per run, derived from its listings."""
    graph = ox.NamedNode(TENURES_GRAPH)
    quads: list[ox.Quad] = []
    for run in timeline.tenures():
        node = ox.NamedNode(ids.ID_BASE + "tenure/" + ids.fact_key(run.person, run.body, run.role, run.first_cited))
        for s, p, o in _tenure_triples(node, run) + _interval_triples(node, run):
            quads.append(ox.Quad(s, p, o, graph))
    return quads


def _interval_triples(node: ox.NamedNode, run: Tenure) -> list[tuple[ox.NamedNode, ox.NamedNode, Term]]:
    """The tenure as a W3C ORG membership during an OWL-Time interval.

    The node is not typed org:Membership, so that queries and shapes over the memberships
    papers state do not count it.

    The interval begins at the stated start or the first citation; it has an end only
    when the tenure has ended (stated end, else the last paper that still lists them).
    """
    interval = ox.NamedNode(node.value + "/interval")
    triples: list[tuple[ox.NamedNode, ox.NamedNode, Term]] = [
        (node, ORG.member, ox.NamedNode(run.person)),
        (node, ORG.organization, ox.NamedNode(run.body)), (node, ORG.memberDuring, interval),
        (interval, RDF.type, TIME.Interval),
    ]
    for edge, day in ((TIME.hasBeginning, run.start), (TIME.hasEnd, run.end)):
        if day:
            instant = ox.NamedNode(f"{node.value}/{edge.value.rsplit('#', 1)[-1]}")
            triples += [(interval, edge, instant), (instant, RDF.type, TIME.Instant),
                        (instant, TIME.inXSDDate, _date(day))]
    return triples


def _tenure_triples(node: ox.NamedNode, run: Tenure) -> list[tuple[ox.NamedNode, ox.NamedNode, Term]]:
    triples: list[tuple[ox.NamedNode, Term]] = [
        (RDF.type, GG.Tenure), (GG.person, ox.NamedNode(run.person)), (GG.body, ox.NamedNode(run.body)),
        (GG.role, ox.Literal(run.role)), (GG.firstCited, _date(run.first_cited)),
        (GG.lastCited, _date(run.last_cited)), (GG.tenureStatus, ox.Literal(run.status)),
    ]
    if run.stated_start:
        triples.append((GG.statedStart, _date(run.stated_start)))
    if run.stated_end:
        triples.append((GG.statedEnd, _date(run.stated_end)))
    triples += [(PROV.wasDerivedFrom, ox.NamedNode(listing.fact)) for listing in run.evidence]
    return [(node, p, o) for p, o in triples]


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=XSD.date)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
