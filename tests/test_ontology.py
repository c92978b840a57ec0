"""The ontology parses, declares every gg: term govgraph writes or queries, and its shapes hold."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

import ontology
from extract import Document, Extraction, Fact
from graph import GraphStore
from graph.namespaces import GG
from graph.sparql import QUERY_DIR
from graph.validate import validate_store
from graph.vocab import ALLOWED

SH = Namespace(ontology.SH)
GG_TERM = re.compile(r"\bgg:([A-Za-z]+)")


@pytest.fixture(scope="module")
def ontology_graph() -> Graph:
    return Graph().parse(ontology.ONTOLOGY_PATH)


@pytest.fixture(scope="module")
def shapes_graph() -> Graph:
    return Graph().parse(ontology.SHAPES_PATH)


def declared(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects(RDFS.label, None) if str(s).startswith(ontology.GG)}


def test_every_gg_term_has_a_label_and_comment(ontology_graph):
    terms = {s for s in ontology_graph.subjects() if str(s).startswith(ontology.GG)}
    assert terms
    for term in terms:
        assert ontology_graph.value(term, RDFS.label), term
        assert ontology_graph.value(term, RDFS.comment), term


def test_terms_used_by_graph_code_are_declared(ontology_graph):
    assert set(GG.iris()) <= declared(ontology_graph)


def test_terms_used_by_stored_queries_and_shapes_are_declared(ontology_graph):
    texts = [p.read_text(encoding="utf-8") for p in QUERY_DIR.glob("*.rq")]
    texts.append(ontology.SHAPES_PATH.read_text(encoding="utf-8"))
    used = {ontology.GG + name for text in texts for name in GG_TERM.findall(text)}
    assert used
    assert used <= declared(ontology_graph)


def test_shapes_allow_exactly_the_values_the_mapping_allows(shapes_graph):
    lists = {}
    for prop in shapes_graph.subjects(SH["in"], None):
        path = shapes_graph.value(prop, SH.path)
        values = Collection(shapes_graph, shapes_graph.value(prop, SH["in"]))
        lists[str(path)] = {str(v) for v in values}
    fields = {("membership", "role"): "role", ("attendance", "status"): "status",
              ("change", "change"): "changeType"}
    for key, local in fields.items():
        assert lists[ontology.GG + local] == set(ALLOWED[key])


def test_a_small_built_graph_conforms(tmp_path):
    doc = Document(id="5555555555555555", name="panel.txt", path="/papers/panel.txt", format="txt",
                   lines=["Oakfield Review Panel", "Members: Cllr Ben Arrow (Chair)", "Present: Ben Arrow"])
    facts = [
        Fact("organisation", {"name": "Oakfield Review Panel", "kind": "panel", "variants": []}, 1),
        Fact("membership", {"person": "Ben Arrow", "body": "Oakfield Review Panel", "role": "chair",
                            "post": None, "affiliation": None, "as_of": "2025-01-09"}, 2, "Ben Arrow (Chair)"),
        Fact("attendance", {"person": "Ben Arrow", "meeting": "orp-2025-01-09", "date": "2025-01-09",
                            "status": "present", "substitute_for": None, "mode": None}, 3),
        Fact("oversight", {"subject": "Oakfield Review Panel", "relation": "chaired_by",
                           "object": "Ben Arrow"}, 2),
    ]
    with GraphStore.open(tmp_path / "data") as store:
        store.write_extraction(Extraction(doc, facts))
        result = validate_store(store)
    assert result.conforms, result.report


def test_ontology_reuses_standard_vocabularies(ontology_graph):
    org = Namespace(ontology.ORG)
    assert (URIRef(ontology.GG + "Board"), RDFS.subClassOf, URIRef(ontology.GG + "Body")) in ontology_graph
    assert (URIRef(ontology.GG + "Body"), RDFS.subClassOf, org.Organization) in ontology_graph
    assert Path(ontology.SHAPES_PATH).is_file()
    assert ontology_graph.value(URIRef(ontology.GG + "line"), RDFS.label) == Literal("line")
    assert (None, RDF.type, None) in ontology_graph


def test_files_generated_from_the_vocabulary_are_current():
    from ontology.vocab import generated

    stale = [path.name for path, text in generated().items() if path.read_text(encoding="utf-8") != text]
    assert stale == [], "run python3 -m ontology.vocab"


def test_panel_or_group_organisations_are_typed_as_panel_or_group():
    from ontology.vocab import body_class

    assert body_class("panel_or_group", "Oakfield Scrutiny Panel") == "Panel"
    assert body_class("panel_or_group", "Oakfield Carers Forum") == "Group"
    assert body_class("board", "Oakfield Board") == "Board"
    assert body_class("council", "Oakfield Council") is None
