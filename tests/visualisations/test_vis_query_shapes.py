"""The pages' queries keep a shape Oxigraph answers fast: no rows multiplied per restating paper,
no OPTIONAL nested three deep (Oxigraph 0.5 took 56 s for a 330-row query of that shape)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from api import view_queries as vq

ROOT = Path(__file__).resolve().parents[2]
_TOKEN = re.compile(r'OPTIONAL\s*\{|\{|\}|"(?:[^"\\]|\\.)*"|#[^\n]*', re.I)


def optional_depth(query: str) -> int:
    """How many OPTIONAL groups deep the query nests at most."""
    stack: list[bool] = []
    deepest = 0
    for match in _TOKEN.finditer(query):
        token = match.group(0)
        if token.startswith(('"', "#")):
            continue
        if token == "}":
            if stack:
                stack.pop()
            continue
        stack.append(token.upper().startswith("OPTIONAL"))
        deepest = max(deepest, sum(stack))
    return deepest


def _page_queries() -> list[tuple[str, str]]:
    found = [(f"view_queries.{name}", value) for name, value in vars(vq).items()
             if name.isupper() and isinstance(value, str) and "SELECT" in value]
    for folder in ("api/queries", "graph/queries"):
        found += [(str(path.relative_to(ROOT)), path.read_text()) for path in sorted((ROOT / folder).glob("*.rq"))]
    return found


def test_optional_depth_counts_nesting() -> None:
    assert optional_depth("SELECT * { ?a ?b ?c OPTIONAL { ?c ?d ?e OPTIONAL { ?e ?f ?g } } OPTIONAL { ?a ?h ?i } }") == 2
    assert optional_depth('SELECT * { ?a ?b "OPTIONAL { x" OPTIONAL { ?c ?d ?e } }') == 1


_QUERIES = _page_queries()


@pytest.mark.parametrize(("name", "query"), _QUERIES, ids=[name for name, _ in _QUERIES])
def test_no_optional_nested_three_deep(name: str, query: str) -> None:
    assert optional_depth(query) <= 2, f"{name} nests OPTIONAL three deep: join the inner patterns in one group"


def test_entities_gives_one_row_per_entity_and_kind(sample_store: object) -> None:
    restated = sample_store.query(  # type: ignore[attr-defined]
        "SELECT ?id WHERE { GRAPH ?g1 { ?id a foaf:Person } GRAPH ?g2 { ?id a foaf:Person } FILTER (?g1 != ?g2) } LIMIT 1")
    assert restated, "the sample store should restate a person in two papers"
    rows = sample_store.query(vq.ENTITIES)  # type: ignore[attr-defined]
    pairs = {(r["id"], r["kind"]) for r in rows}
    assert len(rows) == len(pairs)
    assert (restated[0]["id"], "person") in pairs
