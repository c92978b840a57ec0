"""A paper's own body: no junk canonical names, the council's place in front of a bare body name,
and one body across papers of one council (fictional fixture papers)."""
from datetime import date
from pathlib import Path

import pytest

from extract import load_document
from extract.organisations import find_org_mentions, joins_two_names
from extract import extract_document
from extract.resolve import paper_place, resolve_orgs
from graph import GraphStore
from graph.membership import changes_rows, members_rows, membership_view
from api.build import derive

PAPERS = Path(__file__).parent.parent / "data" / "papers"
BOARD = "Ashbourne Vale Health and Wellbeing Board"


def test_a_mention_does_not_run_two_names_together():
    text = ("Amir Qadir introduced the report providing an update on the development of the Health and "
            "Wellbeing Strategy and on the Health and Wellbeing Board member's development session.")
    assert find_org_mentions(text) == ["Health and Wellbeing Board"]
    assert find_org_mentions("the Wellbeing Strategy and the Health and Wellbeing Board met") == \
        ["Health and Wellbeing Board"]
    assert find_org_mentions("the Ashbourne Vale Clinical Commissioning Group and the Ashbourne Vale Trust") == \
        ["Ashbourne Vale Clinical Commissioning Group", "Ashbourne Vale Trust"]


@pytest.mark.parametrize("name, joined", [
    ("Health and Wellbeing Strategy and on the Health and Wellbeing Board", True),
    ("Carers Strategy and the Health and Wellbeing Board", True),
    ("Council Policy and Partnerships Team", False),
    ("City and Ashbourne Clinical Commissioning Group", False),
])
def test_joined_names(name, joined):
    assert joins_two_names(name) is joined


def test_place_of_a_paper():
    assert paper_place(["Email: governance@ashbourne-vale.gov.uk", "Ashbourne Vale Council"]) == "Ashbourne Vale"
    assert paper_place(["the London Borough of Tilbrook", "Tilbrook Council agreed"]) == "Tilbrook"
    assert paper_place(["Minutes of the Parks Committee"]) is None
    assert paper_place(["Tilbrook Council and Wexmoor Council"]) is None  # a tie names no place


def test_a_joined_phrase_is_never_the_canonical_name():
    refs = [("Health and Wellbeing Strategy and on the Health and Wellbeing Board", 7, "q"),
            ("Health and Wellbeing Board", 2, "q"), ("HEALTH AND WELLBEING BOARD", 1, "q")]
    canon, orgs = resolve_orgs(refs)
    assert set(canon.values()) == {"Health and Wellbeing Board"}
    canon, orgs = resolve_orgs(refs + [("London Borough of Tilbrook Health and Wellbeing Board", 9, "q")],
                               own=["HEALTH AND WELLBEING BOARD"], place="Tilbrook")
    assert set(canon.values()) == {"Tilbrook Health and Wellbeing Board"}
    assert "London Borough of Tilbrook Health and Wellbeing Board" in orgs["Tilbrook Health and Wellbeing Board"]["variants"]


def test_a_bare_own_body_takes_the_place_only_when_named_in_function_words():
    canon, _ = resolve_orgs([("Parks Committee", 1, "q")], own=["Parks Committee"], place="Tilbrook")
    assert canon["Parks Committee"] == "Parks Committee"  # two words: left as the paper has it
    canon, _ = resolve_orgs([("Wexmoor Youth Partnership Board", 1, "q")], own=["Wexmoor Youth Partnership Board"],
                            place="Tilbrook")
    assert canon["Wexmoor Youth Partnership Board"] == "Wexmoor Youth Partnership Board"


def facts_of(name):
    doc = load_document(PAPERS / name)
    return doc, extract_document(doc).facts


def test_the_paper_s_own_board_is_the_place_s_board():
    _, facts = facts_of("people_board_place.txt")
    bodies = {f.fields["body"] for f in facts if f.type in ("membership", "meeting")}
    assert bodies == {BOARD}
    assert {f.fields["id"] for f in facts if f.type == "meeting"} == {
        "ashbourne-vale-health-and-wellbeing-board-2024-06-12", "ashbourne-vale-health-and-wellbeing-board-2024-03-05"}
    assert {f.fields["meeting"] for f in facts if f.type == "attendance"} == {
        "ashbourne-vale-health-and-wellbeing-board-2024-03-05"}
    names = {f.fields["name"] for f in facts if f.type == "organisation"}
    assert not any(" and on the " in n for n in names)
    assert "Chair" not in names  # "(Chair)" is a note, not an acronym
    board = next(f for f in facts if f.type == "organisation" and f.fields["name"] == BOARD)
    assert "London Borough of Ashbourne Vale Health and Wellbeing Board" in board.fields["variants"]


def test_one_body_across_papers_of_one_council(tmp_path):
    with GraphStore.open(tmp_path / "data") as store:
        for name in ("people_board_place.txt", "people_board_place_later.txt"):
            doc = load_document(PAPERS / name)
            store.write_extraction(extract_document(doc))
        derive(store)
        view = membership_view(store)
        early = members_rows(view, "Health and Wellbeing Board", date(2024, 6, 12))
        late = members_rows(view, "Health and Wellbeing Board", date(2025, 1, 9))
        assert {r["body"] for r in early + late} == {BOARD}
        assert {r["person"] for r in early if r["member"] == "yes"} == {"Nora Pell", "Amir Qadir", "Owen Tate",
                                                                         "Lucy Brandt"}
        assert {r["person"] for r in late if r["member"] == "yes"} == {"Nora Pell", "Amir Qadir", "Priya Lind",
                                                                        "Lucy Brandt"}
        diff = {(r["change"], r["person"]) for r in
                changes_rows(view, "Health and Wellbeing Board", date(2024, 6, 12), date(2025, 1, 9))}
        assert diff == {("joined", "Priya Lind"), ("left", "Owen Tate")}


def test_names_joined_before_a_post_word_stand():
    text = "the Tilbrook Health and Wellbeing Board meet with City Health and Wellbeing Board and City Steering Group members"
    assert "City Health and Wellbeing Board" in find_org_mentions(text)


def test_a_plural_name_does_not_absorb_one_of_its_bodies():
    canon, _ = resolve_orgs([("Tilbrook and the City's Health and Wellbeing Boards", 1, "q"),
                             ("City Health and Wellbeing Board", 2, "q")])
    assert canon["City Health and Wellbeing Board"] == "City Health and Wellbeing Board"
