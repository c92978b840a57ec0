"""Bodies' roles towards plans: leads, oversees, delivers ("led by X", "overseen by X",
"oversight of the plan sits with X", "delivered by X", "X provides ...", "the council's new plan",
"bringing together partners in ...")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.governance.oversight.collector import Rel
from extract.governance.oversight.names import (NOT_ORG, ORG, ORG_HEADS, clean_org, extend_org, first_org, list_items,
                                                plans_in)

if TYPE_CHECKING:
    from extract.governance.plans import PlanSet


_LED = re.compile(rf"\b(?:is\s+|are\s+|being\s+)?led\s+by\s+(?P<org>{ORG})", re.IGNORECASE)
_LED_FRONT = re.compile(rf"^\s*Led\s+by\s+(?P<org>{ORG})\s*,\s*(?P<rest>.*)$")


def led(rel: Rel, s: str, line: int, plans: PlanSet | None, section_plan: str | None) -> None:
    m = _LED_FRONT.match(s)
    if m:
        found = plans_in(plans, m.group("rest")[:120])
        org = clean_org(m.group("org"))
        if found and org:
            rel.add(org, "leads", found[0], line, m.group(0)[:100], 0.7, subject_is_org=True)
        return
    for m in _LED.finditer(s):
        org = clean_org(extend_org(s, m))
        if not org or not org[:1].isupper():
            continue
        before = s[:m.start()]
        found = plans_in(plans, before[-150:])
        if not found and section_plan and re.search(r"^\W*(?:[\w-]+\s+){0,2}(?:delivery|implementation)(?:\s+of\s+"
                                                    r"(?:the|this)\s+(?:strategy|plan|programme|framework))?\s*$",
                                                    before, re.IGNORECASE):
            found = [section_plan]  # "Day-to-day delivery is led by X": the paper's plan
        if found:
            rel.add(org, "leads", found[-1], line, m.group(0), 0.6, subject_is_org=True)


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


#: a sentence without one of these cannot match any pattern of `oversees` (a cheap test first)
_OVERSIGHT_WORDS = re.compile(r"owned|overse|oversight|monitor|governed|scrutini", re.IGNORECASE)


def oversees(rel: Rel, s: str, line: int, plans: PlanSet | None, section_plan: str | None) -> None:
    if not _OVERSIGHT_WORDS.search(s):
        return
    for m in _OWNED_BY.finditer(s):
        if _NEGATED.search(m.group(0)):
            continue
        found = plans_in(plans, m.group("what")[-100:])
        if not found and section_plan and re.search(r"\b(?:the|this)\s+(?:strategy|plan|programme|framework)\s*$",
                                                    m.group("what"), re.IGNORECASE):
            found = [section_plan]
        org = clean_org(extend_org(s, m))
        if not (found and org):
            continue
        rel.add(org, "leads", found[-1], line, m.group(0)[-120:], 0.6, subject_is_org=True)
        more = _AND_BY.match(s[m.start("org") + len(extend_org(s, m)):])
        if more and clean_org(more.group("org")):
            relation = "leads" if more.group("verb").lower() in ("owned", "led") else "oversees"
            rel.add(clean_org(more.group("org")), relation, found[-1], line, more.group(0)[:120], 0.6,
                    subject_is_org=True)
    for m in _OVERSEEN_BY.finditer(s):
        if _NEGATED.search(m.group(0)):
            continue
        found = plans_in(plans, m.group("what")[-100:])
        if not found and section_plan and (
                re.search(r"\b(?:the|this)\s+(?:strategy|plan|programme|framework)\s*$", m.group("what"), re.IGNORECASE)
                or _DELIVERY_OF_PLAN.search(m.group("what"))):
            found = [section_plan]  # "Day-to-day delivery will be overseen by X": the paper's plan
        org = clean_org(extend_org(s, m))
        if found and org:
            rel.add(org, "oversees", found[-1], line, m.group(0)[-120:], 0.7, subject_is_org=True)
            more = _AND_BY.match(s[m.end("org"):])  # "... owned by X and monitored by Y"
            if more and clean_org(more.group("org")):
                relation = "leads" if more.group("verb").lower() in ("owned", "led") else "oversees"
                rel.add(clean_org(more.group("org")), relation, found[-1], line, more.group(0)[:120], 0.6,
                        subject_is_org=True)
    for m in _OVERSIGHT_SITS.finditer(s):
        found = plans_in(plans, m.group("what")) or ([section_plan] if section_plan else [])
        if found:
            rel.add(clean_org(m.group("org")), "oversees", found[0], line, m.group(0), 0.7, subject_is_org=True)
        return
    for m in _OVERSEE.finditer(s):
        if _NEGATED.search(s[max(0, m.start() - 20):m.start("rest")]):
            continue  # "no board oversees it"
        if re.search(r"\btake\s+over\b", s[max(0, m.start("rest") - 40):m.start("rest")]):
            continue  # "take over oversight of X from Y": read in extract.governance.oversight.tor
        subj = extend_org(s, m, "subj")
        low = subj.lower()
        if low.split()[0] in ("a", "an", "the") and low.split()[-1] in ("group", "board"):
            subj = " ".join(subj.split()[1:])
        subj = clean_org(subj)
        found = plans_in(plans, m.group("rest")) or plans_in(plans, s)
        obj = found[0] if found else None
        if obj is None:
            o = first_org(re.split(r"\s+and\s+(?:will\s+)?(?:report|feed|provide|submit)", m.group("rest"))[0])
            obj = o
        if obj is None and section_plan and re.search(r"\bdevelopments?\b|\bwork\b|\bprogramme\b", m.group("rest")):
            obj = section_plan
        rel.add(subj, "oversees", obj, line, m.group(0)[:120], 0.6, subject_is_org=True)


_DELIVER = re.compile(rf"\bdeliver(?:s|ed)?\s+(?P<what>[^.]{{3,80}}?)\s+(?:in\s+\w+\s+)?(?:through|via|by)\s+"
                      rf"(?P<org>{ORG}|[A-Z][\w’'&\-]+(?:\s+[A-Z][\w’'&\-]+){{0,3}})")
_DELIVERED_BY = re.compile(rf"(?P<what>[^.]{{3,80}}?)\s+(?:is|are|will be)\s+delivered\s+by\s+(?P<org>{ORG})")


def delivers(rel: Rel, s: str, line: int, plans: PlanSet | None) -> None:
    for pat in (_DELIVER, _DELIVERED_BY):
        for m in pat.finditer(s):
            found = plans_in(plans, m.group("what"))
            org = clean_org(m.group("org"))
            if found and org:
                rel.add(org, "delivers", found[-1], line, m.group(0)[:120], 0.6, subject_is_org=True)


_PROVIDES = re.compile(r"^\W*(?P<subj>[A-Z][\w&’'\-]*(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w&’'\-]*){0,5})\s+(?:also\s+)?"
                       r"(?:provides|delivers|runs|offers|commissions|operates)\s+(?:the\s+|a\s+|an\s+)?(?P<rest>[^.;]{3,120})")


def provides(rel: Rel, s: str, line: int, plans: PlanSet | None) -> None:
    """'Public Health also provides MECC (Making Every Contact Count) training': a body the paper
    names delivers the plan named right after the verb."""
    m = _PROVIDES.match(s)
    if not m or plans is None:
        return
    subj = clean_org(m.group("subj"))
    if not subj or subj.split()[0] in NOT_ORG or subj.lower() in rel.person_names:
        return
    if subj.lower() not in rel.known_names and not (len(subj.split()) >= 2 and rel.doc_text.count(subj) >= 3):
        return  # a body the paper names, or a capitalised name it keeps using
    first = plans_in(plans, m.group("rest")[:60])
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


def owned(rel: Rel, s: str, line: int, plans: PlanSet | None) -> None:
    """'the council's new Procurement Strategy', "City Hall's Streetspace programme": a body's own plan.
    The owner counts when it is plainly a body (a body word ends it, or the paper names it as one)."""
    if plans is None:
        return
    for m in _OWNER.finditer(s):
        owner = clean_org(m.group("owner"))
        if not owner or owner.split()[0] in NOT_ORG:
            continue
        if not (re.search(rf"(?:{ORG_HEADS})$", owner, re.IGNORECASE) or owner.lower() in rel.known_names):
            continue
        rest = m.group("rest")
        bare = owner.lower() in ("council", "board", "partnership", "trust", "authority")
        for name in (plans_in(plans, rest) or (plans_in(plans, m.group(0)) if bare else []))[:1]:
            # "the Council's Parks Strategy", known by that variant: the paper's council leads it
            pos = rest.lower().find(name.lower().split()[0])
            if 0 <= pos <= 3:  # the plan is what the owner owns, not a later mention
                rel.add(owner.title() if owner.islower() else owner, "leads", name, line, m.group(0)[:120], 0.5,
                        subject_is_org=True)


_BRINGS = re.compile(r"\bbring(?:s|ing)?\s+together\s+(?:partners|agencies|colleagues)\s+(?:in|from)\s+(?:the\s+)?"
                     r"(?P<list>[^.;:]{5,200})")


def brings(rel: Rel, s: str, line: int, plan: str | None) -> None:
    if not plan:
        return
    for m in _BRINGS.finditer(s):
        for org in list_items(m.group("list")):
            rel.add(org, "delivers", plan, line, m.group(0)[:120], 0.5, subject_is_org=True)
