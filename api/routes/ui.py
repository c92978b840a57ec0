"""`/ui`: a server-rendered web UI to browse the graph like a civic-data site.

A home page with counts and entry points; index pages of bodies, people, plans, meetings and
documents that sort, filter by facets and download as CSV or JSON; a page for each body, person,
plan, meeting and document; full-text search over names and document text; a SPARQL editor.
Every fact shown links to its evidence: the document and line (opening the stored text at that
line) and the quote. Answers come from the functions the API and the command line use.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api import browse
from api import view_queries as vq
from api.deps import StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES, BadRequest, NotFound
from api.queries.membership import changes_between, members_as_of, view_of
from api.routes.people import person_record
from api.routes.plans import actions as plan_actions
from api.routes.views import EVIDENCE_HREF
from graph import search as fulltext
from graph.ids import natural_key
from graph.mapping import parse_page_starts
from graph.tenures import role_rank
from ontology.vocab import RELATION_BY_NAME, UPWARD
from visualisations.heatmap import heatmap_html
from visualisations.timeline import timeline_svg
from visualisations.views import TEMPLATES

router = APIRouter(route_class=StoreRoute, prefix="/ui", tags=["ui"], responses=ERROR_RESPONSES)

UI_NAV = {"govgraph": "/ui", "bodies": "/ui/bodies", "people": "/ui/people", "plans": "/ui/plans",
          "meetings": "/ui/meetings", "documents": "/ui/documents", "views": "/views", "SPARQL": "/ui/sparql",
          "API docs": "/docs"}
ENTITY_PAGES = ("body", "person", "plan", "meeting")

_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
_env.filters["entity_href"] = lambda iri: "/ui/entity?id=" + quote(str(iri), safe="")
_env.filters["readable"] = lambda text: readable_quote(str(text or ""))
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DOC_ID = re.compile(r"[0-9a-f]{8,64}")
#: relations from a body to what it sits under (its "reports to" list on the body page)
_ABOVE = frozenset(r.property for r in UPWARD) | {RELATION_BY_NAME["part_of"].property}

Id = Annotated[str, Query(description="the entity's IRI")]
Day = Annotated[str, Query(description="YYYY-MM-DD")]


def readable_quote(text: str) -> str:
    """A stored quote (an exact excerpt of the paper's text) as read on a page: table cell bars, Markdown
    emphasis and heading marks, tags and leftover entities taken out, spaces collapsed."""
    text = re.sub(r"<[^>]{1,200}>", " ", text)
    text = re.sub(r"&(nbsp|amp|lt|gt|quot|#\d+);", lambda m: {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">",
                                                           "quot": '"'}.get(m.group(1), " "), text)
    text = re.sub(r"\s*\|\s*", " · ", text.strip().strip("|"))
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"^\s*(#{1,6}|[-*•·])\s+", "", text)
    return " ".join(text.split()).strip(" ·")


def _page(template: str, **context: Any) -> HTMLResponse:
    html = _env.get_template(template).render(links=UI_NAV, evidence_href=EVIDENCE_HREF, search_action="/ui/search",
                                              **context)
    return HTMLResponse(html)


def _check_day(value: str, name: str = "date") -> str:
    if value and not _DATE.fullmatch(value):
        raise BadRequest(f"{name} must be YYYY-MM-DD, not {value!r}")
    return value


def _entity(store: Any, iri: str, kind: str | None = None) -> dict[str, Any]:
    try:
        vq.iri(iri)
    except ValueError as exc:
        raise BadRequest(f"not an IRI: {iri!r}") from exc
    entity = vq.entities(store).get(iri)
    if entity is None or (kind and entity["kind"] != kind):
        raise NotFound(f"no {kind or 'entity'} {iri}")
    return entity


# ---- home and search -----------------------------------------------------------------------------------------

@router.get("", response_class=HTMLResponse, summary="Home: counts, entry points, latest meetings (or search with ?q=)")
def home_page(store: StoreDep, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    if q.strip():
        return search_page(store, q, "html")
    return _page("home.html", title="govgraph", **browse.home(store))


@router.get("/search", response_class=HTMLResponse,
            summary="Full-text search over names and document text (tolerates misspellings); format=json")
def search_page(store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
                format: Annotated[str, Query(pattern="^(html|json)$")] = "html") -> Response:
    """`format=json`: the same results as {"query", "names", "lines"}."""
    text = q.strip()
    names, lines = search_results(store, text) if text else ([], [])
    if format == "json":
        return Response(json.dumps({"query": text, "names": names, "lines": lines}, ensure_ascii=False),
                        media_type="application/json")
    return _page("search.html", title=f"Search: {text}" if text else "Search", query=text, results=names,
                 lines=lines)


def search_results(store: Any, text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(entities, document lines) matching `text`: the embedded index (graph.search), names from the
    entity index, one row per entity."""
    path = fulltext.ensure_index(store)
    index = vq.entities(store)
    names = []
    for hit in fulltext.search_names(path, text):
        entity = index.get(hit.id)
        if entity:
            names.append({"id": hit.id, "kind": entity["kind"], "label": entity["label"], "matched": hit.name,
                          "score": round(hit.score)})
    docs = {d.id: d.name for d in store.documents()}
    lines = [{"doc_id": h.doc_id, "document": docs.get(h.doc_id, h.doc_id), "line": h.line, "text": h.text,
              "score": round(h.score)} for h in fulltext.search_text(path, text, limit=60)]
    return names, lines


@router.get("/entity", summary="Go to an entity's page")
def entity_page(store: StoreDep, id: Id) -> RedirectResponse:
    entity = _entity(store, id)
    if entity["kind"] in ENTITY_PAGES:
        return RedirectResponse(f"/ui/{entity['kind']}?id={quote(id, safe='')}", status_code=303)
    return RedirectResponse(f"/views/neighbourhood.html?entity={quote(id, safe='')}", status_code=303)


# ---- index pages ---------------------------------------------------------------------------------------------

def _index(store: Any, kind: str, q: str, sort: str, desc: bool, fmt: str, facets: dict[str, str]) -> Response:
    for name in ("date_from", "date_to"):
        _check_day(facets.get(name, ""), name)
    index = browse.index_page(store, kind, q=q.strip(), sort=sort, descending=desc,
                              facets={k: v for k, v in facets.items() if v})
    if fmt == "json":
        return Response(json.dumps(browse.index_json(index), ensure_ascii=False, indent=1), media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{kind}.json"'})
    if fmt == "csv":
        return Response(browse.index_csv(index), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{kind}.csv"'})
    state = {"q": q, **facets, "sort": sort, "desc": "1" if desc else ""}

    def href(**change: str) -> str:
        return f"/ui/{kind}?" + urlencode({k: v for k, v in {**state, **change}.items() if v})

    return _page("index.html", title=index.title, index=index, state=state, href=href,
                 dated=kind in ("meetings", "documents", "bodies", "people"))


Sort = Annotated[str, Query(max_length=40, description="column to sort by")]
Desc = Annotated[bool, Query(description="sort descending")]
Fmt = Annotated[str, Query(pattern="^(html|csv|json)$", description="html, or a csv / json download")]
Text = Annotated[str, Query(max_length=200, description="name contains these words")]
Facet = Annotated[str, Query(max_length=500)]


@router.get("/bodies", response_class=HTMLResponse, summary="Index of bodies: sort, filter by kind, download")
def bodies_page(store: StoreDep, q: Text = "", kind: Facet = "", date_from: Day = "", date_to: Day = "",
                sort: Sort = "", desc: Desc = False, format: Fmt = "html") -> Response:
    return _index(store, "bodies", q, sort, desc, format, {"kind": kind, "date_from": date_from, "date_to": date_to})


@router.get("/people", response_class=HTMLResponse, summary="Index of people: sort, filter by body, download")
def people_page(store: StoreDep, q: Text = "", body: Facet = "", date_from: Day = "", date_to: Day = "",
                sort: Sort = "", desc: Desc = False, format: Fmt = "html") -> Response:
    return _index(store, "people", q, sort, desc, format, {"body": body, "date_from": date_from, "date_to": date_to})


@router.get("/plans", response_class=HTMLResponse, summary="Index of plans: sort, filter by kind and body, download")
def plans_page(store: StoreDep, q: Text = "", kind: Facet = "", body: Facet = "", sort: Sort = "",
               desc: Desc = False, format: Fmt = "html") -> Response:
    return _index(store, "plans", q, sort, desc, format, {"kind": kind, "body": body})


@router.get("/meetings", response_class=HTMLResponse, summary="Index of meetings: sort, filter by body and date")
def meetings_page(store: StoreDep, q: Text = "", body: Facet = "", date_from: Day = "", date_to: Day = "",
                  sort: Sort = "", desc: Desc = False, format: Fmt = "html") -> Response:
    return _index(store, "meetings", q, sort, desc, format,
                  {"body": body, "date_from": date_from, "date_to": date_to})


@router.get("/documents", response_class=HTMLResponse, summary="Index of documents: sort, filter by type and date")
def documents_page(store: StoreDep, q: Text = "", type: Facet = "", date_from: Day = "", date_to: Day = "",
                   sort: Sort = "", desc: Desc = False, format: Fmt = "html") -> Response:
    return _index(store, "documents", q, sort, desc, format,
                  {"type": type, "date_from": date_from, "date_to": date_to})


# ---- entity pages --------------------------------------------------------------------------------------------

@router.get("/meeting", response_class=HTMLResponse,
            summary="A meeting: who attended, apologies, officers, documents, stated changes")
def meeting_page(store: StoreDep, id: Id) -> HTMLResponse:
    entity = _entity(store, id, "meeting")
    meeting = browse.meeting_detail(store, id)
    return _page("meeting.html", title=entity["label"], meeting=meeting, label=entity["label"])


@router.get("/body", response_class=HTMLResponse,
            summary="A body: members on a date (and past, future, undated), meetings, plans, reporting lines")
def body_page(store: StoreDep, id: Id, date: Day = "") -> HTMLResponse:
    body = _entity(store, id, "body")
    _check_day(date)
    timeline = view_of(store).timeline
    listing_dates = timeline.listing_dates(id)
    chosen = date or (listing_dates[-1] if listing_dates else dt.date.today().isoformat())
    members = members_as_of(store, id, dt.date.fromisoformat(chosen), body["label"])
    for group in (members.members, members.unknown, members.former, members.future):
        group.sort(key=lambda a: role_rank(a.role))  # chairs first; stable, so by name within a role
    relations = vq.relation_rows(store)
    meetings = sorted((m for m in browse.meetings(store).values() if m["body"] == id),
                      key=lambda m: m["date"] or "", reverse=True)
    return _page("body.html", title=body["label"], body=body, date=chosen, listing_dates=listing_dates,
                 members=members, meetings=meetings, changes=_changes(store, id, listing_dates),
                 timeline=timeline_svg(vq.membership_rows(store, body=id), vq.change_rows(store, body=id),
                                       f"Membership timeline: {body['label']}"),
                 oversees=[r for r in relations if r["s"] == id and r["p"] == "oversees"],
                 reports=[r for r in relations if r["s"] == id and r["p"] in _ABOVE],
                 reported_by=[r for r in relations if r["o"] == id and r["p"] in _ABOVE],
                 leads=[r for r in relations if r["s"] == id and r["p"] == "leads"])


def _changes(store: Any, body: str, listing_dates: list[str]) -> list[Any]:
    """The changes between each two consecutive dated listings (latest first), as the API answers them."""
    pairs = list(zip(listing_dates, listing_dates[1:]))[-6:]
    return [changes_between(store, body, dt.date.fromisoformat(a), dt.date.fromisoformat(b))
            for a, b in reversed(pairs)]


@router.get("/person", response_class=HTMLResponse,
            summary="A person: bodies now and before, posts, attendance record, who they sit with")
def person_page(store: StoreDep, id: Id) -> Response:
    person = _entity(store, id, "person")
    head = browse.canonical(store, id)
    if head != id and head in vq.entities(store):
        return RedirectResponse(f"/ui/person?id={quote(head, safe='')}", status_code=303)
    record = person_record(store, id)
    summary = browse.person_summary(store, id)
    return _page("person.html", title=person["label"], person=person, record=record, posts=_posts(record),
                 attendance=_attendance(store, record), **summary)


def _posts(record: Any) -> list[dict[str, Any]]:
    """Posts collapsed: one row per post and organisation, with the dates it is cited on and its evidence."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for p in record.positions:
        key = ((p.post or "").strip().casefold(), p.organisation.id if p.organisation else "")
        row = grouped.setdefault(key, {"post": p.post, "organisation": p.organisation, "dates": set(), "evidence": []})
        if p.as_of:
            row["dates"].add(p.as_of.isoformat())
        row["evidence"].append(p.evidence)
    return sorted(({**r, "dates": sorted(r["dates"])} for r in grouped.values()),
                  key=lambda r: (-(len(r["evidence"])), (r["post"] or "").casefold()))


def _attendance(store: Any, record: Any) -> dict[str, Any]:
    labels = {m["id"]: m["label"] for m in browse.meetings(store).values()}
    rows = [{"a": a, "meeting_label": labels.get(a.meeting.id) if a.meeting else None} for a in record.attendance]
    counts: dict[str, int] = defaultdict(int)
    for a in record.attendance:
        counts[a.status or "present"] += 1
    return {"rows": rows, "counts": dict(counts)}


@router.get("/plan", response_class=HTMLResponse, summary="A plan: overseers, leads, actions, alignment")
def plan_page(store: StoreDep, id: Id) -> HTMLResponse:
    plan = _entity(store, id, "plan")
    relations = vq.relation_rows(store)
    actions = [r for r in relations if r["s"] == id and r["p"] == "hasAction"]
    action_ids = {r["o"] for r in actions}
    items, principles, cells = vq.matrix_rows(store, "action", id)
    alignments = [r for r in vq.alignment_rows(store) if r["s"] == id or r["s"] in action_ids]
    order = {a.action.id: i for i, a in enumerate(plan_actions(store, id))}
    return _page("plan.html", title=plan["label"], plan=plan,
                 overseers=[r for r in relations if r["o"] == id and r["p"] == "oversees"],
                 leads=[r for r in relations if r["p"] in ("leads", "delivers") and (r["o"] == id or r["o"] in action_ids)],
                 actions=sorted(actions, key=lambda r: (order.get(r["o"], len(order)), natural_key(str(r.get("o_label"))))),
                 alignments=sorted(alignments, key=lambda r: (natural_key(str(r.get("s_label"))),
                                                              natural_key(str(r.get("o_label"))))),
                 heatmap=heatmap_html(items, principles, cells, "action") if items else "")


@router.get("/document/{doc_id}", response_class=HTMLResponse, summary="A stored document's text, by line")
def document_page(store: StoreDep, doc_id: str) -> HTMLResponse:
    if not _DOC_ID.fullmatch(doc_id):
        raise BadRequest("a document id is hex digits")
    info = vq.document_info(store, doc_id)
    lines = store.text_lines(doc_id) if hasattr(store, "text_lines") else None
    if info is None or lines is None:
        raise NotFound(f"no stored document {doc_id}")
    # a PDF's text is shown page by page: {text line: page} where each page starts
    return _page("document.html", title=info["name"], doc=info, lines=lines,
                 display_title=browse.display_title(info.get("title"), info["name"]),
                 page_starts=parse_page_starts(info.get("page_starts")))


# ---- SPARQL --------------------------------------------------------------------------------------------------

#: example queries the SPARQL page offers (each runs against /sparql as typed)
SPARQL_EXAMPLES = {
    "Bodies and how many people each lists": """SELECT ?body ?name (COUNT(DISTINCT ?person) AS ?people) WHERE {
  ?m a org:Membership ; org:organization ?body ; org:member ?person .
  ?body rdfs:label ?name .
} GROUP BY ?body ?name ORDER BY DESC(?people) LIMIT 50""",
    "Plans and the bodies that oversee them": """SELECT ?plan ?planName ?body ?bodyName WHERE {
  ?plan a gg:Plan ; rdfs:label ?planName .
  OPTIONAL { ?body gg:oversees ?plan . ?body rdfs:label ?bodyName }
} ORDER BY ?planName LIMIT 200""",
    "Meetings with apologies": """SELECT ?meeting ?date (COUNT(?a) AS ?apologies) WHERE {
  ?a a gg:Attendance ; gg:meeting ?meeting ; gg:status "apologies" .
  OPTIONAL { ?meeting dcterms:date ?date }
} GROUP BY ?meeting ?date ORDER BY DESC(?apologies) LIMIT 50""",
    "Every fact drawn from one line, with its quote": """SELECT ?fact ?type ?file ?line ?quote WHERE {
  ?fact prov:wasDerivedFrom ?ev ; a ?type .
  ?ev gg:line ?line ; gg:quote ?quote ; gg:document/gg:fileName ?file .
} LIMIT 50""",
}
SPARQL_PREFIXES = """PREFIX gg: <https://w3id.org/govgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@router.get("/sparql", response_class=HTMLResponse, summary="A SPARQL editor with example queries")
def sparql_page(query: Annotated[str, Query(max_length=20_000)] = "") -> HTMLResponse:
    examples = {title: SPARQL_PREFIXES + text for title, text in SPARQL_EXAMPLES.items()}
    return _page("sparql.html", title="SPARQL", examples=examples,
                 initial=query or next(iter(examples.values())))
