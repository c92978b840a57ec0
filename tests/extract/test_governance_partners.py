"""Which bodies make up a partnership and who sits on a board, as sentences and lists state it
(fixtures in tests/data/papers, all fictional)."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
import extract.people  # noqa: F401
from extract import pipeline
from extract.documents import load_document

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"


def run(name):
    return pipeline.extract_document(load_document(PAPERS / name)).facts


def pairs(facts, relation):
    return {(f.fields["subject"], f.fields["object"]) for f in facts
            if f.type == "oversight" and f.fields["relation"] == relation}


@pytest.fixture(scope="module")
def minutes():
    return run("gov_partners_minutes.txt")


def test_statutory_partners_make_up_the_latest_partnership_named(minutes):
    parts = {s for s, o in pairs(minutes, "part_of") if o == "Thornbury Vale Safeguarding Children Partnership"}
    assert {"Thornbury Vale Borough Council", "Wessland Police", "Thornbury Vale Integrated Care Board"} <= parts


def test_statutory_partners_of_a_named_partnership(minutes):
    parts = {s for s, o in pairs(minutes, "part_of") if o == "Thornbury Vale Drug and Alcohol Partnership"}
    assert parts == {"Wessland Fire and Rescue Service", "Thornbury Vale Borough Council"}


def test_proposed_partners_are_not_facts(minutes):
    assert not {s for s, o in pairs(minutes, "part_of") if o == "Youth Justice Partnership"}


def test_a_plural_body_in_an_includes_list_stands_for_each_such_body(minutes):
    parts = {s for s, o in pairs(minutes, "part_of") if o == "Partnership Leads Forum"}
    assert {"Community Safety Partnership", "Thornbury Vale Adults Safeguarding Board",
            "Thornbury Vale Children's Safeguarding Board"} <= parts
    assert "Safeguarding Boards" not in parts


def test_a_chair_note_that_names_another_body_is_that_bodys_chair():
    facts = run("people_attendance_chairs_minutes.txt")
    chairs = {(f.fields["person"], f.fields["body"], f.fields["role"]) for f in facts
              if f.type == "membership" and f.fields["role"] in ("chair", "co-chair")}
    assert ("Rufus Kettering", "Lowmoor Care Leavers Housing Subgroup", "co-chair") in chairs
    assert not any(p == "Rufus Kettering" and b != "Lowmoor Care Leavers Housing Subgroup" for p, b, _ in chairs)
    assert ("Lowmoor Care Leavers Housing Subgroup", "Rufus Kettering") in pairs(facts, "chaired_by")
    assert ("Lowmoor Looked After Children Panel", "Rufus Kettering") not in pairs(facts, "chaired_by")


@pytest.fixture(scope="module")
def tor():
    return [f.fields for f in run("gov_tor_membership.txt") if f.type == "membership" and not f.fields["person"]]


def rows(tor, body):
    return {(m["role"], m["post"], m["affiliation"]) for m in tor if m["body"] == body}


def test_a_lead_in_list_gives_memberships_by_post_and_organisation(tor):
    board = rows(tor, "Elmbridge Health and Wellbeing Board")
    assert ("chair", "Cabinet Member for Adult Care", None) in board
    assert ("member", "Director of Public Health", None) in board
    assert ("member", "representative", "Elmbridge Community Health Trust") in board
    assert ("member", "Two members", "Elmbridge Voluntary Action Network") in board


def test_a_vacant_place_is_a_vacancy_row(tor):
    assert ("vacancy", "Healthwatch representative", None) in rows(tor, "Elmbridge Health and Wellbeing Board")


def test_a_roster_heading_sets_the_role_of_the_organisations_below(tor):
    board = rows(tor, "Elmbridge Health and Wellbeing Board")
    assert ("member", "representative", "Elmbridge Fire and Rescue Service") in board
    assert ("member", "representative", "Association of Local Pharmacies") in board
    assert any(r == "additional attendee" and "Chief Constable" in (p or "") for r, p, _ in board)


def test_a_sentence_that_lists_the_members(tor):
    panel = rows(tor, "Elmbridge Housing Panel")
    assert ("member", "Head of Housing", None) in panel
    assert ("member", "representative", "Elmbridge Tenants Federation") in panel
    assert any("Chief Executive" in (p or "") for _, p, _ in panel)


def test_proposals_questions_and_values_are_not_memberships(tor):
    text = " ".join(str(v) for m in tor for v in m.values())
    assert "Schools Forum" not in text and "Business Forum" not in text
    assert "open and honest" not in text


def test_statutory_partners_of_a_named_partnership_are_its_members(minutes):
    members = {(f.fields["body"], f.fields["affiliation"]) for f in minutes
               if f.type == "membership" and not f.fields["person"]}
    assert ("Thornbury Vale Drug and Alcohol Partnership", "Wessland Fire and Rescue Service") in members
    assert not any(b == "Youth Justice Partnership" for b, _ in members)


def test_a_board_named_after_an_organisation_the_paper_names_is_its_board():
    facts = run("gov_organ_minutes.txt")
    assert ("Ashgrove Community Health NHS Trust Board", "Ashgrove Community Health NHS Trust") in pairs(facts, "part_of")
    # the partnership is never named on its own, and a health and wellbeing board is nobody's organ
    assert not any(s.startswith(("Brindle Vale", "Larchmont")) for s, _ in pairs(facts, "part_of"))


def test_a_committee_headed_with_its_organisation_and_a_dash_is_its_committee():
    facts = run("gov_organ_heading.txt")
    assert ("Pellow and Treen Community Planning Partnership - Management Committee",
            "Pellow and Treen Community Planning Partnership") in pairs(facts, "part_of")


def test_a_chair_post_in_terms_of_reference_chairs_the_body():
    facts = run("gov_tor_membership.txt")
    assert ("Elmbridge Health and Wellbeing Board", "Cabinet Member for Adult Care") in pairs(facts, "chaired_by")
    assert not any(o == "Director of Public Health" for _, o in pairs(facts, "chaired_by"))


def test_a_post_naming_the_body_its_holder_chairs(minutes):
    assert ("PRG Committee", "Nora Quill") in pairs(minutes, "chaired_by")
    assert not any(o == "David Vane" for _, o in pairs(minutes, "chaired_by"))  # a vice chair chairs nothing


def test_a_post_naming_the_body_gives_the_membership_in_that_role(minutes):
    places = {(f.fields["person"], f.fields["body"], f.fields["role"]) for f in minutes if f.type == "membership"}
    assert ("Nora Quill", "PRG Committee", "chair") in places
    assert any(p == "David Vane" and r == "vice-chair" for p, _, r in places)


def test_a_chair_title_before_a_titled_name_in_a_resolution(minutes):
    places = {(f.fields["person"], f.fields["role"]) for f in minutes
              if f.type == "membership" and f.fields["body"] == "Thornbury Vale Health and Wellbeing Board"}
    assert ("W. Ormerod", "chair") in places and ("H. Pell", "vice-chair") in places
    assert ("Thornbury Vale Health and Wellbeing Board", "W. Ormerod") in pairs(minutes, "chaired_by")
    assert not any("Farrant" in (p or "") for p, _ in places)  # a question, not a statement


def test_a_run_on_list_title_belongs_to_the_name_before_it(minutes):
    assert not any(f.type == "membership" and f.fields.get("person") == "Bryony Sallis" and f.fields["role"] == "chair"
                   for f in minutes)


def test_membership_counts_per_organisation(tor):
    places = {(m["post"], m["affiliation"]) for m in tor}
    assert ("members (6)", "Elmbridge Borough Council") in places
    assert ("representatives (4)", "Farrow County Council") in places


def test_vacancies_stated_in_prose(minutes):
    vacant = {f.fields["post"] for f in minutes if f.type == "membership" and f.fields["role"] == "vacancy"}
    assert {"Vice-Chair", "voluntary sector representative", "Youth Forum representative"} <= vacant
    assert not any("Treasurer" in p for p in vacant)
