"""Builders: plain query rows → `ViewGraph`.

Two row shapes come in (see api/view_queries.py, which produces them):

* edge rows: ``s, s_label, s_kind, p, o, o_label, o_kind`` plus optional
  ``o_group`` (e.g. a principle's framework) and evidence ``document, line, quote``;
* membership rows: ``body, body_label, person, person_label, role, as_of`` plus evidence.

Every builder is a pure function; none of them touches the store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from visualisations.model import Evidence, ViewEdge, ViewGraph, ViewNode

Row = Mapping[str, Any]

DEFAULT_BUDGET = 500


def local_name(iri: str) -> str:
    """A readable fallback label: the part of an IRI after the last '#', '/' or ':'."""
    tail = iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return tail.replace("_", " ").replace("-", " ") or iri


def evidence_from(row: Row) -> list[Evidence]:
    """The evidence a row carries (none when it names no document)."""
    doc = row.get("document")
    if not doc:
        return []
    line = row.get("line")
    try:
        line_no = int(line) if line not in (None, "") else None
    except (TypeError, ValueError):
        line_no = None
    return [Evidence(str(doc), line_no, str(row.get("quote") or ""), str(row.get("doc_id") or ""))]


def _label(row: Row, key: str) -> str:
    return str(row.get(f"{key}_label") or local_name(str(row[key])))


def edges_graph(title: str, rows: Iterable[Row], nodes: Iterable[Row] = ()) -> ViewGraph:
    """A graph from edge rows, plus standalone node rows (``id, label, kind``) so isolated entities show."""
    graph = ViewGraph(title)
    for row in nodes:
        graph.add_node(ViewNode(str(row["id"]), str(row.get("label") or local_name(str(row["id"]))),
                                str(row.get("kind") or "entity"), group=str(row.get("group") or ""),
                                evidence=evidence_from(row) if row.get("evidence_is_node") else []))
    for row in rows:
        s, o = str(row["s"]), str(row["o"])
        graph.add_node(ViewNode(s, _label(row, "s"), str(row.get("s_kind") or "entity"),
                                group=str(row.get("s_group") or "")))
        graph.add_node(ViewNode(o, _label(row, "o"), str(row.get("o_kind") or "entity"),
                                group=str(row.get("o_group") or "")))
        graph.add_edge(ViewEdge(s, o, str(row["p"]), str(row.get("p_label") or ""), evidence_from(row)))
    graph.total_nodes = len(graph.nodes)
    return graph


def membership_network(rows: Iterable[Row], as_of: str | None = None, body: str | None = None) -> ViewGraph:
    """Bodies and their people; people on several bodies are larger and highlighted.

    `rows` are the seats to draw, already chosen for the date `as_of` (which only titles
    the view): the API picks them with the one as-of rule of graph.tenures.
    """
    held = [r for r in rows if r.get("body") and r.get("person")]
    if body:
        held = [r for r in held if str(r["body"]) == body]
    title = "Bodies and their members" + (f" as of {as_of}" if as_of else "")
    graph = ViewGraph(title, highlight_label="On more than one body")
    bodies_of: dict[str, set[str]] = defaultdict(set)
    for r in held:
        b, p = str(r["body"]), str(r["person"])
        graph.add_node(ViewNode(b, _label(r, "body"), "body"))
        graph.add_node(ViewNode(p, _label(r, "person"), "person"))
        role = str(r.get("role") or "")
        graph.add_edge(ViewEdge(p, b, "member", role, evidence_from(r)))
        bodies_of[p].add(b)
    for person, bodies in bodies_of.items():
        node = graph.nodes[person]
        node.size = 12 + 6 * (len(bodies) - 1)
        node.note = f"member of {len(bodies)} bodies"
        if len(bodies) > 1:
            node.highlight = True
    _attach_edge_evidence(graph)
    shared = sum(1 for b in bodies_of.values() if len(b) > 1)
    if shared:
        graph.messages.append(f"{shared} people sit on more than one body (highlighted).")
    graph.total_nodes = len(graph.nodes)
    return graph


def show_held(graph: ViewGraph, held: Iterable[tuple[str, str]], as_of: str) -> ViewGraph:
    """Hide the seats of a membership graph not held on `as_of` (held: (person, body) pairs, chosen by
    graph.tenures' as-of rule) and the nodes left with no seat; people on several held bodies are the
    highlighted ones. Works in place; the hidden part stays for a date slider to show."""
    wanted = set(held)
    bodies_of: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        edge.hidden = (edge.source, edge.target) not in wanted
        if not edge.hidden:
            bodies_of[edge.source].add(edge.target)
    shown = set(bodies_of) | {b for bodies in bodies_of.values() for b in bodies}
    for node in graph.nodes.values():
        node.hidden = node.id not in shown
        if node.kind == "person":
            count = len(bodies_of.get(node.id, ()))
            node.highlight = count > 1
            node.size = 12 + 6 * max(count - 1, 0)
            node.note = f"member of {count} bodies on {as_of}"
    graph.title = f"Bodies and their members as of {as_of}"
    graph.messages = [m for m in graph.messages if "more than one body" not in m]
    shared = sum(1 for b in bodies_of.values() if len(b) > 1)
    if shared:
        graph.messages.append(f"{shared} people sit on more than one body on {as_of} (highlighted).")
    return graph


def oversight_network(rows: Iterable[Row], plans: Iterable[Row] = ()) -> ViewGraph:
    """Bodies, the bodies they report to, the plans they oversee and those plans' actions.

    `plans` lists every plan (``id, label``) so plans with no overseer appear,
    highlighted, with a message counting them.
    """
    graph = edges_graph("Oversight map", rows,
                        ({"id": p["id"], "label": p.get("label"), "kind": "plan"} for p in plans))
    graph.highlight_label = "Plan with no overseer"
    overseen = {e.target for e in graph.edges if e.relation == "oversees"}
    unoverseen = [n for n in graph.nodes.values() if n.kind == "plan" and n.id not in overseen]
    for node in unoverseen:
        node.highlight = True
        node.note = "no body oversees this plan"
    if unoverseen:
        graph.messages.append(f"{len(unoverseen)} plan(s) have no overseeing body (highlighted).")
    _attach_edge_evidence(graph)
    return graph


def alignment_network(rows: Iterable[Row]) -> ViewGraph:
    """Actions and plans against the principles they align with; principles coloured by framework."""
    graph = edges_graph("Alignment network", rows)
    _attach_edge_evidence(graph)
    return graph


def neighbourhood_network(rows: Iterable[Row], centre: str, centre_label: str = "", centre_kind: str = "entity"
                          ) -> ViewGraph:
    """An entity and everything one step from it (edge rows in either direction)."""
    graph = ViewGraph(f"Neighbourhood of {centre_label or local_name(centre)}", highlight_label="Centre")
    graph.add_node(ViewNode(centre, centre_label or local_name(centre), centre_kind, highlight=True, size=24))
    built = edges_graph(graph.title, rows)
    for node in built.nodes.values():
        graph.add_node(node)
    for edge in built.edges:
        graph.add_edge(edge)
    _attach_edge_evidence(graph)
    graph.total_nodes = len(graph.nodes)
    return graph


def _attach_edge_evidence(graph: ViewGraph) -> None:
    """Give each node the evidence of the edges it takes part in, so a click on it shows where it was read."""
    for edge in graph.edges:
        for end in (edge.source, edge.target):
            node = graph.nodes[end]
            for ev in edge.evidence:
                if ev not in node.evidence:
                    node.evidence.append(ev)


def filter_graph(graph: ViewGraph, kinds: Iterable[str] | None = None, near: str | None = None,
                 depth: int = 3) -> ViewGraph:
    """Keep only nodes of the given kinds and/or within `depth` steps of node `near`. Works in place."""
    if kinds:
        wanted = set(kinds)
        graph.remove_nodes({n for n, node in graph.nodes.items() if node.kind not in wanted})
    if near:
        if near not in graph.nodes:
            graph.remove_nodes(set(graph.nodes))
            graph.messages.append("The chosen entity is not in this view.")
            return graph
        adjacency: dict[str, set[str]] = defaultdict(set)
        for e in graph.edges:
            adjacency[e.source].add(e.target)
            adjacency[e.target].add(e.source)
        reached, frontier = {near}, {near}
        for _ in range(depth):
            frontier = {m for n in frontier for m in adjacency[n]} - reached
            reached |= frontier
        graph.remove_nodes(set(graph.nodes) - reached)
    return graph


def apply_budget(graph: ViewGraph, budget: int = DEFAULT_BUDGET) -> ViewGraph:
    """Cut the graph to at most `budget` nodes, keeping highlighted then best-connected nodes.

    Adds a message saying how many were shown when anything was cut. Works in place.
    """
    total = max(graph.total_nodes, len(graph.nodes))
    graph.total_nodes = total
    if budget <= 0 or len(graph.nodes) <= budget:
        return graph
    degree: dict[str, int] = defaultdict(int)
    for e in graph.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    ranked = sorted(graph.nodes.values(), key=lambda n: (not n.highlight, -degree[n.id], n.label, n.id))
    keep = {n.id for n in ranked[:budget]}
    graph.remove_nodes(set(graph.nodes) - keep)
    graph.messages.append(f"Showing {len(graph.nodes)} of {total} nodes (node budget {budget}); "
                          "narrow the view with the type, body or date filters.")
    return graph
