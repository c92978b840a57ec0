"""RDF graph of govgraph: ontology mapping, the on-disk store with provenance, exports."""
from __future__ import annotations

from graph.errors import DocumentNotFound, GraphError, InvalidFact, QueryError, StoreError, StoreLocked
from graph.export import export_facts, export_graph
from graph.mapping import extraction_to_quads
from graph.store import DocumentInfo, GraphStore, WriteResult

__all__ = ["GraphStore", "DocumentInfo", "WriteResult", "extraction_to_quads", "export_facts",
           "export_graph", "GraphError", "InvalidFact", "StoreError", "StoreLocked",
           "DocumentNotFound", "QueryError"]
