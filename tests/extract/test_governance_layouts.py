"""Governance extraction on two more layouts: a markdown strategy with a pipe table and
labelled principle ids, and an HTML action plan (one <tr> per line, "Principle 1 – ..."
items). Both are fictional; neither follows the layout the rules were first written for."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
from extract import load_document, pipeline
from extract.governance.common import acronym_definitions, principle_labels

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"
NAMES = ["govgraph.plans.v1", "govgraph.principles.v1", "govgraph.actions.v1", "govgraph.prose_alignment.v1",
         "govgraph.oversight.v1", "govgraph.priorities.v1"]


def run(name):
    doc = load_document(PAPERS / name)
    return pipeline.extract_document(doc, only=NAMES).facts


@pytest.fixture(scope="module")
def md():
    return run("gov_markdown_strategy.txt")


@pytest.fixture(scope="module")
def html():
    return run("gov_html_action_plan.txt")


def of(facts, kind):
    return [f for f in facts if f.type == kind]


def rels(facts):
    return {(f.fields["subject"], f.fields["relation"], f.fields["object"]) for f in of(facts, "oversight")}


# ------------------------------------------------------------------ markdown strategy

def test_md_principles_by_printed_id_and_by_number(md):
    ps = {f.fields["id"]: f.fields for f in of(md, "principle")}
    assert set(ps) == {"GP1", "GP2", "GP3", "EP1", "EP2"}
    assert ps["GP1"]["text"] == "We will design streets around people walking, wheeling and cycling."
    assert ps["GP1"]["kind"] == "guiding" and ps["EP2"]["kind"] == "enabling"
    assert ps["EP1"]["framework"].startswith("Eastmere Healthy Streets Strategy")


def test_md_actions_leads_expanded_from_glossary(md):
    acts = {f.fields["id"]: f.fields for f in of(md, "action")}
    assert set(acts) == {"3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5"}
    assert acts["3.1.2"]["leads"] == ["Sustrans Community Network", "Eastmere Council Transport Service"]
    assert acts["3.1.3"]["leads"] == ["Eastmere Public Health"]
    orgs = {f.fields["name"]: f.fields["variants"] for f in of(md, "organisation")}
    assert "ETS" in orgs["Eastmere Council Transport Service"]
    assert "SCN" in orgs["Sustrans Community Network"]


def test_md_alignments(md):
    pairs = {(f.fields["item"], f.fields["principle"]) for f in of(md, "alignment")}
    assert pairs == {("3.1.1", "GP2"), ("3.1.1", "EP2"), ("3.1.2", "GP1"), ("3.1.3", "GP2"), ("3.1.3", "EP1"),
                     ("3.1.4", "GP3"), ("3.1.4", "EP2"), ("3.1.5", "GP1"), ("3.1.5", "EP2")}


def test_md_governance_section(md):
    found = rels(md)
    assert ("Eastmere Healthy Streets Board", "oversees", "Eastmere Healthy Streets Strategy") in found
    # "The Board is accountable to ...": the board just named, not a bare "Board"
    assert ("Eastmere Healthy Streets Board", "accountable_to", "Eastmere Health and Wellbeing Board") in found
    assert ("Active Travel Working Group", "part_of", "Eastmere Healthy Streets Board") in found
    # "Delivery is led by X": X leads the paper's strategy; the whole name, not "Eastmere Council"
    assert ("Eastmere Council Transport Service", "leads", "Eastmere Healthy Streets Strategy") in found
    assert not any("Parking Policy" in o for _, _, o in found)  # "no board oversees it"
    assert len(found) == 4


# ------------------------------------------------------------------ HTML action plan

def test_html_generic_principles(html):
    ps = {f.fields["id"]: f.fields for f in of(html, "principle")}
    assert set(ps) == {"P1", "P2", "P3"}
    assert ps["P3"]["text"] == "We will listen to young people and act on what they tell us."
    assert ps["P1"]["framework"] == "Northvale Serious Violence Action Plan 2024-2025"


def test_html_table_rows_on_one_line(html):
    acts = {f.fields["id"]: f.fields for f in of(html, "action")}
    assert set(acts) == {"4.1", "4.2", "4.3", "4.4"}
    assert acts["4.1"]["text"] == "Place youth workers in the emergency department at Northvale General Hospital."
    assert acts["4.1"]["leads"] == ["Northvale Youth Service"]
    assert acts["4.2"]["leads"] == ["Northvale Youth Service", "Northvale Police Service"]
    assert acts["4.3"]["leads"] == ["Northvale Police Service"]
    pairs = {(f.fields["item"], f.fields["principle"]) for f in of(html, "alignment")}
    assert pairs == {("4.1", "P1"), ("4.1", "P2"), ("4.2", "P3"), ("4.3", "P1"), ("4.4", "P1"), ("4.4", "P3")}


def test_html_governance_section(html):
    found = rels(html)
    assert ("Northvale Community Safety Partnership", "oversees", "Northvale Serious Violence Action Plan") in found
    assert ("Northvale Community Safety Partnership", "accountable_to", "Northvale Health and Wellbeing Board") in found
    assert ("Youth Violence Panel", "part_of", "Northvale Community Safety Partnership") in found
    assert ("Violence Reduction Steering Group", "chaired_by", "Priya Lal") in found
    assert ("Northvale Council Community Safety Team", "leads", "Northvale Serious Violence Action Plan") in found
    assert not any("Licensing" in o for _, _, o in found)
    assert len(found) == 5


# ------------------------------------------------------------------ helpers

def test_acronym_definitions_need_matching_initials():
    class Doc:
        lines = ["Partners: MPS - Metropolitan", "Police Service; LFB: London Fire Brigade.",
                 "Working with the Northvale Police (NVP) and SP1 - We will act."]
    defs = acronym_definitions(Doc())
    assert defs == {"MPS": "Metropolitan Police Service", "LFB": "London Fire Brigade"}


def test_bare_principle_ids_in_cells():
    assert principle_labels("SP3, EP2") == ["SP3", "EP2"]
    assert principle_labels("[Strategic Principle 4] and EP 1") == ["SP4", "EP1"]
    assert principle_labels("Principle 1, Principle 3") == ["P1", "P3"]
    assert principle_labels("5.1.1 SPA") == []


# ------------------------------------------------------------------ general rules on short papers

def _paper(tmp_path, text, only=NAMES):
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    return pipeline.extract_document(load_document(path), only=only).facts


def test_plan_names_general_rules(tmp_path):
    facts = _paper(tmp_path, "\n".join([
        "Background papers",
        "",
        "Riverton Knife Crime Plan Working Draft",
        "",
        "We will implement a staff training programme and a specialist training programme for partners.",
        "The Youth Board's approach and the Riverton Council's strategy are noted.",
        "The Riverton Commission's 12-point plan sets the direction.",
        "Public Health provides MECC (Making Every Contact Count) training to staff.",
        "Partners link with the Information Sharing to Tackle Violence (ISTV) scheme.",
        "We deliver Mental Health First Aid training through Mind.",
    ]))
    plans = {f.fields["name"] for f in of(facts, "plan")}
    assert "Riverton Knife Crime Plan Working Draft" in plans  # a document's status is part of its title
    assert not any("training programme" in p for p in plans)  # descriptions, not names
    assert not any(p.endswith(("'s approach", "'s strategy")) for p in plans)  # a body's unnamed document
    assert "Riverton Commission's 12-point plan" in plans  # the owner stays when the rest is no name
    assert "Making Every Contact Count" in plans
    assert "Information Sharing to Tackle Violence scheme" in plans
    assert "Mental Health First Aid training" in plans


def test_relations_general_rules(tmp_path):
    facts = _paper(tmp_path, "\n".join([
        "Riverton Safeguarding Partnership",
        "",
        "Attendance\tStatus",
        "Sam Oduya Chair of Riverton Safeguarding Adults Board\tApologies",
        "Chair of Riverton Youth Commission (Lee Brandt)\tPresent",
        "Ann Kerr, Vice-Chair of Riverton Youth Commission\tPresent",
        "",
        "Riverton Public Health is part of the council. Riverton Public Health runs many services.",
        "Public Health also provides the Healthy Start Programme in every ward.",
        "A report back to the Partnership would be made next year.",
        "No board oversees the Riverton Parking Policy.",
        "Consultation on the council's new Riverton Procurement Strategy starts in May.",
    ]))
    found = rels(facts)
    assert ("Riverton Safeguarding Adults Board", "chaired_by", "Sam Oduya") in found
    assert ("Riverton Youth Commission", "chaired_by", "Lee Brandt") in found
    assert not any(o == "Ann Kerr" for _, _, o in found)  # a vice-chair does not chair
    assert ("Riverton Public Health", "delivers", "Healthy Start Programme") in found
    assert not any(r == "reports_to" for _, r, _ in found)  # "a report back to" is a noun
    assert not any("Parking" in o for _, _, o in found)
    assert ("Council", "leads", "Riverton Procurement Strategy") in found  # the council's own plan
