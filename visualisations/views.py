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

from visualisations.bigview import BIG_VIEW_THRESHOLD, Layout, render_big_network
from visualisations.compare import compare_html
from visualisations.heatmap import heatmap_html
from visualisations.model import ViewGraph
from visualisations.networks import (DEFAULT_BUDGET, alignment_network, apply_budget, filter_graph,
                                     membership_network, neighbourhood_network, oversight_network, show_held)
from visualisations.render import DateSlider, FilterForm, render_network
from visualisations.timeline import timeline_svg

NETWORK_VIEWS = ("membership", "oversight", "alignment", "neighbourhood")
PAGE_VIEWS = ("timeline", "heatmap", "compare")
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
    start: str = ""  #: compare: the earlier date
    end: str = ""  #: compare: the later date


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
    held: list[tuple[str, str]] | None = None  #: (person, body) seats held on params.date (None: no date)
    layout: Layout | None = None  #: precomputed positions for the big membership view (None: compute)
    before: list[Row] = field(default_factory=list)  #: compare: member answers on params.start
    after: list[Row] = field(default_factory=list)  #: compare: member answers on params.end
    between: list[Row] = field(default_factory=list)  #: compare: changes between the two dates
    listing_dates: list[str] = field(default_factory=list)  #: compare: the body's listing dates


def build_graph(name: str, rows: ViewRows, params: ViewParams, budget: bool = True) -> ViewGraph:
    """The ViewGraph of a network view, filtered and (unless `budget` is False) cut to the node budget."""
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
    return apply_budget(graph, params.budget) if budget else graph


@lru_cache(maxsize=1)
def _page_env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))


def render_view(name: str, rows: ViewRows, params: ViewParams, action: str | None = None,
                links: dict[str, str] | None = None, evidence_href: str = "", static_href: str = "") -> str:
    """The HTML page of any named view.

    `action` is the URL the filter form submits to (None: no form, as in a standalone
    export); `evidence_href` prefixes document links (``{prefix}{doc_id}#L{line}``; empty: no links);
    `static_href` is where the app serves visualisations/static/ (empty: big views inline the scripts).
    """
    if name == "membership":
        return _membership_page(rows, params, action, links, evidence_href, static_href)
    if name in NETWORK_VIEWS:
        graph = build_graph(name, rows, params)
        return render_network(graph, _form(name, rows, params, action), links=links, evidence_href=evidence_href)
    env = _page_env()
    if name == "compare":
        title = "Members compared" + (f": {rows.centre_label}" if rows.centre_label else "")
        body = compare_html(rows.before, rows.after, rows.between, params.start, params.end, rows.listing_dates,
                            body=params.body, bodies=rows.bodies, action=action, evidence_href=evidence_href)
        return env.get_template("fragment_page.html").render(title=title, content=body, links=links or {},
                                                            evidence_href=evidence_href)
    if name == "timeline":
        title = "Membership timeline" + (f": {rows.centre_label}" if rows.centre_label else "")
        body = timeline_svg(rows.memberships, rows.changes, title)
        if action is not None:  # served: a date slider over the body's listings, asking the server
            slider = DateSlider(_listing_dates(rows.memberships), params.date, body=params.body)
            body = _slider_page(slider) + body
    elif name == "heatmap":
        title = f"Alignment matrix: {params.item_kind}s × principles"
        body = heatmap_html(rows.items, rows.principles, rows.cells, params.item_kind)
    else:
        raise UnknownView(f"no view named {name!r} (choose from {', '.join(VIEW_NAMES)})")
    return env.get_template("fragment_page.html").render(title=title, content=body, links=links or {},
                                                        evidence_href=evidence_href)


def _form(name: str, rows: ViewRows, params: ViewParams, action: str | None) -> FilterForm | None:
    if action is None:
        return None
    return FilterForm(action=action, kinds=tuple(sorted(_kinds(name))), chosen_kinds=params.kinds,
                      bodies=tuple(rows.bodies), body=params.body, date=params.date, budget=params.budget,
                      show_date=name == "membership")


def _listing_dates(memberships: list[Row], body: str = "") -> tuple[str, ...]:
    return tuple(sorted({str(r["as_of"]) for r in memberships if r.get("as_of") and (not body or r.get("body") == body)}))


def _membership_page(rows: ViewRows, params: ViewParams, action: str | None, links: dict[str, str] | None,
                     evidence_href: str, static_href: str) -> str:
    """The membership network: pyvis up to BIG_VIEW_THRESHOLD nodes, sigma.js (WebGL, precomputed layout,
    bodies folded into clusters) above it.

    Served (`action` set), the page holds every seat ever listed and shows those held on the date, with
    a slider to move through the listing dates; a standalone export draws only the seats held on the date.
    """
    served = action is not None
    memberships = rows.memberships
    if not served and rows.held is not None:
        wanted = set(rows.held)
        memberships = [r for r in memberships if (str(r.get("person")), str(r.get("body"))) in wanted]
    graph = build_graph("membership", ViewRows(memberships=memberships), params, budget=False)
    slider = DateSlider(_listing_dates(rows.memberships, params.body), params.date, body=params.body) if served else None
    form = _form("membership", rows, params, action)
    if len(graph.nodes) > BIG_VIEW_THRESHOLD:
        return render_big_network(graph, form, layout=rows.layout, held=rows.held if served else None, slider=slider,
                                  links=links, evidence_href=evidence_href, static_href=static_href)
    apply_budget(graph, params.budget)
    if served and rows.held is not None:
        show_held(graph, rows.held, params.date)
    return render_network(graph, form, links=links, evidence_href=evidence_href, slider=slider)


def _slider_page(slider: DateSlider) -> str:
    """The slider and its script for a server-side page (the timeline): rows fade when not held on the date."""
    env = _page_env()
    return env.get_template("timeline_slider.html").render(slider=slider)


def _kinds(name: str) -> set[str]:
    return {"membership": {"body", "person"}, "oversight": {"body", "plan", "action"},
            "alignment": {"action", "plan", "principle"},
            "neighbourhood": {"body", "person", "plan", "action", "principle", "meeting"}}[name]
