"""`/entities`: search any entity, and read one with its facts and their evidence."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.deps import PageDep, StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES, NotFound
from api.queries.entities import entity, evidence, search
from api.routes.common import Key
from api.schemas import ENTITY_TYPES, FACT_TYPES, Entity, EntityRef, Evidence, Page, entity_iri, page
from graph.ids import ID_BASE

router = APIRouter(route_class=StoreRoute, prefix="/entities", tags=["entities"], responses=ERROR_RESPONSES)

EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]
AnyType = Literal[ENTITY_TYPES + FACT_TYPES]  # type: ignore[valid-type]


@router.get("", response_model=Page[EntityRef], summary="Search entities by name, variant, notation or text")
def search_entities(store: StoreDep, paging: PageDep,
                    q: Annotated[str, Query(max_length=200, description="text the name contains (any case)")] = "",
                    type: Annotated[EntityType | None, Query(description="only entities of this type")] = None,
                    ) -> dict[str, Any]:
    prefix = f"{ID_BASE}{type}/" if type else ID_BASE
    return page(search(store, q, prefix), paging.limit, paging.offset)


@router.get("/{type}/{key}", response_model=Entity, summary="An entity (or fact node) with its facts and evidence")
def get_entity(type: AnyType, key: Key, store: StoreDep) -> Entity:
    found = entity(store, entity_iri(type, key))
    if found is None:
        raise NotFound(f"no {type} with key {key!r}")
    return found


@router.get("/{type}/{key}/evidence", response_model=list[Evidence],
            summary="Evidence of a fact, of the facts mentioning an entity, or one evidence record")
def get_evidence(type: AnyType, key: Key, store: StoreDep) -> list[Evidence]:
    found = evidence(store, entity_iri(type, key))
    if not found:
        raise NotFound(f"no evidence for {type} {key!r}")
    return found
