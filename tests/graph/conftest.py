"""Fixtures of the graph tests: the two fictional papers and a store in a temp dir."""
from __future__ import annotations

import pytest
from graph_fixtures import PAPER_A_FACTS, PAPER_B_FACTS, make_extraction

from extract import Extraction
from graph import GraphStore


@pytest.fixture
def paper_a() -> Extraction:
    return make_extraction("a_minutes.txt", PAPER_A_FACTS, "aaaaaaaaaaaaaaaa")


@pytest.fixture
def paper_b() -> Extraction:
    return make_extraction("b_minutes.txt", PAPER_B_FACTS, "bbbbbbbbbbbbbbbb")


@pytest.fixture
def store(tmp_path):
    with GraphStore.open(tmp_path / "data") as opened:
        yield opened
