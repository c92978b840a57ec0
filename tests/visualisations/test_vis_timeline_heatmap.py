"""Membership timeline (tenures and changes, inline SVG) and the alignment heatmap (gaps visible)."""
from __future__ import annotations

import html as html_lib
import json
import re

from visualisations.heatmap import alignment_matrix, heatmap_html
from visualisations.timeline import tenures, timeline_svg


def listing(person: str, as_of: str, role: str = "member") -> dict[str, object]:
    return {"person": person, "person_label": person.title(), "role": role, "as_of": as_of,
            "document": f"p-{as_of}.txt", "line": 2, "quote": f"{person} ({role})", "doc_id": "d" + as_of[:4]}


ROWS = [listing("ann", "2021-01-01", "chair"), listing("ann", "2021-06-01", "chair"),
        listing("ann", "2022-01-01", "vice-chair"), listing("bob", "2021-01-01"), listing("carol", "2021-01-01"),
        listing("carol", "2022-01-01"), listing("dan", "2021-06-01")]


def test_tenures_run_first_to_last_listing_and_mark_changes() -> None:
    runs = {t.person: t for t in tenures(ROWS)}
    assert (runs["ann"].first, runs["ann"].last) == ("2021-01-01", "2022-01-01")
    assert ("2022-01-01", "role: chair → vice-chair") in [(c[0], c[1]) for c in runs["ann"].changes]
    assert ("2021-06-01", "no longer listed") in [(c[0], c[1]) for c in runs["bob"].changes]
    assert ("2021-06-01", "not listed") in [(c[0], c[1]) for c in runs["carol"].changes]
    dan = [(c[0], c[1]) for c in runs["dan"].changes]
    assert ("2021-06-01", "joined") in dan and ("2022-01-01", "no longer listed") in dan


def test_stated_changes_are_marked_with_their_evidence() -> None:
    change = {"person": "dan", "date": "2021-06-01", "kind": "appointed_chair", "document": "m.txt", "line": 9,
              "quote": "Dan was appointed chair"}
    runs = {t.person: t for t in tenures(ROWS, [change])}
    stated = [c for c in runs["dan"].changes if c[1] == "appointed_chair"]
    assert stated and stated[0][2][0].quote == "Dan was appointed chair"


def test_svg_has_a_bar_per_tenure_with_evidence_for_hover_and_click() -> None:
    svg = timeline_svg(ROWS, title="HWB <members>")
    assert svg.startswith("<svg") and svg.count('class="bar"') == 4
    assert svg.count('class="listing"') == len(ROWS)
    assert "HWB &lt;members&gt;" in svg and "<members>" not in svg
    first = re.search(r'class="listing"[^>]*data-evidence="([^"]*)"', svg)
    assert first is not None
    evidence = json.loads(html_lib.unescape(first.group(1)))
    assert evidence[0]["document"] == "p-2021-01-01.txt" and evidence[0]["line"] == 2
    assert "<title>listed 2021-01-01 as chair" in svg


def test_empty_timeline_says_so() -> None:
    assert "No membership listings" in timeline_svg([])


ITEMS = [{"id": "a1", "label": "1.1 Smoking"}, {"id": "a2", "label": "1.2 Homes"}, {"id": "a3", "label": "1.3 Idle"}]
PRINCIPLES = [{"id": "p1", "label": "P1", "framework": "Marmot"}, {"id": "p2", "label": "P2", "framework": "Marmot"},
              {"id": "p3", "label": "P3", "framework": "Marmot"}]
CELLS = [{"item": "a1", "principle": "p1", "document": "d.txt", "line": 6, "quote": "aligns with P1"},
         {"item": "a2", "principle": "p1", "document": "d.txt", "line": 7, "quote": "P1"},
         {"item": "a2", "principle": "p2", "document": "d.txt", "line": 7, "quote": "P2"}]


def test_matrix_keeps_every_row_and_column() -> None:
    rows, cols, cells = alignment_matrix(ITEMS, PRINCIPLES, CELLS)
    assert [r[0] for r in rows] == ["a1", "a2", "a3"] and [c[0] for c in cols] == ["p1", "p2", "p3"]
    assert set(cells) == {("a1", "p1"), ("a2", "p1"), ("a2", "p2")}


def test_heatmap_shows_empty_rows_and_columns_as_gaps() -> None:
    table = heatmap_html(ITEMS, PRINCIPLES, CELLS)
    assert table.count('class="cell hit"') == 3
    assert '<tr class="empty"><th>1.3 Idle' in table  # an action aligned with nothing
    assert table.count('class="col empty"') == 1  # P3: no action aligns with it
    assert table.count('class="cell gap"') == 3 + 2  # a3's row, and p3's column for a1 and a2
    assert "aligns with P1" in html_lib.unescape(table)


def test_heatmap_empty_state() -> None:
    assert "No actions or principles" in heatmap_html([], PRINCIPLES, [])
