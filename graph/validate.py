"""SHACL validation of the stored graph against ontology/shapes.ttl."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import pyshacl
from rdflib import Graph

import ontology
from graph.store import GraphStore


@dataclass(frozen=True, slots=True)
class Validation:
    conforms: bool
    report: str  #: pyshacl's text report


def validate_store(store: GraphStore) -> Validation:
    """Validate the union of every document graph, with the ontology for class inference.

    Violations fail; warnings (such as a non-vacant membership with no member named)
    appear in the report only.
    """
    data = Graph()
    data.parse(data=ox.serialize(store.union_triples(), format=ox.RdfFormat.N_TRIPLES), format="nt")
    shapes = Graph().parse(ontology.SHAPES_PATH)
    ont = Graph().parse(ontology.ONTOLOGY_PATH)
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="rdfs",
                                           allow_warnings=True)
    return Validation(bool(conforms), str(report))
