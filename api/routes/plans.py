"""`/plans`: plans with their chain of overseeing bodies, leads and actions."""
from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pyoxigraph import NamedNode

from api import queries
from api.deps import PageDep, StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES
from api.queries.entities import display_name, properties
from api.routes.common import Key, matches, require
from api.schemas import Action, ChainLink, EntityRef, LinkedPlan, Page, Plan, PlanDetail, page
from graph.ids import natural_key
from graph.vocab import RELATION_NAMES

router = APIRouter(route_class=StoreRoute, prefix="/plans", tags=["plans"], responses=ERROR_RESPONSES)

GG_PLAN = "https://w3id.org/govgraph/ontology#Plan"


@router.get("", response_model=Page[Plan], summary="List or search plans")
def list_plans(store: StoreDep, paging: PageDep,
               q: Annotated[str | None, Query(max_length=200, description="name contains")] = None,
               kind: Annotated[str | None, Query(max_length=50, description="strategy, plan, framework, ...")] = None,
               ) -> dict[str, Any]:
    items = [Plan(plan=EntityRef.of(r["plan"], r["name"]), kind=r.get("kind"), period=r.get("period"))
             for r in queries.run(store, "plans") if matches(r["name"], q) and (kind is None or r.get("kind") == kind)]
    return page(items, paging.limit, paging.offset)


def oversight_chains(store: Any, plan: str) -> tuple[list[EntityRef], list[list[ChainLink]]]:
    """The bodies overseeing `plan`, and every path from each up to a body that answers to nobody."""
    overseers = {r["body"]: r["name"] for r in queries.run(store, "plan_overseers", plan=NamedNode(plan))}
    up: dict[str, list[tuple[str, str]]] = defaultdict(list)
    names = dict(overseers)
    for r in queries.run(store, "plan_chain_edges", plan=NamedNode(plan)):
        if (r["to"], r["rel"]) not in up[r["from"]]:
            up[r["from"]].append((r["to"], r["rel"]))
        names[r["to"]] = r["toName"]
    chains: list[list[ChainLink]] = []

    def walk(body: str, path: list[ChainLink], seen: set[str]) -> None:
        parents = [(to, rel) for to, rel in sorted(up.get(body, [])) if to not in seen]
        if not parents:
            chains.append(path + [ChainLink(body=EntityRef.of(body, names.get(body)), relation=None)])
            return
        for to, rel in parents:
            link = ChainLink(body=EntityRef.of(body, names.get(body)), relation=RELATION_NAMES.get(rel, rel))
            walk(to, path + [link], seen | {to})

    for body in sorted(overseers):
        walk(body, [], {body})
    return [EntityRef.of(b, n) for b, n in sorted(overseers.items())], chains


def actions(store: Any, plan: str) -> list[Action]:
    """The plan's actions with their leads and the principles they align with."""
    found: dict[str, Action] = {}
    for r in queries.run(store, "plan_actions", plan=NamedNode(plan)):
        found.setdefault(r["action"], Action(action=EntityRef.of(r["action"], r["id"]), id=r["id"], text=r.get("text"),
                                             leads=[], principles=[]))
    for r in queries.run(store, "plan_action_leads", plan=NamedNode(plan)):
        if r["action"] in found and all(x.id != r["lead"] for x in found[r["action"]].leads):
            found[r["action"]].leads.append(EntityRef.of(r["lead"], r["leadName"]))
    for r in queries.run(store, "plan_action_principles", plan=NamedNode(plan)):
        if r["action"] in found and all(x.id != r["principle"] for x in found[r["action"]].principles):
            found[r["action"]].principles.append(EntityRef.of(r["principle"], r["principleId"]))
    return sorted(found.values(), key=lambda a: natural_key(a.id))


@router.get("/{key}", response_model=PlanDetail,
            summary="A plan: overseeing bodies and their chain up to the top, leads, actions")
def get_plan(key: Key, store: StoreDep) -> PlanDetail:
    iri = require(store, "plan", key, GG_PLAN, "plan")
    props = properties(queries.run(store, "entity_properties", e=NamedNode(iri)))
    overseers, chains = oversight_chains(store, iri)
    leads = [LinkedPlan(plan=EntityRef.of(r["org"], r["name"]), relation=RELATION_NAMES.get(r["rel"], r["rel"]))
             for r in queries.run(store, "plan_leads", plan=NamedNode(iri))]
    return PlanDetail(plan=EntityRef.of(iri, display_name(props)), kind=(props.get("kind") or [None])[0],
                      period=(props.get("period") or [None])[0], overseers=overseers, chains=chains, leads=leads,
                      actions=actions(store, iri))
