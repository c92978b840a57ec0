"""`/principles`: principles and the alignment matrix (plan × principle)."""
from __future__ import annotations

from collections import OrderedDict, defaultdict
from typing import Annotated, Any
from weakref import WeakKeyDictionary

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api import queries
from api.deps import StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES
from api.routes.common import matches
from api.schemas import EntityRef, Matrix, MatrixCell, MatrixRow, Principle
from graph.ids import natural_key

router = APIRouter(route_class=StoreRoute, prefix="/principles", tags=["principles"], responses=ERROR_RESPONSES)

Framework = Annotated[str | None, Query(max_length=200, description="only principles of this framework (name)")]


def principles(store: Any, framework: str | None = None) -> list[Principle]:
    found = [Principle(principle=EntityRef.of(r["pr"], r["id"]), id=r["id"], kind=r.get("kind"), text=r.get("text"),
                       framework=r.get("framework"), actions=r["actions"])
             for r in queries.run(store, "principles")
             if framework is None or (r.get("framework") and matches(r["framework"], framework)
                                      and matches(framework, r["framework"]))]
    return sorted(found, key=lambda p: (p.framework or "", natural_key(p.id)))  # P2 before P10


@router.get("", response_model=list[Principle], summary="Principles, with how many actions align with each")
def list_principles(store: StoreDep, framework: Framework = None) -> list[Principle]:
    return principles(store, framework)


def alignment_matrix(store: Any, framework: str | None = None,
                     plan: str | None = None) -> Matrix:
    """Rows: plans (of the aligned actions, or aligned plans themselves); columns: principles;
    each cell: how many items align, and which."""
    columns = principles(store, framework)
    wanted = {p.principle.id for p in columns}
    cells: dict[str, dict[str, dict[str, EntityRef]]] = defaultdict(lambda: defaultdict(dict))
    plan_names: dict[str, str | None] = {}
    for r in queries.run(store, "alignments"):
        if r["principle"] not in wanted or not matches(r.get("planName"), plan):
            continue
        plan_names[r["plan"]] = plan_names.get(r["plan"]) or r.get("planName")
        cells[r["plan"]][r["principle"]][r["item"]] = EntityRef.of(r["item"], r.get("itemId") or r.get("planName"))
    rows = []
    for plan_iri in sorted(cells, key=lambda p: plan_names.get(p) or p):
        row = [MatrixCell(principle=p.principle.id, count=len(cells[plan_iri][p.principle.id]),
                          items=sorted(cells[plan_iri][p.principle.id].values(), key=lambda e: e.name or e.id))
               for p in columns]
        rows.append(MatrixRow(plan=EntityRef.of(plan_iri, plan_names.get(plan_iri)),
                              total=sum(c.count for c in row), cells=row))
    return Matrix(principles=columns, rows=rows)


#: serialised matrices of each open (read-only, so unchanging) store, by (framework, plan)
_MATRICES: WeakKeyDictionary[Any, OrderedDict[tuple[str | None, str | None], bytes]] = WeakKeyDictionary()


@router.get("/matrix", response_model=Matrix,
            summary="Alignment matrix: plan × principle, with counts and the actions in each cell")
def get_matrix(store: StoreDep, framework: Framework = None,
               plan: Annotated[str | None, Query(max_length=200, description="only plans whose name contains this")]
               = None) -> Response:
    if not getattr(store, "read_only", False):
        return Response(alignment_matrix(store, framework, plan).model_dump_json(), media_type="application/json")
    cache = _MATRICES.setdefault(store, OrderedDict())
    key = (framework, plan)
    if key not in cache:
        cache[key] = alignment_matrix(store, framework, plan).model_dump_json().encode("utf-8")
        while len(cache) > 64:
            cache.popitem(last=False)
    cache.move_to_end(key)
    return Response(cache[key], media_type="application/json")
