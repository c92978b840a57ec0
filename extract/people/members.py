"""Membership lists in every layout.

- two-column tab tables and HTML cells where name and post run together
  ("Dr Jane Doe Director of Public Health Anytown Council");
- section headings (Board Members, Independent Advisers, Additional Attendees,
  Core membership, ... Representative) that set the role;
- tables with a header row (Name | Position | Role), "Vacancy"/"TBC" rows;
- attendance sheets of invited members, with substitutes in a third column
  (attendance facts for those are made here too, as the row is one record).

Each list entry also gives a `position` (person, post, organisation, as_of).
"""
from __future__ import annotations

import re
from typing import Any

from extract.names import PersonName, clean_text, parse_person, split_name_post, split_names, looks_like_name
from extract.organisations import find_org_mentions, split_post, _LEAD_POST
from extract.people.runon import sections
from extract.people.common import listing_date, meeting_before, quote, smart_title, BODY_HEAD
from extract.pipeline import UNSET, Context, register
from extract.records import Block, Document, Fact

SECTION_ROLES = [
    (re.compile(r"^(?:the\s+)?independent\s+advis[eo]rs?\b", re.I), "independent adviser"),
    (re.compile(r"^(?:the\s+)?additional\s+attendees?\b|^(?:standing\s+)?invitees?\b", re.I),
     "additional attendee"),
    (re.compile(r"^(?:officers?|supporting officers?|lead officers?)\b(?!\s+(?:in|also)\b)", re.I), "officer"),
    (re.compile(r"^(?:advis[eo]rs?|professional advis[eo]rs?)\b", re.I), "adviser"),
    (re.compile(r"^(?:(?:board|core|committee|voting|non-voting|full|statutory|co-opted|partnership)\s+)?"
                r"(?:members?|memberships?)\b(?!\s+of\s+the\s+public)"
                r"(?!\s+(?:present|in\s+attendance|attending|absent)\b)", re.I), "member"),  # "Members present:" is attendance
    (re.compile(r"^.{0,60}\brepresentatives?$", re.I), "member"),
    (re.compile(r"^.{0,80}\bmembership(?:\s+and\s+additional\s+attendees)?$", re.I), "member"),
]
_STOP = re.compile(r"^(?:agenda|order of business|item|apologies|minutes|declarations?|present|contact|date|venue|"
                   r"recommendations?|introduction|background|\d+\.?\s+[A-Z])", re.I)
_VACANT = re.compile(r"\b(?:vacan(?:cy|t)|tbc|to be (?:confirmed|appointed)|tba)\b", re.I)
_HEADER_NAME = re.compile(r"^(?:name|member|members|board members? invited|invited members?|representative|attendee)s?\b",
                          re.I)
_SHEET_STATUS = re.compile(r"\b(?:attended|attending|present|apologies|absent|expected|sent apologies|"
                           r"not present|did not attend)\b", re.I)


def _section_role(text: str) -> str | None:
    text = clean_text(text).rstrip(":")
    if not text or len(text) > 90 or re.search(r"\d{4}", text):
        return None
    for pattern, role in SECTION_ROLES:
        if pattern.search(text):
            return role
    return None


def _role_from_post(post: str, default: str) -> tuple[str, str]:
    """'(Chair)', 'Co-Chair, ...' in a post set the role; returns (role, post without the marker)."""
    m = re.search(r"\((co-?chair|(?:vice|deputy)[- ]?chair(?:man|woman|person)?|chair(?:man|woman|person)?)\)", post, re.I)
    if m:
        role = _norm_role(m.group(1))
        return role, clean_text(post[:m.start()] + post[m.end():])
    m = re.match(r"^(co-?chair|(?:vice|deputy)[- ]?chair(?:man|woman|person)?)\b[,:]?\s*", post, re.I)
    if m:
        return _norm_role(m.group(1)), post
    if re.fullmatch(r"chair(?:man|woman|person)?", post.strip(), re.I):
        return "chair", post
    return default, post


def _norm_role(word: str) -> str:
    w = word.lower().replace(" ", "-")
    if w.startswith("co"):
        return "co-chair"
    if w.startswith(("vice", "deputy")):
        return "vice-chair"
    return "chair"


def _entry(text: str) -> tuple[PersonName | None, str]:
    """Name and post of one list cell; (None, text) when the cell names no person."""
    text = clean_text(text)
    if not text:
        return None, ""
    lead_role = None
    m = re.match(r"^(co-?chair|vice-?chair|chair)\s*[:,-]?\s+(?=[A-Z])", text, re.I)
    if m:
        lead_role = _norm_role(m.group(1))
        text = text[m.end():]
    person, post = split_name_post(text)
    if person is not None and lead_role:
        post = f"({lead_role}) {post}".strip()
    return person, post


class _Emitter:
    def __init__(self, doc: Document, context: Context):
        self.doc = doc
        self.context = context
        self.facts: list[Fact] = []

    def member(self, block: Block, person: PersonName | None, post: str, role: str, body: str | None,
               quote_text: str, source: str) -> None:
        role, post = _role_from_post(post, role)
        post_only, org = split_post(post)
        if re.fullmatch(r"(?:co-?|vice[- ]?|deputy[- ]?)?chair(?:man|woman|person)?", post.strip(), re.I):
            post_only, org = post.strip(), None  # "Vice-Chairman" is a post, not an organisation
        as_of = listing_date(self.context, block.line)
        name = person.name if person else None
        if body or person is None:  # a membership of no known body says nothing; the person's post still counts
            self.facts.append(Fact("membership", {
                "person": name, "body": body, "role": role if person else "vacancy",
                "post": post_only, "affiliation": org, "as_of": as_of, "source": source,
                "surface": person.surface if person else None, "titles": person.titles if person else []},
                line=block.line, quote=quote(quote_text)))
        if person is None:
            return
        formerly = re.search(r"\b(?:formerly|previously)\s+(?P<old>[^,;()]+)", post, re.I)
        if formerly:
            self.facts.append(Fact("change", {"change": "role_changed", "person": person.name, "body": body,
                                              "date": None, "detail": clean_text(post), "surface": person.surface},
                                   line=block.line, quote=quote(quote_text)))
        civic = [t for t in person.titles if t.lower() in ("mayor", "deputy mayor", "lord mayor")]
        pos_post = post_only
        if civic and pos_post and re.match(r"^(?:co-?chair|vice-?chair|chair)\s*,", pos_post, re.I) and org and \
                re.sub(r"^(?:co-?chair|vice-?chair|chair)\s*,\s*", "", pos_post, flags=re.I) == org:
            pos_post = None  # "Co-Chair, Anytown Council": the role, and the organisation
        civic = [t for t in person.titles if t.lower() in ("mayor", "deputy mayor", "lord mayor")]
        if civic and not pos_post:
            self.position(block, person, civic[0], org, as_of, quote_text)
            return
        if pos_post or org:
            self.position(block, person, pos_post, org, as_of, quote_text)
        for title in civic:
            self.position(block, person, title, None, as_of, quote_text)

    def position(self, block: Block, person: PersonName, post: str | None, org: str | None, as_of: str | None,
                 quote_text: str) -> None:
        self.facts.append(Fact("position", {"person": person.name, "post": post, "organisation": org,
                                            "as_of": as_of, "surface": person.surface},
                               line=block.line, quote=quote(quote_text)))


def listing_body(context: Context, line: int, heading: str | None) -> str | None:
    if heading:
        h = re.sub(r"^(?:table|figure)\s*\d*[.:]?\s*", "", clean_text(heading), flags=re.I)
        h = re.sub(r"\s*[-–:]?\s*(?:membership|members|board members)(?:\s+and\s+additional\s+attendees)?\s*$", "",
                   h, flags=re.I).strip(" -–:")
        if h and BODY_HEAD.search(h) and 2 <= len(h.split()) <= 12:
            return smart_title(h)
    m = meeting_before(context, line, ("agenda", "notes", "attendance", "minutes"))
    if m:
        return _undated(m["body"])
    ms = context.shared.meetings
    if ms:
        return _undated(ms[0]["body"])
    if context.shared.paper_body is UNSET:
        context.shared.paper_body = paper_body(context.document.lines)
    return context.shared.paper_body


def _undated(body: str) -> str:
    """'Anytown Board Wednesday 6 December 2017' -> 'Anytown Board' (a heading read with its date or with
    'Minutes of Meeting of the')."""
    body = re.sub(r"^(?:minutes|notes)\s+of\s+(?:the\s+)?meeting\s+of\s+(?:the\s+)?", "", body, flags=re.I) or body
    return re.sub(r"\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}).*$", "",
                  body, flags=re.I) or body


_PAPER_BODY = re.compile(r"(?:Board|Committee|Sub-Committee|Panel|Partnership|Authority|Group|Forum|Commission|Cabinet|"
                         r"Assembly|Executive|Trust Board)$")


def paper_body(lines: list[str], span: int = 12) -> str | None:
    """The body whose paper it is, when no meeting heading names it: the first board, committee,
    panel ... named in the paper's opening lines ("Minutes of the Anytown Adult Board (AAB) Meeting")."""
    for raw in lines[:span]:
        text = clean_text(raw.lstrip("# "))[:600]
        # "Committee details - X" is how committee web pages (ModernGov) title a body's page
        text = re.sub(r"^(?:committee|body|panel)\s+details\s*[-–:]\s*", "", text, flags=re.I)
        trust = re.match(r"^(?P<org>(?:[A-Z][\w&'’-]*\s+){1,8}?)minutes\s+of\s+the\s+(?P<head>Board|Committee|Panel)\s+meeting\b",
                         text, re.I)
        if trust and find_org_mentions(trust.group("org")):
            return f"{trust.group('org').strip()} {trust.group('head').title()}"  # "Anytown NHS Trust Minutes of the Board Meeting"
        whole = re.sub(r"^(?:(?:minutes|notes)\s+of\s+)?(?:the\s+)?(?:meeting\s+of\s+)?(?:the\s+)?", "", smart_title(text),
                       flags=re.I)
        if _PAPER_BODY.search(whole) and 2 <= len(whole.split()) <= 8 and find_org_mentions(whole):
            return whole  # "MEETING OF THE POLICE AND CRIME PANEL": the heading names the body
        for org in find_org_mentions(smart_title(text) if text.isupper() else text):
            org = re.sub(r"^(?:minutes|notes|agenda)\s+of\s+(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?", "", org,
                         flags=re.I)
            if _PAPER_BODY.search(org) and 2 <= len(org.split()) <= 8 and not re.search(r"\bminutes\b", org, re.I):
                return smart_title(org)
    return None


def _cells(block: Block) -> list[str]:
    if block.kind == "table_row":
        return [c for c in block.cells]
    return [block.text]


def _row_people(block: Block) -> list[tuple[PersonName | None, str, str]] | None:
    """Entries of a list row when every non-empty cell is a name (+ post) or vacancy; else None."""
    out = []
    cells = [c for c in _cells(block) if c.strip()]
    if block.kind == "table_row" and len(cells) >= 2:
        first, _ = _entry(cells[0])
        if first is not None and first.titles and all(_entry(c)[0] is None and len(c.split()) <= 10 for c in cells[1:]):
            # "| Mr A Doe | AD | Director of Finance |": a name, then its initials, role or post
            rest = [c for c in cells[1:] if not re.fullmatch(r"[A-Z][A-Za-z]{1,4}", c.strip())]
            return [(first, clean_text(", ".join(rest)), block.text)]
    for cell in _cells(block):
        if not cell.strip():
            continue
        person, post = _entry(cell)
        if person is None:
            if _VACANT.search(cell):
                out.append((None, cell, cell))
                continue
            return None
        out.append((person, post, cell))
    return out or None


def _titled_run(context: Context, blocks: list[Block], i: int) -> bool:
    """Three or more lines that are each just a titled name ("Cllr Jane Doe"), outside minutes: the
    paper's member list whose heading was lost."""
    if any(m["role"] in ("minutes", "notes") for m in context.shared.meetings):
        return False
    run = blocks[i:i + 3]
    if len(run) < 3 or any(b.kind not in ("paragraph", "list_item") for b in run) or \
            any(b.line - a.line > 2 for a, b in zip(run, run[1:])):
        return False
    for b in run:
        person, post = _entry(b.text)
        if person is None or not person.titles or post or not looks_like_name(person.name):
            return False
    return True


def _strong(entries: list[tuple[PersonName | None, str, str]]) -> bool:
    """A headerless row reads as a membership list: titles or posts next to the names."""
    people = [e for e in entries if e[0] is not None]
    return bool(people) and all(p.titles or post for p, post, _ in people)


@register("govgraph.members.v1", order=20,
          reads=("lines", "blocks", "meetings", "paper_date"),
          writes=("membership", "attendance", "change", "position", "paper_body"))
def extract_members(doc: Document, context: Context):
    out = _Emitter(doc, context)
    blocks = doc.blocks
    role: str | None = None
    heading: str | None = None
    table: dict[str, Any] | None = None
    caption: str | None = None
    i = 0
    while i < len(blocks):
        block = blocks[i]
        text = clean_text(block.text)
        # captions like "Table 1: X Steering Group Membership"
        if block.kind != "table_row" and re.search(r"\bmembership\b", text, re.I) and len(text) < 120:
            caption = text
        # tables with a header row
        if block.kind == "table_row" and len([c for c in block.cells if c]) >= 2 and block.cells[0] and \
                _HEADER_NAME.match(clean_text(block.cells[0])):
            header = [clean_text(c).lower() for c in block.cells]
            if any(_SHEET_STATUS.search(h) or "apolog" in h or "attend" in h for h in header[1:]):
                table = {"kind": "sheet", "header": header}
            else:
                table = {"kind": "members", "header": header,
                         "body": listing_body(context, block.line, caption)}
            role = None
            i += 1
            continue
        if table is not None:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if block.kind != "table_row" and nxt is not None and nxt.kind == "table_row" \
                    and nxt.line - block.line <= 2 and block.kind != "heading":
                block = Block("table_row", block.line, block.text, (block.text,), block.page)
            if block.kind == "table_row":
                if table["kind"] == "sheet":
                    if _sheet_row(out, context, block, table) is False:
                        table = None
                        continue
                else:
                    _table_row(out, context, block, table)
                i += 1
                continue
            table = None
        inline = _INLINE.match(text) if block.kind in ("paragraph", "list_item") else None
        if inline:
            # "Membership: Councillors A Smith (Chairman), B Jones (Vice-Chairman), C Brown and D White"
            j, joined = i, block.text
            while j + 1 < len(blocks) and blocks[j + 1].kind == "paragraph" and blocks[j + 1].line == blocks[j].line + 1 \
                    and not _INLINE.match(clean_text(blocks[j + 1].text)) and not _STOP.match(clean_text(blocks[j + 1].text)):
                j += 1
                joined = f"{joined.rstrip()} {blocks[j].text.strip()}"
                text = clean_text(joined)
            inline = _INLINE.match(text)
            _inline_members(out, context, block, inline, heading)
            i = j + 1
            continue
        section = _section_role(text) if block.kind != "table_row" or len([c for c in block.cells if c]) <= 1 else None
        if section:
            role = section
            heading = text if re.search(r"membership", text, re.I) else heading
            i += 1
            continue
        entries = _row_people(block) if block.kind in ("table_row", "paragraph", "list_item") else None
        if entries and (role or (_strong(entries) and block.kind == "table_row") or _titled_run(context, blocks, i)):
            if role is None:
                # a headerless list needs a second such row to start
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                nxt_entries = _row_people(nxt) if nxt is not None else None
                if not (nxt_entries and _strong(nxt_entries)):
                    i += 1
                    continue
                role = "member"
            body = listing_body(context, block.line, heading)
            for person, post, cell in entries:
                out.member(block, person, post, role, body, cell, "membership_list")
            i += 1
            continue
        if role and (_STOP.match(text) or block.kind in ("paragraph", "list_item", "heading", "table_row")):
            role = None
            heading = None
        i += 1
    yield from out.facts


#: a membership list written as one sentence after its heading
_INLINE = re.compile(r"^(?P<head>(?:(?:committee|board|panel|voting|non-voting|co-opted|substitute|reserve)\s+)?"
                     r"(?:members(?:hip)?|councillors))\s*:\s*(?P<rest>\S.{5,})$", re.I)


def _inline_members(out: _Emitter, context: Context, block: Block, m: re.Match, heading: str | None) -> None:
    head = m.group("head").lower()
    if re.match(r"substitute|reserve", head):
        return  # named substitutes are not members of the body
    if len(sections(m.group("rest"))) > 0:
        return  # "Board Members: A B Executive Team in attendance: C": a run-on attendance record
    parts = split_names(m.group("rest").rstrip(". "))
    shared = []  # "Councillors A, B and C": the plural title covers every name
    first_titles = parse_person(parts[0]).titles if parts and parse_person(parts[0]) else []
    if parts and re.match(r"(?:councillors|cllrs)\b", parts[0], re.I):
        shared = first_titles
    entries = []
    for part in parts:
        person, post = _entry(part)
        if person is None or not looks_like_name(person.name):
            return  # not a list of names after all
        if shared and not person.titles:
            person = PersonName(person.name, person.surface, list(shared), person.honours)
        entries.append((person, post, part))
    body = listing_body(context, block.line, heading)
    for person, post, part in entries:
        affiliation = None
        if head.startswith("co-opted"):
            # "Mr D Fenwick (Westmarch Association of Parish Councils)": the bracket names whom they represent
            post_only, org = split_post(post) if post else (None, None)
            affiliation = org if org and not post_only else None
            post = "Co-opted Member" if affiliation or not post else f"Co-opted Member, {post}"
        before = len(out.facts)
        out.member(block, person, post, "member", body, part, "membership_list")
        if affiliation:
            for fact in out.facts[before:]:
                fact.fields["affiliation" if fact.type == "membership" else "organisation"] = affiliation


def _table_row(out: _Emitter, context: Context, block: Block, table: dict[str, Any]) -> None:
    cells = [clean_text(c) for c in block.cells]
    if not cells or not cells[0]:
        return
    header = table["header"]
    role_col = next((k for k, h in enumerate(header) if k and h.startswith("role")), None)
    post_cols = [k for k, h in enumerate(header) if k and k != role_col]
    role_text = cells[role_col] if role_col is not None and role_col < len(cells) else ""
    role = "member"
    if re.match(r"^(?:co-?chair|vice-?chair|chair)\b", role_text, re.I):
        role = _norm_role(re.match(r"^(\S+)", role_text).group(1))
    elif re.search(r"\b(?:officer|operational lead|secretariat|support)\b", role_text, re.I):
        role = "officer"
    post = ", ".join(cells[k] for k in post_cols if k < len(cells) and cells[k])
    if _VACANT.search(cells[0]) and not looks_like_name(cells[0].split(" - ")[0]):
        out.member(block, None, post, "vacancy", table["body"], block.text, "membership_table")
        return
    names = [n for n in re.split(r"\s*/\s*", re.sub(r"\s*\((?:shared|job share|joint)\)\s*", "", cells[0], flags=re.I))]
    for raw in names:
        person = parse_person(raw)
        if person is None or not looks_like_name(person.name):
            continue
        out.member(block, person, post, role, table["body"], block.text, "membership_table")


def _org_post(text: str) -> str:
    """'Anytown Council, Head of Safety' (organisation first) -> 'Head of Safety, Anytown Council'."""
    text = clean_text(text)
    parts = [p.strip() for p in text.split(",", 1)]
    if len(parts) == 2 and parts[0] and parts[1]:
        post0, org0 = split_post(parts[0])
        if org0 and not post0 and (not split_post(parts[1])[1] or _LEAD_POST.match(parts[1])):
            return f"{parts[1]}, {parts[0]}"
    return text


def _sheet_row(out: _Emitter, context: Context, block: Block, table: dict[str, Any] | None = None) -> bool | None:
    """An attendance-sheet row: invited member | status | colleague attending on their behalf."""
    cells = [clean_text(c) for c in block.cells]
    if cells and not cells[0] and len([c for c in cells if c]) >= 2:
        return False  # a new table's header row ("| Item | Key points | Actions")
    if not cells or not cells[0]:
        return None
    if re.match(r"^(?:\d+(?:\.\d+)*\.?|item\s+\d+)$", cells[0], re.I):
        return False  # numbered agenda/action rows: the sheet has ended
    body = listing_body(context, block.line, None)
    meeting = meeting_before(context, block.line, ("attendance", "notes", "minutes", "agenda"))
    header = table.get("header") or []
    status_col = next((k for k, h in enumerate(header) if k and (_SHEET_STATUS.search(h) or "apolog" in h
                                                                  or h == "attendance")), None)
    sub_col = next((k for k, h in enumerate(header) if k and re.search(r"substitut|on behalf|deputy|representing|"
                                                                      r"attending for|in place of", h)), None)
    post_cols = [k for k, h in enumerate(header) if k and k not in (status_col, sub_col)]
    if status_col is None:  # legacy three-column sheet: member | status | substitute
        status_col, sub_col, post_cols = 1, 2, []

    def cell(k: int | None) -> str:
        return cells[k] if k is not None and k < len(cells) else ""

    status_text = cell(status_col)
    sub_text = cell(sub_col)
    first = cells[0]
    m = re.match(r"^in attendance(?: as (?P<as>[^:]+))?:\s*(?P<names>.+)$", first, re.I)
    if m:
        post = clean_text(m.group("as") or "") or None
        post_only, org = split_post(post or "")
        for raw in split_names(m.group("names")):
            person = parse_person(raw)
            if person and looks_like_name(person.name):
                out.facts.append(Fact("membership", {
                    "person": person.name, "body": body, "role": "adviser", "post": post and re.sub(r"s\b", "", post, 1),
                    "affiliation": org, "as_of": listing_date(context, block.line), "source": "attendance_sheet",
                    "surface": person.surface, "titles": person.titles}, line=block.line, quote=quote(block.text)))
                _attend(out, block, meeting, person, "officer_in_attendance", None)
                if post:  # "In attendance as LBH advisors to the Board": each holds that post
                    out.position(block, person, re.sub(r"s\b", "", post, 1), org, listing_date(context, block.line),
                                 block.text)
        return
    person, post = _entry(first)
    if person is None and not _VACANT.search(first):
        return None  # a wrapped continuation of the row above
    extra = _org_post(", ".join(cell(k) for k in post_cols if cell(k)))
    if extra:
        post = f"{post}, {extra}" if post and not re.fullmatch(r"\(?(?:co-?|vice-?)?chair\)?", post, re.I) \
            else (f"({post}) {extra}" if post else extra)
    out.member(block, person, post, "member", body, block.text, "attendance_sheet")
    if person is None:
        return
    status = None
    if re.search(r"apolog|absent|not present|did not attend", status_text, re.I):
        status = "apologies"
    elif re.search(r"\bas\s+(?:a\s+)?substitute\b", status_text, re.I):
        status = "substitute"  # "Present as substitute" (ModernGov attendance pages)
    elif re.search(r"in attendance", status_text, re.I) and re.search(r"\bofficer\b", post or "", re.I):
        status = "officer_in_attendance"
    elif re.search(r"attend|present", status_text, re.I):
        status = "present"
    if status:
        _attend(out, block, meeting, person, status, None)
    if sub_text:
        sub, sub_post = split_name_post(sub_text)
        if sub is not None:
            _attend(out, block, meeting, sub, "substitute", person.name)
            post_only, org = split_post(sub_post)
            if post_only or org:
                out.position(block, sub, post_only, org, listing_date(context, block.line), sub_text)


def _attend(out: _Emitter, block: Block, meeting: dict | None, person: PersonName, status: str,
            substitute_for: str | None) -> None:
    mode = None if status == "apologies" else ((meeting or {}).get("mode") or "in_person")
    out.facts.append(Fact("attendance", {
        "person": person.name, "meeting": meeting["id"] if meeting else None,
        "date": meeting["date"] if meeting else None, "status": status, "substitute_for": substitute_for,
        "mode": mode, "surface": person.surface, "titles": person.titles}, line=block.line, quote=quote(block.text)))
