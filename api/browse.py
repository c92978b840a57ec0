"""The rows of the browse pages (/ui): home counts, index pages, meetings, and person and body summaries.

Each index is a list of plain rows (str, int, date-as-ISO values) with the columns it shows; the
page, its CSV and its JSON download are the same rows. Membership answers come from
`api.queries.membership` (the one as-of rule, shared with the API and the command line),
attendance and posts from the API's own person record (`api.routes.people.person_record`).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from pyoxigraph import NamedNode

from api import queries
from api import view_queries as vq
from api.queries.membership import view_of
from api.schemas import split_iri
from extract import is_title
from graph.ids import natural_key

Row = dict[str, Any]

#: attendance statuses, in the order a meeting page shows them
STATUS_ORDER = ("present", "substitute", "also_in_attendance", "officer_in_attendance", "apologies", "absent")
STATUS_TITLES = {"present": "Present", "substitute": "Substitutes", "also_in_attendance": "Also in attendance",
                 "officer_in_attendance": "Officers", "apologies": "Apologies", "absent": "Absent"}


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    link: str = ""  #: key of the row value holding the IRI this cell links to ("" : plain text)
    numeric: bool = False


@dataclass
class Index:
    """One index page: its rows (already filtered and sorted), columns and facets."""

    kind: str
    title: str
    columns: list[Column]
    rows: list[Row]
    facets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  #: facet → (value, label) choices
    total: int = 0  #: rows before filtering


# ---- meetings ------------------------------------------------------------------------------------------------

def meetings(store: Any) -> dict[str, Row]:
    """Every meeting: id, label, body, body_label, date, role, documents (ids)."""
    index = vq.entities(store)
    out: dict[str, Row] = {}
    for r in vq.plain(queries.run(store, "meetings")):
        m = out.setdefault(r["mt"], {"id": r["mt"], "body": r.get("body"), "date": r.get("date"),
                                     "ident": r.get("ident"), "role": r.get("role"), "documents": []})
        m["date"] = m["date"] or r.get("date")
        if r.get("docid") and r["docid"] not in m["documents"]:
            m["documents"].append(r["docid"])
    for m in out.values():
        m["body_label"] = index.get(str(m["body"]), {}).get("label") if m["body"] else None
        m["label"] = vq.meeting_label(m["body_label"], m["date"], m["ident"])
    return out


def attendance_counts(store: Any) -> dict[str, Counter[str]]:
    """meeting IRI → Counter of status (one per person and status)."""
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in queries.run(store, "attendance_all"):
        if r.get("meeting"):
            seen[r["meeting"]].add((r["person"], r.get("status") or "present"))
    return {m: Counter(status for _, status in pairs) for m, pairs in seen.items()}


def meeting_detail(store: Any, iri: str) -> Row:
    """A meeting: who attended, sent apologies, attended as officer (one row per person and status,
    the first evidence each), the documents it was read from, and the changes those documents state."""
    meeting = meetings(store).get(iri)
    if meeting is None:
        return {}
    people = canonical_names(store)
    groups: dict[str, dict[str, Row]] = defaultdict(dict)
    for r in queries.run(store, "meeting_attendance", meeting=NamedNode(iri)):
        status = r.get("status") or "present"
        person = canonical(store, r["person"])
        groups[status].setdefault(person, {**r, "person": person, "person_label": people.get(person, person),
                                           "for_label": people.get(canonical(store, r["for"]))
                                           if r.get("for") else None})
    ordered = [(s, STATUS_TITLES.get(s, s.replace("_", " ").capitalize()),
                sorted(groups[s].values(), key=lambda r: r["person_label"].casefold()))
               for s in list(STATUS_ORDER) + sorted(set(groups) - set(STATUS_ORDER)) if groups.get(s)]
    docs = {d.id: d for d in store.documents()}
    documents = [{"id": d, "name": docs[d].name, "title": display_title(docs[d].title, docs[d].name),
                  "date": docs[d].date.isoformat() if docs[d].date else None} for d in meeting["documents"] if d in docs]
    changes = [{**r, "person_label": people.get(canonical(store, r["person"]), r["person"]),
                "body_label": vq.entities(store).get(r["body"], {}).get("label", r["body"])}
               for r in vq.plain(queries.run(store, "document_changes", docid=meeting["documents"]))
               ] if meeting["documents"] else []
    items = sorted(_once(vq.plain(queries.run(store, "document_items", docid=meeting["documents"])), "x"),
                   key=lambda r: (r["kind"], natural_key(str(r.get("notation") or "")), r["line"])
                   ) if meeting["documents"] else []
    return {**meeting, "attendance": ordered, "document_rows": documents, "changes": _once(changes, "c"),
            "items": items}


def _once(rows: list[Row], key: str) -> list[Row]:
    seen: dict[str, Row] = {}
    for r in rows:
        seen.setdefault(r[key], r)
    return list(seen.values())


# ---- identity ------------------------------------------------------------------------------------------------

def canonical(store: Any, iri: str) -> str:
    """The canonical IRI of a merged person (itself when not merged): one person is one entity."""
    return _same(store).get(iri, iri)


def _same(store: Any) -> dict[str, str]:
    if getattr(store, "read_only", False) and store in _SAME:
        return _SAME[store]
    same = {r["entity"]: r["canonical"] for r in store.run("identity_same_as")}
    if getattr(store, "read_only", False):
        _SAME[store] = same
    return same


_SAME: WeakKeyDictionary[Any, dict[str, str]] = WeakKeyDictionary()


def canonical_names(store: Any) -> dict[str, str]:
    """person IRI → display name (a merged person reads as their canonical name)."""
    view = view_of(store)
    return {iri: view.label(iri) for iri in view.labels}


# ---- documents -----------------------------------------------------------------------------------------------

def display_title(title: str | None, name: str) -> str:
    """A document's title as shown: the stored title unless it is page furniture, else its file name."""
    text = " ".join((title or "").split())
    return text if text and is_title(text) else name


# ---- index pages ---------------------------------------------------------------------------------------------

def _filter(rows: list[Row], q: str = "", **facets: str) -> list[Row]:
    words = q.casefold().split()
    out = []
    for r in rows:
        if words and not all(w in str(r.get("name") or "").casefold() for w in words):
            continue
        if any(value and not _facet_match(r, key, value) for key, value in facets.items()):
            continue
        out.append(r)
    return out


def _facet_match(row: Row, key: str, value: str) -> bool:
    if key == "date_from":
        return bool(row.get("date")) and str(row["date"]) >= value
    if key == "date_to":
        return bool(row.get("date")) and str(row["date"]) <= value
    held = row.get(f"_{key}")
    if isinstance(held, (set, list, tuple)):
        return value in held
    return str(row.get(key) or "") == value


def sort_rows(rows: list[Row], key: str, descending: bool = False) -> list[Row]:
    """Rows sorted by one column: numbers as numbers, text naturally (5.1.2 before 5.1.10), blanks last."""
    filled = [r for r in rows if r.get(key) not in (None, "")]
    blank = [r for r in rows if r.get(key) in (None, "")]

    def sort_key(r: Row) -> Any:
        v = r[key]
        return (0, v, ()) if isinstance(v, (int, float)) else (1, 0, natural_key(str(v)))

    return sorted(filled, key=sort_key, reverse=descending) + blank


def _body_facet(store: Any, iris: set[str]) -> list[tuple[str, str]]:
    index = vq.entities(store)
    return sorted(((b, index.get(b, {}).get("label", b)) for b in iris if b), key=lambda b: b[1].casefold())


def bodies_index(store: Any) -> Index:
    timeline = view_of(store).timeline
    meeting_rows = meetings(store)
    per_body = Counter(str(m["body"]) for m in meeting_rows.values() if m["body"])
    last_meeting: dict[str, str] = {}
    for m in meeting_rows.values():
        if m["body"] and m["date"]:
            last_meeting[m["body"]] = max(last_meeting.get(m["body"], ""), m["date"])
    overseen = Counter(r["body"] for r in queries.run(store, "plan_overseers_all"))
    rows = []
    for r in queries.run(store, "bodies"):
        dates = timeline.listing_dates(r["b"])
        latest = timeline.listed(r["b"], dates[-1]) if dates else {}
        rows.append({"id": r["b"], "name": r["name"], "kind": r.get("kind") or "", "members": len(latest),
                     "listings": len(dates), "date": dates[-1] if dates else None, "meetings": per_body[r["b"]],
                     "last_meeting": last_meeting.get(r["b"]), "plans": overseen[r["b"]]})
    kinds = sorted({r["kind"] for r in rows if r["kind"]})
    return Index("bodies", "Bodies", [
        Column("name", "body", "id"), Column("kind", "kind"),
        Column("members", "members in latest listing", numeric=True), Column("date", "latest listing"),
        Column("listings", "listings", numeric=True), Column("meetings", "meetings", numeric=True),
        Column("last_meeting", "last meeting"), Column("plans", "plans overseen", numeric=True)],
        rows, {"kind": [(k, k) for k in kinds]})


def people_index(store: Any) -> Index:
    view = view_of(store)
    same = _same(store)
    bodies: dict[str, set[str]] = defaultdict(set)
    last: dict[str, str] = {}
    for l in view.timeline.listings:
        bodies[l.person].add(l.body)
        if l.as_of:
            last[l.person] = max(last.get(l.person, ""), l.as_of)
    attended: Counter[str] = Counter()
    apologies: Counter[str] = Counter()
    seen: set[tuple[str, str, str]] = set()
    for r in queries.run(store, "attendance_all"):
        person = same.get(r["person"], r["person"])
        key = (person, str(r.get("meeting")), r.get("status") or "present")
        if key in seen:
            continue
        seen.add(key)
        (apologies if key[2] == "apologies" else attended)[person] += 1
    rows = []
    for r in queries.run(store, "people"):
        if r["p"] in same and same[r["p"]] != r["p"]:
            continue  # merged into another: one person, one row
        p = r["p"]
        rows.append({"id": p, "name": view.label(p) if p in view.labels else r["name"], "bodies": len(bodies[p]),
                     "_body": bodies[p], "date": last.get(p), "attended": attended[p], "apologies": apologies[p]})
    return Index("people", "People", [
        Column("name", "person", "id"), Column("bodies", "bodies listed on", numeric=True),
        Column("date", "last dated listing"), Column("attended", "meetings attended", numeric=True),
        Column("apologies", "apologies", numeric=True)],
        rows, {"body": _body_facet(store, {b for bs in bodies.values() for b in bs})})


def plans_index(store: Any) -> Index:
    overseers: dict[str, set[str]] = defaultdict(set)
    for r in queries.run(store, "plan_overseers_all"):
        overseers[r["plan"]].add(r["body"])
    actions = {r["plan"]: r["n"] for r in queries.run(store, "action_counts")}
    index = vq.entities(store)
    rows = [{"id": r["plan"], "name": r["name"], "kind": r.get("kind") or "", "period": r.get("period") or "",
             "overseen_by": "; ".join(sorted(index.get(b, {}).get("label", b) for b in overseers[r["plan"]])),
             "_body": overseers[r["plan"]], "actions": actions.get(r["plan"], 0)}
            for r in queries.run(store, "plans")]
    return Index("plans", "Plans", [
        Column("name", "plan", "id"), Column("kind", "kind"), Column("period", "period"),
        Column("overseen_by", "overseen by"), Column("actions", "actions", numeric=True)],
        rows, {"kind": [(k, k) for k in sorted({r["kind"] for r in rows if r["kind"]})],
               "body": _body_facet(store, {b for bs in overseers.values() for b in bs})})


def meetings_index(store: Any) -> Index:
    counts = attendance_counts(store)
    docs = {d.id: d.name for d in store.documents()}
    rows = []
    for m in meetings(store).values():
        c = counts.get(m["id"], Counter())
        rows.append({"id": m["id"], "name": m["label"], "body_label": m["body_label"] or "", "body": m["body"],
                     "date": m["date"], "present": c["present"] + c["substitute"], "apologies": c["apologies"],
                     "officers": c["officer_in_attendance"] + c["also_in_attendance"],
                     "document": "; ".join(docs.get(d, d) for d in m["documents"])})
    return Index("meetings", "Meetings", [
        Column("name", "meeting", "id"), Column("body_label", "body", "body"), Column("date", "date"),
        Column("present", "present", numeric=True), Column("apologies", "apologies", numeric=True),
        Column("officers", "officers and others", numeric=True), Column("document", "read from")],
        rows, {"body": _body_facet(store, {str(m["body"]) for m in meetings(store).values() if m["body"]})})


def documents_index(store: Any) -> Index:
    rows = [{"id": d.id, "name": d.name, "title": display_title(d.title, d.name),
             "date": d.date.isoformat() if d.date else None, "facts": d.facts,
             "type": d.name.rsplit(".", 1)[-1].lower() if "." in d.name else ""} for d in store.documents()]
    return Index("documents", "Documents", [
        Column("name", "file", "id"), Column("title", "title"), Column("date", "date"), Column("type", "type"),
        Column("facts", "facts", numeric=True)],
        rows, {"type": [(t, t) for t in sorted({r["type"] for r in rows if r["type"]})]})


INDEXES = {"bodies": bodies_index, "people": people_index, "plans": plans_index, "meetings": meetings_index,
           "documents": documents_index}


def index_page(store: Any, name: str, q: str = "", sort: str = "", descending: bool = False,
               facets: dict[str, str] | None = None) -> Index:
    """The index `name` (bodies, people, ...), filtered (name words, facets such as kind or body, a
    date range) and sorted by one column."""
    index = INDEXES[name](store)
    index.total = len(index.rows)
    rows = _filter(index.rows, q, **(facets or {}))
    keys = {c.key for c in index.columns}
    index.rows = sort_rows(rows, sort if sort in keys else "name", descending)
    return index


def index_json(index: Index) -> list[Row]:
    """The rows as downloaded: the columns shown, plus each link's IRI (`<column>_id`)."""
    out = []
    for r in index.rows:
        row: Row = {}
        for c in index.columns:
            row[c.key] = r.get(c.key)
            if c.link:
                row[f"{c.key}_id"] = r.get(c.link)
        out.append(row)
    return out


def index_csv(index: Index) -> str:
    rows = index_json(index)
    buffer = io.StringIO()
    fields = list(rows[0]) if rows else [c.key for c in index.columns]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


# ---- home ----------------------------------------------------------------------------------------------------

def home(store: Any) -> Row:
    """Counts of each kind of thing, the latest meetings and the bodies with the most members."""
    index = vq.entities(store)
    kinds = Counter(e["kind"] for e in index.values())
    bodies = bodies_index(store).rows
    people = people_index(store).rows
    recent = sorted((m for m in meetings(store).values() if m["date"]), key=lambda m: m["date"], reverse=True)[:8]
    return {"counts": {"documents": len(store.documents()), "bodies": len(bodies), "people": len(people),
                       "plans": kinds["plan"], "meetings": len(meetings(store)), "actions": kinds["action"],
                       "principles": kinds["principle"]},
            "recent": recent, "busiest": sort_rows(bodies, "members", True)[:8]}


def key_of(iri: str) -> str:
    return split_iri(iri)[1]


# ---- person --------------------------------------------------------------------------------------------------

def person_summary(store: Any, iri: str) -> Row:
    """A person's bodies now and before, and who they sit with.

    current: named in the body's latest dated listing; past: listed before it but not in it;
    undated: named only in papers that give no date. `today` is the as-of answer for today (the
    one rule, graph.tenures). `sits_with`: people named in the same dated listings, by bodies shared."""
    view = view_of(store)
    timeline = view.timeline
    person = canonical(store, iri)
    mine: dict[str, list[Any]] = defaultdict(list)
    for l in timeline.listings:
        if l.person == person:
            mine[l.body].append(l)
    today = dt.date.today().isoformat()
    index = vq.entities(store)
    groups: dict[str, list[Row]] = {"current": [], "past": [], "undated": []}
    together: dict[str, set[str]] = defaultdict(set)
    for body, listings in mine.items():
        dated = sorted({l.as_of for l in listings if l.as_of})
        all_dates = timeline.listing_dates(body)
        roles = sorted({l.role for l in listings})
        answer = timeline.member(body, person, today)
        row = {"body": body, "body_label": index.get(body, {}).get("label") or view.label(body), "roles": roles,
               "first": dated[0] if dated else None, "last": dated[-1] if dated else None, "listings": len(dated),
               "latest_listing": all_dates[-1] if all_dates else None, "today": answer.member,
               "reason": answer.reason}
        group = "undated" if not dated else ("current" if dated[-1] == all_dates[-1] else "past")
        groups[group].append(row)
        for d in dated:
            for other in timeline.listed(body, d):
                if other != person:
                    together[other].add(body)
    for rows in groups.values():
        rows.sort(key=lambda r: (r["last"] or "", r["body_label"]), reverse=True)
    sits_with = sorted(({"person": p, "label": view.label(p), "bodies": sorted(view.label(b) for b in bs),
                         "shared": len(bs)} for p, bs in together.items()),
                       key=lambda r: (-r["shared"], r["label"].casefold()))[:24]
    return {"current": groups["current"], "past": groups["past"], "undated": groups["undated"],
            "sits_with": sits_with}
