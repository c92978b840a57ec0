"""The big (WebGL) membership view, the date sliders and the comparison page in real headless Chromium."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from big_sample import BODIES, FIRST, SECOND
from vis_sample import CAROL, DAN, HWB

pytestmark = pytest.mark.browser

READY = "window.govgraph && window.govgraph.ready"


def open_view(probe, base_url: str, path: str) -> None:
    probe.page.goto(base_url + path)
    probe.page.wait_for_function(READY, timeout=60_000)


def slide_to(page, index: int) -> None:
    """Move the slider to `index` as a reader would (the range input's input event) and wait for the redraw."""
    loads = page.evaluate("window.govgraph.slider.loads")
    page.evaluate("""(i) => { const r = document.getElementById('slider-range'); r.value = i;
                              r.dispatchEvent(new Event('input')); }""", index)
    page.wait_for_function(f"window.govgraph.slider.loads > {loads} && !window.govgraph.slider.loading", timeout=30_000)


def test_big_membership_view_is_drawn_by_webgl_folded_and_unfolds_on_click(big_probe, big_base_url: str) -> None:
    page = big_probe.page
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    open_view(big_probe, big_base_url, "/views/membership.html")
    assert page.evaluate("window.govgraph.renderer") == "sigma"
    assert page.evaluate("(() => { const c = document.querySelector('#bignetwork canvas');"
                         " return !!(c && (c.getContext('webgl2') || c.getContext('webgl'))); })()")
    assert {u.rsplit("/", 1)[-1] for u in scripts} >= {"sigma.min.js", "graphology.umd.min.js"}
    assert all(u.startswith(big_base_url + "/views/static/") for u in scripts)
    assert page.evaluate("window.govgraph.visibleCount()") == len(BODIES)  # folded: bodies only
    assert page.evaluate("window.govgraph.shown.interlocks") >= len(BODIES)  # each body shares people with the next
    body = page.evaluate("window.govgraph.data.bodies[3][0]")
    point = page.evaluate("(iri) => window.govgraph.screenPoint(iri)", body)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("window.govgraph.shown.people > 0", timeout=10_000)
    unfolded = page.evaluate("window.govgraph.shown.people")
    assert 15 <= unfolded <= 25  # its own members plus the shared ones
    assert page.locator("#evidence h2").inner_text().startswith("Northfold")
    assert page.locator("#evidence a", has_text="compare members between dates").count() == 1
    page.wait_for_function("!window.govgraph.sigma.getCamera().isAnimated()", timeout=10_000)  # zoomed to it
    big_probe.screenshot("view-membership-big-unfolded")
    page.click("#unfold-all")
    total = page.evaluate("window.govgraph.data.bodies.length + window.govgraph.data.people.length")
    assert page.evaluate("window.govgraph.visibleCount()") == total > 300
    big_probe.screenshot("view-membership-big-all")
    assert big_probe.errors == [] and big_probe.outside == []


def test_big_view_slider_follows_the_members_rule(big_probe, big_base_url: str) -> None:
    page = big_probe.page
    open_view(big_probe, big_base_url, f"/views/membership.html?date={FIRST}")
    assert page.evaluate("window.govgraph.slider.dates") == [FIRST, SECOND]
    page.click("#unfold-all")
    first = page.evaluate("window.govgraph.visibleCount()")
    slide_to(page, 1)
    assert page.url.endswith(f"date={SECOND}") and page.locator("#view-title").inner_text().endswith(SECOND)
    answer = page.evaluate(f"fetch('/views/membership/held.json?date={SECOND}').then(r => r.json())")
    held = {(p, b) for p, b, _ in answer["seats"]}
    drawn = set(map(tuple, page.evaluate("window.govgraph.shownSeats()")))
    assert drawn == held  # exactly the seats `members` says were held
    assert page.evaluate("window.govgraph.visibleCount()") == first  # two left and two joined on each body
    assert "people on more than one body" in page.locator("#slider-status").inner_text()
    big_probe.screenshot("slider-membership-big")
    assert big_probe.errors == [] and big_probe.outside == []


def test_membership_slider_plays_through_the_dates(probe, base_url: str) -> None:
    page = probe.page
    open_view(probe, base_url, "/views/membership.html?date=2021-06-17")
    assert page.evaluate("window.govgraph.visibleCount()") == 6  # HWB, ICP, Ann, Bob, Carol, Eve
    page.evaluate("document.getElementById('slider').setAttribute('data-interval', '300')")
    page.click("#slider-play")
    page.wait_for_function("window.govgraph.slider.date === '2022-03-10' && !window.govgraph.slider.playing",
                           timeout=30_000)
    hidden = page.evaluate("window.govgraph.nodes.get().filter(n => n.hidden).map(n => n.id)")
    assert CAROL in hidden and DAN not in hidden  # Carol not listed in 2022; Dan joined
    assert page.evaluate("window.govgraph.visibleCount()") == 4  # the board, Ann, Bob, Dan (the ICP: unknown)
    assert page.locator("#slider-date").inner_text() == "2022-03-10"
    assert page.locator("#view-title").inner_text() == "Bodies and their members as of 2022-03-10"
    probe.screenshot("slider-membership")
    assert probe.errors == [] and probe.outside == []


def test_timeline_slider_fades_people_not_sitting(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/views/timeline.html?body={quote(HWB, safe='')}")
    page.wait_for_function(READY, timeout=30_000)
    slide_to(page, 1)
    carol = page.locator(f'svg.timeline g.tenure[data-person="{CAROL}"]')
    assert "off" in carol.get_attribute("class")
    assert "on" in page.locator(f'svg.timeline g.tenure[data-person="{DAN}"]').get_attribute("class").split()
    assert page.locator("svg.timeline line.cursor").count() == 1
    probe.screenshot("slider-timeline")
    assert probe.errors == [] and probe.outside == []


def test_compare_page_shows_left_stayed_joined_with_evidence(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/views/compare.html?body={quote(HWB, safe='')}&start=2021-06-17&end=2022-03-10")
    assert "Carol White" in page.locator("#compare-left").inner_text()
    assert "Dan Brown" in page.locator("#compare-joined").inner_text()
    assert "chair → vice-chair" in page.locator("#compare-stayed").inner_text()
    page.locator("#compare-joined .evidence").first.dispatch_event("click")
    page.locator("#evidence .ev").first.wait_for(timeout=5_000)
    assert "hwb_2022-03-10.txt" in page.locator("#evidence").inner_text()
    probe.screenshot("compare")
    assert probe.errors == [] and probe.outside == []
