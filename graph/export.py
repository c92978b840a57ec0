"""Facts-format export, read back from the stored graph (not from extraction results)."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from graph.review import REVIEW_GRAPH
from graph.store import GraphStore
from graph.vocab import FIELDS, LIST_FIELDS, RELATION_NAMES

Key = tuple[str, str]  #: (document graph, node)


def export_facts(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every stored fact in the facts format, ordered by document, line and type.

    List fields come back sorted and without repeats; unknown fields kept at write
    time (notes, sections, ...) come back as they were. Facts read from a PDF also carry
    `page` and `source_line` (the line on that page as `pdftotext -layout` counts lines);
    from HTML, `source_line` is the line of the file. A fact stored with the extractor's
    confidence carries it as `confidence`.
    """
    doc_names = {d.graph: d.name for d in store.documents()}
    fields = {fact_type: _fields_of(store, fact_type) for fact_type in FIELDS}
    lists = _list_values(store)
    reviewed = _reviewed(store)
    facts = []
    for row in store.run("export_evidence"):
        fact_type, key = row["type"], (row["g"], row["node"])
        fact: dict[str, Any] = {"type": fact_type, "doc": doc_names.get(row["g"]), "line": row["line"],
                                "quote": row["quote"] or ""}
        values = fields[fact_type].get(key, {})
        for name in FIELDS[fact_type]:
            fact[name] = lists[key].get(name, []) if name in LIST_FIELDS else values.get(name)
        if fact_type == "meeting":
            fact["role"] = row["role"]
        if row["extra"]:
            fact.update(json.loads(row["extra"]))
        if row["page"] is not None:
            fact["page"] = row["page"]
        if row["sourceLine"] is not None:
            fact["source_line"] = row["sourceLine"]
        if row["confidence"] is not None:
            fact["confidence"] = row["confidence"]
        if row["node"] in reviewed:
            fact["decisions"] = reviewed[row["node"]]
        facts.append(fact)
    facts.sort(key=lambda f: (f["doc"] or "", f["line"], f["type"], json.dumps(f, sort_keys=True, default=str)))
    yield from facts


def export_graph(store: GraphStore, format: str = "nquads") -> str:
    """The whole graph as text: nquads, trig, turtle (graphs merged) or jsonld."""
    return store.serialize(format).decode("utf-8")


def _fields_of(store: GraphStore, fact_type: str) -> dict[Key, dict[str, Any]]:
    """Scalar fields of each node of one type; of several values, the least is kept."""
    out: dict[Key, dict[str, Any]] = defaultdict(dict)
    for row in store.run(f"export_{fact_type}"):
        values = out[(row["g"], row["node"])]
        for name in FIELDS[fact_type]:
            value = _plain(name, row.get(name))
            if value is not None and (values.get(name) is None or value < values[name]):
                values[name] = value
    return out


def _plain(name: str, value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if name == "relation" and value is not None:
        return RELATION_NAMES.get(value, value)
    return value


def _reviewed(store: GraphStore) -> dict[str, list[str]]:
    """node IRI → ids of the decisions in force that confirmed or corrected it."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in store.query(f"""SELECT ?node ?d WHERE {{ GRAPH <{REVIEW_GRAPH}> {{
            ?node gg:confirmedBy|gg:correctedBy ?d . ?d gg:decisionStatus "applied" }} }}"""):
        found[row["node"]].add(row["d"].rsplit("/", 1)[-1])
    return {node: sorted(ids) for node, ids in found.items()}


def _list_values(store: GraphStore) -> dict[Key, dict[str, list[str]]]:
    found: dict[Key, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.run("export_values"):
        found[(row["g"], row["node"])][row["field"]].add(row["value"])
    out: dict[Key, dict[str, list[str]]] = defaultdict(dict)
    for key, by_field in found.items():
        out[key] = {name: sorted(values) for name, values in by_field.items()}
    return out
