"""Hostile requests against the running app (uvicorn on 127.0.0.1, a real store, no mocks):
federated queries, runaway and abandoned work, floods, and builds made while the server runs."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest

import corpus
from api_support import LiveServer, assert_error, build_store

from api.settings import Settings
from graph.errors import QueryError
from graph.store import GraphStore
from api.build import derive

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DOCUMENTS = ("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/govgraph/ontology#Document> }")

# ---- helpers ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def endpoint() -> Iterator[tuple[str, list[str]]]:
    """An HTTP endpoint on 127.0.0.1 recording every request it gets: (base URL, paths hit)."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            hits.append(self.path)
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"leaked"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.fixture()
def listener(endpoint: tuple[str, list[str]]) -> tuple[str, list[str]]:
    endpoint[1].clear()
    return endpoint


def worker_pids(kind: str) -> set[int]:
    """The worker processes of one pool ("sparql" or "pages") this test process started."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("reads worker processes from /proc")
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                argv = cmdline.read().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and any(b"api.workers" in a for a in argv) and kind.encode() in argv:
            found.add(int(entry))
    return found


def eventually(check: Callable[[], bool], within: float) -> float:
    """Seconds until `check()` held (fails after `within`)."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < within, f"not within {within} s"
        time.sleep(0.1)
    return time.monotonic() - started


def count(client: httpx.Client) -> tuple[int, str]:
    r = client.get("/sparql", params={"query": DOCUMENTS})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"]), r.headers["x-govgraph-snapshot"]


# ---- 1. federated queries ----------------------------------------------------------------------------

FEDERATED = [
    "SELECT * WHERE {{ SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}/b> {{ ?s ?p ?o }} }}",
    "PREFIX e: <{url}/> SELECT * WHERE {{ SeRvIcE e:c {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SELECT * {{ SERVICE # a comment\n <{url}/d> {{ ?s ?p ?o }} }} }} }}",
    "ASK {{ FILTER EXISTS {{ SERVICE<{url}/e>{{?s ?p ?o}} }} }}",
]


@pytest.mark.parametrize("template", FEDERATED)
@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_service_is_refused_before_any_request_leaves(client: httpx.Client, listener: tuple[str, list[str]],
                                                      template: str, how: str) -> None:
    url, hits = listener
    query = template.format(url=url)
    if how == "get":
        r = client.get("/sparql", params={"query": query})
    elif how == "form":
        r = client.post("/sparql", data={"query": query})
    else:
        r = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    error = assert_error(r, 400, "service_refused")
    assert "'query'" in error["message"] and "SERVICE" in error["message"]
    assert hits == []


def test_the_word_service_elsewhere_is_no_federation(client: httpx.Client, listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    query = (f'PREFIX service: <{url}/> SELECT ?service WHERE {{ BIND("SERVICE <{url}/x> {{}}" AS ?service) '
             f'OPTIONAL {{ ?service service:p <{url}/SERVICE> }} }} # SERVICE <{url}/y> {{}}')
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    assert client.get("/ui", params={"q": f"SERVICE <{url}/z> {{ ?s ?p ?o }}"}).status_code == 200
    assert hits == []


def test_the_store_refuses_service_on_every_query_path(data_dir: Path, listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    with GraphStore.open(data_dir, read_only=True) as store:
        with pytest.raises(QueryError, match="SERVICE"):
            store.query(f"SELECT * WHERE {{ SERVICE SILENT <{url}/g> {{ ?s ?p ?o }} }}")
    assert hits == []


# ---- 2. bounded requests -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bulky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture council plus 40,000 labels in a graph of their own: its JSON-LD export takes seconds."""
    path = build_store(tmp_path_factory.mktemp("bulky"))
    store = ox.Store(str(path / "store"))
    label, graph = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.NamedNode("https://example.org/bulk")
    store.bulk_extend(ox.Quad(ox.NamedNode(f"https://example.org/thing/{i}"), label, ox.Literal(f"thing {i}"), graph)
                      for i in range(40_000))
    store.flush()
    del store
    return path


def test_a_slow_page_is_stopped_at_its_deadline(bulky: Path) -> None:
    others = worker_pids("pages")  # other servers' workers
    with LiveServer(Settings(data=bulky, request_timeout=1.0, workers=1)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as client:
        running = worker_pids("pages") - others
        assert len(running) == 1
        started = time.monotonic()
        r = client.get("/export/jsonld")
        assert time.monotonic() - started < 3
        assert_error(r, 503, "query_timeout")
        assert int(r.headers["retry-after"]) >= 1
        eventually(lambda: not running & worker_pids("pages"), 5)  # its worker was killed, not left running
        eventually(lambda: client.get("/documents").status_code == 200, 30)


@pytest.mark.parametrize(("kind", "slow", "cheap"), [
    ("sparql", "/sparql?query=" + quote(RUNAWAY), "/sparql?query=" + quote("ASK { ?s ?p ?o }")),
    ("pages", "/export/jsonld", "/documents"),
])
def test_a_client_that_gives_up_stops_its_work(bulky: Path, kind: str, slow: str, cheap: str) -> None:
    others = worker_pids(kind)
    settings = Settings(data=bulky, query_timeout=60, request_timeout=60, workers=1)
    with LiveServer(settings) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        running = worker_pids(kind) - others
        assert len(running) == 1
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(live.url + slow, timeout=1)
        eventually(lambda: not running & worker_pids(kind), 5)
        # the next request is answered long before the abandoned one's 60 s would have run out
        eventually(lambda: client.get(cheap).status_code == 200, 30)


def test_a_flood_is_refused_at_once_and_waiting_counts_against_the_timeout(data_dir: Path) -> None:
    settings = Settings(data=data_dir, query_timeout=2.0, workers=1, client_concurrency=3)
    with LiveServer(settings) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        def ask(_: int) -> tuple[float, httpx.Response]:
            started = time.monotonic()
            response = httpx.get(live.url + "/sparql", params={"query": RUNAWAY}, timeout=60)
            return time.monotonic() - started, response

        with ThreadPoolExecutor(6) as pool:
            results = list(pool.map(ask, range(6)))
        refused = [(took, r) for took, r in results if r.status_code == 429]
        stopped = [(took, r) for took, r in results if r.status_code == 503]
        assert len(refused) == 3 and len(stopped) == 3, [r.status_code for _, r in results]
        for took, r in refused:
            assert_error(r, 429, "too_many_requests")
            assert took < 1.5 and 1 <= int(r.headers["retry-after"]) <= 3
        for took, r in stopped:  # one ran, two waited: all three end by their deadline from arrival
            assert assert_error(r, 503)["code"] in ("query_timeout", "overloaded")
            assert took < 3.5 and int(r.headers["retry-after"]) >= 1
        eventually(lambda: client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200, 30)


# ---- 4. builds made while the server runs ----------------------------------------------------------

def test_the_server_follows_builds_and_names_its_snapshot(tmp_path: Path) -> None:
    first, *rest = corpus.extractions()
    late = rest.pop()
    with GraphStore.open(tmp_path) as store:
        store.write_extraction(first)
        derive(store)
    with LiveServer(Settings(data=tmp_path, workers=2)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as client:
        documents, before = count(client)
        assert documents == 1 and "derived-stale" not in before
        with GraphStore.open(tmp_path) as store:  # a build on the same data directory
            for extraction in rest:
                store.write_extraction(extraction)
            derive(store)
        documents, after = count(client)
        assert documents == 1 + len(rest) and after != before
        assert client.get("/health").json()["documents"] == 1 + len(rest)
        assert {count(client) for _ in range(6)} == {(documents, after)}

        # a build still writing (no derived step yet): a worker restarted (its client gave up) sees it,
        # and the pool moves to it as a whole instead of answering from two snapshots in turn
        with GraphStore.open(tmp_path) as store:
            store.write_extraction(late)
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(live.url + "/sparql", params={"query": RUNAWAY}, timeout=0.5)
        eventually(lambda: count(client)[0] == 2 + len(rest), 30)
        answers = {count(client) for _ in range(6)}
        assert len(answers) == 1
        assert next(iter(answers))[1].endswith("derived-stale")
