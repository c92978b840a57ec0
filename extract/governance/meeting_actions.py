"""Actions agreed at meetings: "Action: <owner>" lines in minutes and the actions column of meeting notes.

Minutes number their items ("7. Public Questions", "7.9 ...", "7.10 ..."); an "Action:" /
"ACTION:" / "Actions:" line under item N records an action of that meeting. Its id is
`{body initials}-{meeting date}/{N}`, or `/{N.M}` (the paragraph it follows) when item N
records several actions or when that paragraph itself records the agreement with the
marker's owner ("it was agreed that the Parks Team would ..." / "Action: Parks Team"). The initials are those of the body's name without its place and
without "and"/"of"/"the" ("Anytown Health and Wellbeing Board" -> HWB). The marker names
the owner(s) ("Action: Parks Team") or states the action itself ("Action: Jo Bloggs to
circulate the slides"); when it names only owners the action is the paragraph before it.

Meeting notes without minute numbers often print a table "Item | Actions | Assigned":
each paragraph of the actions column is an action, numbered `/A1`, `/A2`, ... in order.
Continuation paragraphs (starting in lower case or with punctuation) join the one before.

Owners that are organisations become `leads`; people go to `lead_persons`. Only the
meeting's minutes or notes (meeting facts of role minutes/notes) are read: an id needs
the meeting's body and date.
"""
from __future__ import annotations

import re
from typing import Any

from extract.governance.common import clean, quote_of
from extract.names import looks_like_name, strip_titles
from extract.organisations import _GENERIC, _HEADS, is_org
from extract.pipeline import Context, register
from extract.records import Document, Fact

_MARKER = re.compile(r"^[\s*_#>•\-]*(?:ACTIONS?|Actions?)(?:\s+(?:by|for|owner))?\s*(?::|\s[-–—])\s*(?P<rest>.*)$")
_SUB = re.compile(r"^[\s*_#>•\-]*(?P<n>\d{1,2})\.(?P<m>\d{1,2})\.?\s+\S")
_TOP = re.compile(r"^[\s*_#>]*(?:(?:item|minute)\s+)?(?P<n>\d{1,2})\.?\s+(?P<title>[A-Z].*)$", re.IGNORECASE)
_NONE = re.compile(r"^(?:n/?a|none|nil|no actions?|-+|–|tbc|tbd)\.?$", re.IGNORECASE)
_SMALL = {"and", "of", "the", "for", "&", "on", "in", "to", "with", "a", "an"}
_SUBJECT = re.compile(r"^(?P<subj>[A-Z][^.;:]{0,90}?)\s+(?:to|will|would|should|must)\s+(?P<verb>[a-z]+)\b")
_CUE = re.compile(r"\b(?:agreed|would|will|to be|report(?:ed)? back|circulated?|undertook|action)\b", re.IGNORECASE)
_WEAK_CUE = re.compile(r"\b(?:suggested|proposed|requested|asked(?!\s+(?:if|whether|about|what|how|why|who|when|"
                       r"for clarification)\b))\b", re.IGNORECASE)
_ACTIONS_HEAD = re.compile(r"^\s*(?:agreed\s+)?actions?(?:\s+(?:agreed|required|arising))?\s*$", re.IGNORECASE)
_OWNER_HEAD = re.compile(r"\b(?:assigned|owner|lead|responsib|by whom|who)\b", re.IGNORECASE)
_TRACKER_HEAD = re.compile(r"\b(?:status|ref|deadline|due|completed|meeting date|rag|update|response)\b",
                           re.IGNORECASE)
_P_SPLIT = re.compile(r"</p>|<p\b[^>]*>|<br\s*/?>|</li>|<li\b[^>]*>", re.IGNORECASE)


# ---------------------------------------------------------------------------- names

def initials(body: str, place: str | None = None) -> str:
    """'Anytown Health and Wellbeing Board' (place Anytown) -> 'HWB'."""
    words = clean(body).replace("’", "'").split()
    if place:
        pw = place.split()
        if [w.lower() for w in words[:len(pw)]] == [w.lower() for w in pw] and len(words) > len(pw) + 1:
            words = words[len(pw):]
    return "".join(w[0].upper() for w in words if w.lower() not in _SMALL and w[:1].isalpha())


def body_place(body: str, doc: Document, place: str | None) -> str | None:
    """The place word(s) a body's name starts with: the paper's place, or a leading word the paper
    drops when it names the body alone ("Anytown Parks Board" printed elsewhere as "Parks Board")."""
    words = body.split()
    if place and body.lower().startswith(place.lower() + " "):
        return place
    if len(words) >= 3 and words[0][:1].isupper() and words[0].lower() not in _GENERIC | _HEADS | _SMALL \
            and words[1][:1].isupper() and words[1].lower() not in _SMALL:
        rest = " ".join(words[1:])
        pat = re.compile(r"(?<![\w'’])" + re.escape(rest) + r"\b", re.IGNORECASE)
        first = words[0].lower()
        for line in doc.lines:
            for m in pat.finditer(line):
                before = line[:m.start()].rstrip().split()
                if not before or before[-1].lower().strip("'’s") != first:
                    return words[0]
    return None


def people_so_far(context: Context) -> dict[str, str]:
    """Lower-cased surface -> canonical name of the people read so far."""
    out: dict[str, str] = {}
    for f in context.facts:  # people of membership lists and attendance, before resolution names them
        name = f.fields.get("person") if f.type in ("membership", "attendance", "position") else None
        if isinstance(name, str) and name:
            rest = strip_titles(name)[0]
            out.setdefault(name.lower(), rest)
            out.setdefault(rest.lower(), rest)
    for f in context.of_type("person"):
        name = f.fields.get("name")
        for v in [name, *(f.fields.get("variants") or [])]:
            if isinstance(v, str) and v and name:
                out[v.lower()] = name
    return out


def orgs_so_far(context: Context) -> set[str]:
    out = set()
    for f in context.of_type("organisation"):
        for v in [f.fields.get("name"), *(f.fields.get("variants") or [])]:
            if isinstance(v, str) and v:
                out.add(v.lower())
    return out


def classify(owner: str, people: dict[str, str], orgs: set[str]) -> tuple[str, str] | None:
    """('org', name) or ('person', name) for an owner, or None when it is neither."""
    text = clean(owner).strip(" .,;:*")
    if not text or _NONE.match(text) or len(text.split()) > 10:
        return None
    low = text.lower()
    if low in orgs:
        return "org", text
    rest, titles = strip_titles(text)
    words = rest.replace(",", " ").split()
    if any(w.lower().strip("'’s") in _HEADS for w in words) or is_org(text) or \
            (words and re.fullmatch(r"[A-Z][A-Z&]{1,7}", words[0])):
        return "org", text
    if low in people or rest.lower() in people:
        return "person", people.get(low) or people[rest.lower()]
    if titles and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        surname = words[-1].lower()
        same = {c for s, c in people.items() if c.lower().split()[-1:] == [surname]}
        return "person", same.pop() if len(same) == 1 else rest
    if looks_like_name(rest):
        return "person", rest
    return None


def split_owners(text: str) -> list[str]:
    """'Jo Bloggs, Parks Team & Sam Smith' -> three owners; 'Policy and Partnerships' stays whole."""
    out: list[str] = []
    for part in re.split(r"\s*[,;/\n]\s*", clean(text)):
        part = re.sub(r"^(?:and|&)\s+", "", part.strip(" .*")).strip()
        if not part:
            continue
        pieces = re.split(r"\s+(?:and|&)\s+", part)
        if len(pieces) > 1 and all(looks_like_name(strip_titles(p)[0]) or strip_titles(p)[1] for p in pieces):
            out.extend(pieces)
        else:
            out.append(part)
    return out


def _owners(names: list[str], people: dict[str, str], orgs: set[str]) -> tuple[list[str], list[str]]:
    leads: list[str] = []
    persons: list[str] = []
    for name in names:
        kind = classify(name, people, orgs)
        if kind is None:
            continue
        target = leads if kind[0] == "org" else persons
        if kind[1] not in target:
            target.append(kind[1])
    return leads, persons


def subject_of(text: str) -> str | None:
    """'LBH Policy Team to use all feedback' -> 'LBH Policy Team'."""
    m = _SUBJECT.match(clean(text))
    if not m or len(m.group("subj").split()) > 8:
        return None
    return m.group("subj")


# ---------------------------------------------------------------------------- sections

def _sections(context: Context, doc: Document) -> list[dict[str, Any]]:
    """Minutes and notes sections: meeting, first and last line."""
    meetings = sorted(context.of_type("meeting"), key=lambda f: f.line)
    out = []
    for i, f in enumerate(meetings):
        if f.fields.get("role") not in ("minutes", "notes") or not f.fields.get("date") or not f.fields.get("body"):
            continue
        end = len(doc.lines)
        for g in meetings[i + 1:]:
            if g.line > f.line and (g.fields.get("id") != f.fields.get("id") or g.fields.get("role") == "agenda"):
                end = g.line - 1
                break
        if out and out[-1]["meeting"].fields.get("id") == f.fields.get("id") and out[-1]["end"] >= f.line:
            continue
        out.append({"meeting": f, "start": f.line, "end": end})
    return out


def _marker_owner_lines(doc: Document, line: int, rest: str, end: int) -> tuple[str, int]:
    """The owners of a marker, with names carried on to the next lines inside an unclosed '**'."""
    raw = doc.line(line)
    last = line
    if raw.count("**") % 2 == 1:
        for n in range(line + 1, min(line + 4, end) + 1):
            nxt = doc.line(n)
            if not nxt.strip():
                break
            rest = f"{rest}\n{nxt}"
            last = n
            if "**" in nxt:
                break
    return rest, last


def _text_before(paras: list[tuple[int, str]]) -> str:
    """The action a marker naming only owners records: a sentence of the paragraph before it."""
    if not paras:
        return ""
    text = re.sub(r"^[\s*_\-•]*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", paras[-1][1])
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", clean(text)) if s.strip()]
    cued = [s for s in sentences if _CUE.search(s)]
    weak = [s for s in sentences if _WEAK_CUE.search(s)]
    return (cued or weak or sentences or [""])[-1]


_AGREED = re.compile(r"\bagreed\s+that\s+(?:the\s+)?(?P<who>[A-Z][\w'’&-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w'’&-]*){0,6})"
                     r"\s+(?:would|will|should|to)\b")


def _agreed_with(paras: list[tuple[int, str]], owners: list[str]) -> bool:
    """True when the paragraph before a marker records the agreement itself, naming one of its owners
    ("it was agreed that the Parks Team would ..." before "Action: Anytown Parks Team")."""
    if not paras:
        return False
    for m in _AGREED.finditer(clean(paras[-1][1])):
        who = m.group("who").lower()
        for o in owners:
            o = strip_titles(clean(o))[0].lower()
            if o and (o == who or o.endswith(" " + who) or who.endswith(" " + o)):
                return True
    return False


def minutes_actions(doc: Document, section: dict[str, Any], people: dict[str, str], orgs: set[str]) -> list[dict]:
    """Raw actions of one minutes section: item, paragraph number, text, owners, line."""
    found: list[dict] = []
    item: int | None = None
    sub: str | None = None
    paras: list[tuple[int, str]] = []
    n = section["start"]
    while n <= section["end"]:
        raw = doc.line(n)
        text = clean(raw)
        if not text:
            n += 1
            continue
        m = _MARKER.match(raw.replace("**", "").replace("__", ""))
        if m and item is not None:
            rest, last = _marker_owner_lines(doc, n, m.group("rest"), section["end"])
            rest = clean(rest.replace("\n", ", ")) if "\n" in rest else clean(rest)
            rest = rest.strip(" *")
            if rest and not _NONE.match(rest):
                subj = subject_of(rest)
                if subj:
                    owners, action = split_owners(subj), rest
                else:
                    owners, action = split_owners(rest), _text_before(paras)
                    if not _owners(owners, people, orgs)[0] and not _owners(owners, people, orgs)[1] \
                            and len(rest.split()) >= 4:
                        owners, action = [], rest  # "Action: Circulate the slides to members"
                leads, persons = _owners(owners, people, orgs)
                own_para = not subj and sub is not None and _agreed_with(paras, owners)
                found.append({"item": item, "sub": sub, "own_para": own_para, "text": action or rest, "leads": leads,
                              "persons": persons, "line": n, "quote": quote_of(raw, clean(raw))})
            n = last + 1
            continue
        sm = _SUB.match(raw)
        if sm:
            item, sub = int(sm.group("n")), f"{int(sm.group('n'))}.{int(sm.group('m'))}"
            paras.append((n, text))
            n += 1
            continue
        tm = _TOP.match(raw)
        if tm and len(tm.group("title").split()) <= 20:
            k = int(tm.group("n"))
            if item is None or item <= k <= item + 3:
                if k != item:
                    sub = None
                    paras = []
                item = k
                n += 1
                continue
        paras.append((n, text))
        n += 1
    return found


# ---------------------------------------------------------------------------- notes tables

def _cells(doc: Document, line: int) -> list[str]:
    raw = doc.line(line)
    if "\t" in raw:
        return raw.split("\t")
    if raw.strip().startswith("|"):
        return [c for c in raw.strip().strip("|").split("|")]
    return []


def _paragraphs(cell: str) -> list[str]:
    parts = [clean(p) for p in _P_SPLIT.split(cell or "")] if re.search(r"<(?:p|br|li)\b", cell or "", re.I) \
        else [clean(cell)]
    return [p for p in parts if p and not re.fullmatch(r"[-–|:]+", p)]


def _continues(text: str) -> bool:
    return bool(re.match(r"^[a-z.,;:)\-–]", text))


def table_actions(doc: Document, section: dict[str, Any], skip_lines: set[int]) -> list[dict]:
    """Raw actions of the 'Actions | Assigned' tables of one notes/minutes section, in order."""
    found: list[dict] = []
    n = section["start"]
    while n <= section["end"]:
        header = [clean(c) for c in _cells(doc, n)]
        act = [i for i, c in enumerate(header) if _ACTIONS_HEAD.match(c)]
        own = [i for i, c in enumerate(header) if c and _OWNER_HEAD.search(c) and len(c) < 40]
        if not act or not own or any(_TRACKER_HEAD.search(c) for c in header if c) or \
                any(len(c) > 40 for c in header):
            n += 1
            continue
        ai, oi, width = act[0], own[0], len(header)
        if any(re.search(r"principle|alignment|priorit", c, re.IGNORECASE) for c in header):
            n += 1
            continue
        table: list[dict] = []
        rows: list[int] = []
        n += 1
        while n <= section["end"]:
            raw = doc.line(n)
            if not raw.strip() or re.fullmatch(r"[\s\-–|:]+", raw):
                n += 1
                continue
            cells = _cells(doc, n)
            if not cells:
                break
            rows.append(n)
            first_is_item = bool(re.fullmatch(r"\s*(?:<p>)?\s*\d{1,2}\.?\s*(?:</p>)?\s*", cells[0]))
            offset = width - len(cells) if len(cells) < width and not first_is_item else 0
            by_col = {i + offset: c for i, c in enumerate(cells)}
            acts = _paragraphs(by_col.get(ai, ""))
            owners = _paragraphs(by_col.get(oi, ""))
            acts = [a for a in acts if not _NONE.match(a)]
            if not acts:
                n += 1
                continue
            new: list[str] = []
            for a in acts:
                if _continues(a) and (new or table):
                    if new:
                        new[-1] = f"{new[-1]} {a}".replace(" .", ".")
                    else:
                        table[-1]["text"] = f"{table[-1]['text']} {a}".replace(" .", ".")
                elif not new and not owners and table and _continues(acts[0]):
                    table[-1]["text"] = f"{table[-1]['text']} {a}"
                else:
                    new.append(a)
            owners = [o for o in owners if not _NONE.match(o)]
            for i, a in enumerate(new):
                if len(owners) == len(new):
                    mine = [owners[i]]
                else:
                    mine = owners
                table.append({"text": a, "owners": [x for o in mine for x in split_owners(o)], "line": n,
                              "quote": quote_of(doc.line(n), a)})
            n += 1
        if not skip_lines.intersection(rows):  # rows another extractor read as a strategy's action table
            found.extend(table)
        n += 1
    return found


# ---------------------------------------------------------------------------- extractor

@register("govgraph.meeting_actions.v1", order=64,
          reads=("lines", "meeting", "membership", "attendance", "organisation", "action", "org_mentions"),
          writes=("action",))
def extract_meeting_actions(doc: Document, context: Context):
    sections = _sections(context, doc)
    if not sections:
        return []
    from extract.resolve import paper_place  # resolve imports the pipeline; import late
    people = people_so_far(context)
    orgs = orgs_so_far(context)
    org_names = [v for f in context.of_type("organisation") for v in [f.fields.get("name")] if isinstance(v, str)]
    org_names += [o for o, _, _ in context.shared.org_mentions if isinstance(o, str)]
    place = paper_place(doc.lines, org_names)
    seen = {f.fields.get("id") for f in context.of_type("action")}
    table_lines = {f.line for f in context.of_type("action")}
    facts: list[Fact] = []
    for sec in sections:
        meeting = sec["meeting"]
        body, date = meeting.fields["body"], meeting.fields["date"]
        ini = initials(body, body_place(body, doc, place))
        if len(ini) < 2:
            continue
        base = f"{ini}-{date}"
        plan = f"{body} action tracker"
        raw = minutes_actions(doc, sec, people, orgs)
        per_item: dict[int, int] = {}
        for a in raw:
            per_item[a["item"]] = per_item.get(a["item"], 0) + 1
        out: list[tuple[str, dict]] = []
        for a in raw:
            num = a["sub"] if a["sub"] and (per_item[a["item"]] > 1 or a["own_para"]) else str(a["item"])
            out.append((f"{base}/{num}", a))
        for i, a in enumerate(table_actions(doc, sec, table_lines), 1):
            subj = subject_of(a["text"])
            leads, persons = _owners(([subj] if subj else []) + a["owners"], people, orgs)
            out.append((f"{base}/A{i}", {**a, "leads": leads, "persons": persons}))
        local: set[str] = set()
        for aid, a in out:
            k, unique = 2, aid
            while unique in local:
                unique = f"{aid}-{k}"
                k += 1
            local.add(unique)
            if unique in seen:
                continue  # the same minutes printed twice in one pack
            seen.add(unique)
            fields = {"id": unique, "text": a["text"], "plan": plan, "leads": a["leads"],
                      "lead_persons": a["persons"], "meeting": meeting.fields.get("id")}
            facts.append(Fact("action", fields, a["line"], a["quote"], confidence=0.8))
    return facts
