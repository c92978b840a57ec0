"""People facts in two more layouts: HTML-ish minutes and a markdown membership table."""
from pathlib import Path

import pytest

from extract import extract_document, load_document

PAPERS = Path(__file__).parent.parent / "data" / "papers"


def of(facts, kind):
    return [f.fields for f in facts if f.type == kind]


@pytest.fixture(scope="module")
def html():
    doc = load_document(PAPERS / "people_html_minutes.txt")
    return extract_document(doc).facts


@pytest.fixture(scope="module")
def table():
    doc = load_document(PAPERS / "people_markdown_membership.md")
    return extract_document(doc).facts


def _att(facts):
    return {(a["person"], a["status"]): a for a in of(facts, "attendance")}


def test_html_minutes_attendance(html):
    att = _att(html)
    assert {a["date"] for a in att.values()} == {"2024-10-08"}
    assert {p for p, s in att if s == "present"} == {"Bernadette Oyelaran", "Marek Szymanski", "Imogen Tallis",
                                                     "Rupert Achebe"}
    assert att[("Yasmin Corrigan", "substitute")]["substitute_for"] == "Neville Prothero"
    assert {p for p, s in att if s == "officer_in_attendance"} == {"Hollis Brandt", "Nkechi Obuya"}
    assert {p for p, s in att if s == "also_in_attendance"} == {"Conrad Falk"}
    # "Apologies for absence were received from ..." as prose
    assert {p for p, s in att if s == "apologies"} == {"Neville Prothero", "Sunita Rahman"}
    # the meeting is in the Chamber: only the entry marked (virtual) is virtual
    assert {p for (p, s), a in att.items() if a["mode"] == "virtual"} == {"Rupert Achebe"}


def test_html_minutes_people_and_posts(html):
    people = {p["name"]: p for p in of(html, "person")}
    assert "Holmford Constabulary" not in people
    assert people["Conrad Falk"]["titles"] == ["Det Insp"]
    assert "Councillor" in people["Marek Szymanski"]["titles"]
    posts = {(p["person"], p["post"], p["organisation"]) for p in of(html, "position")}
    assert ("Conrad Falk", None, "Holmford Constabulary") in posts
    assert not any(post and "virtual" in post.lower() for _, post, _ in posts)
    assert not of(html, "membership")  # being present is attendance, not membership


def test_html_minutes_changes_and_orgs(html):
    changes = {(c["change"], c["person"], c["date"]) for c in of(html, "change")}
    assert changes == {("left", "Sunita Rahman", "2024-09-30"), ("joined", "Imogen Tallis", "2024-10-08")}
    orgs = {o["name"] for o in of(html, "organisation")}
    assert {"Holmford Borough Council", "Holmford Carers Network", "Care Quality Commission"} <= orgs
    carers = [o for o in of(html, "organisation") if o["name"] == "Holmford Carers Network"][0]
    assert "HCN" in carers["variants"]


def test_markdown_table_membership(table):
    rows = of(table, "membership")
    body = "Dunmere Children and Young People's Partnership"
    assert {m["body"] for m in rows} == {body}
    assert {m["as_of"] for m in rows} == {"2025-01-21"}
    roles = {m["person"]: m["role"] for m in rows}
    assert roles == {"Hester Quayle": "co-chair", "Ravi Menon": "co-chair", "Paulette Ferrier": "member",
                     "Gideon Hale": "member", None: "vacancy", "Siobhan Kerrigan": "member"}
    aff = {m["person"]: m["affiliation"] for m in rows}
    assert aff["Gideon Hale"] == "Dunmere Constabulary"
    assert aff["Hester Quayle"] == "Dunmere City Council"
    assert aff["Siobhan Kerrigan"] == "Dunmere Youth Trust"
    people = {p["name"] for p in of(table, "person")}
    assert not any(n.startswith(("Ch ", "Supt", "Insp")) for n in people)


def test_markdown_attendance_first_name_on_heading_line(table):
    att = _att(table)
    assert {p for p, s in att if s == "present"} == {"Hester Quayle", "Ravi Menon", "Paulette Ferrier",
                                                     "Siobhan Kerrigan"}
    assert att[("Ada Lindqvist", "substitute")]["substitute_for"] == "Gideon Hale"
    assert {p for p, s in att if s == "apologies"} == {"Gideon Hale"}
    changes = {(c["change"], c["person"]) for c in of(table, "change")}
    assert changes == {("joined", "Siobhan Kerrigan")}
    positions = [p for p in of(table, "position") if p["person"] in ("Paulette Ferrier", "Siobhan Kerrigan")]
    assert positions and not any("|" in (p["post"] or "") for p in positions)
    assert not any(p["organisation"] == "Dr Ravi Menon" for p in of(table, "position"))
