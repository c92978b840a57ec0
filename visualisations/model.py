"""Plain view data: what a visualisation shows, independent of how it is drawn.

Builders turn query rows (lists of dicts) into a `ViewGraph`; renderers turn a
`ViewGraph` into HTML. Nothing here knows about RDF or the store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: document, 1-based line and the quoted text."""

    document: str
    line: int | None = None
    quote: str = ""
    doc_id: str = ""  #: the stored document's id, for a link to its text (empty when unknown)

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "line": self.line, "quote": self.quote, "doc_id": self.doc_id}


@dataclass(slots=True)
class ViewNode:
    """One node: `kind` is its entity type (body, person, plan, action, principle, ...)."""

    id: str
    label: str
    kind: str
    group: str = ""  #: a finer class for colouring (e.g. a principle's framework)
    size: float = 0.0  #: 0 means the style's default
    highlight: bool = False  #: drawn to stand out (shared people, unoverseen plans)
    note: str = ""  #: short text shown on hover
    evidence: list[Evidence] = field(default_factory=list)
    hidden: bool = False  #: drawn only when a date slider reaches a date it holds on


@dataclass(slots=True)
class ViewEdge:
    """One directed edge with the relation it draws and its evidence."""

    source: str
    target: str
    relation: str
    label: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    hidden: bool = False


@dataclass(slots=True)
class ViewGraph:
    """A network view: nodes, edges, a title and messages for the reader."""

    title: str
    nodes: dict[str, ViewNode] = field(default_factory=dict)
    edges: list[ViewEdge] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    total_nodes: int = 0  #: nodes before any budget cut
    highlight_label: str = "Highlighted"  #: what a highlighted node means, for the legend
    _edge_keys: dict[tuple[str, str, str], ViewEdge] = field(default_factory=dict, repr=False)

    def add_node(self, node: ViewNode) -> ViewNode:
        """Add a node, or merge its evidence into the node already there; return the stored node."""
        existing = self.nodes.get(node.id)
        if existing is None:
            self.nodes[node.id] = node
            return node
        for ev in node.evidence:
            if ev not in existing.evidence:
                existing.evidence.append(ev)
        existing.highlight = existing.highlight or node.highlight
        return existing

    def add_edge(self, edge: ViewEdge) -> ViewEdge:
        """Add an edge, merging evidence into an equal (source, target, relation) edge."""
        key = (edge.source, edge.target, edge.relation)
        existing = self._edge_keys.get(key)
        if existing is None:
            self._edge_keys[key] = edge
            self.edges.append(edge)
            return edge
        for ev in edge.evidence:
            if ev not in existing.evidence:
                existing.evidence.append(ev)
        return existing

    def remove_nodes(self, ids: set[str]) -> None:
        """Drop nodes and every edge touching them."""
        for node_id in ids:
            self.nodes.pop(node_id, None)
        self.edges = [e for e in self.edges if e.source not in ids and e.target not in ids]
        self._edge_keys = {(e.source, e.target, e.relation): e for e in self.edges}

    def kinds(self) -> set[str]:
        return {n.kind for n in self.nodes.values()}
