"""SHACL validation of the stored graph against ontology/shapes.ttl."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import pyshacl
from rdflib import RDF, SH, Graph

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
    conforms, _, report = _validate(store)
    return Validation(bool(conforms), str(report))


def shape_results(store: GraphStore) -> list[tuple[str, str]]:
    """(focus node IRI, message) of every violation and warning the shapes report."""
    _, results, _ = _validate(store)
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage) or results.value(result, SH.resultPath) or "flagged"
        if focus is not None:
            out.append((str(focus), str(message)))
    return out


def _validate(store: GraphStore) -> tuple[bool, Graph, str]:
    data = Graph()
    data.parse(data=ox.serialize(store.union_triples(), format=ox.RdfFormat.N_TRIPLES), format="nt")
    shapes = Graph().parse(ontology.SHAPES_PATH)
    ont = Graph().parse(ontology.ONTOLOGY_PATH)
    return pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="rdfs", allow_warnings=True)
