"""Membership changes stated in prose: joined, left, appointed_chair, role_changed.

Elections ("Mr Jane Doe was elected to chair the Panel", "RESOLVED: That Councillor Doe be elected Chairman"),
vice-chair elections and outgoing chairs (role_changed), new members welcomed or joining, members leaving,
resigning or retiring ("Jane Doe, the Clerk, had resigned"; "in place of Jane Doe"), and appointments. An
election or appointment to a chair also gives a `chair` (or `vice-chair`) membership, from which
extract.governance.relations draws `chaired_by`; a new member gives a `member` membership. Chairing one
meeting ("Jane Doe in the Chair") is attendance, not a change (extract.people.attendance). List entries
marked "Formerly ..." give role_changed in extract.people.members.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from extract.dates import find_dates
from extract.names import FORENAMES, ORG_WORDS, POST_WORDS, compact, looks_like_name, parse_person
from extract.people.common import BODY_HEAD, meeting_before, quote
from extract.people.positions import _FULL, _NAME, _TITLE_ALT
from extract.pipeline import Context, register
from extract.records import Document, Fact

_BODY_WORDS = r"Board|Committee|Sub-Committee|Partnership|Panel|Group|Forum|Commission|Cabinet|Executive|Network|Trust"
_CHAIR = r"(?:[Cc]o-?|[Vv]ice-?)?[Cc]hair"
_CHAIRW = r"(?:[Cc]hair(?:man|woman|person)?|Mayor|Convenor|Convener|Presiding\s+Member)\b"
_VICE = r"(?:[Vv]ice|[Dd]eputy)[- ]?"
_TITLES = rf"(?:(?:{_TITLE_ALT}|Mr|Mrs|Ms|Miss|Mx)\.?\s+){{1,2}}"
#: a named person: "Mr Ewan Doe", "Councillor Mrs S M Doe", "Councillor Doe", or an untitled full name
_PERSON = rf"(?:{_TITLES}(?:[A-Z]\.?\s+){{0,3}}{_NAME}(?:\s+{_NAME})?|{_FULL})"
_AFFIL = r"(?:\s*\([^()]{2,80}\))?"  # "Cllr Jane Doe (Anytown Council) be appointed Chair"
_APPOS = r"(?:,\s+(?:the\s+)?[^,.;]{3,90},?)?"  # "Jane Doe, the Commissioner's Finance Officer, had resigned"
_ELECTED = r"(?:duly\s+|unanimously\s+)?(?:re-?)?(?:appointed|elected|nominated)\s+(?:to\s+serve\s+)?(?:as\s+)?(?:the\s+)?(?:new\s+)?"


def _who(group: str = "who") -> str:
    return rf"(?P<{group}>{_PERSON})"


WHO = _who()


@dataclass(frozen=True)
class Pattern:
    change: str
    regex: re.Pattern
    role: str | None = None  # the membership the change gives: chair, vice-chair, member


def _p(change: str, pattern: str, role: str | None = None) -> Pattern:
    return Pattern(change, re.compile(pattern), role)


PATTERNS = [
    # vice-chairs first: "elected Deputy Chair" must not read as a chair election
    _p("role_changed", rf"{WHO}{_AFFIL},?\s+(?:was|were|has\s+been|had\s+been|is|be)\s+{_ELECTED}{_VICE}{_CHAIRW}", "vice-chair"),
    _p("role_changed", rf"\bconfirms?\s+{WHO}\s+in\s+the\s+{_VICE}{_CHAIRW}", "vice-chair"),
    _p("role_changed", rf"{WHO}\s+has\s+(?:served|acted)\s+as\s+(?:the\s+)?{_VICE}{_CHAIRW}", "vice-chair"),
    _p("appointed_chair", rf"{WHO}{_AFFIL},?\s+(?:was|were|has\s+been|had\s+been|is|be)\s+{_ELECTED}(?!{_VICE}){_CHAIRW}",
       "chair"),
    # elected to chair one meeting: the change is stated, but the body's chair is someone else
    _p("appointed_chair", rf"{WHO},?\s+(?:was|has\s+been|be)\s+(?:duly\s+|unanimously\s+)?elected\s+to\s+[Cc]hair\s+"
                          rf"(?:the|this)\s+meeting\b"),
    _p("appointed_chair", rf"{WHO},?\s+(?:was|has\s+been|be)\s+(?:duly\s+|unanimously\s+)?(?:re-?)?elected\s+to\s+[Cc]hair\s+"
                          rf"the\b(?!\s+meeting)", "chair"),
    _p("appointed_chair", rf"{WHO},?\s+is\s+the\s+newly\s+(?:appointed|elected)\s+{_CHAIRW}", "chair"),
    _p("appointed_chair", rf"\b(?:appointed|elected|appointment\s+of)\s+{WHO}\s+as\s+(?:the\s+)?(?:new\s+)?(?!{_VICE}){_CHAIRW}",
       "chair"),
    _p("appointed_chair", rf"{WHO}(?:,\s+from\s+[^,]{{3,80}},)?\s+as\s+(?:the\s+)?new\s+{_CHAIRW}\s+(?:of|for)\b", "chair"),
    _p("appointed_chair", rf"{WHO}\s+(?:is\s+|was\s+)?taking\s+over\s+as\s+(?:the\s+)?{_CHAIRW}", "chair"),
    # outgoing chairs and deputies
    _p("role_changed", rf"(?:[Ll]ast\s+year['’]s|[Oo]utgoing|[Rr]etiring|[Ff]ormer|[Pp]revious)\s+(?:{_VICE})?{_CHAIRW},?\s+{WHO}"),
    _p("role_changed", rf"{WHO},?\s+(?:as\s+)?the\s+(?:outgoing|retiring|former)\s+(?:{_VICE})?{_CHAIRW}"),
    _p("role_changed", rf"\bthanked\s+{WHO}\s+for\s+(?:his|her|their)\s+(?:role|work|time|service)\s+as\s+(?:the\s+)?(?:{_VICE})?"
                       rf"{_CHAIRW}"),
    _p("role_changed", rf"\bcontribution\s+of\s+{WHO}\s+during\s+(?:his|her|their)\s+(?:[A-Z][\w'’-]*\s+)*"
                       rf"(?:[Mm]ayoral|[Cc]hairmanship|[Cc]hair(?:man)?['’]s)\s+year"),
    _p("role_changed", rf"{WHO},?\s+(?:was|had been|has been)\s+(?:appointed|promoted)\s+(?:as\s+|to\s+)?"
                       rf"(?:the\s+)?(?:new\s+|interim\s+)?(?P<post>[A-Z][^.;,]{{3,80}})"),
    # departures
    _p("left", rf"{WHO}(?:'s)?{_APPOS},?\s+(?:who\s+(?:was|is|will be|had)\s+(?:to\s+|due\s+to\s+|about\s+to\s+|soon\s+to\s+)?"
               rf"|(?:was|is|has|had|would|will)\s+(?:now\s+|shortly\s+|soon\s+|recently\s+)?(?:be\s+)?)(?:retir(?:e|ed|ing)|leav(?:e|ing)|left|"
               rf"stepp(?:ed|ing)\s+down|step\s+down|resign(?:ed|ing)?|depart(?:ed|ing)?)\b"),
    _p("left", rf"\b(?:replace|replacing|succeed|succeeding)\s+{WHO}\s+as\b"),
    _p("left", rf"(?<!attended\s)(?<!attending\s)(?<!substitute\s)\bin\s+place\s+of\s+{WHO}"),  # not a substitute
    _p("left", rf"{WHO}(?:'s|’s)\s+(?:departure|retirement|resignation|replacement)\b"),
    _p("left", rf"\b(?:departure|retirement|resignation)\s+of\s+{WHO}"),
    _p("left", rf"{WHO}\s+(?:retired|resigned|stepped\s+down)\s+(?:from|as)\s+(?:the\s+)?[A-Z]"),
    _p("left", rf"{WHO}\s+left\s+the\s+(?:{_BODY_WORDS})\b"),
    _p("left", rf"\bthanked\s+{WHO}\s+for\s+(?:his|her|their)\s+(?:many\s+years\s+of\s+)?(?:contributions?|service)\s+"
               rf"(?:to|on)\s+the\s+(?:{_BODY_WORDS})\b"),
    # arrivals
    _p("joined", rf"{WHO}(?:\s+from\s+[A-Z][\w&' ]{{2,60}}?)?,?\s+(?:who\s+)?(?:has|had|have)\s+(?:recently\s+)?joined\b(?!\s+(?:together|forces))", "member"),
    _p("joined", rf"{WHO},?\s+who\s+(?:recently\s+)?joined\s+the\b", "member"),
    _p("joined", rf"{WHO}\s+(?:joined|was\s+welcomed\s+to)\s+the\s+(?:{_BODY_WORDS})\b", "member"),
    _p("joined", rf"{WHO},?\s+(?:was|were)\s+welcomed\s+(?:to\s+the\s+(?:{_BODY_WORDS})\s+)?as\s+(?:the\s+|a\s+)?new\b", "member"),
    _p("joined", rf"\bwelcomed\s+{WHO}(?:[^.]{{0,60}})\b(?:new|first\s+meeting)\b", "member"),
    _p("joined", rf"{WHO}\s+(?:would|will)\s+be\s+the\s+(?:new\s+)?(?:[\w-]+\s+){{0,2}}(?:representative|[Mm]ember)\b", "member"),
    _p("joined", rf"\bappointment\s+of\s+{WHO}\s+as\s+(?:the\s+)?"),
]

#: "New members were welcomed - Jane Doe - Director, ... and John Roe, Anytown NHS."
_WELCOMED_LIST = re.compile(r"\b[Nn]ew\s+(?:members?|colleagues?)\s+(?:were|was)\s+welcomed\s*[-–:]\s*(?P<list>[^.]+)")
#: "Councillors Doe, Roe and Poe were made voting members of the Board"
_MADE_MEMBERS = re.compile(r"\b(?P<title>Councillors|Cllrs)\s+(?P<names>[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)*\s+and\s+[A-Z][\w'’-]+)"
                           r"\s+were\s+(?:made|appointed|elected)\s+(?:as\s+)?(?:(?:voting|full|new)\s+)?members\b")
#: the body a chair or membership is of, when the sentence names one: "Chair of the Audit Committee"
_OF_BODY = re.compile(r"^\s*(?:(?:of|for|on|to)\s+)?(?:the\s+)?(?P<body>[A-Z][\w&'’ ,()-]{2,90}?)(?=\s+(?:for|until|from|with|on|at|"
                      r"and\s+that|in)\b|[.;]|,\s+(?:and|to|with)\b|$)")


#: a chair named by the post before the name: "the officers - Chairperson Cllr A Doe and Vice Chairperson Cllr B Roe"
_HOLDER = re.compile(rf"(?:^|[-–:;(]\s*|\b(?:and|the|our)\s+)(?P<vice>{_VICE})?[Cc]hair(?:man|woman|person)?\s+"
                     rf"(?P<who>{_TITLES}(?:[A-Z]\.?\s*){{0,3}}{_NAME}(?:\s+{_NAME})?)")


@dataclass
class _Found:
    change: str
    person: str
    surface: str
    titles: list[str]
    line: int
    detail: str
    role: str | None
    body: str | None
    rest: str  # the sentence after the match, for the date and the body named


def _plausible(person, firsts: set[str], strong: bool) -> bool:
    """A change needs a person: titled, a known forename, or (in a strong phrasing) a clean full name."""
    words = person.name.split()
    if len(words[0].strip(".")) > 1 and (words[0].lower() in ORG_WORDS or words[0].lower() in POST_WORDS):
        return False  # "National Care Service", "Director Jane": not a name ("David Mayor" is one)
    if person.titles:
        return True
    first = compact(words[0]) if len(words) > 1 else ""
    return first in FORENAMES or first in firsts or (strong and looks_like_name(person.name, 2, 3))


def _paragraphs(doc: Document) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Prose paragraphs with the start offset of each line in them: a sentence wrapped over lines
    ("... be appointed Chair, and that Cllr Jane" / "Doe be appointed Vice Chair") is read whole."""
    text, starts = "", []
    for number, raw in enumerate(doc.lines, 1):
        line = re.sub(r"<[^>]+>", " ", raw).replace("**", "").rstrip()
        if not line.strip() or len(line) > 5000 or "\t" in line:
            if text:
                yield text, starts
            text, starts = "", []
            if line.strip() and len(line) <= 5000:
                yield line.replace("\t", " | "), [(0, number)]
            continue
        if text:
            text += " "
        starts.append((len(text), number))
        text += line.strip()
        if re.search(r"[.:;!?]\s*$", line) or "|" in line:
            yield text, starts
            text, starts = "", []
    if text:
        yield text, starts


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    number = starts[0][1]
    for start, n in starts:
        if start <= offset:
            number = n
    return number


def _named_body(rest: str) -> str | None:
    m = _OF_BODY.match(rest)
    if not m:
        return None
    body = m.group("body").strip(" ,")
    return body if BODY_HEAD.search(body) else None


def _chair_body(rest: str) -> str | None:
    """The body of a chair election: "Chair of the X", or named once for both posts later in the sentence
    ("be appointed Chair, and that Cllr B be appointed Vice Chair of the X")."""
    named = _named_body(rest)
    if named:
        return named
    later = re.search(r"\b(?:[Cc]hair(?:man|woman|person)?|Mayor)\s+(?=of\s+the\s+[A-Z])", rest)
    return _named_body(rest[later.end():]) if later else None


def _find(doc: Document, firsts: set[str]) -> list[_Found]:
    out: list[_Found] = []
    for text, starts in _paragraphs(doc):
        for pattern in PATTERNS:
            for m in pattern.regex.finditer(text):
                person = parse_person(m.group("who"))
                if person is None or not _plausible(person, firsts, strong=True):
                    continue
                rest = re.split(r"(?<=[a-z0-9)])\.\s", text[m.end():], maxsplit=1)[0]
                out.append(_Found(pattern.change, person.name, person.surface, person.titles,
                                  _line_at(starts, m.start("who")), m.group(0), pattern.role,
                                  # "Chair of the X", "joined the X"; "the representative for X" is an affiliation
                                  _chair_body(rest) if pattern.role in ("chair", "vice-chair")
                                  or m.group(0).endswith("joined") else None,
                                  rest))
        out.extend(_welcomed(text, starts, firsts))
        for m in _HOLDER.finditer(text):
            person = parse_person(m.group("who"))
            if person and person.titles:
                out.append(_Found("", person.name, person.surface, person.titles, _line_at(starts, m.start("who")),
                                  m.group(0).strip(" -–:;("), "vice-chair" if m.group("vice") else "chair", None, ""))
    return out


def _welcomed(text: str, starts: list[tuple[int, int]], firsts: set[str]) -> Iterator[_Found]:
    """Lists of new members: "New members were welcomed - A ... and B", "Councillors A, B and C were made members"."""
    for m in _WELCOMED_LIST.finditer(text):
        offset = m.start("list")
        for chunk in re.split(r"\s+and\s+(?=[A-Z])|;\s*", m.group("list")):
            lead = re.match(_PERSON, chunk.strip())
            person = parse_person(lead.group(0)) if lead else None
            if person and _plausible(person, firsts, strong=True):
                at = text.find(chunk, offset)
                yield _Found("joined", person.name, person.surface, person.titles, _line_at(starts, max(at, 0)),
                             f"new members were welcomed - {chunk.strip()[:80]}", "member", None, "")
    for m in _MADE_MEMBERS.finditer(text):
        rest = text[m.end():]
        for name in re.split(r",\s+|\s+and\s+", m.group("names")):
            person = parse_person(f"Councillor {name}")
            if person:
                yield _Found("joined", person.name, person.surface, person.titles, _line_at(starts, m.start()),
                             m.group(0), "member", _named_body(re.sub(r"^\s*of\b", "of", rest)), rest)


def _date_of(rest: str, line: int, meeting: dict | None) -> str | None:
    """The date the sentence states ("retired from the Board on 30 June 2022"); else, in minutes or
    notes, the date of the meeting that noted it; never guessed."""
    found = find_dates(rest[:120])
    if found:
        return found[0][0].isoformat()
    if meeting and meeting.get("role") in ("minutes", "notes") and meeting.get("date") \
            and line - meeting["line"] <= 200:
        return meeting["date"]
    return None


def _body_of(named: str | None, meeting: dict | None) -> str | None:
    """The body named in the sentence; "the Panel" / "the Council" is the meeting's own body."""
    own = meeting["body"] if meeting else None
    if named and own and (len(named.split()) == 1 or own.lower().endswith(named.lower())):
        return own
    return named or own


@register("govgraph.changes.v1", order=35,
          reads=("lines", "meetings", "paper_date", "membership", "attendance", "position"),
          writes=("change", "membership"))
def extract_changes(doc: Document, context: Context):
    firsts = {compact(str(f.fields.get("person")).split()[0]) for f in context.facts
              if f.type in ("membership", "attendance") and f.fields.get("person")}
    seen: set[tuple] = set()
    members: set[tuple] = set()
    for found in sorted(_find(doc, firsts), key=lambda f: f.line):
        key = (found.change, found.person)
        if key in seen or (found.change == "role_changed" and ("appointed_chair", found.person) in seen):
            continue
        seen.add(key)
        meeting = meeting_before(context, found.line, ("minutes", "notes", "agenda"))
        body = _body_of(found.body, meeting)
        if found.change:  # a chair named by the post before the name is a membership, not a change
            yield Fact("change", {"change": found.change, "person": found.person,
                                  "body": body if found.role or not found.body else found.body,
                                  "date": _date_of(found.rest, found.line, meeting),
                                  "detail": found.detail, "surface": found.surface, "titles": found.titles},
                       line=found.line, quote=quote(found.detail))
        as_of = meeting["date"] if meeting else None
        if as_of != context.shared.paper_date:
            continue  # an election in earlier minutes inside a pack: a change, not a listing of this paper
        if found.role in ("chair", "vice-chair") and body and (found.person, body) not in members:
            members.add((found.person, body))
            yield Fact("membership", {"person": found.person, "body": body, "role": found.role, "post": None,
                                      "affiliation": None, "as_of": as_of,
                                      "source": "stated change", "surface": found.surface, "titles": found.titles},
                       line=found.line, quote=quote(found.detail))
