"""Loopback load: many clients for a bounded time against the API on 127.0.0.1, with `/health` watched.

    python benchmarks/load_bench.py [--data DIR] [--clients 100] [--seconds 15] [--path /health ...]

Without --data it builds the bundled sample council into a temporary store. The server runs as
`govgraph serve` in a child process on a free loopback port (never another address), with the
per-client limit raised so that every client's requests reach the pools. Prints the requests made,
the answers by status, p50/p95/p99 latency, and the longest time `/health` went unanswered.
The reliability tests call `load` with a smaller budget and assert generous bounds on it.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import ROOT, serve  # noqa: E402

#: endpoints that read no stored facts: the app answers them without a worker
CHEAP = ("/health", "/views", "/openapi.json")


@dataclass
class LoadResult:
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)  #: transport errors (no answer) by kind
    latencies: list[float] = field(default_factory=list)
    health_checks: int = 0
    health_failures: int = 0
    health_longest_gap: float = 0.0  #: longest time /health went without an answer 200
    seconds: float = 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def lines(self) -> list[str]:
        rate = self.requests / self.seconds if self.seconds else 0.0
        return [f"requests {self.requests} in {self.seconds:.1f} s ({rate:.0f}/s)",
                "statuses " + ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items())),
                f"transport errors {sum(self.errors.values())} {dict(self.errors) or ''}".rstrip(),
                f"latency ms p50 {self.percentile(50) * 1000:.0f}  p95 {self.percentile(95) * 1000:.0f}  "
                f"p99 {self.percentile(99) * 1000:.0f}  max {max(self.latencies, default=0) * 1000:.0f}",
                f"/health checks {self.health_checks}, failed {self.health_failures}, "
                f"longest gap {self.health_longest_gap * 1000:.0f} ms"]


def load(base_url: str, paths: tuple[str, ...] = CHEAP, clients: int = 50, seconds: float = 10.0,
         timeout: float = 10.0) -> LoadResult:
    """`clients` threads, each with its own connection, request `paths` in turn until `seconds` pass,
    while one more thread asks `/health` every 100 ms."""
    if not base_url.startswith(("http://127.0.0.1:", "http://localhost:", "http://[::1]:")):
        raise ValueError("load runs against a loopback address only")
    result = LoadResult()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        with httpx.Client(base_url=base_url, timeout=timeout) as http:
            i = k
            while time.monotonic() < stop:
                path = paths[i % len(paths)]
                i += 1
                started = time.perf_counter()
                try:
                    status = http.get(path).status_code
                except httpx.HTTPError as exc:
                    with lock:
                        result.requests += 1
                        result.errors[type(exc).__name__] += 1
                    continue
                took = time.perf_counter() - started
                with lock:
                    result.requests += 1
                    result.statuses[status] += 1
                    result.latencies.append(took)

    def watch_health() -> None:
        last_ok = time.monotonic()
        with httpx.Client(base_url=base_url, timeout=timeout) as http:
            while time.monotonic() < stop:
                try:
                    ok = http.get("/health").status_code == 200
                except httpx.HTTPError:
                    ok = False
                now = time.monotonic()
                result.health_checks += 1
                if ok:
                    result.health_longest_gap = max(result.health_longest_gap, now - last_ok)
                    last_ok = now
                else:
                    result.health_failures += 1
                time.sleep(0.1)
        result.health_longest_gap = max(result.health_longest_gap, time.monotonic() - last_ok - 0.1, 0.0)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    threads.append(threading.Thread(target=watch_health))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="a built data directory (default: build the sample council)")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--path", action="append", help=f"endpoint to load (default: {' '.join(CHEAP)})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            data = Path(tmp) / "data"
            subprocess.run([sys.executable, "-m", "api.cli", "demo", "--data", str(data), "--no-serve"], cwd=ROOT,
                           check=True, stdout=subprocess.DEVNULL)
        # the per-client limit raised so that every client's requests reach the pools
        server, url = serve(data, {"GOVGRAPH_CLIENT_CONCURRENCY": str(args.clients + 8)})
        try:
            paths = tuple(args.path or CHEAP)
            print(f"{args.clients} clients for {args.seconds:g} s on {', '.join(paths)} at {url}")
            for line in load(url, paths, args.clients, args.seconds).lines():
                print(line)
        finally:
            server.terminate()
            server.wait(15)


if __name__ == "__main__":
    main()
