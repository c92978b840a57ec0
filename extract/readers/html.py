"""HTML (saved Word files, council web pages, ModernGov committee and attendance pages).

The DOM is walked once: whitespace inside text collapses as a browser shows it (a wrapped
source line is not a line break), each block element (p, div, li, h1-h6, ...) is a line,
`<br>` breaks a line, a table row is one line of tab-separated cells (a cell's paragraphs
stay one cell), headings get markdown '#'s and list items '- '. Scripts, styles, navigation,
forms and the page head are dropped. Each line keeps the source line where its element
starts, so evidence points into the file even when the file is not minified.
"""
from __future__ import annotations

import re
from pathlib import Path

from extract.errors import DocumentError
from extract.readers import Line, Reading, squeeze_blank

_DROP = {"script", "style", "noscript", "template", "head", "nav", "form", "button", "select", "input",
         "textarea", "svg", "iframe", "object", "canvas", "map"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
          "address", "dl", "dt", "dd", "ul", "ol", "fieldset", "figure", "figcaption", "caption", "hr",
          "body", "html", "center", "details", "summary", "legend"}
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CELL = {"td", "th"}
_ROW_PARENTS = {"thead", "tbody", "tfoot"}
_SITE_CHROME = re.compile(r"breadcrumb|skip-?link|cookie", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0\u200b]+")


def read_html(path: Path, data: bytes) -> Reading:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(_text_of(data))
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(str(path), f"unreadable HTML ({exc})") from None
    writer = _Writer()
    writer.walk(root)
    writer.flush()
    return Reading(squeeze_blank(writer.lines))


def _text_of(data: bytes) -> str | bytes:
    """UTF-8 text where it is; otherwise the bytes, for lxml to decode by the page's declared charset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""  # comments and processing instructions have no name


class _Writer:
    """Collects inline text into the current line; a block boundary ends the line."""

    def __init__(self, plain: bool = False) -> None:
        self.plain = plain  #: no '#' or '- ' marks (text inside a table cell)
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.source_line: int | None = None

    def text(self, text: str | None, source_line: int | None) -> None:
        if text:
            if self.source_line is None and text.strip():
                self.source_line = source_line
            self.parts.append(text)

    def flush(self, prefix: str = "") -> None:
        text = " ".join(_SPACE.sub(" ", "".join(self.parts)).split())
        if text:
            self.lines.append(Line(prefix + text, source_line=self.source_line))
        self.parts, self.source_line = [], None

    def line(self, text: str, source_line: int | None) -> None:
        self.flush()
        if text:
            self.lines.append(Line(text, source_line=source_line))

    def walk(self, element) -> None:
        tag = _tag(element)
        if not tag or tag in _DROP or _hidden(element):
            return
        if tag == "br":
            self.flush()
        elif tag in _HEADING:
            text = inline_text(element)
            self.line(f"{'#' * _HEADING[tag]} {text}" if text and not self.plain else text, element.sourceline)
        elif tag == "table":
            self.table(element)
        elif tag == "li" and not _has_blocks(element):
            self.flush()
            self.text(element.text, element.sourceline)
            self.children(element)
            self.flush(prefix="" if self.plain else "- ")
        elif tag in _BLOCK or tag == "li" or tag in _CELL or tag == "tr":
            self.flush()
            self.text(element.text, element.sourceline)
            self.children(element)
            self.flush()
        else:
            self.text(element.text, element.sourceline)
            self.children(element)

    def children(self, element) -> None:
        for child in element:
            self.walk(child)
            self.text(child.tail, child.sourceline)

    def table(self, table) -> None:
        rows = _rows(table)
        if all(len(cells) <= 1 for cells in rows):  # a layout table: its cells are ordinary blocks
            self.flush()
            self.children(table)
            self.flush()
            return
        self.flush()
        for row, cells in _rows_with_elements(table):
            texts = [cell_text(cell) for cell in cells]
            if any(texts):
                self.lines.append(Line("\t".join(texts), source_line=row.sourceline))
        self.lines.append(Line(""))


def _hidden(element) -> bool:
    """Hidden elements and site navigation (menus, breadcrumbs, skip links, cookie banners)."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if element.get("role") in ("navigation", "banner", "search"):
        return True
    if _SITE_CHROME.search(f'{element.get("id") or ""} {element.get("class") or ""}'):
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _has_blocks(element) -> bool:
    return any(_tag(d) in _BLOCK or _tag(d) in _HEADING or _tag(d) in ("table", "li", "br")
               for d in element.iterdescendants())


def _rows_with_elements(table) -> list[tuple[object, list]]:
    """The table's own rows (not a nested table's) and their cells."""
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in _ROW_PARENTS:
            rows.extend(r for r in child if _tag(r) == "tr")
    return [(row, [c for c in row if _tag(c) in _CELL]) for row in rows]


def _rows(table) -> list[list]:
    return [cells for _, cells in _rows_with_elements(table)]


def inline_text(element) -> str:
    """An element's text on one line, whitespace collapsed, dropped parts left out."""
    writer = _Writer(plain=True)
    writer.text(element.text, element.sourceline)
    writer.children(element)
    writer.flush()
    return " ".join(line.text for line in writer.lines)


def cell_text(cell) -> str:
    """A table cell as one cell: its paragraphs, list items and nested rows joined by spaces."""
    writer = _Writer(plain=True)
    writer.text(cell.text, cell.sourceline)
    writer.children(cell)
    writer.flush()
    return " ".join(" ".join(line.text.replace("\t", " ").split()) for line in writer.lines if line.text.strip())
