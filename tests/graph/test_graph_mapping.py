"""Facts map to typed nodes and edges in the document's graph, with evidence."""
from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph as ox
import pytest
from graph_fixtures import BOARD, COUNCIL, STRATEGY, make_extraction

from graph import InvalidFact, extraction_to_quads
from graph.ids import document_graph, entity_iri
from graph.namespaces import GG, ORG, PROV, RDF, RDFS

STAMP = datetime(2024, 3, 6, tzinfo=timezone.utc)


def triples(extraction):
    return {(q.subject, q.predicate, q.object) for q in extraction_to_quads(extraction, STAMP)}


def node(kind, name):
    return ox.NamedNode(entity_iri(kind, name))


def test_mapping_is_deterministic_without_blank_nodes(paper_a):
    first = extraction_to_quads(paper_a, STAMP)
    assert first == extraction_to_quads(paper_a, STAMP)
    graph = ox.NamedNode(document_graph("aaaaaaaaaaaaaaaa"))
    assert all(q.graph_name == graph for q in first)
    assert not any(isinstance(t, ox.BlankNode) for q in first for t in (q.subject, q.object))


def test_membership_names_resolve_through_variants():
    paper = make_extraction("p.txt", [
        {"type": "organisation", "line": 1, "quote": "", "name": BOARD, "kind": "board", "variants": ["MWB"]},
        {"type": "membership", "line": 2, "quote": "", "person": "Ada Fenwick", "body": "MWB",
         "role": "member", "post": None, "affiliation": None, "as_of": None},
    ], "1111111111111111")
    found = triples(paper)
    [membership] = [s for s, p, o in found if p == RDF.type and o == ORG.Membership]
    assert (membership, ORG.organization, node("organisation", BOARD)) in found
    assert (membership, ORG.member, node("person", "Ada Fenwick")) in found
    assert (node("person", "Ada Fenwick"), RDFS.label, ox.Literal("Ada Fenwick")) in found
    assert (node("organisation", BOARD), RDF.type, GG.Board) in found


def test_oversight_gives_an_edge_and_a_statement_with_evidence(paper_a):
    found = triples(paper_a)
    board = node("organisation", BOARD)
    assert (board, GG.oversees, node("plan", STRATEGY)) in found
    assert (board, GG.chairedBy, node("person", "Ada Fenwick")) in found
    assert (board, GG.reportsTo, node("organisation", COUNCIL)) in found
    statements = [s for s, p, o in found if p == RDF.predicate and o == GG.oversees]
    [statement] = statements
    [evidence] = [o for s, p, o in found if s == statement and p == PROV.wasDerivedFrom]
    assert (evidence, GG.line, ox.Literal(14)) in found
    assert (evidence, GG.document, ox.NamedNode(entity_iri("document", "aaaaaaaaaaaaaaaa"))) in found


def test_alignment_and_action_leads(paper_a):
    found = triples(paper_a)
    action = [s for s, p, o in found if p == GG.plan and o == node("plan", STRATEGY)]
    assert len(action) == 2
    principles = {s for s, p, o in found if p == RDF.type and o == GG.Principle}
    assert len(principles) == 2
    assert any(s == node("plan", STRATEGY) and p == GG.alignsWith and o in principles for s, p, o in found)
    leads = {s for s, p, o in found if p == GG.leads}
    assert leads == {node("organisation", "Youth Outreach Team"), node("organisation", COUNCIL)}


def test_unknown_oversight_name_falls_back_to_an_organisation():
    paper = make_extraction("p.txt", [
        {"type": "oversight", "line": 1, "quote": "", "subject": "Ward Forum", "relation": "part_of",
         "object": BOARD},
    ], "2222222222222222")
    found = triples(paper)
    assert (node("organisation", "Ward Forum"), GG.partOf, node("organisation", BOARD)) in found


@pytest.mark.parametrize("fact, message", [
    ({"type": "oversight", "line": 1, "quote": "", "subject": "A", "relation": "befriends", "object": "B"},
     "relation"),
    ({"type": "membership", "line": 1, "quote": "", "person": "A", "body": "B", "role": "boss",
      "post": None, "affiliation": None, "as_of": None}, "role"),
    ({"type": "attendance", "line": 1, "quote": "", "person": "A", "meeting": None, "date": "2024-02-30",
      "status": "present", "substitute_for": None, "mode": None}, "date"),
    ({"type": "person", "line": 0, "quote": "", "name": "A", "variants": [], "titles": []}, "line"),
    ({"type": "rumour", "line": 1, "quote": ""}, "unknown fact type"),
])
def test_invalid_facts_raise(fact, message):
    with pytest.raises(InvalidFact, match=message):
        extraction_to_quads(make_extraction("p.txt", [fact], "3333333333333333"))


def test_position_links_an_org_post_held_by_the_person(paper_a):
    found = triples(paper_a)
    post = node("post", f"{COUNCIL} Cabinet Member for Wellbeing")
    assert (post, RDF.type, ORG.Post) in found
    assert (post, ORG.postIn, node("organisation", COUNCIL)) in found
    assert (post, ORG.heldBy, node("person", "Ada Fenwick")) in found
    assert any(p == GG.forPost and o == post for s, p, o in found)
