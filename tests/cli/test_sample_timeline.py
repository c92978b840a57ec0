"""Membership over time on the sample council, whose timeline extract/sample/README.md states."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()
BOARD = "Health and Wellbeing Board"

LISTED = {
    "2021-06-17": {"Harriet Okonjo": "chair", "Martin Ashdown": "member", "Nadia Brennan": "member",
                   "Priya Ramanathan": "member", "Marcus Fenwick": "member", "Owen Pelling": "member",
                   "Gillian Hawthorne": "member", "Rosa Delgado-Finch": "member",
                   "Diane Moorcroft": "independent adviser", "Tom Brennan": "additional attendee",
                   "Alan Reddish": "additional attendee", "Fiona Latchford": "additional attendee"},
}
LISTED["2022-03-10"] = {**{k: v for k, v in LISTED["2021-06-17"].items() if k != "Harriet Okonjo"},
                        "Martin Ashdown": "chair", "Lucy Varga": "member", "Graham Oduya": "independent adviser"}
LISTED["2023-02-02"] = {**{k: v for k, v in LISTED["2022-03-10"].items() if k != "Owen Pelling"},
                        "Kwame Asante": "member"}


def _json(*args: str) -> list[dict]:
    result = runner.invoke(app, list(args) + ["--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("day", sorted(LISTED))
def test_members_on_each_listing_date_match_the_paper(sample_data: Path, day: str) -> None:
    rows = _json("members", BOARD, "--as-of", day, "--data", str(sample_data))
    yes = {r["person"]: r["role"] for r in rows if r["member"] == "yes"}
    assert yes == LISTED[day]
    assert all(r["evidence"] and r["evidence"][0]["doc"] for r in rows if r["member"] == "yes")


def test_between_listings_people_on_one_side_only_are_unknown(sample_data: Path) -> None:
    rows = _json("members", BOARD, "--as-of", "2021-12-01", "--data", str(sample_data))
    answer = {r["person"]: r["member"] for r in rows}
    assert answer["Nadia Brennan"] == "yes"
    assert answer["Lucy Varga"] == "yes"  # stated: joined on 2021-11-18
    assert "Harriet Okonjo" not in answer  # stated: left at the 2021-11-18 meeting
    assert answer["Graham Oduya"] == "unknown"  # listed from 2022-03-10 only, never stated


def test_changes_between_two_listings(sample_data: Path) -> None:
    rows = _json("changes", BOARD, "--from", "2021-06-17", "--to", "2022-03-10", "--data", str(sample_data))
    got = {(r["change"], r["person"]) for r in rows}
    assert got == {("joined", "Lucy Varga"), ("joined", "Graham Oduya"), ("left", "Harriet Okonjo"),
                   ("role_changed", "Martin Ashdown")}
    ashdown = next(r for r in rows if r["person"] == "Martin Ashdown")
    assert (ashdown["role_from"], ashdown["role_to"]) == ("member", "chair")
    assert ashdown["evidence"]["from"]["as_of"] == "2021-06-17"
    assert ashdown["evidence"]["to"]["as_of"] == "2022-03-10"


def test_body_is_found_by_any_of_its_names(sample_data: Path) -> None:
    for name in ("Wexcombe Health and Wellbeing Board", "health & wellbeing board"):
        rows = _json("members", name, "--as-of", "2023-02-02", "--data", str(sample_data))
        assert len([r for r in rows if r["member"] == "yes"]) == 13


def test_unknown_body_and_bad_date_are_clear_errors(sample_data: Path) -> None:
    missing = runner.invoke(app, ["members", "Planning Committee of Nowhere", "--as-of", "2022-01-01",
                                  "--data", str(sample_data)])
    assert missing.exit_code == 1 and "no body named" in missing.output
    bad = runner.invoke(app, ["members", BOARD, "--as-of", "next tuesday", "--data", str(sample_data)])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
