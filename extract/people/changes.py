"""Membership changes stated in prose: joined, left, appointed_chair, role_changed.

"Jane Doe, who was to retire soon", "replace Jane Doe as ... following her departure",
"Jane Doe has joined the Board", "Cllr Doe was appointed/elected Chair",
"Jane Doe ... has been appointed as Director of ...". List entries marked "Formerly ..."
give role_changed in extract.people.members.
"""
from __future__ import annotations

import re

from extract.names import FORENAMES, compact, parse_person
from extract.people.common import meeting_before, quote
from extract.people.positions import _FULL, _TITLE_ALT
from extract.pipeline import Context, register
from extract.records import Document, Fact

_WHO = rf"(?P<who>(?:(?:{_TITLE_ALT})\.?\s+)?{_FULL})"
PATTERNS = [
    ("left", re.compile(rf"{_WHO}(?:'s)?,?\s+(?:who\s+(?:was|is|will be|had)\s+(?:to\s+|due\s+to\s+|about\s+to\s+|soon\s+to\s+)?"
                        rf"|(?:was|is|has|had)\s+(?:now\s+)?)(?:retir(?:e|ed|ing)|leav(?:e|ing)|left|stepp(?:ed|ing)\s+down|"
                        rf"step\s+down|resign(?:ed|ing)?|depart(?:ed|ing)?)\b")),
    ("left", re.compile(rf"\b(?:replace|replacing|succeed|succeeding)\s+{_WHO}\s+as\b")),
    ("left", re.compile(rf"{_WHO}(?:'s|’s)\s+(?:departure|retirement|resignation|replacement)\b")),
    ("left", re.compile(rf"\b(?:departure|retirement|resignation)\s+of\s+{_WHO}")),
    ("joined", re.compile(rf"{_WHO},?\s+(?:who\s+)?(?:has|had|have)\s+(?:recently\s+)?joined\b")),
    ("joined", re.compile(rf"\bwelcomed\s+{_WHO}(?:[^.]{{0,60}})\b(?:new|first\s+meeting)\b")),
    ("appointed_chair", re.compile(rf"{_WHO},?\s+(?:was|had been|has been|is)\s+(?:duly\s+)?(?:appointed|elected)\s+"
                                   rf"(?:as\s+)?(?:the\s+)?(?:new\s+)?(?:co-?|vice-?)?chair")),
    ("appointed_chair", re.compile(rf"\b(?:appointed|elected)\s+{_WHO}\s+as\s+(?:the\s+)?(?:new\s+)?(?:co-?|vice-?)?chair")),
    ("role_changed", re.compile(rf"{_WHO},?\s+(?:was|had been|has been)\s+(?:appointed|promoted)\s+(?:as\s+|to\s+)?"
                                rf"(?:the\s+)?(?:new\s+|interim\s+)?(?P<post>[A-Z][^.;,]{{3,80}})")),
]


@register("govgraph.changes.v1", order=35)
def extract_changes(doc: Document, context: Context):
    firsts = {compact(str(f.fields.get("person")).split()[0]) for f in context.facts
              if f.type in ("membership", "attendance") and f.fields.get("person")}
    seen: set[tuple] = set()
    for number, raw in enumerate(doc.lines, 1):
        if not raw.strip() or len(raw) > 5000:
            continue
        text = re.sub(r"<[^>]+>", " ", raw).replace("**", "")
        for change, pattern in PATTERNS:
            for m in pattern.finditer(text):
                person = parse_person(m.group("who"))
                if person is None:
                    continue
                first = compact(person.name.split()[0]) if len(person.name.split()) > 1 else ""
                if not (person.titles or first in FORENAMES or first in firsts):
                    continue
                key = (change, person.name)
                if key in seen:
                    continue
                seen.add(key)
                meeting = meeting_before(context, number, ("minutes", "notes", "agenda"))
                detail = m.group(0)
                yield Fact("change", {"change": change, "person": person.name,
                                      "body": meeting["body"] if meeting else None, "date": None,
                                      "detail": detail, "surface": person.surface, "titles": person.titles},
                           line=number, quote=quote(m.group(0)))
