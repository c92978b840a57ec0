"""SPARQL for the views and UI pages, and the plain rows they give.

Every query is a constant; values reach it only as bound variables
(`store.query(text, name=value)`, Oxigraph substitutions), never pasted in.
`store` is anything with ``query(sparql, **bindings) -> list[dict]`` (graph.store.GraphStore).
Rows come back with dates as ISO strings, ready for `visualisations`.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol
from weakref import WeakKeyDictionary

from pyoxigraph import NamedNode

from graph.sparql import with_vocabulary

Row = dict[str, Any]


class RowStore(Protocol):
    def query(self, query: str, **bindings: Any) -> list[dict[str, Any]]: ...


#: entity class → view kind; an entity with several classes takes the first kind listed here
KIND_ORDER = ("action", "principle", "plan", "meeting", "person", "body")

#: a fact's evidence as required patterns, for use inside one OPTIONAL group. Oxigraph 0.5 evaluates an
#: OPTIONAL nested three deep very badly (a 330-row query took 56 s on a 30k-quad store), so a fact
#: reached through an OPTIONAL (RELATIONS, ALIGNMENTS) joins this chain inside that same group
_EVIDENCE_CHAIN = """
    {fact} prov:wasDerivedFrom ?ev .
    ?ev gg:line ?line ; gg:quote ?quote ; gg:document ?doc .
    OPTIONAL {{ ?doc gg:fileName ?document ; gg:contentHash ?doc_id }}"""


def _evidence_chain(fact: str) -> str:
    return _EVIDENCE_CHAIN.format(fact=fact)


def _evidence(fact: str) -> str:
    return "\n  OPTIONAL {" + _evidence_chain(fact) + "\n  }"


#: one row per (entity, kind). The default graph is the union of the document graphs, so an entity
#: restated by n papers has each property n times: each property is taken once per entity in its
#: own sub-select, never as a product of OPTIONAL rows
ENTITIES = """
SELECT ?id ?kind ?label ?notation ?text ?framework WHERE {
  { SELECT DISTINCT ?id ?kind WHERE {
      VALUES (?cls ?kind) { (gg:Action "action") (gg:Principle "principle") (gg:Plan "plan") (gg:Meeting "meeting")
                            (foaf:Person "person") (org:Organization "body") }
      ?id a ?cls } }
  OPTIONAL { SELECT ?id (SAMPLE(?l) AS ?label) WHERE { ?id rdfs:label ?l } GROUP BY ?id }
  OPTIONAL { SELECT ?id (SAMPLE(?n) AS ?notation) WHERE { ?id skos:notation ?n } GROUP BY ?id }
  OPTIONAL { SELECT ?id (SAMPLE(?t) AS ?text) WHERE { ?id gg:text ?t } GROUP BY ?id }
  OPTIONAL { SELECT ?id (SAMPLE(?f) AS ?framework) WHERE { ?id skos:inScheme/rdfs:label ?f } GROUP BY ?id }
}"""

#: membership listings; `as_of` is the listing's own date, as the as-of answers (graph.tenures) read it: a
#: listing in a paper that gives no date stays undated (never drawn at the document's date)
MEMBERSHIPS = """
SELECT ?m ?body ?person ?role ?as_of ?document ?doc_id ?line ?quote WHERE {
  ?m a org:Membership ; org:member ?person ; org:organization ?body .
  OPTIONAL { ?m gg:role ?role }
  FILTER (!BOUND(?role) || ?role != "vacancy")
  OPTIONAL { ?m gg:asOf ?as_of }
""" + _evidence("?m") + "\n}"

CHANGES = """
SELECT ?body ?person ?kind ?date ?detail ?document ?doc_id ?line ?quote WHERE {
  ?c a gg:Change ; gg:person ?person ; gg:body ?body .
  OPTIONAL { ?c gg:changeType ?kind }
  OPTIONAL { ?c gg:date ?date }
  OPTIONAL { ?c gg:detail ?detail }
""" + _evidence("?c") + "\n}"

#: governance relations between bodies and plans, each with the evidence of its statement
RELATIONS = with_vocabulary("""
SELECT ?s ?p ?o ?document ?doc_id ?line ?quote WHERE {
  VALUES (?prop ?p) { {{view_relations}} }
  ?s ?prop ?o .
  OPTIONAL {
    ?st a gg:Oversight ; rdf:subject ?s ; rdf:predicate ?prop ; rdf:object ?o .
""" + _evidence_chain("?st") + """
  }
}""")

PLAN_ACTIONS = """
SELECT ?s ?o ?document ?doc_id ?line ?quote WHERE {
  ?o a gg:Action ; gg:plan ?s .
""" + _evidence("?o") + "\n}"

PLANS = """
SELECT ?id ?label WHERE { ?id a gg:Plan . OPTIONAL { ?id rdfs:label ?label } }"""

ALIGNMENTS = """
SELECT ?item ?principle ?framework ?document ?doc_id ?line ?quote WHERE {
  ?item gg:alignsWith ?principle .
  OPTIONAL { ?principle skos:inScheme/rdfs:label ?framework }
  OPTIONAL {
    ?a a gg:Alignment ; gg:item ?item ; gg:principle ?principle .
""" + _evidence_chain("?a") + """
  }
}"""

#: everything one step from ?centre: direct links both ways, and links through a fact node
#: (membership, attendance, position, change, alignment) with that fact's evidence
NEIGHBOURS = """
SELECT ?centre ?s ?p ?o ?document ?doc_id ?line ?quote WHERE {
  {
    ?centre ?prop ?o . FILTER (isIRI(?o) && ?prop != rdf:type && ?prop != skos:inScheme)
    FILTER NOT EXISTS { ?o a gg:Evidence } FILTER NOT EXISTS { ?o a gg:Document }
    BIND (?centre AS ?s) BIND (REPLACE(STR(?prop), "^.*[#/]", "") AS ?p)
  } UNION {
    ?s ?prop ?centre . FILTER (?prop != rdf:subject && ?prop != rdf:object && ?prop != gg:item
                               && ?prop != gg:principle && ?prop != prov:wasDerivedFrom)
    FILTER NOT EXISTS { ?s a gg:Evidence }
    FILTER NOT EXISTS { ?s a org:Membership } FILTER NOT EXISTS { ?s a gg:Attendance }
    FILTER NOT EXISTS { ?s a gg:Position } FILTER NOT EXISTS { ?s a gg:Change }
    BIND (?centre AS ?o) BIND (REPLACE(STR(?prop), "^.*[#/]", "") AS ?p)
  } UNION {
    VALUES (?cls ?p) { (org:Membership "member") (gg:Attendance "attended") (gg:Position "holds post at")
                       (gg:Change "change") }
    ?f a ?cls ; ?in ?centre ; ?out ?other .
    FILTER (?in != ?out && isIRI(?other) && ?out != rdf:type && ?out != prov:wasDerivedFrom)
    FILTER NOT EXISTS { ?other a gg:Evidence }
    BIND (IF(?in IN (org:member, gg:attendee, gg:holder, gg:person), ?centre, ?other) AS ?s)
    BIND (IF(?in IN (org:member, gg:attendee, gg:holder, gg:person), ?other, ?centre) AS ?o)
""" + _evidence("?f") + """
  }
}"""

def plain(rows: list[dict[str, Any]]) -> list[Row]:
    """Rows with dates as ISO strings and numbers kept, ready for the view builders."""
    out = []
    for row in rows:
        out.append({k: (v.isoformat()[:10] if isinstance(v, (date, datetime)) else v) for k, v in row.items()})
    return out


def iri(value: str) -> NamedNode:
    """Bind a string as an IRI (raises ValueError on something that is not one)."""
    return NamedNode(value)


#: the entity index of each open read-only store (it never changes while open, as api.queries.membership)
_INDEXES: WeakKeyDictionary[Any, dict[str, Row]] = WeakKeyDictionary()


def entities(store: RowStore) -> dict[str, Row]:
    """Every entity: id → {id, kind, label, framework}; actions and principles labelled by notation and text.

    Every page names its rows from this index, several times a request: a read-only store's is read once.
    """
    if not getattr(store, "read_only", False):
        return _entity_index(store)
    if store not in _INDEXES:
        _INDEXES[store] = _entity_index(store)
    return _INDEXES[store]


def _entity_index(store: RowStore) -> dict[str, Row]:
    found: dict[str, Row] = {}
    for r in plain(store.query(ENTITIES)):
        current = found.get(r["id"])
        if current and KIND_ORDER.index(current["kind"]) <= KIND_ORDER.index(r["kind"]):
            if not current.get("framework") and r.get("framework"):
                current["framework"] = r["framework"]
            continue
        found[r["id"]] = {"id": r["id"], "kind": r["kind"], "label": _label(r), "framework": r.get("framework") or ""}
    if hasattr(store, "run"):  # a GraphStore: meetings are named by body and date, not by their slug
        from api import queries

        for r in plain(queries.run(store, "meetings")):
            meeting, body = found.get(r["mt"]), found.get(str(r.get("body")))
            if meeting and meeting["kind"] == "meeting":
                meeting["label"] = meeting_label(body["label"] if body else None, r.get("date"), r.get("ident"))
    return found


def meeting_label(body_label: str | None, day: str | None, ident: str | None) -> str:
    """A meeting read as people name it: "Body, 2024-05-01" (or "Body (undated)"), never its slug."""
    if body_label:
        return f"{body_label}, {day}" if day else f"{body_label} (undated)"
    return ident.replace("-", " ") if ident else "meeting"


def _label(r: Row) -> str:
    if r["kind"] in ("action", "principle") and r.get("notation"):
        text = str(r.get("text") or "")
        short = text if len(text) <= 48 else text[:47] + "…"
        return f"{r['notation']} {short}".strip()
    return str(r.get("label") or r.get("notation") or r["id"].rsplit("/", 1)[-1])


def _name(rows: list[Row], index: dict[str, Row], *keys: str) -> list[Row]:
    """Add `<key>_label` and `<key>_kind` (and `<key>_group` = framework) from the entity index."""
    for r in rows:
        for key in keys:
            if r.get(key) is None:
                continue
            entity = index.get(str(r[key]))
            if entity:
                r.setdefault(f"{key}_label", entity["label"])
                r.setdefault(f"{key}_kind", entity["kind"])
                if entity.get("framework"):
                    r.setdefault(f"{key}_group", entity["framework"])
    return rows


def membership_rows(store: RowStore, body: str | None = None, person: str | None = None) -> list[Row]:
    """Membership listings (body, person, role, as_of, evidence), optionally for one body and/or person."""
    bindings: dict[str, Any] = {}
    if body:
        bindings["body"] = iri(body)
    if person:
        bindings["person"] = iri(person)
    rows = plain(store.query(MEMBERSHIPS, **bindings))
    return _name(rows, entities(store), "body", "person")


def held_on(store: RowStore, rows: list[Row], day: str) -> list[Row]:
    """The membership rows that show a seat held on `day`, by the one as-of rule (graph.tenures):
    for each person answered "yes", the listing the answer rests on."""
    from api.queries.membership import view_of

    timeline = view_of(store).timeline
    held = {e.fact for body in {str(r["body"]) for r in rows}
            for answer in timeline.members(body, day) if answer.member == "yes" for e in answer.evidence[:1]}
    return [r for r in rows if r.get("m") in held]


def view_of_store(store: RowStore) -> Any:
    """The store's membership timeline with names (graph.membership), kept while a read-only store is open."""
    from api.queries.membership import view_of

    return view_of(store)


def held_seats(store: RowStore, day: str, body: str | None = None) -> Row:
    """Seats held on `day` by the one as-of rule (graph.tenures, as `members`): ``seats`` and ``unknown`` as
    [person, body, role], and ``interlocks``: people sitting (yes) on more than one body that day."""
    view = view_of_store(store)
    timeline = view.timeline
    seats: list[list[str]] = []
    unknown: list[list[str]] = []
    for b in [body] if body else timeline.bodies():
        for answer in timeline.members(b, day):
            if answer.member in ("yes", "unknown"):
                (seats if answer.member == "yes" else unknown).append([answer.person, b, answer.role])
    interlocks = [{"person": person, "label": view.label(person), "bodies": [a.body for a in answers]}
                  for person, answers in timeline.interlocks(day).items()]
    if body:
        interlocks = [i for i in interlocks if body in i["bodies"]]
    return {"date": day, "body": body or None, "seats": seats, "unknown": unknown, "interlocks": interlocks}


#: the big membership view's precomputed layout, per open read-only store (as the entity index)
_LAYOUTS: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()


def membership_layout_of(store: RowStore, memberships: list[Row]) -> Any:
    """Positions for every body and person ever listed (visualisations.bigview), computed once per
    read-only store; None when the graph is small enough for pyvis to lay out in the browser."""
    from visualisations.bigview import BIG_VIEW_THRESHOLD, membership_layout

    seats = {(str(r["person"]), str(r["body"])) for r in memberships if r.get("person") and r.get("body")}
    if len({p for p, _ in seats} | {b for _, b in seats}) <= BIG_VIEW_THRESHOLD:
        return None
    if getattr(store, "read_only", False) and store in _LAYOUTS:
        return _LAYOUTS[store]
    layout = membership_layout(sorted(seats))
    if getattr(store, "read_only", False):
        _LAYOUTS[store] = layout
    return layout


def compare_rows(store: RowStore, body: str, start: str, end: str) -> tuple[list[Row], list[Row], list[Row]]:
    """(answers on start, answers on end, changes between) for the comparison page, from `members` and
    `changes` themselves (api.queries.membership), as plain rows."""
    from api.queries.membership import changes_between, members_as_of

    def answers(day: str) -> list[Row]:
        found = members_as_of(store, body, date.fromisoformat(day))
        return [{"person": a.person.id if a.person else "", "person_label": a.person.name if a.person else "",
                 "role": a.role, "member": a.member, "reason": a.reason, **_first_evidence(a.evidence)}
                for a in found.members + found.unknown + found.former]

    changes = changes_between(store, body, date.fromisoformat(start), date.fromisoformat(end))
    between = [{"change": c.change, "source": c.source, "person": c.person.id if c.person else "",
                "person_label": c.person.name if c.person else "", "role_from": c.role_from, "role_to": c.role_to,
                "date": c.date.isoformat() if c.date else "", "disagreement": c.disagreement,
                "evidence": [_evidence_row(e) for e in c.evidence]} for c in changes.changes]
    return answers(start), answers(end), between


def _evidence_row(e: Any) -> Row:
    return {"document": e.document_name, "doc_id": e.document, "line": e.line, "quote": e.quote or ""}


def _first_evidence(evidence: list[Any]) -> Row:
    return _evidence_row(evidence[0]) if evidence else {}


def change_rows(store: RowStore, body: str | None = None) -> list[Row]:
    return plain(store.query(CHANGES, **({"body": iri(body)} if body else {})))


def oversight_rows(store: RowStore) -> tuple[list[Row], list[Row]]:
    """(edge rows, plan rows): governance relations and plans' actions; every plan, for unoverseen ones."""
    index = entities(store)
    edges = plain(store.query(RELATIONS))
    edges += [{**r, "p": "hasAction"} for r in plain(store.query(PLAN_ACTIONS))]
    plans = [{"id": p["id"], "label": index.get(p["id"], {}).get("label") or p.get("label")}
             for p in plain(store.query(PLANS))]
    return _name(edges, index, "s", "o"), plans


def alignment_rows(store: RowStore, with_plans: bool = False) -> list[Row]:
    """Edge rows item → principle (p = alignsWith) with the principle's framework as `o_group`.

    With `with_plans`, also plan → action (p = hasAction) for every aligned action, so
    actions gather round their plans.
    """
    index = entities(store)
    rows = [{**r, "s": r["item"], "o": r["principle"], "p": "alignsWith", "o_group": r.get("framework") or ""}
            for r in plain(store.query(ALIGNMENTS))]
    if with_plans:
        aligned = {r["s"] for r in rows}
        rows += [{**r, "p": "hasAction"} for r in plain(store.query(PLAN_ACTIONS)) if r["o"] in aligned]
    return _name(rows, index, "s", "o")


def neighbour_rows(store: RowStore, centre: str) -> list[Row]:
    """Edge rows for everything one step from `centre` (only links between known entities)."""
    index = entities(store)
    rows = [r for r in plain(store.query(NEIGHBOURS, centre=iri(centre))) if r["s"] in index and r["o"] in index]
    return _name(rows, index, "s", "o")


def matrix_rows(store: RowStore, item_kind: str = "action", plan: str | None = None
                ) -> tuple[list[Row], list[Row], list[Row]]:
    """(items, principles, cells) for the alignment heatmap: every item of `item_kind` and every principle.

    With `plan`, only that plan's actions (item_kind "action") or the plan itself (item_kind "plan").
    """
    index = entities(store)
    items = [{"id": e["id"], "label": e["label"]} for e in index.values() if e["kind"] == item_kind]
    if plan:
        if item_kind == "action":
            mine = {r["o"] for r in plain(store.query(PLAN_ACTIONS, s=iri(plan)))}
            items = [i for i in items if i["id"] in mine]
        else:
            items = [i for i in items if i["id"] == plan]
    principles = [{"id": e["id"], "label": e["label"], "framework": e.get("framework") or ""}
                  for e in index.values() if e["kind"] == "principle"]
    wanted = {i["id"] for i in items}
    cells = [r for r in plain(store.query(ALIGNMENTS)) if r["item"] in wanted]
    return items, principles, cells


def body_choices(store: RowStore) -> list[tuple[str, str]]:
    """(iri, label) of every body that has members or governance links, by label."""
    index = entities(store)
    return sorted(((e["id"], e["label"]) for e in index.values() if e["kind"] == "body"), key=lambda b: b[1].lower())


def fetch_view_rows(store: RowStore, name: str, params: Any) -> Any:
    """The `visualisations.ViewRows` a named view needs, read from the store with `params` bound."""
    from visualisations.views import ViewRows

    rows = ViewRows(bodies=body_choices(store))
    if name == "membership":
        rows.memberships = membership_rows(store)
        if params.date:
            rows.held = [(p, b) for p, b, _ in held_seats(store, params.date)["seats"]]
        if not params.kinds and not params.body:
            rows.layout = membership_layout_of(store, rows.memberships)
    elif name == "compare":
        rows.listing_dates = view_of_store(store).timeline.listing_dates(params.body) if params.body else []
        if params.body:
            rows.centre_label = entities(store).get(params.body, {}).get("label", "")
        if params.body and params.start and params.end:
            rows.before, rows.after, rows.between = compare_rows(store, params.body, params.start, params.end)
    elif name == "oversight":
        rows.edges, rows.plans = oversight_rows(store)
    elif name == "alignment":
        rows.edges = alignment_rows(store, with_plans=True)
    elif name == "neighbourhood" and params.entity:
        entity = entities(store).get(params.entity)
        rows.edges = neighbour_rows(store, params.entity)
        rows.centre_label = entity["label"] if entity else ""
        rows.centre_kind = entity["kind"] if entity else "entity"
    elif name == "timeline":
        rows.memberships = membership_rows(store, body=params.body or None)
        rows.changes = change_rows(store, body=params.body or None)
        if params.body:
            rows.centre_label = entities(store).get(params.body, {}).get("label", "")
    elif name == "heatmap":
        rows.items, rows.principles, rows.cells = matrix_rows(store, params.item_kind, params.plan or None)
    return rows


DOCUMENT = """
SELECT ?doc_id ?name ?title ?date ?page_starts WHERE {
  ?d a gg:Document ; gg:contentHash ?doc_id ; gg:fileName ?name .
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d dcterms:date ?date }
  OPTIONAL { ?d gg:pageStarts ?page_starts }
}"""


def relation_rows(store: RowStore) -> list[Row]:
    """Every governance relation and plan → action link as named edge rows (for the UI pages)."""
    edges, _ = oversight_rows(store)
    return edges


def document_info(store: RowStore, doc_id: str) -> Row | None:
    rows = plain(store.query(DOCUMENT, doc_id=doc_id))
    return rows[0] if rows else None
