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
"""
from __future__ import annotations

import re

from collections import namedtuple

from extract.governance.common import (ID_AT_START, acronym_definitions, clean, expand_acronym, line_at, paragraphs,
                                       quote_of)
from extract.pipeline import Context, register
from extract.records import Document, Fact

_ORG_HEADS = (r"Board|Partnership|Group|Council|Unit|Team|Service|Services|Trust|CCG|Commission|Committee|Forum|"
              r"Network|Panel|Executive|Cabinet|Authority|Alliance|Agency|Hub|Directorate|Department|Office|"
              r"Police|Healthwatch|Confederation|Foundation|Charity|Programme Board|Steering Group|"
              r"Sub-[Gg]roup|Sub-[Cc]ommittee|Sub-[Bb]oard|Sub-[Pp]anel|Subgroup")
_CAPW = r"[A-Z][\w’'&\-]*"
ORG = (rf"(?:the\s+)?(?:{_CAPW}(?:\s+(?:and|&|of|for|on)\s+|\s+))*?(?:{_ORG_HEADS})s?\b"
       rf"|(?:the\s+)?(?:[A-Z][a-z]+\s+(?:(?:of|and|for)\s+(?:the\s+)?)?){{0,4}}\b[A-Z]{{2,6}}s?\b")
_ORG_RE = re.compile(rf"(?P<org>{ORG})")
PERSON = (r"(?:(?:Cllr|Councillor|Dr|Mayor|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss)\.?\s+)?"
          r"[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,2}")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_NOT_ORG = {"The", "This", "It", "We", "Our", "In", "A", "An", "Page", "Item", "Action", "Report", "Recent", "Local", "New",
            "Both", "All", "Each", "Many", "Some", "Other", "Further", "Current", "Key", "Relevant", "Their", "Its",
            "These", "Those", "With", "From", "By", "For", "To", "And", "At", "On", "As", "If", "When", "While"}


_Unit = namedtuple("_Unit", "kind line")
#: single words that name no body on their own ("the Board", "the Partnership"); "the Council" and
#: "the Police" are left to the resolution pass: a paper has one of each
GENERIC = {"board", "partnership", "panel", "group", "committee", "forum", "network", "unit", "team",
           "service", "services", "trust", "authority", "executive", "cabinet", "alliance", "agency", "hub",
           "office", "department", "directorate", "commission", "steering group", "programme board",
           "partners", "partnerships", "boards", "groups"}


def clean_body(name: str | None) -> str | None:
    """A body name from another extractor, or None when it is a field or a phrase, not a name.

    'Presented to the X Board' -> 'X Board'; 'Venue: Committee Room 2, ...' -> None.
    """
    if not name:
        return None
    name = re.sub(r"^(?:[A-Z][a-z]+\s+)?(?:to|by|for|from|at)\s+the\s+(?=[A-Z])", "", name.strip())
    if ":" in name or "(" in name and ")" not in name or len(name.split()) > 10 or not name[:1].isupper():
        return None
    if re.search(r"\b(?:Room|Venue|Centre|Hall|Street|Road|Floor)\b", name) and \
            not re.search(rf"(?:{_ORG_HEADS})s?$", name):
        return None
    return name


def _clean_org(text: str) -> str | None:
    text = re.sub(r"^(?:the|a|an|our|its)\s+", "", text.strip(), flags=re.IGNORECASE).strip(" ,.;:")
    words = text.split()
    while words and words[0] in _NOT_ORG and len(words) > 1:
        words = words[1:]
    text = " ".join(words)
    if not text or len(text) < 2 or text in _NOT_ORG:
        return None
    return text


def _person_name(text: str) -> str:
    return re.sub(r"^(?:Cllr|Councillor|Dr|Mayor|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss)\.?\s+", "", text).strip()


class Rel:
    def __init__(self, doc: Document, context: Context | None = None):
        self.doc = doc
        self.facts: list[Fact] = []
        self.seen: set[tuple[str, str, str]] = set()
        self.orgs: dict[str, Fact] = {}
        self.defs = (context.cache.get("governance.acronyms") if context else None) or acronym_definitions(doc)
        self.doc_text_low = " ".join(" ".join(doc.lines).split()).lower()
        self.known_names = {o.lower() for o, *_ in (context.cache.get("org_mentions") or [] if context else [])}
        self.known_names |= {f.fields["name"].lower() for f in (context.of_type("organisation") if context else [])
                             if f.fields.get("name")}
        self.person_names = {v.lower() for f in (context.of_type("person") if context else [])
                             for v in [f.fields.get("name"), *(f.fields.get("variants") or [])] if v}
        self.doc_text = " ".join(" ".join(doc.lines).split())
        self.own_bodies: list[str] = []
        for f in (context.of_type("meeting") if context else []):
            body = clean_body(f.fields.get("body"))
            if body and body not in self.own_bodies:
                self.own_bodies.append(body)

    @staticmethod
    def junk(name: str) -> bool:
        """Field labels, lower-case phrases and bare generic words are not bodies."""
        low = name.lower().removeprefix("the ")
        return (":" in name or low in GENERIC
                or (not name[:1].isupper() and not name[:1].isdigit() and len(name.split()) < 2)
                or bool(re.fullmatch(r"(?:(?:deputy|assistant|interim|acting)\s+)?(?:chief\s+executive|director|"
                                     r"chair|vice[- ]chair|leader|mayor|manager|officer)", low)))

    def known_orgs(self) -> dict[str, int]:
        if not hasattr(self, "_known"):
            from collections import Counter
            counts: Counter = Counter()
            for b in self.doc.blocks:
                for m in _ORG_RE.finditer(clean(b.text)):
                    org = _clean_org(m.group("org"))
                    if org and len(org.split()) >= 2 and not org.split()[0].islower():
                        counts[org] += 1
            self._known = dict(counts)
        return self._known

    def resolve(self, name: str) -> str:
        """A bare generic name ("the Council", "the Police") as the body of that kind the paper names:
        the paper's own body when it is one, else the one named most. An acronym the paper
        defines becomes the name it stands for; "Y of X" becomes "X Y" when the paper uses that."""
        name = expand_acronym(name, self.defs)
        m = re.match(r"^(?P<y>.+?)\s+of\s+(?P<x>[A-Z].+)$", name)
        if m:
            flipped = f"{m.group('x')} {m.group('y')}"
            if flipped.lower() in self.doc_text_low:
                return flipped
        if len(name.split()) != 1 or not name[:1].isupper() or name.isupper():
            return name
        word = name.lower()
        own = [b for b in self.own_bodies if re.search(rf"\b{re.escape(word)}$", b.lower())]
        if own:
            return own[0]
        best = [(n, o) for o, n in self.known_orgs().items()
                if re.search(rf"\b{re.escape(word)}(?: service)?$", o.lower()) and len(o.split()) <= 5
                and " and " not in o.lower() and not re.search(r"['’]s\b", o)]
        return max(best)[1] if best else name

    def add(self, subject: str | None, relation: str, obj: str | None, line: int, quote: str, conf: float,
            subject_is_org: bool = False, object_is_org: bool = False) -> None:
        if not subject or not obj:
            return
        if subject_is_org:
            subject = self.resolve(subject)
        if object_is_org:
            obj = self.resolve(obj)
        if (subject_is_org and self.junk(subject)) or (object_is_org and self.junk(obj)):
            return
        if subject.lower() == obj.lower():
            return
        key = (subject.lower(), relation, obj.lower())
        if key in self.seen:
            return
        self.seen.add(key)
        raw = self.doc.line(line)
        self.facts.append(Fact("oversight", {"subject": subject, "relation": relation, "object": obj},
                               line, quote_of(raw, quote), confidence=conf))
        for name, is_org in ((subject, subject_is_org), (obj, object_is_org)):
            if is_org and name.lower() not in self.orgs and len(name) > 2 and \
                    not re.fullmatch(rf"(?:{_ORG_HEADS})", name):
                variants = [name] + [a for a, full in self.defs.items() if full == name]
                self.orgs[name.lower()] = Fact("organisation", {"name": name, "kind": _kind(name), "variants": variants},
                                               line, quote_of(raw, name), confidence=0.6)


def _kind(name: str) -> str:
    low = name.lower()
    for pat, kind in ((r"board$", "board"), (r"council$", "council"), (r"partnership$", "partnership"),
                      (r"committee$", "committee"), (r"commission$", "commission"), (r"(group|panel|forum)$",
                                                                                    "panel_or_group"),
                      (r"(ccg|trust|nhs)", "nhs_body"), (r"police", "police"), (r"(unit|hub)$", "unit"),
                      (r"(team|service|services)$", "council_service")):
        if re.search(pat, low):
            return kind
    return "other"


def _last_org(text: str) -> str | None:
    found = [m.group("org") for m in _ORG_RE.finditer(text)]
    for cand in reversed(found):
        org = _clean_org(cand)
        if org and not org.isupper() or (org and len(org) >= 3):
            return org
    return None


def _topic_org(text: str) -> str | None:
    """The body a paragraph is about: the subject of the latest sentence that opens with one."""
    for sent in reversed(_SENT.split(text)):
        m = re.match(rf"\s*(?P<org>{ORG})\s+(?:is|was|has|have|will|are|were|brings|meets|provides)\b", sent)
        if m and _clean_org(m.group("org")):
            return _clean_org(m.group("org"))
    return None


def _first_org(text: str) -> str | None:
    for m in _ORG_RE.finditer(text):
        org = _clean_org(m.group("org"))
        if org:
            return org
    return None


_HOLDER = re.compile(rf"\b[Tt]he\s+(?P<post>[A-Z][\w’'\- ]{{3,60}}?)\s+is\s+(?P<name>{PERSON})\b"
                     rf"|(?P<name2>{PERSON})\s+is\s+(?:the\s+)?(?:borough's\s+|council's\s+)?(?P<post2>[A-Z][\w’'\- ]{{3,60}}?)\b[.,;]")


_POST_FIELD = re.compile(rf"^\s*(?P<post>(?:[A-Z][\w’'\-]*\s+)*?(?:Director|Chair|Chief|Head|Officer|Manager|Lead|"
                         rf"Commissioner|Executive|Leader|Mayor)\b[\w’'\- ]{{0,50}}?)\s*:\s*(?P<name>{PERSON})\s*\.?$")


def _post_holders(context: Context) -> dict[str, str]:
    """'director of public health' -> 'Jane Doe', from position and membership facts and
    from sentences that name a post's holder ("The Independent Commissioner is Dr Sam Lee")."""
    out = {}
    for b in context.document.blocks:
        fm = _POST_FIELD.match(clean(b.text))
        if fm:  # "Director of Public Health: Dr Ann Lee"
            out.setdefault(fm.group("post").lower().strip(), _person_name(fm.group("name")))
        for m in _HOLDER.finditer(clean(b.text)):
            post = m.group("post") or m.group("post2")
            name = m.group("name") or m.group("name2")
            if post and name:
                out.setdefault(post.lower().strip(), _person_name(name))
    for f in context.facts:
        if f.type == "position" and f.fields.get("post") and f.fields.get("person"):
            out.setdefault(f.fields["post"].lower().strip(), f.fields["person"])
        if f.type == "membership" and f.fields.get("post") and f.fields.get("person"):
            out.setdefault(f.fields["post"].lower().strip(), f.fields["person"])
    return out


def _plans_in(plans, text: str) -> list[str]:
    if plans is None:
        return []
    out = []
    low = text.lower()
    for p in plans.plans:
        for v in p["variants"]:
            if len(v) < 3 or (len(v) < 4 and not v.isupper()):
                continue
            m = re.search(r"(?<![\w])" + re.escape(v.lower()) + r"(?![\w])", low)
            if m:
                out.append((m.start(), p["name"] if not p["name"].isupper() else v))
                break
    return [name for _, name in sorted(out)]


@register("govgraph.oversight.v1", order=70)
def extract_oversight(doc: Document, context: Context):
    rel = Rel(doc, context)
    new_plans: list[Fact] = []
    plans = context.cache.get("governance.plans")
    holders = _post_holders(context)
    # chairs from membership facts
    for f in context.of_type("membership"):
        role = (f.fields.get("role") or "").lower()
        body = clean_body(f.fields.get("body")) or (rel.own_bodies[0] if rel.own_bodies and f.fields.get("body") else None)
        if role in ("chair", "co-chair") and f.fields.get("person") and body:
            rel.add(body, "chaired_by", f.fields["person"], f.line, f.quote or f.fields["person"], 0.8)
    section_plan = doc_plan = None
    if plans is not None:  # a plan named in the paper's title (its first lines)
        first = [ln for ln in range(1, len(doc.lines) + 1) if doc.line(ln).strip()][:2]
        named = [p for p in plans.plans if p["line"] in first and p["kind"] not in ("report",)]
        if named:
            section_plan = doc_plan = min(named, key=lambda p: p["line"])["name"]
    section_from_heading = False
    recent: list[str] = []
    doc_cells: dict[int, list[str]] = {}
    for blk in doc.blocks:
        if blk.kind == "table_row":
            doc_cells.setdefault(blk.line, []).extend(clean(c) for c in blk.cells if c)
    title_next = False
    last_plans: list[str] = []
    for kind, line, text, offsets in paragraphs(doc):
        b = _Unit(kind, line)
        title_line = re.match(r"^\s*(?:title of (?:the )?report|report title|subject)\s*:?", text, re.IGNORECASE)
        if title_line or title_next:
            hp = _plans_in(plans, text)
            if hp:
                section_plan = doc_plan = hp[0]
            title_next = bool(title_line) and not hp
            continue
        if b.kind == "heading" or (b.kind == "list_item" and len(text) < 90 and not text.endswith(".")
                                   and re.match(r"^\s*\d+(?:\.\d+)*\.?\s+[A-Z\[]", text)):
            hp = _plans_in(plans, text)
            for m in _ORG_RE.finditer(text):
                org = _clean_org(m.group("org"))
                if org and len(org.split()) >= 2:
                    recent.append(org)
            if hp:
                section_plan = hp[0]
                section_from_heading = True
            elif b.kind == "heading" and re.match(r"^\s*\d+\s*\.?\s+[A-Z]{3,}", text) and "." not in text.split()[0].rstrip("."):
                section_plan = doc_plan  # a new top-level section of the same paper
                section_from_heading = False
            continue
        if b.kind not in ("paragraph", "list_item", "table_row") or len(text) < 20:
            continue
        if kind == "table_row":
            for cell in doc_cells.get(line, []):
                _chair_posts(rel, cell, line)
        else:
            _chair_posts(rel, text, line)
        here = _plans_in(plans, text)
        sentences = _SENT.split(text)
        pos = 0
        for k, s in enumerate(sentences):
            pos = text.find(s, pos)
            ln = line_at(offsets, max(pos, 0))
            prev = " ".join(sentences[:k])
            _chaired(rel, s, prev, ln, holders)
            _led(rel, s, ln, plans, section_plan or doc_plan)
            _reports(rel, s, prev, ln)
            _oversees(rel, s, ln, plans, section_plan)
            _includes(rel, s, ln)
            _delivers(rel, s, ln, plans)
            _appositive(rel, s, ln, plans, new_plans)
            if not (kind == "table_row" and ID_AT_START.match(text)):  # an action's task, not the plan's stance
                _aligns(rel, s, ln, plans, _anaphor(s, plans, last_plans) or section_plan)
            _corresponding(rel, s, ln, plans)
            _runs(rel, s, ln, plans, new_plans)
            _brings(rel, s, ln, section_plan if section_from_heading else None)
            _members(rel, s, ln, recent)
            _structure(rel, s, ln, plans, section_plan or doc_plan)
            _provides(rel, s, ln, plans)
            _owned(rel, s, ln, plans)
        for m in _ORG_RE.finditer(text):
            org = _clean_org(m.group("org"))
            if org and len(org.split()) >= 2:
                recent.append(org)
        del recent[:-30]
        last_plans = (last_plans + here)[-5:]
    _chart(rel)
    return rel.facts + list(rel.orgs.values()) + new_plans


#: a structure chart drawn in text: "  └ X" / "├── X" / "|-- X" under its parent, or "X → Y"
_TREE_ITEM = re.compile(r"^(?P<indent>[\s│┃]*)(?:[└├┗┣|`+]\s*(?:[─━—\-]+\s*)?|[-–]+>\s*|↳\s*)(?P<name>[A-Z].*?)\s*$")
_ARROW = re.compile(rf"^\s*(?P<a>{ORG})\s*(?:→|->|⟶|=>|►)\s*(?P<b>{ORG})\s*\.?\s*$")


def _chart_name(text: str) -> str | None:
    org = _clean_org(text.strip(" .;:"))
    if not org or not _ORG_RE.fullmatch(org) or len(org.split()) < 2:
        return None
    return org


def _chart(rel: Rel) -> None:
    """Structure charts: a tree item reports to the nearest line above it that is indented less
    (the tree's root has no connector); "X → Y" reports to Y. Only lines that are nothing but
    a body's name count."""
    stack: list[tuple[int, str]] = []  # (indent, body) of the open branch
    lines = rel.doc.lines
    for i, raw in enumerate(lines, start=1):
        raw = raw.replace("\t", "    ")
        if not raw.strip():
            continue
        m = _TREE_ITEM.match(raw)
        if m:
            name = _chart_name(m.group("name"))
            if not name:
                stack = []
                continue
            indent = len(m.group("indent"))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if stack:
                rel.add(name, "reports_to", stack[-1][1], i, raw.strip(), 0.6, subject_is_org=True, object_is_org=True)
            stack.append((indent, name))
            continue
        a = _ARROW.match(raw)
        if a:
            x, y = _chart_name(a.group("a")), _chart_name(a.group("b"))
            if x and y:
                rel.add(x, "reports_to", y, i, raw.strip(), 0.6, subject_is_org=True, object_is_org=True)
            stack = []
            continue
        name = _chart_name(raw)
        # a bare body name may be the root of a tree that follows
        stack = [(len(raw) - len(raw.lstrip()) - 1, name)] if name else []


_CHAIR = re.compile(rf"(?P<subj>{ORG}|\bIt\b|\bThe\s+(?:group|board|partnership|committee))\s*,?\s+"
                    rf"(?:(?:which|that)\s+)?(?:is|was|will be|has been)?\s*(?:co-)?chaired\s+by\s+"
                    rf"(?P<obj>(?:the\s+)?{PERSON}(?:\s*,\s*(?P<post>[A-Z][\w ]{{3,60}}))?)")


_CHAIR_ROLE = re.compile(rf"(?P<subj>{ORG})\s*,?\s+(?:(?:which|that)\s+)?(?:is|was|will be|has been)?\s*(?:co-)?chaired\s+by\s+"
                         rf"the\s+(?P<role>[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w’'\-]*){{0,6}})")


def _chaired(rel: Rel, s: str, prev: str, line: int, holders: dict[str, str]) -> None:
    for m in _CHAIR_ROLE.finditer(s):  # "chaired by the Director of Public Health": the post's holder
        holder = holders.get(m.group("role").lower())
        subj = _clean_org(m.group("subj"))
        if holder and subj and not subj.lower().startswith(("it ", "the ")):
            rel.add(subj, "chaired_by", holder, line, m.group(0), 0.7, subject_is_org=True)
    for m in _CHAIR.finditer(s):
        subj = m.group("subj")
        if subj.lower() in ("it",) or subj.lower().startswith("the "):
            if subj.lower() == "it" or not _clean_org(subj[4:]) or subj.split()[-1].islower():
                subj = _topic_org(prev) or None
        subj = _clean_org(subj) if subj else None
        obj = m.group("obj")
        obj = re.sub(r"\s*,.*$", "", obj)
        if obj.lower().startswith("the "):
            holder = holders.get(obj[4:].lower())
            if not holder:
                continue
            obj = holder
        rel.add(subj, "chaired_by", _person_name(obj), line, m.group(0), 0.8, subject_is_org=True)


_BODY = r"[A-Z][\w’'&\-]*(?:\s+(?:(?:of|and|&|for|the)\s+)*[A-Z][\w’'&\-]*){0,6}"
#: "Jim Gamble Chair of Children's Safeguarding Board", "Dr Ann Lee, Chair Adults Safeguarding Board":
#: the post names the body (a comma after "Chair" gives post and affiliation, and is left alone)
_CHAIR_POST = re.compile(rf"(?P<person>{PERSON})\s*,?\s+(?:Independent\s+)?(?:Co-?)?Chair(?:man|person)?\s+"
                         rf"(?:of\s+(?:the\s+)?)?(?P<body>{_BODY})")
#: "Chair of Elmford Families Network (Jane Doe)"
_CHAIR_OF_PAREN = re.compile(rf"(?<![Vv]ice[- ])\b(?:Independent\s+)?(?:Co-?)?Chair\s+of\s+(?:the\s+)?(?P<body>{_BODY})\s*"
                             rf"\((?P<person>{PERSON})\)")
_NOT_PERSON = re.compile(rf"\b(?:{_ORG_HEADS}|Director|Manager|Officer|Head|Member|Services|Vice|Deputy|Adults|Children)\b")


def _chair_posts(rel: Rel, text: str, line: int) -> None:
    for pat in (_CHAIR_POST, _CHAIR_OF_PAREN):
        for m in pat.finditer(text):
            person = _person_name(m.group("person"))
            body = _clean_org(m.group("body"))
            if _NOT_PERSON.search(person) or person.split()[0] in _NOT_ORG or not body:
                continue
            if pat is _CHAIR_POST and re.search(r"[Vv]ice[- ]$", text[:m.start("person")]):
                continue
            if len(body.split()) < 2 or not re.search(rf"(?:{_ORG_HEADS}|Community|Commission|Partnership)s?$", body):
                continue
            rel.add(body, "chaired_by", person, line, m.group(0)[:120], 0.7, subject_is_org=True)


_LED = re.compile(rf"\b(?:is\s+|are\s+|being\s+)?led\s+by\s+(?P<org>{ORG})", re.IGNORECASE)
_LED_FRONT = re.compile(rf"^\s*Led\s+by\s+(?P<org>{ORG})\s*,\s*(?P<rest>.*)$")


_MORE_ORG = re.compile(rf"(?:\s+(?:and\s+|of\s+|for\s+)?{_CAPW})*?\s+(?:{_ORG_HEADS})s?\b")


def _extend(s: str, m: re.Match, group: str = "org") -> str:
    """The whole body name at a match: 'Eastmere Council' + ' Transport Service'."""
    end = m.end(group)
    more = _MORE_ORG.match(s[end:])
    while more and more.group(0).strip():
        end += more.end()
        more = _MORE_ORG.match(s[end:])
    return s[m.start(group):end]


def _led(rel: Rel, s: str, line: int, plans, section_plan) -> None:
    m = _LED_FRONT.match(s)
    if m:
        found = _plans_in(plans, m.group("rest")[:120])
        org = _clean_org(m.group("org"))
        if found and org:
            rel.add(org, "leads", found[0], line, m.group(0)[:100], 0.7, subject_is_org=True)
        return
    for m in _LED.finditer(s):
        org = _clean_org(_extend(s, m))
        if not org or not org[:1].isupper():
            continue
        before = s[:m.start()]
        found = _plans_in(plans, before[-150:])
        if not found and section_plan and re.search(r"^\W*(?:[\w-]+\s+){0,2}(?:delivery|implementation)(?:\s+of\s+"
                                                    r"(?:the|this)\s+(?:strategy|plan|programme|framework))?\s*$",
                                                    before, re.IGNORECASE):
            found = [section_plan]  # "Day-to-day delivery is led by X": the paper's plan
        if found:
            rel.add(org, "leads", found[-1], line, m.group(0), 0.6, subject_is_org=True)


_SUBGROUP = re.compile(rf"(?P<subj>{ORG}|\b[Tt]he\s+(?:group|board|partnership|panel|unit|team|forum|committee))\s*,?\s+"
                       rf"(?:is|are|was|will\s+be|acts\s+as|operates\s+as|sits\s+as)\s+(?:also\s+)?(?:an?\s+|the\s+)?"
                       rf"(?:(?:formal|statutory|standing|thematic|strategic|operational)\s+)?"
                       rf"(?P<what>sub-?\s?groups?|sub-?\s?committees?|sub-?\s?boards?|sub-?\s?panels?|working\s+groups?|"
                       rf"task\s+groups?|(?:forms?\s+)?part|members?|constituent\s+parts?)\s+of\s+"
                       rf"(?P<obj>{ORG})")
_SITS = re.compile(rf"(?P<subj>{ORG}|\b[Tt]he\s+(?:group|board|partnership|panel|unit|team|forum|committee))\s*,?\s+"
                   rf"(?:sits|operates)\s+(?:within|under)\s+(?P<obj>{ORG})")
_RESPONSIBLE = re.compile(rf"(?P<subj>{ORG})\s+(?:is|are|will\s+be)\s+(?:\w+\s+)?responsible\s+for\s+"
                          rf"(?P<verb>delivering|leading|overseeing|the\s+delivery\s+of|the\s+oversight\s+of)\s+"
                          rf"(?P<rest>[^.;]{{3,120}})")


_PROVIDES = re.compile(r"^\W*(?P<subj>[A-Z][\w&’'\-]*(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w&’'\-]*){0,5})\s+(?:also\s+)?"
                       r"(?:provides|delivers|runs|offers|commissions|operates)\s+(?:the\s+|a\s+|an\s+)?(?P<rest>[^.;]{3,120})")


def _provides(rel: Rel, s: str, line: int, plans) -> None:
    """'Public Health also provides MECC (Making Every Contact Count) training': a body the paper
    names delivers the plan named right after the verb."""
    m = _PROVIDES.match(s)
    if not m or plans is None:
        return
    subj = _clean_org(m.group("subj"))
    if not subj or subj.split()[0] in _NOT_ORG or subj.lower() in rel.person_names:
        return
    if subj.lower() not in rel.known_names and not (len(subj.split()) >= 2 and rel.doc_text.count(subj) >= 3):
        return  # a body the paper names, or a capitalised name it keeps using
    first = _plans_in(plans, m.group("rest")[:60])
    if first and len(subj.split()) <= 2:  # "Public Health": the fuller name the paper uses for it
        pat = re.compile(rf"\b((?:[A-Z][\w&’'\-]*[ ]+(?:(?:and|of|&)[ ]+)?){{1,4}}){re.escape(subj)}\b")
        longer = [x for ln in rel.doc.lines for cell in ln.split("\t") for x in pat.findall(cell)]
        longer = [f"{x}{subj}" for x in longer if not re.search(r"\b(?:Director|Head|Consultant|Officer|Manager|"
                                                                 r"Lead|Team|Cabinet|Member|The|Our|Of)\b", x)]
        if longer:
            subj = max(set(longer), key=lambda x: (longer.count(x), len(x)))
    if first:
        rel.add(subj, "delivers", first[0], line, m.group(0)[:120], 0.6, subject_is_org=True)


_OWNER = re.compile(r"(?P<owner>\b[A-Z][\w&\-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w&\-]*){0,4}|\b[Cc]ouncil)['’]s\s+"
                    r"(?:new\s+|draft\s+|own\s+|refreshed\s+|current\s+)?(?P<rest>[^.;]{3,80})")


def _owned(rel: Rel, s: str, line: int, plans) -> None:
    """'the council's new Procurement Strategy', "City Hall's Streetspace programme": a body's own plan.
    The owner counts when it is plainly a body (a body word ends it, or the paper names it as one)."""
    if plans is None:
        return
    for m in _OWNER.finditer(s):
        owner = _clean_org(m.group("owner"))
        if not owner or owner.split()[0] in _NOT_ORG:
            continue
        if not (re.search(rf"(?:{_ORG_HEADS})$", owner, re.IGNORECASE) or owner.lower() in rel.known_names):
            continue
        rest = m.group("rest")
        for name in _plans_in(plans, rest)[:1]:
            pos = rest.lower().find(name.lower().split()[0])
            if 0 <= pos <= 3:  # the plan is what the owner owns, not a later mention
                rel.add(owner.title() if owner.islower() else owner, "leads", name, line, m.group(0)[:120], 0.5,
                        subject_is_org=True)


def _structure(rel: Rel, s: str, line: int, plans, section_plan) -> None:
    """'X is a sub-group of Y', 'X is part of Y', 'X sits within Y' (part_of);
    'X is responsible for delivering / leading / overseeing the plan'."""
    for pat in (_SUBGROUP, _SITS):
        for m in pat.finditer(s):
            subj, obj = _clean_org(m.group("subj")), _clean_org(m.group("obj"))
            if subj and obj:
                rel.add(subj, "part_of", obj, line, m.group(0)[:120], 0.6, subject_is_org=True, object_is_org=True)
    for m in _RESPONSIBLE.finditer(s):
        subj = _clean_org(m.group("subj"))
        verb = m.group("verb").lower()
        relation = "oversees" if "overs" in verb else "leads" if "lead" in verb else "delivers"
        found = _plans_in(plans, m.group("rest"))
        if not found and section_plan and re.match(r"\s*(?:the|this)\s+(?:strategy|plan|programme|framework)\b",
                                                   m.group("rest"), re.IGNORECASE):
            found = [section_plan]
        if subj and found:
            rel.add(subj, relation, found[0], line, m.group(0)[:120], 0.6, subject_is_org=True)


_REPORTS = re.compile(rf"(?P<subj>{ORG}|\b[Tt]he\s+(?:group|board|partnership|unit|team))?[^.]*?\b"
                      rf"(?:reports?|reporting|(?:is|are)\s+(?:also\s+|then\s+|regularly\s+|formally\s+)?presented|accountable)\s+(?:\w+\s+){{0,2}}"
                      rf"(?:to|at)\s+(?P<obj>{ORG})")


def _reports(rel: Rel, s: str, prev: str, line: int) -> None:
    for m in _REPORTS.finditer(s):
        if re.search(r"\b(?:an?|the|its|their|this|annual|progress|final|interim)\s+(?:\w+\s+)?report\b"
                     r"(?!\s+(?:is|are|was|were)\s+(?:also\s+|then\s+)?presented)", m.group(0), re.IGNORECASE):
            continue  # "A report back to the Board would be made": a noun, no one reports
        obj = _clean_org(m.group("obj"))
        subj = m.group("subj")
        if not subj or subj.split()[-1].islower():
            subj = _last_org(prev + " " + s[:m.start("obj")]) if not subj else _last_org(prev)
        subj = _clean_org(subj) if subj else None
        if subj == obj:
            subj = _last_org(prev)
        obj = rel.resolve(obj) if obj else obj  # "the Partnership" -> the partnership the paper names
        subj = rel.resolve(subj) if subj else subj
        if not obj or (len(obj.split()) < 2 and not re.fullmatch(r"[A-Z]{2,6}s?", obj)):
            continue
        relation = "accountable_to" if "accountable" in m.group(0) else "reports_to"
        rel.add(subj, relation, obj, line, m.group(0)[-120:], 0.6, subject_is_org=True, object_is_org=True)


_OVERSEE = re.compile(rf"(?P<subj>{ORG}|\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?:working|steering|accountability|project|programme)\s+"
                      rf"(?:group|board))[^.]{{0,80}}?\b(?:to\s+)?(?:oversee|oversees|overseeing|oversight\s+of|"
                      rf"monitor the use of|monitors?)\b(?P<rest>[^.]*)")
_OVERSIGHT_SITS = re.compile(rf"(?i:oversight)\s+of\s+(?P<what>[^.]{{3,80}}?)\s+(?:sits|rests|lies)\s+with\s+(?P<org>{ORG})")


_OVERSEEN_BY = re.compile(rf"(?P<what>[^.;]{{3,120}}?)\s+(?:is|are|will\s+be)\s+(?:jointly\s+|formally\s+)?"
                          rf"(?:overseen|monitored|governed|scrutinised|scrutinized)\s+by\s+(?P<org>{ORG})")
#: "The Strategy is owned by X": the owner leads it
_OWNED_BY = re.compile(rf"(?P<what>[^.;]{{3,120}}?)\s+(?:is|are|will\s+be)\s+(?:jointly\s+)?owned\s+by\s+(?P<org>{ORG})")
#: the second half of "owned by X and monitored by Y"
_AND_BY = re.compile(rf"\s*,?\s+and\s+(?:is\s+|will\s+be\s+)?(?P<verb>overseen|monitored|scrutini[sz]ed|governed|"
                     rf"owned|led)\s+by\s+(?P<org>{ORG})")
_DELIVERY_OF_PLAN = re.compile(r"^\W*(?:[\w-]+\s+){0,2}(?:delivery|implementation)(?:\s+of\s+(?:the|this)\s+"
                               r"(?:strategy|plan|programme|framework))?\s*$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:no|not|nobody|none|neither|nor|without)\b", re.IGNORECASE)


def _oversees(rel: Rel, s: str, line: int, plans, section_plan) -> None:
    for m in _OWNED_BY.finditer(s):
        if _NEGATED.search(m.group(0)):
            continue
        found = _plans_in(plans, m.group("what")[-100:])
        if not found and section_plan and re.search(r"\b(?:the|this)\s+(?:strategy|plan|programme|framework)\s*$",
                                                    m.group("what"), re.IGNORECASE):
            found = [section_plan]
        org = _clean_org(_extend(s, m))
        if not (found and org):
            continue
        rel.add(org, "leads", found[-1], line, m.group(0)[-120:], 0.6, subject_is_org=True)
        more = _AND_BY.match(s[m.start("org") + len(_extend(s, m)):])
        if more and _clean_org(more.group("org")):
            relation = "leads" if more.group("verb").lower() in ("owned", "led") else "oversees"
            rel.add(_clean_org(more.group("org")), relation, found[-1], line, more.group(0)[:120], 0.6,
                    subject_is_org=True)
    for m in _OVERSEEN_BY.finditer(s):
        if _NEGATED.search(m.group(0)):
            continue
        found = _plans_in(plans, m.group("what")[-100:])
        if not found and section_plan and (
                re.search(r"\b(?:the|this)\s+(?:strategy|plan|programme|framework)\s*$", m.group("what"), re.IGNORECASE)
                or _DELIVERY_OF_PLAN.search(m.group("what"))):
            found = [section_plan]  # "Day-to-day delivery will be overseen by X": the paper's plan
        org = _clean_org(_extend(s, m))
        if found and org:
            rel.add(org, "oversees", found[-1], line, m.group(0)[-120:], 0.7, subject_is_org=True)
            more = _AND_BY.match(s[m.end("org"):])  # "... owned by X and monitored by Y"
            if more and _clean_org(more.group("org")):
                relation = "leads" if more.group("verb").lower() in ("owned", "led") else "oversees"
                rel.add(_clean_org(more.group("org")), relation, found[-1], line, more.group(0)[:120], 0.6,
                        subject_is_org=True)
    for m in _OVERSIGHT_SITS.finditer(s):
        found = _plans_in(plans, m.group("what")) or ([section_plan] if section_plan else [])
        if found:
            rel.add(_clean_org(m.group("org")), "oversees", found[0], line, m.group(0), 0.7, subject_is_org=True)
        return
    for m in _OVERSEE.finditer(s):
        if _NEGATED.search(s[max(0, m.start() - 20):m.start("rest")]):
            continue  # "no board oversees it"
        subj = m.group("subj")
        low = subj.lower()
        if low.split()[0] in ("a", "an", "the") and low.split()[-1] in ("group", "board"):
            subj = " ".join(subj.split()[1:])
        subj = _clean_org(subj)
        found = _plans_in(plans, m.group("rest")) or _plans_in(plans, s)
        obj = found[0] if found else None
        if obj is None:
            o = _first_org(m.group("rest"))
            obj = o
        if obj is None and section_plan and re.search(r"\bdevelopments?\b|\bwork\b|\bprogramme\b", m.group("rest")):
            obj = section_plan
        rel.add(subj, "oversees", obj, line, m.group(0)[:120], 0.6, subject_is_org=True)


_INCLUDES = re.compile(rf"(?P<whole>{ORG})\s*,?\s+(?:which|that)\s+(?:includes|comprises|brings together)\s+"
                       rf"(?P<parts>[^.;]{{5,200}})")


def _includes(rel: Rel, s: str, line: int) -> None:
    for m in _INCLUDES.finditer(s):
        whole = _clean_org(m.group("whole"))
        for part in re.split(r",\s*|\s+and\s+(?=the\s|[A-Z])", m.group("parts")):
            org = _clean_org(part)
            if org and re.search(rf"(?:{_ORG_HEADS})$|^[A-Z]{{2,6}}$", org):
                rel.add(org, "part_of", whole, line, m.group(0)[:120], 0.6, subject_is_org=True, object_is_org=True)


_DELIVER = re.compile(rf"\bdeliver(?:s|ed)?\s+(?P<what>[^.]{{3,80}}?)\s+(?:in\s+\w+\s+)?(?:through|via|by)\s+"
                      rf"(?P<org>{ORG}|[A-Z][\w’'&\-]+(?:\s+[A-Z][\w’'&\-]+){{0,3}})")
_DELIVERED_BY = re.compile(rf"(?P<what>[^.]{{3,80}}?)\s+(?:is|are|will be)\s+delivered\s+by\s+(?P<org>{ORG})")


def _delivers(rel: Rel, s: str, line: int, plans) -> None:
    for pat in (_DELIVER, _DELIVERED_BY):
        for m in pat.finditer(s):
            found = _plans_in(plans, m.group("what"))
            org = _clean_org(m.group("org"))
            if found and org:
                rel.add(org, "delivers", found[-1], line, m.group(0)[:120], 0.6, subject_is_org=True)


_THIS_PLAN = re.compile(r"^\W*(?:This|The)\s+(?P<noun>strategy|plan|programme|framework|policy)\s+"
                        r"(?:also\s+|directly\s+)?(?:supports|contributes|aligns|is\s+aligned|links|helps)\b")


def _anaphor(s: str, plans, last_plans: list[str]) -> str | None:
    """'This strategy supports ...' right after a paragraph naming a strategy: that strategy."""
    m = _THIS_PLAN.match(s)
    if not m or plans is None:
        return None
    noun = m.group("noun").lower()
    for name in reversed(last_plans[-2:]):
        if name.lower().split()[-1] == noun:
            return name
    return None


_ALIGN = re.compile(r"\b(?:supports?\s+(?:the\s+)?(?:delivery|achievement|implementation)\s+of|contributes?\s+to\s+"
                    r"(?:the\s+)?(?:delivery|aims|objectives|outcomes)\s+of|in\s+alignment\s+with(?:\s+that\s+of)?|aligns?\s+with|following(?=\s+the\s+[A-Z])|aligned\s+(?:with|to)|framed\s+within\s+the\s+context"
                    r"\s+of|link\s+in\s+with|links?\s+(?:in\s+)?with|consistent\s+with|in\s+line\s+with)\b"
                    r"(?P<rest>[^.]*)", re.IGNORECASE)


def _aligns(rel: Rel, s: str, line: int, plans, section_plan) -> None:
    if not section_plan or re.search(r"\bprincipl|\bpriorit", s, re.IGNORECASE):
        return
    for m in _ALIGN.finditer(s):
        rest = m.group("rest") if not m.group(0).lower().startswith("following") else m.group("rest")[:90]
        targets = [t for t in _plans_in(plans, rest) if not re.search(r"['’]s\s", t)]
        for target in targets:
            rel.add(section_plan, "aligns_with", target, line, m.group(0)[:120], 0.5)
        if not targets and re.match(r"(?i)in\s+alignment\s+with|aligns?\s+with", m.group(0)):
            org = _first_org(rest[:100])
            if org and len(org.split()) >= 2:
                rel.add(section_plan, "aligns_with", org, line, m.group(0)[:120], 0.4, object_is_org=True)


_CORRESPONDING = re.compile(r"\band\s+(?:its\s+|the\s+|a\s+)?(?:corresponding|associated|accompanying|supporting)\s+")


def _corresponding(rel: Rel, s: str, line: int, plans) -> None:
    """'the VAWG strategy and corresponding VAWG action plan': the plan is part of the strategy."""
    for m in _CORRESPONDING.finditer(s):
        before = _plans_in(plans, s[max(0, m.start() - 80):m.start()])
        after = _plans_in(plans, s[m.end():m.end() + 80])
        if before and after and before[-1] != after[0]:
            rel.add(after[0], "part_of", before[-1], line, m.group(0), 0.5)


_APPOSITIVE = re.compile(r"(?P<x>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}),\s+the\s+(?P<org>[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,4})"
                         r"['’]s\s+(?P<what>(?:[\w\-]+\s+){0,3}?(?:initiative|programme|strategy|scheme|plan|project|policy|"
                         r"framework|campaign))\b")


def _appositive(rel: Rel, s: str, line: int, plans, new_plans: list[Fact]) -> None:
    """'Prevent, the Council's counter-terrorism initiative': a plan named by what it is."""
    from extract.governance.plans import kind_of
    for m in _APPOSITIVE.finditer(s):
        x = m.group("x")
        words = x.split()
        while len(words) > 1 and words[0] in _NOT_ORG | {"As", "Well"}:
            words = words[1:]
        x = " ".join(words)
        if plans is not None and plans.find(x) is None:
            plans.add(x, m.group("what"), line, quote_of(rel.doc.line(line), x), 0.5)
            new_plans.append(Fact("plan", {"name": x, "kind": kind_of(m.group("what")), "variants": [x],
                                           "period": None}, line, quote_of(rel.doc.line(line), m.group(0)),
                                  confidence=0.5))
        rel.add(_clean_org(m.group("org")), "leads", x, line, m.group(0), 0.5, subject_is_org=True)


_RUNS = re.compile(rf"(?P<org>{ORG})(?:\s*\([A-Z]{{2,8}}\))?\s+(?:has|have|had)\s+(?:also\s+)?(?:been\s+running|launched|"
                   rf"developed|set\s+up|introduced|embedded|established|commissioned|created)\s+(?P<rest>[^.;]{{4,160}})")
_NP_HEAD = re.compile(r"\b(?:strateg(?:y|ies)|plan|programme|framework|initiative|project|scheme|approach|pilot|service)\b",
                      re.IGNORECASE)


def _runs(rel: Rel, s: str, line: int, plans, new_plans: list[Fact]) -> None:
    from extract.governance.plans import kind_of
    for m in _RUNS.finditer(s):
        org = _clean_org(m.group("org"))
        if not org:
            continue
        rest = m.group("rest")
        found = _plans_in(plans, rest[:120])
        if found:
            rel.add(org, "leads", found[0], line, m.group(0)[:120], 0.6, subject_is_org=True)
            continue
        seg = re.split(r"\s*[,;(]\s*|\s+(?:and|which|that|to|in|with|as|by|where)\s+", rest)[0]
        seg = re.sub(r"^(?:an?|the|its\s+own|their\s+own|our|new)\s+", "", seg.strip(), flags=re.IGNORECASE)
        head = list(_NP_HEAD.finditer(seg))
        if not head:
            continue
        name = seg[:head[-1].end()].strip()
        after = rest[rest.find(name) + len(name):] if name in rest else ""
        named = re.match(r"\s*[–—-]\s*(?P<n>[A-Z][\w’']*(?:\s+[A-Z][\w’']*){0,4})", after)
        if named:
            name = named.group("n")
        tail = None if named else re.match(r"\s+(?:for)\s+(?P<t>[a-z][\w\- ]{3,40}?)(?=\s+(?:and|which|that|to)\b|[,.;]|$)",
                        rest[rest.find(name) + len(name):] if name in rest else "")
        if tail:
            name = f"{name} {tail.group(0).strip()}"
        if not 2 <= len(name.split()) <= 8 and not named:
            continue
        if plans is not None and plans.find(name) is None:
            plans.add(name, name.split()[-1], line, quote_of(rel.doc.line(line), name), 0.5)
            new_plans.append(Fact("plan", {"name": name, "kind": kind_of(name), "variants": [name], "period": None},
                                  line, quote_of(rel.doc.line(line), name), confidence=0.5))
        rel.add(org, "leads", name, line, m.group(0)[:120], 0.5, subject_is_org=True)


_BRINGS = re.compile(r"\bbring(?:s|ing)?\s+together\s+(?:partners|agencies|colleagues)\s+(?:in|from)\s+(?:the\s+)?"
                     r"(?P<list>[^.;:]{5,200})")
_MEMBERS = re.compile(rf"^(?P<list>[^.;:]{{5,200}}?)\s+(?:are|is)\s+(?:all\s+)?(?:also\s+)?(?:members?|part)\s+of\s+"
                      rf"(?:the\s+)?(?P<whole>{ORG}|team|group|board|partnership|panel|network)\b")


def _list_items(text: str) -> list[str]:
    out = []
    for part in re.split(r"\s*,\s*|(?<!['’]s)\s+and\s+(?=the\s|[A-Z])", text):
        part = re.sub(r"^(?:and\s+|the\s+)+", "", part.strip(), flags=re.IGNORECASE).strip(" .")
        if part and part[:1].isupper() and len(part.split()) <= 8 and not re.search(r"['’]s\s+and\b", part):
            out.append(part)
    return out


def _brings(rel: Rel, s: str, line: int, plan: str | None) -> None:
    if not plan:
        return
    for m in _BRINGS.finditer(s):
        for org in _list_items(m.group("list")):
            rel.add(org, "delivers", plan, line, m.group(0)[:120], 0.5, subject_is_org=True)


def _members(rel: Rel, s: str, line: int, recent: list[str]) -> None:
    m = _MEMBERS.match(s.strip())
    if not m:
        return
    whole = m.group("whole")
    if whole.islower() or whole.lower().startswith("the ") and whole.split()[-1].islower():
        noun = whole.split()[-1].lower()
        whole = next((o for o in reversed(recent) if o.lower().rstrip("s").endswith(noun)), None)
    else:
        whole = _clean_org(whole)
    if not whole:
        return
    for org in _list_items(m.group("list")):
        rel.add(org, "part_of", whole, line, m.group(0)[:120], 0.5, subject_is_org=True, object_is_org=True)
