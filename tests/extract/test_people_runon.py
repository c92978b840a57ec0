"""Attendance lists flattened into running text (web pages, PDF extractions) in other councils' layouts.

- a whole "Present:" list on one line: title, name, council and markers with no separators,
  "(Chairman)" after the council, "(substitute)", "Cty Cllr", and no meeting heading with a date;
- a flattened P/A/DNA/R attendance table with the status letter after each row, and labelled runs
  of bare names ("Board Members: A B Executive Team in attendance: C Secretariat: D");
- plural titles in prose apologies ("Councillors A, B and C"), a substitution in the same sentence,
  and a letter-spaced "P r e s e n t" with "(Substitute for ...)" and "(in the Chair)".
"""
from pathlib import Path

import pytest

from extract import extract_document, load_document
from extract.people.runon import despace, find_people, sections

PAPERS = Path(__file__).parent.parent / "data" / "papers"


def _facts(name):
    return extract_document(load_document(PAPERS / name)).facts


def attendance(facts):
    return {(f.fields["person"], f.fields["status"]) for f in facts if f.type == "attendance"}


def memberships(facts):
    return {(f.fields["person"], f.fields["role"]) for f in facts if f.type == "membership"}


@pytest.fixture(scope="module")
def panel():
    return _facts("people_runon_panel_minutes.txt")


def test_runon_list_of_an_undated_paper_keeps_its_attendance(tmp_path):
    text = (PAPERS / "people_runon_panel_minutes.txt").read_text(encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text(text.replace("Tuesday 14 March 2023 ", ""), encoding="utf-8")
    facts = extract_document(load_document(undated)).facts
    assert ("T Pennock", "present") in attendance(facts)
    # no date is printed: the list is kept with its date null (never guessed)
    assert {f.fields["date"] for f in facts if f.type == "attendance"} == {None}


@pytest.fixture(scope="module")
def table():
    return _facts("people_flattened_table_minutes.txt")


@pytest.fixture(scope="module")
def prose():
    return _facts("people_prose_apologies_minutes.txt")


def test_runon_present_list_on_one_line(panel):
    assert attendance(panel) == {
        ("T Pennock", "present"), ("G Oddie", "present"), ("K Varley", "substitute"), ("H Quarmby", "present"),
        ("W Sowerby", "present"), ("E Nuttington", "present"), ("J Ackroyd", "also_in_attendance"),
        ("R Moxon", "also_in_attendance"), ("O Brieington", "apologies"), ("P Hinchliffe", "apologies")}
    # the weekday date on the line under the title dates the meeting
    assert {f.fields["date"] for f in panel if f.type == "attendance"} == {"2023-03-14"}
    # a plain "Present:" list gives attendance only; its chairman and people labelled "Co-opted Member"
    # still get memberships, of the body the heading names
    assert memberships(panel) == {("H Quarmby", "chair"), ("E Nuttington", "member"), ("O Brieington", "member")}
    assert {f.fields["body"] for f in panel if f.type == "membership"} == {"Community Safety Panel"}
    sub = next(f.fields for f in panel if f.type == "attendance" and f.fields["person"] == "K Varley")
    assert sub["substitute_for"] == "P Hinchliffe"


def test_flattened_status_letter_table(table):
    got = attendance(table)
    assert {("Roswitha Thackeray", "present"), ("Barnaby Illingworth", "present"),
            ("Marigold Esterhazy", "apologies"), ("Ptolemy Cardew", "substitute"),
            ("Hester Wimbourne", "present")} <= got
    assert not any(p == "Juniper Oakenshaw" for p, _ in got)  # DNA: did not attend, no attendance status
    roles = memberships(table)
    assert ("Roswitha Thackeray", "chair") in roles and ("Juniper Oakenshaw", "member") in roles
    assert not any(p == "Ptolemy Cardew" for p, _ in roles)  # a representative is no member


def test_labelled_runs_of_bare_names(table):
    got = attendance(table)
    assert {("Quentin Ashdington", "present"), ("Philippa Greaves", "present"), ("Lucinda Holroyd", "present"),
            ("Ambrose Kettlewell", "officer_in_attendance"), ("Susan Dunstable", "officer_in_attendance"),
            ("Wilfred Ormerod", "officer_in_attendance")} <= got
    roles = memberships(table)
    assert ("Lucinda Holroyd", "chair") in roles and ("Quentin Ashdington", "member") in roles
    assert not any(p in ("Ambrose Kettlewell", "Wilfred Ormerod") for p, _ in roles)


def test_plural_titles_and_substitution_in_prose(prose):
    got = attendance(prose)
    assert {("Armitage", "apologies"), ("Beresford", "apologies"), ("Calloway", "apologies"),
            ("Dimmock", "apologies"), ("Egerton", "apologies"), ("Fairbairn", "substitute")} <= got
    assert ("Fairbairn", "apologies") not in got


def test_letter_spaced_present_with_substitutes(prose):
    got = attendance(prose)
    assert {("S Goodall", "present"), ("R Hepwington", "substitute"), ("N Jagger", "present")} <= got
    assert ("S Goodall", "chair") in memberships(prose)
    # "the following Members were Present" labels them as members; a substitute is not one
    assert ("N Jagger", "member") in memberships(prose)
    assert not any(p == "R Hepwington" for p, _ in memberships(prose))


def test_find_people_units():
    assert despace("were P r e s e n t: Mayor") == "were Present: Mayor"
    names = [e.person.name for e in find_people("Cllr Anna Prycington Westvale County Council Tomas Reid Westvale "
                                                "County Council Chief Executive")]
    assert names == ["Anna Prycington", "Tomas Reid"]
    # a first name no lexicon knows, after an organisation's last word, with a surname that is a first name
    names = [e.person.name for e in find_people("Cllr Anna Prycington Westvale County Council Zorayda Grant Westvale "
                                                "County Council Chief Executive")]
    assert names == ["Anna Prycington", "Zorayda Grant"]
    # a bare run of first name + surname pairs, one first name unknown to any lexicon
    pairs = [e.person.name for e in find_people("Laura Fincington Peter Marsington Quillon Abara Helen Stone Public Governor")]
    assert pairs == ["Laura Fincington", "Peter Marsington", "Quillon Abara", "Helen Stone"]
    labels = [s.status for s in sections("Present: Cllr A Doe Also Present: J Roe Apologies: Mr K Poe")]
    assert labels == ["present", "also_in_attendance", "apologies"]


# --- lists over several lines: sub-headings by organisation, a lost heading, presence in prose ---

@pytest.fixture(scope="module")
def grouped():
    return _facts("people_grouped_blocks_minutes.txt")


@pytest.fixture(scope="module")
def headless():
    return _facts("people_headless_town_minutes.txt")


@pytest.fixture(scope="module")
def inferred():
    return _facts("people_inferred_presence_minutes.txt")


def test_present_list_grouped_by_representing_blocks(grouped):
    got = attendance(grouped)
    assert {("A Farquhar", "present"), ("D Kinnaird", "substitute"), ("L Ogilvie", "present"),
            ("T Buchanan", "present"), ("E Lauder", "present"), ("H Gilchrist", "present"),
            ("F Drummond", "officer_in_attendance"), ("C Urquhart", "officer_in_attendance"),
            ("G Pringle", "apologies"), ("R Tennington", "apologies"), ("W Balfour", "apologies"),
            ("N Bairington", "present"), ("O Cowan", "present"), ("V Rintoul", "also_in_attendance"),
            ("W Ure", "also_in_attendance")} == got
    board = "Westvale Partnership Board"
    # (the meeting heading's body name is the meeting reader's; only its ending is asserted here)
    rows = {(f.fields["person"], board if f.fields["body"].endswith(board) else f.fields["body"], f.fields["role"],
             f.fields["affiliation"]) for f in grouped if f.type == "membership"}
    # "Representing X:" blocks are seats by organisation; a substitute holds none; "Locality Forum
    # Chairs:" entries chair their place's forum; a listed joint chair chairs the body named
    assert rows == {("A Farquhar", board, "member", "Westvale Council"), ("L Ogilvie", board, "member", "Westvale Council"),
                    ("T Buchanan", board, "member", "NHS Westvale"), ("E Lauder", board, "member", "NHS Westvale"),
                    ("H Gilchrist", board, "member", "Police Scotland"), ("N Bairington", board, "member", None),
                    ("O Cowan", board, "member", None), ("N Bairington", "Northdale Locality Forum", "chair", None),
                    ("O Cowan", "Eastfield and Moorside Locality Forum", "chair", None),
                    ("V Rintoul", "Westvale Community Safety Partnership", "co-chair", None)}


def test_list_whose_heading_was_lost(headless):
    got = attendance(headless)
    assert {("J Ainsworth", "present"), ("P Bramley", "present"), ("R Dunnett", "present"),
            ("T Fairington", "present"), ("H Greeington", "officer_in_attendance"),
            ("V Hollinrake", "officer_in_attendance"), ("Ingham", "apologies")} <= got
    assert memberships(headless) == {("R Dunnett", "chair"), ("P Bramley", "vice-chair")}


def test_presence_inferred_and_for_whom_substitutes(inferred):
    got = attendance(inferred)
    assert {("Ashwington", "present"), ("Brindle", "present"), ("D E Cartwright", "present"),
            ("Jo Deaington", "apologies"), ("Ravi Ward", "substitute"), ("Colin Eves", "apologies"),
            ("Nadia Farr", "substitute"), ("Tom Garnett", "present"), ("Kay Hursington", "present"),
            ("Raj Iqbaington", "present")} == got
    subs = {f.fields["person"]: f.fields["substitute_for"] for f in inferred
            if f.type == "attendance" and f.fields["status"] == "substitute"}
    assert subs == {"Ravi Ward": "Jo Deaington", "Nadia Farr": "Colin Eves"}


def test_lists_wrapped_over_lines_with_honours_and_a_wrapped_apologies_sentence():
    facts = _facts("people_wrapped_council_minutes.txt")
    got = attendance(facts)
    assert got == {("K Abboington", "present"), ("L Blackwood", "present"), ("P R Castle", "present"),
                   ("Hugh Denton", "present"), ("R Ellery", "present"), ("J T Fenwington", "present"),
                   ("A Galington", "present"), ("M Hargington", "present"), ("S Ingram", "officer_in_attendance"),
                   ("T Jarvis", "officer_in_attendance"), ("Kirby", "apologies"), ("Lomax", "apologies"),
                   ("Mercington", "apologies"), ("Nolan", "apologies")}
    assert {f.fields["date"] for f in facts if f.type == "attendance"} == {"2025-03-04"}
    assert memberships(facts) == {("K Abboington", "chair"), ("L Blackwood", "vice-chair")}


def test_heading_apart_from_its_list_and_presence_from_prose():
    facts = _facts("people_heading_apart_minutes.txt")
    assert attendance(facts) == {("Gareth Pryor", "apologies"), ("Nia Vaughan", "apologies"),
                                 ("Owain Pricington", "present"), ("Ffion Rees", "present"), ("Carys Lloyd", "present"),
                                 ("Dafydd Oweington", "present"), ("Elin Morgan", "also_in_attendance")}
    # new members welcomed are members; an observer is not
    assert memberships(facts) == {("Carys Lloyd", "member"), ("Dafydd Oweington", "member")}


def test_member_page_whose_heading_was_lost():
    facts = _facts("people_member_page.txt")
    rows = {(f.fields["person"], f.fields["body"], f.fields["role"]) for f in facts if f.type == "membership"}
    body = "Health and Wellbeing Board"
    assert rows == {("Amelia Hartley", body, "member"), ("Bernard Osei", body, "member"),
                    ("Catherine Doyle", body, "member"), ("Daniel Whitmore", body, "member")}
    assert not attendance(facts)


def test_labelled_runs_with_guests():
    facts = _facts("people_board_runs_minutes.txt")
    # members, then officers, then "Present:" for the others there (guests), then the secretariat;
    # the list ends at the numbered item
    assert attendance(facts) == {
        ("Andrew Barnes", "present"), ("Helen Carver", "present"), ("Simon Dale", "present"),
        ("Laura Elliington", "officer_in_attendance"), ("Martin Frost", "officer_in_attendance"),
        ("Graham Hilington", "also_in_attendance"), ("Susan Irwin", "also_in_attendance"),
        ("Paul Jordan", "officer_in_attendance")}
    assert {p for p, _ in memberships(facts)} == {"Andrew Barnes", "Helen Carver", "Simon Dale"}


def test_flattened_table_over_two_lines():
    facts = _facts("people_table_two_lines_minutes.txt")
    # the table's second line has no header: its status letters still count
    assert attendance(facts) == {("Peter Kemington", "present"), ("Rachel Lord", "present"),
                                 ("Sarah Mosington", "apologies"), ("James Nolan", "present")}
    assert memberships(facts) == {("Peter Kemington", "chair"), ("Rachel Lord", "member"), ("Sarah Mosington", "member"),
                                  ("James Nolan", "member")}


def test_one_unreadable_list_does_not_lose_the_others(monkeypatch):
    import extract.people.attendance as attendance_module

    real = attendance_module.find_people

    def flaky(text, *args, **kwargs):
        if "Ackroyd" in text:
            raise ValueError("unreadable")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(attendance_module, "find_people", flaky)
    result = extract_document(load_document(PAPERS / "people_runon_panel_minutes.txt"))
    got = attendance(result.facts)
    assert ("T Pennock", "present") in got and ("O Brieington", "apologies") in got
    assert not any(p == "J Ackroyd" for p, _ in got)


def test_an_agenda_in_attendance_list_names_expected_attendees():
    facts = _facts("people_agenda_attendees.txt")
    assert not attendance(facts)  # an agenda says who is expected, not who came
    rows = {(f.fields["person"], f.fields["role"]) for f in facts if f.type == "membership"}
    assert rows == {("T Abboington", "chair"), ("R Bingham", "member"), ("S Carlile", "additional attendee"),
                    ("D Dobbs", "additional attendee")}
