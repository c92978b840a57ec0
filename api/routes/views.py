"""`/views`: the graph's network views, membership timelines and alignment heatmaps as HTML pages."""
from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from api.deps import StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES, BadRequest, NotFound
from api.view_queries import fetch_view_rows, held_seats
from visualisations.bigview import STATIC_FILES, static_text
from visualisations.views import NETWORK_VIEWS, VIEW_NAMES, UnknownView, ViewParams, render_view

router = APIRouter(route_class=StoreRoute, prefix="/views", tags=["views"], responses=ERROR_RESPONSES)

NAV = {"govgraph": "/ui", "members": "/views/membership.html", "oversight": "/views/oversight.html",
       "alignment": "/views/alignment.html", "alignment matrix": "/views/heatmap.html",
       "compare": "/views/compare.html"}
EVIDENCE_HREF = "/ui/document/"
STATIC_HREF = "/views/static/"
#: pages whose filter form submits back to themselves
FORM_VIEWS = NETWORK_VIEWS + ("compare",)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Types = Annotated[list[str], Query(alias="type", description="entity types to keep (repeatable)")]
Body = Annotated[str, Query(description="IRI of a body: the view keeps what is near it")]
Date = Annotated[str, Query(description="YYYY-MM-DD: memberships as of that date")]
Budget = Annotated[int, Query(ge=1, le=5000, description="most nodes to draw")]
Entity = Annotated[str, Query(description="IRI of the entity at the centre (neighbourhood view)")]
ItemKind = Annotated[str, Query(pattern="^(action|plan)$", description="heatmap rows: action or plan")]
Plan = Annotated[str, Query(description="IRI of a plan: the heatmap shows only its actions")]
Start = Annotated[str, Query(description="YYYY-MM-DD: compare: the earlier date")]
End = Annotated[str, Query(description="YYYY-MM-DD: compare: the later date")]


@router.get("", response_class=HTMLResponse, summary="List the views")
def list_views() -> HTMLResponse:
    items = "".join(f'<li><a href="/views/{n}.html">{n}</a></li>' for n in VIEW_NAMES if n != "neighbourhood")
    return HTMLResponse(f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><link rel=icon href='data:,'><title>views · govgraph</title>"
                        f"</head><body><h1>govgraph views</h1><ul>{items}</ul>"
                        f"<p>The neighbourhood view takes an entity: /views/neighbourhood.html?entity=IRI</p>"
                        f"</body></html>")


@router.get("/{name}.html", response_class=HTMLResponse, summary="One view as a self-contained HTML page")
def view_page(name: str, store: StoreDep, type: Types = [], body: Body = "", date: Date = "",  # noqa: B006
              budget: Budget = 500, entity: Entity = "", item_kind: ItemKind = "action", plan: Plan = "",
              start: Start = "", end: End = "") -> HTMLResponse:
    """Network views (membership, oversight, alignment, neighbourhood) take type/body/date/budget filters;
    `timeline` takes a body, `heatmap` an item kind and optionally a plan, `compare` a body and two dates.
    The membership network above 300 nodes is drawn by sigma.js (WebGL) with bodies folded into clusters."""
    if name not in VIEW_NAMES:
        raise NotFound(f"no view named {name!r} (choose from {', '.join(VIEW_NAMES)})")
    for value in (date, start, end):
        if value and not _DATE.fullmatch(value):
            raise BadRequest(f"dates must be YYYY-MM-DD, not {value!r}")
    if name == "neighbourhood" and not entity:
        raise BadRequest("the neighbourhood view needs ?entity=IRI")
    params = ViewParams(kinds=tuple(type), body=body, date=date, budget=budget, entity=entity,
                        item_kind=item_kind, plan=plan, start=start, end=end)
    try:
        rows = fetch_view_rows(store, name, params)
        action = f"/views/{name}.html" if name in FORM_VIEWS + ("timeline",) else None
        html = render_view(name, rows, params, action=action, links=NAV, evidence_href=EVIDENCE_HREF,
                           static_href=STATIC_HREF)
    except UnknownView as exc:
        raise BadRequest(str(exc)) from exc
    except ValueError as exc:  # an IRI parameter that is not an IRI
        raise BadRequest(f"invalid parameter: {exc}") from exc
    return HTMLResponse(html)


@router.get("/membership/held.json", summary="Seats held on a date (for the date sliders)")
def held_json(store: StoreDep, date: Annotated[str, Query(description="YYYY-MM-DD")], body: Body = "") -> dict:
    """Who sat where on `date`, by the as-of rule `members` uses (yes from the listings or stated changes):
    ``seats`` and ``unknown`` as [person, body, role], and ``interlocks``, people on more than one body."""
    if not _DATE.fullmatch(date):
        raise BadRequest(f"date must be YYYY-MM-DD, not {date!r}")
    return held_seats(store, date, body or None)


@router.get("/static/{file}", summary="The bundled WebGL renderer's scripts (sigma.js, graphology)")
def static_file(file: str) -> Response:
    if file not in STATIC_FILES:
        raise NotFound(f"no static file {file!r}")
    return Response(static_text(file), media_type="text/javascript",
                    headers={"Cache-Control": "public, max-age=86400"})
