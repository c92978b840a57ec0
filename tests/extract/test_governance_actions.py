"""Action tables, principles and alignment on a fictional strategy paper with PDF damage."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401  (registers the extractors)
from extract import load_document, pipeline
from extract.governance.common import split_leads
from extract.governance.principles import enumerate_items

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"
NAMES = ["govgraph.plans.v1", "govgraph.principles.v1", "govgraph.actions.v1", "govgraph.prose_alignment.v1",
         "govgraph.oversight.v1"]


@pytest.fixture(scope="module")
def facts():
    doc = load_document(PAPERS / "gov_action_tables.txt")
    return pipeline.extract_document(doc, only=NAMES).facts


def of(facts, kind):
    return [f for f in facts if f.type == kind]


def test_principles_from_side_by_side_columns_keep_printed_numbers(facts):
    ids = {f.fields["id"]: f for f in of(facts, "principle")}
    assert set(ids) == {"SP1", "SP2", "SP3", "SP4", "EP1", "EP2", "EP4", "EP5"}  # no EP3 printed
    assert ids["SP2"].fields["text"] == "We will act early to stop harm before it happens."
    assert ids["EP4"].fields["kind"] == "enabling" and ids["SP4"].fields["kind"] == "strategic"


def test_action_ids_repaired(facts):
    ids = [f.fields["id"] for f in of(facts, "action")]
    # "4.1.1 Page 12", "Page 13 | 4.1.3 ...", "4.15" for 4.1.5, "4.1" for 4.1.10, id alone on its line
    assert ids == ["4.1.1", "4.1.2", "4.1.3", "4.1.4", "4.1.5", "4.1.8", "4.1.9", "4.1.10", "4.1.11", "4.1.12",
                   "4.2.1", "4.2.2"]


def test_action_rows_split_over_lines_are_joined(facts):
    by_id = {f.fields["id"]: f.fields for f in of(facts, "action")}
    assert by_id["4.1.2"]["text"] == "Hotspot analysis shared with partners every month"
    assert by_id["4.1.2"]["leads"] == ["Safer Streets Unit", "Northshire Police Service"]
    assert by_id["4.1.11"]["text"] == "Employment support for young adults"
    assert by_id["4.1.11"]["leads"] == ["Northshire Works"]
    assert by_id["4.1.1"]["plan"] == "Youth Safety Action Plan" and by_id["4.2.1"]["section"] == "4.2"


def test_leads_drop_posts_and_people(facts):
    by_id = {f.fields["id"]: f.fields["leads"] for f in of(facts, "action")}
    assert by_id["4.1.3"] == ["NPS", "Youth Offending Service"]
    assert by_id["4.1.4"] == ["Northshire Learning Trust"]
    assert by_id["4.1.5"] == ["Northshire CVS"]
    assert by_id["4.1.8"] == ["NHS Northshire CCG", "Victim Support Hub"]
    assert by_id["4.1.9"] == []
    assert by_id["4.1.10"] == ["CCG"]


@pytest.mark.parametrize("cell, leads", [
    ("IGX Manager/ YOS Manager/ C&F service manager", ["IGX", "YOS", "C&F service"]),
    ("Service Managers for CSC", ["CSC"]),
    ("Head of Clinical Services Children & Families Service, City & Anytown CCG and CAMHS Alliance",
     ["Children & Families Service", "City & Anytown CCG", "CAMHS Alliance"]),
    ("Young Anytown Head of Service and VAWG Lead", ["Young Anytown"]),
    ("Safer Schools Inspector/ IGX Manager/ Learning Trust", ["IGX", "Learning Trust"]),
    ("Community Co-ordinator, YOS Manager, DCI", ["YOS"]),
    ("Board Manager / Policy Lead (Strategic Delivery)", []),
    ("Children and Families Service, HLT", ["Children and Families Service", "HLT"]),
])
def test_split_leads(cell, leads):
    assert split_leads(cell) == leads


def test_merged_principle_cells_carry_down_until_a_subheading(facts):
    pairs = {(f.fields["item"], f.fields["principle"]) for f in of(facts, "alignment")}
    for aid in ("4.1.1", "4.1.2", "4.1.3", "4.1.4", "4.1.5"):  # across the "Page 14" break
        assert {(aid, "SP3"), (aid, "EP1"), (aid, "EP2")} <= pairs
    assert ("4.1.8", "SP3") in pairs  # label printed in the enabling column
    assert ("4.1.9", "SP3") in pairs and not any(p[0] == "4.1.9" and p[1].startswith("EP") for p in pairs)
    assert ("4.1.10", "SP2") in pairs  # the label wins over quoted text of another principle
    assert ("4.1.11", "SP4") in pairs and ("4.1.12", "SP4") in pairs
    assert ("4.2.2", "EP5") in pairs
    assert not any(p[0] == "4.1.8" and p[1] in ("EP1", "EP2") for p in pairs)  # sub-heading ended the run


def test_alignment_stated_in_prose(facts):
    pairs = {(f.fields["item"], f.fields["principle"]) for f in of(facts, "alignment")}
    assert {("Neighbourhood Grants Strategy", "SP4"), ("Neighbourhood Grants Strategy", "EP1"),
            ("Neighbourhood Grants Strategy", "EP5")} <= pairs
    assert {("Engagement Plan", "SP1"), ("Engagement Plan", "SP2")} <= pairs


def test_enumerate_items_runs_together():
    assert enumerate_items("1. First thing here.2. Second thing here") == [(1, "First thing here."),
                                                                          (2, "Second thing here")]
    assert enumerate_items("4. Fourth item text. 5. Fifth item text", last=3)[0][0] == 4


def test_every_fact_has_evidence(facts):
    doc = load_document(PAPERS / "gov_action_tables.txt")
    for f in facts:
        assert f.line >= 1 and f.quote and f.quote in doc.line(f.line), (f.type, f.fields, f.quote)


def test_columns_follow_the_header(tmp_path):
    rows = [
        "3. DELIVERY PLAN",
        "",
        "Ref\tActivity\tTimescale\tLead organisation\tPrinciple alignment",
        "3.1\tOpen two new youth hubs\tMarch 2024\tAnytown Youth Service\t[Strategic Principle 2]",
        "3.2\tRecruit detached youth workers\tJune 2024\tAnytown Youth Service / Anytown CVS\t",
        "",
        "4. FINANCE",
    ]
    path = tmp_path / "cols.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    doc = load_document(path)
    got = pipeline.extract_document(doc, only=["govgraph.actions.v1"]).facts
    actions = {f.fields["id"]: f.fields for f in got if f.type == "action"}
    assert actions["3.2"]["leads"] == ["Anytown Youth Service", "Anytown CVS"]
    assert actions["3.1"]["text"] == "Open two new youth hubs"
    pairs = {(f.fields["item"], f.fields["principle"]) for f in got if f.type == "alignment"}
    assert pairs == {("3.1", "SP2"), ("3.2", "SP2")}
