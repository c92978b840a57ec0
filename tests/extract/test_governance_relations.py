"""Plans and oversight relations on a fictional strategy paper."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
from extract import load_document, pipeline

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"
NAMES = ["govgraph.plans.v1", "govgraph.oversight.v1", "govgraph.priorities.v1"]


@pytest.fixture(scope="module")
def facts():
    doc = load_document(PAPERS / "gov_action_tables.txt")
    return pipeline.extract_document(doc, only=NAMES).facts


def test_plans_with_acronym_and_period(facts):
    plans = {f.fields["name"]: f.fields for f in facts if f.type == "plan"}
    sss = plans["Northshire Safer Streets Strategy 2022-2025"]
    assert sss["period"] == "2022-2025" and "SSS" in sss["variants"] and sss["kind"] == "strategy"
    assert plans["Youth Safety Action Plan"]["kind"] == "action_plan"
    assert plans["Night Time Economy Plan"]["kind"] == "plan"
    assert "Neighbourhood Grants Strategy" in plans
    assert not any(name.lower().startswith(("oversight", "action plans")) for name in plans)


def test_oversight_relations(facts):
    rels = {(f.fields["subject"], f.fields["relation"], f.fields["object"]) for f in facts if f.type == "oversight"}
    assert ("Youth Safety Partnership", "reports_to", "Northshire Community Safety Board") in rels
    assert ("Northshire Safeguarding Partnership", "oversees", "Youth Safety Action Plan") in rels
    assert ("Northshire Harm Reduction Steering Group", "chaired_by", "Amy Fenwick") in rels
    assert ("Northshire CVS", "leads", "'Safe Spaces' Initiative") in rels
    assert ("Youth Offending Service", "part_of", "Northshire Violence Panel") in rels
    assert ("Northshire Safer Streets Strategy 2022-2025", "aligns_with", "Northshire Wellbeing Strategy") in rels


def test_bodies_emitted_as_organisations(facts):
    orgs = {f.fields["name"] for f in facts if f.type == "organisation"}
    assert {"Northshire Community Safety Board", "Northshire Violence Panel"} <= orgs
