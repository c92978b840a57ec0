"""A report cover: plan variants merged, role references resolved, recommendations,
priorities, plain-list and labelled principles, a markdown action table."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
from extract import load_document, pipeline

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"
NAMES = ["govgraph.plans.v1", "govgraph.principles.v1", "govgraph.actions.v1", "govgraph.prose_alignment.v1",
         "govgraph.oversight.v1", "govgraph.priorities.v1"]


@pytest.fixture(scope="module")
def facts():
    doc = load_document(PAPERS / "gov_report_cover.txt")
    return pipeline.extract_document(doc, only=NAMES).facts


def test_one_plan_for_name_acronym_and_short_form(facts):
    plans = [f.fields for f in facts if f.type == "plan"]
    vrs = [p for p in plans if "VRS" in p["variants"]]
    assert len(vrs) == 1
    assert vrs[0]["name"] == "Anytown Violence Reduction Strategy" and vrs[0]["period"] == "2019-2022"
    assert "Violence Reduction Strategy" in vrs[0]["variants"]
    assert not any(p["name"].startswith("Refreshing") for p in plans)


def test_relations_including_role_reference(facts):
    rels = {(f.fields["subject"], f.fields["relation"], f.fields["object"]) for f in facts if f.type == "oversight"}
    assert ("Safer Anytown Partnership", "leads", "Anytown Violence Reduction Strategy") in rels
    assert ("VRS Executive", "chaired_by", "Sam Patel") in rels  # "chaired by the Independent Commissioner"
    assert ("Youth Panel", "accountable_to", "Anytown Safeguarding Children Partnership") in rels
    assert ("Anytown Youth Trust", "delivers", "Street Mentors Programme") in rels
    for f in facts:
        if f.type == "oversight":
            assert 0 < f.confidence <= 1 and f.quote


def test_recommendations_and_priorities(facts):
    recs = [(f.fields["id"], f.fields["body"]) for f in facts if f.type == "recommendation"]
    assert recs == [("a", "Anytown Health and Wellbeing Board"), ("b", "Anytown Health and Wellbeing Board")]
    pris = [f.fields for f in facts if f.type == "priority"]
    assert [p["text"] for p in pris] == ["Early intervention and prevention", "Supporting victims and families",
                                         "Safer public spaces"]
    assert {p["body"] for p in pris} == {"Anytown Violence Reduction Strategy"}


def test_listed_and_labelled_principles(facts):
    ids = {f.fields["id"]: f.fields for f in facts if f.type == "principle"}
    assert ids["GP1"]["text"] == "We will listen to young people first." and ids["GP1"]["kind"] == "guiding"
    assert "GP2" in ids and ids["DP1"]["text"].startswith("We will publish")


def test_markdown_action_table(facts):
    actions = {f.fields["id"]: f.fields for f in facts if f.type == "action"}
    assert actions["6.1"]["leads"] == ["Anytown Youth Trust"]
    pairs = {(f.fields["item"], f.fields["principle"]) for f in facts if f.type == "alignment"}
    assert ("6.1", "GP1") in pairs and ("6.2", "GP1") in pairs


def test_more_relation_phrasings(facts):
    rels = {(f.fields["subject"], f.fields["relation"], f.fields["object"]) for f in facts if f.type == "oversight"}
    assert ("Hate Crime Action Plan", "part_of", "Hate Crime Strategy") in rels  # "and corresponding"
    assert ("Council", "leads", "Shield") in rels  # "Shield, the Council's counter-extremism programme"
    assert ("Anytown Violence Reduction Strategy", "aligns_with", "Shield") in rels
    assert ("Anytown Violence Reduction Strategy", "aligns_with", "Violence Reduction Unit") in rels
    # "brings together partners from the Police, ..." in a plan's section; "the Police" named in full
    assert {("Anytown Police", "delivers", "Knife Crime Action Plan"),
            ("NPS", "delivers", "Knife Crime Action Plan")} <= rels
    # "... are all members of the team" after a heading naming the team
    assert ("Age UK", "part_of", "Neighbourhood Wellbeing Teams") in rels
    assert any(f.type == "plan" and f.fields["name"] == "Shield" for f in facts)
