"""Export formats shared by the command line and the HTTP API.

- facts: the facts JSONL format; nquads, trig, turtle, jsonld: RDF (graph.export);
- graphml, gexf: a network of people, organisations, plans, principles and actions with membership,
  position, governance and alignment edges (networkx);
- csv: a zip of one CSV per table (people, organisations, memberships, positions, attendance,
  relations, plans, actions, principles, alignments, documents);
- popolo: Popolo JSON (persons, organizations, memberships, posts).
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import asdict
from datetime import date
from typing import Any, BinaryIO

import networkx as nx

from api import queries
from graph.export import export_facts, export_graph
from graph.ids import ID_BASE
from graph.store import GraphStore
from graph.vocab import RELATION_NAMES

RDF_FORMATS = ("nquads", "trig", "turtle", "jsonld")
TABLE_FORMATS = ("graphml", "gexf", "csv", "popolo")
EXPORT_FORMATS = ("facts", *RDF_FORMATS, *TABLE_FORMATS)
MEDIA_TYPES = {
    "facts": "application/x-ndjson",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "application/zip",
    "popolo": "application/json",
}
FILE_NAMES = {"facts": "govgraph-facts.jsonl", "nquads": "govgraph.nq", "trig": "govgraph.trig",
              "turtle": "govgraph.ttl", "jsonld": "govgraph.jsonld", "graphml": "govgraph.graphml",
              "gexf": "govgraph.gexf", "csv": "govgraph-tables.zip", "popolo": "govgraph-popolo.json"}


def export_to(store: GraphStore, fmt: str, fh: BinaryIO) -> None:
    """Write the whole store to a binary stream in one of EXPORT_FORMATS."""
    if fmt == "facts":
        for fact in export_facts(store):
            fh.write(json.dumps(fact, ensure_ascii=False).encode("utf-8") + b"\n")
        return
    if fmt in ("graphml", "gexf"):
        graph = network(store)
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, fh)
        return
    if fmt == "csv":
        fh.write(tables_zip(store))
        return
    if fmt == "popolo":
        fh.write(json.dumps(popolo(store), ensure_ascii=False, indent=1).encode("utf-8"))
        return
    data = export_graph(store, fmt)
    fh.write(data.encode("utf-8") if isinstance(data, str) else data)


def _kind(iri: str) -> str:
    return iri[len(ID_BASE):].split("/", 1)[0] if iri.startswith(ID_BASE) else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def _names(store: GraphStore) -> tuple[dict[str, str], dict[str, list[str]]]:
    names: dict[str, str] = {}
    variants: dict[str, list[str]] = defaultdict(list)
    for r in sorted(queries.run(store, "export_names"), key=lambda r: (r["e"], r["p"], r["name"])):
        if r["p"].endswith("#label"):
            names.setdefault(r["e"], r["name"])
        elif r["name"] not in variants[r["e"]]:
            variants[r["e"]].append(r["name"])
    return names, variants


def tables(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    """The graph as flat tables, one row per entity or fact (evidence columns on facts)."""
    names, variants = _names(store)
    bodies = {r["b"] for r in queries.run(store, "bodies")}
    plans = queries.run(store, "plans")
    plan_names = {r["plan"]: r["name"] for r in plans}
    evidence = ("document", "document_name", "line", "quote")

    def ev(r: dict[str, Any]) -> dict[str, Any]:
        return dict(zip(evidence, (r["docid"], r["file"], r["line"], r.get("quote") or "")))

    return {
        "people": [{"id": r["p"], "name": r["name"], "variants": "|".join(variants.get(r["p"], []))}
                   for r in queries.run(store, "people")],
        "organisations": [{"id": r["b"], "name": r["name"], "kind": r.get("kind") or "",
                           "is_body": r["b"] in bodies, "variants": "|".join(variants.get(r["b"], []))}
                          for r in queries.run(store, "organisations")],
        "memberships": [{"id": r["m"], "person_id": r.get("person") or "", "person": names.get(r.get("person"), ""),
                         "body_id": r["body"], "body": names.get(r["body"], ""), "role": r.get("role") or "",
                         "post": r.get("post") or "", "affiliation": names.get(r.get("affiliation"), ""),
                         "as_of": _text(r.get("asOf")), **ev(r)}
                        for r in queries.run(store, "export_memberships")],
        "positions": [{"id": r["pos"], "person_id": r["person"], "person": names.get(r["person"], ""),
                       "post": r.get("post") or "", "organisation_id": r.get("org") or "",
                       "organisation": names.get(r.get("org"), ""), "as_of": _text(r.get("asOf")), **ev(r)}
                      for r in queries.run(store, "export_positions")],
        "attendance": [{"id": r["a"], "person_id": r["person"], "person": names.get(r["person"], ""),
                        "meeting_id": r.get("meeting") or "", "date": _text(r.get("date")),
                        "status": r.get("status") or "", "mode": r.get("mode") or "", **ev(r)}
                       for r in queries.run(store, "table_attendance")],
        "relations": [{"subject_id": r["s"], "relation": RELATION_NAMES.get(r["rel"], r["rel"]), "object_id": r["o"]}
                      for r in queries.run(store, "export_relations")],
        "plans": [{"id": r["plan"], "name": r["name"], "kind": r.get("kind") or "", "period": r.get("period") or ""}
                  for r in plans],
        "actions": [{"id": r["action"], "notation": r["id"], "text": r.get("text") or "",
                     "plan_id": r.get("plan") or "", "plan": plan_names.get(r.get("plan"), "")}
                    for r in queries.run(store, "export_actions")],
        "principles": [{"id": r["pr"], "notation": r["id"], "kind": r.get("kind") or "", "text": r.get("text") or "",
                        "framework": r.get("framework") or ""} for r in queries.run(store, "principles")],
        "alignments": [{"item_id": r["item"], "item": r.get("itemId") or r.get("planName") or "",
                        "principle_id": r["principle"], "plan_id": r["plan"]}
                       for r in queries.run(store, "alignments")],
        "documents": [{k: _text(v) for k, v in asdict(d).items()} for d in store.documents()],
    }


def tables_zip(store: GraphStore) -> bytes:
    """A zip holding one CSV per table (UTF-8, header row first)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, rows in tables(store).items():
            text = io.StringIO()
            columns = list(rows[0]) if rows else []
            writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            zf.writestr(f"{name}.csv", text.getvalue())
    return buf.getvalue()


def network(store: GraphStore) -> nx.MultiDiGraph:
    """Entities as nodes (label, type) and membership / position / governance / alignment edges."""
    t = tables(store)
    graph = nx.MultiDiGraph()

    def node(iri: str, label: str) -> None:
        if iri not in graph:
            graph.add_node(iri, label=label or iri.rsplit("/", 1)[-1], type=_kind(iri))

    for r in t["people"]:
        node(r["id"], r["name"])
    for r in t["organisations"]:
        node(r["id"], r["name"])
        graph.nodes[r["id"]]["kind"] = r["kind"]
    for r in t["plans"]:
        node(r["id"], r["name"])
    for r in t["principles"]:
        node(r["id"], r["notation"])
    for r in t["actions"]:
        node(r["id"], r["notation"])
        if r["plan_id"]:
            node(r["plan_id"], r["plan"])
            graph.add_edge(r["id"], r["plan_id"], relation="action_of")
    for r in t["memberships"]:
        if r["person_id"]:
            node(r["person_id"], r["person"])
            node(r["body_id"], r["body"])
            graph.add_edge(r["person_id"], r["body_id"], relation="member_of", role=r["role"], as_of=r["as_of"],
                           document=r["document"], line=r["line"])
    for r in t["positions"]:
        if r["organisation_id"]:
            node(r["organisation_id"], r["organisation"])
            graph.add_edge(r["person_id"], r["organisation_id"], relation="holds_post", post=r["post"],
                           as_of=r["as_of"], document=r["document"], line=r["line"])
    for r in t["relations"]:
        node(r["subject_id"], "")
        node(r["object_id"], "")
        graph.add_edge(r["subject_id"], r["object_id"], relation=r["relation"])
    return graph


def popolo(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    """Popolo JSON: persons, organizations, memberships (with sources) and posts."""
    t = tables(store)
    posts: dict[tuple[str, str], dict[str, Any]] = {}

    def post_id(label: str, org: str) -> str | None:
        if not label or not org:
            return None
        key = (label, org)
        if key not in posts:
            posts[key] = {"id": f"{org}#post-{len(posts) + 1}", "label": label, "organization_id": org}
        return posts[key]["id"]

    def source(r: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"url": f"/documents/{r['document']}", "note": f"{r['document_name']} line {r['line']}: {r['quote']}"}]

    memberships = []
    for r in t["memberships"]:
        if not r["person_id"]:
            continue
        m = {"id": r["id"], "person_id": r["person_id"], "organization_id": r["body_id"], "role": r["role"],
             "sources": source(r)}
        if r["as_of"]:
            m["listed_on"] = r["as_of"]  # a paper of that date lists it; start and end are not known
        if pid := post_id(r["post"], r["body_id"]):
            m["post_id"] = pid
        memberships.append(m)
    for r in t["positions"]:
        m = {"id": r["id"], "person_id": r["person_id"], "organization_id": r["organisation_id"] or None,
             "role": r["post"], "sources": source(r)}
        if pid := post_id(r["post"], r["organisation_id"]):
            m["post_id"] = pid
        if r["as_of"]:
            m["listed_on"] = r["as_of"]
        memberships.append(m)
    return {
        "persons": [{"id": r["id"], "name": r["name"],
                     "other_names": [{"name": v} for v in r["variants"].split("|") if v and v != r["name"]]}
                    for r in t["people"]],
        "organizations": [{"id": r["id"], "name": r["name"], "classification": r["kind"] or None,
                           "other_names": [{"name": v} for v in r["variants"].split("|") if v and v != r["name"]]}
                          for r in t["organisations"]],
        "memberships": memberships,
        "posts": list(posts.values()),
    }
