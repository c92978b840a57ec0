"""Run the registered extractors over a document.

Each extractor is a function `(doc, context) -> Iterable[Fact]`, registered under a
versioned name with `@register("govgraph.<noun>.v1", order=N)`. Lower orders run
first; a later extractor sees earlier facts in `context.facts` (for example the
paper's meetings, which give memberships their `as_of`). Resolution of names to
one identity per person and organisation runs last (`extract.resolve`).
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.records import Document, Extraction, Fact

log = logging.getLogger(__name__)

Extractor = Callable[[Document, "Context"], Iterable[Fact]]


@dataclass
class Context:
    """What extractors share while reading one document."""

    document: Document
    facts: list[Fact] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)  #: per-document scratch space shared by extractors

    def of_type(self, fact_type: str) -> list[Fact]:
        return [f for f in self.facts if f.type == fact_type]


@dataclass(frozen=True)
class Registered:
    name: str
    order: int
    func: Extractor


EXTRACTORS: dict[str, Registered] = {}

#: modules whose import registers the built-in extractors
BUILTIN_MODULES: list[str] = ["extract.people", "extract.governance", "extract.resolve"]


def register(name: str, order: int = 50) -> Callable[[Extractor], Extractor]:
    """Register an extractor under a versioned name ("govgraph.members.v1")."""

    def wrap(func: Extractor) -> Extractor:
        EXTRACTORS[name] = Registered(name, order, func)
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
