"""Who sat on a body on a date, and what changed between two dates.

The as-of rule lives in `members_as_of` alone, so a tenure model can replace it:
members of a body on D are the people of the latest membership listing dated on or
before D; people first listed only after D are unknown on D; people listed earlier
but absent from that listing were not members on D.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from pyoxigraph import NamedNode

from api import queries
from api.schemas import Changes, EntityRef, Evidence, Listed, Members, MembershipChange, Seat, ref


def _seat(row: dict[str, Any], names: dict[str, str]) -> Seat:
    return Seat(person=ref(row.get("person"), names.get(row.get("person") or "")), role=row["role"],
                post=row.get("post"), fact=row["m"], evidence=Evidence.of_row(row))


def listing_in_force(store: Any, body: str, day: date) -> date | None:
    """Date of the latest listing of `body` on or before `day`."""
    rows = queries.run(store, "listing_date", body=NamedNode(body), date=day)
    return rows[0]["listing"] if rows and rows[0].get("listing") else None


def listing(store: Any, body: str, listed: date) -> list[Seat]:
    """The seats of `body`'s listing of that date (one per person; vacancies apart)."""
    seats: dict[str, Seat] = {}
    rows = queries.run(store, "listing", body=NamedNode(body), listing=listed)
    names = queries.names_of(store, [r.get("person") for r in rows])
    for row in rows:
        seats.setdefault(row.get("person") or row["m"], _seat(row, names))
    return sorted(seats.values(), key=lambda s: ((s.person.name or "") if s.person else "~", s.fact))


def members_as_of(store: Any, body: str, day: date, name: str | None = None) -> Members:
    """Members of `body` on `day` (see the module's rule)."""
    in_force = listing_in_force(store, body, day)
    seats = listing(store, body, in_force) if in_force else []
    sitting = [s for s in seats if s.person is not None and s.role != "vacancy"]
    present = {s.person.id for s in sitting if s.person}
    unknown, former = [], []
    for row in queries.run(store, "body_people", body=NamedNode(body)):
        listed = Listed(person=EntityRef.of(row["person"], row["name"]), first_listed=row["first"],
                        last_listed=row["last"])
        if row["first"] > day:
            unknown.append(listed)
        elif row["person"] not in present:
            former.append(listed)
    return Members(body=EntityRef.of(body, name), as_of=day, listing_date=in_force, members=sitting,
                   vacancies=[s for s in seats if s.role == "vacancy"], unknown=unknown, former=former)


def changes_between(store: Any, body: str, start: date, end: date, name: str | None = None) -> Changes:
    """Joined / left / role changes between the listings in force on `start` and on `end`,
    and the changes papers state with a date in [start, end]."""
    first, last = listing_in_force(store, body, start), listing_in_force(store, body, end)
    before = _by_person(listing(store, body, first)) if first else {}
    after = _by_person(listing(store, body, last)) if last else {}
    out: list[MembershipChange] = []
    if first != last:
        for person in sorted(set(before) | set(after)):
            x, y = before.get(person), after.get(person)
            if x and y and x.role == y.role:
                continue
            kind = "left" if not y else "joined" if not x else "role_changed"
            seat = y or x
            out.append(MembershipChange(change=kind, source="listings", person=seat.person if seat else None,
                                        role_from=x.role if x else None, role_to=y.role if y else None,
                                        date=last if y else first,
                                        evidence=[s.evidence for s in (x, y) if s]))
    stated = queries.run(store, "body_stated_changes", body=NamedNode(body))
    names = queries.names_of(store, [r.get("person") for r in stated])
    for row in stated:
        when = row.get("date")
        if when is not None and start <= when <= end:
            out.append(MembershipChange(change=row["change"], source="stated",
                                        person=ref(row.get("person"), names.get(row.get("person") or "")), date=when,
                                        evidence=[Evidence.of_row(row)]))
    return Changes(body=EntityRef.of(body, name), start=start, end=end, listing_from=first, listing_to=last,
                   changes=out)


def _by_person(seats: list[Seat]) -> dict[str, Seat]:
    return {s.person.id: s for s in seats if s.person is not None and s.role != "vacancy"}
