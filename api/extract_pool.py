"""Read and extract papers in worker processes, each file within a time and a fact budget.

A build hands every file to a small pool of processes (forked from a forkserver that has the
extractors imported, so a new worker costs a fork, not an import). A file whose reading and
extraction runs past `timeout` seconds has its worker killed and replaced, and is reported as
failed with the budget named; so is a file that yields more than `max_facts` facts. Outcomes come
back in the order the files were given, so the build writes documents in the same order as before,
one transaction each, and nothing of a failed file is stored.
"""
from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from extract import DocumentError, Extraction

log = logging.getLogger("api.build")

#: modules a worker needs, imported once in the forkserver
_PRELOAD = ["extract.pipeline", "extract.documents", "extract.people", "extract.governance", "extract.resolve"]

#: seconds a new worker may take to be ready
_START_TIMEOUT = 120.0


@dataclass(frozen=True)
class Budget:
    """What one file may cost: seconds to read and extract it, and facts it may yield."""

    timeout: float = 120.0
    max_facts: int = 10_000
    workers: int = 2


@dataclass
class Outcome:
    """What became of one file: an extraction, "unchanged" (already stored), or a problem."""

    path: Path
    extraction: Extraction | None = None
    unchanged: bool = False
    problem: str | None = None


def _work(conn: Connection, settings: dict[str, Any], max_facts: int) -> None:  # pragma: no cover - child
    from api.workers import _die_with_parent
    from extract import load_builtins, load_ner_model

    _die_with_parent()
    load_builtins()
    try:
        load_ner_model(settings)  # the NER model's load is no file's time
    except Exception:  # reported per file by the extractor
        pass
    conn.send("ready")
    while True:
        try:
            path, known = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(extract_file(path, known, settings, max_facts))


def extract_file(path: Path, known: Set[str], settings: dict[str, Any], max_facts: int | None = None) -> Outcome:
    """Read and extract one file here, unless its content is among the `known` document ids."""
    from extract import extract_document, load_document

    try:
        doc = load_document(path)
        if doc.id in known:
            return Outcome(path, unchanged=True)
        extraction = extract_document(doc, settings)
    except DocumentError as exc:
        return Outcome(path, problem=exc.problem)
    except Exception as exc:  # one broken paper must not stop the batch
        log.exception("%s: extraction failed", path)
        return Outcome(path, problem=f"extraction failed ({type(exc).__name__}: {exc})")
    if max_facts is not None and len(extraction.facts) > max_facts:
        return Outcome(path, problem=f"yields {len(extraction.facts)} facts, more than the budget of {max_facts} "
                                     f"per file (GOVGRAPH_FILE_FACTS)")
    return Outcome(path, extraction=extraction)


class _Worker:
    def __init__(self, ctx: Any, settings: dict[str, Any], max_facts: int) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_work, args=(child, settings, max_facts), daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, Path, float] | None = None  #: (index, path, deadline)
        # a file's time counts from when a worker is ready for it: the first start imports the extractors
        try:
            ready = self.conn.poll(_START_TIMEOUT) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            raise RuntimeError(f"an extraction worker did not start within {_START_TIMEOUT:g} s (exit code "
                               f"{self.process.exitcode})")

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def extract_in_workers(paths: Iterable[Path], known: set[str], settings: dict[str, Any],
                       budget: Budget) -> Iterator[Outcome]:
    """Outcomes of `paths`, in their order, each read and extracted in a worker within `budget`.

    `known` is the ids of the documents already stored (the caller may add to it as it writes).
    """
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    todo = iter(enumerate(paths))
    workers = [_Worker(ctx, settings, budget.max_facts) for _ in range(budget.workers)]
    done: dict[int, Outcome] = {}
    ahead = 2 * len(workers)  # files extracted ahead of the one the caller waits for, at most
    next_out, exhausted = 0, False
    try:
        while True:
            for worker in workers:
                if worker.job is None and not exhausted:
                    if len(done) >= ahead:
                        break
                    item = next(todo, None)
                    if item is None:
                        exhausted = True
                        break
                    index, path = item
                    worker.job = (index, path, time.monotonic() + budget.timeout)
                    worker.conn.send((path, frozenset(known)))
            if next_out in done:
                yield done.pop(next_out)
                next_out += 1
                continue
            busy = [w for w in workers if w.job is not None]
            if not busy:
                return
            wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                 max(0.0, min(w.job[2] for w in busy) - time.monotonic()))
            for k, worker in enumerate(workers):
                if worker.job is None:
                    continue
                index, path, deadline = worker.job
                outcome = _collect(worker, path, deadline, budget.timeout)
                if outcome is None:
                    continue
                done[index] = outcome
                worker.job = None
                if not worker.process.is_alive():
                    worker.conn.close()
                    workers[k] = _Worker(ctx, settings, budget.max_facts)
    finally:
        for worker in workers:
            worker.kill()


def _collect(worker: _Worker, path: Path, deadline: float, timeout: float) -> Outcome | None:
    """The worker's outcome if it has one; a named failure if it died or ran out of time (it is
    then killed); None while it is still within its budget."""
    if worker.conn.poll():
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            pass
    if not worker.process.is_alive():
        worker.process.join()
        return Outcome(path, problem=f"the extraction process died (exit code {worker.process.exitcode})")
    if time.monotonic() >= deadline:
        worker.process.kill()
        worker.process.join()
        return Outcome(path, problem=f"extraction took longer than the budget of {timeout:g} s per file "
                                     f"(GOVGRAPH_FILE_TIMEOUT)")
    return None
