"""Build the graph from papers: read, extract, write each document in one transaction.

A failing file is reported and skipped; the rest of the batch goes on. A document
already stored with the same content is left as it is.
"""
from __future__ import annotations

import logging
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from api.extract_pool import Budget, Outcome, extract_file, extract_in_workers
from extract import Extraction, iter_paper_paths, resolve_across
from graph import derived
from graph.mapping import fact_problem
from graph.store import GraphStore, keep_overrides

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What one build did."""

    read: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  #: (path, problem)
    warnings: list[tuple[str, str]] = field(default_factory=list)  #: (path, problem): facts left out, pages read as plain text
    facts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def build_paths(store: GraphStore, paths: Iterable[str | Path], settings: dict[str, object] | None = None,
                on_file: Callable[[Path, str], None] | None = None, budget: Budget | None = None) -> BuildReport:
    """Read, extract and store every paper under `paths`.

    `on_file(path, outcome)` is called after each file with outcome "stored",
    "unchanged" or "failed: <problem>". With a `budget`, each file is read and extracted in a
    worker process within it (api.extract_pool); without one, or with no workers, in this process
    (where extractors registered in it run) with no time budget.
    """
    report = BuildReport()
    started = time.perf_counter()
    overrides = (settings or {}).get("overrides")
    if overrides and Path(str(overrides)).is_file():  # kept in the data directory: every refresh applies it
        keep_overrides(store.path, str(overrides))
    known = {doc.id for doc in store.documents()}
    files = iter_paper_paths(paths)
    if budget is not None and budget.workers > 0:
        outcomes = extract_in_workers(files, known, settings or {}, budget)
    else:
        max_facts = budget.max_facts if budget is not None else None
        outcomes = (extract_file(path, known, settings or {}, max_facts) for path in files)
    for extracted in outcomes:
        outcome = _store_one(store, extracted, report)
        if extracted.extraction is not None:
            known.add(extracted.extraction.document.id)
        if on_file:
            on_file(extracted.path, outcome)
    _kill_point("after-documents")
    ensure_derived(store)
    report.seconds = time.perf_counter() - started
    return report


def derive(store: GraphStore, overrides: str | os.PathLike[str] | None = None) -> int:
    """The derived-graph step after a batch of writes or removals: identity across papers (the
    resolution stage's rules, extract.resolve_across), then tenures; the derived quads written."""
    return derived.refresh(store, resolve_across, overrides)


def ensure_derived(store: GraphStore) -> bool:
    """Run the derived-graph step if the derived graphs are missing or older than the documents."""
    return derived.ensure(store, resolve_across)


def open_store(path: str | os.PathLike[str], read_only: bool = False) -> GraphStore:
    """Open a store; opened for writing, its derived graphs are first brought up to date (a build
    killed before its derived step is repaired here)."""
    store = GraphStore.open(Path(path), read_only=read_only)
    if not read_only:
        try:
            ensure_derived(store)
        except Exception:  # the store stays usable; its snapshot says the derived graphs are stale
            log.exception("could not rebuild the derived graphs at %s", path)
    return store


def _kill_point(name: str) -> None:
    """Tests kill a build at a named point (GOVGRAPH_TEST_KILL_AT=name) to show the next open repairs it."""
    if os.environ.get("GOVGRAPH_TEST_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _drop_invalid(extraction: Extraction, path: Path, report: BuildReport) -> None:
    """Leave out facts the store would refuse, each with a warning, so one odd value does not
    cost the whole paper."""
    kept = []
    for fact in extraction.facts:
        problem = fact_problem(fact)
        if problem:
            report.warnings.append((str(path), f"left out a fact: {problem}"))
        else:
            kept.append(fact)
    extraction.facts = kept


def _store_one(store: GraphStore, extracted: Outcome, report: BuildReport) -> str:
    """Write a file a worker read and extracted, or report why it could not be."""
    path, extraction = extracted.path, extracted.extraction
    if extracted.unchanged or (extraction is not None and store.has_document(extraction.document.id)):
        report.unchanged += 1
        return "unchanged"
    if extraction is None:
        problem = extracted.problem or "not extracted"
        report.failed.append((str(path), problem))
        return f"failed: {problem}"
    try:
        report.warnings.extend((str(path), warning) for warning in extraction.document.warnings)  # read in a degraded way
        _drop_invalid(extraction, path, report)
        store.write_extraction(extraction)
    except Exception as exc:  # one broken paper must not stop the batch
        log.exception("%s: storing failed", path)
        problem = f"storing failed ({type(exc).__name__}: {exc})"
        report.failed.append((str(path), problem))
        return f"failed: {problem}"
    report.read += 1
    report.facts.update(f.type for f in extraction.facts)
    return "stored"
