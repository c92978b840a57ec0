"""PDF: text lines from the text layer, with tables as rows of tab-separated cells.

pdfplumber (pdfminer) gives the words with their positions; `pdf_layout` turns each page
into stream lines and table rows. This module then
- drops page furniture: lines in the top or bottom margin that repeat on most pages (digits
  ignored) and page numbers;
- rejoins a paragraph's wrapped lines (the next line's first word would not have fitted on
  the line before, and the line gap is the paragraph's usual one) and words hyphenated at a
  line end;
- continues a table row across a page break (a cell left open at the foot of one page goes
  on in the first row of the next page's table with the same columns), and drops a header
  row repeated on the next page.
Each line keeps its page and the page line of its first word, as `pdftotext -layout` counts
lines. A page that cannot be laid out is read as plain text, with a warning naming the file
and the page.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from extract.errors import DocumentError
from extract.readers import Line, Reading, squeeze_blank
from extract.readers.pdf_layout import (PhysLine, RuledTable, Unit, Word, borderless_rows, column_bands,
                                        find_regions, goes_on, has_trailer, in_box, physical_lines, right_edge, ruled_table_units)

log = logging.getLogger(__name__)

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
#: bullets drawn from symbol fonts (private-use code points) and common bullet glyphs
_BULLETS = re.compile(r"^[\uf000-\uf0ff•●▪◦■□➢➤►▶✓✔·]\s*")
_LIST_START = re.compile(r"^(?:[-*•·▪●◦■□➢✓–]\s|\(?[a-zA-Z]{1,3}[.)]\s|\(?\d{1,3}[.)]\s|\(\d{1,3}\)\s|"
                         r"\d+(?:\.\d+)+\.?[a-z]{0,5}\)?\s|\d+[a-z]{1,5}\)\s|[ivx]{1,5}[.)]\s)")
#: top and bottom share of the page where running headers, footers and page numbers sit
_MARGIN = 0.1


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[PhysLine]
    tables: list[RuledTable]
    fallback: list[str] | None = None  #: plain text lines when the layout could not be read


def read_pdf(path: Path, data: bytes) -> Reading:
    import pdfplumber

    warnings: list[str] = []
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password="")
        with pdf:
            pages = [_read_page(path, data, pdf, index, warnings) for index in range(len(pdf.pages))]
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        if _needs_password(exc):
            raise DocumentError(str(path), "encrypted PDF (a password is needed)") from None
        raise DocumentError(str(path), f"unreadable PDF ({type(exc).__name__}: {exc})") from None
    if not any(p.lines or p.fallback for p in pages):
        raise DocumentError(str(path), "PDF has no text layer (a scan? run OCR first)")
    _drop_furniture(pages)
    pitch = _Pitches(pages)
    lines: list[Line] = []
    previous: list[Unit] = []
    for page in pages:
        if page.fallback is not None:
            lines.extend(Line(text, page.number, n) for n, text in enumerate(page.fallback, 1))
            previous = []
            continue
        snapshot = lines.copy()  # rows and paragraphs of the last page may be continued here
        try:
            for units in _page_flows(page, pitch):
                units = _continue_rows(previous, units, lines)
                _write(units, pitch, lines, previous[-1] if previous else None)
                previous = units or previous
        except Exception as exc:  # a layout this reader does not foresee: the page's plain text instead
            lines[:] = snapshot
            _warn(path, page.number, exc, warnings)
            lines.extend(Line(text, page.number, n) for n, text in enumerate(_plain_text(data, page.number - 1), 1))
            previous = []
    return Reading(squeeze_blank(lines), warnings)


def _needs_password(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors: look through the chain for a refused password."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, PDFPasswordIncorrect) or any(isinstance(a, PDFPasswordIncorrect) for a in seen.args):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _read_page(path: Path, data: bytes, pdf, index: int, warnings: list[str]) -> _Page:
    page = pdf.pages[index]
    number = index + 1
    try:
        words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], float(w.get("size") or 10.0))
                 for w in page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
                 if w["text"].strip() and w.get("upright", True)]
        tables = []
        if page.edges:
            for table in page.find_tables():
                rows = [list(row.cells) for row in table.rows]
                tables.append(RuledTable(table.bbox, rows))
        return _Page(number, float(page.width), float(page.height), physical_lines(words), tables)
    except Exception as exc:  # one odd page must not cost the paper: read its plain text
        _warn(path, number, exc, warnings)
        return _Page(number, float(page.width), float(page.height), [], [], _plain_text(data, index))


def _warn(path: Path, number: int, exc: Exception, warnings: list[str]) -> None:
    message = f"page {number} read as plain text, its layout could not be read ({type(exc).__name__}: {exc})"
    log.warning("%s: %s", path, message)
    warnings.append(message)


def _plain_text(data: bytes, index: int) -> list[str]:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        return [line.rstrip() for line in (reader.pages[index].extract_text() or "").split("\n")]
    except Exception:  # the page has nothing we can read
        return []


class _Pitches:
    """The commonest distance between the baselines of consecutive lines, for each font size
    (a paragraph's line pitch; a wider step starts a new paragraph)."""

    def __init__(self, pages: list[_Page]) -> None:
        steps: dict[int, Counter] = {}
        for page in pages:
            for a, b in zip(page.lines, page.lines[1:]):
                step = b.bottom - a.bottom
                if 0 < step < 3 * a.size and abs(a.size - b.size) < 0.5:
                    steps.setdefault(round(a.size), Counter())[round(step * 2) / 2] += 1
        self.by_size = {size: counter.most_common(1)[0][0] for size, counter in steps.items()}

    def of(self, size: float) -> float:
        return self.by_size.get(round(size), 1.2 * size)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers and footers (repeated in the margins of most pages) and page numbers."""
    def margin_lines(page: _Page) -> list[PhysLine]:
        return [line for line in page.lines
                if line.bottom < page.height * _MARGIN or line.top > page.height * (1 - _MARGIN)]

    counts = Counter()
    for page in pages:
        counts.update({_furniture_key(line.text) for line in margin_lines(page)})
    repeated = {key for key, n in counts.items() if len(pages) >= 3 and n >= max(3, len(pages) // 2)}
    for page in pages:
        drop = {id(line) for line in margin_lines(page)
                if _furniture_key(line.text) in repeated or _PAGE_NUMBER.match(line.text.strip())}
        page.lines = [line for line in page.lines if id(line) not in drop]


def _page_flows(page: _Page, pitch: _Pitches) -> list[list[Unit]]:
    """The page's stream lines and table rows as flows in reading order: one flow for text set
    across the page, one for each column of text set in two columns (a table row broken at the
    foot of the left column goes on at the head of the right one)."""
    flows: list[list[Unit]] = []
    for band in column_bands(page.lines, page.tables, page.width):
        if band.split is None:
            flows.append(_flow(page, band.lines, page.tables, pitch))
            continue
        split = band.split
        for keep in (lambda x0, x1: x1 <= split, lambda x0, x1: x0 >= split):
            lines = [PhysLine([w for w in line.words if keep(w.x0, w.x1)], line.number) for line in band.lines]
            lines = [line for line in lines if line.words]
            tables = [t for t in page.tables if keep(t.bbox[0], t.bbox[2])]
            flows.append(_flow(page, lines, tables, pitch))
    return [flow for flow in flows if flow]


def _flow(page: _Page, lines: list[PhysLine], tables: list[RuledTable], pitch: _Pitches) -> list[Unit]:
    """Stream lines and table rows of some lines of a page (all of it, or one column), by top."""
    words = [w for line in lines for w in line.words]
    tables = [t for t in tables if any(in_box(w, t.bbox) for w in words)]
    pieces: list[tuple[float, list[Unit]]] = [(t.bbox[1], ruled_table_units(t, words, page.number)) for t in tables]
    free = [PhysLine([w for w in line.words if not any(in_box(w, t.bbox) for t in tables)], line.number)
            for line in lines]
    free = [line for line in free if line.words]
    stream = id(lines)
    run: list[PhysLine] = []

    def close_run() -> None:
        nonlocal run, stream
        if run:
            stream += 1
            edge = right_edge(run)
            pieces.extend((l.top, [Unit(page.number, l.number, l.top, l.bottom, l.text, l.words, stream, edge)])
                          for l in run)
            run = []

    for item in find_regions(free):
        if isinstance(item, PhysLine):
            run.append(item)
        else:
            close_run()
            pieces.append((item.lines[0].top, borderless_rows(item, page.number)))
    close_run()
    pieces.sort(key=lambda p: p[0])
    return [u for _, units in pieces for u in units]


def _write(units: list[Unit], pitch: _Pitches, out: list[Line], carry: Unit | None = None) -> None:
    """Append a flow's lines to `out`: stream lines joined into paragraphs, table rows as
    tab-separated cells, a blank line around tables and where the baselines are two font sizes
    apart or more (where `pdftotext -layout` leaves a blank line). `carry` is the last unit of
    the flow before (the foot of the last page or column): a paragraph it leaves open goes on."""
    previous: Unit | None = None
    for unit in units:
        if previous is None and carry is not None and out and out[-1].text and _goes_on_across(carry, unit):
            last = out[-1]
            out[-1] = Line(_join(last.text, unit.text), last.page, last.source_line)
        elif unit.lead:
            unit = Unit(unit.page, unit.number, unit.top, unit.bottom, " ".join(c for c in unit.cells if c))
            out.append(Line(unit.text, unit.page, unit.number))
        elif unit.is_row:
            if previous is not None and not previous.is_row:
                out.append(Line("", unit.page))
            unit.index = len(out)
            out.append(Line("\t".join(unit.cells), unit.page, unit.number))
        elif previous is not None and not previous.is_row and _continues(previous, unit, pitch):
            last = out[-1]
            out[-1] = Line(_join(last.text, unit.text), last.page, last.source_line)
        else:
            if previous is not None and (previous.is_row or previous.stream != unit.stream
                                         or unit.bottom - previous.bottom >= 2 * previous.words[-1].size):
                out.append(Line("", unit.page))
            out.append(Line(_BULLETS.sub("- ", unit.text), unit.page, unit.number))
        previous = unit


def _goes_on_across(before: Unit, after: Unit) -> bool:
    """Whether the first line of a page or column goes on with the paragraph that ends the last:
    that paragraph's last line is full and cut short (it ends in a comma or hyphen, or the line
    goes on in lower case), and the line is no list item."""
    if before.is_row or after.is_row or before.lead or after.lead or before.right_edge is None \
            or not before.words or not after.words:
        return False
    size = before.words[-1].size
    if abs(size - after.words[0].size) > 1.0 or _LIST_START.match(after.text) or has_trailer(before.words):
        return False
    if re.search(r"[.:;!?)]['’\")]?$", before.text) or not (after.text[:1].islower() or before.text.endswith((",", "-"))):
        return False  # across a page or column only a sentence plainly cut short goes on
    return before.words[-1].x1 + 0.3 * size + _unbreakable_width(after.words) > before.right_edge - 1


def _continues(before: Unit, after: Unit, pitch: _Pitches) -> bool:
    """Whether `after` is the next wrapped line of the paragraph that `before` ends."""
    if before.stream != after.stream or before.right_edge is None or not before.words or not after.words:
        return False
    size = before.words[-1].size
    if abs(size - after.words[0].size) > 1.0:
        return False
    if not 0 < after.bottom - before.bottom <= max(1.45 * size, 1.1 * pitch.of(size)):
        return False
    if _LIST_START.match(after.text) or has_trailer(before.words):
        return False
    return before.words[-1].x1 + 0.3 * size + _unbreakable_width(after.words) > before.right_edge - 1


def _unbreakable_width(words: list[Word]) -> float:
    """Width of a line's first word, with the short words that lead it ("Mr D Pell", "No 5"):
    templates bind titles and initials to the name with non-breaking spaces, which the text
    layer shows as plain spaces."""
    end = 0
    while end + 1 < len(words) and len(words[end].text.strip(".,")) <= 3:
        end += 1
    return words[end].x1 - words[0].x0


def _join(text: str, more: str) -> str:
    """Two pieces of a wrapped line; a word broken at its hyphen ("co-" / "opted") is rejoined."""
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and more[:1].isalpha():
        return text + more
    return text + " " + more


def _continue_rows(previous: list[Unit], units: list[Unit], lines: list[Line]) -> list[Unit]:
    """Carry a table row broken by the page end over to the next page.

    `previous` are the last page's units and `lines` what was written so far (the last row's
    line is rewritten when the first row here continues it). A header row repeated at the top
    of the page is dropped. Returns the units still to write.
    """
    if not previous or not units or not previous[-1].is_row:
        return units
    last = previous[-1]
    same = [u for u in previous if u.is_row and _same_columns(u.columns, last.columns)]
    header = next((u for u in reversed(same) if u.header), None)
    if units[0].is_row and header is not None and header is not last and units[0].cells == header.cells:
        units = units[1:]
    if not units:
        return units
    first = units[0]
    if not first.is_row or not _same_columns(last.columns, first.columns) or len(first.cells) != len(last.cells):
        return units
    filled = [i for i, cell in enumerate(first.cells) if cell]
    if not filled:
        return units
    size = median(w.size for w in first.words) if first.words else 10.0
    if not all(first.cells[i][:1].islower() or goes_on(last.cell_ends[i], last.cells[i], first.cell_ends[i], size)
               for i in filled):
        return units
    last.cells = [(_join(a, b) if a and b else a or b) for a, b in zip(last.cells, first.cells)]
    last.cell_ends = [b if b[0] else a for a, b in zip(last.cell_ends, first.cell_ends)]
    written = lines[last.index]
    lines[last.index] = Line("\t".join(last.cells), written.page, written.source_line)
    return units[1:]


def _same_columns(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= 6 for x, y in zip(a, b))
