"""Sentences that both name a plan the register lacks and say which body leads it:
"Prevent, the Council's counter-terrorism initiative"; "X has launched a new ... programme"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.governance.common import quote_of
from extract.governance.oversight.collector import Rel
from extract.governance.oversight.names import NOT_ORG, ORG, clean_org, plans_in
from extract.records import Fact

if TYPE_CHECKING:
    from extract.governance.plans import PlanSet


_APPOSITIVE = re.compile(r"(?P<x>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}),\s+the\s+(?P<org>[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,4})"
                         r"['’]s\s+(?P<what>(?:[\w\-]+\s+){0,3}?(?:initiative|programme|strategy|scheme|plan|project|policy|"
                         r"framework|campaign))\b")


def appositive(rel: Rel, s: str, line: int, plans: PlanSet | None, new_plans: list[Fact]) -> None:
    """'Prevent, the Council's counter-terrorism initiative': a plan named by what it is."""
    from extract.governance.plans import kind_of
    for m in _APPOSITIVE.finditer(s):
        x = m.group("x")
        words = x.split()
        while len(words) > 1 and words[0] in NOT_ORG | {"As", "Well"}:
            words = words[1:]
        x = " ".join(words)
        if plans is not None and plans.find(x) is None:
            plans.add(x, m.group("what"), line, quote_of(rel.doc.line(line), x), 0.5)
            new_plans.append(Fact("plan", {"name": x, "kind": kind_of(m.group("what")), "variants": [x],
                                           "period": None}, line, quote_of(rel.doc.line(line), m.group(0)),
                                  confidence=0.5))
        rel.add(clean_org(m.group("org")), "leads", x, line, m.group(0), 0.5, subject_is_org=True)


_RUNS = re.compile(rf"(?P<org>{ORG})(?:\s*\([A-Z]{{2,8}}\))?\s+(?:has|have|had)\s+(?:also\s+)?(?:been\s+running|launched|"
                   rf"developed|set\s+up|introduced|embedded|established|commissioned|created)\s+(?P<rest>[^.;]{{4,160}})")
_NP_HEAD = re.compile(r"\b(?:strateg(?:y|ies)|plan|programme|framework|initiative|project|scheme|approach|pilot|service)\b",
                      re.IGNORECASE)


def runs(rel: Rel, s: str, line: int, plans: PlanSet | None, new_plans: list[Fact]) -> None:
    from extract.governance.plans import kind_of
    for m in _RUNS.finditer(s):
        org = clean_org(m.group("org"))
        if not org:
            continue
        rest = m.group("rest")
        found = plans_in(plans, rest[:120])
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
