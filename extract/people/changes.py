"""Membership changes stated in prose: joined, left, appointed_chair, role_changed.

"Jane Doe, who was to retire soon", "replace Jane Doe as ... following her departure",
"Jane Doe has joined the Board", "Cllr Doe was appointed/elected Chair",
"Jane Doe ... has been appointed as Director of ...". List entries marked "Formerly ..."
give role_changed in extract.people.members.
"""
from __future__ import annotations

import re

from extract.dates import find_dates
from extract.names import FORENAMES, compact, parse_person
from extract.people.common import meeting_before, quote
from extract.people.positions import _FULL, _TITLE_ALT
from extract.pipeline import Context, register
from extract.records import Document, Fact

_BODY_WORDS = r"Board|Committee|Sub-Committee|Partnership|Panel|Group|Forum|Commission|Cabinet|Executive|Network|Trust"
_CHAIR = r"(?:[Cc]o-?|[Vv]ice-?)?[Cc]hair"
_WHO = rf"(?P<who>(?:(?:{_TITLE_ALT})\.?\s+)?{_FULL})"
PATTERNS = [
    ("left", re.compile(rf"{_WHO}(?:'s)?,?\s+(?:who\s+(?:was|is|will be|had)\s+(?:to\s+|due\s+to\s+|about\s+to\s+|soon\s+to\s+)?"
                        rf"|(?:was|is|has|had|would|will)\s+(?:now\s+|shortly\s+|soon\s+)?(?:be\s+)?)(?:retir(?:e|ed|ing)|leav(?:e|ing)|left|stepp(?:ed|ing)\s+down|"
                        rf"step\s+down|resign(?:ed|ing)?|depart(?:ed|ing)?)\b")),
    ("left", re.compile(rf"\b(?:replace|replacing|succeed|succeeding)\s+{_WHO}\s+as\b")),
    ("left", re.compile(rf"{_WHO}(?:'s|’s)\s+(?:departure|retirement|resignation|replacement)\b")),
    ("left", re.compile(rf"\b(?:departure|retirement|resignation)\s+of\s+{_WHO}")),
    ("left", re.compile(rf"{_WHO}\s+(?:retired|resigned|stepped\s+down)\s+(?:from|as)\s+(?:the\s+)?[A-Z]")),
    ("left", re.compile(rf"{_WHO}\s+left\s+the\s+(?:{_BODY_WORDS})\b")),
    ("joined", re.compile(rf"{_WHO},?\s+(?:who\s+)?(?:has|had|have)\s+(?:recently\s+)?joined\b")),
    ("joined", re.compile(rf"{_WHO},?\s+who\s+(?:recently\s+)?joined\s+the\b")),
    ("joined", re.compile(rf"{_WHO}\s+(?:joined|was\s+welcomed\s+to)\s+the\s+(?:{_BODY_WORDS})\b")),
    ("joined", re.compile(rf"{_WHO},?\s+(?:was|were)\s+welcomed\s+(?:to\s+the\s+(?:{_BODY_WORDS})\s+)?as\s+(?:the\s+|a\s+)?"
                          rf"new\b")),
    ("joined", re.compile(rf"\bwelcomed\s+{_WHO}(?:[^.]{{0,60}})\b(?:new|first\s+meeting)\b")),
    ("appointed_chair", re.compile(rf"{_WHO},?\s+(?:was|had been|has been|is)\s+(?:duly\s+)?(?:appointed|elected)\s+"
                                   rf"(?:as\s+)?(?:the\s+)?(?:new\s+)?{_CHAIR}")),
    ("appointed_chair", re.compile(rf"\b(?:appointed|elected)\s+{_WHO}\s+as\s+(?:the\s+)?(?:new\s+)?{_CHAIR}")),
    ("role_changed", re.compile(rf"{_WHO},?\s+(?:was|had been|has been)\s+(?:appointed|promoted)\s+(?:as\s+|to\s+)?"
                                rf"(?:the\s+)?(?:new\s+|interim\s+)?(?P<post>[A-Z][^.;,]{{3,80}})")),
]


def _date_of(text: str, m: re.Match, number: int, meeting: dict | None, after: str = "") -> str | None:
    """The date the sentence states ("retired from the Board on 30 June 2022"); else, in minutes or
    notes, the date of the meeting that noted it; never guessed."""
    rest = text[m.end():].rstrip()
    if after and not re.search(r"[.;:!?]$", rest):
        rest += " " + after.strip()  # the sentence wraps onto the next line ("with effect" / "from 31 May 2023")
    rest = re.split(r"(?<=[a-z0-9)])\.\s", rest, maxsplit=1)[0]
    found = find_dates(rest[:120])
    if found:
        return found[0][0].isoformat()
    if meeting and meeting.get("role") in ("minutes", "notes") and meeting.get("date") \
            and number - meeting["line"] <= 200:
        return meeting["date"]
    return None


@register("govgraph.changes.v1", order=35)
def extract_changes(doc: Document, context: Context):
    firsts = {compact(str(f.fields.get("person")).split()[0]) for f in context.facts
              if f.type in ("membership", "attendance") and f.fields.get("person")}
    seen: set[tuple] = set()
    for number, raw in enumerate(doc.lines, 1):
        if not raw.strip() or len(raw) > 5000:
            continue
        text = re.sub(r"<[^>]+>", " ", raw).replace("**", "")
        after = re.sub(r"<[^>]+>", " ", doc.lines[number]).replace("**", "") if number < len(doc.lines) else ""
        for change, pattern in PATTERNS:
            for m in pattern.finditer(text):
                person = parse_person(m.group("who"))
                if person is None:
                    continue
                first = compact(person.name.split()[0]) if len(person.name.split()) > 1 else ""
                if not (person.titles or first in FORENAMES or first in firsts):
                    continue
                key = (change, person.name)
                if key in seen or (change == "role_changed" and ("appointed_chair", person.name) in seen):
                    continue
                seen.add(key)
                meeting = meeting_before(context, number, ("minutes", "notes", "agenda"))
                detail = m.group(0)
                yield Fact("change", {"change": change, "person": person.name,
                                      "body": meeting["body"] if meeting else None,
                                      "date": _date_of(text, m, number, meeting, after),
                                      "detail": detail, "surface": person.surface, "titles": person.titles},
                           line=number, quote=quote(m.group(0)))
