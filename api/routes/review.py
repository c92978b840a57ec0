"""`/ui/review`: reviewers correct the graph from the web UI (behind the `review` setting, off by default).

The queue (api.review_queue), an entity's and a fact's review page, and one POST form that records
a decision (graph.decisions) and replays the log (graph.review). A form is accepted with the
`review_token` setting's token, or, with no token set, from this machine only; a form posted from
another site (an Origin header naming another host) is refused.
"""
from __future__ import annotations

import hmac
import threading
from urllib.parse import parse_qs, quote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from api.deps import StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES, ApiError, BadRequest, NotFound
from api.routes import ui
from api.settings import Settings
from graph.decisions import short_iri

LOCAL = {"127.0.0.1", "::1", "localhost"}
#: one decision at a time: a second writer in this process would find the store locked
_WRITING = threading.BoundedSemaphore(1)


def _enabled(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.review:
        raise NotFound("the review pages are off (setting GOVGRAPH_REVIEW)")


router = APIRouter(route_class=StoreRoute, prefix="/ui/review", tags=["review"], responses=ERROR_RESPONSES,
                   dependencies=[Depends(_enabled)])


class Forbidden(ApiError):
    status = 403
    code = "forbidden"


ui._env.filters["short"] = short_iri
ui._env.filters["review_href"] = lambda iri: ("/ui/review/entity?id=" if _is_entity(str(iri)) else
                                              "/ui/review/fact?id=") + quote(str(iri), safe="")


def _is_entity(iri: str) -> bool:
    from graph.decisions import ENTITY_KINDS, iri_kind

    return iri_kind(iri) in ENTITY_KINDS


@router.get("", response_class=HTMLResponse, summary="The review queue and the decisions made")
def queue_page(store: StoreDep, shapes: bool = False, done: str = "") -> HTMLResponse:
    from graph.review import decision_rows
    from api.review_queue import review_queue

    queue = review_queue(store, shapes=shapes)
    return ui._page("review_queue.html", title="Review", queue=queue.items[:200], counts=queue.counts(),
                    decisions=decision_rows(store), done=done, back="/ui/review")


ENTITY_FACTS = """
SELECT ?e ?fact ?type ?document ?doc_id ?line ?quote WHERE {
  ?fact ?p ?e ; prov:wasDerivedFrom ?ev . FILTER(?fact != ?e)
  ?ev gg:factType ?type ; gg:line ?line ; gg:document ?d . ?d gg:fileName ?document ; gg:contentHash ?doc_id .
  OPTIONAL { ?ev gg:quote ?quote }
} ORDER BY ?document ?line"""


@router.get("/entity", response_class=HTMLResponse, summary="Review an entity: its facts, merges and decisions")
def entity_page(store: StoreDep, id: ui.Id, done: str = "") -> HTMLResponse:
    from graph.identity import stored_identity
    from graph.review import decision_rows, known_target

    if not known_target(store, id):
        raise NotFound(f"no entity {id}")
    entity = ui.vq.entities(store).get(id) or {"id": id, "label": short_iri(id), "kind": "withdrawn"}
    facts = ui.vq.plain(store.query(ENTITY_FACTS, e=ui.vq.iri(id)))
    same = stored_identity(store)
    canon = same.get(id, id)
    cluster = sorted(i for i, c in same.items() if c == canon and i != id) + ([canon] if canon != id else [])
    return ui._page("review_entity.html", title=f"Review: {entity['label']}", entity=entity, facts=facts,
                    cluster=cluster, decisions=decision_rows(store, id), done=done,
                    back=f"/ui/review/entity?id={quote(id, safe='')}")


FACT = """
SELECT ?f ?p ?o ?type ?document ?doc_id ?line ?quote WHERE {
  ?f ?p ?o .
  OPTIONAL { ?f prov:wasDerivedFrom ?ev . ?ev gg:factType ?type ; gg:line ?line ; gg:document ?d .
             ?d gg:fileName ?document ; gg:contentHash ?doc_id . OPTIONAL { ?ev gg:quote ?quote } }
}"""


@router.get("/fact", response_class=HTMLResponse, summary="Review a fact: its statements, evidence and decisions")
def fact_page(store: StoreDep, id: ui.Id, done: str = "") -> HTMLResponse:
    from graph.review import decision_rows, known_target

    if not known_target(store, id):
        raise NotFound(f"no fact {id}")
    rows = ui.vq.plain(store.query(FACT, f=ui.vq.iri(id)))
    statements = sorted({(r["p"].rsplit("/", 1)[-1].rsplit("#", 1)[-1], str(r["o"])) for r in rows})
    evidence = next((r for r in rows if r.get("document")), None)
    decisions = decision_rows(store, id)
    rejected = any(d["kind"] == "reject" and d["status"] == "applied" for d in decisions)
    return ui._page("review_fact.html", title=f"Review: {short_iri(id)}", fact_id=id, statements=statements,
                    evidence=evidence, decisions=decisions, rejected=rejected, done=done,
                    back=f"/ui/review/fact?id={quote(id, safe='')}")


@router.post("/decide", summary="Record a decision and replay the decisions log")
async def decide_form(request: Request) -> RedirectResponse:
    """An HTML form (application/x-www-form-urlencoded): kind, target (one or two), why, by, value,
    token and back (the page to return to)."""
    from starlette.concurrency import run_in_threadpool

    form = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
    settings: Settings = request.app.state.settings
    _authorise(request, settings, _one(form, "token"))
    status_of = await run_in_threadpool(_record, settings, _one(form, "kind"),
                                        [t for t in form.get("target", []) if t.strip()],
                                        _one(form, "why"), _one(form, "by") or "web reviewer", _one(form, "value"))
    back = _one(form, "back")
    path = back if back.startswith("/ui/") else "/ui/review"
    sep = "&" if "?" in path else "?"
    return RedirectResponse(f"{path}{sep}done={quote(status_of)}", status_code=303)


def _one(form: dict[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[0]


def _record(settings: Settings, kind: str, targets: list[str], why: str, by: str, value: str) -> str:
    """Record the decision and replay the log: 'd-...: status'."""
    from api.build import derive, open_store
    from graph.decisions import DecisionError, DecisionLog, new_decision
    from graph.errors import StoreLocked
    from graph.review import decide

    try:
        decision = new_decision(kind, targets, why=why, value=value, by=by)
    except DecisionError as exc:
        raise BadRequest(str(exc)) from None
    with _WRITING:
        try:
            store = open_store(settings.data)
        except StoreLocked:
            DecisionLog(settings.data).append([decision])
            return f"{decision.id}: recorded; the running build applies it"
        try:
            outcome = decide(store, decision, derive)
        except DecisionError as exc:
            raise BadRequest(str(exc)) from None
        finally:
            store.close()
    return f"{decision.id}: {outcome.status} ({outcome.note})"


def _authorise(request: Request, settings: Settings, token: str) -> None:
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise Forbidden("a review form must be posted from this site")
    if settings.review_token:
        if not hmac.compare_digest(token.encode(), settings.review_token.encode()):
            raise Forbidden("the review token is missing or wrong")
        return
    client = request.client.host if request.client else ""
    if client not in LOCAL:
        raise Forbidden("set GOVGRAPH_REVIEW_TOKEN to record decisions from another machine")
