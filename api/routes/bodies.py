"""`/bodies`: boards and committees, their members on a date, changes, meetings and plans."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pyoxigraph import NamedNode

from api import queries
from api.deps import PageDep, StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES, BadRequest
from api.queries.entities import display_name, properties, relations
from api.queries.membership import changes_between, members_as_of
from api.routes.common import Key, matches, require
from api.schemas import Body, BodyDetail, Changes, EntityRef, LinkedPlan, Meeting, Members, Page, page
from graph.vocab import RELATION_NAMES

router = APIRouter(route_class=StoreRoute, prefix="/bodies", tags=["bodies"], responses=ERROR_RESPONSES)

ORGANIZATION = "http://www.w3.org/ns/org#Organization"


def _body(store: Any, key: str) -> str:
    return require(store, "organisation", key, ORGANIZATION, "body")


def _name(store: Any, iri: str) -> str | None:
    rows = queries.run(store, "label", e=NamedNode(iri))
    return rows[0]["name"] if rows else None


@router.get("", response_model=Page[Body], summary="List bodies (boards, committees, partnerships, ...)")
def list_bodies(store: StoreDep, paging: PageDep,
                q: Annotated[str | None, Query(max_length=200, description="name contains")] = None,
                kind: Annotated[str | None, Query(max_length=50, description="only this kind (board, ...)")] = None,
                ) -> dict[str, Any]:
    items = [Body(body=EntityRef.of(r["b"], r["name"]), kind=r.get("kind")) for r in queries.run(store, "bodies")
             if matches(r["name"], q) and (kind is None or r.get("kind") == kind)]
    return page(items, paging.limit, paging.offset)


@router.get("/{key}", response_model=BodyDetail, summary="A body: variants, relations, listings, meetings, plans")
def get_body(key: Key, store: StoreDep) -> BodyDetail:
    iri = _body(store, key)
    props = properties(queries.run(store, "entity_properties", e=NamedNode(iri)))
    kinds = props.get("kind") or [None]
    return BodyDetail(body=EntityRef.of(iri, display_name(props)), kind=kinds[0],
                      variants=sorted(props.get("altLabel", [])), relations=relations(store, iri),
                      listing_dates=_listing_dates(store, iri),
                      meetings=len(queries.run(store, "body_meetings", body=NamedNode(iri))),
                      plans=_plans(store, iri))


def _listing_dates(store: Any, iri: str) -> list[date]:
    rows = queries.run(store, "listing_dates", body=NamedNode(iri))
    return [r["d"] for r in rows]


def _plans(store: Any, iri: str) -> list[LinkedPlan]:
    return [LinkedPlan(plan=EntityRef.of(r["plan"], r["name"]), relation=RELATION_NAMES.get(r["rel"], r["rel"]))
            for r in queries.run(store, "body_plans", body=NamedNode(iri))]


@router.get("/{key}/members", response_model=Members,
            summary="Members on a date: yes, no or unknown from the dated listings and stated changes")
def get_members(key: Key, store: StoreDep,
                as_of: Annotated[date | None, Query(description="YYYY-MM-DD (default: today)")] = None) -> Members:
    iri = _body(store, key)
    return members_as_of(store, iri, as_of or date.today(), _name(store, iri))


@router.get("/{key}/changes", response_model=Changes, response_model_by_alias=True,
            summary="Who joined, left or changed role between two dates")
def get_changes(key: Key, store: StoreDep,
                start: Annotated[date, Query(alias="from", description="YYYY-MM-DD")],
                end: Annotated[date, Query(alias="to", description="YYYY-MM-DD")]) -> Changes:
    if end < start:
        raise BadRequest("'to' is before 'from'", code="bad_range")
    iri = _body(store, key)
    return changes_between(store, iri, start, end, _name(store, iri))


@router.get("/{key}/meetings", response_model=list[Meeting], summary="Meetings of a body")
def get_meetings(key: Key, store: StoreDep) -> list[Meeting]:
    iri = _body(store, key)
    return [Meeting(meeting=EntityRef.of(r["mt"], r["id"]), id=r["id"], date=r.get("date"), role=r.get("role"),
                    attendance=r["attendance"]) for r in queries.run(store, "body_meetings", body=NamedNode(iri))]


@router.get("/{key}/plans", response_model=list[LinkedPlan], summary="Plans a body oversees, leads or delivers")
def get_plans(key: Key, store: StoreDep) -> list[LinkedPlan]:
    return _plans(store, _body(store, key))
