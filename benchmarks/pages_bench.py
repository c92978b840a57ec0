"""How long each kind of UI page and view takes over HTTP on a built store.

    python benchmarks/pages_bench.py --data DIR [--runs 7] [--budget 2000]

Serves the store at DIR with uvicorn on 127.0.0.1 in a child process (as `api_bench` does),
picks one entity of each kind from the store (the busiest body, person, plan and meeting, the
first stored document), then walks one page of every kind (home, search, each index page and
its CSV, each entity page, the SPARQL page, each view) `--runs` times and prints p50/p95 in ms
per page kind, with the status code and size of the last answer, and the worst p95 against the
budget. The store is read, never written (the search index beside it is built if missing).
The server's own limits apply (`GOVGRAPH_REQUEST_TIMEOUT`, default 30 s: a slower page is a 503).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import ROOT, percentiles, serve  # noqa: E402

sys.path.insert(0, str(ROOT))
from graph.store import GraphStore  # noqa: E402

#: the entity of a kind with the most statements about it or pointing at it
BUSIEST = """
SELECT ?id (COUNT(*) AS ?n) WHERE {
  ?id a ?cls . { ?id ?p ?o } UNION { ?s ?p ?id }
} GROUP BY ?id ORDER BY DESC(?n) ?id LIMIT 1"""


#: the plan with the most actions (its page and heatmap are the largest)
BIGGEST_PLAN = """
SELECT ?id (COUNT(DISTINCT ?a) AS ?n) WHERE { ?id a gg:Plan . ?a gg:plan ?id } GROUP BY ?id ORDER BY DESC(?n) ?id LIMIT 1"""


def busiest(store: GraphStore, cls: str) -> str:
    rows = store.query(BIGGEST_PLAN if cls == "gg:Plan" else BUSIEST.replace("?cls", cls))
    if not rows and cls == "gg:Plan":
        rows = store.query(BUSIEST.replace("?cls", cls))
    return str(rows[0]["id"]) if rows else ""


def search_word(store: GraphStore) -> str:
    rows = store.query("SELECT ?label WHERE { ?b a org:Organization ; rdfs:label ?label } ORDER BY ?label LIMIT 1")
    words = str(rows[0]["label"]).split() if rows else []
    return max(words, key=len) if words else "plan"


def pages(data: Path) -> dict[str, str]:
    """Page kind → path, for one entity of each kind in the store at `data`."""
    store = GraphStore.open(data, read_only=True)
    try:
        body, person, plan, meeting = (busiest(store, c) for c in ("org:Organization", "foaf:Person", "gg:Plan",
                                                                   "gg:Meeting"))
        docs = store.documents()
        word = search_word(store)
    finally:
        store.close()
    q = lambda iri: quote(iri, safe="")  # noqa: E731
    out = {"ui home": "/ui", "ui search": f"/ui/search?q={quote(word)}",
           "ui search misspelt": f"/ui/search?q={quote(misspell(word))}",
           "ui bodies": "/ui/bodies", "ui bodies sorted": "/ui/bodies?sort=members&desc=1",
           "ui people": "/ui/people", "ui people csv": "/ui/people?format=csv", "ui plans": "/ui/plans",
           "ui meetings": "/ui/meetings?sort=date&desc=1", "ui documents": "/ui/documents", "ui sparql": "/ui/sparql",
           "views list": "/views",
           "view membership": "/views/membership.html", "view oversight": "/views/oversight.html",
           "view alignment": "/views/alignment.html", "view heatmap": "/views/heatmap.html",
           "view heatmap plans": "/views/heatmap.html?item_kind=plan"}
    if body:
        out |= {"ui body": f"/ui/body?id={q(body)}", "view timeline": f"/views/timeline.html?body={q(body)}",
                "view membership body": f"/views/membership.html?body={q(body)}"}
    if person:
        out |= {"ui person": f"/ui/person?id={q(person)}",
                "view neighbourhood": f"/views/neighbourhood.html?entity={q(person)}"}
    if plan:
        out |= {"ui plan": f"/ui/plan?id={q(plan)}", "view heatmap plan": f"/views/heatmap.html?plan={q(plan)}"}
    if meeting:
        out["ui meeting"] = f"/ui/meeting?id={q(meeting)}"
    if docs:
        out["ui document"] = f"/ui/document/{docs[0].id}"
    return out


def misspell(word: str) -> str:
    """The word with one letter dropped from its middle (search must still find it)."""
    return word if len(word) < 5 else word[:len(word) // 2] + word[len(word) // 2 + 1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="data directory of a built store")
    parser.add_argument("--runs", type=int, default=7, help="requests per page kind (after one warm-up)")
    parser.add_argument("--budget", type=float, default=2000, help="p95 budget per page, ms")
    args = parser.parse_args()
    paths = pages(args.data)
    proc, url = serve(args.data)
    try:
        with httpx.Client(base_url=url, timeout=120) as client:
            print(f"{'page':22s} {'p50 ms':>8s} {'p95 ms':>8s}  status  KiB")
            worst = ("", 0.0)
            for kind, path in paths.items():
                client.get(path)  # warm-up: the worker's first touch of the store and templates
                samples = []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    response = client.get(path)
                    samples.append(time.perf_counter() - started)
                p50, p95 = percentiles(samples)
                worst = max(worst, (kind, p95), key=lambda w: w[1])
                print(f"{kind:22s} {p50:8.0f} {p95:8.0f}  {response.status_code:6d}  {len(response.content) // 1024}",
                      flush=True)
            verdict = "within" if worst[1] <= args.budget else "OVER"
            print(f"worst p95: {worst[0]} {worst[1]:.0f} ms, {verdict} the {args.budget:.0f} ms budget")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
