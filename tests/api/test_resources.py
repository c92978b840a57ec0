"""Bodies, people, organisations, plans, principles and gaps over the fixture council."""
from __future__ import annotations

import httpx
import pytest

from api_support import assert_error

BOARD = "/bodies/wexcombe-health-and-wellbeing-board"


def names(items: list[dict], key: str = "person") -> list[str]:
    return [i[key]["name"] for i in items]


def test_bodies_list_and_filters(client: httpx.Client) -> None:
    body = client.get("/bodies").json()
    assert [b["body"]["name"] for b in body["items"]] == ["Wexcombe Cabinet", "Wexcombe Health and Wellbeing Board"]
    assert client.get("/bodies", params={"kind": "board"}).json()["total"] == 1
    assert client.get("/bodies", params={"q": "wellbeing"}).json()["items"][0]["kind"] == "board"


def test_body_detail(client: httpx.Client) -> None:
    body = client.get(BOARD).json()
    assert body["kind"] == "board"
    assert body["variants"] == ["Wexcombe Health and Wellbeing Board", "the Board"]
    assert body["listing_dates"] == ["2021-06-17", "2022-03-10", "2023-01-12"]
    assert body["meetings"] == 3
    assert {(r["relation"], r["other"]["key"]) for r in body["relations"]} == {
        ("oversees", "wexcombe-violence-reduction-strategy"), ("reports_to", "wexcombe-cabinet")}


@pytest.mark.parametrize(("as_of", "listing", "members", "unknown", "former", "future"), [
    ("2020-01-01", None, [], ["Ann Smith", "Bob Jones", "Carol White", "Dave Green", "Erin Black"], [], []),
    ("2021-06-17", "2021-06-17", ["Ann Smith", "Bob Jones", "Carol White"], [], [], ["Dave Green", "Erin Black"]),
    ("2021-12-01", "2021-06-17", ["Ann Smith", "Carol White"], ["Bob Jones", "Dave Green"], [], ["Erin Black"]),
    ("2022-03-10", "2022-03-10", ["Ann Smith", "Carol White", "Dave Green"], [], ["Bob Jones"], ["Erin Black"]),
    ("2030-01-01", "2023-01-12", [], ["Ann Smith", "Dave Green", "Erin Black"], ["Bob Jones", "Carol White"], []),
])
def test_members_as_of(client: httpx.Client, as_of: str, listing: str | None, members: list[str],
                       unknown: list[str], former: list[str], future: list[str]) -> None:
    """former: listed before the date, not on it; future: not on it, first listed after it."""
    body = client.get(f"{BOARD}/members", params={"as_of": as_of}).json()
    assert body["listing_date"] == listing
    assert names(body["members"]) == members
    assert names(body["unknown"]) == unknown
    assert names(body["former"]) == former
    assert names(body["future"]) == future


def test_members_carry_role_and_evidence(client: httpx.Client) -> None:
    body = client.get(f"{BOARD}/members", params={"as_of": "2022-03-10"}).json()
    carol = next(m for m in body["members"] if m["person"]["name"] == "Carol White")
    assert (carol["role"], carol["member"], carol["reason"]) == ("vice-chair", "yes", "listed on 2022-03-10")
    assert [(e["document_name"], e["line"]) for e in carol["evidence"]] == [("02_hwb_2022-03-10.txt", 6)]
    assert carol["evidence"][0]["href"] == "/documents/bbbb000000000002"
    later = client.get(f"{BOARD}/members", params={"as_of": "2022-06-01"}).json()
    carol_later = next(m for m in later["unknown"] if m["person"]["name"] == "Carol White")
    assert carol_later["reason"] == "listed on 2022-03-10, not on 2023-01-12"
    assert body["vacancies"] == []
    latest = client.get(f"{BOARD}/members", params={"as_of": "2023-02-01"}).json()
    assert [v["role"] for v in latest["vacancies"]] == ["vacancy"]


def test_changes_between_two_dates(client: httpx.Client) -> None:
    body = client.get(f"{BOARD}/changes", params={"from": "2021-07-01", "to": "2022-06-01"}).json()
    assert (body["from"], body["to"]) == ("2021-07-01", "2022-06-01")
    assert (body["listing_from"], body["listing_to"]) == ("2021-06-17", "2022-03-10")
    found = {(c["change"], c["source"], c["person"]["name"], c["role_from"], c["role_to"], c["date"])
             for c in body["changes"]}
    assert found == {("left", "listings", "Bob Jones", "member", None, "2022-03-10"),
                     ("role_changed", "listings", "Carol White", "member", "vice-chair", "2022-03-10"),
                     ("joined", "listings", "Dave Green", None, "member", "2022-03-10")}
    dave = next(c for c in body["changes"] if c["person"]["name"] == "Dave Green")
    assert {(e["document_name"], e["line"]) for e in dave["evidence"]} == {("02_hwb_2022-03-10.txt", 7),
                                                                         ("02_hwb_2022-03-10.txt", 12)}
    assert client.get(f"{BOARD}/changes", params={"from": "2022-04-01", "to": "2022-05-01"}).json()["changes"] == []


def test_changes_reject_a_reversed_range(client: httpx.Client) -> None:
    assert_error(client.get(f"{BOARD}/changes", params={"from": "2023-01-01", "to": "2022-01-01"}), 400, "bad_range")
    assert_error(client.get(f"{BOARD}/changes", params={"from": "2023-01-01"}), 422, "invalid_parameter")


def test_body_meetings_and_plans(client: httpx.Client) -> None:
    meetings = client.get(f"{BOARD}/meetings").json()
    assert [(m["id"], m["date"], m["attendance"]) for m in meetings] == [
        ("hwb-2021-06-17", "2021-06-17", 2), ("hwb-2022-03-10", "2022-03-10", 1), ("hwb-2023-01-12", "2023-01-12", 0)]
    plans = client.get(f"{BOARD}/plans").json()
    assert [(p["plan"]["name"], p["relation"]) for p in plans] == [("Wexcombe Violence Reduction Strategy", "oversees")]


def test_unknown_body_is_404(client: httpx.Client) -> None:
    assert_error(client.get("/bodies/no-such-board/members", params={"as_of": "2022-01-01"}), 404, "not_found")
    assert_error(client.get("/bodies/ann-smith"), 404, "not_found")


def test_people_list_and_search(client: httpx.Client) -> None:
    body = client.get("/people").json()
    assert body["total"] == 5
    assert names(client.get("/people", params={"q": "GREEN"}).json()["items"]) == ["Dave Green"]
    page = client.get("/people", params={"limit": 2, "offset": 4}).json()
    assert (page["total"], names(page["items"])) == (5, ["Erin Black"])


def test_person_detail_posts_memberships_attendance(client: httpx.Client) -> None:
    body = client.get("/people/ann-smith").json()
    assert body["names"] == ["Ann Smith"]
    assert [(p["post"], p["organisation"]["name"]) for p in body["positions"]] == [
        ("Cabinet Member for Health", "Wexcombe Council")]
    assert [(m["as_of"], m["role"]) for m in body["memberships"]] == [
        ("2021-06-17", "chair"), ("2022-03-10", "chair"), ("2023-01-12", "chair")]
    assert [(t["body"]["name"], t["first_listed"], t["last_listed"], t["roles"], t["listings"]) for t in body["bodies"]] \
        == [("Wexcombe Health and Wellbeing Board", "2021-06-17", "2023-01-12", ["chair"], 3)]
    assert [(a["status"], a["date"], a["body"]["name"]) for a in body["attendance"]] == [
        ("present", "2021-06-17", "Wexcombe Health and Wellbeing Board")]
    assert body["attendance"][0]["evidence"]["line"] == 20
    carol = client.get("/people/carol-white").json()
    assert carol["bodies"][0]["roles"] == ["member", "vice-chair"]


def test_unknown_person_is_404(client: httpx.Client) -> None:
    assert_error(client.get("/people/wexcombe-council"), 404, "not_found")


def test_organisations(client: httpx.Client) -> None:
    body = client.get("/organisations").json()
    assert [o["organisation"]["name"] for o in body["items"]] == [
        "Wexcombe Cabinet", "Wexcombe Council", "Wexcombe Health and Wellbeing Board", "Wexcombe Police"]
    council = client.get("/organisations/wexcombe-council").json()
    assert council["kind"] == "council"
    assert [p["fields"]["post"] for p in council["positions"]] == [["Cabinet Member for Health"]]
    police = client.get("/organisations/wexcombe-police").json()
    assert [x["name"] for x in police["leads"]] == ["1.1"]


def test_plan_detail_with_oversight_chain_and_actions(client: httpx.Client) -> None:
    body = client.get("/plans/wexcombe-violence-reduction-strategy").json()
    assert (body["kind"], body["period"]) == ("strategy", "2021-2024")
    assert [o["name"] for o in body["overseers"]] == ["Wexcombe Health and Wellbeing Board"]
    assert [[(link["body"]["name"], link["relation"]) for link in chain] for chain in body["chains"]] == [[
        ("Wexcombe Health and Wellbeing Board", "reports_to"), ("Wexcombe Cabinet", "reports_to"),
        ("Wexcombe Council", None)]]
    assert [(a["id"], [x["name"] for x in a["leads"]], sorted(x["name"] for x in a["principles"]))
            for a in body["actions"]] == [("1.1", ["Wexcombe Police"], ["EP1", "SP1"]), ("1.2", [], ["SP1"]),
                                          ("2.1", [], [])]


def test_plans_list_and_unoverseen_plan(client: httpx.Client) -> None:
    assert client.get("/plans").json()["total"] == 3
    assert [p["plan"]["name"] for p in client.get("/plans", params={"kind": "plan"}).json()["items"]] == [
        "Wexcombe Adult Social Care Plan"]
    care = client.get("/plans/wexcombe-adult-social-care-plan").json()
    assert care["overseers"] == [] and care["chains"] == [] and care["actions"] == []


def test_principles_and_matrix(client: httpx.Client) -> None:
    principles = client.get("/principles").json()
    assert [(p["id"], p["kind"], p["actions"]) for p in principles] == [
        ("EP1", "enabling", 1), ("SP1", "strategic", 2), ("SP2", "strategic", 0)]
    matrix = client.get("/principles/matrix").json()
    assert [p["id"] for p in matrix["principles"]] == ["EP1", "SP1", "SP2"]
    (row,) = matrix["rows"]
    assert row["plan"]["name"] == "Wexcombe Violence Reduction Strategy"
    assert row["total"] == 3
    assert [(c["count"], [i["name"] for i in c["items"]]) for c in row["cells"]] == [
        (1, ["1.1"]), (2, ["1.1", "1.2"]), (0, [])]
    only = client.get("/principles/matrix", params={"framework": "violence reduction framework"}).json()
    assert len(only["principles"]) == 3
    none = client.get("/principles/matrix", params={"framework": "Other Framework"}).json()
    assert none == {"principles": [], "rows": []}


def test_gaps(client: httpx.Client) -> None:
    body = client.get("/gaps").json()
    assert [p["plan"]["name"] for p in body["plans_without_oversight"]] == [
        "Violence Reduction Framework", "Wexcombe Adult Social Care Plan"]
    assert [p["id"] for p in body["principles_without_actions"]] == ["SP2"]
    assert [a["id"] for a in body["actions_without_principles"]] == ["2.1"]
    assert [(v["body"]["name"], v["listing_date"], v["vacancies"]) for v in body["bodies_with_vacancies"]] == [
        ("Wexcombe Health and Wellbeing Board", "2023-01-12", 1)]
