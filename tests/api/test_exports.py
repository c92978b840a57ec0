"""`/export/{format}` over HTTP, and the new formats through `api.exports` as the CLI uses them."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import httpx
import networkx as nx
import pyoxigraph as ox
import pytest

from api.exports import EXPORT_FORMATS, export_to
from graph.store import GraphStore
from api_support import assert_error

MEMBER_OF = "member_of"


def test_facts_jsonl(client: httpx.Client) -> None:
    r = client.get("/export/facts")
    assert r.headers["content-type"].startswith("application/x-ndjson")
    facts = [json.loads(line) for line in r.text.splitlines()]
    assert len(facts) == 49
    assert {"type": "change", "doc": "02_hwb_2022-03-10.txt", "line": 12} .items() <= next(
        f for f in facts if f["type"] == "change").items()


@pytest.mark.parametrize(("fmt", "rdf_format"), [("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG),
                                                  ("turtle", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_rdf_exports_parse(client: httpx.Client, fmt: str, rdf_format: ox.RdfFormat) -> None:
    r = client.get(f"/export/{fmt}")
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    parsed = list(ox.parse(r.content, format=rdf_format))
    subjects = {getattr(q, "subject").value for q in parsed}
    assert "https://w3id.org/govgraph/id/person/erin-black" in subjects


def test_graphml_network(client: httpx.Client) -> None:
    r = client.get("/export/graphml")
    graph = nx.read_graphml(io.BytesIO(r.content))
    ann = "https://w3id.org/govgraph/id/person/ann-smith"
    board = "https://w3id.org/govgraph/id/organisation/wexcombe-health-and-wellbeing-board"
    assert graph.nodes[ann]["label"] == "Ann Smith" and graph.nodes[ann]["type"] == "person"
    roles = sorted(d["as_of"] for _, _, d in graph.edges(ann, data=True) if d["relation"] == MEMBER_OF)
    assert roles == ["2021-06-17", "2022-03-10", "2023-01-12"]
    assert any(d["relation"] == "reports_to" for _, _, d in graph.edges(board, data=True))


def test_gexf_network(client: httpx.Client) -> None:
    graph = nx.read_gexf(io.BytesIO(client.get("/export/gexf").content))
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert {"Ann Smith", "Wexcombe Council", "SP1", "1.1"} <= labels


def test_csv_tables_zip(client: httpx.Client) -> None:
    r = client.get("/export/csv")
    assert r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert {"people.csv", "organisations.csv", "memberships.csv", "positions.csv", "attendance.csv",
                "relations.csv", "plans.csv", "actions.csv", "principles.csv", "alignments.csv",
                "documents.csv"} == set(zf.namelist())
        memberships = list(csv.DictReader(io.StringIO(zf.read("memberships.csv").decode())))
        people = list(csv.DictReader(io.StringIO(zf.read("people.csv").decode())))
    assert len(memberships) == 11
    carol = [m for m in memberships if m["person"] == "Carol White"]
    assert sorted((m["as_of"], m["role"], m["line"]) for m in carol) == [("2021-06-17", "member", "12"),
                                                                         ("2022-03-10", "vice-chair", "6")]
    assert sorted(p["name"] for p in people) == ["Ann Smith", "Bob Jones", "Carol White", "Dave Green", "Erin Black"]


def test_popolo(client: httpx.Client) -> None:
    body = client.get("/export/popolo").json()
    assert set(body) == {"persons", "organizations", "memberships", "posts"}
    assert len(body["persons"]) == 5
    ann = "https://w3id.org/govgraph/id/person/ann-smith"
    mine = [m for m in body["memberships"] if m["person_id"] == ann]
    assert len(mine) == 4  # three board listings and one post
    post = next(m for m in mine if "post_id" in m)
    assert {p["id"]: p for p in body["posts"]}[post["post_id"]]["label"] == "Cabinet Member for Health"
    assert all(m["sources"][0]["url"].startswith("/documents/") for m in body["memberships"])


def test_unknown_format_is_422(client: httpx.Client) -> None:
    assert_error(client.get("/export/xlsx"), 422, "invalid_parameter")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "popolo"])
def test_cli_export_formats(data_dir, fmt: str) -> None:
    assert fmt in EXPORT_FORMATS
    store = GraphStore.open(data_dir, read_only=True)
    try:
        buf = io.BytesIO()
        export_to(store, fmt, buf)
    finally:
        store.close()
    assert len(buf.getvalue()) > 500
