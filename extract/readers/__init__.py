"""Readers: one small module per file format, each turning a file's bytes into text lines.

Every reader returns a `Reading`: the paper's lines in reading order, in the line format
`extract.blocks` segments (a table row is one line of tab-separated cells; a heading may
start with '#'s; a list item with '- '), each with the place a person viewing the file
would find it (`page` and `source_line`), and warnings about parts read in a degraded way.
`extract.documents.load_document` picks the reader by the file's suffix.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paper as read.

    `source_line` is where a viewer finds it: for a PDF, the 1-based line on its page as
    `pdftotext -layout` counts it (the first physical line of a rejoined paragraph or row);
    for HTML, the line of the file; None where the format has no lines (Word).
    """

    text: str
    page: int | None = None
    source_line: int | None = None


@dataclass(slots=True)
class Reading:
    """What a reader made of one file."""

    lines: list[Line]
    warnings: list[str] = field(default_factory=list)

    @property
    def has_pages(self) -> bool:
        return any(line.page is not None for line in self.lines)


def squeeze_blank(lines: list[Line]) -> list[Line]:
    """No leading blank lines and never two blank lines in a row."""
    out: list[Line] = []
    for line in lines:
        if line.text.strip() or (out and out[-1].text.strip()):
            out.append(line)
    while out and not out[-1].text.strip():
        out.pop()
    return out
