"""The views and UI in real headless Chromium: they load cleanly offline, draw their nodes, and show evidence on click."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from vis_sample import ANN, HWB, STRATEGY

pytestmark = pytest.mark.browser

READY = "window.govgraph && window.govgraph.ready"


def open_view(probe, base_url: str, path: str) -> None:
    probe.page.goto(base_url + path)
    probe.page.wait_for_function(READY, timeout=30_000)


def click_node(page, node_id: str) -> None:
    """Click a node where vis-network drew it."""
    point = page.evaluate("""(id) => {
        const net = window.govgraph.network;
        const dom = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.getElementById('mynetwork').getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""", node_id)
    page.mouse.click(point["x"], point["y"])


@pytest.mark.parametrize(("name", "query", "expect"), [
    ("membership", "?date=2021-06-17", 6),  # HWB, ICP, Ann, Bob, Carol, Eve
    ("oversight", "", None),
    ("alignment", "", 5),  # the strategy, actions 1.1 and 1.2, principles P1 and P2 (not P3: unaligned)
    ("neighbourhood", "?entity=" + quote(ANN, safe=""), None),
])
def test_network_view_loads_cleanly_and_draws_its_nodes(probe, base_url: str, name: str, query: str,
                                                         expect: int | None) -> None:
    open_view(probe, base_url, f"/views/{name}.html{query}")
    page = probe.page
    assert page.locator("#mynetwork canvas").count() == 1
    count = page.evaluate("window.govgraph.visibleCount()")  # the membership view hides seats not held on its date
    assert count > 0 and page.locator("#view-count").inner_text().startswith(f"{count} nodes")
    if expect is not None:
        assert count == expect
    assert page.evaluate("window.govgraph.network.physics.physicsEnabled") is False  # off after stabilising
    assert page.locator("#legend span.sw").count() >= 2
    probe.screenshot(f"view-{name}")
    assert probe.errors == [] and probe.outside == []


def test_click_on_a_node_shows_its_evidence_and_links_to_the_line(probe, base_url: str) -> None:
    open_view(probe, base_url, "/views/oversight.html")
    page = probe.page
    click_node(page, STRATEGY)
    panel = page.locator("#evidence")
    panel.locator(".ev").first.wait_for(timeout=5_000)
    assert "Joint Health Strategy" in panel.locator("h2").inner_text()
    assert "The Board oversees the Joint Health Strategy." in panel.inner_text()
    assert "hwb_2021-06-17.txt, line 4" in panel.inner_text()
    probe.screenshot("view-oversight-evidence")
    link = panel.locator("a.doc").first
    assert link.get_attribute("href").endswith("#L4")
    link.click()
    page.wait_for_url("**/ui/document/**")
    assert page.locator("li:target").inner_text() == "The Board oversees the Joint Health Strategy."
    assert probe.errors == [] and probe.outside == []


def test_body_page_timeline_marker_shows_evidence(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/body?id={quote(HWB, safe='')}&date=2021-07-01")
    assert "Bob Jones" in page.locator("#members").inner_text()  # listed on both sides: yes
    assert "Carol White" in page.locator("#unknown").inner_text()  # listed before only: unknown, as the API says
    marker = page.locator("svg.timeline circle.listing").first
    marker.click()
    panel = page.locator("#evidence")
    panel.locator(".ev").first.wait_for(timeout=5_000)
    assert "line 2" in panel.inner_text()
    probe.screenshot("ui-body")
    assert probe.errors == [] and probe.outside == []


def test_plan_page_heatmap_cell_and_person_page(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/plan?id={quote(STRATEGY, safe='')}")
    page.locator("table.heatmap td.hit").first.click()
    page.locator("#evidence .ev").first.wait_for(timeout=5_000)
    assert "aligns with P1" in page.locator("#evidence").inner_text() or "P2" in page.locator("#evidence").inner_text()
    probe.screenshot("ui-plan")
    page.goto(f"{base_url}/ui?q=ann")
    page.locator("#results a", has_text="Ann Smith").click()
    page.wait_for_url("**/ui/person?id=**")
    assert "Director of Public Health" in page.locator("#posts").inner_text()
    probe.screenshot("ui-person")
    assert probe.errors == [] and probe.outside == []


def test_api_docs_render_without_the_internet(probe, base_url: str) -> None:
    probe.page.goto(f"{base_url}/docs")
    probe.page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert probe.page.locator(".swagger-ui .opblock").count() > 10  # the operations are drawn
    assert probe.outside == [], f"requests left the server: {probe.outside}"
    assert not probe.errors
