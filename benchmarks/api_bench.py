"""API latency at about 1M quads: HTTP (uvicorn on 127.0.0.1) beside the same SPARQL on Oxigraph.

    python benchmarks/api_bench.py [--data DIR] [--bodies 150] [--dates 11] [--plans 600] [--requests 200]

Builds a synthetic council (bodies listing members on many dates, people moving between them, a
reports-to hierarchy, plans with actions aligned to principles) as extractions, maps them with
graph.mapping (the store's own vocabulary) and bulk-loads the quads with pyoxigraph; then serves it
with `uvicorn api.main:create_app --factory` in a child process and times bounded request loops of
four questions, next to the stored queries those routes run, executed directly on the store.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api import queries  # noqa: E402
from extract import Document, Extraction, Fact  # noqa: E402
from graph import ids  # noqa: E402
from graph.mapping import extraction_to_quads  # noqa: E402
from graph.sparql import PROLOGUE  # noqa: E402

FRAMEWORKS = ["Violence Reduction Framework", "Health Inequalities Framework", "Climate Framework"]
START = date(2015, 1, 15)


def _fact(fact_type: str, line: int, **fields: Any) -> Fact:
    return Fact(fact_type, fields, line, quote=f"{fact_type} at line {line}", extractor=f"bench.{fact_type}.v1")


def body_name(i: int) -> str:
    return f"Synthetic Board {i:04d}"


def person_name(i: int) -> str:
    return f"Person {i:05d} Example"


def plan_name(i: int) -> str:
    return f"Synthetic Plan {i:04d}"


def listing_doc(rng: random.Random, body: int, step: int, pools: dict[int, list[int]], next_person: list[int]
                ) -> Extraction:
    """One paper: a body's meeting on a date, its membership list and attendance."""
    when = (START + timedelta(days=90 * step + body % 60)).isoformat()
    pool = pools[body]
    if step and rng.random() < 0.6:  # churn: someone leaves, someone new joins
        pool.pop(rng.randrange(len(pool)))
        pool.append(next_person[0])
        next_person[0] += 1
    doc_id = ids.fact_key("bench", body, step)
    doc = Document(id=doc_id, name=f"{body:04d}_{when}.txt", path=f"/bench/{body:04d}_{when}.txt", format="txt",
                   lines=[], title=f"{body_name(body)} {when}", date=when)
    facts = [_fact("organisation", 1, name=body_name(body), kind="board", variants=[body_name(body)]),
             _fact("meeting", 2, id=f"b{body}-{when}", body=body_name(body), date=when, role="agenda")]
    line = 10
    for n, person in enumerate(pool):
        role = "chair" if n == 0 else "member"
        facts.append(_fact("person", line, name=person_name(person), variants=[person_name(person)], titles=[]))
        facts.append(_fact("membership", line, person=person_name(person), body=body_name(body), role=role,
                           as_of=when))
        if n < 8:
            facts.append(_fact("attendance", line + 100, person=person_name(person), meeting=f"b{body}-{when}",
                               date=when, status="present" if n % 4 else "apologies"))
        line += 1
    doc.lines = [f"line {n}" for n in range(1, line + 120)]
    return Extraction(doc, facts)


def plan_doc(i: int, bodies: int, rng: random.Random) -> Extraction:
    """A paper describing one plan: its framework's principles, oversight, actions with leads, alignments."""
    doc = Document(id=ids.fact_key("bench-plan", i), name=f"plan_{i:04d}.txt", path=f"/bench/plan_{i:04d}.txt",
                   format="txt", lines=[f"line {n}" for n in range(1, 60)], title=plan_name(i), date="2020-01-01")
    name, framework = plan_name(i), FRAMEWORKS[i % len(FRAMEWORKS)]
    facts = [_fact("plan", 1, name=name, kind="strategy", variants=[name], period="2020-2025"),
             _fact("plan", 2, name=framework, kind="framework", variants=[framework], period=None),
             _fact("oversight", 3, subject=body_name(i % bodies), relation="oversees", object=name)]
    for p in range(1, 11):
        facts.append(_fact("principle", 3 + p, id=f"P{p}", kind="strategic", framework=framework,
                           text=f"{framework} principle {p}"))
    for a in range(1, 7):
        facts.append(_fact("action", 20 + a, id=f"{a}.1", text=f"Action {a} of plan {i}", plan=name,
                           leads=[body_name(rng.randrange(bodies))]))
        for p in rng.sample(range(1, 11), 2):
            facts.append(_fact("alignment", 30 + a, item=f"{a}.1", principle=f"P{p}"))
    return Extraction(doc, facts)


def hierarchy_doc(bodies: int) -> Extraction:
    """A paper stating that each board reports to another (a tree four wide)."""
    doc = Document(id=ids.fact_key("bench-hierarchy"), name="hierarchy.txt", path="/bench/hierarchy.txt",
                   format="txt", lines=[f"line {n}" for n in range(1, bodies + 2)], title="Hierarchy",
                   date="2020-01-01")
    facts = [_fact("oversight", b, subject=body_name(b), relation="reports_to", object=body_name(b // 4))
             for b in range(1, bodies)]
    return Extraction(doc, facts)


def build(path: Path, bodies: int, dates: int, plans: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    path.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(path / "store"))
    pools = {b: list(range(b * 12, b * 12 + 12)) for b in range(bodies)}
    next_person = [bodies * 12]
    batch: list[ox.Quad] = []
    total = 0
    for step in range(dates):
        for body in range(bodies):
            batch.extend(extraction_to_quads(listing_doc(rng, body, step, pools, next_person)))
        store.bulk_extend(batch)
        total += len(batch)
        batch = []
    for i in range(plans):
        batch.extend(extraction_to_quads(plan_doc(i, bodies, rng)))
    batch.extend(extraction_to_quads(hierarchy_doc(bodies)))
    store.bulk_extend(batch)
    total += len(batch)
    store.flush()
    del store
    return total


# ---- timing -------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(data: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """The app over `data` in a child process on a free loopback port; `env` adds settings."""
    port = free_port()
    env = {**os.environ, "GOVGRAPH_DATA": str(data), "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host",
                             "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env, cwd=str(ROOT))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start")


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(fn: Callable[[int], Any], n: int, warmup: int = 10) -> list[float]:
    for i in range(warmup):
        fn(i)
    out = []
    for i in range(n):
        started = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - started)
    return out


def direct(store: ox.Store, steps: list[tuple[str, dict[str, Any]]]) -> None:
    """Run the stored queries a route runs (bound the same way), on Oxigraph, consuming every row."""
    for name, bindings in steps:
        for row in store.query(PROLOGUE + queries.bind(queries.load(name), bindings),
                               use_default_graph_as_union=True):
            for _ in row:
                pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="data directory to build into (default: a temp dir)")
    parser.add_argument("--bodies", type=int, default=150)
    parser.add_argument("--dates", type=int, default=11)
    parser.add_argument("--plans", type=int, default=600)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    if not (data / "store").exists():
        started = time.perf_counter()
        total = build(data, args.bodies, args.dates, args.plans)
        print(f"built {total:,} quads in {time.perf_counter() - started:.0f} s at {data}")
    rng = random.Random(1)
    bodies = [rng.randrange(args.bodies) for _ in range(args.requests)]
    days = [(START + timedelta(days=rng.randrange(90 * args.dates))) for _ in range(args.requests)]
    people = [rng.randrange(args.bodies * 12) for _ in range(args.requests)]
    plans = [rng.randrange(args.plans) for _ in range(args.requests)]

    def body_iri(i: int) -> str:
        return ids.entity_iri("organisation", body_name(bodies[i % len(bodies)]))

    def person_iri(i: int) -> str:
        return ids.entity_iri("person", person_name(people[i % len(people)]))

    def plan_iri(i: int) -> str:
        return ids.entity_iri("plan", plan_name(plans[i % len(plans)]))

    def key(iri: str) -> str:
        return iri.rsplit("/", 1)[1]

    def listing_steps(i: int) -> list[tuple[str, dict[str, Any]]]:
        b, d = ox.NamedNode(body_iri(i)), days[i % len(days)]
        steps = [("exists", {"e": b, "t": ox.NamedNode("http://www.w3.org/ns/org#Organization")}),
                 ("listing_date", {"body": b, "date": d})]
        rows = store_ox.query(PROLOGUE + queries.bind(queries.load("listing_date"), {"body": b, "date": d}),
                              use_default_graph_as_union=True)
        listed = [r["listing"] for r in rows if r["listing"] is not None]
        if listed:
            steps.append(("listing", {"body": b, "listing": listed[0]}))
        if listed:
            rows = store_ox.query(PROLOGUE + queries.bind(queries.load("listing"), {"body": b, "listing": listed[0]}),
                                  use_default_graph_as_union=True)
            people = sorted({r["person"] for r in rows if r["person"] is not None}, key=str)
            steps.append(("label", {"e": people}))
        return steps + [("body_people", {"body": b}), ("label", {"e": b})]

    def person_steps(i: int) -> list[tuple[str, dict[str, Any]]]:
        p = ox.NamedNode(person_iri(i))
        return [("exists", {"e": p, "t": ox.NamedNode("http://xmlns.com/foaf/0.1/Person")}),
                ("entity_properties", {"e": p}), ("person_positions", {"person": p}),
                ("person_memberships", {"person": p}), ("person_attendance", {"person": p}),
                ("label", {"e": [ox.NamedNode(body_iri(i))]})]  # the names of the bodies (one or two)

    def plan_steps(i: int) -> list[tuple[str, dict[str, Any]]]:
        p = ox.NamedNode(plan_iri(i))
        return [("exists", {"e": p, "t": ox.NamedNode("https://w3id.org/govgraph/ontology#Plan")}),
                ("entity_properties", {"e": p}), ("plan_overseers", {"plan": p}), ("plan_chain_edges", {"plan": p}),
                ("plan_leads", {"plan": p}), ("plan_actions", {"plan": p}), ("plan_action_leads", {"plan": p}),
                ("plan_action_principles", {"plan": p})]

    def matrix_steps(i: int) -> list[tuple[str, dict[str, Any]]]:
        return [("principles", {}), ("alignments", {})]

    cases: list[tuple[str, Callable[[int], str], Callable[[int], list[tuple[str, dict[str, Any]]]]]] = [
        ("members as of", lambda i: f"/bodies/{key(body_iri(i))}/members?as_of={days[i % len(days)]}", listing_steps),
        ("person timeline", lambda i: f"/people/{key(person_iri(i))}", person_steps),
        ("oversight chain", lambda i: f"/plans/{key(plan_iri(i))}", plan_steps),
        ("alignment matrix", lambda i: f"/principles/matrix?framework={FRAMEWORKS[i % 3].replace(' ', '+')}",
         matrix_steps),
    ]
    store_ox = ox.Store.read_only(str(data / "store"))
    quads = len(store_ox)
    proc, url = serve(data)
    results = []
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            floor = percentiles(timed(lambda i: client.get("/health").raise_for_status(), args.requests))
            for label, path, steps in cases:
                def http_call(i: int) -> None:
                    response = client.get(path(i))
                    response.raise_for_status()
                    response.content  # noqa: B018

                started = time.perf_counter()
                http_call(0)
                cold = (time.perf_counter() - started) * 1000
                http = percentiles(timed(http_call, args.requests))
                n = args.requests if label != "alignment matrix" else max(5, args.requests // 20)
                plan = {i: steps(i) for i in range(n + 10)}
                ox_times = percentiles(timed(lambda i: direct(store_ox, plan[i]), n, warmup=2))
                results.append((label, cold, http, ox_times, n))
    finally:
        proc.terminate()
        proc.wait(10)
    print(f"\n{quads:,} quads; {args.requests} HTTP requests per question after 10 warm-up; times in ms\n")
    print("| question | HTTP first | HTTP p50 | HTTP p95 | Oxigraph runs | Oxigraph p50 | Oxigraph p95 | p95 ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, cold, (h50, h95), (o50, o95), n in results:
        print(f"| {label} | {cold:.1f} | {h50:.1f} | {h95:.1f} | {n} | {o50:.1f} | {o95:.1f} | {h95 / o95:.2f}x |")
    print(f"| (HTTP floor: GET /health) | | {floor[0]:.1f} | {floor[1]:.1f} | | | | |")


if __name__ == "__main__":
    main()
