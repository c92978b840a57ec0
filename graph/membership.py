"""Membership answers by name: members on a date, changes between dates, interlocks.

Wraps `graph.tenures.Timeline` (the one as-of rule) over the stored listings, and
turns IRIs into names. The command line and the API both answer through here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.derived import timeline_of
from graph.errors import GraphError
from graph.identity import stored_identity
from graph.ids import normalise_name
from graph.store import GraphStore
from graph.tenures import Listing, Timeline


class BodyNotFound(GraphError):
    """No stored body has that name (or several do)."""

    def __init__(self, name: str, candidates: list[str] | None = None) -> None:
        hint = f"; did you mean: {', '.join(candidates[:5])}?" if candidates else ""
        super().__init__(f"no body named {name!r}{hint}")
        self.name = name
        self.candidates = candidates or []


@dataclass
class MembershipView:
    """A timeline with names: the store's answers in terms people read."""

    timeline: Timeline
    labels: dict[str, str]
    body_names: dict[str, set[str]]  #: body IRI → its normalised names

    def label(self, iri: str) -> str:
        return self.labels.get(iri, iri.rsplit("/", 1)[-1])

    def find_body(self, name: str) -> str:
        """The IRI of the body with this name or variant.

        Tries, in turn: an exact name; a name that ends the other ("Health and Wellbeing
        Board" for "Wexcombe Health and Wellbeing Board", three words or more); a name
        containing it. At each step a body with dated listings beats one without, and
        only a unique answer is taken.
        """
        if name in self.body_names:
            return name
        key = normalise_name(name)
        tests = (lambda n: n == key,
                 lambda n: len(min(n, key, key=len).split()) >= 3
                 and (n.endswith(" " + key) or key.endswith(" " + n)),
                 lambda n: bool(key) and key in n)
        seen: list[str] = []
        for test in tests:
            hits = sorted(b for b, names in self.body_names.items() if any(test(n) for n in names))
            listed = [b for b in hits if self.timeline.listing_dates(b)]
            for group in (listed, hits):
                if len(group) == 1:
                    return group[0]
            seen = seen or listed or hits
        raise BodyNotFound(name, [self.label(b) for b in seen])


def membership_view(store: GraphStore) -> MembershipView:
    """Load the timeline and the names it needs from the store."""
    labels: dict[str, str] = {}
    for row in store.run("entity_labels"):
        labels.setdefault(row["entity"], row["label"])
    same = stored_identity(store)
    for entity, canonical in same.items():  # a merged person reads as its canonical name
        if canonical in labels:
            labels[entity] = labels[canonical]
    body_names: dict[str, set[str]] = {}
    for row in store.run("body_names"):
        body_names.setdefault(row["body"], set()).add(normalise_name(row["name"]))
    return MembershipView(timeline_of(store, same), labels, body_names)


def _evidence(listing: Listing | None) -> dict[str, Any] | None:
    if listing is None:
        return None
    return {"doc": listing.doc, "line": listing.line, "quote": listing.quote, "as_of": listing.as_of}


def members_rows(view: MembershipView, body: str, day: date) -> list[dict[str, Any]]:
    """Everyone with a membership role on `body` on `day`: person, role, body, member (yes/unknown), why."""
    iri = view.find_body(body)
    rows = []
    for answer in view.timeline.members(iri, day.isoformat()):
        if answer.member == "no":
            continue
        rows.append({"person": view.label(answer.person), "role": answer.role, "body": view.label(iri),
                     "member": answer.member, "reason": answer.reason,
                     "evidence": [_evidence(e) for e in answer.evidence]})
    return sorted(rows, key=lambda r: (r["member"] != "yes", r["role"] != "chair", r["person"]))


def changes_rows(view: MembershipView, body: str, start: date, end: date) -> list[dict[str, Any]]:
    """Joined, left and role changes between two dates, each citing both ends."""
    iri = view.find_body(body)
    rows = []
    for c in view.timeline.changes_between(iri, start.isoformat(), end.isoformat()):
        stated = c.stated
        rows.append({
            "change": c.change, "person": view.label(c.person), "body": view.label(iri),
            "role_from": c.role_from, "role_to": c.role_to,
            "evidence": {"from": _evidence(c.evidence_from), "to": _evidence(c.evidence_to),
                         "stated": ({"doc": stated.doc, "line": stated.line, "date": stated.date,
                                     "detail": stated.detail} if stated else None)},
            "disagreement": c.disagreement,
        })
    return sorted(rows, key=lambda r: (r["change"], r["person"]))


def interlock_rows(view: MembershipView, day: date) -> list[dict[str, Any]]:
    """People who sit on two or more bodies on `day`, with their seats."""
    return [{"person": view.label(person),
             "seats": [{"body": view.label(a.body), "role": a.role} for a in seats]}
            for person, seats in view.timeline.interlocks(day.isoformat()).items()]
