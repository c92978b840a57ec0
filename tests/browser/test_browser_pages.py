"""The browse pages in real headless Chromium: home, index pages, meeting, body, person, search, SPARQL.

Each loads offline (no request leaves the server) without script errors; home, a meeting, a body
and a person are saved as screenshots in tests/artifacts/.
"""
from __future__ import annotations

import json
from urllib.parse import quote

import httpx
import pytest

from vis_sample import ANN, HWB

pytestmark = pytest.mark.browser

MEETING = "https://w3id.org/govgraph/id/meeting/hwb-2021-06-17"


def test_home_has_counts_and_entry_points(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui")
    counts = page.locator("#counts").inner_text()
    assert "2\ndocuments" in counts and "people" in counts and "meetings" in counts
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert {"/docs", "/ui/sparql", "/export/csv", "/ui/bodies", "/ui/people", "/ui/plans", "/ui/meetings",
            "/ui/documents"} <= set(hrefs)
    assert "Wexcombe Health and Wellbeing Board, 2021-06-17" in page.locator("#recent").inner_text()
    probe.screenshot("ui-home")
    assert probe.errors == [] and probe.outside == []


def test_index_pages_sort_filter_and_download(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/bodies")
    names = page.locator("#index tr td:first-child").all_inner_texts()
    assert "Wexcombe Health and Wellbeing Board" in names
    page.locator("#index th a", has_text="members in latest listing").click()
    page.wait_for_url("**sort=members**")
    assert page.locator("#index tr td:first-child").first.inner_text() == "Wexcombe Health and Wellbeing Board"
    page.select_option("select[name=kind]", "partnership")
    page.locator("#facets button").click()
    page.wait_for_url("**kind=partnership**")
    assert page.locator("#index tr td:first-child").all_inner_texts() == ["Wexcombe Integrated Care Partnership"]
    for kind in ("people", "plans", "meetings", "documents"):
        page.goto(f"{base_url}/ui/{kind}")
        assert page.locator("#index tr").count() > 1, kind
    page.goto(f"{base_url}/ui/people?body={quote(HWB, safe='')}")
    people = page.locator("#index tr td:first-child").all_inner_texts()
    assert "Dan Brown" in people and "Eve Green" not in people  # Eve sits on the partnership only
    rows = json.loads(httpx.get(f"{base_url}/ui/meetings", params={"format": "json"}).text)
    assert rows[0]["name"] == "Wexcombe Health and Wellbeing Board, 2021-06-17" and rows[0]["name_id"] == MEETING
    csv = httpx.get(f"{base_url}/ui/documents", params={"format": "csv", "date_from": "2022-01-01"}).text
    assert csv.splitlines()[0].startswith("name,name_id,title") and len(csv.splitlines()) == 2
    assert probe.errors == [] and probe.outside == []


def test_meeting_page_lists_attendance_and_documents(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/meeting?id={quote(MEETING, safe='')}")
    assert page.locator("h1").inner_text() == "Wexcombe Health and Wellbeing Board, 2021-06-17"
    assert "Ann Smith" in page.locator("#att-present").inner_text()
    assert "hwb_2021-06-17.txt" in page.locator("#documents").inner_text()
    probe.screenshot("ui-meeting")
    assert probe.errors == [] and probe.outside == []


def test_body_page_groups_every_answer(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/body?id={quote(HWB, safe='')}&date=2022-03-10")
    assert "Dan Brown" in page.locator("#members").inner_text()
    assert "Carol White" in page.locator("#former").inner_text()  # listed before, not on 2022-03-10
    early = httpx.get(f"{base_url}/ui/body", params={"id": HWB, "date": "2021-06-17"}).text
    assert 'id="future"' in early  # Dan Brown joins later: not a past member
    assert "Joint Health Strategy" in page.locator("#oversees").inner_text()
    assert "Wexcombe Integrated Care Partnership" in page.locator("#reporting").inner_text()
    assert "2021-06-17" in page.locator("#meetings").inner_text()
    probe.screenshot("ui-body-members")
    assert probe.errors == [] and probe.outside == []


def test_person_page_summarises_bodies_attendance_and_company(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/person?id={quote(ANN, safe='')}")
    assert "Wexcombe Health and Wellbeing Board" in page.locator("#current").inner_text()
    assert "Director of Public Health" in page.locator("#posts").inner_text()
    assert page.locator("#attendance tr").count() == 2  # one header, one meeting: never repeated
    assert "Wexcombe Health and Wellbeing Board, 2021-06-17" in page.locator("#attendance").inner_text()
    assert "Bob Jones" in page.locator("#sits-with").inner_text()
    probe.screenshot("ui-person-page")
    assert probe.errors == [] and probe.outside == []


def test_search_tolerates_misspellings_and_reads_papers(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/search?q=" + quote("Wellbeeing Bord"))
    assert "Wexcombe Health and Wellbeing Board" in page.locator("#results").inner_text()
    page.goto(f"{base_url}/ui/search?q=" + quote("smokng"))
    assert "Reduce smoking" in page.locator("#lines").inner_text()
    page.locator("#lines a").first.click()
    page.wait_for_url("**/ui/document/**")
    assert probe.errors == [] and probe.outside == []


def test_sparql_page_runs_an_example(probe, base_url: str) -> None:
    page = probe.page
    page.goto(f"{base_url}/ui/sparql")
    page.locator("button.example").first.click()
    page.locator("#run").click()
    page.locator("#sparql-results").wait_for(timeout=15_000)
    assert "wexcombe-health-and-wellbeing-board" in page.locator("#sparql-results").inner_text()
    page.fill("#query", "SELECT * WHERE { ?s ?p }")
    page.locator("#run").click()
    page.locator("#sparql-error").wait_for(timeout=15_000)
    assert probe.outside == []
