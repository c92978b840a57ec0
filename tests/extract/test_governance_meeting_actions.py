"""Actions recorded in minutes ("Action: <owner>") and in a meeting record's actions column."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401  (registers the extractors)
from extract import load_document, pipeline
from extract.governance.meeting_actions import classify, initials, split_owners, subject_of

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"


@pytest.fixture(scope="module")
def actions():
    doc = load_document(PAPERS / "gov_minutes_actions.txt")
    facts = pipeline.extract_document(doc).facts
    return {f.fields["id"]: f for f in facts if f.type == "action"}


def test_ids_follow_body_initials_date_and_minute_item(actions):
    assert set(actions) == {
        "POSB-2024-05-14/3.2",  # 3.2 records the agreement with the marker's owner
        "POSB-2024-05-14/4.1", "POSB-2024-05-14/4.2",  # two under item 4: the paragraphs they follow
        "POSB-2024-05-14/5",  # one action under item 5: the item number
        "GSF-2024-06-05/A1", "GSF-2024-06-05/A2", "GSF-2024-06-05/A3",  # actions column, in order
    }


def test_owner_only_marker_takes_the_sentence_before_it(actions):
    a = actions["POSB-2024-05-14/3.2"]
    assert a.fields["text"] == "It was agreed that the Parks Team would publish the map before the summer."
    assert a.fields["leads"] == ["Anytown Parks Team"]
    assert a.line == 23 and a.quote == "Action: Anytown Parks Team"
    assert a.fields["meeting"] == "anytown-parks-and-open-spaces-board-2024-05-14"


def test_single_owner_only_marker_takes_the_item_number(actions):
    a = actions["POSB-2024-05-14/5"]
    assert a.fields["lead_persons"] == ["Bob Stone"] and a.fields["leads"] == []
    assert "volunteer rota" in a.fields["text"]


def test_marker_stating_the_action_and_owners_split_over_lines(actions):
    a = actions["POSB-2024-05-14/4.1"]
    assert a.fields["text"] == "Cllr Leeds to write to the Friends of Anytown Parks about the review"
    assert a.fields["leads"] == [] and a.fields["lead_persons"] == ["Ann Leeds"]
    b = actions["POSB-2024-05-14/4.2"]
    assert b.fields["leads"] == ["Anytown Parks Team"] and b.fields["lead_persons"] == ["Sam Field"]


def test_agreed_sentence_without_marker_is_not_an_action(actions):
    assert not any(f.line == 25 for f in actions.values())  # "Cllr Leeds agreed to take the points ..."


def test_actions_column_pairs_paragraphs_and_joins_continuations(actions):
    a1, a2, a3 = (actions[f"GSF-2024-06-05/A{i}"].fields for i in (1, 2, 3))
    assert a1["leads"] == ["Anytown Allotments Society"] and a1["lead_persons"] == ["Jo Bloggs"]
    assert a2["text"] == "Hold two volunteer litter picks in the autumn"
    assert a2["leads"] == [] and a2["lead_persons"] == ["Bob Stone", "Carl Moss"]
    assert a3["text"] == "Anytown Parks Team to promote the litter picks and in the libraries."
    assert a3["leads"] == ["Anytown Parks Team"] and a3["lead_persons"] == ["Ann Leeds"]


def test_papers_without_meeting_actions_give_none():
    for name in ("gov_action_tables.txt", "people_minutes_title.txt"):
        doc = load_document(PAPERS / name)
        facts = pipeline.extract_document(doc).facts
        assert not [f for f in facts if f.extractor == "govgraph.meeting_actions.v1"]


def test_helpers():
    assert initials("Anytown Health and Wellbeing Board", "Anytown") == "HWB"
    assert initials("Community Safety Partnership") == "CSP"
    assert subject_of("Policy Team to use all feedback") == "Policy Team"
    assert subject_of("Bring an item for discussion on the review of the scheme and ways to improve it") is None
    assert split_owners("Jo Bloggs, Policy and Partnerships") == ["Jo Bloggs", "Policy and Partnerships"]
    assert split_owners("Bob Stone & Carl Moss") == ["Bob Stone", "Carl Moss"]
    assert classify("Anytown Parks Team", {}, set()) == ("org", "Anytown Parks Team")
    assert classify("Dr Sam Field", {}, set()) == ("person", "Sam Field")
    assert classify("N/a", {}, set()) is None
