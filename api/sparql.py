"""The SPARQL engine behind `/sparql`: read-only, negotiated formats, a row cap and a real timeout.

Queries run in worker processes that open the store read-only (`pyoxigraph.Store.read_only`).
A query that outlives the timeout has its worker killed and replaced, so a runaway query
costs nothing after the client has been answered. With no store path (an in-memory store)
queries run in a thread instead, which can give up waiting but cannot stop the query.

This module imports no web framework: worker processes import it on their own.
"""
from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import pickle
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

__all__ = ["SparqlJob", "SparqlResult", "SparqlError", "SparqlRunner", "execute", "is_update", "FORMAT_NAMES"]

SOLUTION_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
}
SOLUTION_MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"}
#: the `format=` parameter's names → the media type they stand for
FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
_ROOT = Path(__file__).resolve().parent.parent
_UPDATE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
_PROLOG = re.compile(r"^\s*((#[^\n]*\n)|(PREFIX\s+[^\s:]*:\s*<[^>]*>)|(BASE\s+<[^>]*>)|\s)*", re.I)


@dataclass(frozen=True)
class SparqlJob:
    """One query to run: its text, the protocol's dataset parameters and what the client accepts."""

    query: str
    accept: str = "*/*"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    row_cap: int = 10_000


@dataclass(frozen=True)
class SparqlResult:
    media_type: str
    body: bytes
    truncated: bool = False
    rows: int = 0


class SparqlError(Exception):
    """A query the engine refuses: status 400 (syntax), 403 (update), 406 (format)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def is_update(text: str) -> bool:
    """Whether the text is (or starts like) a SPARQL UPDATE, after its prefixes."""
    return bool(_UPDATE.match(text[_PROLOG.match(text).end():]))  # type: ignore[union-attr]


def _accepted(accept: str) -> list[str]:
    """Media types in the Accept header, best first (q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [m for _, _, m in sorted(ranked)] or ["*/*"]


def _choose(accept: str, table: dict[str, Any], default: str) -> str:
    for media in _accepted(accept):
        if media in table:
            return media
        if media in ("*/*", "application/*", "text/*") and (media == "*/*" or default.startswith(media[:-1])):
            return default
    raise SparqlError(406, "not_acceptable",
                      f"cannot answer in any of: {accept}; this query can give {', '.join(sorted(table))}")


def execute(store: ox.Store, job: SparqlJob) -> SparqlResult:
    """Run one read-only query and serialise its result as the client asked."""
    if is_update(job.query):
        raise SparqlError(403, "read_only", "this endpoint is read-only: SPARQL UPDATE is refused")
    kwargs: dict[str, Any] = {"use_default_graph_as_union": not job.default_graphs}
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, **kwargs)
    except SyntaxError as exc:
        raise SparqlError(400, "query_syntax", f"malformed query: {exc}") from None
    except ValueError as exc:
        raise SparqlError(400, "bad_query", str(exc)) from None
    if isinstance(result, ox.QueryBoolean):
        media = _choose(job.accept, SOLUTION_TYPES, "application/sparql-results+json")
        fmt = SOLUTION_TYPES[media]
        return SparqlResult(SOLUTION_MEDIA[fmt], _boolean(bool(result), fmt), rows=1)
    if isinstance(result, ox.QuerySolutions):
        media = _choose(job.accept, SOLUTION_TYPES, "application/sparql-results+json")
        fmt = SOLUTION_TYPES[media]
        names = [v.value for v in result.variables]
        rows = _take(result, job.row_cap)
        truncated = len(rows) > job.row_cap
        rows = rows[: job.row_cap]
        return SparqlResult(SOLUTION_MEDIA[fmt], SOLUTION_WRITERS[fmt](names, rows), truncated, len(rows))
    media = _choose(job.accept, GRAPH_TYPES, "text/turtle")
    triples = _take(result, job.row_cap)
    truncated = len(triples) > job.row_cap
    triples = triples[: job.row_cap]
    body = ox.serialize(triples, format=GRAPH_TYPES[media]) or b""
    return SparqlResult(media if media != "text/plain" else "application/n-triples", body, truncated, len(triples))


def _take(results: Any, cap: int) -> list[Any]:
    out = []
    for item in results:
        out.append(item)
        if len(out) > cap:
            break
    return out


# ---- result writers -----------------------------------------------------------------------------

def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _json(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    bindings = [{n: _term_json(row[n]) for n in names if row[n] is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def _term_xml(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _xml(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    parts += [f"<variable name={quoteattr(n)}/>" for n in names]
    parts.append("</head><results>")
    for row in rows:
        parts.append("<result>")
        parts += [f"<binding name={quoteattr(n)}>{_term_xml(row[n])}</binding>" for n in names if row[n] is not None]
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts).encode("utf-8")


def _csv(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row[n] is None else getattr(row[n], "value", str(row[n])) for n in names])
    return buf.getvalue().encode("utf-8")


def _tsv(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    lines = ["\t".join("?" + n for n in names)]
    for row in rows:
        lines.append("\t".join("" if row[n] is None else str(row[n]) for n in names))
    return ("\n".join(lines) + "\n").encode("utf-8")


SOLUTION_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}


def _boolean(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    return ("_askResult\r\n" if fmt == "csv" else "?_askResult\n").encode() + (b"true" if value else b"false") + b"\n"


# ---- running queries with a timeout -------------------------------------------------------------

def worker_main(path: str) -> None:  # pragma: no cover - runs in a child process
    """Serve jobs read (pickled) from stdin, writing pickled outcomes to stdout, over a read-only store."""
    channel_in, channel_out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the channel
    store = ox.Store.read_only(path)
    while True:
        try:
            job = pickle.load(channel_in)
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[str, Any] = ("ok", execute(store, job))
        except SparqlError as exc:
            outcome = ("error", (exc.status, exc.code, exc.message))
        except Exception as exc:  # reported to the parent, which answers 500
            outcome = ("error", (500, "internal_error", f"{type(exc).__name__}: {exc}"))
        pickle.dump(outcome, channel_out)
        channel_out.flush()


class _Worker:
    """A child Python process running `worker_main` (a plain subprocess: no multiprocessing
    bootstrapping, so it works whatever the parent's __main__ is)."""

    def __init__(self, path: str) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_ROOT), env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from api.sparql import worker_main; worker_main(sys.argv[1])", path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def send(self, job: SparqlJob) -> None:
        assert self.process.stdin is not None
        pickle.dump(job, self.process.stdin)
        self.process.stdin.flush()

    def receive(self) -> tuple[str, Any]:
        assert self.process.stdout is not None
        return pickle.load(self.process.stdout)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


class SparqlRunner:
    """Runs jobs with a timeout: in `size` worker processes over `path`, or in threads over `store`."""

    def __init__(self, store: ox.Store, path: str | None, timeout: float, size: int = 2) -> None:
        self.store, self.path, self.timeout, self.size = store, path, timeout, size
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers: list[_Worker] = []

    async def start(self) -> None:
        if self.path is None:
            return
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            worker = await asyncio.to_thread(_Worker, self.path)
            self._workers.append(worker)
            self._idle.put_nowait(worker)

    async def run(self, job: SparqlJob) -> SparqlResult:
        """The job's result; SparqlError when refused, TimeoutError past the timeout."""
        if self._idle is None:
            return await asyncio.wait_for(asyncio.to_thread(execute, self.store, job), self.timeout)
        worker = await self._idle.get()
        try:
            kind, payload = await self._exchange(worker, job)
        except TimeoutError:
            worker = await self._replace(worker)  # killing it ends the pending read with EOF
            raise
        except (EOFError, OSError, pickle.UnpicklingError):
            worker = await self._replace(worker)
            raise SparqlError(500, "internal_error", "the query worker stopped") from None
        finally:
            self._idle.put_nowait(worker)
        if kind == "error":
            raise SparqlError(*payload)
        return payload

    async def _exchange(self, worker: _Worker, job: SparqlJob) -> tuple[str, Any]:
        worker.send(job)
        reading = asyncio.ensure_future(asyncio.to_thread(worker.receive))
        done, _ = await asyncio.wait({reading}, timeout=self.timeout)
        if not done:
            reading.add_done_callback(lambda task: task.exception())  # the EOF after the kill is expected
            raise TimeoutError(f"query ran longer than {self.timeout:g} s")
        return reading.result()

    async def _replace(self, worker: _Worker) -> _Worker:
        await asyncio.to_thread(worker.kill)
        fresh = await asyncio.to_thread(_Worker, self.path)  # type: ignore[arg-type]
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    async def close(self) -> None:
        for worker in self._workers:
            await asyncio.to_thread(worker.kill)
        self._workers.clear()
        self._idle = None
