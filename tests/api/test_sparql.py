"""The SPARQL 1.1 Protocol endpoint: methods, formats, read-only, timeout, row cap, rdflib as a client."""
from __future__ import annotations

import csv
import io
import time
import xml.etree.ElementTree as ET

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from api_support import assert_error

PEOPLE = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?p ?name WHERE { ?p a foaf:Person ; rdfs:label ?name } ORDER BY ?name"""
NAMES = ["Ann Smith", "Bob Jones", "Carol White", "Dave Green", "Erin Black"]
CONSTRUCT = "CONSTRUCT WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }"


def test_get_json(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": "application/sparql-results+json"})
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    body = r.json()
    assert body["head"]["vars"] == ["p", "name"]
    assert [b["name"]["value"] for b in body["results"]["bindings"]] == NAMES
    assert body["results"]["bindings"][0]["p"] == {"type": "uri", "value": "https://w3id.org/govgraph/id/person/ann-smith"}


def test_post_form_and_post_query_body(client: httpx.Client) -> None:
    form = client.post("/sparql", data={"query": PEOPLE}).json()
    direct = client.post("/sparql", content=PEOPLE, headers={"Content-Type": "application/sparql-query"}).json()
    assert form == direct
    assert len(form["results"]["bindings"]) == 5


@pytest.mark.parametrize(("accept", "media"), [("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab"),
                                               ("application/sparql-results+xml", "application/sparql-results+xml")])
def test_result_formats_by_accept(client: httpx.Client, accept: str, media: str) -> None:
    r = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    if accept == "text/csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert [row["name"] for row in rows] == NAMES
    elif accept.startswith("text/tab"):
        lines = r.text.splitlines()
        assert lines[0] == "?p\t?name"
        assert lines[1] == '<https://w3id.org/govgraph/id/person/ann-smith>\t"Ann Smith"'
    else:
        ns = {"s": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(r.text)
        assert [e.text for e in root.findall(".//s:binding[@name='name']/s:literal", ns)] == NAMES


def test_format_parameter_overrides_accept(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": PEOPLE, "format": "csv"}, headers={"Accept": "application/json"})
    assert r.headers["content-type"].startswith("text/csv")
    assert_error(client.get("/sparql", params={"query": PEOPLE, "format": "pdf"}), 406, "not_acceptable")


def test_ask(client: httpx.Client) -> None:
    assert client.get("/sparql", params={"query": "ASK { ?s a <http://xmlns.com/foaf/0.1/Person> }"}).json() == {
        "head": {}, "boolean": True}


def test_construct_as_turtle_and_ntriples(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle")
    triples = set(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    assert len(triples) == 5
    nt = client.get("/sparql", params={"query": CONSTRUCT, "format": "ntriples"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert set(ox.parse(nt.content, format=ox.RdfFormat.N_TRIPLES)) == triples
    assert_error(client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"}), 406)


def test_default_graph_uri_limits_the_dataset(client: httpx.Client) -> None:
    graph = "https://w3id.org/govgraph/graph/doc/cccc000000000003"
    body = client.get("/sparql", params={"query": PEOPLE, "default-graph-uri": graph}).json()
    assert [b["name"]["value"] for b in body["results"]["bindings"]] == ["Ann Smith", "Dave Green", "Erin Black"]
    assert_error(client.get("/sparql", params={"query": PEOPLE, "default-graph-uri": "<http://evil>"}), 400)


@pytest.mark.parametrize("request_kwargs", [
    {"method": "GET", "url": "/sparql", "params": {"query": "DROP ALL"}},
    {"method": "GET", "url": "/sparql", "params": {"update": "DROP ALL"}},
    {"method": "POST", "url": "/sparql", "data": {"update": "CLEAR DEFAULT"}},
    {"method": "POST", "url": "/sparql", "data": {"query": "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"}},
    {"method": "POST", "url": "/sparql", "content": "DELETE WHERE { ?s ?p ?o }",
     "headers": {"Content-Type": "application/sparql-update"}},
])
def test_updates_are_refused(client: httpx.Client, request_kwargs: dict) -> None:
    error = assert_error(client.request(**request_kwargs), 403, "read_only")
    assert "read-only" in error["message"]
    assert client.get("/health").json()["documents"] == 3


def test_bad_requests(client: httpx.Client) -> None:
    assert_error(client.get("/sparql"), 400, "missing_query")
    assert_error(client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "}), 400, "query_syntax")
    assert_error(client.post("/sparql", content=b"SELECT", headers={"Content-Type": "text/plain"}), 400)


def test_row_cap_truncates_and_says_so(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(r.json()["results"]["bindings"]) == 50  # the fixture server's row_cap
    assert r.headers["x-result-truncated"].startswith("true")
    small = client.get("/sparql", params={"query": PEOPLE})
    assert "x-result-truncated" not in small.headers


def test_timeout_stops_a_runaway_query_and_the_endpoint_recovers(client: httpx.Client) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    error = assert_error(client.get("/sparql", params={"query": runaway}), 503, "query_timeout")
    assert time.monotonic() - started < 10  # the fixture server's timeout is 2 s
    assert "2 s" in error["message"]
    for _ in range(3):  # both workers answer again
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore_as_a_client(base_url: str, method: str) -> None:
    store = SPARQLStore(base_url + "/sparql", method=method)
    graph = Graph(store=store)
    rows = list(graph.query(PEOPLE))
    assert [str(name) for _, name in rows] == NAMES
    assert rows[0][0] == URIRef("https://w3id.org/govgraph/id/person/ann-smith")
    assert graph.query("ASK { ?s ?p ?o }").askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert len(constructed) == 5
