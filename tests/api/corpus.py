"""A small fictional council as extracted facts: three dated papers of one board, plus plans.

Timeline the tests rely on:
- 2021-06-17 (paper A): the Wexcombe Health and Wellbeing Board lists Ann Smith (chair), Bob Jones and
  Carol White (members) and one vacancy; Ann is present at the meeting, Bob sends apologies.
- 2022-03-10 (paper B): Ann Smith (chair), Carol White (now vice-chair), Dave Green (member); Bob gone.
- 2023-01-12 (paper C): Ann Smith (chair), Dave Green, Erin Black; a vacancy.
- Oversight: the Board oversees the Violence Reduction Strategy and reports to the Cabinet, which
  reports to Wexcombe Council. Nobody oversees the Adult Social Care Plan.
- Principles SP1, SP2 (strategic) and EP1 (enabling) of the Violence Reduction Framework;
  action 1.1 (led by Wexcombe Police) aligns with SP1 and EP1, action 1.2 with SP1, action 2.1 with none;
  SP2 has no action.
"""
from __future__ import annotations

from extract import Document, Extraction, Fact

BOARD = "Wexcombe Health and Wellbeing Board"
STRATEGY = "Wexcombe Violence Reduction Strategy"
FRAMEWORK = "Violence Reduction Framework"
CARE_PLAN = "Wexcombe Adult Social Care Plan"


def _doc(doc_id: str, name: str, date: str, lines: list[str]) -> Document:
    return Document(id=doc_id, name=name, path=f"/papers/{name}", format="txt", lines=lines,
                    title=f"{BOARD} {date}", date=date)


def _fact(fact_type: str, line: int, quote: str, **fields: object) -> Fact:
    return Fact(fact_type, dict(fields), line, quote, extractor=f"govgraph.test.{fact_type}.v1")


def _members(date: str, start: int, rows: list[tuple[str | None, str]]) -> list[Fact]:
    out = []
    for i, (person, role) in enumerate(rows):
        quote = f"{person or 'Vacancy'} - {role}"
        out.append(_fact("membership", start + i, quote, person=person, body=BOARD, role=role, as_of=date))
        if person:
            out.append(_fact("person", start + i, quote, name=person, variants=[person], titles=[]))
    return out


def paper_a() -> Extraction:
    lines = [f"line {n}" for n in range(1, 41)]
    doc = _doc("aaaa000000000001", "01_hwb_2021-06-17.txt", "2021-06-17", lines)
    facts = [
        _fact("organisation", 1, BOARD, name=BOARD, kind="board", variants=[BOARD, "the Board"]),
        _fact("organisation", 2, "Cabinet", name="Wexcombe Cabinet", kind="committee", variants=["Cabinet"]),
        _fact("organisation", 3, "Wexcombe Council", name="Wexcombe Council", kind="council", variants=[]),
        _fact("organisation", 4, "Wexcombe Police", name="Wexcombe Police", kind="agency", variants=[]),
        _fact("meeting", 5, "17 June 2021", id="hwb-2021-06-17", body=BOARD, date="2021-06-17", role="agenda"),
        *_members("2021-06-17", 10, [("Ann Smith", "chair"), ("Bob Jones", "member"), ("Carol White", "member"),
                                     (None, "vacancy")]),
        _fact("attendance", 20, "Cllr Ann Smith (Chair)", person="Ann Smith", meeting="hwb-2021-06-17",
              date="2021-06-17", status="present"),
        _fact("attendance", 21, "Apologies: Dr Bob Jones", person="Bob Jones", meeting="hwb-2021-06-17",
              date="2021-06-17", status="apologies"),
        _fact("position", 22, "Cabinet Member for Health", person="Ann Smith", post="Cabinet Member for Health",
              organisation="Wexcombe Council", as_of="2021-06-17"),
        _fact("plan", 25, STRATEGY, name=STRATEGY, kind="strategy", variants=[STRATEGY], period="2021-2024"),
        _fact("plan", 26, CARE_PLAN, name=CARE_PLAN, kind="plan", variants=[CARE_PLAN], period=None),
        _fact("plan", 27, FRAMEWORK, name=FRAMEWORK, kind="framework", variants=[FRAMEWORK], period=None),
        _fact("oversight", 28, "The Board oversees the strategy", subject=BOARD, relation="oversees",
              object=STRATEGY),
        _fact("oversight", 29, "The Board reports to Cabinet", subject=BOARD, relation="reports_to",
              object="Wexcombe Cabinet"),
        _fact("oversight", 30, "Cabinet reports to Council", subject="Wexcombe Cabinet", relation="reports_to",
              object="Wexcombe Council"),
        _fact("principle", 31, "SP1 Prevention first", id="SP1", kind="strategic", framework=FRAMEWORK,
              text="Prevention first"),
        _fact("principle", 32, "SP2 Listen to young people", id="SP2", kind="strategic", framework=FRAMEWORK,
              text="Listen to young people"),
        _fact("principle", 33, "EP1 Share data", id="EP1", kind="enabling", framework=FRAMEWORK, text="Share data"),
        _fact("action", 34, "1.1 Youth outreach", id="1.1", text="Youth outreach", plan=STRATEGY,
              leads=["Wexcombe Police"]),
        _fact("action", 35, "1.2 School workshops", id="1.2", text="School workshops", plan=STRATEGY, leads=[]),
        _fact("action", 36, "2.1 Lighting survey", id="2.1", text="Lighting survey", plan=STRATEGY, leads=[]),
        _fact("alignment", 37, "1.1 SP1", item="1.1", principle="SP1"),
        _fact("alignment", 38, "1.1 EP1", item="1.1", principle="EP1"),
        _fact("alignment", 39, "1.2 SP1", item="1.2", principle="SP1"),
    ]
    return Extraction(doc, facts)


def paper_b() -> Extraction:
    lines = [f"line {n}" for n in range(1, 21)]
    doc = _doc("bbbb000000000002", "02_hwb_2022-03-10.txt", "2022-03-10", lines)
    facts = [
        _fact("organisation", 1, BOARD, name=BOARD, kind="board", variants=[BOARD]),
        _fact("meeting", 2, "10 March 2022", id="hwb-2022-03-10", body=BOARD, date="2022-03-10", role="minutes"),
        *_members("2022-03-10", 5, [("Ann Smith", "chair"), ("Carol White", "vice-chair"), ("Dave Green", "member")]),
        _fact("change", 12, "Dave Green joined the Board", change="joined", person="Dave Green", body=BOARD,
              date="2022-03-10", detail=None),
        _fact("attendance", 14, "Present: Dave Green", person="Dave Green", meeting="hwb-2022-03-10",
              date="2022-03-10", status="present"),
    ]
    return Extraction(doc, facts)


def paper_c() -> Extraction:
    lines = [f"line {n}" for n in range(1, 21)]
    doc = _doc("cccc000000000003", "03_hwb_2023-01-12.txt", "2023-01-12", lines)
    facts = [
        _fact("organisation", 1, BOARD, name=BOARD, kind="board", variants=[BOARD]),
        _fact("meeting", 2, "12 January 2023", id="hwb-2023-01-12", body=BOARD, date="2023-01-12", role="agenda"),
        *_members("2023-01-12", 5, [("Ann Smith", "chair"), ("Dave Green", "member"), ("Erin Black", "member"),
                                    (None, "vacancy")]),
    ]
    return Extraction(doc, facts)


def extractions() -> list[Extraction]:
    return [paper_a(), paper_b(), paper_c()]
