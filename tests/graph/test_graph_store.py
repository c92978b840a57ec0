"""The on-disk store: atomic, idempotent writes; replacement by path; removal; queries."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from graph_fixtures import BOARD, PAPER_A_FACTS, make_extraction

from extract import Fact
from graph import DocumentNotFound, GraphStore, InvalidFact, QueryError, StoreError, StoreLocked
from graph.ids import document_graph, entity_iri
from api.build import derive


def graph_quads(store, doc_id):
    return sorted(map(str, store.ox.quads_for_pattern(None, None, None, ox.NamedNode(document_graph(doc_id)))))


def test_write_then_documents_lists_it(store, paper_a):
    result = store.write_extraction(paper_a)
    assert result.written and result.quads > 0 and result.replaced == []
    [doc] = store.documents()
    assert (doc.id, doc.name, doc.path) == ("aaaaaaaaaaaaaaaa", "a_minutes.txt", "/papers/a_minutes.txt")
    assert doc.title == "Papers a_minutes.txt" and doc.date == date(2024, 3, 5)
    assert doc.facts == len(PAPER_A_FACTS)
    assert store.has_document("aaaaaaaaaaaaaaaa")
    assert store.document_for_path("/papers/a_minutes.txt") == doc
    assert store.document_for_path("/papers/other.txt") is None
    assert store.document("aaaaaaaaaaaaaaaa") == doc
    with pytest.raises(DocumentNotFound):
        store.document("0000000000000000")


def test_rewriting_the_same_document_changes_nothing(store, paper_a):
    store.write_extraction(paper_a)
    before = len(store)
    again = store.write_extraction(paper_a)
    assert not again.written
    assert len(store) == before


def test_changed_file_replaces_only_its_own_graph(store, paper_a, paper_b):
    store.write_extraction(paper_a)
    store.write_extraction(paper_b)
    b_before = graph_quads(store, "bbbbbbbbbbbbbbbb")

    edited = make_extraction("a_minutes.txt", PAPER_A_FACTS[:5], "cccccccccccccccc")
    result = store.write_extraction(edited)

    assert result.replaced == ["aaaaaaaaaaaaaaaa"]
    assert not store.has_document("aaaaaaaaaaaaaaaa")
    assert store.has_document("cccccccccccccccc")
    assert graph_quads(store, "aaaaaaaaaaaaaaaa") == []
    assert graph_quads(store, "bbbbbbbbbbbbbbbb") == b_before
    assert {d.id for d in store.documents()} == {"bbbbbbbbbbbbbbbb", "cccccccccccccccc"}
    assert store.text_lines("aaaaaaaaaaaaaaaa") is None
    assert store.text_lines("cccccccccccccccc")[0] == "line 1 of a_minutes.txt"


def test_remove_by_path_and_by_id(store, paper_a, paper_b):
    store.write_extraction(paper_a)
    store.write_extraction(paper_b)
    assert store.remove_document("/papers/a_minutes.txt") == ["aaaaaaaaaaaaaaaa"]
    assert store.remove_document("bbbbbbbbbbbbbbbb") == ["bbbbbbbbbbbbbbbb"]
    assert len(store) == 0
    assert store.documents() == []
    assert store.text_lines("aaaaaaaaaaaaaaaa") is None
    assert store.remove_document("/papers/a_minutes.txt") == []


def test_invalid_fact_mid_document_leaves_store_unchanged(store, paper_b):
    store.write_extraction(paper_b)
    before = sorted(map(str, store.ox))
    texts_before = sorted(p.name for p in (store.path / "texts").iterdir())

    bad = make_extraction("b_minutes.txt", PAPER_A_FACTS, "dddddddddddddddd", path="/papers/b_minutes.txt")
    bad.facts.append(Fact("change", {"change": "left", "person": "Ada Fenwick", "body": BOARD,
                                     "date": "31/02/2024", "detail": None}, line=30))
    with pytest.raises(InvalidFact, match="date"):
        store.write_extraction(bad)

    assert sorted(map(str, store.ox)) == before
    assert sorted(p.name for p in (store.path / "texts").iterdir()) == texts_before
    assert [d.id for d in store.documents()] == ["bbbbbbbbbbbbbbbb"]


def test_failed_replacement_keeps_the_stored_version(store, paper_a):
    store.write_extraction(paper_a)
    before = graph_quads(store, "aaaaaaaaaaaaaaaa")

    newer = make_extraction("a_minutes.txt", PAPER_A_FACTS, "eeeeeeeeeeeeeeee")
    newer.facts.append(Fact("person", {"name": "Ada", "variants": "not a list", "titles": []}, line=2))
    with pytest.raises(InvalidFact, match="variants"):
        store.write_extraction(newer)

    assert graph_quads(store, "aaaaaaaaaaaaaaaa") == before
    assert not store.has_document("eeeeeeeeeeeeeeee")
    assert store.text_lines("eeeeeeeeeeeeeeee") is None


def test_second_writer_is_refused(tmp_path):
    with GraphStore.open(tmp_path / "data"):
        with pytest.raises(StoreLocked):
            GraphStore.open(tmp_path / "data")


def test_text_lines_are_saved_with_the_document(store, paper_a):
    store.write_extraction(paper_a)
    lines = store.text_lines("aaaaaaaaaaaaaaaa")
    assert lines == paper_a.document.lines
    assert not [p for p in (store.path / "texts").iterdir() if p.suffix == ".tmp"]


def test_count_facts_by_type(store, paper_a):
    store.write_extraction(paper_a)
    counts = store.count_facts_by_type()
    assert counts["membership"] == 3 and counts["oversight"] == 3 and counts["person"] == 3
    assert sum(counts.values()) == len(PAPER_A_FACTS)


def test_query_binds_values_as_terms(store, paper_a):
    store.write_extraction(paper_a)
    rows = store.query("""
        SELECT ?name ?body ?role WHERE {
          ?m a org:Membership ; org:organization ?body ; gg:role ?role ; org:member/rdfs:label ?name .
        } ORDER BY ?name""", body=ox.NamedNode(entity_iri("organisation", BOARD)), role="chair")
    assert rows == [{"name": "Ada Fenwick", "body": entity_iri("organisation", BOARD), "role": "chair"}]
    [row] = store.query("SELECT ?d ?as_of WHERE { ?m gg:asOf ?as_of . BIND(1 AS ?d) } LIMIT 1",
                        as_of=date(2024, 3, 5))
    assert row["as_of"] == date(2024, 3, 5)


def test_injection_looking_binding_matches_nothing(store, paper_a):
    store.write_extraction(paper_a)
    before = len(store)
    hostile = 'Ada Fenwick" } } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    rows = store.query("SELECT ?m ?name WHERE { ?m org:member ?p . ?p rdfs:label ?name }", name=hostile)
    assert rows == []
    assert len(store) == before


def test_bad_query_raises_query_error(store):
    with pytest.raises(QueryError):
        store.query("SELECT WHERE {")
    with pytest.raises(QueryError):
        store.run("no_such_query")
    with pytest.raises(QueryError):
        store.run("../secrets")


def test_read_only_store_reads_but_refuses_writes(tmp_path, paper_a):
    with GraphStore.open(tmp_path / "data") as writer:
        writer.write_extraction(paper_a)
    with GraphStore.open(tmp_path / "data", read_only=True) as reader:
        assert [d.id for d in reader.documents()] == ["aaaaaaaaaaaaaaaa"]
        with pytest.raises(StoreError):
            reader.remove_document("aaaaaaaaaaaaaaaa")
    with pytest.raises(StoreError):
        GraphStore.open(tmp_path / "missing", read_only=True)


def test_rdflib_dataset_sees_the_same_graphs(store, paper_a):
    store.write_extraction(paper_a)
    graphs = {str(g.identifier) for g in store.dataset.graphs()}
    assert document_graph("aaaaaaaaaaaaaaaa") in graphs


def test_store_persists_across_reopen(tmp_path, paper_a):
    with GraphStore.open(tmp_path / "data") as first:
        first.write_extraction(paper_a)
        derive(first)  # as a build does; otherwise the next open would rebuild them
        size = len(first)
    with GraphStore.open(tmp_path / "data") as second:
        assert len(second) == size
        assert second.has_document("aaaaaaaaaaaaaaaa")
