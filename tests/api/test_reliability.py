"""The app under generated requests and under load (uvicorn on 127.0.0.1, a real store, no mocks).

Schemathesis draws requests from the app's own OpenAPI document (a fixed seed, a few examples per
operation) and none may be answered 5xx. The load test runs benchmarks/load_bench.py's `load` for a
few seconds against the cheap endpoints: no 5xx, no transport error, a generous p95 bound, and
`/health` answering throughout.
"""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_support import LiveServer

from api.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from load_bench import CHEAP, load  # noqa: E402

pytestmark = pytest.mark.reliability

EXAMPLES = 6  #: examples schemathesis draws per operation


@pytest.fixture(scope="module")
def live(data_dir: Path) -> Iterator[LiveServer]:
    with LiveServer(Settings(data=data_dir, client_concurrency=200)) as server:
        yield server


def test_generated_requests_get_no_server_error(live: LiveServer) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_dict(httpx.get(live.url + "/openapi.json").json())
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    with httpx.Client() as probe:
        probe.get(live.url + "/health")
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def call(case) -> None:  # noqa: ANN001 - a schemathesis Case
            response = case.call(base_url=live.url, timeout=30)
            statuses[response.status_code] += 1
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {response.status_code} "
                                f"{response.text[:200]}")

        call()
    print(f"schemathesis: {sum(statuses.values())} requests, statuses {dict(sorted(statuses.items()))}")
    assert sum(statuses.values()) >= 50
    assert not failures, "\n".join(failures)


def test_many_clients_on_the_cheap_endpoints_get_no_server_error_and_health_answers(live: LiveServer) -> None:
    result = load(live.url, CHEAP, clients=50, seconds=6)
    print("\n".join(result.lines()))
    assert result.requests > 100
    assert result.server_errors == 0 and not result.errors, result.lines()
    assert result.percentile(95) < 5.0
    assert result.health_failures == 0 and result.health_longest_gap < 5.0
