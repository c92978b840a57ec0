"""How bodies sit together: reporting and accountability lines (tor.upward_relation), part_of ("which includes", "are members
of", "is a sub-group of", "sits within"), and "X is responsible for delivering the plan"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.governance.oversight.collector import Rel
from extract.governance.oversight.names import ORG, ORG_HEADS, ORG_RE, clean_org, extend_org, last_org, list_items, plans_in

if TYPE_CHECKING:
    from extract.governance.plans import PlanSet


_REPORTS = re.compile(rf"(?P<subj>{ORG}|\b[Tt]he\s+(?:group|board|partnership|unit|team))?[^.]*?\b"
                      rf"(?:reports?|reporting|(?:is|are)\s+(?:also\s+|then\s+|regularly\s+|formally\s+)?presented|accountable)\s+(?:\w+\s+){{0,2}}"
                      rf"(?:to|at)\s+(?P<obj>{ORG})")


#: a sentence without one of these cannot match _REPORTS (a cheap test before the costly pattern)
_REPORTS_WORDS = re.compile(r"report|presented|accountable", re.IGNORECASE)


def reports(rel: Rel, s: str, prev: str, line: int) -> None:
    if not _REPORTS_WORDS.search(s):
        return
    for m in _REPORTS.finditer(s):
        from extract.governance.oversight.tor import is_fact
        if not is_fact(s, m.start("obj") - 12):
            continue  # "It is proposed that X will report to Y", "X does not report to Y"
        if re.search(r"\b(?:and\s+)?(?:it|they)\s+(?:\w+\s+)?(?:reports?|are\s+accountable|is\s+accountable)\b", m.group(0)):
            continue  # "X is a group, and it reports to Y": the pronoun's body, read in extract.governance.oversight.tor
        if re.search(r"\b(?:an?|the|its|their|this|annual|progress|final|interim)\s+(?:\w+\s+)?report\b"
                     r"(?!\s+(?:is|are|was|were)\s+(?:also\s+|then\s+)?presented)", m.group(0), re.IGNORECASE):
            continue  # "A report back to the Board would be made": a noun, no one reports
        obj = clean_org(m.group("obj"))
        subj = m.group("subj")
        if not subj or subj.split()[-1].islower():
            subj = last_org(prev + " " + s[:m.start("obj")]) if not subj else last_org(prev)
        subj = clean_org(subj) if subj else None
        if subj == obj:
            subj = last_org(prev)
        obj = rel.resolve(obj) if obj else obj  # "the Partnership" -> the partnership the paper names
        subj = rel.resolve(subj) if subj else subj
        if not obj or (len(obj.split()) < 2 and not re.fullmatch(r"[A-Z]{2,6}s?", obj)):
            continue
        from extract.governance.oversight.tor import bodies_in_list, upward_relation
        relation = upward_relation(m.group(0), "accountable")
        objs = bodies_in_list(s[m.start("obj"):]) if re.search(r"\s(?:and|&)\s", obj) else [obj]
        for o in objs or [obj]:  # "reports to the X Partnership and the Y Committee": to each
            rel.add(subj, relation, rel.resolve(o), line, m.group(0)[-120:], 0.6, subject_is_org=True,
                    object_is_org=True)


_INCLUDES = re.compile(rf"(?P<whole>{ORG})\s*,?\s+(?:which|that)\s+(?:includes|comprises|brings together)\s+"
                       rf"(?P<parts>[^.;]{{5,200}})")


def includes(rel: Rel, s: str, line: int) -> None:
    for m in _INCLUDES.finditer(s):
        whole = clean_org(m.group("whole"))
        for part in re.split(r",\s*|\s+and\s+(?=the\s|[A-Z])", m.group("parts")):
            org = clean_org(part)
            for each in rel.each_of(org) if org else []:  # "... and Safeguarding Boards": each such board
                rel.add(each, "part_of", whole, line, m.group(0)[:120], 0.6, subject_is_org=True, object_is_org=True)
            if org and re.search(rf"(?:{ORG_HEADS})$|^[A-Z]{{2,6}}$", org):
                rel.add(org, "part_of", whole, line, m.group(0)[:120], 0.6, subject_is_org=True, object_is_org=True)


#: "with three statutory safeguarding partners being A, B and C", "The statutory partners of the X are: A, B and C"
_PARTNERS = re.compile(r"\b(?:(?:two|three|four|five|six|\d)\s+)?statutory\s+(?:(?P<q>[a-z]+)\s+)?partners\s+"
                       rf"(?:(?:of|for)\s+(?P<whole>{ORG})\s+)?(?:being|are|were|is|comprise|namely)\s*:?\s+"
                       r"(?P<list>[^.;]{5,250})")


def partners(rel: Rel, s: str, line: int, recent: list[str]) -> None:
    """A partnership's statutory partners make it up: each is part_of it. The partnership is the one the
    sentence names, else the latest partnership named (with the partners' qualifier, "safeguarding")."""
    from extract.governance.oversight.tor import bodies_in_list, is_fact
    for m in _PARTNERS.finditer(s):
        if not is_fact(s, m.start("list")):
            continue  # "the statutory partners are not ...", "it is proposed that the partners are ..."
        whole = clean_org(m.group("whole")) if m.group("whole") else None
        if not whole:
            q = (m.group("q") or "").lower()
            whole = next((b for b in reversed(recent) if re.search(r"\bPartnership$", b) and q in b.lower()), None)
        if not whole:
            continue
        for org in bodies_in_list(m.group("list")):
            rel.add(org, "part_of", whole, line, m.group(0)[:120], 0.6, subject_is_org=True, object_is_org=True)


_MEMBERS = re.compile(rf"^(?P<list>[^.;:]{{5,200}}?)\s+(?:are|is)\s+(?:all\s+)?(?:also\s+)?(?:members?|part)\s+of\s+"
                      rf"(?:the\s+)?(?P<whole>{ORG}|team|group|board|partnership|panel|network)\b")


def members(rel: Rel, s: str, line: int, recent: list[str]) -> None:
    m = _MEMBERS.match(s.strip())
    if not m:
        return
    whole = m.group("whole")
    if whole.islower() or whole.lower().startswith("the ") and whole.split()[-1].islower():
        noun = whole.split()[-1].lower()
        whole = next((o for o in reversed(recent) if o.lower().rstrip("s").endswith(noun)), None)
    else:
        whole = clean_org(whole)
    if not whole:
        return
    for org in list_items(m.group("list")):
        rel.add(org, "part_of", whole, line, m.group(0)[:120], 0.5, subject_is_org=True, object_is_org=True)


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


def structure(rel: Rel, s: str, line: int, plans: PlanSet | None, section_plan: str | None) -> None:
    """'X is a sub-group of Y', 'X is part of Y', 'X sits within Y' (part_of);
    'X is responsible for delivering / leading / overseeing the plan'."""
    for pat in (_SUBGROUP, _SITS):
        for m in pat.finditer(s):
            subj, obj = clean_org(m.group("subj")), clean_org(m.group("obj"))
            if subj and obj:
                rel.add(subj, "part_of", obj, line, m.group(0)[:120], 0.6, subject_is_org=True, object_is_org=True)
    for m in _RESPONSIBLE.finditer(s):
        subj = clean_org(m.group("subj"))
        verb = m.group("verb").lower()
        relation = "oversees" if "overs" in verb else "leads" if "lead" in verb else "delivers"
        found = plans_in(plans, m.group("rest"))
        if not found and section_plan and re.match(r"\s*(?:the|this)\s+(?:strategy|plan|programme|framework)\b",
                                                   m.group("rest"), re.IGNORECASE):
            found = [section_plan]
        if subj and found:
            rel.add(subj, relation, found[0], line, m.group(0)[:120], 0.6, subject_is_org=True)


#: the organisation words a board or committee of that organisation is named after ("X Trust Board")
_PARENT_HEAD = re.compile(r"(?:Authority|Partnership|Trust|Council|Agency|Service|Commission|Constabulary|Police|"
                          r"Combined\s+Authority|Joint\s+Committee)$")
_OWN_ORGAN = re.compile(r"^(?:[-–]\s+)?(?:(?:[A-Z][\w’'&]*|and|&|of)\s+){0,4}(?:Board|Committee|Sub[- ]?Committee)$")


def organ_of(rel: Rel) -> None:
    """A board or committee named after an organisation the paper also names on its own ("the X Trust" and
    "the X Trust Board", "X Partnership - Management Committee") is that organisation's: part_of it."""
    named = [clean_org(extend_org(b.text, m)) for b in rel.doc.blocks for m in ORG_RE.finditer(b.text)]
    bodies = list(dict.fromkeys(rel.own_bodies + [n for n in named if n]))
    for body in bodies:
        words = body.split()
        for k in range(len(words) - 1, 0, -1):
            prefix, rest = " ".join(words[:k]), " ".join(words[k:])
            if not _OWN_ORGAN.match(rest):
                continue
            parent = prefix
            if not _PARENT_HEAD.search(parent) or len(parent.split()) < 2:
                continue
            alone = re.compile(rf"\b{re.escape(parent)}\b(?!\s*[-–]?\s*{re.escape(rest.lstrip('-– ').split()[0])})")
            if not (rest[:1] in "-–" or alone.search(rel.doc_text)) or parent.lower() == body.lower():
                continue
            line = next((n for n in range(1, len(rel.doc.lines) + 1) if body in rel.doc.line(n)), None) or \
                next((n for n in range(1, len(rel.doc.lines) + 1) if parent in rel.doc.line(n)), None)
            if line:
                rel.add(body, "part_of", parent, line, body, 0.5, subject_is_org=True, object_is_org=True)
            break
