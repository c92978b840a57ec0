"""Export formats shared by the command line and the HTTP API."""
from __future__ import annotations

import json
from typing import BinaryIO

from graph.export import export_facts, export_graph
from graph.store import GraphStore

RDF_FORMATS = ("nquads", "trig", "turtle", "jsonld")
EXPORT_FORMATS = ("facts", *RDF_FORMATS)
MEDIA_TYPES = {
    "facts": "application/x-ndjson",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
}


def export_to(store: GraphStore, fmt: str, fh: BinaryIO) -> None:
    """Write the whole store to a binary stream in one of EXPORT_FORMATS."""
    if fmt == "facts":
        for fact in export_facts(store):
            fh.write(json.dumps(fact, ensure_ascii=False).encode("utf-8") + b"\n")
        return
    data = export_graph(store, fmt)
    fh.write(data.encode("utf-8") if isinstance(data, str) else data)
