"""The govgraph ontology (RDFS/OWL in Turtle) and its SHACL shapes, with namespace IRIs."""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "govgraph.ttl"
SHAPES_PATH = HERE / "shapes.ttl"

GG = "https://w3id.org/govgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"

#: prefix → namespace, for SPARQL, Turtle and the JSON-LD @context
PREFIXES: dict[str, str] = {
    "gg": GG, "org": ORG, "foaf": FOAF, "prov": PROV, "time": TIME, "skos": SKOS,
    "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
}

__all__ = ["ONTOLOGY_PATH", "SHAPES_PATH", "PREFIXES", "GG", "ORG", "FOAF", "PROV", "TIME",
           "SKOS", "DCTERMS", "RDF", "RDFS", "OWL", "XSD", "SH"]
