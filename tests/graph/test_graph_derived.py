"""Tenures derived from every document's memberships, rebuilt in their own graph."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox
from graph_fixtures import BOARD, PAPER_B_FACTS, make_extraction

from graph.derived import TENURES_GRAPH
from graph.ids import entity_iri
from graph.validate import validate_store
from api.build import derive


def listing(person, role, as_of, line):
    return {"type": "membership", "line": line, "quote": person, "person": person, "body": BOARD,
            "role": role, "post": None, "affiliation": None, "as_of": as_of}


def paper(name, doc_id, as_of, seats):
    facts = [listing(person, role, as_of, n + 2) for n, (person, role) in enumerate(seats)]
    return make_extraction(name, facts, doc_id)


def tenures(store):
    rows = store.run("tenures", body=ox.NamedNode(entity_iri("organisation", BOARD)))
    return [(r["name"], r["role"], r["first_cited"], r["last_cited"], r["status"], r["listings"]) for r in rows]


def test_tenures_run_across_documents_and_follow_removals(store):
    store.write_extraction(paper("jan.txt", "1000000000000001", "2024-01-10",
                                 [("Ada Fenwick", "chair"), ("Tomas Oduya", "member")]))
    store.write_extraction(paper("apr.txt", "1000000000000002", "2024-04-10",
                                 [("Ada Fenwick", "chair"), ("Priya Lund", "member")]))
    assert derive(store) > 0
    assert tenures(store) == [
        ("Ada Fenwick", "chair", date(2024, 1, 10), date(2024, 4, 10), "current", 2),
        ("Tomas Oduya", "member", date(2024, 1, 10), date(2024, 1, 10), "ended", 1),
        ("Priya Lund", "member", date(2024, 4, 10), date(2024, 4, 10), "current", 1),
    ]
    assert validate_store(store).conforms

    store.remove_document("1000000000000002")
    derive(store)
    assert [(t[0], t[4]) for t in tenures(store)] == [("Ada Fenwick", "current"), ("Tomas Oduya", "current")]


def test_derived_graph_is_not_a_document_and_is_not_exported_as_facts(store):
    store.write_extraction(make_extraction("b.txt", PAPER_B_FACTS, "bbbbbbbbbbbbbbbb"))
    derive(store)
    assert [d.id for d in store.documents()] == ["bbbbbbbbbbbbbbbb"]
    assert store.ox.contains_named_graph(ox.NamedNode(TENURES_GRAPH))
    assert sum(store.count_facts_by_type().values()) == len(PAPER_B_FACTS)


def test_refresh_of_an_empty_store_writes_nothing(store):
    assert derive(store) == 0
    assert len(store) == 0


def test_tenures_are_org_memberships_during_owl_time_intervals(sample_data) -> None:
    from graph.store import GraphStore

    query = """
    SELECT ?person ?begin ?end WHERE {
      GRAPH <https://w3id.org/govgraph/graph/derived/tenures> {
        ?t a gg:Tenure ; org:member ?p ; org:memberDuring ?i ; gg:role "chair" .
        ?i a time:Interval ; time:hasBeginning ?b .
        ?b time:inXSDDate ?begin .
        OPTIONAL { ?i time:hasEnd ?e . ?e time:inXSDDate ?end }
      }
      ?p rdfs:label ?person .
    }"""
    with GraphStore.open(sample_data, read_only=True) as store:
        rows = {(r["person"], str(r["begin"]), str(r["end"]) if r["end"] else None) for r in store.query(query)}
    assert ("Harriet Okonjo", "2021-06-17", "2021-11-18") in rows  # stated: left on 2021-11-18
    assert any(person == "Martin Ashdown" and end is None for person, _, end in rows)
