"""A real store built from the fixture council's facts, served by uvicorn on 127.0.0.1."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_support import LiveServer, build_store  # noqa: E402

from api.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("govgraph-api"))


@pytest.fixture(scope="session")
def server(data_dir: Path) -> Iterator[LiveServer]:
    settings = Settings(data=data_dir, query_timeout=2.0, row_cap=50)
    with LiveServer(settings) as live:
        yield live


@pytest.fixture(scope="session")
def base_url(server: LiveServer) -> str:
    return server.url


@pytest.fixture()
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def sample_client(sample_data: Path) -> Iterator[httpx.Client]:
    """The app over the sample council (built once per session by the root conftest)."""
    with LiveServer(Settings(data=sample_data)) as live, httpx.Client(base_url=live.url, timeout=30) as client:
        yield client
