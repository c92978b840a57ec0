"""Membership over time: tenures and as-of answers that never guess."""
from __future__ import annotations

from graph.tenures import Listing, StatedChange, Timeline

BOARD = "Northfold Wellbeing Board"


def _listings() -> list[Listing]:
    rows = {
        "2021-06-01": [("Amara Quist", "chair"), ("Ben Oduya", "member"), ("Cora Lind", "member")],
        "2022-06-01": [("Amara Quist", "chair"), ("Ben Oduya", "member"), ("Dev Patel", "member")],
        "2023-06-01": [("Ben Oduya", "chair"), ("Dev Patel", "member"), ("Cora Lind", "member")],
    }
    return [Listing(person, BOARD, role, date, "paper.txt", i + 1)
            for date, people in rows.items() for i, (person, role) in enumerate(people)]


def test_members_on_a_listing_date_are_exactly_that_listing() -> None:
    timeline = Timeline(_listings())
    yes = {a.person: a.role for a in timeline.members(BOARD, "2022-06-01") if a.member == "yes"}
    assert yes == {"Amara Quist": "chair", "Ben Oduya": "member", "Dev Patel": "member"}


def test_between_listings_only_people_on_both_sides_are_yes() -> None:
    timeline = Timeline(_listings())
    answers = {a.person: a.member for a in timeline.members(BOARD, "2021-12-01")}
    assert answers == {"Amara Quist": "yes", "Ben Oduya": "yes", "Cora Lind": "unknown", "Dev Patel": "unknown"}


def test_absent_from_the_listing_of_that_date_is_no() -> None:
    timeline = Timeline(_listings())
    assert timeline.member(BOARD, "Cora Lind", "2022-06-01").member == "no"
    assert timeline.member(BOARD, "Cora Lind", "2022-03-01").member == "unknown"


def test_before_first_and_after_last_listing_is_never_yes() -> None:
    timeline = Timeline(_listings())
    assert {a.member for a in timeline.members(BOARD, "2020-01-01")} == {"unknown"}
    late = {a.person: a.member for a in timeline.members(BOARD, "2024-01-01")}
    assert late["Dev Patel"] == "unknown" and late["Amara Quist"] == "no"


def test_changes_between_dates_cite_both_ends() -> None:
    timeline = Timeline(_listings())
    changes = {(c.change, c.person) for c in timeline.changes_between(BOARD, "2021-06-01", "2023-06-01")}
    assert changes == {("left", "Amara Quist"), ("role_changed", "Ben Oduya"), ("joined", "Dev Patel")}
    ben = next(c for c in timeline.changes_between(BOARD, "2021-06-01", "2023-06-01") if c.person == "Ben Oduya")
    assert (ben.role_from, ben.role_to) == ("member", "chair")
    assert ben.evidence_from.as_of == "2021-06-01" and ben.evidence_to.as_of == "2023-06-01"


def test_tenures_are_runs_of_consecutive_listings() -> None:
    tenures = Timeline(_listings()).tenures()
    cora = [(t.first_cited, t.last_cited, t.status) for t in tenures if t.person == "Cora Lind"]
    assert cora == [("2021-06-01", "2021-06-01", "ended"), ("2023-06-01", "2023-06-01", "current")]
    ben = [(t.role, t.status) for t in tenures if t.person == "Ben Oduya"]
    assert ben == [("member", "ended"), ("chair", "current")]


def test_stated_departure_is_used_and_a_contradiction_is_flagged() -> None:
    stated = [StatedChange("left", "Amara Quist", BOARD, "2022-09-01", "retired from the Board"),
              StatedChange("left", "Ben Oduya", BOARD, "2022-10-01", "stood down")]
    assert Timeline(_listings()).member(BOARD, "Amara Quist", "2022-12-01").member == "unknown"
    timeline = Timeline(_listings(), stated)
    assert timeline.member(BOARD, "Amara Quist", "2022-12-01").member == "no"
    assert timeline.member(BOARD, "Ben Oduya", "2022-12-01").member == "unknown"
    flagged = [c for c in timeline.changes_between(BOARD, "2022-06-01", "2023-06-01") if c.disagreement]
    assert {c.person for c in flagged} == {"Ben Oduya"}


def test_interlocks_are_people_with_two_seats_on_a_date() -> None:
    other = [Listing("Dev Patel", "Riverside Safety Partnership", "member", "2022-06-01")]
    timeline = Timeline(_listings() + other)
    assert list(timeline.interlocks("2022-06-01", confirmed_only=True)) == ["Dev Patel"]


def test_undated_and_vacancy_listings_answer_nothing() -> None:
    rows = [Listing("Eve Marr", BOARD, "member", None), Listing("", BOARD, "vacancy", "2022-06-01")]
    timeline = Timeline(rows)
    assert timeline.listing_dates(BOARD) == []
    assert [a.member for a in timeline.members(BOARD, "2022-06-01")] == ["unknown"]


def test_a_stated_join_holds_only_up_to_a_listing_that_names_them() -> None:
    stated = [StatedChange("joined", "Dev Patel", BOARD, "2022-01-15", "welcomed to the Board"),
              StatedChange("joined", "Eve Marr", BOARD, "2023-09-01", "joined the Board")]
    timeline = Timeline(_listings(), stated)
    dev = timeline.member(BOARD, "Dev Patel", "2022-02-01")
    assert (dev.member, dev.evidence[0].as_of) == ("yes", "2022-06-01")
    assert timeline.member(BOARD, "Dev Patel", "2022-01-01").member == "unknown"
    assert timeline.member(BOARD, "Eve Marr", "2024-01-01").member == "unknown"


def test_interlocks_include_unknown_seats_after_the_confirmed_ones() -> None:
    other = [Listing("Dev Patel", "Riverside Safety Partnership", "member", "2022-06-01"),
             Listing("Cora Lind", "Riverside Safety Partnership", "member", "2021-06-01"),
             Listing("Ben Oduya", "Riverside Safety Partnership", "member", "2021-06-01")]
    timeline = Timeline(_listings() + other)
    both = timeline.interlocks("2021-12-01")
    assert list(both) == ["Ben Oduya", "Cora Lind", "Dev Patel"]  # Ben: yes + unknown; the others unknown twice
    assert [a.member for a in both["Ben Oduya"]] == ["yes", "unknown"]
    assert list(timeline.interlocks("2022-06-01", confirmed_only=True)) == ["Dev Patel"]


def test_an_undated_listing_turns_a_bracketed_no_into_unknown() -> None:
    undated = [Listing("Cora Lind", BOARD, "member", None, "terms.txt", 4)]
    timeline = Timeline(_listings() + undated)
    answer = timeline.member(BOARD, "Cora Lind", "2022-06-01")
    assert answer.member == "unknown" and "undated paper (terms.txt)" in answer.reason
    assert answer.evidence[0].doc == "terms.txt"
    assert Timeline(_listings()).member(BOARD, "Cora Lind", "2022-06-01").member == "no"
    assert [l.doc for l in timeline.undated(BOARD)] == ["terms.txt"]
