"""`/sparql`: the SPARQL 1.1 Protocol (query operation only) over the store."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import RunnerDep, SettingsDep, StoreRoute
from api.errors import BadRequest, NotAcceptable, UpdateRefused, ApiError, ERROR_RESPONSES
from api.sparql import FORMAT_NAMES, SparqlError, SparqlJob, check
from api.workers import ticket_of

router = APIRouter(route_class=StoreRoute, prefix="/sparql", tags=["sparql"], responses=ERROR_RESPONSES)

QueryParam = Annotated[str | None, Query(description="the SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)")]
FormatParam = Annotated[str | None, Query(description="result format, overriding Accept: "
                                          + ", ".join(sorted(FORMAT_NAMES)))]
DefaultGraphs = Annotated[list[str], Query(alias="default-graph-uri", description="graphs forming the default graph "
                                           "(default: the union of every document's graph)")]
NamedGraphs = Annotated[list[str], Query(alias="named-graph-uri", description="graphs GRAPH may visit")]

_POST_BODY = {"requestBody": {"content": {
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
        "query": {"type": "string"}, "default-graph-uri": {"type": "string"},
        "named-graph-uri": {"type": "string"}}, "required": ["query"]}},
    "application/sparql-query": {"schema": {"type": "string"}}}}}
_RESULTS = {200: {"description": "query results (JSON, XML, CSV, TSV) or a graph (Turtle, N-Triples, RDF/XML, "
                                 "JSON-LD), as negotiated", "content": {m: {} for m in (
                  "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values", "text/turtle", "application/n-triples")}}}


@router.get("", summary="Run a SPARQL query (GET)", response_class=Response, responses=_RESULTS)
async def sparql_get(request: Request, runner: RunnerDep, settings: SettingsDep, query: QueryParam = None,
                     format: FormatParam = None, default_graph_uri: DefaultGraphs = [],  # noqa: B006
                     named_graph_uri: NamedGraphs = []) -> Response:  # noqa: B006
    """Read-only SPARQL 1.1 Protocol query; `update` is refused."""
    if "update" in request.query_params:
        raise UpdateRefused("this endpoint is read-only: SPARQL UPDATE is refused")
    if not query:
        raise BadRequest("missing the 'query' parameter", code="missing_query")
    return await _run(request, runner, settings, query, format, default_graph_uri, named_graph_uri)


@router.post("", summary="Run a SPARQL query (POST form or application/sparql-query)", response_class=Response,
             responses=_RESULTS, openapi_extra=_POST_BODY)
async def sparql_post(request: Request, runner: RunnerDep, settings: SettingsDep, format: FormatParam = None,
                      default_graph_uri: DefaultGraphs = [],  # noqa: B006
                      named_graph_uri: NamedGraphs = []) -> Response:  # noqa: B006
    """Query by POST: an urlencoded form with `query`, or the query itself as `application/sparql-query`."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if content_type == "application/sparql-update":
        raise UpdateRefused("this endpoint is read-only: SPARQL UPDATE is refused")
    if content_type == "application/sparql-query":
        query = _decode(body)
    elif content_type == "application/x-www-form-urlencoded":
        form = parse_qs(_decode(body), keep_blank_values=True)
        if "update" in form:
            raise UpdateRefused("this endpoint is read-only: SPARQL UPDATE is refused")
        query = (form.get("query") or [""])[0]
        default_graph_uri = default_graph_uri + form.get("default-graph-uri", [])
        named_graph_uri = named_graph_uri + form.get("named-graph-uri", [])
        format = format or (form.get("format") or [None])[0]
    else:
        raise BadRequest("POST a form (application/x-www-form-urlencoded) or application/sparql-query",
                         code="unsupported_media_type")
    if not query.strip():
        raise BadRequest("missing the 'query' parameter", code="missing_query")
    return await _run(request, runner, settings, query, format, default_graph_uri, named_graph_uri)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the request body is not UTF-8", code="bad_encoding") from None


async def _run(request: Request, runner: RunnerDep, settings: SettingsDep, query: str, fmt: str | None,
               default_graphs: list[str], named_graphs: list[str]) -> Response:
    if fmt is not None:
        if fmt.lower() not in FORMAT_NAMES:
            raise NotAcceptable(f"unknown format '{fmt}' (choose from {', '.join(sorted(FORMAT_NAMES))})")
        accept = FORMAT_NAMES[fmt.lower()]
        if fmt.lower() == "json":  # json asked of a CONSTRUCT means JSON-LD
            accept += ", application/ld+json;q=0.9"
    else:
        accept = request.headers.get("accept", "*/*")
    for iri in (*default_graphs, *named_graphs):
        if not iri.startswith(("http://", "https://", "urn:")) or any(c in iri for c in '<>" {}|\\^`'):
            raise BadRequest(f"not a graph IRI: {iri!r}", code="bad_graph_iri")
    job = SparqlJob(query, accept, tuple(default_graphs), tuple(named_graphs), settings.row_cap)
    try:
        check(query)  # refused before it waits for a worker (the worker checks again)
        result, request.state.snapshot = await runner.run(job, ticket_of(request))
    except SparqlError as exc:
        raise ApiError(exc.message, code=exc.code).with_status(exc.status) from None
    headers = {"X-Result-Rows": str(result.rows)}
    if result.truncated:
        headers["X-Result-Truncated"] = f"true; row cap {settings.row_cap}"
    return Response(result.body, media_type=result.media_type, headers=headers)
