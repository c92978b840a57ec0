"""The pyvis page: offline (nothing fetched), data in a vis DataSet, styles by type, safe labels, no files written."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from visualisations.model import Evidence, ViewGraph, ViewNode, ViewEdge
from visualisations.render import FilterForm, physics_options, render_network, vis_node
from visualisations.styles import HIGHLIGHT_COLOUR, TYPE_STYLES, framework_colour, legend


def sample_graph() -> ViewGraph:
    g = ViewGraph("Sample", highlight_label="On more than one body")
    g.add_node(ViewNode("b", "Board", "body"))
    g.add_node(ViewNode("p", "Ann </script><script>alert(1)</script>", "person", highlight=True,
                        evidence=[Evidence("paper.txt", 3, "Ann (Chair)", "abc123")]))
    g.add_node(ViewNode("k", "P1", "principle", group="Marmot"))
    g.add_edge(ViewEdge("p", "b", "member", "chair", [Evidence("paper.txt", 3, "Ann (Chair)")]))
    return g


def dataset(html: str, which: int = 0) -> list[dict]:
    found = re.findall(r"new vis\.DataSet\((\[.*?\])\);", html, flags=re.S)
    return json.loads(found[which])


def test_page_loads_nothing_from_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    html = render_network(sample_graph())
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"(https?:)?//", html)
    assert "vis.Network" in html and "bootstrap" not in html
    assert os.listdir(tmp_path) == []  # generate_html only; nothing written to the cwd


def test_nodes_and_edges_reach_the_dataset_with_their_evidence() -> None:
    html = render_network(sample_graph())
    nodes, edges = dataset(html, 0), dataset(html, 1)
    assert {n["id"] for n in nodes} == {"b", "p", "k"}
    person = next(n for n in nodes if n["id"] == "p")
    assert person["evidence"] == [{"document": "paper.txt", "line": 3, "quote": "Ann (Chair)", "doc_id": "abc123"}]
    assert person["color"]["background"] == HIGHLIGHT_COLOUR
    assert edges[0]["from"] == "p" and edges[0]["to"] == "b" and edges[0]["relation"] == "member"


def test_labels_cannot_break_out_of_the_script() -> None:
    html = render_network(sample_graph())
    assert "</script><script>alert(1)" not in html
    assert "\\u003c/script\\u003e" in html


def test_shape_and_colour_by_type_and_framework() -> None:
    board = vis_node(ViewNode("b", "Board", "body"))
    assert board["shape"] == TYPE_STYLES["body"].shape and board["color"]["background"] == TYPE_STYLES["body"].colour
    principle = vis_node(ViewNode("k", "P1", "principle", group="Marmot"))
    assert principle["shape"] == "star" and principle["color"]["background"] == framework_colour("Marmot")
    assert framework_colour("Marmot") == framework_colour("Marmot")
    assert vis_node(ViewNode("x", "X", "mystery"))["color"]["background"] == TYPE_STYLES["entity"].colour


def test_legend_lists_types_present_frameworks_and_highlight() -> None:
    html = render_network(sample_graph())
    legend_html = html[html.index('id="legend"'):html.index('class="viewwrap"')]
    for text in ("Board / body", "Person", "Principle", "Marmot", "On more than one body"):
        assert text in legend_html
    assert "Plan" not in legend_html
    assert [i.label for i in legend({"plan"})] == ["Plan"]


def test_budget_message_and_filter_form_are_rendered() -> None:
    g = sample_graph()
    g.messages.append("Showing 3 of 900 nodes (node budget 3)")
    g.total_nodes = 900
    form = FilterForm(action="/views/membership.html", kinds=("body", "person"), chosen_kinds=("person",),
                      bodies=(("urn:b", "Board"),), body="urn:b", date="2022-01-01", budget=3, show_date=True)
    html = render_network(g, form)
    assert "Showing 3 of 900 nodes" in html and "(of 900 nodes)" in html
    assert 'action="/views/membership.html"' in html
    assert '<option value="person" selected>' in html and 'value="2022-01-01"' in html
    assert 'name="budget"' in html


def test_physics_switches_off_after_stabilising_and_large_graphs_skip_the_slow_layout() -> None:
    html = render_network(sample_graph())
    assert 'network.setOptions({physics: {enabled: false}})' in html
    assert physics_options(50)["layout"]["improvedLayout"] is True
    big = physics_options(1000)
    assert big["layout"]["improvedLayout"] is False and big["physics"]["stabilization"]["iterations"] <= 200


def test_pages_do_not_share_their_variables() -> None:
    first = ViewGraph("First view")
    first.add_node(ViewNode("a", "A", "body"))
    first.messages.append("only on the first page")
    second = ViewGraph("Second view")
    second.add_node(ViewNode("b", "B", "plan"))
    html_one, html_two = render_network(first), render_network(second)
    assert "<title>First view" in html_one and "only on the first page" in html_one
    assert "<title>Second view" in html_two and "only on the first page" not in html_two
