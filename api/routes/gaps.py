"""`/gaps`: what the graph says is missing."""
from __future__ import annotations

from fastapi import APIRouter

from api import queries
from api.deps import StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES
from api.schemas import Action, EntityRef, Gaps, Plan, Principle, Vacancy
from graph.ids import natural_key

router = APIRouter(route_class=StoreRoute, tags=["gaps"], responses=ERROR_RESPONSES)


@router.get("/gaps", response_model=Gaps, summary="Plans nobody oversees, principles with no action, actions "
                                                  "with no principle, bodies with vacancies")
def get_gaps(store: StoreDep) -> Gaps:
    return Gaps(
        plans_without_oversight=[Plan(plan=EntityRef.of(r["plan"], r["name"]), kind=r.get("kind"))
                                 for r in queries.run(store, "gaps_plans")],
        principles_without_actions=[Principle(principle=EntityRef.of(r["pr"], r["id"]), id=r["id"], kind=None,
                                              text=r.get("text"), framework=r.get("framework"), actions=0)
                                    for r in queries.run(store, "gaps_principles")],
        actions_without_principles=[Action(action=EntityRef.of(r["action"], r["id"]), id=r["id"], text=r.get("text"),
                                           leads=[], principles=[])
                                    for r in sorted(queries.run(store, "gaps_actions"),
                                                    key=lambda r: (r["plan"], natural_key(r["id"])))],
        bodies_with_vacancies=[Vacancy(body=EntityRef.of(r["body"], r["name"]), listing_date=r["latest"],
                                       vacancies=r["vacancies"]) for r in queries.run(store, "gaps_vacancies")],
    )
