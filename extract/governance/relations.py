"""Oversight and accountability: who oversees, chairs, leads, delivers, reports to whom.

Only what a sentence states, in the usual phrasings of board papers:
"X, chaired by Y" / "It is chaired by Y"; "led by X" / "Led by X, the Y initiative";
"the group reports quarterly to the Y Board" / "presented at the Y"; "accountable to";
"oversight of the plan sits with X" / "X will oversee ..."; "delivered by/through X";
"the Z Group, which includes the A and the B" (part_of); a plan "in alignment with" or
"framed within the context of" another (aligns_with). Role references ("chaired by the
Director of Public Health") resolve to the person when the paper names the post holder
(from position/membership facts). Chairs listed in membership tables give chaired_by.
Bodies found are emitted as organisation facts for the resolution pass.

The sentence patterns, chart reading and name resolution live in extract.governance.oversight;
this module reads a paper paragraph by paragraph, keeping track of the plan each section is
about, and runs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.governance.common import ID_AT_START, clean, line_at, paragraphs, quote_of
from extract.governance.oversight.alignment import aligns, anaphor, corresponding
from extract.governance.oversight.body_structure import includes, members, organ_of, partners, reports, structure
from extract.governance.oversight.chairs import chair_posts, chaired, titled_chairs
from extract.governance.oversight.chart import read_chart
from extract.governance.oversight.collector import Rel
from extract.records import MAX_PROSE_CHARS
from extract.governance.oversight.names import (GENERIC, ORG, ORG_HEADS, ORG_RE, PERSON, SENTENCE_BREAK, clean_body, clean_org,
                                                plans_in)
from extract.governance.oversight.new_plans import appositive, runs
from extract.governance.oversight.plan_roles import brings, delivers, led, oversees, owned, provides
from extract.governance.oversight.post_holders import post_holders
from extract.governance.oversight.tor import Topic, body_at, read_blocks, relate
from extract.pipeline import Context, register
from extract.records import Document, Fact

if TYPE_CHECKING:
    from extract.governance.plans import PlanSet

__all__ = ["GENERIC", "ORG", "PERSON", "Rel", "clean_body", "extract_oversight", "plans_in"]

#: the old private name, still imported by extract.governance.priorities
_plans_in = plans_in

_TITLE_FIELD = re.compile(r"^\s*(?:title of (?:the )?report|report title|subject)\s*:?", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+[A-Z\[]")
_TOP_SECTION = re.compile(r"^\s*\d+\s*\.?\s+[A-Z]{3,}")


@dataclass
class _Reading:
    """How far the reading of a paper has got: the plan in hand and what came just before."""
    plans: PlanSet | None
    holders: dict[str, str]
    doc_plan: str | None = None  # the plan the paper's title names
    section_plan: str | None = None  # the plan the current section is about
    section_from_heading: bool = False
    title_next: bool = False  # a "Title of report:" field whose value is the next paragraph
    recent: list[str] = field(default_factory=list)  # bodies named lately, for "members of the team"
    last_plans: list[str] = field(default_factory=list)  # plans named lately, for "This strategy ..."
    new_plans: list[Fact] = field(default_factory=list)
    topic: Topic = field(default_factory=Topic)  # the body "it", "they" and "the Board" refer to
    chair_places: list[Fact] = field(default_factory=list)  # memberships of chairs a sentence names


def _membership_chairs(rel: Rel, context: Context) -> None:
    """Chairs listed in membership tables chair the body the table is about."""
    for f in context.of_type("membership"):
        role = (f.fields.get("role") or "").lower()
        body = clean_body(f.fields.get("body")) or (rel.own_bodies[0] if rel.own_bodies and f.fields.get("body") else None)
        if role in ("chair", "co-chair") and f.fields.get("person") and body:
            rel.add(body, "chaired_by", f.fields["person"], f.line, f.quote or f.fields["person"], 0.8)
        elif role in ("chair", "co-chair") and body and (f.fields.get("post") or f.fields.get("affiliation")):
            # "(i) Cabinet Member for Health (Chair)" in a terms of reference: the post, or the organisation, chairs
            post = f.fields.get("post")
            if post and not re.fullmatch(r"(?:a\s+)?representatives?|partner|member", post, re.IGNORECASE):
                rel.add(body, "chaired_by", post, f.line, f.quote or post, 0.7, object_kind="post")
            elif f.fields.get("affiliation"):
                rel.add(body, "chaired_by", f.fields["affiliation"], f.line, f.quote or f.fields["affiliation"], 0.7,
                        object_is_org=True)


#: a post that names the body its holder chairs: "APS Chair", "WSCB Independent Chair" (not "IJB Vice Chair")
_BODY_CHAIR_POST = re.compile(r"^(?P<body>[A-Z]{2,8})\s+(?:Independent\s+|Joint\s+)?(?P<role>(?:Co-?|Vice[- ]?)?Chair)"
                              r"(?:man|person)?\b", re.IGNORECASE)


def _position_chairs(rel: Rel, context: Context) -> list[Fact]:
    """People whose post is the chair of a body named by its acronym ("APS Chair", "IJB Vice Chair") sit on
    that body in that role, and a chair chairs it. The body is the one the paper names with that acronym and
    a head ("APS Committee"), else the acronym's expansion, else the acronym."""
    out = []
    for f in context.of_type("position"):
        m = _BODY_CHAIR_POST.match(f.fields.get("post") or "")
        if not m or not f.fields.get("person") or not m.group("body").isupper():
            continue
        acronym = m.group("body")
        named = sorted({o for o in rel.known_orgs() if re.fullmatch(rf"{acronym}\s+(?:{ORG_HEADS})", o)})
        body = named[0] if len(named) == 1 else rel.resolve(acronym)
        word = m.group("role").lower()
        role = "vice-chair" if word.startswith("vice") else "co-chair" if word.startswith("co") else "chair"
        if role != "vice-chair":
            rel.add(body, "chaired_by", f.fields["person"], f.line, f.quote or f.fields["post"], 0.6, subject_is_org=True)
        out.append(_place(rel, f.fields["person"], body, role, f.fields["post"], f.line, f.quote or ""))
    return out


def _place(rel: Rel, person: str, body: str, role: str, post: str | None, line: int, quote: str) -> Fact:
    """The membership of a chair or vice chair a post or a sentence names."""
    from extract.people.common import listing_date
    return Fact("membership", {"person": person, "body": body, "role": role, "post": post, "affiliation": None,
                               "as_of": listing_date(rel.context, line), "source": "stated post"},
                line, quote_of(rel.doc.line(line), quote), confidence=0.6)


def _title_plan(doc: Document, plans: PlanSet | None) -> str | None:
    """A plan named in the paper's title (its first two non-blank lines)."""
    if plans is None:
        return None
    first = [ln for ln in range(1, len(doc.lines) + 1) if doc.line(ln).strip()][:2]
    named = [p for p in plans.plans if p["line"] in first and p["kind"] not in ("report",)]
    return min(named, key=lambda p: p["line"])["name"] if named else None


def _title_body(doc: Document) -> str | None:
    """The body a paper is about when one of its first lines is nothing but its name."""
    for ln in [ln for ln in range(1, len(doc.lines) + 1) if doc.line(ln).strip()][:6]:
        text = clean(doc.line(ln)).strip(" #*")
        if text.isupper():
            text = text.title().replace(" And ", " and ").replace(" Of ", " of ")
        body = body_at(text)
        if body and body == re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE):
            return body
    return None


def _cells_by_line(doc: Document) -> dict[int, list[str]]:
    cells: dict[int, list[str]] = {}
    for blk in doc.blocks:
        if blk.kind == "table_row":
            cells.setdefault(blk.line, []).extend(clean(c) for c in blk.cells if c)
    return cells


def _bodies_named(text: str) -> list[str]:
    """Bodies of two words or more that text names, in order."""
    return [org for m in ORG_RE.finditer(text) if (org := clean_org(m.group("org"))) and len(org.split()) >= 2]


def _read_title(state: _Reading, text: str) -> bool:
    """A report-title field names the paper's plan, on its own line or the next paragraph.
    True when text is such a field or its value."""
    title_line = _TITLE_FIELD.match(text)
    if not (title_line or state.title_next):
        return False
    named = plans_in(state.plans, text)
    if named:
        state.section_plan = state.doc_plan = named[0]
    state.title_next = bool(title_line) and not named
    return True


def _is_heading(kind: str, text: str) -> bool:
    """A heading, or a short numbered list item that reads as one ("3.2 Governance")."""
    return kind == "heading" or (kind == "list_item" and len(text) < 90 and not text.endswith(".")
                                 and bool(_NUMBERED_HEADING.match(text)))


def _read_heading(state: _Reading, kind: str, text: str) -> None:
    named = plans_in(state.plans, text)
    state.recent.extend(_bodies_named(text))
    if named:
        state.section_plan = named[0]
        state.section_from_heading = True
    elif kind == "heading" and _TOP_SECTION.match(text) and "." not in text.split()[0].rstrip("."):
        state.section_plan = state.doc_plan  # a new top-level section of the same paper
        state.section_from_heading = False


def _read_sentences(rel: Rel, state: _Reading, kind: str, text: str, offsets: list[tuple[int, int]]) -> None:
    """Every sentence pattern, on each sentence of a paragraph, at the line the sentence starts on."""
    plans, section_plan = state.plans, state.section_plan
    sentences = SENTENCE_BREAK.split(text)
    for role, person, ln in titled_chairs(rel, text, lambda at: line_at(offsets, at)):
        state.chair_places.append(_place(rel, person, rel.own_bodies[0], role, None, ln, text))
    pos = 0
    for k, s in enumerate(sentences):
        pos = text.find(s, pos)
        ln = line_at(offsets, max(pos, 0))
        prev = " ".join(sentences[:k])
        chaired(rel, s, prev, ln, state.holders)
        led(rel, s, ln, plans, section_plan or state.doc_plan)
        reports(rel, s, prev, ln)
        oversees(rel, s, ln, plans, section_plan)
        includes(rel, s, ln)
        delivers(rel, s, ln, plans)
        appositive(rel, s, ln, plans, state.new_plans)
        if not (kind == "table_row" and ID_AT_START.match(text)):  # an action's task, not the plan's stance
            aligns(rel, s, ln, plans, anaphor(s, plans, state.last_plans) or section_plan)
        corresponding(rel, s, ln, plans)
        runs(rel, s, ln, plans, state.new_plans)
        brings(rel, s, ln, section_plan if state.section_from_heading else None)
        members(rel, s, ln, state.recent)
        partners(rel, s, ln, state.recent)
        structure(rel, s, ln, plans, section_plan or state.doc_plan)
        provides(rel, s, ln, plans)
        owned(rel, s, ln, plans)
        relate(rel, state.topic, s, ln, plans)


@register("govgraph.oversight.v1", order=70,
          reads=("lines", "blocks", "meetings", "paper_date", "meeting", "membership", "position", "organisation", "plans", "acronyms",
                 "org_mentions"),
          writes=("oversight", "organisation", "plan", "membership"))
def extract_oversight(doc: Document, context: Context) -> list[Fact]:
    rel = Rel(doc, context)
    plans = context.shared.plans
    state = _Reading(plans, post_holders(context))
    _membership_chairs(rel, context)
    chair_places = _position_chairs(rel, context)
    state.section_plan = state.doc_plan = _title_plan(doc, plans)
    state.topic.main = _title_body(doc)
    cells = _cells_by_line(doc)
    for kind, line, text, offsets in paragraphs(doc):
        if _read_title(state, text):
            continue
        if _is_heading(kind, text):
            _read_heading(state, kind, text)
            continue
        if kind not in ("paragraph", "list_item", "table_row") or not 20 <= len(text) <= MAX_PROSE_CHARS:
            continue
        for chunk in (cells.get(line, []) if kind == "table_row" else [text]):
            chair_posts(rel, chunk, line, in_table=kind == "table_row" or "\t" in doc.line(line))
        here = plans_in(plans, text)  # before the sentences add plans of their own
        _read_sentences(rel, state, kind, text, offsets)
        state.recent.extend(_bodies_named(text))
        del state.recent[:-30]
        state.last_plans = (state.last_plans + here)[-5:]
    read_blocks(rel, state.topic, doc.blocks, plans)
    read_chart(rel)
    organ_of(rel)
    return rel.facts + list(rel.orgs.values()) + state.new_plans + getattr(rel, "plan_facts", []) + chair_places + \
        state.chair_places
