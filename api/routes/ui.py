"""`/ui`: a small server-rendered web UI: search, body, person and plan pages, document text.

Every fact shown links to its evidence: the document and line (opening the stored text
at that line) and the quote.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api import view_queries as vq
from api.deps import StoreDep, StoreRoute
from graph.mapping import parse_page_starts
from ontology.vocab import RELATION_BY_NAME, UPWARD
from api.errors import ERROR_RESPONSES, BadRequest, NotFound
from api.queries.membership import members_as_of
from api.routes.views import EVIDENCE_HREF, NAV
from visualisations.heatmap import heatmap_html
from visualisations.timeline import timeline_svg
from visualisations.views import TEMPLATES

router = APIRouter(route_class=StoreRoute, prefix="/ui", tags=["ui"], responses=ERROR_RESPONSES)

_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
_env.filters["entity_href"] = lambda iri: "/ui/entity?id=" + quote(str(iri), safe="")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DOC_ID = re.compile(r"[0-9a-f]{8,64}")
#: relations from a body to what it sits under (its "reports to" list on the body page)
_ABOVE = frozenset(r.property for r in UPWARD) | {RELATION_BY_NAME["part_of"].property}

Id = Annotated[str, Query(description="the entity's IRI")]


def _page(template: str, **context: Any) -> HTMLResponse:
    html = _env.get_template(template).render(links=NAV, evidence_href=EVIDENCE_HREF, search_action="/ui",
                                              **context)
    return HTMLResponse(html)


def _entity(store: Any, iri: str, kind: str | None = None) -> dict[str, Any]:
    try:
        vq.iri(iri)
    except ValueError as exc:
        raise BadRequest(f"not an IRI: {iri!r}") from exc
    entity = vq.entities(store).get(iri)
    if entity is None or (kind and entity["kind"] != kind):
        raise NotFound(f"no {kind or 'entity'} {iri}")
    return entity


@router.get("", response_class=HTMLResponse, summary="Search people, bodies, plans, actions and principles")
def search_page(store: StoreDep, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    text = q.strip()
    results = vq.search(store, text) if text else []
    bodies = vq.body_choices(store) if not text else []
    return _page("search.html", title="Search" if text else "govgraph", query=text, results=results, bodies=bodies)


@router.get("/entity", summary="Go to an entity's page")
def entity_page(store: StoreDep, id: Id) -> RedirectResponse:
    entity = _entity(store, id)
    if entity["kind"] in ("body", "person", "plan"):
        return RedirectResponse(f"/ui/{entity['kind']}?id={quote(id, safe='')}", status_code=303)
    return RedirectResponse(f"/views/neighbourhood.html?entity={quote(id, safe='')}", status_code=303)


@router.get("/body", response_class=HTMLResponse, summary="A body: members on a date, timeline, plans overseen")
def body_page(store: StoreDep, id: Id, date: Annotated[str, Query(description="YYYY-MM-DD")] = "") -> HTMLResponse:
    body = _entity(store, id, "body")
    if date and not _DATE.fullmatch(date):
        raise BadRequest(f"date must be YYYY-MM-DD, not {date!r}")
    memberships = vq.membership_rows(store, body=id)
    listing_dates = sorted({str(r["as_of"]) for r in memberships if r.get("as_of")})
    chosen = date or (listing_dates[-1] if listing_dates else "")
    by_fact = {r["m"]: r for r in memberships}
    members = []
    if chosen:
        answers = members_as_of(store, id, dt.date.fromisoformat(chosen))
        members = [{"answer": a, "row": by_fact.get(a.fact)} for a in answers.members + answers.unknown]
    relations = vq.relation_rows(store)
    return _page("body.html", title=body["label"], body=body, date=chosen, listing_dates=listing_dates,
                 members=members, timeline=timeline_svg(memberships, vq.change_rows(store, body=id),
                                                        f"Membership timeline: {body['label']}"),
                 oversees=[r for r in relations if r["s"] == id and r["p"] == "oversees"],
                 reports=[r for r in relations if r["s"] == id and r["p"] in _ABOVE],
                 reported_by=[r for r in relations if r["o"] == id and r["p"] in _ABOVE],
                 leads=[r for r in relations if r["s"] == id and r["p"] == "leads"])


@router.get("/person", response_class=HTMLResponse, summary="A person: posts, memberships over time, attendance")
def person_page(store: StoreDep, id: Id) -> HTMLResponse:
    person = _entity(store, id, "person")
    memberships = sorted(vq.membership_rows(store, person=id),
                         key=lambda r: (str(r.get("body_label")), str(r.get("as_of") or "")))
    return _page("person.html", title=person["label"], person=person, memberships=memberships,
                 positions=vq.position_rows(store, id), attendance=vq.attendance_rows(store, id))


@router.get("/plan", response_class=HTMLResponse, summary="A plan: overseers, leads, actions, alignment")
def plan_page(store: StoreDep, id: Id) -> HTMLResponse:
    plan = _entity(store, id, "plan")
    relations = vq.relation_rows(store)
    actions = [r for r in relations if r["s"] == id and r["p"] == "hasAction"]
    action_ids = {r["o"] for r in actions}
    items, principles, cells = vq.matrix_rows(store, "action", id)
    alignments = [r for r in vq.alignment_rows(store) if r["s"] == id or r["s"] in action_ids]
    return _page("plan.html", title=plan["label"], plan=plan,
                 overseers=[r for r in relations if r["o"] == id and r["p"] == "oversees"],
                 leads=[r for r in relations if r["p"] in ("leads", "delivers") and (r["o"] == id or r["o"] in action_ids)],
                 actions=sorted(actions, key=lambda r: str(r.get("o_label"))), alignments=alignments,
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
                 page_starts=parse_page_starts(info.get("page_starts")))
