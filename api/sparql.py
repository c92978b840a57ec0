"""The SPARQL engine behind `/sparql`: read-only, no federation, negotiated formats and a row cap.

Queries run in worker processes (api.workers), where a query that outlives its deadline is
stopped by killing its worker. SERVICE is refused: it would make the server send requests to
any address a client names (graph.sparql.uses_service).

This module imports no web framework.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.sparql import uses_service

__all__ = ["SparqlJob", "SparqlResult", "SparqlError", "check", "execute", "is_update", "FORMAT_NAMES"]

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
    """A query the engine refuses: status 400 (syntax, SERVICE), 403 (update), 406 (format)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def __reduce__(self) -> tuple[Any, ...]:
        return SparqlError, (self.status, self.code, self.message)


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


def check(query: str) -> None:
    """Refuse (SparqlError) a query text this endpoint does not run: an update, or a federated query."""
    if is_update(query):
        raise SparqlError(403, "read_only", "this endpoint is read-only: SPARQL UPDATE is refused")
    if uses_service(query):
        raise SparqlError(400, "service_refused", "the 'query' parameter uses SERVICE (a federated query): this "
                          "endpoint does not send requests to other endpoints")


def execute(store: ox.Store, job: SparqlJob) -> SparqlResult:
    """Run one read-only query and serialise its result as the client asked."""
    check(job.query)
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
