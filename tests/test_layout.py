"""The packages depend on each other one way only: ontology ← extract ← graph ← api, and
visualisations takes plain rows (no store, no RDF library, no API)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "ontology": {"extract", "graph", "api", "visualisations", "rdflib", "pyoxigraph", "spacy"},
    "extract": {"graph", "api", "visualisations", "rdflib", "pyoxigraph", "oxrdflib"},
    "graph": {"api", "visualisations", "spacy", "fastapi"},
    "visualisations": {"graph", "api", "extract", "rdflib", "pyoxigraph", "oxrdflib"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_its_layer_allows(package: str) -> None:
    offending = {str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[package])
                 for path in (ROOT / package).rglob("*.py")}
    assert {k: v for k, v in offending.items() if v} == {}


#: the modules of extract each layer may import: the API its public surface (extract/__init__.py),
#: the graph only the typed records it stores
EXTRACT_SURFACE = {"api": {"extract"}, "graph": {"extract.records"}, "benchmarks": {"extract"}}


def _extract_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "extract")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.split(".")[0] == "extract":
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", sorted(EXTRACT_SURFACE))
def test_package_uses_only_extracts_public_surface(package: str) -> None:
    offending = {}
    for path in (ROOT / package).rglob("*.py"):
        rel = str(path.relative_to(ROOT))
        extra = _extract_modules(path) - EXTRACT_SURFACE[package]
        if extra:
            offending[rel] = sorted(extra)
    assert offending == {}


def test_extract_public_surface_resolves():
    import extract

    for name in extract.__all__:
        assert getattr(extract, name) is not None
