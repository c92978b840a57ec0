"""Dates as councils write them; never a guessed day or year."""
from __future__ import annotations

from datetime import date

import pytest

from extract.dates import find_dates, iso, parse_date


@pytest.mark.parametrize("text, expected", [
    ("Thursday 26 January 2023", date(2023, 1, 26)),
    ("Thursday, 26 January 2023", date(2023, 1, 26)),
    ("THURSDAY, 18TH MARCH 2021", date(2021, 3, 18)),
    ("24th March 2021", date(2021, 3, 24)),
    ("1st of June 2022", date(2022, 6, 1)),
    ("2 Feb. 2023", date(2023, 2, 2)),
    ("Sept 9 2021", date(2021, 9, 9)),
    ("March 24, 2021", date(2021, 3, 24)),
    ("26/01/2023", date(2023, 1, 26)),
    ("26.01.23", date(2023, 1, 26)),
    ("5/1/23", date(2023, 1, 5)),
    ("2023-01-26", date(2023, 1, 26)),
    ("2092021", date(2021, 9, 2)),
    ("24112022", date(2022, 11, 24)),
    ("Date: Wednesday 13th July 2022, 10am - 12 noon", date(2022, 7, 13)),
    ("HEALTH AND WELLBEING BOARD - 17th June 2021", date(2021, 6, 17)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "March 2021", "Feb 2018", "12 October", "2021", "2021-2024", "2021/22", "3 - 6",
    "31/02/2023",  # no such day
    "2.2.13", "5.1.13 A community reassurance process", "2.1.3 Page 12",  # action and paragraph numbers
    "page 12 of 2021", "",
])
def test_no_date_is_guessed(text):
    assert parse_date(text) is None


def test_squashed_dates_only_as_a_whole_cell():
    assert parse_date(" 2092021 ") == date(2021, 9, 2)
    assert parse_date("ref 2092021") is None
    assert find_dates("2092021") == []


def test_find_dates_in_order_with_spans():
    text = "Agreed on 2023-01-26, reviewed 24th March 2021 and due 26/01/2024."
    found = find_dates(text)
    assert [d for d, _, _ in found] == [date(2023, 1, 26), date(2021, 3, 24), date(2024, 1, 26)]
    assert [text[s:e] for _, s, e in found] == ["2023-01-26", "24th March 2021", "26/01/2024"]


def test_a_date_is_found_once():
    assert [d for d, _, _ in find_dates("Thursday 17 June 2021 (17/06/2021)")] == [date(2021, 6, 17)] * 2
    assert len(find_dates("Thursday 17 June 2021")) == 1


def test_action_numbers_beside_a_date():
    assert [d for d, _, _ in find_dates("5.1.13 started 02.09.21")] == [date(2021, 9, 2)]


def test_iso():
    assert iso(date(2023, 2, 2)) == "2023-02-02"
    assert iso(None) is None
