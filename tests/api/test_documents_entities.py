"""Documents with their facts, entity search, entities with facts and evidence."""
from __future__ import annotations

import httpx

from api_support import assert_error


def test_documents_are_listed_with_pagination(client: httpx.Client) -> None:
    body = client.get("/documents").json()
    assert body["total"] == 3
    assert [d["name"] for d in body["items"]] == ["01_hwb_2021-06-17.txt", "02_hwb_2022-03-10.txt",
                                                  "03_hwb_2023-01-12.txt"]
    second = client.get("/documents", params={"limit": 1, "offset": 1}).json()
    assert (second["total"], second["limit"], second["offset"]) == (3, 1, 1)
    assert [d["id"] for d in second["items"]] == ["bbbb000000000002"]


def test_a_document_has_its_facts_with_evidence(client: httpx.Client) -> None:
    body = client.get("/documents/bbbb000000000002", params={"limit": 100}).json()
    assert body["date"] == "2022-03-10"
    facts = body["fact_list"]["items"]
    assert body["fact_list"]["total"] == len(facts) == 10
    change = next(f for f in facts if f["type"] == "change")
    assert change["fields"]["changeType"] == ["joined"]
    assert change["evidence"][0]["line"] == 12
    assert change["evidence"][0]["quote"] == "Dave Green joined the Board"
    assert change["evidence"][0]["extractor"] == "govgraph.test.change.v1"
    lines = [f["evidence"][0]["line"] for f in facts]
    assert lines == sorted(lines)


def test_unknown_document_is_404(client: httpx.Client) -> None:
    assert_error(client.get("/documents/ffff000000000000"), 404, "not_found")


def test_entity_search_by_text_and_type(client: httpx.Client) -> None:
    body = client.get("/entities", params={"q": "WEXCOMBE"}).json()
    keys = {(e["type"], e["key"]) for e in body["items"]}
    assert ("organisation", "wexcombe-council") in keys
    assert ("plan", "wexcombe-violence-reduction-strategy") in keys
    people = client.get("/entities", params={"q": "white", "type": "person"}).json()
    assert [e["name"] for e in people["items"]] == ["Carol White"]
    principles = client.get("/entities", params={"q": "prevention", "type": "principle"}).json()
    assert [e["name"] for e in principles["items"]] == ["SP1"]
    assert client.get("/entities", params={"q": "white", "type": "plan"}).json()["total"] == 0


def test_entity_with_facts_and_evidence(client: httpx.Client) -> None:
    body = client.get("/entities/person/bob-jones").json()
    assert body["entity"]["name"] == "Bob Jones"
    assert "http://xmlns.com/foaf/0.1/Person" in body["types"]
    kinds = sorted(f["type"] for f in body["facts"])
    assert kinds == ["attendance", "membership"]
    attendance = next(f for f in body["facts"] if f["type"] == "attendance")
    assert attendance["fields"]["status"] == ["apologies"]
    assert attendance["evidence"][0] == {
        "id": attendance["evidence"][0]["id"], "fact_type": "attendance", "document": "aaaa000000000001",
        "document_name": "01_hwb_2021-06-17.txt", "line": 21, "quote": "Apologies: Dr Bob Jones",
        "extractor": "govgraph.test.attendance.v1", "confidence": 1.0, "as_of": None,
        "href": "/documents/aaaa000000000001"}
    assert [e["line"] for e in body["evidence"]] == [11]  # the person fact itself


def test_evidence_of_any_fact(client: httpx.Client) -> None:
    body = client.get("/entities/person/bob-jones").json()
    membership = next(f for f in body["facts"] if f["type"] == "membership")
    key = membership["id"].rsplit("/", 1)[1]
    evidence = client.get(f"/entities/membership/{key}/evidence").json()
    assert [(e["document_name"], e["line"], e["quote"]) for e in evidence] == [
        ("01_hwb_2021-06-17.txt", 11, "Bob Jones - member")]
    fact = client.get(f"/entities/membership/{key}").json()
    assert fact["properties"]["role"] == ["member"]
    assert fact["evidence"][0]["extractor"] == "govgraph.test.membership.v1"
    ev_key = evidence[0]["id"].rsplit("/", 1)[1]
    assert client.get(f"/entities/evidence/{ev_key}/evidence").json()[0]["line"] == 11


def test_oversight_relations_appear_on_both_ends(client: httpx.Client) -> None:
    cabinet = client.get("/entities/organisation/wexcombe-cabinet").json()
    relations = {(r["relation"], r["direction"], r["other"]["key"]) for r in cabinet["relations"]}
    assert relations == {("reports_to", "in", "wexcombe-health-and-wellbeing-board"),
                         ("reports_to", "out", "wexcombe-council")}


def test_unknown_entity_is_404(client: httpx.Client) -> None:
    assert_error(client.get("/entities/person/nobody-at-all"), 404, "not_found")
    assert_error(client.get("/entities/person/nobody-at-all/evidence"), 404, "not_found")
