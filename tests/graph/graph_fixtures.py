"""Facts of two fictional papers (every fact type) and helpers to build extractions of them."""
from __future__ import annotations

import copy
from typing import Any

from extract import Document, Extraction, Fact

BOARD = "Millbrook Wellbeing Board"
COUNCIL = "Millbrook Borough Council"
STRATEGY = "Millbrook Safer Streets Strategy"

PAPER_A_FACTS: list[dict[str, Any]] = [
    {"type": "person", "line": 3, "quote": "Cllr Ada Fenwick OBE", "name": "Ada Fenwick",
     "variants": ["Ada Fenwick", "Cllr Ada Fenwick OBE"], "titles": ["Cllr", "OBE"]},
    {"type": "person", "line": 4, "quote": "Tomas Oduya", "name": "Tomas Oduya",
     "variants": ["Tomas Oduya"], "titles": []},
    {"type": "person", "line": 5, "quote": "Dr Priya Lund", "name": "Priya Lund",
     "variants": ["Dr Priya Lund"], "titles": ["Dr"]},
    {"type": "organisation", "line": 1, "quote": "Millbrook Wellbeing Board", "name": BOARD,
     "kind": "board", "variants": ["MWB", "Wellbeing Board"]},
    {"type": "organisation", "line": 3, "quote": "Millbrook Borough Council", "name": COUNCIL,
     "kind": "council", "variants": [COUNCIL]},
    {"type": "organisation", "line": 20, "quote": "Youth Outreach Team", "name": "Youth Outreach Team",
     "kind": None, "variants": []},
    {"type": "plan", "line": 12, "quote": "Safer Streets Strategy 2024-2027", "name": STRATEGY,
     "kind": "strategy", "variants": ["Safer Streets Strategy"], "period": "2024-2027"},
    {"type": "plan", "line": 13, "quote": "the annual review", "name": "Annual Review",
     "kind": "report", "variants": [], "period": None},
    {"type": "meeting", "line": 2, "quote": "Tuesday 5 March 2024", "id": "mwb-2024-03-05",
     "body": BOARD, "date": "2024-03-05", "role": "minutes"},
    {"type": "meeting", "line": 30, "quote": "next meeting to be arranged", "id": "mwb-undated",
     "body": BOARD, "date": None, "role": "agenda"},
    {"type": "membership", "line": 3, "quote": "Cllr Ada Fenwick (Chair)", "person": "Ada Fenwick",
     "body": BOARD, "role": "chair", "post": "Cabinet Member for Wellbeing", "affiliation": COUNCIL,
     "as_of": "2024-03-05"},
    {"type": "membership", "line": 4, "quote": "Tomas Oduya", "person": "Tomas Oduya", "body": BOARD,
     "role": "member", "post": None, "affiliation": None, "as_of": None},
    {"type": "membership", "line": 6, "quote": "Vacancy", "person": None, "body": BOARD,
     "role": "vacancy", "post": "Voluntary sector seat", "affiliation": None, "as_of": "2024-03-05"},
    {"type": "attendance", "line": 8, "quote": "Present: Cllr Ada Fenwick", "person": "Ada Fenwick",
     "meeting": "mwb-2024-03-05", "date": "2024-03-05", "status": "present", "substitute_for": None,
     "mode": "in person"},
    {"type": "attendance", "line": 9, "quote": "Dr Priya Lund (for Tomas Oduya)", "person": "Priya Lund",
     "meeting": "mwb-2024-03-05", "date": None, "status": "substitute", "substitute_for": "Tomas Oduya",
     "mode": None},
    {"type": "position", "line": 3, "quote": "Cabinet Member for Wellbeing", "person": "Ada Fenwick",
     "post": "Cabinet Member for Wellbeing", "organisation": COUNCIL, "as_of": "2024-03-05"},
    {"type": "change", "line": 10, "quote": "Tomas Oduya joined the Board", "change": "joined",
     "person": "Tomas Oduya", "body": BOARD, "date": "2024-01-15", "detail": "replaces a retiring member"},
    {"type": "change", "line": 11, "quote": "stepping down", "change": "left", "person": "Priya Lund",
     "body": None, "date": None, "detail": None},
    {"type": "oversight", "line": 14, "quote": "The Board oversees the strategy", "subject": BOARD,
     "relation": "oversees", "object": STRATEGY},
    {"type": "oversight", "line": 3, "quote": "(Chair)", "subject": BOARD, "relation": "chaired_by",
     "object": "Ada Fenwick"},
    {"type": "oversight", "line": 15, "quote": "reports to the Council", "subject": BOARD,
     "relation": "reports_to", "object": COUNCIL},
    {"type": "principle", "line": 16, "quote": "Prevention first", "id": "SP1", "kind": "strategic",
     "framework": STRATEGY, "text": "Prevention comes before enforcement."},
    {"type": "principle", "line": 17, "quote": "Share data", "id": "EP1", "kind": "enabling",
     "framework": STRATEGY, "text": "Partners share data safely."},
    {"type": "action", "line": 20, "quote": "2.1.1", "id": "2.1.1", "text": "Run evening youth sessions.",
     "plan": STRATEGY, "leads": ["Youth Outreach Team", COUNCIL]},
    {"type": "action", "line": 21, "quote": "2.1.2", "id": "2.1.2", "text": "Map street lighting gaps.",
     "plan": STRATEGY, "leads": []},
    {"type": "alignment", "line": 20, "quote": "[SP1]", "item": "2.1.1", "principle": "SP1"},
    {"type": "alignment", "line": 20, "quote": "[EP1]", "item": "2.1.1", "principle": "EP1"},
    {"type": "alignment", "line": 12, "quote": "aligned with prevention", "item": STRATEGY, "principle": "SP1"},
    {"type": "priority", "line": 24, "quote": "1. safer routes to school", "id": "1",
     "text": "safer routes to school", "body": BOARD},
    {"type": "recommendation", "line": 26, "quote": "The Board is asked to note", "id": "a",
     "text": "The Board is asked to note the strategy.", "body": BOARD, "report": "Annual Review"},
]

PAPER_B_FACTS: list[dict[str, Any]] = [
    {"type": "person", "line": 2, "quote": "Ada Fenwick", "name": "Ada Fenwick", "variants": ["Ada Fenwick"],
     "titles": []},
    {"type": "organisation", "line": 1, "quote": "Millbrook Wellbeing Board", "name": BOARD, "kind": "board",
     "variants": []},
    {"type": "membership", "line": 2, "quote": "Ada Fenwick, Chair", "person": "Ada Fenwick", "body": BOARD,
     "role": "chair", "post": None, "affiliation": None, "as_of": "2023-11-01", "note": "older list"},
    {"type": "attendance", "line": 3, "quote": "Apologies: Ada Fenwick", "person": "Ada Fenwick",
     "meeting": None, "date": "2023-11-01", "status": "apologies", "substitute_for": None, "mode": None},
]


def make_extraction(name: str, facts: list[dict[str, Any]], doc_id: str, path: str | None = None,
                    lines: int = 40) -> Extraction:
    """An Extraction of a fictional paper whose facts are given in the facts format."""
    doc = Document(id=doc_id, name=name, path=path or f"/papers/{name}", format="txt",
                   lines=[f"line {n} of {name}" for n in range(1, lines + 1)], title=f"Papers {name}",
                   date="2024-03-05")
    records = []
    for fact in copy.deepcopy(facts):
        fact_type, line, quote = fact.pop("type"), fact.pop("line"), fact.pop("quote")
        records.append(Fact(fact_type, fact, line, quote, extractor="test.v1", confidence=CONFIDENCE))
    return Extraction(doc, records)


#: the extractor confidence every fixture fact is stored with
CONFIDENCE = 0.9


def as_facts(name: str, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts as the export writes them: with `doc`, the confidence they were stored with, lists sorted."""
    out = []
    for fact in copy.deepcopy(facts):
        fact["doc"] = name
        fact["confidence"] = CONFIDENCE
        for key in ("variants", "titles", "leads"):
            if key in fact:
                fact[key] = sorted(set(fact[key]))
        out.append(fact)
    return out
