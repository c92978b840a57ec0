"""pyoxigraph terms of the vocabularies govgraph writes.

`GG` is closed: reading an undeclared attribute fails at import, and a meta-test checks
every term listed here is declared in ontology/govgraph.ttl. The body classes and relation
properties come from the vocabulary (ontology/vocab.toml).
"""
from __future__ import annotations

from pyoxigraph import NamedNode

import ontology
from ontology.vocab import BODY_CLASSES, RELATIONS


class Namespace:
    """Terms of one vocabulary as attributes; only the listed local names exist."""

    def __init__(self, base: str, names: str) -> None:
        self.base = base
        self.names = tuple(names.split())
        for name in self.names:
            setattr(self, name, NamedNode(base + name))

    def __getattr__(self, name: str) -> NamedNode:
        raise AttributeError(f"{name} is not a term of {self.base}")

    def iris(self) -> list[str]:
        return [self.base + name for name in self.names]


GG = Namespace(ontology.GG, """
    Body Meeting Attendance Document Plan
    Action Principle Position Change Priority Recommendation Evidence Oversight Alignment
    kind title period body meetingRole role post affiliation asOf attendee meeting date
    status mode substituteFor holder organisation forPost changeType person detail item principle text
    plan framework
    document line quote extractor confidence factType extra page sourceLine
    fileName sourcePath contentHash format lineCount pageStarts
    Tenure firstCited lastCited statedStart statedEnd tenureStatus
    """ + " ".join(b.cls for b in BODY_CLASSES) + " " + " ".join(r.property for r in RELATIONS))
ORG = Namespace(ontology.ORG, "Organization Membership member organization Post postIn heldBy memberDuring")
TIME = Namespace(ontology.TIME, "Interval Instant hasBeginning hasEnd inXSDDate")
FOAF = Namespace(ontology.FOAF, "Person name")
PROV = Namespace(ontology.PROV, "Entity wasDerivedFrom generatedAtTime")
SKOS = Namespace(ontology.SKOS, "Concept ConceptScheme notation inScheme altLabel prefLabel")
DCTERMS = Namespace(ontology.DCTERMS, "title date identifier")
RDF = Namespace(ontology.RDF, "type subject predicate object")
RDFS = Namespace(ontology.RDFS, "label")
XSD = Namespace(ontology.XSD, "date dateTime integer double string")
