"""The browse pages' rows (api.browse) and routes over the hand-made sample store, without a browser."""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api import browse
from api.routes.ui import readable_quote
from extract.documents import is_title
from graph import search
from graph.ids import natural_key
from vis_sample import ANN, CAROL, HWB, ICP

MEETING = "https://w3id.org/govgraph/id/meeting/hwb-2021-06-17"


@pytest.fixture(scope="module")
def client(views_app: object) -> TestClient:
    return TestClient(views_app)


def test_meetings_are_named_by_body_and_date_not_slug(sample_store) -> None:
    meeting = browse.meetings(sample_store)[MEETING]
    assert meeting["label"] == "Wexcombe Health and Wellbeing Board, 2021-06-17"
    assert meeting["documents"] == ["a1b2c3d4e5f60718"]


def test_index_filters_sorts_and_downloads(sample_store) -> None:
    bodies = browse.index_page(sample_store, "bodies", sort="members", descending=True)
    assert bodies.rows[0]["id"] == HWB and bodies.rows[0]["members"] == 3
    only = browse.index_page(sample_store, "bodies", facets={"kind": "partnership"})
    assert [r["id"] for r in only.rows] == [ICP] and only.total == len(bodies.rows)
    people = browse.index_page(sample_store, "people", facets={"body": ICP})
    assert {r["name"] for r in people.rows} == {"Ann Smith", "Eve Green"}
    docs = browse.index_page(sample_store, "documents", facets={"date_from": "2022-01-01"})
    assert [r["name"] for r in docs.rows] == ["hwb_2022-03-10.txt"]
    table = list(csv.DictReader(io.StringIO(browse.index_csv(people))))
    assert table[0]["name_id"].startswith("https://w3id.org/govgraph/id/person/")
    assert browse.index_json(people)[0].keys() == table[0].keys()


def test_sort_is_natural_and_blanks_go_last() -> None:
    rows = [{"id": i} for i in ("5.1.10", "5.1.2", "", "5.1.1", "5.2")]
    assert [r["id"] for r in browse.sort_rows(rows, "id")] == ["5.1.1", "5.1.2", "5.1.10", "5.2", ""]
    assert sorted(["Item 10", "Item 9"], key=natural_key) == ["Item 9", "Item 10"]


def test_person_summary_and_record(sample_store) -> None:
    summary = browse.person_summary(sample_store, ANN)
    assert {b["body_label"] for b in summary["current"]} == {"Wexcombe Health and Wellbeing Board",
                                                            "Wexcombe Integrated Care Partnership"}
    assert {s["label"] for s in summary["sits_with"]} >= {"Bob Jones", "Eve Green"}
    carol = browse.person_summary(sample_store, CAROL)  # listed in 2021, not in the 2022 listing
    assert [b["body_label"] for b in carol["past"]] == ["Wexcombe Health and Wellbeing Board"] and not carol["current"]


def test_page_furniture_is_never_a_title() -> None:
    assert not is_title("Skip to content") and not is_title("image") and not is_title("logo.png")
    assert is_title("Minutes of the Board, 4 May")
    assert browse.display_title("Skip to content", "paper.html") == "paper.html"


def test_quotes_read_without_markup() -> None:
    assert readable_quote("| **Ann Smith** | Chair |") == "Ann Smith · Chair"
    assert readable_quote("## Members&nbsp;present <b>today</b>") == "Members present today"


def test_search_finds_misspelt_names_and_text(sample_store) -> None:
    path = search.ensure_index(sample_store)
    names = search.search_names(path, "Helth and Wellbeeing Bord")
    assert names[0].id == HWB
    assert search.search_names(path, "qqqzzz") == []
    lines = search.search_text(path, "warm homs")
    assert [(h.doc_id, h.line) for h in lines] == [("a1b2c3d4e5f60718", 7)]
    assert search.ensure_index(sample_store) == path  # current: not rebuilt


def test_routes_answer_every_page_kind(client: TestClient) -> None:
    home = client.get("/ui").text
    assert 'href="/docs"' in home and 'href="/ui/sparql"' in home and 'href="/export/csv"' in home
    for kind in ("bodies", "people", "plans", "meetings", "documents"):
        page = client.get(f"/ui/{kind}")
        assert page.status_code == 200 and 'id="index"' in page.text, kind
        assert client.get(f"/ui/{kind}", params={"format": "csv"}).headers["content-type"].startswith("text/csv")
        assert isinstance(json.loads(client.get(f"/ui/{kind}", params={"format": "json"}).text), list)
    meeting = client.get(f"/ui/meeting?id={quote(MEETING, safe='')}").text
    assert "Ann Smith" in meeting and "hwb_2021-06-17.txt" in meeting
    items = meeting[meeting.index('id="items"'):]
    assert items.index("1.1") < items.index("1.2") and "Reduce smoking" in items  # the paper's actions
    body = client.get("/ui/body", params={"id": HWB}).text
    changes = body[body.index("Changes between listings"):body.index("<h2>Meetings")]
    assert "2021-06-17 to 2022-03-10" in changes and "Dan Brown" in changes and "Carol White" in changes
    assert client.get("/ui/search", params={"q": "Anne Smith"}).text.count("/ui/entity?id=") >= 1
    assert client.get("/ui/sparql").status_code == 200
    found = client.get("/ui/search", params={"q": "Wexcombe Cabnet", "format": "json"}).json()
    assert found["query"] == "Wexcombe Cabnet" and isinstance(found["lines"], list)
    assert client.get("/ui/meetings", params={"date_from": "tomorrow"}).status_code in (400, 422)
