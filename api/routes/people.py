"""`/people`: people, with their posts, memberships over time and attendance."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pyoxigraph import NamedNode

from api import queries
from api.deps import PageDep, StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES
from api.queries.entities import properties
from api.queries.membership import interlocks_on
from api.routes.common import Key, matches, require
from api.schemas import (Attendance, EntityRef, Evidence, Interlocks, Membership, Page, Person, PersonDetail, Position,
                         Tenure, page, ref)

router = APIRouter(route_class=StoreRoute, prefix="/people", tags=["people"], responses=ERROR_RESPONSES)

FOAF_PERSON = "http://xmlns.com/foaf/0.1/Person"


@router.get("", response_model=Page[Person], summary="List or search people")
def list_people(store: StoreDep, paging: PageDep,
                q: Annotated[str | None, Query(max_length=200, description="name contains (any case, accents)")]
                = None) -> dict[str, Any]:
    items = [Person(person=EntityRef.of(r["p"], r["name"])) for r in queries.run(store, "people")
             if matches(r["name"], q)]
    return page(items, paging.limit, paging.offset)


@router.get("/interlocks", response_model=Interlocks,
            summary="People with seats on two or more bodies on a date (each seat yes or unknown)")
def get_interlocks(store: StoreDep,
                   as_of: Annotated[date | None, Query(description="YYYY-MM-DD (default: today)")] = None,
                   confirmed: Annotated[bool, Query(description="only seats answered yes")] = False) -> Interlocks:
    return interlocks_on(store, as_of or date.today(), confirmed)


def _once(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """One row per fact node (labels seen in several documents repeat rows)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row[key], row)
    return list(seen.values())


@router.get("/{key}", response_model=PersonDetail,
            summary="A person: posts, memberships over time (per body), attendance, with evidence")
def get_person(key: Key, store: StoreDep) -> PersonDetail:
    return person_record(store, require(store, "person", key, FOAF_PERSON, "person"))


def cluster(store: Any, iri: str) -> list[str]:
    """The person and every IRI merged into them (the identity graph): one person is one entity."""
    same = {r["entity"]: r["canonical"] for r in store.run("identity_same_as")}
    head = same.get(iri, iri)
    return sorted({head, iri} | {e for e, c in same.items() if c == head})


def person_record(store: Any, iri: str) -> PersonDetail:
    """A person's names, posts, memberships, tenures and attendance, over every IRI merged into them;
    attendance once per meeting and status (papers that restate it add no row). The API and the UI
    both show this."""
    people = [NamedNode(i) for i in cluster(store, iri)]
    props = properties([r for p in people for r in queries.run(store, "entity_properties", e=p)])
    names = sorted(set(props.get("label", [])) | set(props.get("altLabel", [])))
    pos_rows = _once(queries.run(store, "person_positions", person=people), "pos")
    mem_rows = _once(queries.run(store, "person_memberships", person=people), "m")
    att_rows = _once(queries.run(store, "person_attendance", person=people), "a")
    names_ = queries.names_of(store, [r.get("org") for r in pos_rows] + [r["body"] for r in mem_rows]
                              + [r.get("body") for r in att_rows])
    positions = [Position(post=r.get("post"), organisation=ref(r.get("org"), names_.get(r.get("org"))),
                          as_of=r.get("asOf"), evidence=Evidence.of_row(r)) for r in pos_rows]
    memberships = [Membership(body=EntityRef.of(r["body"], names_.get(r["body"])), role=r.get("role"),
                              post=r.get("post"), as_of=r.get("asOf"), evidence=Evidence.of_row(r))
                   for r in mem_rows]
    once: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in att_rows:
        once.setdefault((r.get("meeting") or (r.get("date"), r.get("body")), r.get("status")), r)
    attendance = [Attendance(meeting=ref(r.get("meeting")), body=ref(r.get("body"), names_.get(r.get("body"))),
                             date=r.get("date"), status=r.get("status"), mode=r.get("mode"),
                             evidence=Evidence.of_row(r))
                  for r in sorted(once.values(), key=lambda r: (r.get("date") is None, r.get("date") or date.min))]
    label = (props.get("label") or [None])[0]
    return PersonDetail(person=EntityRef.of(iri, label), names=names,
                        titles=sorted(props.get("title", [])), positions=positions, memberships=memberships,
                        bodies=_tenures(memberships), attendance=attendance)


def _tenures(memberships: list[Membership]) -> list[Tenure]:
    by_body: dict[str, list[Membership]] = defaultdict(list)
    for m in memberships:
        by_body[m.body.id].append(m)
    out = []
    for ms in by_body.values():
        dates = sorted(m.as_of for m in ms if m.as_of)
        roles = []
        for m in sorted(ms, key=lambda m: (m.as_of is None, m.as_of)):
            if m.role and m.role not in roles:
                roles.append(m.role)
        out.append(Tenure(body=ms[0].body, first_listed=dates[0] if dates else None,
                          last_listed=dates[-1] if dates else None, roles=roles,
                          listings=len({(m.as_of, m.evidence.document) for m in ms})))
    return sorted(out, key=lambda t: (t.first_listed is None, t.first_listed, t.body.name or ""))
