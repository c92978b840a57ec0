"""The app over the sample council built by the real pipeline, through real HTTP."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
from typer.testing import CliRunner

from api.cli import app as cli


def _board(client: httpx.Client) -> str:
    bodies = client.get("/bodies", params={"q": "wellbeing board"}).json()["items"]
    listed = [b["body"]["key"] for b in bodies
              if client.get(f"/bodies/{b['body']['key']}").json()["listing_dates"]]
    assert len(listed) == 1, bodies
    return listed[0]


def test_front_page_is_the_ui_and_health_counts_the_sample(sample_client: httpx.Client) -> None:
    home = sample_client.get("/", follow_redirects=True)
    assert home.status_code == 200 and "text/html" in home.headers["content-type"]
    health = sample_client.get("/health").json()
    assert health["documents"] == 6 and health["triples"] > 1000


def test_members_as_of_agree_with_the_command_line(sample_client: httpx.Client, sample_data: Path) -> None:
    key = _board(sample_client)
    api = sample_client.get(f"/bodies/{key}/members", params={"as_of": "2022-03-10"}).json()
    result = CliRunner().invoke(cli, ["members", "Health and Wellbeing Board", "--as-of", "2022-03-10",
                                      "--data", str(sample_data), "--format", "json"])
    assert json.loads(result.stdout) == api  # one answer: the command line prints the API's JSON
    assert len(api["members"]) == 13


def test_changes_over_http_cite_both_ends(sample_client: httpx.Client) -> None:
    key = _board(sample_client)
    body = sample_client.get(f"/bodies/{key}/changes", params={"from": "2022-03-10", "to": "2023-02-02"}).json()
    got = {(c["change"], c["person"]["name"]) for c in body["changes"]}
    assert got == {("joined", "Kwame Asante"), ("left", "Owen Pelling")}
    pelling = next(c for c in body["changes"] if c["person"]["name"] == "Owen Pelling")
    assert pelling["date"] == "2022-06-30"  # stated: retired on 30 June 2022
    assert {e["document_name"][:2] for e in pelling["evidence"]} == {"02", "03"}


def test_gaps_name_the_plan_nobody_oversees(sample_client: httpx.Client) -> None:
    gaps = sample_client.get("/gaps").json()
    unoverseen = json.dumps(gaps).lower()
    assert "night-time economy charter" in unoverseen


def test_views_render_from_the_sample(sample_client: httpx.Client) -> None:
    for name in ("membership", "oversight", "alignment"):
        page = sample_client.get(f"/views/{name}.html")
        assert page.status_code == 200, name
        assert "vis-network" in page.text or "vis.Network" in page.text
