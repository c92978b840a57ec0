"""Reading board papers and extracting their facts: the public surface.

    from extract import load_document, extract_document
    extraction = extract_document(load_document("minutes.pdf"))   # an Extraction: document, facts, warnings

The CLI, the API and the tests use these names; everything else in extract/ is its inside.
Names are imported on first use, so `import extract.records` stays light.
"""
from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "Block": "extract.records", "Document": "extract.records", "Extraction": "extract.records",
    "Fact": "extract.records",
    "DocumentError": "extract.errors", "ExtractError": "extract.errors",
    "SUPPORTED": "extract.documents", "iter_paper_paths": "extract.documents", "load_document": "extract.documents",
    "is_title": "extract.documents",
    "extract_document": "extract.pipeline", "load_builtins": "extract.pipeline", "register": "extract.pipeline",
    "load_ner_model": "extract.people.model_mentions",
    "load_overrides": "extract.resolve", "resolve_across": "extract.resolve.across",
    "records_from": "extract.resolve.across", "conflict": "extract.resolve.across",
    "people_named": "extract.resolve.across", "norm_name": "extract.names",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
