"""Attendance tables flattened by a page's columns.

- a two-column table (name | post) read column by column: a run of bare names under several labels,
  then a run of their posts, matched by order ("Members: A B In Attendance: C Chair Director ...");
- block headings of a two-column page interleaved with the entries ("COASTGUARD AGENCY (2) Ms A,
  Commander IN Mr B, Deputy ATTENDANCE:"): the heading still decides the status of its block.
"""
from pathlib import Path

import pytest

from extract.documents import load_document
from extract.pipeline import extract_document
from extract.people.runon import aligned_posts, heading_status, interleaved_headings

PAPERS = Path(__file__).parent.parent / "data" / "papers"


def _facts(name):
    return extract_document(load_document(PAPERS / name)).facts


def positions(facts):
    return {(f.fields["person"], f.fields["post"]) for f in facts if f.type == "position"}


@pytest.fixture(scope="module")
def columns():
    return _facts("people_column_runs_minutes.txt")


@pytest.fixture(scope="module")
def interleaved():
    return _facts("people_interleaved_headings_minutes.txt")


def test_post_run_is_cut_into_as_many_posts_as_names():
    assert aligned_posts(4, "Chair Chief Executive Officer Director of Finance & Estates Non-Executive Director") == [
        "Chair", "Chief Executive Officer", "Director of Finance & Estates", "Non-Executive Director"]
    assert aligned_posts(3, "Lead Governor Member of the public Eastmere CCG") == [
        "Lead Governor", "Member of the public", "Eastmere CCG"]
    # a linking word never ends a post, and a piece with no post word is no post
    assert aligned_posts(2, "Director of Finance") is None
    assert aligned_posts(3, "Chair Director") is None


def test_names_then_posts_are_matched_by_order(columns):
    got = positions(columns)
    assert {("Tobias Grint", "Chief Executive"), ("Marisol Okafor", "Non-Executive Director"),
            ("Declan Fenwright", "Director of Finance & Estates"), ("Priya Ashdown", "Non-Executive Director"),
            ("Gareth Pomfrey", "Director of People (Workforce, Culture & Education)"),
            ("Lucille Arden", "Company Secretary & Head of Governance"), ("Rowan Tillet", "Lead Governor"),
            ("Nadia Brooke", "Board Business Coordinator")} <= got
    assert ("Fabian Cole", "Representative") in got  # a body alone in the post column
    assert not any(p == "Esther Quigg" for p, _ in got)  # "Member of the public" is no post
    # "Interim Chair" in the post column makes the member the chair, not a post
    assert not any(p == "Oona Bellweather" for p, _ in got)
    roles = {(f.fields["person"], f.fields["role"]) for f in columns if f.type == "membership"}
    assert ("Oona Bellweather", "chair") in roles and ("Tobias Grint", "member") in roles
    # no post word is read as a person
    assert not any("Governor" in f.fields["person"] for f in columns if f.type == "attendance")


def test_interleaved_block_headings_set_the_status(interleaved):
    status = {f.fields["person"]: f.fields["status"] for f in interleaved if f.type == "attendance"}
    assert status["Rufus Penhaligon"] == status["Jory Pascoe"] == "present"
    assert status["Elowen Rowe"] == status["Kenver Tonkin"] == "also_in_attendance"
    assert status["Morwenna Jago"] == status["Cador Nance"] == status["Tamsin Vosper"] == "officer_in_attendance"
    assert status["Hedley Bolitho"] == "apologies"
    assert "Gwen Bolitho" not in status  # "whose sister ..." ends the apologies


def test_interleaved_heading_units():
    tails = [" Chair ", "* COASTGUARD AGENCY (2) ", ", Commander* IN ", ", Deputy* ATTENDANCE: ", ", Clerk"]
    heads = interleaved_headings(tails)
    assert heads[:2] == [None, None]
    assert heads[2] == heads[3] == heads[4] == "COASTGUARD AGENCY IN ATTENDANCE:"
    assert interleaved_headings([" Chair ", ", Clerk MLA "]) == [None, None]
    assert heading_status("ANYTOWN BOARD OFFICIALS IN ATTENDANCE:", None) == "officer_in_attendance"
    assert heading_status("ANYTOWN BOARD ADVISER IN ATTENDANCE:", "Anytown Board") == "officer_in_attendance"
    assert heading_status("FIRE SERVICE IN ATTENDANCE:", "Anytown Board") == "also_in_attendance"


def test_flattened_table_rows_give_posts():
    facts = _facts("people_table_rows_posts_minutes.txt")
    got = {p: post for p, post in positions(facts)}
    assert got["Oswin Tarrant"].startswith("Head of Adult Safeguarding")
    assert got["Greta Lindqvist"].startswith("Designated Nurse for Safeguarding")
    assert got["Piers Hollowell"].startswith("Detective Superintendent, Public Protection")
    assert "Maud Fenner" not in got  # "Independent Chair" of the board is a membership, not a post
    orgs = {f.fields["person"]: f.fields["organisation"] for f in facts if f.type == "position"}
    assert orgs["Oswin Tarrant"].endswith("Eastvale Borough Council") and orgs["Piers Hollowell"] == "Northmarsh Police"
    status = {f.fields["person"]: f.fields["status"] for f in facts if f.type == "attendance"}
    assert status == {"Maud Fenner": "present", "Oswin Tarrant": "present", "Greta Lindqvist": "apologies",
                      "Piers Hollowell": "present", "Colm Brannigan": "substitute"}
    # the name right after a row's "A" sits in the DEPUTY column: the deputy came in her place
    sub = next(f for f in facts if f.type == "attendance" and f.fields["person"] == "Colm Brannigan")
    assert sub.fields["substitute_for"] == "Greta Lindqvist"
    assert not any(f.type == "membership" and f.fields["person"] == "Colm Brannigan" for f in facts)


def test_name_then_post_with_no_separator():
    facts = _facts("people_name_post_runs_minutes.txt")
    post = {f.fields["person"]: f.fields["post"] for f in facts if f.type == "position"}
    assert post["Gethin Morvan"] == "Head of Partnerships, Bryngarth County Council"
    assert post["Lowri Caradog"] == "Programme Officer, Bryngarth County Council"
    # a body's name ("... Executive Group") and a body alone are no posts
    assert "Rhodri Penhallow" not in post and "Alys Tremain" not in post


def test_chair_of_the_meetings_own_body_is_no_post():
    from extract.people.posts import chairs_own_body
    assert chairs_own_body("Chair of the Board", "Anytown Safeguarding Board")
    assert chairs_own_body("ASB Vice Chair", "Anytown Safeguarding Board")
    assert chairs_own_body("Chairperson of the Combined Authority", "Anyshire Combined Authority")
    assert not chairs_own_body("Chair, Anytown CCG", "Anytown Safeguarding Board")
    assert not chairs_own_body("Chair", "Anytown Safeguarding Board")
    assert not chairs_own_body("Head of Housing", "Anytown Safeguarding Board")


def test_a_payment_line_is_no_post(tmp_path):
    paper = tmp_path / "payments.txt"
    paper.write_text("Minutes of the meeting of Fernwick Community Council held on 3 May 2023\n\n"
                     "Payments approved:\n"
                     "Mrs Ffion Bevan, Clerk’s April Salary, Chq No 2211 £410.00\n"
                     "Mr Idris Morgan, Internal Auditor, Fernwick Community Council\n"
                     "Mrs Bethan Rowlands, Head of Housing, of Fernwick Community Council\n", encoding="utf-8")
    facts = extract_document(load_document(paper)).facts
    post = {f.fields["person"]: f.fields["post"] for f in facts if f.type == "position"}
    assert "Ffion Bevan" not in post
    assert post.get("Idris Morgan", "").startswith("Internal Auditor")
    assert not any(p.startswith("of ") for p in post.values())  # a post never starts with a linking word


def test_chairs_named_in_prose_and_notes_and_plural_titles_with_a_stop(tmp_path):
    paper = tmp_path / "community_council.txt"
    paper.write_text(
        "Minutes of the meeting of Llanwern Fach Community Council held on 12 April 2023\n\n"
        "PRESENT: Cllr Alun Price (Chair), Cllr Mair Hughes, Cllr Gwyn Rees, Cllr Sian Lloyd, Cllr Dafydd Owen and "
        "Cllr Eleri Powell, with officers and partners present for item 3 only.\n"
        "IN ATTENDANCE: Tomos Pugh (Co-Chair Valley Transport Subgroup), Nia Bowen (Clerk), Ieuan Jarvis (Planning "
        "Officer), Ffion Parry (Youth Worker), Rhian Hopkins (Finance Officer) and Osian Lewis (Project Officer).\n\n"
        "Apologies received from Cllrs. Carys Morgan, Emyr Watkins and Elin Roberts.\n\n"
        "It was agreed that the existing officers - Chairperson Cllr. A. Price and Vice Chairperson Cllr. M. Hughes "
        "remain in post until the annual meeting.\n", encoding="utf-8")
    facts = extract_document(load_document(paper)).facts
    status = {f.fields["person"]: f.fields["status"] for f in facts if f.type == "attendance"}
    assert {status.get(p) for p in ("Carys Morgan", "Emyr Watkins", "Elin Roberts")} == {"apologies"}
    roles = {(f.fields["person"], f.fields["body"], f.fields["role"]) for f in facts if f.type == "membership"}
    assert ("Tomos Pugh", "Valley Transport Subgroup", "co-chair") in roles
    assert any(p.endswith("Hughes") and r == "vice-chair" for p, _, r in roles)
    assert not any(f.type == "change" and f.fields["person"].endswith("Hughes") for f in facts)  # no change: they stay


def test_a_label_naming_a_post_and_a_member_suffix_beside_a_bracketed_post(tmp_path):
    paper = tmp_path / "combined_authority.txt"
    paper.write_text(
        "At a meeting of the Westmarch Combined Authority held on Friday, 7th July, 2023 the following Members were "
        "Present: Metro Mayor K Dunmore Chairperson of the Combined Authority (in the Chair) Councillor P Lisle, "
        "Councillor R Oakham and Councillor T Verity. Mayoral Advisors in attendance Iona Strachan (Further "
        "Education) Dr F Wetherby (Rural Economy) 12. APOLOGIES FOR ABSENCE Apologies for absence were received on "
        "behalf of Councillor S Fairley, Nora Quayle MP (Mayoral Advisor – Transport) and Councillor G Pell.\n",
        encoding="utf-8")
    facts = extract_document(load_document(paper)).facts
    got = positions(facts)
    assert ("Iona Strachan", "Mayoral Advisor (Further Education)") in got
    assert ("F Wetherby", "Mayoral Advisor (Rural Economy)") in got
    assert ("Nora Quayle", "MP") in got and any(p == "Nora Quayle" and "Mayoral Advisor" in post for p, post in got)
    assert not any(p == "S Fairley" for p, _ in got)  # the next entry is not her post
    assert ("K Dunmore", "Metro Mayor") in got
    assert not any("Chairperson" in post for _, post in got)  # the chair of the meeting's own body


def test_dotted_rank():
    from extract.people import posts
    assert list(posts.ranks("4. P.C.S.O. Gareth Lowe joined the meeting")) == [
        ("Gareth Lowe", "Police Community Support Officer", 3)]
