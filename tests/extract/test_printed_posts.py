"""Posts printed for named people in run-on lists and prose; invented names and bodies."""
from __future__ import annotations

from extract.people.posts import civic, entries, ranks, suffixes
from extract import Document, extract_document

#: a flattened attendance table: "Name (XX) – Post, Organisation STATUS" entries on one line
DASH_RUN = ("Board Member P A DNA Hollis Varga (HV) – Chair P Oona Bexley (OB) – Designated Nurse, Adult Safeguarding, "
            "CCG P Tamsin Rook (TR) – Detective Chief Inspector, Fenwold Police A Ewart Plimmer (EP) – Head of "
            "Housing, Fenwold Council P")

#: a run-on "PRESENT:" paragraph with titled names, comma posts, footnote stars and capitalised block headings
COMMA_RUN = ("PRESENT: Mr Dorian Pask Chair Ms Nell Arden MLA* Mr Osric Vane MLA* POLICE SERVICE OF (2) Mr Cyril Toth, "
             "Chief Constable* IN ATTENDANCE: Mrs Wilma Strand, Chief Executive BOARD OFFICIALS Ms Greta Lund, "
             "Director of Resources Mr Piet Haas, Human Rights Advisor")


def test_dash_entries_cut_at_the_next_name():
    got = {name: post for name, post, _ in entries(DASH_RUN)}
    assert got["Oona Bexley"] == "Designated Nurse, Adult Safeguarding, CCG"
    assert got["Tamsin Rook"] == "Detective Chief Inspector, Fenwold Police"
    assert got["Ewart Plimmer"] == "Head of Housing, Fenwold Council"


def test_comma_entries_in_a_run_on_paragraph():
    got = {name: post for name, post, _ in entries(COMMA_RUN)}
    assert got["Mr Cyril Toth"] == "Chief Constable"
    assert got["Mrs Wilma Strand"] == "Chief Executive"
    assert got["Ms Greta Lund"] == "Director of Resources"
    assert got["Mr Piet Haas"] == "Human Rights Advisor"
    assert not any(name.endswith("Arden") for name in got)


def test_a_place_or_a_sentence_is_no_post():
    assert list(entries("Community Partnership Chairs: Mr E Lamb, Farnholt")) == []
    assert list(entries("Awareness Raising - Training was given to forty staff over the year on the new duty.")) == []


def test_ranks_civic_titles_and_suffixes():
    assert {(n, p) for n, p, _ in ranks("Ch Supt G Farrow and Ch Insp J Mallet; PC Ned Quill and Sgt Bond")} == {
        ("G Farrow", "Chief Superintendent"), ("J Mallet", "Chief Inspector"), ("Ned Quill", "Police Constable")}
    assert {(n, p) for n, p, _ in civic("Metro Mayor S Rowntree, Deputy Mayor A Kell and Mayor Dora Fitch, "
                                        "Mayor of Ashby")} == {("S Rowntree", "Metro Mayor"), ("A Kell", "Deputy Mayor"),
                                                               ("Dora Fitch", "Mayor of Ashby")}
    assert {(n, p) for n, p, _ in suffixes("Apologies from Mr Jack Doyle MLA and Fern Aster MP")} == {
        ("Mr Jack Doyle", "MLA"), ("Fern Aster", "MP")}


def test_positions_from_a_paper():
    text = "\n".join(["Minutes of the Fenwold Policing Board held on 4 March 2021", "",
                      "The update was given by Mrs Wilma Strand, Chief Executive. Ms Nell Arden MLA asked a question.", "",
                      "Contact: Orla Pym Tel: 01632 960123", "", "Inspector K Dunne, Fenwold Police, presented.", "",
                      "Rory Tasker, Housing Services Director at Fenwold Council, gave an update on the plan.", "",
                      "Guests: Cllr Ivo Marr (Co-opted Member), Tilda Swale (Chair)"])
    doc = Document(id="0" * 16, name="t.txt", path="t.txt", format="txt", lines=text.split("\n"))
    posts = {(f.fields["person"], f.fields["post"]) for f in extract_document(doc).facts if f.type == "position"}
    assert ("Wilma Strand", "Chief Executive") in posts
    assert ("Nell Arden", "MLA") in posts
    assert ("K Dunne", "Inspector") in posts
    assert not any(person == "Orla Pym" for person, _ in posts)  # a phone number is no post
    assert ("Rory Tasker", "Housing Services Director at Fenwold Council") in posts  # cut before ", gave"
    assert not any(person in ("Ivo Marr", "Tilda Swale") for person, _ in posts)  # roles on the body, not posts


def test_name_then_post_in_brackets():
    from extract.people.posts import bracketed
    got = {(n, p) for n, p, _ in bracketed("Board Members: Hugo Lantern (Chief Executive), Mira Solt (Chair), "
                                          "Kit Ember MP (Mayoral Adviser – Rural Affairs), Ada Pine (substitute)")}
    assert got == {("Hugo Lantern", "Chief Executive"), ("Kit Ember", "Mayoral Adviser – Rural Affairs")}


def test_pipe_table_of_titled_names_initials_and_posts():
    text = "\n".join(["Memberships", "| Prof. A Quist | Chair | Non Executive Director (Chairman) |",
                      "| Mr B C Lowry | CEO | Chief Executive Officer |", "| Ms D Farr | DF | Director of People |"])
    doc = Document(id="0" * 16, name="t.txt", path="t.txt", format="txt", lines=text.split("\n"))
    posts = {(f.fields["person"], f.fields["post"]) for f in extract_document(doc).facts if f.type == "position"}
    assert ("B C Lowry", "Chief Executive Officer") in posts
    assert ("D Farr", "Director of People") in posts
    assert not any(post in ("Chair", "CEO", "DF") for _, post in posts)  # the initials column is no post
