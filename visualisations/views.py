"""The named views: plain rows + parameters → a whole HTML page.

`NETWORK_VIEWS` are pyvis networks; `timeline` and `heatmap` are server-side
SVG / HTML pages. The rows come from api/view_queries.py (or anywhere else that
produces the same plain dicts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from visualisations.heatmap import heatmap_html
from visualisations.model import ViewGraph
from visualisations.networks import (DEFAULT_BUDGET, alignment_network, apply_budget, filter_graph,
                                     membership_network, neighbourhood_network, oversight_network)
from visualisations.render import FilterForm, render_network
from visualisations.timeline import timeline_svg

NETWORK_VIEWS = ("membership", "oversight", "alignment", "neighbourhood")
PAGE_VIEWS = ("timeline", "heatmap")
VIEW_NAMES = NETWORK_VIEWS + PAGE_VIEWS
TEMPLATES = Path(__file__).resolve().parent / "templates"

Row = dict[str, Any]


class UnknownView(ValueError):
    """A view name that is not one of VIEW_NAMES, or a view missing a required parameter."""


@dataclass(slots=True)
class ViewParams:
    """What a reader can choose: types to show, a body, a date, the node budget, a centre entity."""

    kinds: tuple[str, ...] = ()
    body: str = ""
    date: str = ""
    budget: int = DEFAULT_BUDGET
    entity: str = ""
    item_kind: str = "action"  #: heatmap rows: action or plan
    plan: str = ""


@dataclass(slots=True)
class ViewRows:
    """The plain rows a view is built from (each view reads only the lists it needs)."""

    edges: list[Row] = field(default_factory=list)  #: edge rows (s, p, o, labels, kinds, evidence)
    plans: list[Row] = field(default_factory=list)  #: every plan (id, label), for the oversight map
    memberships: list[Row] = field(default_factory=list)
    changes: list[Row] = field(default_factory=list)
    items: list[Row] = field(default_factory=list)  #: heatmap rows (id, label)
    principles: list[Row] = field(default_factory=list)  #: heatmap columns (id, label, framework)
    cells: list[Row] = field(default_factory=list)  #: heatmap alignments (item, principle, evidence)
    centre_label: str = ""
    centre_kind: str = "entity"
    bodies: list[tuple[str, str]] = field(default_factory=list)  #: (iri, label) for the body filter


def build_graph(name: str, rows: ViewRows, params: ViewParams) -> ViewGraph:
    """The ViewGraph of a network view, filtered and cut to the node budget."""
    if name == "membership":
        graph = membership_network(rows.memberships, params.date or None, params.body or None)
    elif name == "oversight":
        graph = oversight_network(rows.edges, rows.plans)
    elif name == "alignment":
        graph = alignment_network(rows.edges)
    elif name == "neighbourhood":
        if not params.entity:
            raise UnknownView("the neighbourhood view needs an entity")
        graph = neighbourhood_network(rows.edges, params.entity, rows.centre_label, rows.centre_kind)
    else:
        raise UnknownView(f"no network view named {name!r} (choose from {', '.join(NETWORK_VIEWS)})")
    if params.kinds:
        filter_graph(graph, kinds=set(params.kinds) | ({graph.nodes[params.entity].kind}
                                                       if params.entity in graph.nodes else set()))
    if params.body and name != "membership":
        filter_graph(graph, near=params.body)
    return apply_budget(graph, params.budget)


@lru_cache(maxsize=1)
def _page_env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))


def render_view(name: str, rows: ViewRows, params: ViewParams, action: str | None = None,
                links: dict[str, str] | None = None, evidence_href: str = "") -> str:
    """The HTML page of any named view.

    `action` is the URL the filter form submits to (None: no form, as in a standalone
    export); `evidence_href` prefixes document links (``{prefix}{doc_id}#L{line}``; empty: no links).
    """
    if name in NETWORK_VIEWS:
        graph = build_graph(name, rows, params)
        form = None
        if action is not None:
            form = FilterForm(action=action, kinds=tuple(sorted(_kinds(name))), chosen_kinds=params.kinds,
                              bodies=tuple(rows.bodies), body=params.body, date=params.date, budget=params.budget,
                              show_date=name == "membership")
        return render_network(graph, form, links=links, evidence_href=evidence_href)
    env = _page_env()
    if name == "timeline":
        title = "Membership timeline" + (f": {rows.centre_label}" if rows.centre_label else "")
        body = timeline_svg(rows.memberships, rows.changes, title)
    elif name == "heatmap":
        title = f"Alignment matrix: {params.item_kind}s × principles"
        body = heatmap_html(rows.items, rows.principles, rows.cells, params.item_kind)
    else:
        raise UnknownView(f"no view named {name!r} (choose from {', '.join(VIEW_NAMES)})")
    return env.get_template("fragment_page.html").render(title=title, content=body, links=links or {},
                                                        evidence_href=evidence_href)


def _kinds(name: str) -> set[str]:
    return {"membership": {"body", "person"}, "oversight": {"body", "plan", "action"},
            "alignment": {"action", "plan", "principle"},
            "neighbourhood": {"body", "person", "plan", "action", "principle", "meeting"}}[name]
