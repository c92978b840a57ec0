"""Action trackers (Ref | Action | Responsible officer | Due date | Status) and lists of recommendations
and lessons with prefixed ids ("R1", "Rec 3", "L2"); fixture tests/data/papers/gov_action_tracker_minutes.txt
(fictional)."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
import extract.people  # noqa: F401
from extract import pipeline
from extract.documents import load_document

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"


@pytest.fixture(scope="module")
def facts():
    return pipeline.extract_document(load_document(PAPERS / "gov_action_tracker_minutes.txt")).facts


def by_id(facts, kind):
    return {f.fields["id"]: f.fields for f in facts if f.type == kind}


def test_tracker_rows_are_actions_with_their_printed_refs(facts):
    assert {"CSP-14", "CSP-15", "CSP-16"} <= set(by_id(facts, "action"))


def test_a_tracker_lead_is_an_organisation_or_a_person(facts):
    actions = by_id(facts, "action")
    assert actions["CSP-15"]["leads"] == ["Corrandale Youth Service"]
    assert actions["CSP-14"]["leads"] == [] and actions["CSP-14"]["lead_persons"] == ["Kieran Vale"]


def test_a_tracker_row_keeps_its_due_date_and_status(facts):
    actions = by_id(facts, "action")
    assert actions["CSP-14"]["due"] == "2026-04-30" and actions["CSP-14"]["status"] == "Open"
    assert actions["CSP-15"]["due"] == "June 2026"  # a month only: kept as printed, never a guessed day


def test_prefixed_recommendations_and_lessons(facts):
    recs = by_id(facts, "recommendation")
    assert {"R1", "R2", "R3", "L1", "L2"} <= set(recs)
    assert recs["R1"]["leads"] == ["Corrandale Housing Trust"]
    assert recs["R1"]["text"].startswith("Review the triage")
    assert recs["R2"]["lead_persons"] == ["Lena Pask"]
    assert recs["R3"]["leads"] == ["Corrandale Council"]
    assert recs["L2"]["kind"] == "lesson" and recs["R1"]["kind"] == "recommendation"


def test_a_proposal_naming_an_id_is_not_an_item(facts):
    assert "R4" not in by_id(facts, "recommendation")
