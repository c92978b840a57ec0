"""Colour and shape per entity type, a palette for frameworks, and the legend."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ontology.vocab import RELATIONS


@dataclass(frozen=True, slots=True)
class Style:
    colour: str
    shape: str  #: a vis-network shape: dot, box, diamond, triangle, square, star, ellipse, hexagon
    size: int
    label: str  #: legend text


TYPE_STYLES: dict[str, Style] = {
    "body": Style("#1f77b4", "box", 22, "Board / body"),
    "organisation": Style("#17becf", "box", 18, "Organisation"),
    "person": Style("#ff7f0e", "dot", 12, "Person"),
    "post": Style("#bcbd22", "ellipse", 12, "Post"),
    "meeting": Style("#7f7f7f", "square", 12, "Meeting"),
    "plan": Style("#2ca02c", "diamond", 18, "Plan"),
    "action": Style("#9467bd", "triangle", 12, "Action"),
    "principle": Style("#d62728", "star", 16, "Principle"),
    "document": Style("#8c564b", "square", 10, "Document"),
    "entity": Style("#aaaaaa", "dot", 10, "Other"),
}

#: colour for nodes flagged `highlight` (shared people, unoverseen plans)
HIGHLIGHT_COLOUR = "#e6194b"
HIGHLIGHT_BORDER = "#000000"

#: edge colour by relation: the governance relations' colours are in the vocabulary (ontology/vocab.toml)
RELATION_COLOURS: dict[str, str] = {
    "member": "#9ecae1",
    "hasAction": "#9467bd",
    "related": "#bbbbbb",
    **{r.property: r.colour for r in RELATIONS},
}

FRAMEWORK_PALETTE = ("#d62728", "#e377c2", "#8c564b", "#bcbd22", "#17becf", "#ff9896", "#c49c94", "#f7b6d2")


def style_for(kind: str) -> Style:
    """The style of an entity type; unknown types get the neutral 'entity' style."""
    return TYPE_STYLES.get(kind, TYPE_STYLES["entity"])


def framework_colour(framework: str) -> str:
    """A stable colour for a framework name (the same name always gets the same colour)."""
    if not framework:
        return TYPE_STYLES["principle"].colour
    digest = hashlib.sha1(framework.encode("utf-8")).digest()
    return FRAMEWORK_PALETTE[digest[0] % len(FRAMEWORK_PALETTE)]


def relation_colour(relation: str) -> str:
    return RELATION_COLOURS.get(relation, RELATION_COLOURS["related"])


@dataclass(frozen=True, slots=True)
class LegendItem:
    label: str
    colour: str
    shape: str


def legend(kinds: set[str], groups: dict[str, str] | None = None, highlight_label: str = "") -> list[LegendItem]:
    """Legend entries for the types present, then any colour groups, then the highlight meaning."""
    items = [LegendItem(s.label + (" (colour: framework)" if k == "principle" and groups else ""), s.colour, s.shape)
             for k, s in TYPE_STYLES.items() if k in kinds]
    for name, colour in sorted((groups or {}).items()):
        items.append(LegendItem(name, colour, "star"))
    if highlight_label:
        items.append(LegendItem(highlight_label, HIGHLIGHT_COLOUR, "dot"))
    return items
