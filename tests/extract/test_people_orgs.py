"""Organisation names from structural positions, without cutting them; rank titles; OCR slips."""
import pytest

from extract.names import parse_person, split_name_post
from extract.organisations import (acronym_definitions, acronym_mentions, find_org_mentions, representative_orgs,
                                   slot_orgs, split_post)


@pytest.mark.parametrize("post, org", [
    ("Borough Commander, London Fire Brigade", "London Fire Brigade"),
    ("Chair, Anytown Youth Panel", "Anytown Youth Panel"),            # not "Youth Panel"
    ("Service Manager, Youth Justice Service", "Youth Justice Service"),  # not "Justice Service"
    ("Head of Anytown Delivery Unit, Probation Service", "Probation Service"),
    ("(Independent Chair, Anytown Safeguarding Adults Board)", "Anytown Safeguarding Adults Board"),
    ("Director of Public Health Anytown Council", "Anytown Council"),   # run-together cell
    ("CEO, Age Concern Anytown", "Age Concern Anytown"),               # affiliation slot, no head word
    ("Chair, Healthwatch Anytown", "Healthwatch Anytown"),
    ("Director of Public Health", None),                               # a field, not a body
    ("Cabinet Member, Children's Services", None),
    ("Cabinet Member for Finance, Housing Needs and Supply", None),    # a portfolio
    ("Borough Commander", None),
])
def test_split_post_keeps_whole_names(post, org):
    assert split_post(post)[1] == org


def test_acronyms_in_organisation_slots():
    assert acronym_mentions("a pilot funded by MOPAC; led by NCBI; referral to CAMHS; such as ELBA and") == \
        ["MOPAC", "NCBI", "CAMHS", "ELBA"]
    assert acronym_mentions("in 2021 the VAWG and A&E figures") == []
    defs = dict((a, f) for f, a in acronym_definitions(
        "the Greater London Authority (GLA) and the Community Alliance to Combat Hate (CATCH)"))
    assert defs == {"GLA": "Greater London Authority", "CATCH": "Community Alliance to Combat Hate"}


def test_representative_and_slot_names():
    assert representative_orgs("NHS England Representative; a CAMHS representative; Business Representative") == \
        ["NHS England", "CAMHS"]
    assert slot_orgs("First Aid training is delivered through Mind. We work with Red Thread, and") == \
        ["Mind", "Red Thread"]
    assert slot_orgs("agreed by the Board. Funded by the City.") == []
    assert slot_orgs("using NICE guidance (NICE, 2017)") == ["NICE"]


@pytest.mark.parametrize("text, orgs", [
    ("the Anytown Independent Forum for Parents/Carers of Children with Disabilities said",
     ["Anytown Independent Forum for Parents/Carers of Children with Disabilities"]),
    ("a bid to the Department for Education for funding", ["Department for Education"]),
    ("the Ministry of Housing, Communities and Local Government said",
     ["Ministry of Housing, Communities and Local Government"]),
    ("data from Public Health England show", ["Public Health England"]),
    ("the Integrated Care Partnership Board met", ["Integrated Care Partnership Board"]),
    ("the Safer Schools Police team will", ["Safer Schools Police team"]),
    ("the Social Care Team", []),
    ("Anytown Health and Wellbeing Board in March", ["Anytown Health and Wellbeing Board"]),
])
def test_org_mentions(text, orgs):
    assert find_org_mentions(text) == orgs


@pytest.mark.parametrize("text, name, titles", [
    ("Ch Supt Alan Redman", "Alan Redman", ["Ch Supt"]),
    ("Det Insp Jane Doe", "Jane Doe", ["Det Insp"]),
    ("Insp Dana White", "Dana White", ["Insp"]),
    ("Chief Inspector Sam Lowe", "Sam Lowe", ["Chief Inspector"]),
    ("Di Evans", "Di Evans", []),  # a forename, not a rank
])
def test_rank_titles(text, name, titles):
    person = parse_person(text)
    assert person.name == name and person.titles == titles


def test_rank_title_before_name_and_post():
    person, post = split_name_post("Ch Supt Alan Redman Borough Commander, Metropolitan Police")
    assert person.name == "Alan Redman" and post == "Borough Commander, Metropolitan Police"
    person, post = split_name_post("Dr Kim Asante Place Director, North Anytown Integrated Care Board")
    assert person.name == "Kim Asante" and post.startswith("Place Director")


def test_ocr_slip_resolves_to_one_person():
    from extract.resolve import resolve_people
    refs = [{"name": "Gillian Hawthome", "weight": 3, "line": 5, "titles": [], "org": "Anytown Trust"},
            {"name": "Gillian Hawthorne", "weight": 1, "line": 9, "titles": []},
            {"name": "Gillian Hawkins", "weight": 1, "line": 12, "titles": []}]
    clusters, index, _ = resolve_people(refs, {"same": [], "different": []})
    assert index["Gillian Hawthome"] is index["Gillian Hawthorne"]
    assert index["Gillian Hawthorne"].canonical == "Gillian Hawthorne"
    assert index["Gillian Hawkins"] is not index["Gillian Hawthorne"]
