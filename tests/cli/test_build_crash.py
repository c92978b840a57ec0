"""A build killed between its last document and the derived graphs is repaired: by the next build
(which finds no new document) and by the next open for writing. The kill is real (SIGKILL, in a
subprocess), at the point a test-only environment variable names."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from api.cli import SAMPLE
from graph.derived import TENURES_GRAPH
from api.build import open_store
from graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]
PAPERS = ("01_wexcombe_hwb_2021-06-17_agenda_pack.txt", "02_wexcombe_hwb_2022-03-10_agenda_pack.txt")


def build(papers: Path, data: Path, kill_at: str | None = None) -> int:
    env = {k: v for k, v in os.environ.items() if k != "GOVGRAPH_TEST_KILL_AT"}
    if kill_at:
        env["GOVGRAPH_TEST_KILL_AT"] = kill_at
    done = subprocess.run([sys.executable, "-m", "api.cli", "build", str(papers), "--data", str(data), "--quiet"],
                          cwd=ROOT, env=env, capture_output=True, timeout=120)
    return done.returncode


def export(data: Path) -> list[str]:
    """The store's quads, sorted, less the time each document was read (it differs between builds)."""
    with GraphStore.open(data, read_only=True) as store:
        lines = store.serialize("nquads").decode("utf-8").splitlines()
    return sorted(line for line in lines if "prov#generatedAtTime" not in line)


def tenures(data: Path) -> int:
    with GraphStore.open(data, read_only=True) as store:
        return sum(1 for _ in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(TENURES_GRAPH)))


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    for name in PAPERS:
        shutil.copy(SAMPLE / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def clean(papers: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    data = tmp_path_factory.mktemp("clean") / "data"
    assert build(papers, data) == 0
    assert tenures(data) > 0
    return export(data)


@pytest.fixture()
def crashed(papers: Path, tmp_path: Path) -> Path:
    """A data directory whose build was killed after writing every document."""
    data = tmp_path / "data"
    assert build(papers, data, kill_at="after-documents") == -signal.SIGKILL
    with GraphStore.open(data, read_only=True) as store:
        assert len(store.documents()) == len(PAPERS)
        assert not store.snapshot().current
    assert tenures(data) == 0
    return data


def test_the_next_build_repairs_a_build_killed_before_its_derived_graphs(crashed: Path, papers: Path,
                                                                        clean: list[str]) -> None:
    assert build(papers, crashed) == 0
    assert export(crashed) == clean


def test_opening_for_writing_repairs_it_too(crashed: Path, clean: list[str]) -> None:
    open_store(crashed).close()
    assert export(crashed) == clean
    with GraphStore.open(crashed, read_only=True) as store:
        assert store.snapshot().current
