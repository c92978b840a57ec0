"""Meetings, memberships, attendance, positions and changes on fictional fixture papers."""
from pathlib import Path

import pytest

from extract import extract_document, load_document

PAPERS = Path(__file__).parent.parent / "data" / "papers"
MINE = ["govgraph.meetings.v1", "govgraph.members.v1", "govgraph.attendance.v1", "govgraph.people_prose.v1",
        "govgraph.changes.v1", "govgraph.resolve.v1"]


@pytest.fixture(scope="module")
def pack():
    doc = load_document(PAPERS / "people_agenda_pack.txt")
    return doc, extract_document(doc, only=MINE).facts


@pytest.fixture(scope="module")
def sheet():
    doc = load_document(PAPERS / "people_attendance_sheet.txt")
    return doc, extract_document(doc, only=MINE).facts


def of(facts, kind):
    return [f.fields for f in facts if f.type == kind]


def test_meetings_and_paper_date(pack):
    doc, facts = pack
    meetings = {(m["role"], m["date"]) for m in of(facts, "meeting")}
    assert ("agenda", "2024-05-14") in meetings
    assert ("minutes", "2024-03-06") in meetings
    assert doc.date == "2024-05-14"
    assert all(m["id"].startswith("wexbury-health-and-care-board-") for m in of(facts, "meeting"))


def test_two_column_list_with_sections(pack):
    _, facts = pack
    members = {(m["person"], m["role"]) for m in of(facts, "membership")}
    assert ("Priya Lantern", "chair") in members
    assert ("Tomas Quill", "member") in members
    assert ("Marcus Fenwick", "independent adviser") in members
    assert ("Oliver Frame", "additional attendee") in members
    assert ("Sam Okafor", "member") in members and ("Sam Okafor", "additional attendee") in members
    assert ("Rhiannon Vale", "co-chair") in members
    for m in of(facts, "membership"):
        if m["body"] == "Wexbury Health and Care Board":
            assert m["as_of"] == "2024-05-14"


def test_post_and_affiliation(pack):
    _, facts = pack
    brisk = next(m for m in of(facts, "membership") if m["person"] == "Helena Brisk"
                 and m["body"] == "Wexbury Health and Care Board")
    assert brisk["affiliation"] == "Wexbury Council"
    assert "Director of Public Health" in brisk["post"]


def test_header_table_with_shared_row_and_vacancy(pack):
    _, facts = pack
    group = [m for m in of(facts, "membership") if m["body"] == "Wexbury Healthy Streets Working Group"]
    people = {(m["person"], m["role"]) for m in group}
    assert ("Helena Brisk", "chair") in people
    assert ("Nadia Rowe", "member") in people and ("Kevin Ashdown", "member") in people
    assert ("Rosa Lindqvist", "officer") in people
    assert any(m["person"] is None and m["role"] == "vacancy" for m in group)


def test_minutes_attendance(pack):
    _, facts = pack
    att = {(a["person"], a["status"]) for a in of(facts, "attendance")}
    assert ("Rhiannon Vale", "present") in att
    assert ("Tomas Quill", "present") in att  # printed "Quil", resolved
    assert ("Sarah Okafor", "present") in att
    assert ("Rosa Lindqvist", "officer_in_attendance") in att
    assert ("Kevin Ashdown", "officer_in_attendance") in att
    assert ("Jon Pike", "also_in_attendance") in att
    assert ("Greta Hollins", "apologies") in att and ("Jan Pike", "apologies") in att
    sub = next(a for a in of(facts, "attendance") if a["person"] == "Devon Ashby")
    assert sub["status"] == "substitute" and sub["substitute_for"] == "Priya Lantern"
    vale = next(a for a in of(facts, "attendance") if a["person"] == "Rhiannon Vale")
    assert vale["chairing"] is True and vale["mode"] == "virtual" and vale["date"] == "2024-03-06"


def test_changes(pack):
    _, facts = pack
    changes = {(c["change"], c["person"]) for c in of(facts, "change")}
    assert ("left", "Greta Hollins") in changes
    assert ("left", "Sam Okafor") in changes  # printed "Okafer"
    assert ("role_changed", "Ade Mensah") in changes


def test_attendance_sheet_with_substitutes(sheet):
    _, facts = sheet
    meeting = next(m for m in of(facts, "meeting") if m["role"] == "attendance")
    assert meeting["date"] == "2019-10-03"  # "Oct 19" + day from the notes
    members = {(m["person"], m["role"]) for m in of(facts, "membership")}
    assert ("Ivo Tarrant", "chair") in members and ("Bea Lyall", "member") in members
    assert ("Ruth Kemble", "adviser") in members
    att = {(a["person"], a["status"], a["substitute_for"]) for a in of(facts, "attendance")}
    assert ("Owen Strand", "apologies", None) in att
    assert ("Petra Dunn", "substitute", "Owen Strand") in att
    assert ("Hal Brennan", "substitute", "Lena Corrie") in att
    assert ("Idris Noon", "officer_in_attendance", None) in att


def test_report_cover_positions():
    doc = load_document(PAPERS / "people_report_cover.txt")
    facts = extract_document(doc, only=MINE).facts
    pos = {(p["person"], p["post"]) for p in of(facts, "position")}
    assert ("Imogen Clay", "Strategic Director of Place") in pos
    assert ("Felix Warde", "Programme Officer") in pos
    assert of(facts, "meeting")[0]["date"] == "2024-05-14"


def test_mode_subheadings_and_heading_line_names(tmp_path):
    paper = tmp_path / "minutes.txt"
    paper.write_text("MINUTES OF A MEETING OF THE FERNMOUTH SCHOOLS FORUM\n\nMONDAY 2 DECEMBER 2024\n\n"
                     "Members Present:\n\nIn Person:\n\nCllr Ada Rook (In the Chair)\n\nVirtually:\n\n"
                     "Tobias Wren (Headteacher, Fernmouth Primary)\n\n"
                     "Apologies: Cllr Lena Corrie, Hal Brennan\n\n1 Welcome\n", encoding="utf-8")
    facts = extract_document(load_document(paper), only=MINE).facts
    att = {(a["person"], a["status"], a["mode"]) for a in of(facts, "attendance")}
    assert ("Ada Rook", "present", "in_person") in att
    assert ("Tobias Wren", "present", "virtual") in att
    assert ("Lena Corrie", "apologies", None) in att and ("Hal Brennan", "apologies", None) in att
    assert {a["date"] for a in of(facts, "attendance")} == {"2024-12-02"}


@pytest.mark.parametrize("upper", [False, True])
def test_minutes_heading_without_meeting_of_in_title_or_upper_case(upper, tmp_path):
    """'Minutes of the Parks Committee' (no 'meeting of') heads minutes in either case."""
    text = (PAPERS / "people_minutes_title.txt").read_text(encoding="utf-8")
    if upper:
        first, rest = text.split("\n", 1)
        text = first.upper() + "\n" + rest
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    facts = extract_document(doc, only=MINE).facts
    assert [(m["body"], m["date"], m["role"]) for m in of(facts, "meeting")] == \
        [("Parks Committee", "2022-03-10", "minutes")]
    assert {(a["person"], a["status"], a["date"]) for a in of(facts, "attendance")} == {
        ("Ann Leeds", "present", "2022-03-10"), ("Bob Stone", "present", "2022-03-10"),
        ("Carl Moss", "apologies", "2022-03-10")}
    assert {p["name"] for p in of(facts, "person")} == {"Ann Leeds", "Bob Stone", "Carl Moss"}


@pytest.mark.parametrize("line", ["Minutes of the previous meeting", "Minutes of the last meeting held on 3 May 2022",
                                  "Minutes of the Board were agreed as a correct record."])
def test_minutes_mentions_are_not_meeting_headings(line, tmp_path):
    path = tmp_path / "item.txt"
    path.write_text(line + "\n", encoding="utf-8")
    assert of(extract_document(load_document(path), only=MINE).facts, "meeting") == []
