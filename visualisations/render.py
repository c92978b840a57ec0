"""`ViewGraph` → one self-contained HTML page (pyvis, every script and style inline).

pyvis 0.3.2's own template pulls Bootstrap from a CDN even with
``cdn_resources="in_line"``; the page here uses our template (templates/network.html),
which inlines pyvis's bundled vis-network 9.1.2 and nothing else, so it works offline.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from visualisations.model import ViewGraph, ViewNode
from visualisations.styles import (HIGHLIGHT_BORDER, HIGHLIGHT_COLOUR, framework_colour, legend, relation_colour,
                                   style_for)

TEMPLATES = Path(__file__).resolve().parent / "templates"
PYVIS_TEMPLATES = Path(pyvis.__file__).resolve().parent / "templates"
#: most evidence items carried per node or edge into the page
EVIDENCE_CAP = 25
#: above this many nodes vis-network's slow "improved layout" is switched off
IMPROVED_LAYOUT_LIMIT = 150


@dataclass(frozen=True, slots=True)
class FilterForm:
    """The filter controls a served view shows (a standalone export has none)."""

    action: str
    kinds: tuple[str, ...] = ()
    chosen_kinds: tuple[str, ...] = ()
    bodies: tuple[tuple[str, str], ...] = ()  #: (iri, label)
    body: str = ""
    date: str = ""
    budget: int = 500
    show_date: bool = False


@dataclass(frozen=True, slots=True)
class DateSlider:
    """A date slider over `dates` (with play): each step asks `endpoint` (``?date=D[&body=B]``, JSON
    ``{date, seats: [[person, body, role]], interlocks: [...]}``) which seats are held, and the page redraws."""

    dates: tuple[str, ...]
    date: str = ""  #: the date shown first ("" : every seat ever listed)
    endpoint: str = "/views/membership/held.json"
    body: str = ""

    @property
    def index(self) -> int:
        """The slider position of `date`: the latest listing date on or before it (the last one when none)."""
        before = [i for i, d in enumerate(self.dates) if d <= self.date] if self.date else []
        return before[-1] if before else max(len(self.dates) - 1, 0)


def _node_colour(node: ViewNode) -> str:
    if node.kind == "principle" and node.group:
        return framework_colour(node.group)
    return style_for(node.kind).colour


def vis_node(node: ViewNode) -> dict[str, Any]:
    """The vis-network node dict for a view node (plain-text tooltip, evidence kept for the click panel)."""
    style = style_for(node.kind)
    colour = _node_colour(node)
    tip = [f"{style.label}: {node.label}"]
    if node.group:
        tip.append(node.group)
    if node.note:
        tip.append(node.note)
    out: dict[str, Any] = {
        "id": node.id, "label": node.label, "shape": style.shape, "kind": node.kind, "group_name": node.group,
        "size": node.size or style.size, "title": "\n".join(tip),
        "color": {"background": HIGHLIGHT_COLOUR if node.highlight else colour,
                  "border": HIGHLIGHT_BORDER if node.highlight else colour},
        "borderWidth": 3 if node.highlight else 1, "highlighted": node.highlight,
        "evidence": [e.to_dict() for e in node.evidence[:EVIDENCE_CAP]],
        "evidence_total": len(node.evidence),
        "hidden": node.hidden, "base_color": colour,
    }
    if style.shape in ("box", "ellipse"):
        out["font"] = {"color": "#ffffff"}
    return out


def physics_options(node_count: int) -> dict[str, Any]:
    """vis-network options: Barnes-Hut physics that stabilises, then the page switches physics off."""
    iterations = 300 if node_count <= 200 else 150 if node_count <= 500 else 80
    return {
        "layout": {"improvedLayout": node_count <= IMPROVED_LAYOUT_LIMIT, "randomSeed": 7},
        "physics": {"enabled": True, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -3000, "centralGravity": 0.6, "springLength": 110,
                                  "springConstant": 0.04,
                                  "damping": 0.3, "avoidOverlap": 0.1},
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50,
                                      "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": node_count > 300,
                        "navigationButtons": False, "keyboard": False},
        "edges": {"smooth": node_count <= 300, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 9, "align": "middle"}},
        "nodes": {"font": {"size": 12}},
    }


def build_network(graph: ViewGraph, height: str = "720px") -> Network:
    """A pyvis Network holding the graph's nodes and edges, styled by type."""
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", heading="")
    for node in graph.nodes.values():
        data = vis_node(node)
        net.add_node(data.pop("id"), **data)
    for edge in graph.edges:
        net.add_edge(edge.source, edge.target, label=edge.label, relation=edge.relation,
                     color=relation_colour(edge.relation), title=edge.label or edge.relation,
                     evidence=[e.to_dict() for e in edge.evidence[:EVIDENCE_CAP]], hidden=edge.hidden)
    net.options = physics_options(len(graph.nodes))
    return net


class _BoundTemplate:
    """Our compiled page template with this page's extra variables bound (pyvis passes only its own)."""

    def __init__(self, template: Any, extras: dict[str, Any]) -> None:
        self.template = template
        self.extras = extras

    def render(self, **variables: Any) -> str:
        return self.template.render(**variables, **self.extras)


class _PageEnvironment:
    """What pyvis needs of `templateEnv` (get_template), handing out our template bound to one page's extras."""

    def __init__(self, extras: dict[str, Any]) -> None:
        self.extras = extras

    def get_template(self, name: str) -> _BoundTemplate:
        return _BoundTemplate(_environment().get_template(name), self.extras)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One shared, cached environment (the page template inlines ~0.5 MB of vis-network: compile it once).

    Our template folder first; pyvis's second, for the vis-network files it inlines.
    """
    return Environment(loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(PYVIS_TEMPLATES))]),
                       autoescape=select_autoescape(enabled_extensions=("html",), default=True))


def render_network(graph: ViewGraph, filters: FilterForm | None = None, height: str = "720px",
                   links: dict[str, str] | None = None, evidence_href: str = "", slider: DateSlider | None = None
                   ) -> str:
    """The whole HTML page for a network view, through pyvis `generate_html()` (nothing written to disk).

    `evidence_href` prefixes links from evidence to the document text (``{prefix}{doc_id}#L{line}``).
    """
    net = build_network(graph, height)
    groups = {n.group: framework_colour(n.group) for n in graph.nodes.values() if n.kind == "principle" and n.group}
    extras = {
        "title": graph.title,
        "messages": graph.messages,
        "legend": legend(graph.kinds(), groups, graph.highlight_label if any(n.highlight for n in graph.nodes.values()) else ""),
        "filters": filters,
        "node_total": graph.total_nodes or len(graph.nodes),
        "links": links or {},
        "evidence_href": evidence_href,
        "options_json": json.dumps(net.options),
        "slider": slider,
        "highlight": {"background": HIGHLIGHT_COLOUR, "border": HIGHLIGHT_BORDER},
    }
    # pyvis renders with its own fixed set of variables; ours are bound to the template it is handed.
    net.templateEnv = _PageEnvironment(extras)
    net.path = "network.html"
    return net.generate_html()
