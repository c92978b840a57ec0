"""How long a 1,000-node network view takes to become interactive in headless Chromium.

Builds a synthetic membership view (bodies and people, some people on several
bodies) of exactly `--nodes` nodes from plain rows, renders it with the real
renderer, serves it on 127.0.0.1 and measures, in the page's own clock, the time
from navigation start to the moment physics has stabilised, been switched off and
the network has drawn (`window.govgraph.readyAt`). Also reports the Python build +
render time and the page size.

Usage: python benchmarks/view_bench.py [--nodes 1000] [--runs 3] [--chromium /usr/bin/chromium]
                                      [--screenshot tests/artifacts/bench-1000.png]
"""
from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from visualisations.networks import apply_budget, membership_network
from visualisations.render import render_network

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic_rows(nodes: int, seed: int = 7) -> list[dict[str, object]]:
    """Membership rows giving exactly `nodes` nodes: one body per 16 nodes, the rest people on 1–3 bodies."""
    rng = random.Random(seed)
    bodies = max(1, nodes // 16)
    people = nodes - bodies
    rows = []
    for p in range(people):
        for b in rng.sample(range(bodies), k=min(bodies, rng.choice((1, 1, 1, 2, 2, 3)))):
            rows.append({"body": f"urn:body:{b}", "body_label": f"Body {b}", "person": f"urn:person:{p}",
                         "person_label": f"Person {p}", "role": "member", "as_of": "2024-01-01",
                         "document": f"paper_{b}.txt", "line": p % 200 + 1, "quote": f"Person {p}"})
    return rows


def build_page(nodes: int) -> tuple[str, int, int, float]:
    """(html, node count, edge count, seconds to build and render)."""
    started = time.perf_counter()
    graph = apply_budget(membership_network(synthetic_rows(nodes)), budget=nodes)
    html = render_network(graph)
    return html, len(graph.nodes), len(graph.edges), time.perf_counter() - started


def serve(html: str) -> ThreadingHTTPServer:
    body = html.encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(url: str, runs: int, chromium: str, screenshot: str = "") -> tuple[list[float], list[float]]:
    """Milliseconds from navigation start to interactive, and of that the layout (script start to
    interactive), one per run (fresh page each time)."""
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    layout: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(url)
                page.wait_for_function("window.govgraph && window.govgraph.ready", timeout=120_000)
                if errors:
                    raise RuntimeError(f"page errors: {errors}")
                times.append(float(page.evaluate("window.govgraph.readyAt")))
                layout.append(float(page.evaluate("window.govgraph.readyMs")))
                if screenshot:
                    page.screenshot(path=screenshot)
                    screenshot = ""
                page.close()
        finally:
            browser.close()
    return times, layout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--screenshot", default="", help="save a PNG of the first run's page here")
    args = parser.parse_args()
    html, n_nodes, n_edges, build_s = build_page(args.nodes)
    server = serve(html)
    try:
        times, layout = measure(f"http://127.0.0.1:{server.server_address[1]}/", args.runs, args.chromium, args.screenshot)
    finally:
        server.shutdown()
    print(f"view: {n_nodes} nodes, {n_edges} edges, page {len(html) / 1e6:.2f} MB, build+render {build_s * 1000:.0f} ms")
    print(f"navigation → interactive (stabilised, physics off, drawn): "
          f"median {statistics.median(times):.0f} ms over {len(times)} runs ({', '.join(f'{t:.0f}' for t in times)}); "
          f"of which layout and first draw: median {statistics.median(layout):.0f} ms")


if __name__ == "__main__":
    main()
