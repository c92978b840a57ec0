"""Segment a document's lines into structural blocks.

Real papers converted from PDF mix layouts on one line: tab-separated table rows,
HTML fragments (<p>, <ul>/<li>, <table>, <small>), markdown tables and headings,
bullets. Each block keeps its source line (and page for PDF).
"""
from __future__ import annotations

import html
import re

from extract.records import Block, Document

_TAG = re.compile(r"</?(p|ul|ol|li|table|tr|td|th|tbody|thead|small|i|b|em|strong|span|div|br|u|sup|sub|a)\b[^>]*>",
                  re.IGNORECASE)
_SPLIT_TAGS = re.compile(r"</?(p|li|tr|td|th|br|div|table|ul|ol)\b[^>]*>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪●◦]|\(?[a-zA-Z0-9]{1,3}[.)]|\d+(?:\.\d+)+\.?)\s+\S")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_DASH_ROW = re.compile(r"^[\s\-|=_]+$")
_NUMBERED_HEADING = re.compile(r"^\s*\d+(\.\d+)*\.?\s+[A-Z][A-Z &,'’/()-]{3,}$")


def has_html(text: str) -> bool:
    return bool(_TAG.search(text))


def html_to_text(fragment: str, separator: str = "\n") -> str:
    """Text of an HTML fragment, with a separator where a block element starts or ends."""
    text = _SPLIT_TAGS.sub(separator, fragment)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    parts = [" ".join(p.split()) for p in text.split(separator)]
    return separator.join(p for p in parts if p)


def html_parts(fragment: str) -> list[str]:
    """The block-level pieces of an HTML fragment as plain text."""
    return [p for p in html_to_text(fragment, "\n").split("\n") if p.strip()]


def segment_blocks(doc: Document) -> list[Block]:
    """Blocks of a document, in order."""
    blocks: list[Block] = []
    for number, raw in enumerate(doc.lines, 1):
        page = doc.pages[number - 1] if doc.pages else None
        blocks.extend(segment_line(raw, number, page))
    return blocks


def segment_line(raw: str, number: int, page: int | None = None) -> list[Block]:
    """Blocks of one source line."""
    line = raw.rstrip()
    if not line.strip() or _DASH_ROW.match(line) or _MD_SEPARATOR.match(line):
        return []
    if "\t" in line:
        cells = tuple(" ".join(html_to_text(c, " ").split()) if has_html(c) else " ".join(c.split())
                      for c in line.split("\t"))
        while cells and not cells[-1]:
            cells = cells[:-1]
        if any(cells):
            text = " ".join(c for c in cells if c)
            return [Block("table_row", number, text, cells, page)]
        return []
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]  # keep empty edge cells
        cells = tuple(" ".join(c.split()) for c in inner.split("|"))
        return [Block("table_row", number, " ".join(c for c in cells if c), cells, page)]
    if has_html(line):
        return _html_blocks(line, number, page)
    return [_classify(stripped, number, page)]


def _html_blocks(fragment: str, number: int, page: int | None) -> list[Block]:
    """Blocks of a line holding HTML: one per block-level piece; an <li> piece is a list item."""
    blocks: list[Block] = []
    start, in_item = 0, False
    for tag in [*_SPLIT_TAGS.finditer(fragment), None]:
        for part in html_parts(fragment[start:tag.start() if tag else len(fragment)]):
            block = _classify(part, number, page)
            if in_item and block.kind == "paragraph":
                block = Block("list_item", number, part, page=page)
            blocks.append(block)
        if tag is not None:
            if tag.group(1).lower() == "li":
                in_item = not tag.group(0).startswith("</")
            start = tag.end()
    return blocks


def _classify(text: str, number: int, page: int | None) -> Block:
    heading = _MD_HEADING.match(text)
    if heading:
        return Block("heading", number, heading.group(2).strip(" *"), page=page, level=len(heading.group(1)))
    bare = text.strip("* ").strip()
    if _LIST_ITEM.match(text) and not _NUMBERED_HEADING.match(text):
        return Block("list_item", number, text, page=page)
    if _looks_like_heading(bare):
        return Block("heading", number, bare, page=page, level=0)
    return Block("paragraph", number, text, page=page)


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 12 or text.endswith((".", ",", ";")):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return bool(_NUMBERED_HEADING.match(text))
