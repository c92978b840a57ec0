"""Who sat on a body on a date, and what changed between two dates.

The API answers from the same timeline as the command line (`graph.membership`,
`graph.tenures.Timeline`): yes where the papers show it, no where they show the
opposite, unknown where they cannot tell. A read-only store never changes while
open, so its timeline is loaded once per store.
"""
from __future__ import annotations

from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from pyoxigraph import NamedNode

from api import queries
from api.schemas import (Changes, EntityRef, Evidence, Interlock, InterlockSeat, Interlocks, MemberAnswer, Members,
                         MembershipChange, Seat, ref)
from graph.membership import MembershipView, membership_view
from graph.tenures import Listing, StatedChange

_VIEWS: WeakKeyDictionary[Any, MembershipView] = WeakKeyDictionary()
_DOC_IDS: WeakKeyDictionary[Any, dict[str, str]] = WeakKeyDictionary()


def view_of(store: Any) -> MembershipView:
    """The membership timeline of a store (kept for a read-only store's lifetime)."""
    if not getattr(store, "read_only", False):
        return membership_view(store)
    if store not in _VIEWS:
        _VIEWS[store] = membership_view(store)
    return _VIEWS[store]


def _doc_ids(store: Any) -> dict[str, str]:
    """File name → document id (kept for a read-only store's lifetime)."""
    if getattr(store, "read_only", False) and store in _DOC_IDS:
        return _DOC_IDS[store]
    ids = {row["name"]: row["id"] for row in queries.run(store, "document_ids")}
    if getattr(store, "read_only", False):
        _DOC_IDS[store] = ids
    return ids


def _evidence(item: Listing | StatedChange, doc_ids: dict[str, str], quote: str | None = None) -> Evidence:
    doc_id = doc_ids.get(item.doc, "")
    listed = item.as_of if isinstance(item, Listing) else None
    return Evidence(id=None, fact_type="membership" if isinstance(item, Listing) else "change", document=doc_id,
                    document_name=item.doc, line=item.line, quote=quote,
                    as_of=date.fromisoformat(listed) if listed else None, href=f"/documents/{doc_id}")


def _person(view: MembershipView, iri: str) -> EntityRef:
    return EntityRef.of(iri, view.label(iri))


def members_as_of(store: Any, body: str, day: date, name: str | None = None) -> Members:
    """Everyone ever listed on `body`, answered for `day`: yes (members), unknown, and no, split into
    former (listed before the day) and future (first listed after it); the undated listings beside.

    The one answer: the API, the command line and the UI all show this."""
    view = view_of(store)
    doc_ids = _doc_ids(store)
    iso = day.isoformat()
    groups: dict[str, list[MemberAnswer]] = {"yes": [], "unknown": [], "former": [], "future": []}
    for answer in view.timeline.members(body, iso):
        group = answer.member if answer.member != "no" else (
            "future" if (view.timeline.first_listed(body, answer.person) or "") > iso else "former")
        groups[group].append(MemberAnswer(
            person=_person(view, answer.person), role=answer.role, member=answer.member, reason=answer.reason,
            fact=answer.evidence[0].fact if answer.evidence else None,
            evidence=[_evidence(e, doc_ids, e.quote) for e in answer.evidence]))
    dates = [d for d in view.timeline.listing_dates(body) if d <= iso]
    in_force = date.fromisoformat(dates[-1]) if dates else None
    undated = [Seat(person=_person(view, l.person), role=l.role, fact=l.fact, evidence=_evidence(l, doc_ids, l.quote))
               for l in view.timeline.undated(body)]
    return Members(body=EntityRef.of(body, name or view.label(body)), as_of=day, listing_date=in_force,
                   members=groups["yes"], vacancies=_vacancies(store, body, in_force) if in_force else [],
                   unknown=groups["unknown"], former=groups["former"], future=groups["future"],
                   undated=sorted(undated, key=lambda s: (s.person.name or "").casefold() if s.person else ""))


def interlocks_on(store: Any, day: date, confirmed_only: bool = False) -> Interlocks:
    """People with seats on two or more bodies on `day` (each seat yes or unknown), confirmed ones first."""
    view = view_of(store)
    doc_ids = _doc_ids(store)
    people = [Interlock(person=_person(view, person), confirmed=sum(a.member == "yes" for a in seats) >= 2,
                        seats=[InterlockSeat(body=EntityRef.of(a.body, view.label(a.body)), role=a.role,
                                             member=a.member, reason=a.reason,
                                             evidence=[_evidence(e, doc_ids, e.quote) for e in a.evidence])
                               for a in seats])
              for person, seats in view.timeline.interlocks(day.isoformat(), confirmed_only).items()]
    return Interlocks(as_of=day, people=people)


def _vacancies(store: Any, body: str, listed: date) -> list[Seat]:
    return [Seat(person=ref(row.get("person"), row.get("name")), role=row["role"], post=row.get("post"),
                 fact=row["m"], evidence=Evidence.of_row(row))
            for row in queries.run(store, "listing", body=NamedNode(body), listing=listed)
            if row["role"] == "vacancy"]


def changes_between(store: Any, body: str, start: date, end: date, name: str | None = None) -> Changes:
    """Joined / left / role changes between the listings in force on `start` and on `end`, and the
    changes papers state in between, reconciled (disagreements flagged)."""
    view = view_of(store)
    doc_ids = _doc_ids(store)
    dates = view.timeline.listing_dates(body)
    first = max((d for d in dates if d <= start.isoformat()), default=None)
    last = max((d for d in dates if d <= end.isoformat()), default=None)
    out: list[MembershipChange] = []
    for c in view.timeline.changes_between(body, start.isoformat(), end.isoformat()):
        evidence = [_evidence(e, doc_ids, e.quote) for e in (c.evidence_from, c.evidence_to) if e]
        if c.stated:
            evidence.append(_evidence(c.stated, doc_ids, c.stated.detail or None))
        seen = c.stated.date if c.stated and c.stated.date else (last if c.evidence_from or c.evidence_to else None)
        out.append(MembershipChange(
            change=c.change, source="listings" if (c.evidence_from or c.evidence_to) else "stated",
            person=_person(view, c.person), role_from=c.role_from, role_to=c.role_to,
            date=date.fromisoformat(seen) if seen else None, evidence=evidence, disagreement=c.disagreement))
    return Changes(body=EntityRef.of(body, name or view.label(body)), start=start, end=end,
                   listing_from=date.fromisoformat(first) if first else None,
                   listing_to=date.fromisoformat(last) if last else None, changes=out)
