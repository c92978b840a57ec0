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
        if person is None and role != "vacancy" and (_VACANT.search(f"{post} {quote_text}") or not (post_only or org)):
            role = "vacancy"  # a place with nobody named is a vacancy, unless a post or organisation holds it
        if body or person is None:  # a membership of no known body says nothing; the person's post still counts
            self.facts.append(Fact("membership", {
                "person": name, "body": body, "role": role,
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
            if _VACANT.search(cell) and len(cell.split()) <= 10:  # a row, not a sentence that mentions a vacancy
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
    _roster_lists(out, context, blocks)
    _roster_counts(out, context, blocks)
    _prose_vacancies(out, context, blocks)
    yield from out.facts


#: the lead-in of a membership list of posts and organisations: "The Board shall comprise the following:",
#: "The strategic board partners include:", "The membership comprises the Director of ..., a representative of ..."
_ROSTER_LEAD = re.compile(r"\b(?:shall\s+|will\s+|is\s+to\s+|to\s+)?(?:comprises?|comprising|consists?\s+of|"
                          r"(?:be|is|was|are|were)\s+made\s+up\s+of|"
                          r"(?:membership|members|partners)(?:\s+of\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:and\s+|of\s+|&\s+)?"
                          r"[A-Z][\w’'&-]*)*)?\s+(?:are|is|include|includes|will\s+be|shall\s+be)|"
                          r"includes?\s+representatives?\s+(?:from|of))\s*(?:the\s+following\b)?\s*:?\s*", re.I)
#: a heading of such a list: "Core members", "Statutory partners:", "By invitation"
_ROSTER_HEAD = re.compile(r"^(?:(?P<invited>(?:attendance\s+)?by\s+invitation|standing\s+invitees|invited\s+to\s+attend)|"
                          r"(?:core|statutory|voting|non-voting|full|board|standing|strategic\s+board)\s+"
                          r"(?:members(?:hip)?|partners))\s*:?$", re.I)
_ROSTER_MARK = re.compile(r"^\s*(?:[-*\u2022\u00b7\u25aa\u25cf\u25e6]\s*|o\s+|\(?(?:[ivx]{1,5}|[a-z]|\d{1,2})[.)]\s+)")
#: not a statement of who sits on the body: a proposal, a question, a negation
_ROSTER_NOT = re.compile(r"\b(?:propos(?:ed|al|es?)|asked\s+to\s+consider|consider\s+whether|suggested|could|might|"
                         r"should|would|not|no\s+longer|whether|if|may)\b", re.I)
_PUT_FORWARD = re.compile(r"^(?P<post>.+?)\s+(?:put\s+forward|nominated|appointed|chosen)\s+by\s+(?:the\s+)?(?P<org>.+)$", re.I)
_REPRESENTATIVE = re.compile(r"^(?:(?:a|an|one|two|three|four|five)\s+)?(?P<post>(?:[\w-]+\s+)?representatives?)\s+"
                             r"(?:of|from|for)\s+(?:the\s+|each\s+of\s+the\s+)?(?P<org>.+)$", re.I)


#: an item that is a clause, not a post or an organisation ("experts who advise", "Members" as a footnote)
_NOT_ITEM = re.compile(r"\b(?:is|are|was|were|includes?|who|which|that|will|has|have|had)\b|^(?i:members?|partners?)$|:|"
                       r"^(?!(?:(?i:the|a|an|one|two|three|four|five|six|each)\s+)?(?:[A-Z0-9]|representatives?\b))")


_ORG_ITEM = re.compile(r"^(?:Association|Federation|Office|Alliance|Network|Confederation|Society|Union)\s+(?:of|for)\s+[A-Z]")


def _roster_items(text: str) -> list[str]:
    """The items of a list written in one sentence: "the A; the B and a representative of the C"."""
    text = re.split(r"(?<=[a-z)])\.\s", text)[0]
    parts = re.split(r"\s*;\s*(?:and\s+)?|,\s*(?:and\s+)?(?=(?:the|a|an|one|two|three|four|five|each)\s|[A-Z])|"
                     r"\s+and\s+(?=(?:the|a|an|one|two|three|four|five|each)\s)", text)
    out = []
    for part in (clean_text(x).strip(" .;,") for x in parts):
        names = find_org_mentions(part)
        joined = r"\s*(?:,|and|&)?\s*(?:the\s+)?".join(map(re.escape, names))
        if len(names) >= 2 and re.fullmatch(rf"(?:the\s+)?{joined}", part):
            out.extend(names)  # "the Fire and Rescue Service and Anytown Council": two bodies
        elif part:
            out.append(part)
    return out


def _roster_entry(item: str, default_post: str | None) -> tuple[str, str | None, str | None] | None:
    """(role, post, affiliation) of one item of a roster; None when it names a person or nothing."""
    item = clean_text(_ROSTER_MARK.sub("", item)).strip(" *;,.")
    item = re.sub(r"^(?:and|the)\s+", "", item, flags=re.I).strip()
    if not item or len(item.split()) > 25 or item.endswith(":") or _NOT_ITEM.search(item):
        return None
    person, _ = _entry(item)
    if person is not None and looks_like_name(person.name):
        return None  # a named member: the list readers above have it
    role, item = _role_from_post(item, "member")
    if _VACANT.search(item):  # "Vacant – Healthwatch representative", "Youth representative (to be appointed)"
        post = clean_text(re.sub(r"\(?\b(?:vacan(?:cy|t)|tbc|tba|to be (?:confirmed|appointed))\b\)?", "", item,
                                 flags=re.I)).strip(" -–:,()")
        return "vacancy", post or None, split_post(post)[1] if post else None
    item = re.sub(r"\s*\((?:[A-Z][\w’'&]*s?|[A-Z]{2,8}[’']?s?)\)", "", item).strip()  # "(NPS)", "(ICB’s)": an acronym
    m = _PUT_FORWARD.match(item) or _REPRESENTATIVE.match(item)
    if m:
        return role, clean_text(m.group("post")), clean_text(m.group("org")).strip(" .") or None
    bracket = re.match(r"^(?P<org>[^()]+?)\s*\((?P<post>[^()]*\brepresentative\b[^()]*)\)$", item, re.I)
    if bracket:  # "Anytown Youth Trust (voluntary sector representative)"
        return role, bracket.group("post"), bracket.group("org")
    whole = re.sub(r"^the\s+", "", item, flags=re.I)
    if whole in find_org_mentions(whole) or _ORG_ITEM.match(whole):
        return role, default_post or "representative", whole
    post, org = split_post(item)
    if org and not post:
        return role, default_post or "representative", org
    return (role, post, org) if post else None


def _roster_body(context: Context, lead: str, line: int, heading: str | None) -> str | None:
    named = [o for o in find_org_mentions(lead) if BODY_HEAD.search(o.split()[-1])]
    return smart_title(named[0]) if named else listing_body(context, line, heading)


def _roster_lists(out: _Emitter, context: Context, blocks: list[Block]) -> None:
    """Memberships by post and by organisation (`person: null`): a lead-in or heading and the items after it,
    or a lead-in sentence that lists them itself. Named people are left to the list readers."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        text = clean_text(_ROSTER_MARK.sub("", block.text))
        head = _ROSTER_HEAD.match(text) if block.kind in ("heading", "paragraph") else None
        lead = _ROSTER_LEAD.search(text) if not head and block.kind in ("paragraph", "list_item") else None
        if not (head or lead) or (lead and _ROSTER_NOT.search(text[:lead.end()])) or len(text) > 400:
            i += 1
            continue
        role = "additional attendee" if head and head.group("invited") else "member"
        default_post = "partner" if re.search(r"\bpartners?\b", text, re.I) else None
        body = _roster_body(context, text[:lead.end()] if lead else "", block.line, None)
        if not body:
            i += 1
            continue
        colon = block.text.rstrip().endswith(":")  # the items follow
        rest = text[lead.end():] if lead else ""
        tail = re.search(r"(?:^|[;,]?\s+(?:and\s+)?)(?:(?:a|an|one)\s+)?(?P<post>representatives?)\s+(?:from|of)\s*:?\s*$", rest, re.I)
        if tail and colon:  # "... the Lead Member and one representative from:": the items below are represented
            default_post, rest = "representative", rest[:tail.start()]
        for item in _roster_items(rest) if rest and (tail or not colon) else []:
            _roster_member(out, block, item, role, default_post, body)
        if not (colon or head):
            i += 1
            continue
        j = i + 1
        marked = j < len(blocks) and (blocks[j].kind == "list_item" or bool(_ROSTER_MARK.match(blocks[j].text)))
        while j < len(blocks) and blocks[j].line - blocks[j - 1].line <= 3 and blocks[j].kind in ("list_item", "paragraph") \
                and (blocks[j].kind == "list_item" or _ROSTER_MARK.match(blocks[j].text)
                     or not marked and len(blocks[j].text.split()) <= 10) \
                and not _ROSTER_LEAD.search(blocks[j].text) and not blocks[j].text.rstrip().endswith(":"):
            _roster_member(out, blocks[j], blocks[j].text, role, default_post, body)
            j += 1
        i = j


#: "Membership: 8 Members: - Anytown Council Members: 4; Westshire Council representatives: 4": places per organisation
_ROSTER_COUNT = re.compile(r"(?P<org>(?:[A-Z][\w&’'-]*\s+(?:(?:and|of|&)\s+)?){0,6}(?:Council|Board|Trust|Authority|"
                           r"Partnership|Service|Police|Commission))\s+(?P<post>members|representatives|councillors)\s*"
                           r"[:=-]\s*(?P<n>\d{1,2})\b", re.IGNORECASE)


def _roster_counts(out: _Emitter, context: Context, blocks: list[Block]) -> None:
    for block in blocks:
        text = clean_text(block.text)
        if not re.match(r"^(?:\d+(?:\.\d+)*\.?\s+)?membership\s*:", text, re.I) or _ROSTER_NOT.search(text):
            continue
        body = listing_body(context, block.line, None)
        for m in _ROSTER_COUNT.finditer(text) if body else []:
            out.facts.append(Fact("membership", {
                "person": None, "body": body, "role": "member", "post": f"{m.group('post').lower()} ({m.group('n')})",
                "affiliation": clean_text(m.group("org")), "as_of": listing_date(context, block.line),
                "source": "membership_list", "surface": None, "titles": []}, line=block.line, quote=quote(m.group(0))))


#: a vacant place stated in prose: "The post of Vice-Chair remains vacant", "one vacancy for a parent governor",
#: "A new Youth Forum representative is to be appointed"
_PROSE_VACANCY = [
    re.compile(r"\b(?:post|seat|place|position|role)\s+of\s+(?:the\s+)?(?P<post>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,6}?)\s+"
               r"(?:is|remains|has\s+been|was)\s+(?:currently\s+|still\s+)?vacant\b"),
    re.compile(r"\b(?:a|one|two|three|four|\d)\s+vacanc(?:y|ies)\s+(?:for|on|in)\s+(?:the\s+|a\s+|an\s+)?"
               r"(?P<post>[\w’'-]+(?:\s+[\w’'-]+){0,6}?)(?=\s*[.,;]|\s+(?:and|which|following|after|since|at)\b|\s*$)",
               re.IGNORECASE),
    re.compile(r"\b(?:a\s+|the\s+)?(?:new\s+)?(?P<post>(?:[\w’'-]+\s+){0,4}(?:[Cc]hair|[Mm]ember|[Rr]epresentative|[Dd]irector|"
               r"[Oo]fficer|[Cc]ouncillor|[Ll]ead|[Gg]overnor|[Tt]rustee))\s+(?:is|are)\s+(?:yet\s+|still\s+)?to\s+be\s+"
               r"(?:appointed|elected|nominated|recruited)\b"),
]


def _prose_vacancies(out: _Emitter, context: Context, blocks: list[Block]) -> None:
    for block in blocks:
        if block.kind not in ("paragraph", "list_item") or len(block.text) > 1500:
            continue
        text = clean_text(block.text)
        for pat in _PROSE_VACANCY:
            for m in pat.finditer(text):
                if _ROSTER_NOT.search(text[max(0, m.start() - 60):m.end()]):
                    continue  # "asked whether the post should be made vacant"
                body = listing_body(context, block.line, None)
                post = re.sub(r"^(?:[\d.()]+\s+|(?:a|an|the|new)\s+)+", "", clean_text(m.group("post")), flags=re.I)
                if body and post:
                    out.facts.append(Fact("membership", {
                        "person": None, "body": body, "role": "vacancy", "post": post,
                        "affiliation": split_post(post)[1], "as_of": listing_date(context, block.line),
                        "source": "membership_list", "surface": None, "titles": []},
                        line=block.line, quote=quote(m.group(0))))


def _roster_member(out: _Emitter, block: Block, item: str, role: str, default_post: str | None, body: str) -> None:
    entry = _roster_entry(item, default_post)
    if entry is None:
        return
    item_role, post, org = entry
    out.facts.append(Fact("membership", {
        "person": None, "body": body, "role": item_role if item_role != "member" else role,
        "post": post, "affiliation": org, "as_of": listing_date(out.context, block.line),
        "source": "membership_list", "surface": None, "titles": []}, line=block.line, quote=quote(item)))


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
            # "Mr D Pellowe (Westmarch Association of Parish Councils)": the bracket names whom they represent
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
