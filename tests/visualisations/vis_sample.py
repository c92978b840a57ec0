"""A tiny real store for the view tests: two board papers' worth of hand-made facts, written via graph.store."""
from __future__ import annotations

from pathlib import Path

from extract import Document, Extraction, Fact
from graph.store import GraphStore

HWB = "https://w3id.org/govgraph/id/organisation/wexcombe-health-and-wellbeing-board"
ICP = "https://w3id.org/govgraph/id/organisation/wexcombe-integrated-care-partnership"
ANN = "https://w3id.org/govgraph/id/person/ann-smith"
CAROL = "https://w3id.org/govgraph/id/person/carol-white"
DAN = "https://w3id.org/govgraph/id/person/dan-brown"
STRATEGY = "https://w3id.org/govgraph/id/plan/joint-health-strategy"
CARERS = "https://w3id.org/govgraph/id/plan/carers-plan"

_LINES_2021 = [
    "Wexcombe Health and Wellbeing Board, 17 June 2021",
    "Members: Ann Smith (Chair), Bob Jones, Carol White",
    "Wexcombe Integrated Care Partnership members: Ann Smith, Eve Green",
    "The Board oversees the Joint Health Strategy.",
    "The Board reports to the Integrated Care Partnership.",
    "Action 1.1 Reduce smoking (lead: Public Health) aligns with P1 Give every child the best start.",
    "Action 1.2 Warm homes aligns with P1 and P2 Fair employment.",
    "P1 Give every child the best start in life; P2 Fair employment; P3 Healthy standard of living.",
    "The Carers Plan was noted.",
    "Present: Ann Smith. Ann Smith, Director of Public Health, Wexcombe Council.",
]
_LINES_2022 = [
    "Wexcombe Health and Wellbeing Board, 10 March 2022",
    "Members: Ann Smith (Vice-Chair), Bob Jones, Dan Brown",
    "Dan Brown joined the Board.",
]


def _f(fact_type: str, line: int, quote: str, **fields: object) -> Fact:
    return Fact(fact_type, dict(fields), line, quote, extractor="test")


def extractions() -> list[Extraction]:
    doc1 = Document("a1b2c3d4e5f60718", "hwb_2021-06-17.txt", "/papers/hwb_2021-06-17.txt", "txt", _LINES_2021,
                    title="HWB June 2021", date="2021-06-17")
    hwb, icp = "Wexcombe Health and Wellbeing Board", "Wexcombe Integrated Care Partnership"
    facts1 = [
        _f("organisation", 1, _LINES_2021[0], name=hwb, kind="board"),
        _f("organisation", 3, _LINES_2021[2], name=icp, kind="partnership"),
        _f("organisation", 6, _LINES_2021[5], name="Public Health", kind="group"),
        _f("organisation", 10, _LINES_2021[9], name="Wexcombe Council"),
        *[_f("person", 2, _LINES_2021[1], name=n) for n in ("Ann Smith", "Bob Jones", "Carol White")],
        _f("person", 3, _LINES_2021[2], name="Eve Green"),
        _f("membership", 2, "Ann Smith (Chair)", person="Ann Smith", body=hwb, role="chair", as_of="2021-06-17"),
        _f("membership", 2, "Bob Jones", person="Bob Jones", body=hwb, role="member", as_of="2021-06-17"),
        _f("membership", 2, "Carol White", person="Carol White", body=hwb, role="member", as_of="2021-06-17"),
        _f("membership", 3, "Ann Smith", person="Ann Smith", body=icp, role="member", as_of="2021-06-17"),
        _f("membership", 3, "Eve Green", person="Eve Green", body=icp, role="member", as_of="2021-06-17"),
        _f("plan", 4, _LINES_2021[3], name="Joint Health Strategy", kind="strategy"),
        _f("plan", 9, _LINES_2021[8], name="Carers Plan", kind="plan"),
        _f("oversight", 4, _LINES_2021[3], subject=hwb, relation="oversees", object="Joint Health Strategy"),
        _f("oversight", 5, _LINES_2021[4], subject=hwb, relation="reports_to", object=icp),
        _f("principle", 8, "P1 Give every child the best start in life", id="P1", kind="strategic",
           framework="Marmot Principles", text="Give every child the best start in life"),
        _f("principle", 8, "P2 Fair employment", id="P2", kind="strategic", framework="Marmot Principles",
           text="Fair employment"),
        _f("principle", 8, "P3 Healthy standard of living", id="P3", kind="strategic",
           framework="Marmot Principles", text="Healthy standard of living"),
        _f("action", 6, _LINES_2021[5], id="1.1", text="Reduce smoking", plan="Joint Health Strategy",
           leads=["Public Health"]),
        _f("action", 7, _LINES_2021[6], id="1.2", text="Warm homes", plan="Joint Health Strategy"),
        _f("alignment", 6, "aligns with P1", item="1.1", principle="P1"),
        _f("alignment", 7, "aligns with P1", item="1.2", principle="P1"),
        _f("alignment", 7, "and P2 Fair employment", item="1.2", principle="P2"),
        _f("meeting", 1, _LINES_2021[0], id="hwb-2021-06-17", body=hwb, date="2021-06-17"),
        _f("attendance", 10, "Present: Ann Smith", person="Ann Smith", meeting="hwb-2021-06-17",
           date="2021-06-17", status="present"),
        _f("position", 10, "Ann Smith, Director of Public Health, Wexcombe Council", person="Ann Smith",
           post="Director of Public Health", organisation="Wexcombe Council", as_of="2021-06-17"),
    ]
    doc2 = Document("0f1e2d3c4b5a6978", "hwb_2022-03-10.txt", "/papers/hwb_2022-03-10.txt", "txt", _LINES_2022,
                    title="HWB March 2022", date="2022-03-10")
    facts2 = [
        _f("organisation", 1, _LINES_2022[0], name=hwb, kind="board"),
        *[_f("person", 2, _LINES_2022[1], name=n) for n in ("Ann Smith", "Bob Jones", "Dan Brown")],
        _f("membership", 2, "Ann Smith (Vice-Chair)", person="Ann Smith", body=hwb, role="vice-chair",
           as_of="2022-03-10"),
        _f("membership", 2, "Bob Jones", person="Bob Jones", body=hwb, role="member", as_of="2022-03-10"),
        _f("membership", 2, "Dan Brown", person="Dan Brown", body=hwb, role="member", as_of="2022-03-10"),
        _f("change", 3, _LINES_2022[2], change="joined", person="Dan Brown", body=hwb, date="2022-03-10"),
    ]
    return [Extraction(doc1, facts1), Extraction(doc2, facts2)]


def build_store(path: Path) -> GraphStore:
    """A writable store at `path` holding the two sample papers."""
    store = GraphStore.open(path)
    for extraction in extractions():
        store.write_extraction(extraction)
    return store
