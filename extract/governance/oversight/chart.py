"""Structure charts drawn in text (tree connectors or arrows): each body reports_to its parent."""
from __future__ import annotations

import re

from extract.governance.oversight.collector import Rel
from extract.governance.oversight.names import ORG, ORG_RE, clean_org


#: a structure chart drawn in text: "  └ X" / "├── X" / "|-- X" under its parent, or "X → Y"
_TREE_ITEM = re.compile(r"^(?P<indent>[\s│┃]*)(?:[└├┗┣|`+]\s*(?:[─━—\-]+\s*)?|[-–]+>\s*|↳\s*)(?P<name>[A-Z].*?)\s*$")
_ARROW = re.compile(rf"^\s*(?P<a>{ORG})\s*(?:→|->|⟶|=>|►)\s*(?P<b>{ORG})\s*\.?\s*$")


def _chart_name(text: str) -> str | None:
    org = clean_org(text.strip(" .;:"))
    if not org or not ORG_RE.fullmatch(org) or len(org.split()) < 2:
        return None
    return org


def read_chart(rel: Rel) -> None:
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
