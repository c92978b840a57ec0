"""The /views and /ui routers and export_view over a real store built from hand-made facts."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api import view_queries as vq
from api.queries.membership import members_as_of
from vis_sample import ANN, CAROL, CARERS, DAN, HWB, ICP, STRATEGY
from api.view_export import export_view
from visualisations import UnknownView


@pytest.fixture(scope="module")
def client(views_app: object) -> TestClient:
    return TestClient(views_app)


def nodes_of(html: str) -> list[dict]:
    return json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\);", html, flags=re.S).group(1))


def shown(html: str) -> list[dict]:
    return [n for n in nodes_of(html) if not n.get("hidden")]


def test_membership_view_as_of_a_date(client: TestClient) -> None:
    early = shown(client.get("/views/membership.html", params={"date": "2021-06-17"}).text)
    late = shown(client.get("/views/membership.html", params={"date": "2022-03-10"}).text)
    between = shown(client.get("/views/membership.html", params={"date": "2021-12-31"}).text)
    assert CAROL in {n["id"] for n in early} and CAROL not in {n["id"] for n in late}
    assert CAROL not in {n["id"] for n in between}  # listed before, not after: unknown, so not drawn
    ann = next(n for n in early if n["id"] == ANN)
    assert ann["highlighted"] and ann["evidence"][0]["document"].startswith("hwb_")
    # the served page holds every seat ever listed (hidden when not held) for its date slider
    page = client.get("/views/membership.html", params={"date": "2021-06-17"}).text
    assert {n["id"] for n in nodes_of(page)} - {n["id"] for n in shown(page)} == {DAN}
    assert 'id="slider"' in page and "2021-06-17" in page and "2022-03-10" in page


def test_exported_membership_view_draws_only_the_seats_held(sample_store: object, tmp_path: Path) -> None:
    path = export_view(sample_store, "membership", tmp_path / "m.html", date="2021-06-17")
    html = path.read_text(encoding="utf-8")
    assert DAN not in {n["id"] for n in nodes_of(html)} and 'id="slider"' not in html
    compared = export_view(sample_store, "compare", tmp_path / "c.html", body=HWB, start="2021-06-17",
                           end="2022-03-10").read_text(encoding="utf-8")
    assert 'id="compare-joined"' in compared and "Dan Brown" in compared and 'id="compare-form"' not in compared


def test_held_json_answers_by_the_members_rule(client: TestClient, sample_store: object) -> None:
    """The slider's endpoint agrees with `members`: Carol is listed in 2021 and not in 2022, so on a date
    between she is unknown, not held; Ann sits on both bodies in 2021 (an interlock)."""
    early = client.get("/views/membership/held.json", params={"date": "2021-06-17"}).json()
    assert [ANN, HWB, "chair"] in early["seats"] and [CAROL, HWB, "member"] in early["seats"]
    assert [i["person"] for i in early["interlocks"]] == [ANN]
    assert sorted(i["bodies"] for i in early["interlocks"])[0] == sorted([HWB, ICP])
    between = client.get("/views/membership/held.json", params={"date": "2021-12-31", "body": HWB}).json()
    assert CAROL not in {s[0] for s in between["seats"]} and CAROL in {s[0] for s in between["unknown"]}
    assert {s[1] for s in between["seats"]} == {HWB}
    for day in ("2021-06-17", "2021-12-31", "2022-03-10", "2023-01-01"):  # the same answer as `members`
        held = client.get("/views/membership/held.json", params={"date": day, "body": HWB}).json()
        members = members_as_of(sample_store, HWB, date.fromisoformat(day))
        assert {m.person.id for m in members.members} == {s[0] for s in held["seats"]}
        assert {m.person.id for m in members.unknown} == {s[0] for s in held["unknown"]}
    assert client.get("/views/membership/held.json", params={"date": "June"}).status_code == 400


def test_compare_page_left_stayed_joined_and_between(client: TestClient) -> None:
    html = client.get("/views/compare.html", params={"body": HWB, "start": "2021-06-17", "end": "2022-03-10"}).text
    def section(name: str) -> str:
        return html[html.index(f'id="compare-{name}"'):].split("</section>")[0]
    assert "Carol White" in section("left") and "Dan Brown" in section("joined")
    assert "Ann Smith" in section("stayed") and "chair → vice-chair" in section("stayed")
    assert "Bob Jones" in section("stayed")
    between = html[html.index('id="compare-between"'):]
    assert "joined" in between and "Dan Brown" in between and "/ui/document/" in between
    empty = client.get("/views/compare.html", params={"body": HWB}).text
    assert "Choose a body and two dates" in empty and 'id="compare-form"' in empty
    assert client.get("/views/compare.html", params={"body": HWB, "start": "x"}).status_code == 400


def test_static_renderer_files_are_served_and_nothing_else(client: TestClient) -> None:
    sigma = client.get("/views/static/sigma.min.js")
    assert sigma.status_code == 200 and sigma.headers["content-type"].startswith("text/javascript")
    assert "Sigma" in sigma.text[:400]
    assert client.get("/views/static/graphology.umd.min.js").status_code == 200
    assert client.get("/views/static/THIRD_PARTY.md").status_code == 404
    assert client.get("/views/static/..%2Fbigview.py").status_code == 404


def test_oversight_view_highlights_the_unoverseen_plan(client: TestClient) -> None:
    response = client.get("/views/oversight.html")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    nodes = {n["id"]: n for n in nodes_of(response.text)}
    assert nodes[CARERS]["highlighted"] and not nodes[STRATEGY]["highlighted"]
    assert nodes[ICP]["kind"] == "body"
    assert any(n["kind"] == "action" for n in nodes.values())
    assert "have no overseeing body" in response.text


def test_alignment_view_type_filter_and_budget(client: TestClient) -> None:
    nodes = nodes_of(client.get("/views/alignment.html").text)
    assert {n["kind"] for n in nodes} == {"action", "plan", "principle"}  # plans gather their actions
    assert {n["group_name"] for n in nodes if n["kind"] == "principle"} == {"Marmot Principles"}
    only = nodes_of(client.get("/views/alignment.html", params={"type": "principle"}).text)
    assert {n["kind"] for n in only} == {"principle"}
    cut = client.get("/views/alignment.html", params={"budget": 2}).text
    assert len(nodes_of(cut)) == 2 and "node budget 2" in cut and "of 5 nodes" in cut


def test_neighbourhood_view(client: TestClient) -> None:
    html = client.get("/views/neighbourhood.html", params={"entity": ANN}).text
    ids = {n["id"] for n in nodes_of(html)}
    assert {ANN, HWB, ICP} <= ids
    assert "Neighbourhood of Ann Smith" in html


def test_timeline_and_heatmap_pages(client: TestClient) -> None:
    timeline = client.get("/views/timeline.html", params={"body": HWB}).text
    assert "<svg" in timeline and timeline.count('class="bar"') == 4  # Ann, Bob, Carol, Dan on the board
    assert "joined" in timeline
    heatmap = client.get("/views/heatmap.html").text
    assert heatmap.count('class="cell hit"') == 3 and 'class="col empty"' in heatmap
    plans = client.get("/views/heatmap.html", params={"item_kind": "plan"}).text
    assert "plans × principles" in plans and 'class="cell hit"' not in plans  # no plan aligns directly
    assert plans.count('<tr class="empty">') == 3  # the strategy, the carers plan, the framework's plan
    assert client.get("/views/heatmap.html", params={"item_kind": "meeting"}).status_code == 422


@pytest.mark.parametrize(("url", "status"), [
    ("/views/nope.html", 404), ("/views/neighbourhood.html", 400),
    ("/views/neighbourhood.html?entity=not%20an%20iri", 400), ("/views/membership.html?date=June", 400),
    ("/views/membership.html?budget=0", 422), ("/ui/plan?id=" + quote(ANN, safe=""), 404),
    ("/ui/document/ffff0000ffff0000", 404), ("/ui/document/..%2F..%2Fetc", 404),
])
def test_bad_requests_get_the_api_error_body(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    if status != 404 or url.startswith("/views") or "plan" in url:
        assert response.json()["error"]["status"] == status


def test_search_and_entity_redirects(client: TestClient) -> None:
    page = client.get("/ui", params={"q": "smith"}).text
    assert "Ann Smith" in page and quote(ANN, safe="") in page
    redirect = client.get("/ui/entity", params={"id": ANN}, follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"].startswith("/ui/person?id=")
    home = client.get("/ui").text
    assert "Wexcombe Health and Wellbeing Board" in home


def test_body_page_members_on_a_date_timeline_and_plans(client: TestClient) -> None:
    def member_rows(day: str, table: str = "members") -> tuple[str, dict[str, str]]:
        page = client.get("/ui/body", params={"id": HWB, "date": day}).text
        members = page[page.index(f'id="{table}"'):page.index("</table>", page.index(f'id="{table}"'))]
        return members, {row.split("</td>")[0].split(">")[-2].split("<")[0]: row.split('"')[1]
                         for row in members.split("<tr class=")[1:]}

    members, rows = member_rows("2021-06-17")
    assert rows["Carol White"] == "member-yes" and "Dan Brown" not in rows
    assert member_rows("2021-12-01", "unknown")[1]["Dan Brown"] == "member-unknown"  # the API's unknown group
    page = client.get("/ui/body", params={"id": HWB, "date": "2021-06-17"}).text
    assert 'href="/ui/document/a1b2c3d4e5f60718#L2"' in members and "Ann Smith (Chair)" in members
    assert "<svg" in page and "Joint Health Strategy" in page[page.index('id="oversees"'):]
    latest = client.get("/ui/body", params={"id": HWB}).text
    assert "Dan Brown" in latest[latest.index('id="members"'):latest.index("Membership timeline</h2>")]


def test_person_page_posts_memberships_attendance(client: TestClient) -> None:
    page = client.get("/ui/person", params={"id": ANN}).text
    assert "Director of Public Health" in page[page.index('id="posts"'):]
    memberships = page[page.index('id="memberships"'):page.index('id="attendance"')]
    assert memberships.count("<tr>") == 4  # header + HWB twice + ICP once
    assert "present" in page[page.index('id="attendance"'):] and "#L10" in page


def test_plan_page_overseers_leads_actions_alignment(client: TestClient) -> None:
    page = client.get("/ui/plan", params={"id": STRATEGY}).text
    assert "Wexcombe Health and Wellbeing Board" in page[page.index('id="overseers"'):]
    assert "Public Health" in page[page.index('id="leads"'):]
    assert "1.1 Reduce smoking" in page[page.index('id="actions"'):]
    assert "P1 Give every child" in page[page.index('id="alignments"'):] and "#L7" in page
    assert 'class="heatmap' in page
    carers = client.get("/ui/plan", params={"id": CARERS}).text
    assert "No body is recorded as overseeing this plan" in carers


def test_document_page_has_line_anchors(client: TestClient) -> None:
    page = client.get("/ui/document/a1b2c3d4e5f60718").text
    assert '<li id="L4">The Board oversees the Joint Health Strategy.</li>' in page


def test_search_binds_user_input_rather_than_pasting_it(sample_store: object) -> None:
    from graph import search

    path = search.ensure_index(sample_store)
    for hostile in ('") } DROP ALL #', '" OR "a', "NEAR(x y) AND * ^"):
        assert search.search_names(path, hostile) == [] and search.search_text(path, hostile) == []
    assert search.search_names(path, "JOINT health")[0].name == "Joint Health Strategy"


def test_export_view_writes_a_standalone_file(sample_store: object, tmp_path: Path) -> None:
    out = export_view(sample_store, "oversight", tmp_path / "oversight.html")
    html = out.read_text(encoding="utf-8")
    assert out.exists() and not (tmp_path / "oversight.html.part").exists()
    assert CARERS in html and "vis.Network" in html and "<form" not in html
    timeline = export_view(sample_store, "timeline", tmp_path / "t.html", body=HWB)
    assert "<svg" in timeline.read_text(encoding="utf-8")
    with pytest.raises(UnknownView):
        export_view(sample_store, "pie", tmp_path / "x.html")
    with pytest.raises(UnknownView):
        export_view(sample_store, "neighbourhood", tmp_path / "x.html")
