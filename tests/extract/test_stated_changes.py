"""Stated changes and chairs in the phrasings minutes use; invented papers and names."""
from __future__ import annotations

from extract import Document, extract_document

MINUTES = """Agenda and minutes

Ashcombe Police and Crime Panel - Friday, 12th July, 2024 10.00 am

Venue: Council Chamber, Guild Hall

Items
No. Item

1.

Election of Chair

Minutes:
Mr Tobias Wrenfield was elected to chair the Panel for the 2024/25 Municipal Year.

2.

Election of Deputy Chair

Minutes:
Miss Odile Farrant was elected Deputy Chair for the 2024/25 Municipal Year.

3.

Announcements

Minutes:
The Panel was told that Mrs K Pembury, the Commissioner's Finance Officer had resigned. Last year's Chair, Councillor Stroud thanked Members for their support.
New members were welcomed - Marit Oyelowo - Head of Housing, Ashcombe Council and Petra Lindqvist, Ashcombe NHS.
Nuala Brereton from Ashcombe Fire Service has joined the Road Safety Steering Group.
The Chair reported that Ingrid Vasquez, the Youth Service Manager had recently retired.
Councillor P Quarry attended in place of Councillor Dunlevy.
The public bodies of Ashcombe and Lowmere have joined together as one Board.

4.

Mayoralty

Minutes:
RESOLVED: That Councillor Mrs R T Hollins be re-elected Mayor for the ensuing municipal year.
RESOLVED: That Councillor B Okafor be appointed Deputy Mayor for the ensuing municipal year.
RESOLVED: That the Council's appreciation be recorded of the contribution of Councillor F Daly during his Deputy Mayoral year.
Mr Ames proposed, and Mr Cole seconded that Mr G Tarrant be elected
to Chair the meeting. No other nominations were received.
RESOLVED: That Cllr Hywel Brace
(Lowmere County Council) be appointed Chair, and that Cllr Emrys Gwent
(Ashcombe County Council) be appointed Vice Chair of the Ashcombe Joint Committee.
"""


def _facts():
    doc = Document(id="0" * 16, name="t.txt", path="t.txt", format="txt", lines=MINUTES.split("\n"))
    return extract_document(doc).facts


def test_changes_in_minutes_phrasings():
    changes = {(f.fields["change"], f.fields["person"]) for f in _facts() if f.type == "change"}
    assert changes == {
        ("appointed_chair", "Tobias Wrenfield"), ("role_changed", "Odile Farrant"),
        ("left", "K Pembury"), ("role_changed", "Stroud"),
        ("joined", "Marit Oyelowo"), ("joined", "Petra Lindqvist"), ("joined", "Nuala Brereton"),
        ("left", "Ingrid Vasquez"),
        ("appointed_chair", "R T Hollins"), ("role_changed", "B Okafor"), ("role_changed", "F Daly"),
        ("appointed_chair", "Hywel Brace"), ("role_changed", "Emrys Gwent"), ("appointed_chair", "G Tarrant"),
    }  # a substitute "in place of" someone, and bodies "joining together", are no changes


def test_chair_elections_give_chair_memberships_and_chaired_by():
    facts = _facts()
    members = {(f.fields["person"], f.fields["role"], f.fields["body"], f.fields["as_of"])
               for f in facts if f.type == "membership"}
    assert ("Tobias Wrenfield", "chair", "Ashcombe Police and Crime Panel", "2024-07-12") in members
    assert ("Odile Farrant", "vice-chair", "Ashcombe Police and Crime Panel", "2024-07-12") in members
    assert ("Hywel Brace", "chair", "Ashcombe Joint Committee", "2024-07-12") in members
    chaired = {(f.fields["subject"], f.fields["object"]) for f in facts
               if f.type == "oversight" and f.fields["relation"] == "chaired_by"}
    assert ("Ashcombe Police and Crime Panel", "Tobias Wrenfield") in chaired
    assert not any(obj == "Odile Farrant" for _, obj in chaired)  # a deputy chairs nothing
    assert not any(obj == "G Tarrant" for _, obj in chaired)  # chairing one meeting is not chairing the body


def test_departure_dates_are_not_guessed():
    left = {f.fields["person"]: f.fields["date"] for f in _facts() if f.type == "change" and f.fields["change"] == "left"}
    # reported at the 12 July meeting: the minutes' date, never an invented effective date
    assert left["Ingrid Vasquez"] == "2024-07-12"
