"""Word (.docx): paragraphs, tables, headers and footers, text boxes.

Headings get markdown '#'s, list paragraphs '- ', a table row is one line of tab-separated
cells (a cell's paragraphs and nested tables stay one cell; a merged cell is written once).
The first section's header comes first and its footer last (each distinct one once); text
boxes follow the paragraph that anchors them. A line break inside a paragraph starts a line.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from extract.errors import DocumentError
from extract.readers import Line, Reading, squeeze_blank

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"(?:Heading|Title)\s*(\d?)$")


def read_docx(path: Path, data: bytes) -> Reading:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for broken files
        raise DocumentError(str(path), f"unreadable Word document ({type(exc).__name__}: {exc})") from None
    headers, footers = _page_furniture(document)
    lines = [*headers, *_content(document), *footers]
    return Reading(squeeze_blank([Line(text) for text in lines]))


def _page_furniture(document) -> tuple[list[str], list[str]]:
    """Lines of each distinct section header and footer (a linked one repeats its predecessor's)."""
    headers: list[str] = []
    footers: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        for part, out in ((section.header, headers), (section.footer, footers)):
            if part.is_linked_to_previous:
                continue
            lines = [line for line in _content(part) if line.strip()]
            key = "\n".join(lines)
            if lines and key not in seen:
                seen.add(key)
                out.extend([*lines, ""])
    return headers, footers


def _content(container) -> list[str]:
    """Lines of a document body, header, footer or text box, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            lines.extend(_paragraph_lines(item))
            for box in _text_boxes(item):
                lines.extend(_content(box))
        elif isinstance(item, Table):
            lines.extend(_table_lines(item))
            lines.append("")
    return lines


def _paragraph_lines(paragraph) -> list[str]:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    parts = [p.strip() for p in paragraph.text.split("\n")]
    heading = _HEADING_STYLE.match(style)
    if heading and parts and parts[0]:
        parts[0] = "#" * int(heading.group(1) or 1) + " " + parts[0]
    elif style.startswith("List") and parts and parts[0]:
        parts[0] = "- " + parts[0]
    return parts


def _table_lines(table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell is repeated once per grid column it spans
                continue
            previous = cell._tc
            cells.append(" ".join(" ".join(_content(cell)).replace("\t", " ").split()))
        lines.append("\t".join(cells))
    return lines


class _TextBox:
    """A text box's content, shaped like a python-docx block container."""

    def __init__(self, element, parent) -> None:
        self._element = element
        self._parent = parent

    def iter_inner_content(self):
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in self._element:
            if child.tag == f"{_W}p":
                yield Paragraph(child, self._parent)
            elif child.tag == f"{_W}tbl":
                yield Table(child, self._parent)


def _text_boxes(paragraph) -> list[_TextBox]:
    """Text boxes anchored in a paragraph; the legacy copy Word keeps beside a modern one is skipped."""
    boxes = []
    for element in paragraph._p.iter(f"{_W}txbxContent"):
        if any(a.tag == _FALLBACK for a in element.iterancestors()):
            continue
        boxes.append(_TextBox(element, paragraph._parent))
    return boxes
