"""`/organisations`: every organisation (bodies, councils, agencies), its relations, posts and leads."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pyoxigraph import NamedNode

from api import queries
from api.deps import PageDep, StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES
from api.queries.entities import display_name, facts, properties, relations
from api.routes.common import Key, matches, require
from api.schemas import EntityRef, Organisation, OrganisationDetail, Page, page

router = APIRouter(route_class=StoreRoute, prefix="/organisations", tags=["organisations"], responses=ERROR_RESPONSES)

ORGANIZATION = "http://www.w3.org/ns/org#Organization"


@router.get("", response_model=Page[Organisation], summary="List or search organisations")
def list_organisations(store: StoreDep, paging: PageDep,
                       q: Annotated[str | None, Query(max_length=200, description="name contains")] = None,
                       kind: Annotated[str | None, Query(max_length=50, description="only this kind")] = None,
                       ) -> dict[str, Any]:
    items = [Organisation(organisation=EntityRef.of(r["b"], r["name"]), kind=r.get("kind"))
             for r in queries.run(store, "organisations")
             if matches(r["name"], q) and (kind is None or r.get("kind") == kind)]
    return page(items, paging.limit, paging.offset)


@router.get("/{key}", response_model=OrganisationDetail,
            summary="An organisation: variants, relations, posts held in it, what it leads")
def get_organisation(key: Key, store: StoreDep) -> OrganisationDetail:
    iri = require(store, "organisation", key, ORGANIZATION, "organisation")
    props = properties(queries.run(store, "entity_properties", e=NamedNode(iri)))
    rels = relations(store, iri)
    positions = [f for f in facts(store, iri) if f.type == "position"]
    leads = [r.other for r in rels if r.relation in ("leads", "delivers") and r.direction == "out"]
    return OrganisationDetail(organisation=EntityRef.of(iri, display_name(props)), kind=(props.get("kind") or [None])[0],
                              variants=sorted(props.get("altLabel", [])), relations=rels, positions=positions,
                              leads=leads)
