"""Stored queries answer with parameters bound as RDF terms."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox
from graph_fixtures import BOARD, COUNCIL, STRATEGY

from graph import GraphStore
from graph.ids import entity_iri
from graph.namespaces import GG
from graph.sparql import list_queries


def iri(kind, name):
    return ox.NamedNode(entity_iri(kind, name))


def test_every_stored_query_says_what_it_answers():
    queries = list_queries()
    assert "members_of_body" in queries and "export_membership" in queries
    assert all(comment for comment in queries.values())


def test_members_of_body_across_documents(store, paper_a, paper_b):
    store.write_extraction(paper_a)
    store.write_extraction(paper_b)
    rows = store.run("members_of_body", body=iri("organisation", BOARD))
    assert [(r["name"], r["role"], r["as_of"], r["doc"]) for r in rows] == [
        ("Tomas Oduya", "member", None, "a_minutes.txt"),  # SPARQL orders unbound first
        ("Ada Fenwick", "chair", date(2023, 11, 1), "b_minutes.txt"),
        (None, "vacancy", date(2024, 3, 5), "a_minutes.txt"),
        ("Ada Fenwick", "chair", date(2024, 3, 5), "a_minutes.txt"),
    ]
    assert {r["affiliation"] for r in rows} == {None, entity_iri("organisation", COUNCIL)}


def test_memberships_of_person_and_evidence(store, paper_a, paper_b):
    store.write_extraction(paper_a)
    store.write_extraction(paper_b)
    rows = store.run("memberships_of_person", person=iri("person", "Ada Fenwick"))
    assert [(r["body_name"], r["as_of"]) for r in rows] == [(BOARD, date(2023, 11, 1)), (BOARD, date(2024, 3, 5))]
    evidence = store.run("evidence_of", node=ox.NamedNode(rows[1]["membership"]))
    assert [(e["doc"], e["line"], e["type"], e["extractor"]) for e in evidence] == [
        ("a_minutes.txt", 3, "membership", "test.v1")]
    assert evidence[0]["confidence"] == 0.9


def test_governance_edges_filtered_by_relation(store, paper_a):
    store.write_extraction(paper_a)
    rows = store.run("governance_edges", relation=GG.oversees)
    assert {(r["subject_name"], r["object_name"]) for r in rows} == {(BOARD, STRATEGY)}


def test_find_entities_by_text(store, paper_a):
    store.write_extraction(paper_a)
    rows = store.run("find_entities", text="fenwick")
    assert {r["name"] for r in rows} == {"Ada Fenwick"}
    assert store.run("find_entities", text='") } DELETE WHERE { ?s ?p ?o } #') == []


def test_reader_opens_while_a_writer_holds_the_store(tmp_path, paper_a):
    with GraphStore.open(tmp_path / "data") as writer:
        writer.write_extraction(paper_a)
        with GraphStore.open(tmp_path / "data", read_only=True) as reader:
            assert reader.has_document("aaaaaaaaaaaaaaaa")
