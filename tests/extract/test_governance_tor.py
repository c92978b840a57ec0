"""Terms of reference, structure pages and governance minutes of partnerships (fixtures in tests/data/papers,
all fictional): lists named by their lead-in, oversight phrasings, and the proposals kept apart from facts."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
from extract import load_document, pipeline
from extract.governance.principles import list_prefix

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"


def run(name):
    return pipeline.extract_document(load_document(PAPERS / name)).facts


def of(facts, kind):
    return [f for f in facts if f.type == kind]


@pytest.fixture(scope="module")
def values():
    return run("gov_tor_values_lists.txt")


def test_lists_named_by_their_lead_in_get_ids_from_the_name(values):
    ids = {f.fields["id"]: f.fields for f in of(values, "principle")}
    assert {k for k in ids if k.startswith("CV")} == {"CV1", "CV2", "CV3"}
    assert ids["CV2"]["text"].startswith("Respect")
    assert {k for k in ids if k.startswith("PG")} == {"PG1", "PG2", "PG3"}
    assert ids["PG1"]["kind"] == "strategic" and ids["CV1"]["kind"] == "enabling"
    assert {k for k in ids if k.startswith("WF")} == {"WF1", "WF2", "WF3"}


def test_a_list_of_areas_after_an_approach_is_not_a_list_of_principles(values):
    texts = {f.fields["text"] for f in of(values, "principle")}
    assert "Early help" not in texts and "Enforcement" not in texts


def test_membership_items_after_a_lettered_lead_in_are_not_principles(values):
    assert len([f for f in of(values, "principle") if f.fields["id"][:2] in ("CV", "PG", "WF")]) == 9


@pytest.mark.parametrize("words, head, prefix", [
    (["shared"], "values", "SV"), (["operating"], "principles", "OP"), (["national", "well-being"], "goals", "WG"),
    (["sustainable", "development"], "principle", "SD"), (["public", "health"], "approach", "PH"),
    (["nationally", "agreed", "operating"], "principles", "OP"),
])
def test_list_prefix(words, head, prefix):
    assert list_prefix(words, head) == prefix


def test_points_after_a_sentence_that_mentions_principles_are_not_principles(values):
    texts = " ".join(f.fields["text"] for f in of(values, "principle"))
    assert "Toddlers" not in texts and "Benches" not in texts


@pytest.fixture(scope="module")
def structure():
    return run("gov_tor_structure.txt")


def rels(facts):
    return {(f.fields["subject"], f.fields["relation"], f.fields["object"]) for f in of(facts, "oversight")}


@pytest.mark.parametrize("triple", [
    # "Within the X structure the Y is a Thematic Group, and it reports directly to the X"
    ("Brindlecombe Safer Streets Partnership", "part_of", "Brindlecombe Community Planning Partnership"),
    ("Brindlecombe Safer Streets Partnership", "reports_to", "Brindlecombe Community Planning Partnership"),
    # "They provide regular update reports to A and B": the pronoun's body, to each
    ("Night Economy Implementation Group", "reports_to", "Brindlecombe Licensing Committee"),
    ("Night Economy Implementation Group", "reports_to", "Brindlecombe Youth Forum"),
    # "a recognised sub-group with dual reporting arrangements of A and B"
    ("Hate Crime Task Group", "part_of", "Brindlecombe Safer Streets Partnership"),
    ("Hate Crime Task Group", "reports_to", "Brindlecombe Cohesion Board"),
    ("Hate Crime Task Group", "part_of", "Brindlecombe Cohesion Board"),
    # a lazy name is not cut at its first head word; the post without its owner's possessive
    ("Safer Streets Partnership Board", "oversees", "Brindlecombe Safer Streets Partnership"),
    ("Safer Streets Partnership Board", "chaired_by", "Director of Neighbourhoods"),
    ("Residents Panel", "chaired_by", "cabinet member for housing, safety and parks"),
    # quoted posts, jointly
    ("Violence Reduction Steering Group", "chaired_by", "Head of Partnerships and Prevention"),
    ("Violence Reduction Steering Group", "chaired_by", "Station Manager Community Safety"),
    # a body in the chair
    ("Youth Justice Executive Board", "chaired_by", "Brindlecombe Health Trust"),
    # "reminding Council that X is a ... committee of the Council"
    ("Licensing Committee", "part_of", "Corsham Vale Borough Council"),  # "the Council": the council named most
    # transfer of oversight: the new and the former overseer
    ("Brindlecombe Safer Streets Partnership", "oversees", "Night Safety"),
    ("Brindlecombe Cohesion Board", "oversees", "Night Safety"),
    ("Safer Streets Partnership Board", "oversees", "district forums"),
    # a joint committee of several councils: part of each
    ("Residents Panel", "part_of", "Aldenby District Council"),
    ("Residents Panel", "part_of", "Corsham Vale Borough Council"),
])
def test_structure_phrasings(structure, triple):
    assert triple in rels(structure)


def test_proposals_questions_negations_and_report_nouns_are_not_relations(structure):
    found = rels(structure)
    assert not any(s == "Street Pastors Network" for s, _, _ in found)
    assert not any(s in ("Youth Forum", "Brindlecombe Youth Forum") and r == "reports_to" for s, r, _ in found)
    assert not any(s == "Taxi Marshals Group" for s, _, _ in found)
    assert not any(s == o for s, _, o in found)


@pytest.fixture(scope="module")
def duties():
    return run("gov_tor_duties.txt")


def test_accountable_to_label_names_bodies_and_posts(duties):
    found = rels(duties)
    subjects = {s for s, r, _ in found if r == "accountable_to"}
    assert len(subjects) == 1 and next(iter(subjects)).lower().startswith("ormsby vale health")
    objects = {o for _, r, o in found if r == "accountable_to"}
    assert objects == {"Ormsby Vale Borough Council Cabinet", "City Mayor"}


def test_a_cover_sheet_report_to_field_is_no_relation(duties):
    assert not any("Brindlecombe" in o for _, _, o in rels(duties))


def test_duty_lists_read_as_sentences_of_their_body(duties):
    found = rels(duties)
    body = "Ormsby Vale Recovery Partnership"
    assert (body, "leads", "recovery and housing strategy") in found
    assert (body, "delivers", "recovery and housing strategy") in found
    assert (body, "leads", "Housing Plan") in found and (body, "reports_to", "Ormsby Vale Community Board") in found
    duty = {(r, o) for s, r, o in found if s.endswith("Recovery Partnership")}
    assert ("leads", "strategic plan") in duty and ("leads", "annual report") in duty
    names = {f.fields["name"] for f in of(duties, "plan")}
    assert {"Housing Plan", "Performance Framework", "strategic plan", "annual report"} <= names
    assert "appropriate programmes" not in names


@pytest.mark.parametrize("text, want, not_want", [
    ("The Marlow, Dunby and Fenn Police and Crime Panel will scrutinise the Deputy Police and Crime Commissioner.",
     "Marlow, Dunby and Fenn Police and Crime Panel".split(", ")[-1], ["Deputy Police", "Crime Panel"]),
    ("The Panel will be a joint Committee of Dunby District Council and Fenn Borough Council.",
     "Dunby District Council", ["Committee of Dunby District Council"]),
    ("Venue: Harbour Conference Centre. Strategic Vision of the Fenn Partnership.", "Fenn Partnership",
     ["Harbour Conference Centre", "Strategic Vision of the Fenn Partnership"]),
    ("The Thematic Group met the Implementation Group in MS Teams.", None,
     ["Thematic Group", "Implementation Group", "MS Teams"]),
])
def test_organisation_mentions_are_names_not_fragments(text, want, not_want):
    from extract.organisations import find_org_mentions
    found = find_org_mentions(text)
    if want:
        assert any(f.endswith(want) for f in found)
    assert not set(not_want) & set(found)


def test_clean_org_drops_a_leading_of_and_a_glued_date():
    from extract.organisations import clean_org
    assert clean_org("of the Fenn Audit Committee") == "Fenn Audit Committee"
    assert clean_org("Fenn Safeguarding Board Tuesday 4 March 2025") == "Fenn Safeguarding Board"


def test_topics_posts_and_unnamed_authorities_are_not_organisations(structure, duties):
    names = {f.fields["name"] for f in of(structure, "organisation") + of(duties, "organisation")}
    assert "Night Safety" not in names and "City Mayor" not in names


def test_national_and_nhs_bodies_named_without_a_head_word():
    from extract.organisations import find_org_mentions
    found = find_org_mentions("The plan was launched by the Welsh Government and NHS Fenmoor, with Fenn CBC, Dunby CC "
                              "and the Office for Rural Housing Standards. Local Government is a sector. "
                              "An NHS Member attended via MS Teams.")
    assert {"Welsh Government", "NHS Fenmoor", "Fenn CBC", "Dunby CC", "Office for Rural Housing Standards"} <= set(found)
    assert not {"Local Government", "NHS Member", "MS Teams"} & set(found)


def test_a_list_whose_bullets_were_lost_is_read_item_by_item():
    from extract.organisations import find_org_mentions
    found = find_org_mentions("including:  Schools  Emergency Services  Fenn Youth Service  Residents")
    assert "Fenn Youth Service" in found and "Schools Emergency Services" not in found


@pytest.fixture(scope="module")
def chairs():
    return run("gov_minutes_chairs.txt")


def test_chairs_named_by_their_posts_in_running_text(chairs):
    found = rels(chairs)
    assert ("Fenmoor Housing Executive Group", "chaired_by", "Nia Brewer") in found
    assert ("Fenmoor Learning, Skills and Work Delivery Group", "chaired_by", "T Oakes") in found
    assert ("Fenmoor Enterprise Board", "chaired_by", "Colm Reilly") in found


def test_a_chair_post_in_a_table_cell_is_a_position_not_a_chair(chairs):
    assert not any(o == "Ada Quint" for _, r, o in rels(chairs) if r == "chaired_by")


@pytest.fixture(scope="module")
def decisions():
    return run("gov_decisions_plans.txt")


def test_plans_met_as_objects_and_referred_to_again(decisions):
    found = rels(decisions)
    assert ("Fenmoor Recovery Partnership", "delivers", "regional recovery strategy") in found  # "how the partnership will"
    assert ("Fenmoor Housing Delivery Partnership", "oversees", "local housing strategy") in found
    assert ("Fenmoor Housing Delivery Partnership", "reports_to", "Fenmoor Recovery Partnership") in found
    assert ("Fenmoor Youth Group", "leads", "neighbourhood youth action plans") in found
    assert ("Fenmoor Youth Group", "oversees", "neighbourhood youth action plans") in found  # "monitor the plan"
    assert any(r == "leads" and o == "Allotments Strategy" for _, r, o in found)
    names = {f.fields["name"] for f in of(decisions, "plan")}
    assert {"local housing strategy", "neighbourhood youth action plans"} <= names


def test_alignment_sub_groups_guidance_and_unnamed_authorities(decisions):
    found = rels(decisions)
    assert ("FAP", "aligns_with", "Fenmoor Recovery Strategy") in found
    assert ("FAP", "part_of", "Fenmoor Recovery Partnership") in found  # a sub-group reporting to its parent
    assert any(s == "Young People's Plan" and r == "aligns_with" and o.startswith("Statutory Guidance on shared")
               for s, r, o in found)
    plans = {f.fields["name"]: f.fields for f in of(decisions, "plan")}
    assert plans["Statutory Guidance on shared commissioning 2019"]["kind"] == "policy"
    assert any(s == "local authority" and r == "leads" for s, r, _ in found)
    assert "local authority" not in {f.fields["name"] for f in of(decisions, "organisation")}


def test_plan_names_keep_a_period_the_paper_always_gives_and_whole_titles():
    names = {f.fields["name"] for f in of(run("gov_plan_names.txt"), "plan")}
    assert "Fenmoor Community Strategy 2021-26" in names  # never named without its period
    assert "Youth Plan" in names  # also named without its period
    assert "Police and Crime Plan" in names and "Crime Plan" not in names
    assert "Children’s Plan" in names and "Council’s Plan" not in names
    assert "Common Ground Common Goals" in names
    assert any(n.endswith("Safer by Design for All") for n in names)


def test_agreements_and_needs_assessments_are_plans():
    plans = {f.fields["name"]: f.fields for f in of(run("gov_plan_names.txt"), "plan")}
    assert "SOA" in plans["Fenmoor Single Outcome Agreement"]["variants"]
    assert plans["Joint Strategic Needs Assessment"]["kind"] == "report"


def test_a_plural_body_spelt_out_as_a_list_of_areas_gives_one_relation_per_area():
    found = rels(run("gov_structure_spokes.txt"))
    objects = {o for _, r, o in found if r == "oversees"}
    assert {"Kelby and North East Harbour Road Safety Hub", "Portlow Road Safety Hub", "North Harbour Road Safety Hub",
            "Harbour Road Safety Hub"} <= objects
    assert "Road Safety Hubs" not in objects


def test_a_compass_word_makes_a_different_place():
    from extract.resolve.organisations import resolve_orgs
    canon, _ = resolve_orgs([("North Harbour Road Safety Hub", 1, ""), ("Harbour Road Safety Hub", 2, ""),
                             ("Anytown Safeguarding Adults Board", 3, ""), ("Safeguarding Adults Board", 4, "")])
    assert canon["Harbour Road Safety Hub"] == "Harbour Road Safety Hub"
    assert canon["Safeguarding Adults Board"] == "Anytown Safeguarding Adults Board"


def test_initials_beside_a_name_are_not_a_body():
    from extract.resolve.extractor import _initials_of
    assert _initials_of("DJS", "D Sloan") and _initials_of("KF", "Kay Fowler")
    assert not _initials_of("NHS", "Dana Sloan") and not _initials_of("OPCC", None)


def test_titles_and_banners_are_not_bodies():
    from extract.organisations import find_org_mentions
    assert find_org_mentions("Fenn Safety Partnership Update") == []
    assert "Fire and Rescue Service" not in find_org_mentions("with the Fire and Rescue Service and Fenn Fire and Rescue Service")
    assert find_org_mentions("Advertisement Summary of the Fenn Partnership Board Meeting") == ["Fenn Partnership Board"]


def test_a_sentence_after_a_closing_quote_is_its_own_sentence_and_the_council_is_the_papers():
    from extract.governance.oversight.names import SENTENCE_BREAK
    assert SENTENCE_BREAK.split("we will listen.' To address this, the Council acts.") == [
        "we will listen.'", "To address this, the Council acts."]
    from extract.governance.oversight.tor import Topic
    assert Topic(main="Fenn Partnership").resolve("the Council") == "Council"


def test_a_list_led_by_bold_phrases_is_a_named_list():
    ids = {f.fields["id"]: f.fields for f in of(run("gov_tor_values_lists.txt"), "principle")}
    assert {"SB1", "SB2", "SB3"} <= set(ids)
    assert ids["SB2"]["text"].startswith("Challenge")


def test_no_junk_plans_and_one_plan_per_period():
    plans = {f.fields["name"]: f.fields for f in of(run("gov_plan_junk.txt"), "plan")}
    # named once with its period in the item title and once without: one plan
    assert [n for n in plans if "Community Wellbeing" in n] == ["Community Wellbeing Strategy"]
    assert "Integration Scheme" in plans  # not "Under the Integration Scheme"
    # the period after the second of two joined names is the second's only
    assert "Strategic Plan 2016-2018" in plans and "Performance Framework" in plans
    for junk in ("Chief Executive's report", "Chief Officer's report", "Council policy",
                 "Brindle Safer Streets Partnership plans", "Under the Integration Scheme"):
        assert junk not in plans
