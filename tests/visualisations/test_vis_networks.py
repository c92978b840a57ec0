"""View builders on plain rows: membership as of a date, oversight, alignment, neighbourhood, filters, budget."""
from __future__ import annotations

from visualisations.model import Evidence
from visualisations.networks import (alignment_network, apply_budget, edges_graph,
                                     filter_graph, membership_network, neighbourhood_network, oversight_network)


def m(body: str, person: str, as_of: str, role: str = "member", line: int = 1) -> dict[str, object]:
    return {"body": body, "body_label": body.upper(), "person": person, "person_label": person.title(),
            "role": role, "as_of": as_of, "document": f"{body}-{as_of}.txt", "line": line, "quote": person}


ROWS = [
    m("hwb", "ann", "2021-06-17", "chair"), m("hwb", "bob", "2021-06-17"), m("hwb", "carol", "2021-06-17"),
    m("hwb", "ann", "2022-03-10", "vice-chair"), m("hwb", "bob", "2022-03-10"), m("hwb", "dan", "2022-03-10"),
    m("icp", "ann", "2021-06-17"), m("icp", "eve", "2021-06-17"),
]


HELD = [r for r in ROWS if r["as_of"] == "2022-03-10" or r["body"] == "icp"]  # seats chosen by the API


def test_people_on_several_bodies_stand_out() -> None:
    graph = membership_network(HELD, "2022-06-01")
    assert graph.title.endswith("as of 2022-06-01")
    ann, bob = graph.nodes["ann"], graph.nodes["bob"]
    assert ann.highlight and not bob.highlight
    assert ann.size > bob.size
    assert "carol" not in graph.nodes
    assert {(e.source, e.target) for e in graph.edges} >= {("ann", "hwb"), ("ann", "icp")}
    assert any("more than one body" in msg for msg in graph.messages)
    role = next(e for e in graph.edges if (e.source, e.target) == ("ann", "hwb"))
    assert role.label == "vice-chair"
    assert Evidence("hwb-2022-03-10.txt", 1, "ann") in role.evidence


def test_membership_network_for_one_body() -> None:
    graph = membership_network(ROWS, None, body="icp")
    assert set(graph.nodes) == {"icp", "ann", "eve"}
    assert not graph.nodes["ann"].highlight


def edge(s: str, p: str, o: str, sk: str, ok: str, **extra: object) -> dict[str, object]:
    return {"s": s, "p": p, "o": o, "s_kind": sk, "o_kind": ok, "s_label": s.upper(), "o_label": o.upper(), **extra}


def test_oversight_highlights_plans_nobody_oversees() -> None:
    rows = [edge("hwb", "oversees", "jhs", "body", "plan", document="a.txt", line=4, quote="oversees JHS"),
            edge("hwb", "reportsTo", "icp", "body", "body"),
            edge("jhs", "hasAction", "a1", "plan", "action")]
    graph = oversight_network(rows, plans=[{"id": "jhs", "label": "JHS"}, {"id": "carers", "label": "Carers"}])
    assert graph.nodes["carers"].highlight and graph.nodes["carers"].kind == "plan"
    assert not graph.nodes["jhs"].highlight
    assert graph.messages == ["1 plan(s) have no overseeing body (highlighted)."]
    assert Evidence("a.txt", 4, "oversees JHS") in graph.nodes["jhs"].evidence
    assert graph.nodes["a1"].kind == "action"


def test_alignment_groups_principles_by_framework_and_merges_evidence() -> None:
    rows = [edge("a1", "alignsWith", "p1", "action", "principle", o_group="Marmot", document="d", line=6, quote="x"),
            edge("a1", "alignsWith", "p1", "action", "principle", o_group="Marmot", document="d", line=9, quote="y"),
            edge("plan", "alignsWith", "k1", "plan", "principle", o_group="Kings Fund")]
    graph = alignment_network(rows)
    assert graph.nodes["p1"].group == "Marmot" and graph.nodes["k1"].group == "Kings Fund"
    assert len(graph.edges) == 2
    assert [e.line for e in graph.edges[0].evidence] == [6, 9]


def test_neighbourhood_centres_on_the_entity() -> None:
    rows = [edge("ann", "member", "hwb", "person", "body"), edge("ann", "attended", "mtg", "person", "meeting")]
    graph = neighbourhood_network(rows, "ann", "Ann Smith", "person")
    assert graph.nodes["ann"].highlight and graph.nodes["ann"].label == "Ann Smith"
    assert set(graph.nodes) == {"ann", "hwb", "mtg"}
    assert graph.title == "Neighbourhood of Ann Smith"


def test_isolated_centre_still_shows() -> None:
    graph = neighbourhood_network([], "urn:x:lonely", "", "plan")
    assert list(graph.nodes) == ["urn:x:lonely"] and graph.nodes["urn:x:lonely"].label == "lonely"


def test_filters_by_type_and_by_nearness() -> None:
    rows = [edge("a", "x", "b", "body", "plan"), edge("b", "x", "c", "plan", "action"),
            edge("c", "x", "d", "action", "principle"), edge("e", "x", "f", "body", "plan")]
    graph = filter_graph(edges_graph("t", rows), kinds={"body", "plan"})
    assert set(graph.nodes) == {"a", "b", "e", "f"}
    assert all(e.source in graph.nodes and e.target in graph.nodes for e in graph.edges)
    near = filter_graph(edges_graph("t", rows), near="a", depth=2)
    assert set(near.nodes) == {"a", "b", "c"}
    missing = filter_graph(edges_graph("t", rows), near="zzz")
    assert not missing.nodes and missing.messages


def test_budget_keeps_highlighted_then_best_connected_and_says_so() -> None:
    rows = [edge("hub", "x", f"n{i}", "body", "person") for i in range(20)]
    graph = edges_graph("t", rows)
    graph.nodes["n19"].highlight = True
    apply_budget(graph, 5)
    assert len(graph.nodes) == 5
    assert "hub" in graph.nodes and "n19" in graph.nodes
    assert graph.total_nodes == 21
    assert graph.messages and "Showing 5 of 21 nodes" in graph.messages[0]
    assert all(e.source in graph.nodes and e.target in graph.nodes for e in graph.edges)


def test_budget_not_reached_changes_nothing() -> None:
    graph = edges_graph("t", [edge("a", "x", "b", "body", "plan")])
    apply_budget(graph, 500)
    assert len(graph.nodes) == 2 and not graph.messages
