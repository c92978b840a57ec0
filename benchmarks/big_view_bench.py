"""Frames per second of a 10,000-node, 100,000-edge membership view in headless Chromium (sigma.js, WebGL).

    python3 -m benchmarks.big_view_bench [--nodes 10000] [--edges 100000] [--bodies 500] [--seconds 4]
                                         [--runs 3] [--chromium /usr/bin/chromium] [--screenshot PNG]

Builds a synthetic membership graph of exactly `--nodes` nodes (bodies and people) and `--edges`
seats from plain rows: bodies fall in 20 sectors and each person sits on about edges/people bodies
of one sector (so the graph has structure, as real boards do). It then runs the real pipeline
(membership_network → membership_layout → render_big_network, scripts inlined), serves the page on
127.0.0.1, and in the page's own clock measures, while the camera rotates and zooms
(`camera.animate`, linear, `--seconds` long), how many frames sigma.js draws per second:

* folded: the page as it opens (bodies as clusters sized by members, interlock edges);
* unfolded: every body unfolded, all nodes and edges shown;
* unfolded, every edge every frame: the same with sigma's `hideEdgesOnMove` off (a worst case).

The page hides edges while the camera moves when it shows more than 2,000 (level of detail,
sigma's `hideEdgesOnMove`); they are drawn again as soon as the camera stops.

Prints the server-side build, layout and render times, page size, time to first draw, and
frames/s (median of `--runs`) per mode, with the machine's load average (the figure depends on it:
headless Chromium rasterises WebGL in software, SwiftShader, on the CPU).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

from benchmarks.view_bench import CHROMIUM_ARGS, serve
from visualisations.bigview import membership_layout, render_big_network
from visualisations.networks import membership_network

SECTORS = 20


def synthetic_rows(nodes: int, edges: int, bodies: int, seed: int = 7) -> list[dict[str, object]]:
    """Membership rows with exactly `nodes` distinct bodies + people and `edges` distinct seats."""
    rng = random.Random(seed)
    people = nodes - bodies
    per_sector = max(1, bodies // SECTORS)
    if edges > people * per_sector:
        raise SystemExit(f"{edges} seats do not fit: {people} people × {per_sector} bodies per sector")
    rows = []
    for p in range(people):
        sector = p % SECTORS
        k = edges // people + (1 if p < edges % people else 0)
        for b in rng.sample(range(per_sector), k=k):
            body = min(sector * per_sector + b, bodies - 1)
            rows.append({"body": f"urn:body:{body}", "body_label": f"Body {body}", "person": f"urn:person:{p}",
                         "person_label": f"Person {p}", "role": "member", "as_of": "2024-01-01"})
    return rows


def build_page(nodes: int, edges: int, bodies: int) -> tuple[str, dict[str, float], int, int]:
    """(html, timings in seconds, node count, edge count)."""
    rows = synthetic_rows(nodes, edges, bodies)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    graph = membership_network(rows)
    timings["build"] = time.perf_counter() - started
    started = time.perf_counter()
    layout = membership_layout((e.source, e.target) for e in graph.edges)
    timings["layout"] = time.perf_counter() - started
    started = time.perf_counter()
    html = render_big_network(graph, layout=layout)
    timings["render"] = time.perf_counter() - started
    return html, timings, len(graph.nodes), len(graph.edges)


#: frames sigma draws while the camera rotates a quarter turn and zooms in, linearly, over `ms`
FPS = """(ms) => new Promise((resolve) => {
  const s = window.govgraph.sigma, camera = s.getCamera();
  camera.setState({x: 0.5, y: 0.5, angle: 0, ratio: 1});
  let frames = 0;
  const count = () => { frames += 1; };
  s.on("afterRender", count);
  const t0 = performance.now();
  camera.animate({angle: Math.PI / 2, ratio: 0.4}, {duration: ms, easing: "linear"}, () => {
    const elapsed = performance.now() - t0;
    s.off("afterRender", count);
    resolve({frames: frames, ms: elapsed, fps: frames * 1000 / elapsed});
  });
})"""

#: redraw now (processing any change) and wait for the frame
DRAWN = "new Promise((r) => { const s = window.govgraph.sigma; s.once('afterRender', r); s.refresh(); })"

MODES = {
    "folded, as opened (interlock edges hidden while moving)": "window.govgraph.foldAll()",
    "unfolded (edges hidden while moving)": "window.govgraph.unfoldAll()",
    "unfolded, every edge every frame": "window.govgraph.unfoldAll(); window.govgraph.sigma.setSetting('hideEdgesOnMove', false)",
}


def measure(url: str, runs: int, seconds: float, chromium: str, screenshot: str = "") -> tuple[dict[str, list[float]], list[float], dict[str, int]]:
    """({mode: [frames/s per run]}, [ms to first draw per run], what the unfolded view shows)."""
    from playwright.sync_api import sync_playwright

    fps: dict[str, list[float]] = {mode: [] for mode in MODES}
    ready: list[float] = []
    shown: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(url)
                page.wait_for_function("window.govgraph && window.govgraph.ready", timeout=300_000)
                ready.append(float(page.evaluate("window.govgraph.readyAt")))
                print(f"  first draw after {ready[-1]:.0f} ms", file=sys.stderr, flush=True)
                for mode, setup in MODES.items():
                    page.evaluate(setup)
                    page.evaluate(DRAWN)
                    fps[mode].append(float(page.evaluate(FPS, int(seconds * 1000))["fps"]))
                    print(f"  {mode}: {fps[mode][-1]:.1f} frames/s", file=sys.stderr, flush=True)
                    if mode.startswith("unfolded (edges"):
                        shown = {"nodes": page.evaluate("window.govgraph.visibleCount()"),
                                 "edges": page.evaluate("window.govgraph.shown.seats")}
                        if screenshot:
                            page.evaluate("window.govgraph.sigma.getCamera().setState({x: .5, y: .5, angle: 0, ratio: 1})")
                            page.evaluate(DRAWN)
                            page.screenshot(path=screenshot)
                            screenshot = ""
                if errors:
                    raise RuntimeError(f"page errors: {errors}")
                page.close()
        finally:
            browser.close()
    return fps, ready, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=100_000)
    parser.add_argument("--bodies", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=4.0, help="length of each camera animation")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--screenshot", default="", help="save a PNG of the unfolded view here")
    args = parser.parse_args()
    html, timings, n_nodes, n_edges = build_page(args.nodes, args.edges, args.bodies)
    load_before = os.getloadavg()[0]
    server = serve(html)
    try:
        fps, ready, shown = measure(f"http://127.0.0.1:{server.server_address[1]}/", args.runs, args.seconds,
                                    args.chromium, args.screenshot)
    finally:
        server.shutdown()
    load_after = os.getloadavg()[0]
    print(f"view: {n_nodes} nodes, {n_edges} edges; page {len(html) / 1e6:.2f} MB")
    print(f"server: build {timings['build'] * 1000:.0f} ms, layout {timings['layout'] * 1000:.0f} ms "
          f"(aggregated spring layout + disks), render {timings['render'] * 1000:.0f} ms")
    print(f"navigation → first draw: median {statistics.median(ready):.0f} ms over {len(ready)} runs")
    print(f"unfolded view shows {shown.get('nodes')} nodes and {shown.get('edges')} edges")
    for mode, values in fps.items():
        print(f"frames/s, {mode}: median {statistics.median(values):.1f} "
              f"({', '.join(f'{v:.1f}' for v in values)}) while rotating and zooming for {args.seconds:g} s")
    print(f"load average (1 min) before/after: {load_before:.1f}/{load_after:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
