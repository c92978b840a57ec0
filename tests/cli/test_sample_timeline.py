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


def _json(*args: str) -> dict:
    result = runner.invoke(app, list(args) + ["--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _answers(answer: dict) -> list[dict]:
    """Every member answer of a `members` JSON (the API's Members), as flat rows."""
    return [{**a, "person": a["person"]["name"]} for group in ("members", "unknown", "former", "future")
            for a in answer[group]]


@pytest.mark.parametrize("day", sorted(LISTED))
def test_members_on_each_listing_date_match_the_paper(sample_data: Path, day: str) -> None:
    rows = _answers(_json("members", BOARD, "--as-of", day, "--data", str(sample_data)))
    yes = {r["person"]: r["role"] for r in rows if r["member"] == "yes"}
    assert yes == LISTED[day]
    assert all(r["evidence"] and r["evidence"][0]["document_name"] for r in rows if r["member"] == "yes")


def test_between_listings_people_on_one_side_only_are_unknown(sample_data: Path) -> None:
    members = _json("members", BOARD, "--as-of", "2021-12-01", "--data", str(sample_data))
    answer = {r["person"]: r["member"] for r in _answers(members)}
    assert answer["Nadia Brennan"] == "yes"
    assert answer["Lucy Varga"] == "yes"  # stated: joined on 2021-11-18
    assert answer["Harriet Okonjo"] == "no"  # stated: left at the 2021-11-18 meeting: shown, answered no
    assert [a["person"]["name"] for a in members["former"]] == ["Harriet Okonjo"]
    assert answer["Graham Oduya"] == "unknown"  # listed from 2022-03-10 only, never stated


def test_cli_json_is_the_apis_answer(sample_data: Path) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app
    from api.settings import Settings

    cli = _json("members", BOARD, "--as-of", "2022-06-01", "--data", str(sample_data))
    with TestClient(create_app(Settings(data=sample_data))) as client:
        api = client.get(f"/bodies/{cli['body']['key']}/members", params={"as_of": "2022-06-01"}).json()
    assert cli == api
    assert {a["person"]["name"] for a in cli["former"]} == {"Harriet Okonjo"}  # left before, never listed again
    assert cli["future"] == [] and {a["person"]["name"] for a in cli["unknown"]} >= {"Kwame Asante"}


def test_a_later_joiner_is_future_not_former(sample_data: Path) -> None:
    early = _json("members", BOARD, "--as-of", "2021-06-17", "--data", str(sample_data))
    names = lambda group: {a["person"]["name"] for a in early[group]}  # noqa: E731
    assert "Kwame Asante" in names("future") | names("unknown") and "Kwame Asante" not in names("former")


def test_changes_between_two_listings(sample_data: Path) -> None:
    rows = _json("changes", BOARD, "--from", "2021-06-17", "--to", "2022-03-10", "--data", str(sample_data))["changes"]
    rows = [{**r, "person": r["person"]["name"]} for r in rows]
    got = {(r["change"], r["person"]) for r in rows}
    assert got == {("joined", "Lucy Varga"), ("joined", "Graham Oduya"), ("left", "Harriet Okonjo"),
                   ("role_changed", "Martin Ashdown")}
    ashdown = next(r for r in rows if r["person"] == "Martin Ashdown")
    assert (ashdown["role_from"], ashdown["role_to"]) == ("member", "chair")
    assert [e["as_of"] for e in ashdown["evidence"][:2]] == ["2021-06-17", "2022-03-10"]


def test_body_is_found_by_any_of_its_names(sample_data: Path) -> None:
    for name in ("Wexcombe Health and Wellbeing Board", "health & wellbeing board"):
        rows = _json("members", name, "--as-of", "2023-02-02", "--data", str(sample_data))
        assert len(rows["members"]) == 13


def test_unknown_body_and_bad_date_are_clear_errors(sample_data: Path) -> None:
    missing = runner.invoke(app, ["members", "Planning Committee of Nowhere", "--as-of", "2022-01-01",
                                  "--data", str(sample_data)])
    assert missing.exit_code == 1 and "no body named" in missing.output
    bad = runner.invoke(app, ["members", BOARD, "--as-of", "next tuesday", "--data", str(sample_data)])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_version_and_names_for_views(sample_data: Path, tmp_path: Path) -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("govgraph ")
    out = tmp_path / "t.html"
    ok = runner.invoke(app, ["view", "timeline", "--body", "health & wellbeing board", "-o", str(out),
                             "--data", str(sample_data)])
    assert ok.exit_code == 0, ok.output
    assert "Harriet Okonjo" in out.read_text(encoding="utf-8")
    person = runner.invoke(app, ["view", "neighbourhood", "--entity", "Harriet Okonjo", "-o", str(out),
                                 "--data", str(sample_data)])
    assert person.exit_code == 0, person.output
    bad = runner.invoke(app, ["view", "timeline", "--body", "Board of Nowhere", "-o", str(out),
                              "--data", str(sample_data)])
    assert bad.exit_code == 1 and "no body named" in bad.output


def test_interlocks_json_matches_the_api(sample_data: Path) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app
    from api.settings import Settings

    cli = _json("interlocks", "--as-of", "2022-06-01", "--data", str(sample_data))
    with TestClient(create_app(Settings(data=sample_data))) as client:
        api = client.get("/people/interlocks", params={"as_of": "2022-06-01"}).json()
    assert cli == api and cli["as_of"] == "2022-06-01"
    assert all(len(p["seats"]) >= 2 and {s["member"] for s in p["seats"]} <= {"yes", "unknown"} for p in cli["people"])


def test_user_errors_are_one_line_without_a_traceback(sample_data: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    for args in (["export", "-o", str(tmp_path / "no" / "such" / "dir.jsonl"), "--data", str(sample_data)],
                 ["view", "timeline", "--body", "Board of Nowhere", "-o", str(tmp_path / "v.html"),
                  "--data", str(sample_data)]):
        run = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=root, capture_output=True, text=True,
                             timeout=120)
        assert run.returncode == 1 and "error:" in run.stderr and "Traceback" not in run.stderr, run.stderr
