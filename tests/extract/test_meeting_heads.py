"""The paper's own meeting, in the forms councils print its title block; never a guessed date.

Each paper is an invented fixture: bodies, places and people are made up.
"""
from __future__ import annotations

import pytest

from extract.people.meetings import find_meetings
from extract import Document


def _doc(text: str) -> Document:
    return Document(id="0" * 16, name="t.txt", path="t.txt", format="txt", lines=text.split("\n"))


def _own(text: str) -> dict:
    found = find_meetings(_doc(text))
    assert found, "no meeting found"
    return found[0]


MODERNGOV = """Agenda and minutes

Pellmore Police and Crime Panel - Tuesday, 14th March, 2023 2.00 pm

Venue: Council Chamber, Guild Hall, Pellmore. View directions

Items
No. Item

1.

Apologies

Minutes:
Apologies were received from Councillor Ada Quill."""

FORM_LABELS = """Minutes of the Thornbury Safeguarding Adults Board (TSAB) Meeting

Minutes of the Thornbury Safeguarding Adults Board (TSAB) Meeting MEETING: Thornbury Safeguarding Adults Board Date of 3rd May 2019 Meeting:

LOCATION: Civic Offices Time of 10am to 12pm Room 4 Meeting:"""

BODY_OVER_DATE = """Meeting Details

Pellingham Integration Joint Board
12 Mar 2022 - 10:00 to 12:00
Public Items
1. Welcome and Apologies
The Chair welcomed members to the meeting."""

DATE_LABEL_UNDER_TITLE = """Agendas, reports and minutes

Orrisdale Community Planning Partnership Board

Date: Wednesday, 9 June 2021

Minutes: Read the Minutes

Present: Ms B Tarrow (Chair), Mr C Yelland"""

TWO_DIGIT_YEAR = """MEETING OF THE HARROWFELL LICENSING COMMITTEE

25.10.12 Guild Hall, Harrowfell

Present: Cllr D Wemyss, Cllr E Fanshawe"""

RUN_ON_OF_DATE = """Brynmawr Public Services Board
Total Page:9
Bwrdd Gwasanaethau Cyhoeddus Brynmawr Public Services Board Meeting 3 4th of July, 2016 Council Chamber, Llanfair 10am MINUTES Present: Cllr Owain Prys"""

DATE_IN_TITLE = """Fenmarsh Policing Board Minutes 6 May 2021
File Type:pdf
FENMARSH POLICING BOARD MINUTES OF THE MEETING OF THE FENMARSH POLICING BOARD HELD ON THURSDAY 6 MAY 2021 AT 9.30 AM PRESENT: Mr Ivo Carran"""

AT_A_MEETING = """Minutes Template
KESTLEWAY COMBINED AUTHORITY PUBLICATION: 18 SEPTEMBER 2017 DEADLINE FOR CALL-IN: 25 SEPTEMBER 2017 At a meeting of the Kestleway Combined Authority held in the Authority Chamber, Kestleway on Friday, 15th September, 2017 the following Members were present: Councillor F Garrow"""

HELD_ON_NO_BODY = """Minutes of the Meeting held on Thursday 16 April 2015 in the Lark Room, Station House, Ashdown Present: Gina Holt - Independent Chair. Gina Holt welcomed everyone to the first meeting of the newly established Ashdown Adults Board."""

REFERENCED_ONLY = """Venue: Quayside Hall, Marlow Street
Contact: Hetty Brand
No. | Item |
Apologies To receive any apologies. Minutes: Apologies were received from Cllr Ivy Penn.
Minutes of the previous meeting To approve the minutes of the 20 March 2024 meeting. Minutes: The minutes of the meeting on 20 March 2024 were approved.
Membership of the Combined Authority To note the membership of the Combined Authority."""

ORG_MINUTES_OF_BOARD = """Wyndham Health NHS Foundation Trust Minutes of the Board Meeting in Public Tuesday 25 April 2017 10:15 - 12:30 The Cedar Centre Members: Jon Abbot"""

ITEM_PAGE = """Issue - meetings


Meeting: 13/06/2013 - Community Safety Partnership (Item 64)

64 Minutes

To confirm the minutes of the meeting held on 21 March as a correct record."""


WEB_SUMMARY = """advertisement Summary of the Ashgrove Partnership Board Meeting
Tuesday 5 March 2013

Present: Ms Ida Crane (Chair), Mr Leo Vance"""

REPORT_TITLE = """Future arrangements for the Tollbury Children's Trust Board
Meeting of the Board on 17 May 2010

Present: Cllr Bea Hollis"""


@pytest.mark.parametrize("text, body, date, role", [
    (MODERNGOV, "Pellmore Police and Crime Panel", "2023-03-14", "minutes"),
    (FORM_LABELS, "Thornbury Safeguarding Adults Board", "2019-05-03", "minutes"),
    (BODY_OVER_DATE, "Pellingham Integration Joint Board", "2022-03-12", "minutes"),
    (DATE_LABEL_UNDER_TITLE, "Orrisdale Community Planning Partnership Board", "2021-06-09", "minutes"),
    (TWO_DIGIT_YEAR, "Harrowfell Licensing Committee", "2012-10-25", "minutes"),
    (RUN_ON_OF_DATE, "Brynmawr Public Services Board", "2016-07-04", "minutes"),
    (DATE_IN_TITLE, "Fenmarsh Policing Board", "2021-05-06", "minutes"),
    (AT_A_MEETING, "Kestleway Combined Authority", "2017-09-15", "minutes"),
    (HELD_ON_NO_BODY, "Ashdown Adults Board", "2015-04-16", "minutes"),
    (ORG_MINUTES_OF_BOARD, "Wyndham Health NHS Foundation Trust Board", "2017-04-25", "minutes"),
    (ITEM_PAGE, "Community Safety Partnership", "2013-06-13", "minutes"),
    (WEB_SUMMARY, "Ashgrove Partnership Board", "2013-03-05", "minutes"),
    (REPORT_TITLE, "Tollbury Children's Trust Board", "2010-05-17", "minutes"),
])
def test_own_meeting_in_every_title_form(text, body, date, role):
    own = _own(text)
    assert (own["body"].lower(), own["date"], own["role"]) == (body.lower(), date, role)


def test_a_referenced_meeting_is_not_the_papers_meeting():
    """Only the minutes of an earlier meeting are dated: the paper's own meeting stays undated, but exists."""
    own = _own(REFERENCED_ONLY)
    assert own["date"] is None
    assert own["body"] == "Combined Authority"
    assert own["role"] == "minutes"
    assert own["line"] == 1  # before every attendance line, so attendance can attach to it


def test_no_meeting_for_a_paper_that_is_not_about_one():
    strategy = "Greenholme Carers Strategy 2021-2024\n\nAdopted 4 March 2021\n\nOur vision is for every carer to be seen."
    assert find_meetings(_doc(strategy)) == []


HELD_THEIR_MEETING = """10 March 2021

Brynhafod Community Council held their meeting remotely via Zoom at 7.30pm on the 10th March 2021.

PRESENT

Councillors Elin Rowe, Guto Parry and Hywel Ames

1. TO CONFIRM THE MINUTES OF THE LAST MEETING It was proposed by Cllr. E. Rowe, seconded by Cllr. G. Parry that they be signed."""

MINUTES_ITEM_INSIDE_MINUTES = """YARROWDALE FOSTERING PANEL - 29 October 2024

MINUTES of a meeting of the Yarrowdale Fostering Panel held in the Council Chamber.

PRESENT: Ann Tolley (Chair), Bea Marsh

4. Minutes of the meeting held on 30 July 2024

RESOLVED that the minutes be approved.

5. Apologies

Apologies were received from Cara Lund."""


def test_body_held_their_meeting_and_a_present_heading():
    own = _own(HELD_THEIR_MEETING)
    assert (own["body"], own["date"], own["role"], own["mode"]) == \
        ("Brynhafod Community Council", "2021-03-10", "minutes", "virtual")


def test_an_earlier_meetings_minutes_item_is_not_a_meeting_of_the_paper():
    found = find_meetings(_doc(MINUTES_ITEM_INSIDE_MINUTES))
    # the heading and the "MINUTES of a meeting of ..." line are one meeting, dated by the heading
    assert {(m["id"], m["date"], m["role"]) for m in found} == \
        {("yarrowdale-fostering-panel-2024-10-29", "2024-10-29", "minutes")}
