"""Built graphs conform to ontology/shapes.ttl; broken ones do not."""
from __future__ import annotations

import pyoxigraph as ox

from graph.ids import document_graph
from graph.namespaces import GG, ORG, RDF
from graph.store import GraphStore
from graph.validate import validate_store


def test_fixture_graphs_conform(store, paper_a, paper_b):
    store.write_extraction(paper_a)
    store.write_extraction(paper_b)
    result = validate_store(store)
    assert result.conforms, result.report


def test_membership_without_body_or_evidence_violates(store, paper_b):
    store.write_extraction(paper_b)
    graph = ox.NamedNode(document_graph("bbbbbbbbbbbbbbbb"))
    bad = ox.NamedNode("https://w3id.org/govgraph/id/membership/broken")
    store.ox.extend([ox.Quad(bad, RDF.type, ORG.Membership, graph),
                     ox.Quad(bad, GG.role, ox.Literal("boss"), graph)])
    result = validate_store(store)
    assert not result.conforms
    assert "organization" in result.report and "wasDerivedFrom" in result.report


def test_the_sample_council_built_by_the_pipeline_conforms(sample_data) -> None:
    with GraphStore.open(sample_data, read_only=True) as sample:
        result = validate_store(sample)
    assert result.conforms, result.report[:3000]
