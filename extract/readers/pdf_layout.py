"""Layout of one PDF page: words to physical lines, ruled and borderless tables, columns.

A page is read in four steps:
1. words are grouped into physical lines by baseline, numbered as `pdftotext -layout`
   numbers the lines of a page (a gap of n font sizes between baselines counts n lines);
2. words inside ruled tables (found by pdfplumber from the drawn lines) become table rows;
3. the remaining lines are split into chunks at wide horizontal gaps; runs of lines sharing
   the same vertical gutters form a region, which is either a borderless table (the cells
   of a row start level with each other) or text set in columns (read column by column);
4. the result is a list of `Unit`s in reading order: stream lines (to be rejoined into
   paragraphs by `pdf.py`) and table rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

#: a horizontal gap wider than this many font sizes separates chunks (table cells, columns)
CHUNK_GAP = 0.9
#: the cells of one borderless-table row start within this many points of each other
ROW_ALIGN = 2.5
#: a list item's bullet or number, on its own
LIST_MARK = re.compile(r"^(?:[\uf000-\uf0ff•●▪◦■□➢➤►▶✓✔·o*-]|\(?[a-zA-Z0-9]{1,3}[.)]|[ivx]{1,5}[.)])$")
_SENTENCE_END = re.compile(r"[.!?:;]['’\")]?$")


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    number: int = 0  #: the page line, as pdftotext -layout counts it


@dataclass(slots=True)
class PhysLine:
    """Words sharing a baseline across the whole page, left to right."""

    words: list[Word]
    number: int = 0

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)


@dataclass(slots=True)
class Unit:
    """A piece of a page in reading order: a stream line (`cells` empty) or a table row."""

    page: int
    number: int  #: page line of its first word
    top: float
    bottom: float
    text: str = ""
    words: list[Word] = field(default_factory=list)
    stream: int = 0  #: stream lines join only with lines of the same stream
    right_edge: float | None = None  #: the stream's right margin, when it has a clear one
    cells: list[str] = field(default_factory=list)
    cell_ends: list[tuple[float, float, float]] = field(default_factory=list)  #: per cell: (x1 of its last
    #: line, the cell's right edge, width of its first word), to tell whether the cell goes on in the next row
    columns: tuple[float, ...] = ()  #: the table's column edges, from its first (to continue rows across pages)
    header: bool = False  #: the first row of its table
    lead: bool = False  #: a row above a borderless table's first full row (a caption, or a row carried over)
    index: int = -1  #: where the row was written among the paper's lines

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


def join_words(words: list[Word]) -> str:
    """Words of one line as text; touching words (a superscript, a change of size) are not spaced."""
    out = ""
    previous = None
    for word in words:
        if previous is not None:
            out += "" if word.x0 - previous.x1 < 0.12 * min(word.size, previous.size) else " "
        out += word.text
        previous = word
    return out


def physical_lines(words: list[Word]) -> list[PhysLine]:
    """Words grouped by baseline, top to bottom, numbered as pdftotext -layout numbers lines."""
    lines: list[PhysLine] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if lines:
            last = lines[-1]
            base = max(w.bottom for w in last.words)
            if abs(word.bottom - base) <= 0.5 * min(word.size, last.words[0].size):
                last.words.append(word)
                continue
        lines.append(PhysLine([word]))
    number = 1
    for i, line in enumerate(lines):
        line.words.sort(key=lambda w: w.x0)
        if i:
            previous = lines[i - 1]
            step = int((line.bottom - previous.bottom) / max(previous.words[-1].size, 1.0))
            number += min(max(step, 1), 5)
        line.number = number
        for word in line.words:
            word.number = number
    return lines


def chunks(words: list[Word]) -> list[list[Word]]:
    """A line's words split at gaps wider than CHUNK_GAP font sizes (a bullet or item number
    set apart by a tab stays with its text)."""
    out: list[list[Word]] = []
    for word in words:
        gap = word.x0 - out[-1][-1].x1 if out else 0.0
        if out and (gap <= CHUNK_GAP * word.size
                    or (len(out) == 1 and len(out[0]) == 1 and gap <= 4 * word.size and LIST_MARK.match(out[0][0].text))):
            out[-1].append(word)
        else:
            out.append([word])
    return out


# ------------------------------------------------------------------ ruled tables

@dataclass(slots=True)
class RuledTable:
    bbox: tuple[float, float, float, float]
    rows: list[list[tuple[float, float, float, float] | None]]


def in_box(word: Word, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def ruled_table_units(table: RuledTable, words: list[Word], page: int) -> list[Unit]:
    """Rows of a ruled table; a one-column table (a box round text) gives stream lines instead."""
    inside = [w for w in words if in_box(w, table.bbox)]
    width = max((len([c for c in row if c]) for row in table.rows), default=0)
    if width <= 1:
        return [Unit(page, line.number, line.top, line.bottom, line.text, line.words, stream=-1)
                for line in physical_lines_keep(inside)]
    units: list[Unit] = []
    columns = relative(sorted({round(c[0]) for row in table.rows for c in row if c}))
    reach: dict[tuple[int, int], float] = {}  # how far right text goes in each column (by its edges)
    for row in table.rows:
        for box in row:
            if box is not None:
                key = (round(box[0]), round(box[2]))
                reach[key] = max([reach.get(key, 0.0)] + [w.x1 for w in inside if in_box(w, box)])
    for i, row in enumerate(table.rows):
        cells, ends, numbers, tops = [], [], [], []
        for box in row:
            if box is None:  # covered by a merged cell
                continue
            cell_words = [w for w in inside if in_box(w, box)]
            text, end = cell_text(cell_words, reach.get((round(box[0]), round(box[2]))) or box[2] - 4)
            cells.append(text)
            ends.append(end)
            numbers.extend(w.number for w in cell_words)
            tops.extend(w.top for w in cell_words)
        if any(cells):
            units.append(Unit(page, min(numbers), min(tops), max(w.bottom for w in inside if in_box(w, _row_box(row))),
                              cells=cells, cell_ends=ends, columns=columns, header=not units))
    return units


def relative(lefts: list[float]) -> tuple[float, ...]:
    """Column left edges measured from the first (a table goes on in the next column or page)."""
    return tuple(x - lefts[0] for x in lefts) if lefts else ()


def _row_box(row: list) -> tuple[float, float, float, float]:
    boxes = [c for c in row if c]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def physical_lines_keep(words: list[Word]) -> list[PhysLine]:
    """Physical lines of words already numbered on their page (numbers kept)."""
    lines: list[PhysLine] = []
    for word in sorted(words, key=lambda w: (w.number, w.x0)):
        if lines and lines[-1].number == word.number:
            lines[-1].words.append(word)
        else:
            lines.append(PhysLine([word], word.number))
    return lines


def cell_text(words: list[Word], right_edge: float | None) -> tuple[str, tuple[float, float, float]]:
    """A cell's words as one line of text, and (x1 of its last line, right edge, width of its first word).

    Wrapped lines are joined with a space; a word broken at the cell edge (a single word
    filling its line, the next line going on in lower case) and a hyphen at a line end are
    joined without one.
    """
    lines = physical_lines_keep(words)
    text = ""
    for i, line in enumerate(lines):
        piece = line.text
        if i:
            previous = lines[i - 1]
            glued = (len(previous.words) == 1 and right_edge is not None
                     and previous.x1 >= right_edge - 0.6 * previous.size
                     and (piece[:1].islower() or (previous.text[-1:] in ".0123456789" and piece[:1].isdigit())))
            hyphen = text.endswith("-") and len(text) > 1 and text[-2].isalpha() and piece[:1].islower()
            text += piece if glued or hyphen else " " + piece
        else:
            text = piece
    if not lines:
        return "", (0.0, 0.0, 0.0)
    first = lines[0].words[0]
    return text, (lines[-1].x1, right_edge if right_edge is not None else lines[-1].x1, first.x1 - first.x0)


def goes_on(before: tuple[float, float, float], text: str, after: tuple[float, float, float], size: float) -> bool:
    """Whether a cell's text (ending at `before`) goes on in the cell below (starting with `after`):
    the first word below would not have fitted on the last line, or it starts in lower case."""
    if _SENTENCE_END.search(text):
        return False
    return before[0] + 0.3 * size + after[2] > before[1] - 1


# ------------------------------------------------------------------ regions: borderless tables and columns

@dataclass(slots=True)
class Region:
    lines: list[PhysLine]
    gutters: list[tuple[float, float]]


def find_regions(lines: list[PhysLine]) -> list[PhysLine | Region]:
    """Lines of the page, with runs that share vertical gutters grouped into regions.

    A run starts at a line of two or more chunks and takes in the lines above it that fit
    its columns (a table's caption row, a row carried over from the last page); it goes on
    while every gutter survives and no blank line intervenes.
    """
    out: list[PhysLine | Region] = []
    run: list[PhysLine] = []
    gutters: list[tuple[float, float]] = []

    def close(following: PhysLine | None) -> None:
        nonlocal run, gutters
        multi = [len(chunks(line.words)) for line in run if len(chunks(line.words)) >= 2]
        above = out[-1] if out and isinstance(out[-1], PhysLine) else None
        alone = len(run) == 1 and not _near(above, run[0]) and not _near(run[0], following)
        if run and gutters and (len(multi) >= 2 or (alone and multi[0] >= 3)) and not _numbered_paragraphs(run, gutters):
            out.append(Region(run, gutters))
        else:
            out.extend(run)
        run, gutters = [], []

    for line in lines:
        if run and line.top - run[-1].bottom > 1.5 * line.size:
            close(line)
        if run:
            merged = _gutters(run + [line])
            if merged and _keeps_columns(merged, gutters):
                run.append(line)
                gutters = merged
                continue
            close(line)
        if len(chunks(line.words)) >= 2:
            run, gutters = [line], _gutters([line])
            while out and isinstance(out[-1], PhysLine) and run[0].top - out[-1].bottom <= 1.5 * line.size:
                merged = _gutters([out[-1], *run])
                if not _keeps_columns(merged, gutters):
                    break
                run.insert(0, out.pop())
                gutters = merged
        else:
            out.append(line)
    close(None)
    return out


_NUMBER = re.compile(r"^(?:\(?[\d.]+[.)]?|\(?[a-z]{1,2}[.)]|\(?[ivx]{1,5}[.)])$")


def _numbered_paragraphs(run: list[PhysLine], gutters: list[tuple[float, float]]) -> bool:
    """Paragraphs set with a hanging number ("17.2  Membership: ..." and the lines under its text)
    are not a two-column table: the first column holds nothing but paragraph numbers."""
    if len(gutters) != 1 or gutters[0][1] - gutters[0][0] > 2.5 * run[0].size:
        return False  # a table's number column leaves a wider gap than a hanging indent
    split = sum(gutters[0]) / 2
    firsts = [[w for w in line.words if w.x1 <= split] for line in run]
    return all(len(f) <= 1 and (not f or _NUMBER.match(f[0].text)) for f in firsts)


def _near(above: PhysLine | None, below: PhysLine | None) -> bool:
    """Whether two lines are set as lines of one paragraph (no blank line between them)."""
    return above is not None and below is not None and below.top - above.bottom <= 0.9 * below.size


def _keeps_columns(merged: list[tuple[float, float]], before: list[tuple[float, float]]) -> bool:
    """A line may join a region if every gutter of the region survives, narrowed but not filled
    (a line may open a new column at the region's edge: the first cell of a row)."""
    return len(merged) >= len(before) and all(any(a < d and c < b for c, d in merged) for a, b in before)


def _gutters(lines: list[PhysLine]) -> list[tuple[float, float]]:
    """Vertical strips no chunk of these lines crosses, between their leftmost and rightmost word."""
    spans = sorted((c[0].x0, c[-1].x1) for line in lines for c in chunks(line.words))
    size = median(w.size for line in lines for w in line.words)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach > CHUNK_GAP * size:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _block_starts(words: list[Word]) -> list[float]:
    """Tops of the first lines of blocks (after a gap wider than the usual line pitch)."""
    lines = physical_lines_keep(words)
    if not lines:
        return []
    pitches = [b.bottom - a.bottom for a, b in zip(lines, lines[1:])]
    usual = min(pitches) if pitches else 0.0
    starts = [lines[0].top]
    for a, b in zip(lines, lines[1:]):
        if wider(b.bottom - a.bottom, usual):
            starts.append(b.top)
    return starts


def wider(step: float, usual: float) -> bool:
    """A line step wider than a paragraph's usual one (paragraph or row spacing)."""
    return step > usual + max(2.0, 0.1 * usual)


def _goes_on_in_any_column(region: Region, above: PhysLine, line: PhysLine, bounds: list[float]) -> bool:
    for c in range(len(bounds) - 1):
        def inside(w: Word) -> bool:
            return bounds[c] <= (w.x0 + w.x1) / 2 < bounds[c + 1]
        upper, lower = [w for w in above.words if inside(w)], [w for w in line.words if inside(w)]
        if not upper or not lower:
            continue
        edge = max(w.x1 for l in region.lines for w in l.words if inside(w))
        if lower[0].text[:1].islower() or upper[-1].x1 + 0.3 * lower[0].size + (lower[0].x1 - lower[0].x0) > edge - 1:
            return True
    return False


def borderless_rows(region: Region, page: int) -> list[Unit]:
    """A borderless table's rows: a row starts after a wider gap between lines, or (in a tightly
    set table) at a line with text in the first column."""
    bounds = ([min(l.x0 for l in region.lines) - 1] + [sum(g) / 2 for g in region.gutters]
              + [max(l.x1 for l in region.lines) + 1])
    columns = relative([round(min((w.x0 for l in region.lines for w in l.words if bounds[c] <= w.x0 < bounds[c + 1]),
                                  default=bounds[c])) for c in range(len(bounds) - 1)])
    pitches = [b.bottom - a.bottom for a, b in zip(region.lines, region.lines[1:])]
    usual = min(pitches) if pitches else 0.0
    spaced = any(wider(p, usual) for p in pitches)
    groups: list[list[PhysLine]] = []
    for i, line in enumerate(region.lines):
        if not groups:
            new_row = True
        elif spaced:
            new_row = wider(pitches[i - 1], usual)
        else:  # rows set tight: a row starts with text in the first column that goes on no cell above
            new_row = (any(w.x1 <= bounds[1] for w in line.words)
                       and not _goes_on_in_any_column(region, region.lines[i - 1], line, bounds))
        if new_row:
            groups.append([line])
        else:
            groups[-1].append(line)
    units = []
    for group in groups:
        cells, ends = [], []
        for c in range(len(bounds) - 1):
            words = [w for line in group for w in line.words if bounds[c] <= (w.x0 + w.x1) / 2 < bounds[c + 1]]
            col_words = [w for line in region.lines for w in line.words
                         if bounds[c] <= (w.x0 + w.x1) / 2 < bounds[c + 1]]
            edge = max((w.x1 for w in col_words), default=None)
            text, end = cell_text(words, edge)
            cells.append(text)
            ends.append(end)
        lead = all(not u.cells[1:] or not any(u.cells[1:]) for u in units) and not any(cells[1:])
        units.append(Unit(page, group[0].number, group[0].top, group[-1].bottom, cells=cells, cell_ends=ends,
                          columns=columns, header=not units, lead=lead))
    return units


def has_trailer(words: list[Word]) -> bool:
    """A line ending in a short piece set far apart to the right (an action's owner, "Noted")."""
    parts = chunks(words)
    return len(parts) == 2 and len(parts[1]) <= 4 and parts[1][0].x0 - parts[0][-1].x1 > 3 * parts[1][0].size


def right_edge(lines: list[PhysLine]) -> float | None:
    """The right margin of a run of text lines, when at least three lines reach it (lines
    ending in a trailer set apart to the right do not count)."""
    lines = [line for line in lines if not has_trailer(line.words)]
    if not lines:
        return None
    edge = max(line.x1 for line in lines)
    size = median(line.size for line in lines)
    near = sum(1 for line in lines if line.x1 >= edge - 3 * size)
    return edge if near >= 3 else None


# ------------------------------------------------------------------ text set in two columns

@dataclass(slots=True)
class Band:
    """Lines of the page from top to bottom, set across the page (`split` None) or in two columns."""

    lines: list[PhysLine]
    split: float | None = None


def column_bands(lines: list[PhysLine], tables: list[RuledTable], width: float) -> list[Band]:
    """The page cut into bands: runs of lines set in two columns (text flowing down the left
    column, then the right) and the lines set across the page between them.

    The split is the x in the middle third of the page crossed by fewest lines and tables. A
    run of lines not crossing it is two columns when both sides have text and the right
    side's paragraphs do not start level with the left side's (as a table's cells would) and
    neither side is itself set in columns."""
    split = _best_split(lines, tables, width)
    if split is None:
        return [Band(lines)]
    crossing = {id(line) for line in lines if _crosses(line, split, tables)}
    bands: list[Band] = []
    run: list[PhysLine] = []

    def close() -> None:
        if run and _is_two_columns(run, split):
            bands.append(Band(list(run), split))
        elif run:
            _extend_plain(bands, run)
        run.clear()

    for line in lines:
        if id(line) in crossing:
            close()
            _extend_plain(bands, [line])
        else:
            run.append(line)
    close()
    return bands


def _extend_plain(bands: list[Band], lines: list[PhysLine]) -> None:
    if bands and bands[-1].split is None:
        bands[-1].lines.extend(lines)
    else:
        bands.append(Band(list(lines)))


def _crosses(line: PhysLine, split: float, tables: list[RuledTable]) -> bool:
    for chunk in chunks(line.words):
        if chunk[0].x0 < split < chunk[-1].x1:
            return True
    return any(t.bbox[0] < split < t.bbox[2] and any(in_box(w, t.bbox) for w in line.words) for t in tables)


def _best_split(lines: list[PhysLine], tables: list[RuledTable], width: float) -> float | None:
    if len(lines) < 6:
        return None
    best, best_count = None, len(lines)
    for x in range(int(width / 3), int(2 * width / 3), 3):
        count = sum(1 for line in lines if _crosses(line, x, tables))
        if count < best_count:
            best, best_count = float(x), count
    if best is None or best_count > 0.5 * len(lines):
        return None
    return best


def _is_two_columns(lines: list[PhysLine], split: float) -> bool:
    left = [w for line in lines for w in line.words if w.x1 <= split]
    right = [w for line in lines for w in line.words if w.x0 >= split]
    left_lines, right_lines = len({w.number for w in left}), len({w.number for w in right})
    if len(lines) < 6 or left_lines < 3 or right_lines < 3:
        return False
    if _gutters(physical_lines_keep(left)) or _gutters(physical_lines_keep(right)):
        return False  # a side set in columns of its own: a table
    left_starts, right_starts = _block_starts(left), _block_starts(right)
    aligned = sum(1 for top in right_starts if any(abs(top - other) <= ROW_ALIGN for other in left_starts))
    return aligned / len(right_starts) < 0.6
