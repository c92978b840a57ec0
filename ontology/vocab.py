"""govgraph's vocabulary, read from ontology/vocab.toml, and the Turtle generated from it.

`python3 -m ontology.vocab` rewrites the generated parts of govgraph.ttl (the body classes and
the governance relations, between `# BEGIN generated` and `# END generated`) and the sh:in
lists of shapes.ttl; `python3 -m ontology.vocab --check` exits 1 when they are not current.
"""
from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOCAB_PATH = HERE / "vocab.toml"


@dataclass(frozen=True)
class Relation:
    name: str  #: the facts spelling (reports_to)
    property: str  #: the gg: local name (reportsTo)
    label: str
    comment: str
    colour: str  #: edge colour in network views
    upward: bool = False  #: the subject answers to the object (reports to, accountable to)
    between_bodies: bool = False  #: drawn in the body and plan network views
    sub_property_of: str | None = None


@dataclass(frozen=True)
class BodyClass:
    kind: str  #: the organisation kind typed with this class
    cls: str  #: the gg: local name of the gg:Body subclass
    comment: str
    also: tuple[str, ...] = ()  #: shared kinds that take this class when the name ends with `name_ends`
    name_ends: str = ""


def _load() -> dict:
    with VOCAB_PATH.open("rb") as fh:
        return tomllib.load(fh)


_V = _load()

#: every fact type's fields, in the facts format's order
FIELDS: dict[str, tuple[str, ...]] = {t: tuple(f) for t, f in _V["facts"]["fields"].items()}
FACT_TYPES: tuple[str, ...] = tuple(FIELDS)
LIST_FIELDS = frozenset(_V["facts"]["lists"])
DATE_FIELDS = frozenset(_V["facts"]["dates"])
#: (fact type, field) → the values it may take
ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {(a["fact"], a["field"]): tuple(a["values"]) for a in _V["allowed"]}
RELATIONS: tuple[Relation, ...] = tuple(Relation(**r) for r in _V["relations"])
RELATION_BY_NAME: dict[str, Relation] = {r.name: r for r in RELATIONS}
#: relations whose subject answers to their object (the chain a plan's oversight climbs)
UPWARD: tuple[Relation, ...] = tuple(r for r in RELATIONS if r.upward)
BODY_CLASSES: tuple[BodyClass, ...] = tuple(
    BodyClass(b["kind"], b["class"], b["comment"], tuple(b.get("also", ())), b.get("name_ends", ""))
    for b in _V["bodies"])


def sparql_terms() -> dict[str, str]:
    """The vocabulary's lists as SPARQL text, by the name a query writes as {{name}}."""
    def terms(rels):
        return [f"gg:{r.property}" for r in rels]
    return {"relations": " ".join(terms(RELATIONS)), "relations_csv": ", ".join(terms(RELATIONS)),
            "upward": " ".join(terms(UPWARD)), "upward_path": "|".join(terms(UPWARD)),
            "view_relations": " ".join(f'(gg:{r.property} "{r.property}")' for r in RELATIONS if r.between_bodies)}


def body_class(kind: str | None, name: str) -> str | None:
    """The gg: local name of the Body subclass of an organisation of this kind and name, if any."""
    for body in BODY_CLASSES:
        if kind == body.kind:
            return body.cls
    low = name.lower().strip()
    for body in BODY_CLASSES:
        if kind in body.also and low.endswith(body.name_ends):
            return body.cls
    return None


def assert_fields(fact_type: str, names) -> None:
    """Fail when a name is not a field of the fact type (for declarations checked at import)."""
    unknown = sorted(set(names) - set(FIELDS[fact_type]))
    if unknown:
        raise ValueError(f"{fact_type} has no field {', '.join(unknown)} (see ontology/vocab.toml)")


# ---------------------------------------------------------------------------- generation

def _turtle_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _body_classes_ttl() -> str:
    return "".join(f"gg:{b.cls} a owl:Class ; rdfs:subClassOf gg:Body ;\n"
                   f"    rdfs:label {_turtle_string(b.kind)} ; rdfs:comment {_turtle_string(b.comment)} .\n"
                   for b in BODY_CLASSES)


def _relations_ttl() -> str:
    out = []
    for r in RELATIONS:
        lines = [f"gg:{r.property} a owl:ObjectProperty ;"]
        if r.sub_property_of:
            lines.append(f"    rdfs:subPropertyOf {r.sub_property_of} ;")
        lines += [f"    rdfs:label {_turtle_string(r.label)} ;", f"    rdfs:comment {_turtle_string(r.comment)} ."]
        out.append("\n".join(lines) + "\n")
    return "".join(out)


def _replace_block(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(# BEGIN generated from vocab.toml: {name}\n).*?(# END generated\n)", re.S)
    if not pattern.search(text):
        raise ValueError(f"no generated block '{name}' in the ontology")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text, count=1)


def render_ontology(text: str) -> str:
    text = _replace_block(text, "body classes", _body_classes_ttl())
    return _replace_block(text, "relations", _relations_ttl())


def _sh_in_lists() -> list[tuple[str, str, list[str]]]:
    """(shape, path, terms) of every sh:in list the vocabulary gives."""
    lists = [("gs:Evidence", "gg:factType", [_turtle_string(t) for t in FACT_TYPES]),
             ("gs:Oversight", "rdf:predicate", [f"gg:{r.property}" for r in RELATIONS])]
    lists += [(a["shape"], a["path"], [_turtle_string(v) for v in a["values"]]) for a in _V["allowed"]]
    return lists


def _wrap(items: list[str], indent: int, width: int = 108) -> str:
    lines, line = [], ""
    for item in items:
        if line and indent + len(line) + 1 + len(item) > width:
            lines.append(line)
            line = item
        else:
            line = f"{line} {item}" if line else item
    lines.append(line)
    return ("\n" + " " * indent).join(lines)


def render_shapes(text: str) -> str:
    for shape, path, items in _sh_in_lists():
        block = re.compile(rf"^{re.escape(shape)} a sh:NodeShape ;.*?\.\n", re.S | re.M).search(text)
        if not block:
            raise ValueError(f"no shape {shape} in the shapes")
        prop = re.compile(rf"sh:path {re.escape(path)} ;[^\]]*?sh:in \( (.*?) \)", re.S).search(text, block.start(),
                                                                                              block.end())
        if not prop:
            raise ValueError(f"no sh:in list for {path} in {shape}")
        indent = prop.start(1) - text.rfind("\n", 0, prop.start(1)) - 1
        text = text[:prop.start(1)] + _wrap(items, indent) + text[prop.end(1):]
    return text


def generated() -> dict[Path, str]:
    """Each generated file with the text it should have."""
    from ontology import ONTOLOGY_PATH, SHAPES_PATH

    return {ONTOLOGY_PATH: render_ontology(ONTOLOGY_PATH.read_text(encoding="utf-8")),
            SHAPES_PATH: render_shapes(SHAPES_PATH.read_text(encoding="utf-8"))}


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    stale = [path for path, text in generated().items() if path.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            print(f"{path.name} is not current: run python3 -m ontology.vocab")
        return 1 if stale else 0
    for path, text in generated().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
