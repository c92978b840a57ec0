"""Large membership views: a precomputed layout and a compact payload for the WebGL (sigma.js) page.

pyvis lays a graph out in the browser with physics, which stops being usable at a few
hundred nodes (a 5,000-node view took 14.6 s and was still a hairball). Above
`BIG_VIEW_THRESHOLD` nodes the membership view is drawn instead by sigma.js
(WebGL, bundled in visualisations/static/) from positions computed here:

* bodies are laid out by networkx's spring layout on the *aggregated* graph (one
  node per body, an edge per pair of bodies that share people, weighted by how many);
* each body's people sit in a sunflower disk round it (radius grows with the
  square root of its size), people on several bodies at the centre of their bodies.

The page starts folded: bodies as clusters sized by members, people counted, and
interlocks (bodies sharing people) as edges; a click on a body unfolds its people.
"""
from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from visualisations.model import ViewGraph
from visualisations.render import DateSlider, FilterForm, _environment
from visualisations.styles import HIGHLIGHT_COLOUR, style_for

#: above this many nodes the membership view is drawn by sigma.js (WebGL) with a precomputed
#: layout; at or below it pyvis (vis-network physics) draws it, as before
BIG_VIEW_THRESHOLD = 300
#: most interlock edges drawn in the folded view (the strongest first)
MAX_INTERLOCK_EDGES = 3000
#: spring-layout iterations on the aggregated (one node per body) graph
LAYOUT_ITERATIONS = 60
_DENSE_LIMIT = 3000
_GOLDEN = math.pi * (3 - math.sqrt(5))
#: graph units between neighbouring people in a body's disk
_SPACING = 1.0


@dataclass(slots=True)
class Layout:
    """Positions by node id, and how long they took to compute."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    seconds: float = 0.0


def membership_layout(seats: Iterable[tuple[str, str]]) -> Layout:
    """Positions for every body and person of (person, body) seats: bodies by a spring layout of the
    aggregated graph, people in disks round their body (or between their bodies)."""
    started = time.perf_counter()
    members: dict[str, set[str]] = defaultdict(set)
    bodies_of: dict[str, set[str]] = defaultdict(set)
    for person, body in seats:
        members[body].add(person)
        bodies_of[person].add(body)
    bodies = sorted(members)
    positions: dict[str, tuple[float, float]] = {}
    if not bodies:
        return Layout(positions, time.perf_counter() - started)
    aggregated = nx.Graph()
    aggregated.add_nodes_from(bodies)
    for (a, b), shared in interlocks(bodies_of).items():
        aggregated.add_edge(a, b, weight=math.log1p(shared))
    raw = _body_layout(aggregated)
    radius = {b: _SPACING * math.sqrt(len(members[b]) + 1) for b in bodies}
    # spread bodies so that disks of a typical size do not overlap: the layout's unit square holds them all
    scale = 2.5 * max(radius.values()) * math.sqrt(len(bodies))
    for b in bodies:
        x, y = raw[b]
        positions[b] = (float(x) * scale, float(y) * scale)
    single: dict[str, list[str]] = defaultdict(list)
    shared_at: dict[tuple[float, float], int] = defaultdict(int)
    for person in sorted(bodies_of):
        on = sorted(bodies_of[person])
        if len(on) == 1:
            single[on[0]].append(person)
            continue
        cx = sum(positions[b][0] for b in on) / len(on)
        cy = sum(positions[b][1] for b in on) / len(on)
        key = (round(cx, 3), round(cy, 3))
        i = shared_at[key]
        shared_at[key] += 1
        r = _SPACING * 0.8 * math.sqrt(i)
        positions[person] = (cx + r * math.cos(i * _GOLDEN), cy + r * math.sin(i * _GOLDEN))
    for body, people in single.items():
        bx, by = positions[body]
        for i, person in enumerate(people):
            r = _SPACING * math.sqrt(i + 1.5)
            positions[person] = (bx + r * math.cos(i * _GOLDEN), by + r * math.sin(i * _GOLDEN))
    return Layout(positions, time.perf_counter() - started)


def _body_layout(aggregated: nx.Graph) -> dict[str, Any]:
    """Spring (Fruchterman-Reingold) positions of the aggregated graph, in about [-1, 1]².

    networkx switches to its sparse, pure-Python solver at 500 nodes (5 s for 500 bodies);
    up to `_DENSE_LIMIT` bodies the dense numpy solver is used here instead (0.2 s).
    """
    n = aggregated.number_of_nodes()
    if n == 1:
        return {next(iter(aggregated)): (0.0, 0.0)}
    if n > _DENSE_LIMIT:
        return nx.spring_layout(aggregated, weight="weight", seed=7, iterations=LAYOUT_ITERATIONS)
    import numpy as np

    nodes = list(aggregated)
    adjacency = nx.to_numpy_array(aggregated, nodelist=nodes, weight="weight")
    rng = np.random.default_rng(7)
    pos = rng.random((n, 2))
    k = math.sqrt(1.0 / n)
    t = 0.1
    for _ in range(LAYOUT_ITERATIONS):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        force = k * k / distance ** 2 - adjacency * distance / k
        move = np.einsum("ijk,ij->ik", delta, force)
        length = np.maximum(np.linalg.norm(move, axis=-1), 0.01)
        pos += move * (t / length)[:, None]
        t -= 0.1 / (LAYOUT_ITERATIONS + 1)
    pos -= pos.mean(axis=0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}


def interlocks(bodies_of: dict[str, set[str]]) -> dict[tuple[str, str], int]:
    """(body, body) → number of people on both, for every pair of bodies that share someone."""
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for on in bodies_of.values():
        if len(on) < 2:
            continue
        ordered = sorted(on)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared[(a, b)] += 1
    return dict(shared)


def big_payload(graph: ViewGraph, layout: Layout | None = None, held: Sequence[tuple[str, str]] | None = None
                ) -> dict[str, Any]:
    """The compact data the sigma page draws from a membership `ViewGraph`.

    ``bodies``: [id, label, x, y]; ``people``: [id, label, x, y]; ``seats``: [person index, body index, role];
    ``held``: indexes into seats of the seats held on the chosen date (None: show every seat).
    """
    seats_by_key = [(e.source, e.target, e.label) for e in graph.edges if e.relation == "member"
                    and e.source in graph.nodes and e.target in graph.nodes]
    if layout is None or any(p not in layout.positions for p, _, _ in seats_by_key):
        layout = membership_layout((p, b) for p, b, _ in seats_by_key)
    body_ids = sorted({b for _, b, _ in seats_by_key} | {n.id for n in graph.nodes.values() if n.kind == "body"})
    person_ids = sorted({p for p, _, _ in seats_by_key})
    b_index = {b: i for i, b in enumerate(body_ids)}
    p_index = {p: i for i, p in enumerate(person_ids)}

    def where(node_id: str) -> tuple[float, float]:
        x, y = layout.positions.get(node_id, (0.0, 0.0))
        return round(x, 2), round(y, 2)

    seats = [[p_index[p], b_index[b], role] for p, b, role in seats_by_key]
    held_rows = None
    if held is not None:
        wanted = set(held)
        held_rows = [i for i, (p, b, _) in enumerate(seats_by_key) if (p, b) in wanted]
    return {
        "bodies": [[b, graph.nodes[b].label if b in graph.nodes else b, *where(b)] for b in body_ids],
        "people": [[p, graph.nodes[p].label, *where(p)] for p in person_ids],
        "seats": seats,
        "held": held_rows,
        "max_interlocks": MAX_INTERLOCK_EDGES,
        "layout_ms": round(layout.seconds * 1000),
    }


STATIC = Path(__file__).resolve().parent / "static"
#: the bundled WebGL renderer (versions and licences: static/THIRD_PARTY.md)
STATIC_FILES = ("graphology.umd.min.js", "sigma.min.js")
COLOURS = {"body": style_for("body").colour, "person": style_for("person").colour, "highlight": HIGHLIGHT_COLOUR,
           "seat": "#9ecae1", "interlock": "#8fa8c8"}


@lru_cache(maxsize=len(STATIC_FILES))
def static_text(name: str) -> str:
    """A bundled script's text (for pages that inline it, such as standalone exports)."""
    if name not in STATIC_FILES:
        raise FileNotFoundError(name)
    return (STATIC / name).read_text(encoding="utf-8")


def render_big_network(graph: ViewGraph, filters: FilterForm | None = None, *, layout: Layout | None = None,
                       held: Sequence[tuple[str, str]] | None = None, slider: DateSlider | None = None,
                       links: dict[str, str] | None = None, evidence_href: str = "", static_href: str = "",
                       height: str = "760px") -> str:
    """The sigma.js page of a large membership graph (the union of seats; `held` marks those held on
    the slider's date). `static_href` is where the app serves the bundled scripts ("": inline them)."""
    payload = big_payload(graph, layout, held)
    bodies, people = len(payload["bodies"]), len(payload["people"])
    template = _environment().get_template("bignetwork.html")
    return template.render(
        title=graph.title, messages=graph.messages, filters=filters, slider=slider, links=links or {},
        evidence_href=evidence_href, static_href=static_href, payload=payload, colours=COLOURS, height=height,
        node_total=bodies + people, bodies=bodies, people=people, seats=len(payload["seats"]),
        graphology_js="" if static_href else static_text("graphology.umd.min.js"),
        sigma_js="" if static_href else static_text("sigma.min.js"))
