"""Map one document's extraction to quads in that document's named graph.

Entities (people, organisations, plans, meetings, principles, actions) get IRIs from
their names, shared across documents; every other fact becomes its own node. Each fact
is `prov:wasDerivedFrom` one gg:Evidence node (document, line, quote, extractor, ...),
so the facts export can be rebuilt from the graph alone.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from extract.records import Extraction, Fact
from graph import ids
from graph.errors import InvalidFact
from graph.namespaces import DCTERMS, FOAF, GG, ORG, PROV, RDF, RDFS, SKOS, XSD
from graph.vocab import ALLOWED, DATE_FIELDS, FIELDS, LIST_FIELDS, RELATIONS, body_class_of

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLASSES = {"person": FOAF.Person, "organisation": ORG.Organization, "plan": GG.Plan}


def extraction_to_quads(extraction: Extraction, generated_at: datetime | None = None) -> list[Quad]:
    """All quads of one document's graph: the document node, entities, facts, evidence.

    Raises InvalidFact (naming type, line and field) before producing anything partial.
    """
    for fact in extraction.facts:
        _check(fact)
    builder = _Builder(extraction)
    builder.document(generated_at or datetime.now(timezone.utc))
    for fact in extraction.facts:
        node = _MAPPERS[fact.type](builder, fact)
        builder.evidence(fact, node)
    return builder.quads


def fact_problem(fact: Fact) -> str | None:
    """Why the store would refuse this fact (its InvalidFact message), or None if it is fine."""
    try:
        _check(fact)
    except InvalidFact as exc:
        return str(exc)
    return None


def _check(fact: Fact) -> None:
    if fact.type not in FIELDS:
        raise InvalidFact(fact.type, fact.line, "unknown fact type")
    if not isinstance(fact.line, int) or isinstance(fact.line, bool) or fact.line < 1:
        raise InvalidFact(fact.type, fact.line, f"line must be a positive integer, not {fact.line!r}")
    for name in FIELDS[fact.type]:
        value = fact.fields.get(name)
        if value is None:
            continue
        if name in LIST_FIELDS:
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise InvalidFact(fact.type, fact.line, f"{name} must be a list of strings")
        elif not isinstance(value, str):
            raise InvalidFact(fact.type, fact.line, f"{name} must be a string, not {value!r}")
        if name in DATE_FIELDS and not _is_date(value):
            raise InvalidFact(fact.type, fact.line, f"{name} is not a YYYY-MM-DD date: {value!r}")
        allowed = ALLOWED.get((fact.type, name))
        if allowed and value not in allowed:
            raise InvalidFact(fact.type, fact.line, f"{name} {value!r} is not one of {', '.join(allowed)}")
    if fact.type == "oversight" and fact.fields.get("relation") not in RELATIONS:
        raise InvalidFact(fact.type, fact.line, f"unknown relation {fact.fields.get('relation')!r}")


def _is_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _text(value: str) -> Literal:
    return Literal(value)


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


class _Builder:
    """Collects the quads of one document graph and resolves names to entity IRIs."""

    def __init__(self, extraction: Extraction) -> None:
        self.doc = extraction.document
        self.graph = NamedNode(ids.document_graph(self.doc.id))
        self.doc_node = NamedNode(ids.document_iri(self.doc.id))
        self.quads: list[Quad] = []
        self.names: dict[str, dict[str, NamedNode]] = {k: {} for k in ("person", "organisation", "plan")}
        self.notations: dict[str, dict[str, NamedNode]] = {"principle": {}, "action": {}}
        self._index(extraction.facts)

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is not None:
            self.quads.append(Quad(s, p, o, self.graph))

    def _index(self, facts: list[Fact]) -> None:
        for fact in facts:
            if fact.type in self.names and fact.fields.get("name"):
                iri = NamedNode(ids.entity_iri(fact.type, fact.fields["name"]))
                for name in [fact.fields["name"], *(fact.fields.get("variants") or [])]:
                    self.names[fact.type].setdefault(ids.normalise_name(name), iri)
            elif fact.type in self.notations and fact.fields.get("id"):
                self.notations[fact.type].setdefault(fact.fields["id"], self._notation_iri(fact))

    def _notation_iri(self, fact: Fact) -> NamedNode:
        scope = fact.fields.get("framework" if fact.type == "principle" else "plan") or ""
        return NamedNode(ids.entity_iri(fact.type, f"{scope} {fact.fields['id']}"))

    def document(self, generated_at: datetime) -> None:
        doc, node = self.doc, self.doc_node
        self.add(node, RDF.type, GG.Document)
        self.add(node, RDF.type, PROV.Entity)
        self.add(node, GG.contentHash, _text(doc.id))
        self.add(node, GG.fileName, _text(doc.name))
        self.add(node, GG.sourcePath, _text(doc.path))
        self.add(node, GG.format, _text(doc.format))
        self.add(node, GG.lineCount, Literal(len(doc.lines)))
        self.add(node, GG.pageStarts, _text(page_starts(doc.pages)) if doc.pages else None)
        self.add(node, DCTERMS.title, _text(doc.title) if doc.title else None)
        if doc.date and _is_date(doc.date):
            self.add(node, DCTERMS.date, _date(doc.date))
        stamp = generated_at.astimezone(timezone.utc).replace(microsecond=0).isoformat()
        self.add(node, PROV.generatedAtTime, Literal(stamp, datatype=XSD.dateTime))

    def entity(self, kind: str, name: str | None) -> NamedNode | None:
        """The IRI of the document's `kind` entity with that name or variant.

        With no such entity, a new `kind` entity labelled with the name, so the
        export can give the name back.
        """
        if not name:
            return None
        key = ids.normalise_name(name)
        if key in self.names[kind]:
            return self.names[kind][key]
        iri = NamedNode(ids.entity_iri(kind, name))
        self.label(iri, _CLASSES[kind], name)
        self.names[kind][key] = iri
        return iri

    def any_entity(self, name: str | None) -> NamedNode | None:
        """A person, body or plan of this document by name; an organisation otherwise."""
        if not name:
            return None
        key = ids.normalise_name(name)
        for kind in ("organisation", "person", "plan"):
            if key in self.names[kind]:
                return self.names[kind][key]
        return self.entity("organisation", name)

    def label(self, iri: NamedNode, cls: NamedNode, name: str) -> None:
        self.add(iri, RDF.type, cls)
        self.add(iri, RDFS.label, _text(name))
        if cls in (FOAF.Person, ORG.Organization):
            self.add(iri, FOAF.name, _text(name))

    def notation(self, kind: str, code: str | None, cls: NamedNode) -> NamedNode | None:
        """The document's principle or action with that id, else a new one with it."""
        if not code:
            return None
        iri = self.notations[kind].setdefault(code, NamedNode(ids.entity_iri(kind, code)))
        self.add(iri, RDF.type, cls)
        self.add(iri, SKOS.notation, _text(code))
        return iri

    def meeting(self, meeting_id: str) -> NamedNode:
        iri = NamedNode(ids.entity_iri("meeting", meeting_id))
        self.add(iri, RDF.type, GG.Meeting)
        self.add(iri, DCTERMS.identifier, _text(meeting_id))
        return iri

    def fact_node(self, fact: Fact, cls: NamedNode) -> NamedNode:
        node = NamedNode(ids.fact_iri(fact.type, self.doc.id, fact.line, fact.fields))
        self.add(node, RDF.type, cls)
        return node

    def position(self, line: int) -> tuple[int | None, int | None]:
        """(page, source line) of a text line: where a reader finds it in the published file."""
        index = line - 1
        pages, sources = self.doc.pages, self.doc.source_lines
        page = pages[index] if pages and 0 <= index < len(pages) and pages[index] else None
        source = sources[index] if sources and 0 <= index < len(sources) else None
        return page, source

    def evidence_iri(self, fact: Fact) -> NamedNode:
        return NamedNode(ids.fact_iri("evidence", self.doc.id, fact.type, fact.line, fact.fields))

    def evidence(self, fact: Fact, node: NamedNode) -> None:
        ev = self.evidence_iri(fact)
        self.add(node, PROV.wasDerivedFrom, ev)
        self.add(ev, RDF.type, GG.Evidence)
        self.add(ev, GG.factType, _text(fact.type))
        self.add(ev, GG.document, self.doc_node)
        self.add(ev, GG.line, Literal(fact.line))
        page, source_line = self.position(fact.line)
        self.add(ev, GG.page, Literal(page) if page else None)
        # a text file's line is its own source line: stored only where a reader would look elsewhere
        shown = source_line and (page or source_line != fact.line)
        self.add(ev, GG.sourceLine, Literal(source_line) if shown else None)
        self.add(ev, GG.quote, _text(fact.quote or ""))
        self.add(ev, GG.extractor, _text(fact.extractor) if fact.extractor else None)
        self.add(ev, GG.confidence, Literal(float(fact.confidence)) if fact.confidence is not None else None)
        extra = {k: v for k, v in fact.fields.items() if k not in FIELDS[fact.type]}
        if extra:
            self.add(ev, GG.extra, _text(json.dumps(extra, sort_keys=True, ensure_ascii=False, default=str)))


def page_starts(pages: list[int]) -> str:
    """'1:1 2:48 3:97': the text line (1-based) each page starts at."""
    starts, seen = [], set()
    for number, page in enumerate(pages, 1):
        if page and page not in seen:
            seen.add(page)
            starts.append(f"{page}:{number}")
    return " ".join(starts)


def parse_page_starts(value: str | None) -> dict[int, int]:
    """{text line: page} of the lines where a page starts, from a gg:pageStarts literal."""
    out: dict[int, int] = {}
    for pair in (value or "").split():
        page, _, line = pair.partition(":")
        if page.isdigit() and line.isdigit():
            out[int(line)] = int(page)
    return out


def _opt(value: Any, make: Callable[[str], Literal] = _text) -> Literal | None:
    return make(value) if value is not None else None


def _named(b: _Builder, fact: Fact, kind: str) -> NamedNode:
    """An entity fact: the entity itself, typed and labelled, with its variants."""
    f = fact.fields
    if not f.get("name"):
        raise InvalidFact(fact.type, fact.line, "name is required")
    iri = NamedNode(ids.entity_iri(kind, f["name"]))
    b.label(iri, _CLASSES[kind], f["name"])
    for variant in f.get("variants") or []:
        b.add(iri, SKOS.altLabel, _text(variant))
    return iri


def _person(b: _Builder, fact: Fact) -> NamedNode:
    iri = _named(b, fact, "person")
    for title in fact.fields.get("titles") or []:
        b.add(iri, GG.title, _text(title))
    return iri


def _organisation(b: _Builder, fact: Fact) -> NamedNode:
    iri = _named(b, fact, "organisation")
    kind = fact.fields.get("kind")
    b.add(iri, GG.kind, _opt(kind))
    body = body_class_of(kind, fact.fields["name"])
    if body is not None:
        b.add(iri, RDF.type, body)
    return iri


def _plan(b: _Builder, fact: Fact) -> NamedNode:
    iri = _named(b, fact, "plan")
    b.add(iri, DCTERMS.title, _text(fact.fields["name"]))
    b.add(iri, GG.kind, _opt(fact.fields.get("kind")))
    b.add(iri, GG.period, _opt(fact.fields.get("period")))
    return iri


def _meeting(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    if not f.get("id"):
        raise InvalidFact(fact.type, fact.line, "id is required")
    iri = b.meeting(f["id"])
    b.add(iri, GG.body, b.entity("organisation", f.get("body")))
    b.add(iri, DCTERMS.date, _opt(f.get("date"), _date))
    # one pack often holds a meeting's agenda and its minutes: the meeting gets every
    # role, each fact's evidence its own
    b.add(iri, GG.meetingRole, _opt(f.get("role")))
    b.add(b.evidence_iri(fact), GG.meetingRole, _opt(f.get("role")))
    return iri


def _membership(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    node = b.fact_node(fact, ORG.Membership)
    b.add(node, ORG.member, b.entity("person", f.get("person")))
    b.add(node, ORG.organization, b.entity("organisation", f.get("body")))
    b.add(node, GG.role, _opt(f.get("role")))
    b.add(node, GG.post, _opt(f.get("post")))
    b.add(node, GG.affiliation, b.entity("organisation", f.get("affiliation")))
    b.add(node, GG.asOf, _opt(f.get("as_of"), _date))
    return node


def _attendance(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    node = b.fact_node(fact, GG.Attendance)
    b.add(node, GG.attendee, b.entity("person", f.get("person")))
    b.add(node, GG.meeting, b.meeting(f["meeting"]) if f.get("meeting") else None)
    b.add(node, GG.date, _opt(f.get("date"), _date))
    b.add(node, GG.status, _opt(f.get("status")))
    b.add(node, GG.substituteFor, b.entity("person", f.get("substitute_for")))
    b.add(node, GG.mode, _opt(f.get("mode")))
    return node


def _position(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    node = b.fact_node(fact, GG.Position)
    person = b.entity("person", f.get("person"))
    organisation = b.entity("organisation", f.get("organisation"))
    b.add(node, GG.holder, person)
    b.add(node, GG.post, _opt(f.get("post")))
    b.add(node, GG.organisation, organisation)
    b.add(node, GG.asOf, _opt(f.get("as_of"), _date))
    if f.get("post"):
        post = NamedNode(ids.entity_iri("post", f"{f.get('organisation') or ''} {f['post']}"))
        b.add(post, RDF.type, ORG.Post)
        b.add(post, RDFS.label, _text(f["post"]))
        b.add(post, ORG.postIn, organisation)
        b.add(post, ORG.heldBy, person)
        b.add(node, GG.forPost, post)
    return node


def _change(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    node = b.fact_node(fact, GG.Change)
    b.add(node, GG.changeType, _opt(f.get("change")))
    b.add(node, GG.person, b.entity("person", f.get("person")))
    b.add(node, GG.body, b.entity("organisation", f.get("body")))
    b.add(node, GG.date, _opt(f.get("date"), _date))
    b.add(node, GG.detail, _opt(f.get("detail")))
    return node


def _oversight(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    subject, obj = b.any_entity(f.get("subject")), b.any_entity(f.get("object"))
    if subject is None or obj is None:
        raise InvalidFact(fact.type, fact.line, "subject and object are required")
    relation = RELATIONS[f["relation"]]
    b.add(subject, relation, obj)
    node = b.fact_node(fact, GG.Oversight)
    b.add(node, RDF.subject, subject)
    b.add(node, RDF.predicate, relation)
    b.add(node, RDF.object, obj)
    return node


def _principle(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    iri = b.notation("principle", f.get("id"), GG.Principle)
    if iri is None:
        raise InvalidFact(fact.type, fact.line, "id is required")
    b.add(iri, RDF.type, SKOS.Concept)
    b.add(iri, GG.kind, _opt(f.get("kind")))
    b.add(iri, GG.text, _opt(f.get("text")))
    if f.get("framework"):
        scheme = NamedNode(ids.entity_iri("scheme", f["framework"]))
        b.add(scheme, RDF.type, SKOS.ConceptScheme)
        b.add(scheme, RDFS.label, _text(f["framework"]))
        b.add(scheme, GG.framework, b.entity("plan", f["framework"]))
        b.add(iri, SKOS.inScheme, scheme)
    return iri


def _action(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    iri = b.notation("action", f.get("id"), GG.Action)
    if iri is None:
        raise InvalidFact(fact.type, fact.line, "id is required")
    b.add(iri, GG.text, _opt(f.get("text")))
    b.add(iri, GG.plan, b.entity("plan", f.get("plan")))
    for lead in f.get("leads") or []:
        b.add(b.entity("organisation", lead), GG.leads, iri)  # type: ignore[arg-type]
    return iri


def _alignment(b: _Builder, fact: Fact) -> NamedNode:
    f = fact.fields
    item = f.get("item")
    if item and item in b.notations["action"]:
        item_iri = b.notations["action"][item]
    elif item and ids.normalise_name(item) in b.names["plan"]:
        item_iri = b.names["plan"][ids.normalise_name(item)]
    elif item and item[:1].isdigit():
        item_iri = b.notation("action", item, GG.Action)
    else:
        item_iri = b.entity("plan", item)
    principle = b.notation("principle", f.get("principle"), GG.Principle)
    if item_iri is None or principle is None:
        raise InvalidFact(fact.type, fact.line, "item and principle are required")
    b.add(item_iri, GG.alignsWith, principle)
    node = b.fact_node(fact, GG.Alignment)
    b.add(node, GG.item, item_iri)
    b.add(node, GG.principle, principle)
    return node


def _listed(cls: NamedNode) -> Callable[[_Builder, Fact], NamedNode]:
    def mapper(b: _Builder, fact: Fact) -> NamedNode:
        f = fact.fields
        node = b.fact_node(fact, cls)
        b.add(node, SKOS.notation, _opt(f.get("id")))
        b.add(node, GG.text, _opt(f.get("text")))
        b.add(node, GG.body, b.entity("organisation", f.get("body")))
        return node

    return mapper


_MAPPERS: dict[str, Callable[[_Builder, Fact], NamedNode]] = {
    "person": _person, "organisation": _organisation, "plan": _plan, "meeting": _meeting,
    "membership": _membership, "attendance": _attendance, "position": _position,
    "change": _change, "oversight": _oversight, "principle": _principle, "action": _action,
    "alignment": _alignment, "priority": _listed(GG.Priority),
    "recommendation": _listed(GG.Recommendation),
}
