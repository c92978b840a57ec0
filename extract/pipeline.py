"""Run the registered extractors over a document.

Each extractor is a function `(doc, context) -> Iterable[Fact]`, registered under a
versioned name with its contract: `@register("govgraph.<noun>.v1", order=N, reads=(...),
writes=(...))`. What it reads and writes are document inputs (`lines`, `blocks`), fact types
(ontology/vocab.toml) and the intermediate records of `Shared` (context.shared.meetings, ...);
an unknown name fails at import. Lower orders run first, and every read must be written by an
extractor that runs earlier (tests/extract/test_pipeline_contracts.py checks it and lists the
registry). Resolution of names to one identity per person and organisation runs last
(`extract.resolve`).
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.records import Document, Extraction, Fact
from ontology.vocab import FACT_TYPES

log = logging.getLogger(__name__)

Extractor = Callable[[Document, "Context"], Iterable[Fact]]


#: a record not yet computed (Shared.paper_body is read lazily and may be None)
UNSET: Any = object()


@dataclass
class Shared:
    """The intermediate records extractors pass on while reading one document; an extractor
    names those it reads and writes in its contract."""

    meetings: list[dict[str, Any]] = field(default_factory=list)  #: meeting headers: id, date, body, mode, line, role
    paper_date: str | None = None  #: the date of the paper's own meeting
    paper_body: Any = UNSET  #: the body the paper is for (members: read once, lazily)
    paper_forenames: set[str] = field(default_factory=set)  #: forenames the paper spells out in full
    org_mentions: list[tuple[str, int, str]] = field(default_factory=list)  #: (organisation, line, quote)
    person_mentions: list[dict[str, Any]] = field(default_factory=list)  #: people named in prose, for resolution
    change_merges: list[dict[str, Any]] = field(default_factory=list)  #: "X replaces Y" merges, for resolution
    plans: Any = None  #: the paper's plans (extract.governance.plans.PlanSet)
    acronyms: dict[str, str] | None = None  #: acronym → full name, as the paper defines them


SHARED_RECORDS: tuple[str, ...] = tuple(Shared.__dataclass_fields__)
#: what an extractor may read or write: the document's inputs, fact types, shared records
DOCUMENT_INPUTS = ("lines", "blocks")
KNOWN = frozenset(DOCUMENT_INPUTS) | frozenset(FACT_TYPES) | frozenset(SHARED_RECORDS)


@dataclass
class Context:
    """What extractors share while reading one document."""

    document: Document
    facts: list[Fact] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    shared: Shared = field(default_factory=Shared)

    def of_type(self, fact_type: str) -> list[Fact]:
        return [f for f in self.facts if f.type == fact_type]


@dataclass(frozen=True)
class Registered:
    name: str
    order: int
    func: Extractor
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()


EXTRACTORS: dict[str, Registered] = {}

#: modules whose import registers the built-in extractors
BUILTIN_MODULES: list[str] = ["extract.people", "extract.governance", "extract.resolve"]


def register(name: str, order: int = 50, reads: Iterable[str] = (), writes: Iterable[str] = ()
             ) -> Callable[[Extractor], Extractor]:
    """Register an extractor under a versioned name ("govgraph.members.v1") with its contract:
    what it reads and writes (document inputs, fact types, Shared records)."""
    reads, writes = tuple(reads), tuple(writes)
    unknown = sorted(set(reads + writes) - KNOWN)
    if unknown:
        raise ValueError(f"extractor {name}: unknown {', '.join(unknown)} (known: {', '.join(sorted(KNOWN))})")

    def wrap(func: Extractor) -> Extractor:
        EXTRACTORS[name] = Registered(name, order, func, reads, writes)
        return func

    return wrap


def load_builtins() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def extract_document(doc: Document, settings: dict[str, Any] | None = None,
                     only: Iterable[str] | None = None) -> Extraction:
    """All facts of one document, names resolved within it."""
    load_builtins()
    context = Context(doc, settings=dict(settings or {}))
    wanted = set(only) if only is not None else None
    for entry in sorted(EXTRACTORS.values(), key=lambda r: (r.order, r.name)):
        if wanted is not None and entry.name not in wanted:
            continue
        produced = list(entry.func(doc, context))
        for fact in produced:
            fact.extractor = fact.extractor or entry.name
        context.facts.extend(produced)
        log.debug("%s: %s gave %d facts", doc.name, entry.name, len(produced))
    if doc.date is None:
        dated = [f.fields.get("date") for f in context.of_type("meeting") if f.fields.get("date")]
        doc.date = dated[0] if dated else None
    return Extraction(doc, context.facts, context.warnings)
