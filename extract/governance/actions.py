"""Action tables: numbered actions with their leads and the principles they align to.

Papers print a strategy's action plans as tables ("Action no. | Action | Lead partner(s) |
Strategic Principle alignment | Enabling Principle alignment"). Converted from PDF they
arrive damaged, and each repair here is a general rule:

- page numbers glued to ids ("5.1.1 Page 54") or printed in the id column ("Page 56"
  with the id moved into the action cell);
- ids misprinted ("5.97", "5.4" for the fifth action of 5.4, "5.3.3.") or missing;
- rows split over several lines (continuation rows start with an empty id cell);
- a principle cell printed once for a run of consecutive actions (a merged cell): the
  run ends at a sub-heading row or when that column is stated again, and carries on
  across page breaks and blank lines;
- a principle label printed in the wrong column: the label, not the column, decides
  whether it is strategic or enabling; a label wins over its quoted text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from extract.governance.common import (ID_AT_START, PAGE_MARK, PAGE_ONLY, acronym_definitions, clean,
                                       expand_acronym, html_cells, org_kind, principle_labels, quote_of, split_leads,
                                       title_case)
from extract.dates import iso, parse_date
from extract.governance.meeting_actions import people_so_far
from extract.pipeline import Context, register
from extract.records import Document, Fact

_HEADER_ACTION = re.compile(r"\b(action|activit|task|deliverable|commitment)", re.IGNORECASE)
_HEADER_OTHER = re.compile(r"\b(lead|owner|responsib|principle|alignment|partner)", re.IGNORECASE)
_SECTION = re.compile(r"^\s*(?P<id>\d{1,2}\.\d{1,2})\.?\s+(?P<title>\S.*)$")
_TOP = re.compile(r"^\s*(?P<n>\d{1,2})\.?\s+(?P<title>[A-Z].*)$")
_KIND_WORD = re.compile(r"\b(strategic|enabling|guiding|core|key|delivery|operating)\b", re.IGNORECASE)


@dataclass
class Row:
    line: int
    cells: list[str]
    raw: str


@dataclass
class ActionRow:
    id: str
    printed: str
    line: int
    raw: str
    cells: list[str]
    section: str | None
    plan: str | None
    label_lines: dict[str, int] = field(default_factory=dict)
    label_cols: set[int] = field(default_factory=set)

    def add(self, row: Row) -> None:
        for i, cell in enumerate(row.cells):
            if not cell:
                continue
            while len(self.cells) <= i:
                self.cells.append("")
            self.cells[i] = f"{self.cells[i]} {cell}".strip()
            for pid in principle_labels(cell) if i >= 2 else []:
                self.label_lines.setdefault(pid, row.line)
                self.label_cols.add(i)


def _rows(doc: Document) -> list[tuple[int, str, list[str] | None, str]]:
    """(line, kind, cells or None, text) for every block, in order."""
    out = []
    html_rows: set[int] = set()
    for b in doc.blocks:
        if b.line in html_rows:
            continue
        cells = html_cells(doc.line(b.line)) if b.kind != "table_row" else None
        if cells:  # an HTML table row on one line: one row, not a paragraph per cell
            html_rows.add(b.line)
            out.append((b.line, "row", cells, " ".join(c for c in cells if c)))
            continue
        if b.kind == "table_row":
            out.append((b.line, "row", [clean(c) for c in b.cells], clean(b.text)))
            continue
        aligned = _aligned_cells(doc.line(b.line)) if b.kind == "paragraph" else None
        if aligned:  # a plain-text table: columns set apart by runs of spaces
            out.append((b.line, "row", aligned, " ".join(aligned)))
        else:
            out.append((b.line, b.kind, None, clean(b.text)))
    return out


_GAP = re.compile(r"\S(?: {2,}|\t+ *)(?=\S)")


def _aligned_cells(raw: str) -> list[str] | None:
    """'A1      Run a patrol.      Police / Council      V1, V3' -> its cells, when the line
    has three or more cells set apart by 2+ spaces or tabs; else None."""
    if len(_GAP.findall(raw.strip())) < 2:
        return None
    cells = [clean(c) for c in re.split(r" {2,}|\t+ *", raw.strip())]
    return cells if len([c for c in cells if c]) >= 3 else None


def _is_header(cells: list[str]) -> bool:
    if len([c for c in cells if c]) < 3 or ID_AT_START.match(cells[0] or ""):
        return False
    if any(len(c) > 60 for c in cells[:3]):
        return False
    return any(_HEADER_ACTION.search(c) for c in cells[:2]) and sum(bool(_HEADER_OTHER.search(c)) for c in cells) >= 1


def _section_title(text: str) -> tuple[str, str] | None:
    m = _SECTION.match(text)
    if not m:
        return None
    title = m.group("title").strip(" *#")
    letters = [c for c in title if c.isalpha()]
    if not letters or len(title.split()) > 14:
        return None
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper < 0.6 and not re.search(r"\b(plan|strategy|programme|initiative|framework|activity|unit|work)\b",
                                     title, re.IGNORECASE):
        return None
    return m.group("id"), title


def _expected(prev: str | None, section: str | None) -> str | None:
    if prev:
        head, _, last = prev.rpartition(".")
        if last.isdigit():
            return f"{head}.{int(last) + 1}"
    if section:
        return f"{section}.1"
    return None


def _fix_id(printed: str, prev: str | None, section: str | None) -> str:
    """The id an action row stands for: printed unless it is plainly misprinted."""
    expected = _expected(prev, section)
    depth_ok = section is None or (printed.startswith(section + ".") and printed.count(".") == section.count(".") + 1)
    if depth_ok:
        return printed
    if expected and printed.replace(".", "") == expected.replace(".", ""):
        return expected  # "5.97" for 5.9.7
    if expected and section and printed == section:
        return expected  # "5.4" printed for the fifth action of 5.4
    if expected and section and printed.startswith(section[:section.rfind(".") + 1]) and \
            printed.count(".") == section.count("."):
        return expected  # "5.6" for 5.6.5 when the section prefix lost its last part
    return printed


#: an id of letters and a number: "A1", "CSP-03", "SV2.1"
_CODE_ID = re.compile(r"^\s*([A-Z]{1,4}[-‐]?\d{1,3}(?:\.\d{1,3}){0,2})\.?(?=\s|$)")


def _major(aid: str) -> str:
    """What the ids of one table share: '5' of 5.1.1, 'CSP' of CSP-03, 'A' of A1."""
    m = re.match(r"[A-Z]+", aid)
    return m.group(0) if m else aid.split(".")[0]


def _split_id(cells: list[str]) -> tuple[str | None, list[str]]:
    """The printed id of a row and its cells with the id column normalised."""
    cells = list(cells)
    if not cells:
        return None, cells
    first = PAGE_MARK.sub(" ", cells[0]).strip()
    m = ID_AT_START.match(first) or _CODE_ID.match(first)
    if m and not first[m.end():].strip():
        cells[0] = m.group(1)
        return m.group(1), cells
    if not first and len(cells) > 1:
        m = ID_AT_START.match(cells[1])
        if m and cells[1][m.end():].strip():
            rest = cells[1][m.end():].strip()
            return m.group(1), [m.group(1), rest, *cells[2:]]
    cells[0] = first
    return None, cells


@dataclass
class _TableState:
    """How far the reading of one action table has got."""
    section: str | None = None
    plan: str | None = None
    major: str | None = None  # the top-level number every id of the table shares
    prev_id: str | None = None
    last: ActionRow | None = None  # the action that continuation rows add to
    events: list = field(default_factory=list)

    def new_section(self, section: str, title: str) -> None:
        self.section, self.plan = section, title_case(title)
        self.prev_id = None
        self.last = None
        self.events.append("break")

    def enter_section(self, st: tuple[str, str]) -> bool:
        """A section heading; False when it is another chapter's, which ends the table."""
        if self.major and st[0].split(".")[0] != self.major:
            return False
        self.new_section(*st)
        self.major = self.major or st[0].split(".")[0]
        return True

    def new_action(self, printed: str, line: int, raw: str, cells: list[str]) -> ActionRow:
        aid = _fix_id(printed, self.prev_id, self.section)
        self.last = ActionRow(aid, printed, line, raw, cells, self.section, self.plan)
        self.events.append(self.last)
        self.prev_id = aid
        return self.last


def parse_action_tables(doc: Document, people: set[str] | None = None
                        ) -> Iterator[tuple[list[str], dict[int, str], list, dict[str, object]]]:
    """Yield (header, principle column kinds, events, layout) for each action table; events are
    ActionRows and 'break' marks."""
    rows = _rows(doc)
    i = 0
    n = len(rows)
    while i < n:
        line, kind, cells, text = rows[i]
        if kind != "row" or not _is_header(cells):
            i += 1
            continue
        header = cells
        state = _TableState()
        announced = _section_before(rows, i)
        if announced:
            state.section, state.plan = announced[0], title_case(announced[1])
            state.major = state.section.split(".")[0]
        i += 1
        while i < n:
            line, kind, cells, text = rows[i]
            i += 1
            if not text or PAGE_ONLY.match(text):
                continue
            if kind == "row":
                more = _read_grid_row(state, doc, line, cells)
            else:
                more = _read_loose_line(state, doc, line, text)
            if not more:
                break
        yield header, _principle_columns(header), state.events, _layout(header)


def _principle_columns(header: list[str]) -> dict[int, str]:
    """Principle columns whose header says which kind they hold: {column: 'strategic'}."""
    col_kind = {}
    for ci, c in enumerate(header):
        m = _KIND_WORD.search(c)
        if m and re.search(r"principle", c, re.IGNORECASE):
            col_kind[ci] = m.group(1).lower()
    return col_kind


def _section_before(rows: list[tuple[int, str, list[str] | None, str]], header_at: int) -> tuple[str, str] | None:
    """The section announced on the row just before a table's header, if any."""
    if header_at < 1:
        return None
    back = rows[header_at - 1]
    return _section_title(back[3]) if back[2] is None or not any(back[2][1:]) else None


def _read_grid_row(state: _TableState, doc: Document, line: int, cells: list[str]) -> bool:
    """One row of the table grid; False when it ends the table."""
    if _is_header(cells):
        return True  # header repeated after a page break
    printed, norm = _split_id(cells)
    if printed is None:
        return _read_unnumbered_row(state, doc, line, norm)
    others = [c for c in norm[1:] if c]
    if not others and norm[0] != printed:
        return True
    st = _section_title(cells[0]) if not others else None
    if st and not any(norm[1:]) and PAGE_MARK.sub("", cells[0]).strip() != printed:
        state.new_section(*st)
        return True
    if not _follow_numbering(state, printed, bool(st)):
        return False
    state.new_action(printed, line, doc.line(line), []).add(Row(line, norm, doc.line(line)))
    return True


def _read_unnumbered_row(state: _TableState, doc: Document, line: int, norm: list[str]) -> bool:
    """A grid row without an id: a continuation, a section heading or a sub-heading."""
    if not norm[0] and any(norm[1:]):
        if state.last is not None:
            state.last.add(Row(line, norm, doc.line(line)))
        return True
    if not any(norm):
        return True
    st = _section_title(norm[0]) if not any(norm[1:]) else None
    if st:
        return state.enter_section(st)
    state.events.append("break")  # sub-heading or description row
    return True


def _follow_numbering(state: _TableState, printed: str, section_titled: bool) -> bool:
    """Keep the table's chapter and section in step with an action's id; False when the id is
    another chapter's, which ends the table."""
    if state.major is None:
        state.major = _major(printed)
        if state.section is None and printed.count(".") >= 2:
            state.section = printed.rsplit(".", 1)[0]
    elif _major(printed) != state.major:
        return False
    elif state.section and printed.count(".") == state.section.count(".") + 1 and printed.endswith(".1") \
            and printed.rsplit(".", 1)[0] != state.section and not section_titled:
        state.section = printed.rsplit(".", 1)[0]  # "2.2.1" after "2.1.3": the next sub-section starts
    return True


def _read_loose_line(state: _TableState, doc: Document, line: int, text: str) -> bool:
    """A line outside the table grid; False when it ends the table."""
    bare = PAGE_MARK.sub(" ", text).strip()
    m = ID_AT_START.match(bare)
    if m and not bare[m.end():].strip() and state.major and m.group(1).split(".")[0] == state.major:
        state.new_action(m.group(1), line, doc.line(line), [m.group(1)])  # an id alone; its cells follow
        return True
    st = _section_title(text)
    if st:
        return state.enter_section(st)
    top = _TOP.match(text)
    if top and state.major and top.group("n") != state.major and "." not in text.split()[0].rstrip("."):
        return False
    state.events.append("break")
    return True


def _layout(header: list[str]) -> dict[str, object]:
    """Which column holds the text, the leads and the principle cells, from the header."""
    text_col, lead_col, label_cols = 1, 2, []
    for ci, cell in enumerate(header):
        if ci == 0:
            continue
        if re.search(r"\b(lead|owner|responsib|partner|who)\b", cell, re.IGNORECASE) and \
                not re.search(r"principle|alignment", cell, re.IGNORECASE):
            lead_col = ci
        elif re.search(r"principle|alignment|priorit|objective|values?\b|aims?\b|enablers?\b", cell, re.IGNORECASE):
            label_cols.append(ci)
        elif _HEADER_ACTION.search(cell) and ci < 3:
            text_col = ci
    due = next((ci for ci, c in enumerate(header) if ci and _DUE_HEAD.search(c)), None)
    status = next((ci for ci, c in enumerate(header) if ci and _STATUS_HEAD.search(c)), None)
    return {"text": text_col, "lead": lead_col, "labels": label_cols, "due": due, "status": status}


#: an action tracker's columns: when it is due and how far it has got
_DUE_HEAD = re.compile(r"\b(?:due|deadline|target\s+date|by\s+when|timescales?|completion\s+date)\b", re.IGNORECASE)
_STATUS_HEAD = re.compile(r"\b(?:status|rag|progress)\b", re.IGNORECASE)


def _tracking(cells: list[str], layout: dict) -> dict[str, str]:
    """The due date (ISO when the cell gives a full date) and the status of a tracker row."""
    out = {}
    for key in ("due", "status"):
        col = layout.get(key)
        value = " ".join(cells[col].split()) if col is not None and col < len(cells) else ""
        if value:
            out[key] = iso(parse_date(value)) or value if key == "due" else value
    return out


def _labels(cell: str, known: set[str]) -> list[str]:
    """Principle ids in a cell: the usual labels, and ids of the paper's own scheme ("V1, V3")."""
    found = principle_labels(cell)
    if known:
        for m in re.finditer(r"(?<![\w.])([A-Z]{1,3})\s?(\d{1,2})(?![\w.])", cell):
            pid = m.group(1) + str(int(m.group(2)))
            if pid in known and pid not in found:
                found.append(pid)
    return found


def _alignments(events: list, col_kind: dict[int, str], layout: dict | None = None, known: set[str] | None = None):
    """(action, principle id, line, inherited_from) for every action, merged cells carried down."""
    known = known or set()
    current: dict[str, tuple[list[str], ActionRow]] = {}
    for ev in events:
        if ev == "break":
            current = {}
            continue
        labels_by_kind: dict[str, list[str]] = {}
        stated: set[str] = set()
        skip = {0, (layout or {}).get("text", 1), (layout or {}).get("lead", 2)}
        for ci, cell in enumerate(ev.cells):
            if ci in skip or ci < 2 or not cell:
                continue
            labels = _labels(cell, known)
            if not labels:
                continue
            if ci in col_kind:
                stated.add(col_kind[ci][0].upper() + "P")
            for pid in labels:
                k = re.match(r"[A-Z]+", pid).group(0)
                stated.add(k)
                labels_by_kind.setdefault(k, []).append(pid)
        # a generic "Principles" column stated again replaces everything it carried down
        for ci, cell in enumerate(ev.cells):
            if ci in skip or ci < 2 or ci in col_kind or not _labels(cell, known):
                continue
            for k in [k for k, (_, src) in current.items() if k not in stated and ci in src.label_cols]:
                del current[k]
        kinds = set(stated) | set(current)
        for k in sorted(kinds):
            if k in stated:
                ids = labels_by_kind.get(k, [])
                current[k] = (ids, ev)
                for pid in ids:
                    yield ev, pid, ev.label_lines.get(pid, ev.line), None
            elif k in current:
                ids, src = current[k]
                for pid in ids:
                    yield ev, pid, ev.line, src.id


@register("govgraph.actions.v1", order=60,
          reads=("blocks", "principle", "membership", "attendance"),
          writes=("action", "alignment", "organisation", "acronyms"))
def extract_actions(doc: Document, context: Context):
    people = set()
    for f in context.of_type("person"):
        for name in [f.fields.get("name"), *(f.fields.get("variants") or [])]:
            if name:
                people.add(name.lower())
    facts: list[Fact] = []
    seen: set[str] = set()
    tables = []
    defs = acronym_definitions(doc)
    context.shared.acronyms = defs
    orgs: dict[str, Fact] = {}
    known = {f.fields["id"] for f in context.of_type("principle") if f.fields.get("id")}
    known_people = people_so_far(context)
    for header, col_kind, events, layout in parse_action_tables(doc, people):
        actions = [e for e in events if e != "break"]
        tables.append(actions)
        for a in actions:
            if a.id in seen:
                continue
            seen.add(a.id)
            tc, lc = layout["text"], layout["lead"]
            text = a.cells[tc] if len(a.cells) > tc else ""
            text = PAGE_MARK.sub(" ", text)
            text = " ".join(text.split())
            leads = split_leads(a.cells[lc], people) if len(a.cells) > lc else []
            leads = list(dict.fromkeys(expand_acronym(x, defs) for x in leads))
            persons = [known_people[x.lower()] for x in leads if x.lower() in known_people]  # "Responsible officer"
            leads = [x for x in leads if x.lower() not in known_people]
            for acr, full in defs.items():
                if full in leads and full not in orgs:
                    orgs[full] = Fact("organisation", {"name": full, "kind": org_kind(full), "variants": [full, acr]},
                                      a.line, quote_of(a.raw, acr), confidence=0.7)
            conf = 0.9 if a.printed == a.id else 0.7
            fields = {"id": a.id, "text": text, "plan": a.plan, "section": a.section, "leads": leads}
            if persons:
                fields["lead_persons"] = persons
            fields.update(_tracking(a.cells, layout))
            facts.append(Fact("action", fields, a.line, quote_of(a.raw, text[:120] or a.printed),
                              confidence=conf))
        done: set[tuple[str, str]] = set()
        for a, pid, line, src in _alignments(events, col_kind, layout, known):
            if (a.id, pid) in done:
                continue
            done.add((a.id, pid))
            fields = {"item": a.id, "principle": pid,
                      "basis": "explicit" if src is None else "merged_cell"}
            if src is not None:
                fields["inherited_from"] = src
            raw = doc.line(line)
            facts.append(Fact("alignment", fields, line,
                              quote_of(raw, _label_text(raw, pid) or a.id),
                              confidence=0.9 if src is None else 0.7))
    return facts + list(orgs.values())


def _label_text(raw: str, pid: str) -> str:
    text = clean(raw)
    for m in re.finditer(r"\[?\s*\b\w+\s+principles?\s*\d{1,2}\b\s*\]?", text, re.IGNORECASE):
        if pid in principle_labels(m.group(0)):
            return m.group(0).strip()
    return ""
