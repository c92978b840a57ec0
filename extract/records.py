"""Plain record types that flow from reading to extraction.

`extract` never imports rdflib: the graph layer turns these records into RDF.
A `Fact` carries its fields in the spelling of the facts format
(../shared/eval/FORMAT.md), so one record type serves every fact type.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

#: fact types, in the facts format's spelling
FACT_TYPES = (
    "person", "organisation", "plan", "meeting", "membership", "attendance", "position",
    "change", "oversight", "principle", "action", "alignment", "priority", "recommendation",
)


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of a document, tied to its source line.

    `kind` is heading, paragraph, list_item or table_row. A table row keeps its
    `cells`; one source line may yield several blocks (HTML fragments).
    """

    kind: str
    line: int
    text: str
    cells: tuple[str, ...] = ()
    page: int | None = None
    level: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "line": self.line, "text": self.text,
                "cells": list(self.cells), "page": self.page, "level": self.level}


#: longest line or paragraph the sentence readers read. A paper's longest paragraph is a few thousand
#: characters; a longer run of text is not prose (a dump, a file without line breaks), and reading it
#: costs time growing faster than its length (every junk phrase it names is matched again further on).
MAX_PROSE_CHARS = 20_000


@dataclass(slots=True)
class Document:
    """A paper as read from disk: its text lines (1-based through `line`) and blocks."""

    id: str  #: content hash (sha256 of the bytes, 16 hex digits)
    name: str  #: file name, the `doc` of every fact
    path: str
    format: str  #: txt, md, html, pdf, docx
    lines: list[str]
    blocks: list[Block] = field(default_factory=list)
    pages: list[int] | None = None  #: page of each line, for PDF
    #: where a viewer finds each line: for PDF its line on its page as `pdftotext -layout` counts
    #: lines, for HTML and text the line of the file; None for Word
    source_lines: list[int | None] | None = None
    warnings: list[str] = field(default_factory=list)  #: parts of the file read in a degraded way
    title: str | None = None
    date: str | None = None  #: meeting date (ISO) when the paper states one

    def line(self, number: int) -> str:
        """The text of a 1-based line, or '' past the end."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(slots=True)
class Fact:
    """One extracted fact with its evidence.

    `fields` holds the type's fields as in the facts format (name, person, body, ...).
    """

    type: str
    fields: dict[str, Any]
    line: int
    quote: str = ""
    extractor: str = ""
    confidence: float = 1.0

    def to_dict(self, doc_name: str) -> dict[str, Any]:
        """The fact in the facts format."""
        return {"type": self.type, "doc": doc_name, "line": self.line, "quote": self.quote,
                **self.fields}


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def of_type(self, fact_type: str) -> list[Fact]:
        return [f for f in self.facts if f.type == fact_type]


# ----------------------------------------------------------------------------- people across papers
@dataclass
class PersonSources:
    """One stored person entity as the papers give it (read from the store by graph.identity), for
    the resolution rules across papers (extract.resolve.across)."""

    iri: str
    labels: Counter[str] = field(default_factory=Counter)  #: label → documents using it
    label_texts: set[str] = field(default_factory=set)  #: every label, as written
    variants: set[str] = field(default_factory=set)  #: every variant, as written
    titles: set[str] = field(default_factory=set)  #: titles stored as such
    docs: dict[str, str] = field(default_factory=dict)  #: document IRI → file name
    first_date: str | None = None
    bodies: dict[str, str] = field(default_factory=dict)  #: body IRI → label
    orgs: dict[str, str] = field(default_factory=dict)  #: organisation IRI → label
    posts: set[str] = field(default_factory=set)
    refs: int = 0


@dataclass(frozen=True)
class Merge:
    """Two entities joined by one rule, with the evidence in words."""

    a: str
    b: str
    rule: str
    evidence: str
    docs: tuple[str, ...] = ()


@dataclass
class Identity:
    """The clusters: every person IRI's canonical IRI, and the merges that made them."""

    canonical: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  #: canonical IRI → its label
    merges: list[Merge] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def of(self, iri: str) -> str:
        return self.canonical.get(iri, iri)

    def clusters(self) -> dict[str, list[str]]:
        """canonical IRI → every IRI in its cluster (only clusters of two or more)."""
        out: dict[str, list[str]] = defaultdict(list)
        for iri, canon in self.canonical.items():
            out[canon].append(iri)
        return {c: sorted(m) for c, m in out.items() if len(m) > 1}

