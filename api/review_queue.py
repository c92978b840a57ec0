"""The review queue, and an overrides file read as decisions (both need the rules across papers).

The review queue: what a reviewer should look at first, ranked by how many facts it affects.

- weak merge:      a cross-paper merge (graph.identity) made on weak evidence: a surname or an
                   initial only, a short first name, or one letter apart - a split undoes it;
- weak merge in a paper: a merge made while reading one paper on a surname only, a reference in a
                   change sentence, or a spelling slip (recorded in the person fact's `merges`);
- near duplicate:  two people never merged whose names are close (same surname and first initial,
                   or names within rapidfuzz ratio 88) - a merge joins them;
- low confidence:  a relation (oversight or alignment) the extractor was not sure of (confidence < 0.7);
- shape:           a fact or entity the SHACL shapes (ontology/shapes.ttl) flag.

Items a decision in force already covers are left out.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from extract import conflict, load_overrides, norm_name, people_named, records_from
from graph import identity as ident
from graph import ids
from graph.decisions import Decision, DecisionLog, effective, new_decision

if TYPE_CHECKING:
    from graph.store import GraphStore

LOW_CONFIDENCE = 0.7  #: relations below it are queued (alignments read from a table column are 0.7)
NEAR_RATIO = 88
_WEAK_RULES = {"surname", "initial", "short_form"}
_WEAK_PAPER_RULES = {"surname", "change_ref"}
KINDS = ("weak merge", "weak merge in a paper", "near duplicate", "low confidence", "shape")


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One thing to review: what it is, why it is doubtful, its targets and the facts it affects."""

    kind: str
    what: str
    why: str
    targets: tuple[str, ...]
    facts: int
    action: str  #: the decision that would correct it: split, merge, reject or confirm

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "what": self.what, "why": self.why, "targets": list(self.targets),
                "facts": self.facts, "action": self.action}


@dataclass
class Queue:
    items: list[QueueItem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = Counter(i.kind for i in self.items)
        return {kind: found.get(kind, 0) for kind in KINDS}


def review_queue(store: GraphStore, shapes: bool = True) -> Queue:
    """Every queue item, most facts affected first."""
    records = records_from(ident.person_sources(store))
    decided = {t for d in effective(DecisionLog(store.path).read()).current for t in d.targets}
    items = (_weak_merges(store, records) + _weak_paper_merges(store, records) + _near_duplicates(store, records)
             + _low_confidence(store))
    if shapes:
        items += _shape_flags(store)
    items = [i for i in items if not set(i.targets) & decided]
    items.sort(key=lambda i: (-i.facts, KINDS.index(i.kind), i.what))
    return Queue(items)


def _label(records: dict[str, Any], iri: str) -> str:
    rec = records.get(iri)
    return rec.label if rec else iri.rsplit("/", 1)[-1]


def _weak_merges(store: GraphStore, records: dict[str, Any]) -> list[QueueItem]:
    out = []
    for m in ident.stored_merges(store):
        weak = m["rule"] in _WEAK_RULES or (m["rule"] == "spelling" and "one letter" in m["evidence"])
        if not weak or len(m["entities"]) != 2:
            continue
        a, b = m["entities"]
        out.append(QueueItem("weak merge", f"{_label(records, a)} = {_label(records, b)}",
                             f"{m['rule']}: {m['evidence']}", (a, b),
                             sum(records[e].refs for e in (a, b) if e in records), "split"))
    return out


def _weak_paper_merges(store: GraphStore, records: dict[str, Any]) -> list[QueueItem]:
    rows = store.query("""SELECT ?person ?file ?extra WHERE { GRAPH ?g {
        ?person a foaf:Person ; prov:wasDerivedFrom ?ev . ?ev gg:extra ?extra ; gg:document/gg:fileName ?file } }""")
    out, seen = [], set()
    for r in rows:
        try:
            merges = json.loads(r["extra"]).get("merges") or []
        except (ValueError, AttributeError):
            continue
        for m in merges:
            evidence = str(m.get("evidence", ""))
            key = (r["person"], r["file"], m.get("merged"), m.get("into"))
            if key in seen or (m.get("rule") not in _WEAK_PAPER_RULES and "one letter" not in evidence):
                continue
            seen.add(key)
            rec = records.get(r["person"])
            out.append(QueueItem("weak merge in a paper", f"{m.get('merged')} → {m.get('into')} ({r['file']})",
                                 f"{m.get('rule')}: {evidence}", (r["person"],), rec.refs if rec else 0,
                                 "rename or reject"))
    return out


def _near_duplicates(store: GraphStore, records: dict[str, Any]) -> list[QueueItem]:
    """Pairs of clusters never merged whose canonical names are close."""
    canonical = ident.stored_identity(store)
    clusters: dict[str, list[str]] = defaultdict(list)
    for iri in records:
        clusters[canonical.get(iri, iri)].append(iri)
    heads = {c: records[c] for c in clusters if c in records and records[c].full}
    blocks: dict[str, list[str]] = defaultdict(list)
    for iri, rec in heads.items():
        blocks[rec.last[:3]].append(iri)
        blocks["first:" + rec.first].append(iri)
    seen: set[tuple[str, str]] = set()
    out = []
    for block in blocks.values():
        for a, b in combinations(sorted(block), 2):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            ra, rb = heads[a], heads[b]
            same_initial = ra.last == rb.last and ra.first[:1] == rb.first[:1]
            ratio = fuzz.ratio(norm_name(ra.name), norm_name(rb.name))
            if not same_initial and ratio < NEAR_RATIO:
                continue
            refs = sum(records[m].refs for c in (a, b) for m in clusters[c])
            why = (f"same surname and first initial" if same_initial else f"names {ratio:.0f}% alike") + \
                  (f"; {conflict(ra, rb)}" if conflict(ra, rb) else "")
            out.append(QueueItem("near duplicate", f"{ra.label} / {rb.label}", why, (a, b), refs, "merge"))
    return out


def _low_confidence(store: GraphStore) -> list[QueueItem]:
    rows = store.query("""SELECT DISTINCT ?fact ?type ?quote ?file ?line ?confidence WHERE { GRAPH ?g {
        ?fact prov:wasDerivedFrom ?ev . ?ev gg:factType ?type ; gg:confidence ?confidence ; gg:line ?line ;
             gg:document/gg:fileName ?file . OPTIONAL { ?ev gg:quote ?quote }
        FILTER(?confidence < ?threshold) } }""".replace("?threshold", str(LOW_CONFIDENCE)))
    return [QueueItem("low confidence", f"{r['type']} ({r['file']}, line {r['line']})",
                      f"confidence {r['confidence']:.2f}: {(r['quote'] or '')[:80]}", (r["fact"],), 1,
                      "confirm or reject")
            for r in rows if r["type"] in ("oversight", "alignment")]


def _shape_flags(store: GraphStore) -> list[QueueItem]:
    """Facts and entities the shapes flag; a flag on an evidence record is the fact's it supports."""
    import pyoxigraph as ox

    from graph.validate import shape_results

    by_node: dict[str, list[str]] = defaultdict(list)
    for node, message in shape_results(store):
        if not node.startswith(ids.ID_BASE):
            continue
        if node.startswith(ids.ID_BASE + "evidence/"):
            facts = {r["f"] for r in store.query("SELECT ?ev ?f WHERE { ?f prov:wasDerivedFrom ?ev }",
                                                 ev=ox.NamedNode(node))}
        else:
            facts = {node}
        for fact in facts:
            by_node[fact].append(message)
    return [QueueItem("shape", fact.rsplit("/", 2)[-2] + "/" + fact.rsplit("/", 1)[-1],
                      "; ".join(sorted(set(messages)))[:200], (fact,), len(messages), "confirm or reject")
            for fact, messages in by_node.items()]


def decisions_from_overrides(store: GraphStore, path: str, by: str) -> tuple[list[Decision], list[str]]:
    """The overrides file's name pairs as merge / split decisions on the stored people bearing those
    names (so the decisions log holds every correction), and the pairs naming nobody stored."""
    records = records_from(ident.person_sources(store))
    pairs = load_overrides(path)
    out, unmatched = [], []
    for key, kind in (("same", "merge"), ("different", "split")):
        for x, y in pairs.get(key, []):
            xs, ys = sorted(people_named(records, x)), sorted(people_named(records, y))
            if not xs or not ys:
                unmatched.append(f"{key} {x!r}/{y!r}: no stored person named {x if not xs else y!r}")
                continue
            why = f"'{x}' and '{y}' listed as {key} in the overrides file {path}"
            if kind == "merge":
                anchor = xs[0]
                combos = [(anchor, other) for other in dict.fromkeys(xs[1:] + ys) if other != anchor]
            else:
                combos = [(a, b) for a in xs for b in ys if a != b]
            out += [new_decision(kind, combo, why=why, by=by) for combo in combos]
    return out, unmatched
