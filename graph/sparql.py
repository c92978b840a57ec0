"""Stored SPARQL queries (graph/queries/*.rq, the one home of govgraph's SPARQL files, the
graph's and the API's) and conversion of results to Python values.

A stored query's parameters are bound one way (`bind`): each value becomes an RDF term object
(`to_term`: pyoxigraph NamedNode / Literal, which validate and escape) written by Oxigraph's own
term serialiser into a `VALUES` row placed first in the query's outer WHERE. (At 1M quads Oxigraph
plans a leading VALUES 30x better than the same values given as substitutions.) A query that
needs a parameter inside a sub-select does not take one.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Variable

import ontology
from graph.errors import QueryError
from graph.namespaces import XSD
from ontology.vocab import sparql_terms

QUERY_DIR = Path(__file__).resolve().parent / "queries"
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in ontology.PREFIXES.items())

Term = NamedNode | Literal | BlankNode


#: SPARQL's lexical tokens that may hold arbitrary text (comments, IRIs, strings) or a name that only
#: looks like a keyword (variables, prefixed and blank-node names, language tags); a bare word is
#: a keyword. The rules follow the grammar's terminals (SPARQL 1.1, section 19.8).
_SKIPPED = (
    r"#[^\n\r]*",                                           # a comment
    r"""<[^<>"{}|^`\\\x00-\x20]*>""",                       # an IRI
    r"'''(?:'{0,2}(?:[^'\\]|\\.))*'''",                     # strings, long and short
    r'"""(?:"{0,2}(?:[^"\\]|\\.))*"""',
    r"'(?:[^'\\\n\r]|\\.)*'",
    r'"(?:[^"\\\n\r]|\\.)*"',
    r"[?$][\w\u00b7]+",                                     # a variable
    r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*",                        # a language tag
    r"(?:[^\W\d][\w.\-\u00b7]*)?:(?:[\w.\-:%\u00b7]|\\[_~.\-!$&'()*+,;=/?#@%])*",  # a prefixed or blank name
)
_TOKENS = re.compile("(?P<skip>" + "|".join(_SKIPPED) + r")|(?P<word>[^\W\d_]\w*)")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def uses_service(query: str) -> bool:
    """Whether a SPARQL text holds the SERVICE keyword (a federated query: the engine would call
    the endpoint it names). Case, comments, strings, IRIs and names that merely contain the word
    are told apart by tokenising; the text is read both as written and with its \\u escapes
    decoded, so an escape cannot hide the keyword from one reading or the other."""
    decoded = _ESCAPE.sub(lambda m: _codepoint(m.group(1) or m.group(2)), query)
    return any(m.group("word") and m.group("word").lower() == "service"
               for text in {query, decoded} for m in _TOKENS.finditer(text))


def _codepoint(hex_digits: str) -> str:
    try:
        return chr(int(hex_digits, 16))
    except (ValueError, OverflowError):
        return "?"


_WHERE = "WHERE {"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def with_vocabulary(text: str) -> str:
    """The query with each {{name}} replaced by the vocabulary's list of that name
    (ontology.vocab.sparql_terms: relations, relations_csv, upward, upward_path, view_relations)."""
    terms = sparql_terms()
    return _PLACEHOLDER.sub(lambda m: terms[m.group(1)], text)


def list_queries() -> dict[str, str]:
    """Name → the leading comment (what the query answers, its parameters)."""
    return {path.stem: _comment(path.read_text(encoding="utf-8")) for path in sorted(QUERY_DIR.glob("*.rq"))}


@lru_cache(maxsize=None)
def load_query(name: str) -> str:
    """The text of a stored query (govgraph's prefixes are declared when it runs)."""
    path = QUERY_DIR / f"{name}.rq"
    if not name.replace("_", "").isalnum() or not path.is_file():
        raise QueryError(f"no stored query named {name!r}")
    return with_vocabulary(path.read_text(encoding="utf-8"))


def _comment(text: str) -> str:
    lines = [line.lstrip("# ").rstrip() for line in text.splitlines() if line.startswith("#")]
    return " ".join(line for line in lines if line)


def to_term(value: Any) -> Term:
    """A Python value as an RDF term: str → plain literal, date → xsd:date, ... .

    Pass a pyoxigraph NamedNode (or an rdflib URIRef) to bind an IRI.
    """
    if isinstance(value, (NamedNode, Literal, BlankNode)):
        return value
    if isinstance(value, rdflib.URIRef):
        return NamedNode(str(value))
    if isinstance(value, rdflib.Literal):
        if value.language:
            return Literal(str(value), language=value.language)
        return Literal(str(value), datatype=NamedNode(str(value.datatype)) if value.datatype else None)
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=NamedNode(ontology.XSD + "boolean"))
    if isinstance(value, datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, (int, float, str)):
        return Literal(value)
    if isinstance(value, Decimal):
        return Literal(str(value), datatype=NamedNode(ontology.XSD + "decimal"))
    raise QueryError(f"cannot bind a {type(value).__name__} as an RDF term")


def bind(text: str, bindings: dict[str, Any]) -> str:
    """The query with a leading `VALUES (?a ?b) { (term term) }` in its outer WHERE.

    A list value binds its variable to each of its items (one VALUES row each); at most one
    parameter may be a list.
    """
    if not bindings:
        return text
    for name in bindings:
        if not name.isidentifier():
            raise QueryError(f"bad parameter name {name!r}")
    lists = [name for name, value in bindings.items() if isinstance(value, (list, tuple, set, frozenset))]
    if len(lists) > 1:
        raise QueryError("at most one list parameter")
    names = " ".join(f"?{name}" for name in bindings)
    fixed = {name: str(to_term(value)) for name, value in bindings.items() if name not in lists}
    rows = []
    for item in (sorted(bindings[lists[0]], key=str) if lists else [None]):
        terms = {**fixed, **({lists[0]: str(to_term(item))} if lists else {})}
        rows.append("(" + " ".join(terms[name] for name in bindings) + ")")
    at = text.index(_WHERE) + len(_WHERE)
    return f"{text[:at]}\n  VALUES ({names}) {{ {' '.join(rows)} }}{text[at:]}"


def substitutions(bindings: dict[str, Any]) -> dict[Variable, Term]:
    return {Variable(name): to_term(value) for name, value in bindings.items()}


_NUMBERS = {ontology.XSD + t: int for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")}
_NUMBERS.update({ontology.XSD + t: float for t in ("double", "float")})


def to_python(term: Term | None) -> Any:
    """An RDF term as a Python value: IRI → str, xsd:date → date, numbers → int/float."""
    if term is None:
        return None
    if isinstance(term, (NamedNode, BlankNode)):
        return term.value
    datatype = term.datatype.value
    try:
        if datatype in _NUMBERS:
            return _NUMBERS[datatype](term.value)
        if datatype == ontology.XSD + "decimal":
            return Decimal(term.value)
        if datatype == ontology.XSD + "date":
            return date.fromisoformat(term.value)
        if datatype == ontology.XSD + "dateTime":
            return datetime.fromisoformat(term.value)
        if datatype == ontology.XSD + "boolean":
            return term.value == "true"
    except ValueError:
        return term.value
    return term.value
