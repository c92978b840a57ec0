"""Enumerated recommendations and priorities in reports.

"RECOMMENDATIONS" (or "The Board is recommended to:") followed by lettered or numbered
items gives recommendation facts; a lead-in naming priorities ("four priority areas:",
"Our strategic priorities are") followed by numbered items gives priority facts. The
body is the board the report is for (the paper's meeting) for recommendations, and the
plan or body named in the lead-in for priorities.
"""
from __future__ import annotations

import re

from extract.governance.common import clean, quote_of, title_case
from extract.governance.principles import enumerate_items
from extract.pipeline import Context, register
from extract.records import Document, Fact

_REC_HEAD = re.compile(r"^\s*(?:\d+(?:\.\d+)*\s*\.?\s*)?recommendations?\b\s*:?\s*$", re.IGNORECASE)
_REC_LEAD = re.compile(r"\b(?:is|are)\s+(?:asked|recommended|invited)\s+to\b.*:\s*$", re.IGNORECASE)
_PRI_LEAD = re.compile(r"\bpriorit(?:y|ies)\b[^.]*:\s*$|\bpriorit(?:y|ies)\b\s+(?:are|is)\s*:?\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(?:[-*•]\s*)?\(?(?P<id>\d+(?:\.\d+)*[a-z]?|[a-z]|[ivx]{1,4})[.)]\s+(?P<text>\S.{5,})$")


def _board(doc: Document, context: Context) -> str | None:
    for f in context.of_type("meeting"):
        if f.fields.get("body"):
            return f.fields["body"]
    for b in doc.blocks[:40]:
        m = re.search(r"((?:[A-Z][\w&’']*\s+(?:(?:and|of|for|&)\s+)?){1,8}(?:Board|Committee|Cabinet|Council|Partnership))\b",
                      title_case(clean(b.text)))
        if m:
            return m.group(1).strip()
    return doc.title


def _style(item_id: str) -> str:
    """'a' and 'b' share a style; '2.1a' and '2.1b'; '3.1' and '3.2' but not '4.1'."""
    if re.fullmatch(r"[a-z]", item_id):
        return "letter"
    if re.fullmatch(r"[ivx]+", item_id):
        return "roman"
    if re.fullmatch(r"\d+", item_id):
        return "number"
    return "dotted:" + re.sub(r"[a-z]$|\.?\d+$", "", item_id)


#: "Recommendation 2 (partially agreed): ...", "Priority 1: ...": an item labelled on its own line
_LABELLED = re.compile(r"^\s*(?:[-*•]\s*)?(?P<kind>Recommendation|Priority)\s+(?P<id>\d{1,2}[a-z]?)\s*"
                       r"(?:\((?P<status>[^)]{3,40})\))?\s*[:.\-–—]\s*(?P<text>[A-Z].{5,})$", re.IGNORECASE)
#: "R1 ...", "Rec 3 - ...", "L2 ...", "Lesson 4: ...": recommendations and lessons with prefixed ids
_PREFIXED = re.compile(r"^\s*(?:[-*•]\s*)?(?P<kind>Rec\.?|R|Lesson|L)\s?(?P<num>\d{1,2})\b\s*[:.\-–—]?\s*"
                       r"(?P<text>[A-Z].{5,})$")
#: "Lead: Anytown Housing Trust." inside an item
_LEAD_LABEL = re.compile(r"^(?:lead|owner|responsible)\s*:\s*(?P<lead>[^.;]{2,80})[.;]\s*", re.IGNORECASE)
#: "Response: Partially agreed. ...", "Cabinet response – Not agreed"
_RESPONSE = re.compile(r"^\s*(?:[\w ]{0,30}\s)?response\s*[:\-–—]\s*(?P<r>(?:not\s+|partially\s+|partly\s+)?"
                       r"(?:agreed|accepted|supported|rejected|noted))\b", re.IGNORECASE)


def _labelled(doc: Document, board: str | None, seen: set) -> list[Fact]:
    out = []
    blocks = doc.blocks
    for k, b in enumerate(blocks):
        m = _LABELLED.match(clean(b.text).strip(" *#"))
        if not m:
            continue
        mode = m.group("kind").lower()
        item = m.group("text").strip()
        key = (mode, m.group("id"), item)
        if any(s[0] == mode and s[1] == m.group("id") for s in seen):
            continue
        seen.add(key)
        fields = {"id": m.group("id"), "text": item, "body": board}
        if mode == "recommendation":
            response = (m.group("status") or "").strip().lower() or None
            for nb in blocks[k + 1:k + 4]:
                if _LABELLED.match(clean(nb.text)):
                    break
                r = _RESPONSE.match(clean(nb.text))
                if r:
                    response = " ".join(r.group("r").lower().split())
                    break
            if response:
                fields["response"] = response
        out.append(Fact(mode, fields, b.line, quote_of(doc.line(b.line), item[:80]), confidence=0.6))
    return out


def _prefixed(doc: Document, context: Context, board: str | None) -> list[Fact]:
    """Lists of recommendations or lessons with prefixed ids ("R1", "Rec 3", "L2"): a prefix counts when two
    or more items carry it. The lead an item names ("Lead: X.", "X to review ...") is an organisation or a person."""
    from extract.governance.meeting_actions import orgs_so_far, people_so_far, subject_of, _owners
    found: dict[str, list[tuple[int, re.Match]]] = {}
    for b in doc.blocks:
        m = _PREFIXED.match(clean(b.text).strip(" *#")) if b.kind in ("paragraph", "list_item", "heading") else None
        if m:
            found.setdefault(m.group("kind")[0].upper(), []).append((b.line, m))
    people, orgs = people_so_far(context), orgs_so_far(context)
    out = []
    for prefix, items in found.items():
        if len(items) < 2:
            continue
        for line, m in items:
            text = m.group("text").strip()
            label = _LEAD_LABEL.match(text)
            owner = label.group("lead") if label else subject_of(text)
            text = text[label.end():] if label else text
            leads, persons = _owners([owner] if owner else [], people, orgs)
            fields = {"id": f"{prefix}{m.group('num')}", "text": text, "body": board,
                      "kind": "lesson" if prefix == "L" else "recommendation", "leads": leads}
            if persons:
                fields["lead_persons"] = persons
            out.append(Fact("recommendation", fields, line, quote_of(doc.line(line), text[:80]), confidence=0.6))
    return out


@register("govgraph.priorities.v1", order=66,
          reads=("blocks", "meeting", "plans", "membership", "attendance", "organisation"),
          writes=("priority", "recommendation"))
def extract_priorities(doc: Document, context: Context):
    facts: list[Fact] = []
    board = _board(doc, context)
    mode = None
    body = None
    seen: set[tuple[str, str, str]] = set()
    style = None
    for b in doc.blocks:
        text = clean(b.text).strip(" *#")
        if b.kind in ("heading", "paragraph", "list_item") and (_REC_HEAD.match(text) or _REC_LEAD.search(text)):
            mode, body, style = "recommendation", board, None
            continue
        if b.kind in ("heading", "paragraph", "list_item") and _PRI_LEAD.search(text):
            mode, style = "priority", None
            named = re.search(r"\b(?:in|of)\s+(?:the\s+)?([A-Z][\w’' ]{3,60}?(?:Plan|Strategy|Framework|Group|Board))",
                              text)
            body = named.group(1) if named else None
            plans = context.shared.plans
            if body is None and plans is not None:
                from extract.governance.relations import _plans_in
                found = _plans_in(plans, text)
                body = found[0] if found else None
            body = body or board
            inline = enumerate_items(text.split(":", 1)[1]) if ":" in text[:-1] else []
            for num, item in inline:
                key = (mode, str(num), item)
                if key not in seen:
                    seen.add(key)
                    facts.append(Fact(mode, {"id": str(num), "text": item, "body": body}, b.line,
                                      quote_of(doc.line(b.line), item[:80]), confidence=0.6))
            continue
        if mode is None:
            continue
        m = _ITEM.match(text) if b.kind in ("list_item", "paragraph") else None
        if m and style is not None and _style(m.group("id")) != style:
            mode = None
            continue
        if m:
            style = _style(m.group("id"))
            item = m.group("text").strip()
            key = (mode, m.group("id"), item)
            if key not in seen:
                seen.add(key)
                facts.append(Fact(mode, {"id": m.group("id"), "text": item, "body": body}, b.line,
                                  quote_of(doc.line(b.line), item[:80]), confidence=0.6))
            continue
        if b.kind == "heading" or (b.kind == "paragraph" and facts and len(text) > 0):
            mode = None
    return facts + _labelled(doc, board, seen) + _prefixed(doc, context, board)
