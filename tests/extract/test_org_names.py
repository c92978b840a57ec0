"""Organisation names: run-on "Name Organisation" lists, paper titles, venues and offices are no bodies;
joint and lead-word names stay whole (fictional fixture paper and phrases)."""
from pathlib import Path

import pytest

from extract.documents import load_document
from extract.organisations import acronym_definitions, blank_people, find_org_mentions, split_post
from extract.pipeline import extract_document
from extract.resolve import resolve_orgs

PAPERS = Path(__file__).parent.parent / "data" / "papers"


def test_people_cut_out_of_a_run_on_list_leave_each_body():
    text = "Present: Tamsin Okoro Pellworth County Council Leopold Hanratty Brindle Valley Police"
    blanked = blank_people(text, ["Tamsin Okoro", "Leopold Hanratty", "Okoro"])
    assert find_org_mentions(blanked) == ["Pellworth County Council", "Brindle Valley Police"]
    # a place of an NHS body that a list reader took for a person stays in the body's name
    assert blank_people("NHS Iver Dunmore Clinical Commissioning Group", ["Iver Dunmore"]) == \
        "NHS Iver Dunmore Clinical Commissioning Group"


@pytest.mark.parametrize("text, found", [
    ("Minutes of Meeting of the Community Planning Board", ["Community Planning Board"]),
    ("APPROVED the Minutes of the Community Planning Board held on 3 May", ["Community Planning Board"]),
    ("Elmfield Health NHS Foundation Trust Minutes of the Board Meeting in Public", ["Elmfield Health NHS Foundation Trust"]),
    ("Tuesday 4 May 10:15 – 12:30 The Birch Conference Centre, Mill Road", []),
    ("Venue: Riverside Hub, Brindle Valley Fire and Rescue Service, Mill Lane", []),
    ("the Mayor was invested with the Badge and Chain of Office", []),
    ("Kelda Obi Pellworth Association of Voluntary Organisations Chief Insp. Ivo Brand", ["Pellworth Association of Voluntary Organisations"]),
    ("a letter from the Association of Primary Head Teachers;", ["Association of Primary Head Teachers"]),
    ("the NHSE and NHS Improvement regional team", ["NHSE and NHS Improvement"]),
    ("NHS Brindle and Pellworth County Council would fund it", ["NHS Brindle", "Pellworth County Council"]),
    ("funding from the Home Office was agreed", ["Home Office"]),  # "Home" is also a forename
    ("Y Pellworth County Council", ["Pellworth County Council"]),  # a status letter of a flattened table
    ("She spoke at the Local Government Association Conference in June", ["Local Government Association"]),
    ("12. Provisional Local Government Finance Settlement 2025-26", []),
    ("IN ATTENDANCE: Mr J Pike (Democratic Services Manager) and Ms R Lowe", []),
    ("Ivo Brand, Police & Crime Commissioner’s Office (representative Kay Lund)", ["Police & Crime Commissioner’s Office"]),
    ("the Overview and Scrutiny Committees of Pellworth County Council", ["Overview and Scrutiny Committees",
                                                                        "Pellworth County Council"]),
])
def test_mentions(text, found):
    assert find_org_mentions(text) == found


def test_a_two_word_tail_on_the_same_line_is_the_longer_name():
    refs = [("Brindle and Pellworth Community Safety Partnership", 9, "q"), ("Safety Partnership", 9, "q")]
    canon, _ = resolve_orgs(refs)
    assert canon["Safety Partnership"] == "Brindle and Pellworth Community Safety Partnership"
    canon, _ = resolve_orgs([refs[0], ("Safety Partnership", 3, "q")])  # elsewhere: a name of its own
    assert canon["Safety Partnership"] == "Safety Partnership"


def test_a_run_on_present_list_names_each_body_once():
    doc = load_document(PAPERS / "orgs_runon_present.txt")
    names = {f.fields["name"] for f in extract_document(doc).facts if f.type == "organisation"}
    for body in ("Pellworth County Council", "Brindle Valley Fire and Rescue Service", "Brindle Valley Police",
                 "Brindle Valley University Health Board", "Pellworth Association of Voluntary Organisations",
                 "NHS England and NHS Improvement", "NHS Brindle", "Association of Primary Head Teachers"):
        assert body in names
    for junk in ("Badge and Chain of Office", "NHS England", "NHS Improvement"):
        assert junk not in names
    assert not any(n.split()[0] in {"Tamsin", "Gideon", "Rosalind", "Leopold", "Winifred", "Bartholomew"} for n in names)


@pytest.mark.parametrize("post", ["Corporate Director Children, Young People and Education",
                                  "Director of Children's Countywide Services"])
def test_a_directorate_in_a_post_is_no_body(post):
    assert split_post(post)[1] is None


def test_a_status_word_before_a_defined_name_is_dropped():
    assert acronym_definitions("Current Pellworth NHS Joint Scrutiny Committee (JHSC) terms") == \
        [("Pellworth NHS Joint Scrutiny Committee", "JHSC")]
