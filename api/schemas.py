"""Response bodies of the REST API."""
from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from graph.ids import ID_BASE
from ontology.vocab import RELATION_BY_NAME, UPWARD

T = TypeVar("T")

#: entity and fact types whose IRIs live under https://w3id.org/govgraph/id/{type}/
ENTITY_TYPES = ("person", "organisation", "plan", "meeting", "principle", "action", "document", "scheme")
FACT_TYPES = ("membership", "attendance", "position", "change", "oversight", "alignment", "priority",
              "recommendation", "evidence")
KEY_PATTERN = r"^[A-Za-z0-9_.\-]{1,200}$"


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` items in all, `limit` at most from `offset`."""

    total: int
    limit: int
    offset: int
    items: list[T]


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


class EntityRef(BaseModel):
    """A node of the graph: its IRI, type and key (from the IRI), display name and API link."""

    id: str = Field(description="IRI")
    type: str
    key: str
    name: str | None = None
    href: str

    @classmethod
    def of(cls, iri: str, name: str | None = None) -> EntityRef:
        kind, key = split_iri(iri)
        return cls(id=iri, type=kind, key=key, name=name, href=f"/entities/{kind}/{key}")


def split_iri(iri: str) -> tuple[str, str]:
    """(type, key) of a govgraph IRI; ("", iri) for any other IRI."""
    if iri.startswith(ID_BASE) and "/" in iri[len(ID_BASE):]:
        kind, key = iri[len(ID_BASE):].split("/", 1)
        return kind, key
    return "", iri


def entity_iri(kind: str, key: str) -> str:
    return f"{ID_BASE}{kind}/{key}"


def ref(iri: str | None, name: str | None = None) -> EntityRef | None:
    return EntityRef.of(iri, name) if iri else None


class Evidence(BaseModel):
    """Where a fact was read: document, line, quote and the extractor that read it."""

    id: str | None = None
    fact_type: str | None = None
    document: str = Field(description="document id (content hash)")
    document_name: str
    line: int
    quote: str | None = None
    extractor: str | None = None
    confidence: float | None = None
    as_of: dt.date | None = Field(None, description="the date of the listing the evidence is (membership answers)")
    href: str = Field(description="the document in the API")

    @classmethod
    def of_row(cls, row: dict[str, Any]) -> Evidence:
        return cls(id=row.get("ev"), fact_type=row.get("type"), document=row["docid"], document_name=row["file"],
                   line=row["line"], quote=row.get("quote"), extractor=row.get("extractor"),
                   confidence=row.get("confidence"), href=f"/documents/{row['docid']}")


class Fact(BaseModel):
    """A fact node (or an entity's own record) with its statements and evidence."""

    id: str
    type: str | None = None
    fields: dict[str, list[Any]] = Field(description="statements of the node, by property local name")
    evidence: list[Evidence] = []


class Relation(BaseModel):
    relation: str = Field(description=", ".join(RELATION_BY_NAME))
    direction: str = Field(description="out: this entity is the subject; in: the object")
    other: EntityRef


class Entity(BaseModel):
    """An entity with its statements, governance relations, and the facts that mention it."""

    entity: EntityRef
    types: list[str]
    properties: dict[str, list[Any]]
    relations: list[Relation]
    facts: list[Fact]
    evidence: list[Evidence] = Field(description="evidence of the entity's own records (e.g. a person fact)")


class Health(BaseModel):
    status: str
    documents: int
    triples: int = Field(description="quads stored (every document graph)")


class DocumentSummary(BaseModel):
    id: str
    name: str
    path: str
    title: str | None
    date: dt.date | None
    facts: int
    graph: str


class DocumentDetail(DocumentSummary):
    fact_list: Page[Fact]


class Seat(BaseModel):
    """One row of a membership listing."""

    person: EntityRef | None
    role: str
    post: str | None = None
    fact: str
    evidence: Evidence


class MemberAnswer(BaseModel):
    """Whether a person sat on the body on the date, in which role, and why."""

    person: EntityRef
    role: str
    member: str = Field(description="yes, no or unknown")
    reason: str = Field(description="the listings (or stated change) the answer rests on")
    fact: str | None = Field(None, description="IRI of the membership fact the answer rests on")
    evidence: list[Evidence] = []


class Members(BaseModel):
    """Members of a body on a date, answered from the dated listings without guessing."""

    body: EntityRef
    as_of: dt.date
    listing_date: dt.date | None = Field(description="date of the latest listing on or before as_of")
    members: list[MemberAnswer] = Field(description="members on the date (yes)")
    vacancies: list[Seat] = Field(description="vacant seats of the listing in force")
    unknown: list[MemberAnswer] = Field(description="listed on one side of the date only: unknown")
    former: list[MemberAnswer] = Field(description="listed before the date but not on it (no)")
    future: list[MemberAnswer] = Field([], description="not a member on the date (no), first listed after it")
    undated: list[Seat] = Field([], description="listings of the body in papers that give no date")


class InterlockSeat(BaseModel):
    body: EntityRef
    role: str
    member: str = Field(description="yes or unknown")
    reason: str
    evidence: list[Evidence] = []


class Interlock(BaseModel):
    person: EntityRef
    confirmed: bool = Field(description="two or more seats answered yes")
    seats: list[InterlockSeat]


class Interlocks(BaseModel):
    """People with seats on two or more bodies on a date (each seat yes or unknown, never guessed)."""

    as_of: dt.date
    people: list[Interlock]


class MembershipChange(BaseModel):
    change: str = Field(description="joined, left, role_changed (from listings) or a stated change")
    source: str = Field(description="listings or stated")
    person: EntityRef | None
    role_from: str | None = None
    role_to: str | None = None
    date: dt.date | None = None
    evidence: list[Evidence] = []
    disagreement: str | None = Field(None, description="where listings and a stated change disagree")


class Changes(BaseModel):
    body: EntityRef
    start: dt.date = Field(alias="from", serialization_alias="from")
    end: dt.date = Field(alias="to", serialization_alias="to")
    listing_from: dt.date | None
    listing_to: dt.date | None
    changes: list[MembershipChange]

    model_config = {"populate_by_name": True}


class Meeting(BaseModel):
    meeting: EntityRef
    id: str
    date: dt.date | None
    role: str | None
    attendance: int


class LinkedPlan(BaseModel):
    plan: EntityRef
    relation: str


class Body(BaseModel):
    body: EntityRef
    kind: str | None


class BodyDetail(Body):
    variants: list[str]
    relations: list[Relation]
    listing_dates: list[dt.date]
    meetings: int
    plans: list[LinkedPlan]


class Person(BaseModel):
    person: EntityRef


class Position(BaseModel):
    post: str | None
    organisation: EntityRef | None
    as_of: dt.date | None
    evidence: Evidence


class Membership(BaseModel):
    body: EntityRef
    role: str | None
    post: str | None
    as_of: dt.date | None
    evidence: Evidence


class Tenure(BaseModel):
    """A person's listings on one body: first and last dated listing and the roles seen."""

    body: EntityRef
    first_listed: dt.date | None
    last_listed: dt.date | None
    roles: list[str]
    listings: int


class Attendance(BaseModel):
    meeting: EntityRef | None
    body: EntityRef | None
    date: dt.date | None
    status: str | None
    mode: str | None
    evidence: Evidence


class PersonDetail(Person):
    names: list[str]
    titles: list[str]
    positions: list[Position]
    memberships: list[Membership]
    bodies: list[Tenure]
    attendance: list[Attendance]


class Organisation(BaseModel):
    organisation: EntityRef
    kind: str | None


class OrganisationDetail(Organisation):
    variants: list[str]
    relations: list[Relation]
    positions: list[Fact]
    leads: list[EntityRef]


class Plan(BaseModel):
    plan: EntityRef
    kind: str | None
    period: str | None = None


class ChainLink(BaseModel):
    body: EntityRef
    relation: str | None = Field(description="how this body answers to the next link (None at the top)")


class Action(BaseModel):
    action: EntityRef
    id: str
    text: str | None
    leads: list[EntityRef]
    principles: list[EntityRef]


class PlanDetail(Plan):
    overseers: list[EntityRef]
    chains: list[list[ChainLink]] = Field(description="from each overseeing body up to the top, via "
                                                      + " and ".join(r.name for r in UPWARD))
    leads: list[LinkedPlan | Relation]
    actions: list[Action]


class Principle(BaseModel):
    principle: EntityRef
    id: str
    kind: str | None
    text: str | None
    framework: str | None
    actions: int


class MatrixCell(BaseModel):
    principle: str = Field(description="principle IRI")
    count: int
    items: list[EntityRef]


class MatrixRow(BaseModel):
    plan: EntityRef
    total: int
    cells: list[MatrixCell] = Field(description="one per column, in the order of `principles`")


class Matrix(BaseModel):
    principles: list[Principle]
    rows: list[MatrixRow]


class Vacancy(BaseModel):
    body: EntityRef
    listing_date: dt.date
    vacancies: int


class Gaps(BaseModel):
    plans_without_oversight: list[Plan]
    principles_without_actions: list[Principle]
    actions_without_principles: list[Action]
    bodies_with_vacancies: list[Vacancy]
