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


def test_a_seat_named_by_post_or_organisation_is_not_flagged_but_an_empty_seat_is(store, paper_b):
    """Terms of reference list seats by post ("the Director of Public Health") or organisation."""
    from graph.validate import shape_results

    store.write_extraction(paper_b)
    graph = ox.NamedNode(document_graph("bbbbbbbbbbbbbbbb"))
    board = ox.NamedNode("https://w3id.org/govgraph/id/organisation/test-seat-board")
    seat = ox.NamedNode("https://w3id.org/govgraph/id/membership/seat-by-post")
    empty = ox.NamedNode("https://w3id.org/govgraph/id/membership/seat-unnamed")
    quads = [ox.Quad(board, RDF.type, ORG.Organization, graph)]
    for node in (seat, empty):
        quads += [ox.Quad(node, RDF.type, ORG.Membership, graph), ox.Quad(node, ORG.organization, board, graph),
                  ox.Quad(node, GG.role, ox.Literal("member"), graph)]
    quads.append(ox.Quad(seat, GG.post, ox.Literal("Director of Public Health"), graph))
    store.ox.extend(quads)
    unnamed = {focus for focus, message in shape_results(store) if '"vacancy"' in message}
    assert empty.value in unnamed
    assert seat.value not in unnamed
