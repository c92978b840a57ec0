"""Deterministic IRIs from names and key fields."""
from __future__ import annotations

import re

import pytest

from graph import ids


def test_slug_ignores_case_accents_punctuation_and_ampersand():
    assert ids.slug("Health & Wellbeing Board") == "health-and-wellbeing-board"
    assert ids.slug("HEALTH AND WELLBEING BOARD") == "health-and-wellbeing-board"
    assert ids.slug("Zoë O'Neill-Brady") == "zoe-o-neill-brady"


def test_slug_of_a_name_without_letters_is_still_stable():
    assert ids.slug("—") == ids.slug("—") != ids.slug("–")


def test_entity_and_fact_iris():
    assert ids.entity_iri("person", "Ada Fenwick") == "https://w3id.org/govgraph/id/person/ada-fenwick"
    first = ids.fact_iri("membership", "abc", 3, {"person": "Ada", "body": "X"})
    assert first == ids.fact_iri("membership", "abc", 3, {"body": "X", "person": "Ada"})
    assert first != ids.fact_iri("membership", "abd", 3, {"person": "Ada", "body": "X"})
    assert re.fullmatch(r"https://w3id.org/govgraph/id/membership/[0-9a-f]{16}", first)


def test_document_graph_round_trips_its_id():
    graph = ids.document_graph("0123456789abcdef")
    assert graph == "https://w3id.org/govgraph/graph/doc/0123456789abcdef"
    assert ids.doc_id_of_graph(graph) == "0123456789abcdef"
    with pytest.raises(ValueError):
        ids.doc_id_of_graph("https://example.org/g")
