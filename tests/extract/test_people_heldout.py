"""Held-out people papers in other councils' conventions (county agenda, district minutes, ICB board).

None of these styles occur in the development corpus: a prose membership list with initials and
"Chairman"/"Vice-Chairman", "Co-opted members:" and "Substitute Members:"; "PRESENT:" minutes with
"Councillors A, B and C", "Remote attendance:" and a substitute named in a sentence; an NHS board's
"Board members present:" list, piped "Name | Role | Organisation" tables and changes in prose.
"""
from pathlib import Path

import pytest

from extract import extract_document, load_document

PAPERS = Path(__file__).parent.parent / "data" / "papers"


def of(facts, kind):
    return [f.fields for f in facts if f.type == kind]


def _facts(name):
    return extract_document(load_document(PAPERS / name)).facts


@pytest.fixture(scope="module")
def county():
    return _facts("people_heldout_county_committee.txt")


@pytest.fixture(scope="module")
def district():
    return _facts("people_heldout_district_minutes.txt")


@pytest.fixture(scope="module")
def icb():
    return _facts("people_heldout_icb_board.txt")


# --- county committee agenda: prose membership list ---

def test_county_meeting_is_the_agenda_header(county):
    meetings = {(m["body"], m["date"], m["role"]) for m in of(county, "meeting")}
    # not "in Committee Room 2, ..." and not the date of agenda item "3. Minutes of the meeting held on ..."
    assert meetings == {("Highways and Transport Committee", "2023-02-15", "agenda")}


def test_county_prose_membership(county):
    rows = of(county, "membership")
    body = "Highways and Transport Committee"
    assert {m["body"] for m in rows} == {body}
    assert {m["as_of"] for m in rows} == {"2023-02-15"}
    roles = {m["person"]: m["role"] for m in rows}
    # substitutes are named but are not members of the committee
    assert roles == {"P Hargreaves": "chair", "R Okonkwo": "vice-chair", "T Brindley": "member",
                     "M Castellan": "member", "J Whitlow": "member", "D Pellowe": "member"}
    by = {m["person"]: m for m in rows}
    assert by["R Okonkwo"]["affiliation"] is None  # "Vice-Chairman" is no organisation
    assert by["D Pellowe"]["post"] == "Co-opted Member"
    assert by["D Pellowe"]["affiliation"] == "Westmarch Association of Parish Councils"


def test_county_people_and_orgs(county):
    people = {p["name"]: p for p in of(county, "person")}
    # the plural "Councillors" is a title, and it covers every name of the list
    assert people["P Hargreaves"]["titles"] == ["Councillor"]
    assert people["M Castellan"]["titles"] == ["Councillor"]
    assert not any(n.startswith("Councillors") for n in people)
    assert not any(" and " in n for n in people)
    orgs = {o["name"] for o in of(county, "organisation")}
    assert "Westmarch County Council" in orgs
    assert not any(o in orgs for o in ("M Castellan", "Vice-Chairman", "and J Whitlow"))


# --- district minutes: PRESENT:, remote attendance, substitutes in prose ---

def test_district_attendance(district):
    att = {(a["person"], a["status"]): a for a in of(district, "attendance")}
    assert {a["date"] for a in att.values()} == {"2023-06-06"}
    assert {p for p, s in att if s == "present"} == {"Gwendolyn Harte", "Alun Prosser", "Mira Chaudhry",
                                                     "Tobias Wren", "Declan Mulvey"}
    assert att[("Gwendolyn Harte", "present")].get("chairing") is True
    assert att[("Declan Mulvey", "present")]["mode"] == "virtual"
    assert att[("Alun Prosser", "present")]["mode"] == "in_person"
    # "Councillor Felicity Oduya attended as a substitute for Councillor Bernard Quill."
    assert att[("Felicity Oduya", "substitute")]["substitute_for"] == "Bernard Quill"
    assert ("Felicity Oduya", "present") not in att
    assert {p for p, s in att if s == "apologies"} == {"Bernard Quill", "Yvonne Sefton"}
    assert {p for p, s in att if s == "officer_in_attendance"} == {"Owen Stirling", "Priya Natarajan"}
    assert {p for p, s in att if s == "also_in_attendance"} == {"Harriet Lowe"}
    assert not of(district, "membership")


def test_district_people_and_change(district):
    names = {p["name"] for p in of(district, "person")}
    assert not any(n.startswith("Councillors") for n in names)
    assert {"Alun Prosser", "Bernard Quill", "Declan Mulvey"} <= names
    changes = {(c["change"], c["person"], c["date"]) for c in of(district, "change")}
    # the effective date wraps onto the next line
    assert changes == {("left", "Yvonne Sefton", "2023-05-31")}
    orgs = {o["name"] for o in of(district, "organisation")}
    assert "Fenbridge District Council" in orgs


# --- ICB board minutes ---

def test_icb_meeting_body_from_letterhead(icb):
    meetings = {(m["body"], m["date"], m["role"]) for m in of(icb, "meeting")}
    assert meetings == {("NHS Harrowdale Integrated Care Board", "2023-02-23", "minutes")}


def test_icb_attendance(icb):
    att = {(a["person"], a["status"]): a for a in of(icb, "attendance")}
    assert {a["date"] for a in att.values()} == {"2023-02-23"}
    assert {p for p, s in att if s == "present"} == {"Eleanor Whitcombe", "Marcus Ainsley", "Rhian Davies",
                                                     "Samuel Okafor", "Hannah Lister"}
    # piped "Name | Role | Organisation" tables under "In attendance:" / "Apologies:"
    assert {p for p, s in att if s == "also_in_attendance"} == {"Colin Maddox", "Aisha Karim"}
    assert {p for p, s in att if s == "apologies"} == {"Gareth Pryce", "Louise Brennan"}
    # "Board members present:" is attendance, not a membership list
    assert not of(icb, "membership")


def test_icb_positions(icb):
    posts = {p["person"]: p for p in of(icb, "position")}
    assert posts["Rhian Davies"]["post"] == "Non-Executive Director"
    assert posts["Colin Maddox"]["organisation"] == "Harrowdale County Council"
    assert posts["Colin Maddox"]["post"].startswith("Director of Public Health")
    karim = [p for p in of(icb, "position") if p["person"] == "Aisha Karim"]
    # the printed post with its body, and the rank printed as a title is a post of its own
    assert {(p["post"].split(",")[0], p["organisation"]) for p in karim} == {
        ("Head of Partnerships", "Harrowdale Police"), ("Superintendent", None)}
    assert posts["Louise Brennan"]["organisation"] == "NHS Harrowdale Integrated Care Board"
    assert not any("|" in (p["post"] or "") for p in posts.values())
    people = {p["name"]: p for p in of(icb, "person")}
    assert people["Aisha Karim"]["titles"] == ["Superintendent"]
    assert people["Samuel Okafor"]["titles"] == ["Prof"]


def test_icb_changes(icb):
    changes = {(c["change"], c["person"]) for c in of(icb, "change")}
    assert changes == {("joined", "Marcus Ainsley"), ("left", "Eleanor Whitcombe")}
    assert {c["body"] for c in of(icb, "change")} == {"NHS Harrowdale Integrated Care Board"}


# --- unitary council minutes: "Members present:", "Attending remotely:", "Substitutes: A for B" ---

@pytest.fixture(scope="module")
def unitary():
    return _facts("people_heldout_unitary_minutes.txt")


def test_unitary_attendance(unitary):
    att = {(a["person"], a["status"]): a for a in of(unitary, "attendance")}
    assert {a["date"] for a in att.values()} == {"2023-03-13"}
    assert {p for p, s in att if s == "present"} == {"Anna Bevan", "Ruth Ellery", "Simon Tate"}
    # a remote-attendance list names the exceptions: the meeting itself is in person
    assert {p for (p, s), a in att.items() if a["mode"] == "virtual"} == {"Simon Tate"}
    assert att[("Maria Lopes", "substitute")]["substitute_for"] == "Peter Gaunt"
    assert att[("Josef Novak", "substitute")]["substitute_for"] == "Helen Frame"
    assert {p for p, s in att if s == "apologies"} == {"Peter Gaunt", "Helen Frame"}
    # "Ms A, Head of X; Mr B, Committee Clerk"
    assert {p for p, s in att if s == "officer_in_attendance"} == {"Karen Doyle", "Ian Patel"}
    # present members are attendance only; the chair marked in the list and the vice-chair election give
    # the memberships
    assert sorted((m["person"], m["role"]) for m in of(unitary, "membership")) == [("Anna Bevan", "chair"),
                                                                                 ("Ruth Ellery", "vice-chair")]


def test_unitary_people_posts_changes(unitary):
    people = {p["name"]: p for p in of(unitary, "person")}
    assert people["Anna Bevan"]["titles"] == ["Cllr"]
    assert not any(n.startswith(("Cllrs", "Councillors")) for n in people)
    posts = {(p["person"], p["post"]) for p in of(unitary, "position")}
    assert ("Ian Patel", "Committee Clerk") in posts
    assert not any(post and "chair" in post.lower() for _, post in posts)  # "(Chairwoman)" is a role marker
    changes = {(c["change"], c["person"]) for c in of(unitary, "change")}
    # a vice-chair election is a role change (the chair election is appointed_chair)
    assert changes == {("role_changed", "Ruth Ellery")}
