"""Held-out governance layouts: conventions of councils the rules were not written on.

- gov_heldout_csp_plan.txt: a community safety plan with "Our priorities" (Priority 1: ...),
  "Our values" (V1 ...) and a plain-text action table, columns set apart by spaces, ids
  "A1", leads "Police / Council" and "Lead: Head of Housing (Council)";
- gov_heldout_structure_chart.txt: a governance structure drawn as a tree ("└ X") and with
  arrows ("X → Y"), "Sub-Group ... accountable to", "owned by X and monitored by Y",
  "delivery will be overseen by", a chair named by post ("chaired by the Director of Public
  Health", the holder given as "Director of Public Health: Dr ..."), "2. Guiding principles"
  and a pipe table with "MH-01" ids;
- gov_heldout_scrutiny_response.txt: "Strategic Aim 1" / "Enabler 1" principles, "This
  strategy supports the delivery of the Corporate Plan", "Recommendation 2 (partially
  agreed): ..." with "Response: ..." lines.
All three are fictional.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
from extract import load_document, pipeline
from extract.governance.common import split_leads

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"


def run(name):
    return pipeline.extract_document(load_document(PAPERS / name)).facts


@pytest.fixture(scope="module")
def csp():
    return run("gov_heldout_csp_plan.txt")


@pytest.fixture(scope="module")
def chart():
    return run("gov_heldout_structure_chart.txt")


@pytest.fixture(scope="module")
def scrutiny():
    return run("gov_heldout_scrutiny_response.txt")


def of(facts, kind):
    return [f for f in facts if f.type == kind]


def rels(facts):
    return {(f.fields["subject"], f.fields["relation"], f.fields["object"]) for f in of(facts, "oversight")}


def by_id(facts, kind):
    return {f.fields["id"]: f.fields for f in of(facts, kind)}


# ------------------------------------------------------------------ community safety plan

def test_csp_plan(csp):
    plans = {f.fields["name"]: f.fields for f in of(csp, "plan")}
    assert set(plans) == {"Community Safety Plan 2024-2027"}
    assert plans["Community Safety Plan 2024-2027"]["period"] == "2024-2027"


def test_csp_values_are_principles(csp):
    ps = by_id(csp, "principle")
    assert set(ps) == {"V1", "V2", "V3"}
    assert ps["V3"]["text"] == "We listen to the communities we serve."
    assert ps["V1"]["framework"] == "Community Safety Plan 2024-2027"


def test_csp_space_aligned_action_table(csp):
    acts = by_id(csp, "action")
    assert set(acts) == {"A1", "A2", "A3"}
    assert acts["A1"]["text"] == "Run a town centre night patrol every weekend."
    assert acts["A1"]["leads"] == ["Police", "Council"]
    assert acts["A2"]["leads"] == ["Council"]  # "Lead: Head of Housing (Council)": the post's organisation
    assert acts["A3"]["leads"] == ["Wexcombe Fire and Rescue Service"]


def test_csp_alignments_to_values(csp):
    pairs = {(f.fields["item"], f.fields["principle"]) for f in of(csp, "alignment")}
    assert pairs == {("A1", "V1"), ("A1", "V3"), ("A2", "V1"), ("A3", "V2")}


def test_csp_priorities(csp):
    pri = by_id(csp, "priority")
    assert set(pri) == {"1", "2"}
    assert pri["1"]["text"] == "Reduce anti-social behaviour in town centres"
    assert not of(csp, "oversight")


# ------------------------------------------------------------------ structure chart

def test_chart_plan(chart):
    plans = {f.fields["name"]: f.fields for f in of(chart, "plan")}
    assert set(plans) == {"Harrowfield Mental Health Strategy 2025-2030"}
    assert plans["Harrowfield Mental Health Strategy 2025-2030"]["period"] == "2025-2030"


def test_chart_oversight(chart):
    found = rels(chart)
    strategy = "Harrowfield Mental Health Strategy 2025-2030"
    expected = {
        # the tree: each item reports to the line above it indented less
        ("Harrowfield Integrated Care Partnership", "reports_to", "Harrowfield Health and Wellbeing Board"),
        ("Mental Health Programme Board", "reports_to", "Harrowfield Integrated Care Partnership"),
        # "X → Y"
        ("Suicide Prevention Group", "reports_to", "Mental Health Programme Board"),
        # "Sub-Group" is a body name, not "Group" resolved to another group
        ("Crisis Care Sub-Group", "accountable_to", "Mental Health Programme Board"),
        # "owned by X and monitored by Y"
        ("Harrowfield Integrated Care Partnership", "leads", strategy),
        ("Harrowfield Scrutiny Commission", "oversees", strategy),
        # "Day-to-day delivery will be overseen by"
        ("Mental Health Programme Board", "oversees", strategy),
        # "chaired by the Director of Public Health" + "Director of Public Health: Dr Imogen Tallis"
        ("Suicide Prevention Group", "chaired_by", "Imogen Tallis"),
    }
    assert found == expected


def test_chart_numbered_principles_heading(chart):
    ps = by_id(chart, "principle")
    assert set(ps) == {"GP1", "GP2"}  # "3. Delivery plan" ends the list
    assert ps["GP1"]["kind"] == "guiding"


def test_chart_code_ids_and_leads(chart):
    acts = by_id(chart, "action")
    assert set(acts) == {"MH-01", "MH-02"}
    assert acts["MH-01"]["leads"] == ["ICB"]
    assert acts["MH-02"]["leads"] == ["Harrowfield Public Health", "Mind in Harrowfield"]
    pairs = {(f.fields["item"], f.fields["principle"]) for f in of(chart, "alignment")}
    assert pairs == {("MH-01", "GP1"), ("MH-02", "GP1"), ("MH-02", "GP2")}


# ------------------------------------------------------------------ scrutiny response

def test_scrutiny_plans(scrutiny):
    plans = {f.fields["name"]: f.fields for f in of(scrutiny, "plan")}
    assert set(plans) == {"Brackenfold Youth Strategy 2025-2028", "Corporate Plan 2022-2026"}
    assert plans["Corporate Plan 2022-2026"]["period"] == "2022-2026"
    assert plans["Brackenfold Youth Strategy 2025-2028"]["kind"] == "strategy"


def test_scrutiny_aims_and_enablers(scrutiny):
    ps = by_id(scrutiny, "principle")
    assert set(ps) == {"SP1", "SP2", "SP3", "EP1", "EP2"}
    assert ps["SP2"]["text"] == "Young people shape the services they use."
    assert ps["EP1"]["kind"] == "enabling" and ps["SP1"]["kind"] == "strategic"
    assert ps["EP2"]["framework"] == "Brackenfold Youth Strategy 2025-2028"


def test_scrutiny_plan_supports_plan(scrutiny):
    assert rels(scrutiny) == {("Brackenfold Youth Strategy 2025-2028", "aligns_with", "Corporate Plan 2022-2026")}


def test_scrutiny_recommendations_and_responses(scrutiny):
    recs = by_id(scrutiny, "recommendation")
    assert set(recs) == {"1", "2", "3"}
    assert recs["1"]["text"] == "Open two more youth hubs in the north of the borough by 2026."
    assert [recs[k]["response"] for k in "123"] == ["agreed", "partially agreed", "not agreed"]
    assert not of(scrutiny, "action")


# ------------------------------------------------------------------ helpers

def test_split_leads_post_with_organisation():
    assert split_leads("Lead: Head of Housing (Council)") == ["Council"]
    assert split_leads("Service Manager (YOS)") == ["YOS"]
    assert split_leads("Policy Lead (Strategy)") == []  # a post, no organisation


def test_box_drawing_tree_and_ascii_arrow(tmp_path):
    paper = tmp_path / "tree.txt"
    paper.write_text(
        "Dunmore Drugs and Alcohol Strategy 2024-2029\n\nThis paper is fictional.\n\nGovernance\n\n"
        "Dunmore Health and Wellbeing Board\n"
        "├── Dunmore Combating Drugs Partnership\n"
        "│   ├── Treatment and Recovery Group\n"
        "│   └── Supply Reduction Group\n"
        "└── Dunmore Safeguarding Adults Board\n\n"
        "Youth Justice Board -> Dunmore Community Safety Partnership\n\n"
        "Implementation of the strategy will be overseen by the Dunmore Combating Drugs Partnership.\n",
        encoding="utf-8")
    found = rels(pipeline.extract_document(load_document(paper)).facts)
    assert found == {
        ("Dunmore Combating Drugs Partnership", "reports_to", "Dunmore Health and Wellbeing Board"),
        ("Treatment and Recovery Group", "reports_to", "Dunmore Combating Drugs Partnership"),
        ("Supply Reduction Group", "reports_to", "Dunmore Combating Drugs Partnership"),
        ("Dunmore Safeguarding Adults Board", "reports_to", "Dunmore Health and Wellbeing Board"),
        ("Youth Justice Board", "reports_to", "Dunmore Community Safety Partnership"),
        ("Dunmore Combating Drugs Partnership", "oversees", "Dunmore Drugs and Alcohol Strategy 2024-2029"),
    }


def test_numbered_values_two_space_table_and_plan_links(tmp_path):
    paper = tmp_path / "homes.txt"
    paper.write_text(
        "Fenwick Homelessness Prevention Plan 2025-2027\n\nThis paper is fictional.\n\n1. Context\n\n"
        "This plan contributes to the outcomes of the Fenwick Health and Wellbeing Strategy 2023-2028.\n"
        "The plan is aligned to the Fenwick Housing Strategy 2022-2032.\n\n"
        "2. Our values\n\n1. We treat everyone with dignity and respect.\n2. We act early, before a crisis.\n\n"
        "3. Actions\n\n"
        "ID      Action                                    Lead                     Values\n"
        "HP1     Open a single front door for advice.      Fenwick Housing Service  V1\n"
        "HP2     Fund a tenancy sustainment team.          Lead: Director of Housing (Fenwick Council)   V2\n",
        encoding="utf-8")
    facts = pipeline.extract_document(load_document(paper)).facts
    ps = by_id(facts, "principle")
    assert set(ps) == {"V1", "V2"}
    # the plan the paper's title names, not a strategy it mentions
    assert ps["V1"]["framework"] == "Fenwick Homelessness Prevention Plan 2025-2027"
    acts = by_id(facts, "action")
    assert acts["HP1"]["leads"] == ["Fenwick Housing Service"]  # two spaces end a cell
    assert acts["HP2"]["leads"] == ["Fenwick Council"]
    pairs = {(f.fields["item"], f.fields["principle"]) for f in of(facts, "alignment")}
    assert pairs == {("HP1", "V1"), ("HP2", "V2")}
    plan = "Fenwick Homelessness Prevention Plan 2025-2027"
    assert rels(facts) == {(plan, "aligns_with", "Fenwick Health and Wellbeing Strategy 2023-2028"),
                           (plan, "aligns_with", "Fenwick Housing Strategy 2022-2032")}
