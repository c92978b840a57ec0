"""The public API of `graph` is what __all__ says."""
from __future__ import annotations

import graph


def test_all_names_exist_and_are_public():
    assert sorted(graph.__all__) == sorted(set(graph.__all__))
    for name in graph.__all__:
        assert getattr(graph, name) is not None
    assert issubclass(graph.StoreLocked, graph.GraphError)
    assert issubclass(graph.InvalidFact, graph.GraphError)
