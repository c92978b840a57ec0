"""Plan-to-plan links: aligns_with ("in alignment with", "supports the delivery of", ...) and a
plan's "corresponding" action plan as part_of it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.governance.oversight.collector import Rel
from extract.governance.oversight.names import first_org, plans_in

if TYPE_CHECKING:
    from extract.governance.plans import PlanSet


_THIS_PLAN = re.compile(r"^\W*(?:This|The)\s+(?P<noun>strategy|plan|programme|framework|policy)\s+"
                        r"(?:also\s+|directly\s+)?(?:supports|contributes|aligns|is\s+aligned|links|helps)\b")


def anaphor(s: str, plans: PlanSet | None, last_plans: list[str]) -> str | None:
    """'This strategy supports ...' right after a paragraph naming a strategy: that strategy."""
    m = _THIS_PLAN.match(s)
    if not m or plans is None:
        return None
    noun = m.group("noun").lower()
    for name in reversed(last_plans[-2:]):
        words = [w for w in name.lower().split() if not re.match(r"^[\d(]", w)]  # "X Strategy 2025-2028": strategy
        if words and words[-1] == noun:
            return name
    return None


_ALIGN = re.compile(r"\b(?:supports?\s+(?:the\s+)?(?:delivery|achievement|implementation)\s+of|contributes?\s+to\s+"
                    r"(?:the\s+)?(?:delivery|aims|objectives|outcomes)\s+of|in\s+alignment\s+with(?:\s+that\s+of)?|aligns?\s+with|following(?=\s+the\s+[A-Z])|aligned\s+(?:with|to)|framed\s+within\s+the\s+context"
                    r"\s+of|link\s+in\s+with|links?\s+(?:in\s+)?with|consistent\s+with|in\s+line\s+with)\b"
                    r"(?P<rest>[^.]*)", re.IGNORECASE)


def aligns(rel: Rel, s: str, line: int, plans: PlanSet | None, section_plan: str | None) -> None:
    if not section_plan or re.search(r"\bprincipl|\bpriorit", s, re.IGNORECASE):
        return
    for m in _ALIGN.finditer(s):
        rest = m.group("rest") if not m.group(0).lower().startswith("following") else m.group("rest")[:90]
        targets = [t for t in plans_in(plans, rest) if not re.search(r"['’]s\s", t)]
        for target in targets:
            rel.add(section_plan, "aligns_with", target, line, m.group(0)[:120], 0.5)
        if not targets and re.match(r"(?i)in\s+alignment\s+with|aligns?\s+with", m.group(0)):
            org = first_org(rest[:100])
            if org and len(org.split()) >= 2:
                rel.add(section_plan, "aligns_with", org, line, m.group(0)[:120], 0.4, object_is_org=True)


_CORRESPONDING = re.compile(r"\band\s+(?:its\s+|the\s+|a\s+)?(?:corresponding|associated|accompanying|supporting)\s+")


def corresponding(rel: Rel, s: str, line: int, plans: PlanSet | None) -> None:
    """'the VAWG strategy and corresponding VAWG action plan': the plan is part of the strategy."""
    for m in _CORRESPONDING.finditer(s):
        before = plans_in(plans, s[max(0, m.start() - 80):m.start()])
        after = plans_in(plans, s[m.end():m.end() + 80])
        if before and after and before[-1] != after[0]:
            rel.add(after[0], "part_of", before[-1], line, m.group(0), 0.5)
