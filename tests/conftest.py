"""Fixtures shared by every test folder: the bundled sample council, built once."""
from __future__ import annotations

from pathlib import Path

import pytest

from api.build import build_paths
from api.cli import SAMPLE
from graph.store import GraphStore


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the sample corpus, built through the real pipeline and store.

    Tests must open it read-only.
    """
    data = tmp_path_factory.mktemp("sample") / "data"
    with GraphStore.open(data) as store:
        report = build_paths(store, [SAMPLE])
    assert not report.failed, report.failed
    return data
