"""Facts → store → export gives the facts back, for every type and two documents."""
from __future__ import annotations

import json

from graph_fixtures import PAPER_A_FACTS, PAPER_B_FACTS, as_facts

from extract.records import FACT_TYPES
from graph import export_facts, export_graph


def canonical(facts):
    return sorted(json.dumps(f, sort_keys=True) for f in facts)


def test_export_round_trip_every_type_two_documents(store, paper_a, paper_b):
    store.write_extraction(paper_a)
    store.write_extraction(paper_b)

    exported = list(export_facts(store))

    expected = as_facts("a_minutes.txt", PAPER_A_FACTS) + as_facts("b_minutes.txt", PAPER_B_FACTS)
    assert canonical(exported) == canonical(expected)
    assert {f["type"] for f in exported} == set(FACT_TYPES)


def test_export_keeps_none_values_lists_and_extra_fields(store, paper_a, paper_b):
    store.write_extraction(paper_a)
    store.write_extraction(paper_b)
    exported = list(export_facts(store))

    vacancy = next(f for f in exported if f["type"] == "membership" and f["role"] == "vacancy")
    assert vacancy["person"] is None and vacancy["affiliation"] is None
    action = next(f for f in exported if f["type"] == "action" and f["id"] == "2.1.1")
    assert action["leads"] == ["Millbrook Borough Council", "Youth Outreach Team"]
    older = next(f for f in exported if f["doc"] == "b_minutes.txt" and f["type"] == "membership")
    assert older["note"] == "older list" and older["as_of"] == "2023-11-01"
    recommendation = next(f for f in exported if f["type"] == "recommendation")
    assert recommendation["report"] == "Annual Review"


def test_export_is_ordered_by_document_and_line(store, paper_a, paper_b):
    store.write_extraction(paper_b)
    store.write_extraction(paper_a)
    keys = [(f["doc"], f["line"]) for f in export_facts(store)]
    assert keys == sorted(keys)


def test_export_of_empty_store_is_empty(store):
    assert list(export_facts(store)) == []


def test_export_graph_formats(store, paper_b):
    store.write_extraction(paper_b)
    nquads = export_graph(store, "nquads")
    assert "<https://w3id.org/govgraph/graph/doc/bbbbbbbbbbbbbbbb> ." in nquads
    assert "_:" not in nquads  # no blank nodes
    assert "GRAPH" not in nquads
    trig = export_graph(store, "trig")
    assert "@prefix gg: <https://w3id.org/govgraph/ontology#>" in trig
    turtle = export_graph(store, "turtle")
    assert "foaf:Person" in turtle
    document = json.loads(export_graph(store, "jsonld"))
    assert document["@context"]["org"] == "http://www.w3.org/ns/org#"
    assert document["@graph"]
