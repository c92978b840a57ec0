"""Replaying reviewers' decisions (graph.decisions) onto the store, on every derived refresh.

`replay(store)` runs before identity and tenures are derived (graph.derived.refresh):

1. restore: every statement an earlier replay withdrew goes back into its document graph and
   every statement it added comes out, so the document graphs are as the papers gave them;
2. the decisions in force (the last per target or pair) are applied in the order made, each in
   one transaction with its record in the review graph (so a crash is undone by step 1 of the
   next refresh):
   - reject: the fact's statements and its evidence, or an entity's statements and every fact
     naming it, are withdrawn from the document graphs;
   - rename: the entity's labels are replaced by the new name, the old ones kept as skos:altLabel;
   - merge of organisations: the second organisation's statements are restated of the first;
   - merge / split of people: handed to corpus-wide identity (graph.identity) as forced pairs;
   - confirm: recorded only.
3. the review graph (graph/derived/review) gets one gg:Decision node per logged decision with
   its status (applied, superseded, target missing) and a note, `gg:rejectedBy` /
   `gg:confirmedBy` / `gg:correctedBy` links from the facts and entities a decision touched,
   and one gg:Withdrawal per decision and document graph holding the withdrawn and added
   statements as N-Triples text. Withdrawn facts thus leave every view and export (which read
   the document graphs) yet stay queryable with their decision.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph import ids, sparql
from graph.decisions import ENTITY_KINDS, Decision, DecisionError, DecisionLog, effective, iri_kind
from extract.records import Forced
from graph.namespaces import DCTERMS, FOAF, GG, ORG, RDF, RDFS, SKOS, XSD

if TYPE_CHECKING:
    from graph.store import GraphStore

log = logging.getLogger(__name__)

REVIEW_GRAPH = ids.BASE + "graph/derived/review"
APPLIED, SUPERSEDED, MISSING, BLOCKED = "applied", "superseded", "target missing", "not applied"
_LABELS = (RDFS.label, FOAF.name, DCTERMS.title)

Triple = tuple[ox.NamedNode, ox.NamedNode, Any]
#: a query's restriction to the document graphs (the papers' own statements)
_DOC_GRAPHS = f'FILTER(STRSTARTS(STR(?g), "{ids.GRAPH_BASE}"))'


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the replay did with one logged decision."""

    decision: Decision
    status: str
    note: str = ""


@dataclass
class Replay:
    """A replay's outcomes, and the person pairs identity must join or keep apart."""

    outcomes: list[Outcome] = field(default_factory=list)
    same: list[Forced] = field(default_factory=list)
    different: list[Forced] = field(default_factory=list)
    blocked: dict[str, str] = field(default_factory=dict)  #: merge decision IRI → why identity did not make it

    @property
    def problems(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in (MISSING, BLOCKED)]

    def mark_blocked(self, store: GraphStore) -> None:
        """After identity: the person merges a split kept apart are recorded as not applied, with why."""
        if not self.blocked:
            return
        graph = ox.NamedNode(REVIEW_GRAPH)
        parts = []
        for i, o in enumerate(self.outcomes):
            why = self.blocked.get(o.decision.iri)
            if why is None:
                continue
            self.outcomes[i] = Outcome(o.decision, BLOCKED, f"kept apart by another decision: {why}")
            node = ox.NamedNode(o.decision.iri)
            old = [(node, GG.decisionStatus, ox.Literal(o.status)), (node, GG.statusNote, ox.Literal(o.note))]
            new = [(node, GG.decisionStatus, ox.Literal(BLOCKED)),
                   (node, GG.statusNote, ox.Literal(self.outcomes[i].note))]
            parts.append(f"DELETE DATA {{ GRAPH {graph} {{ {_ntriples(set(old))} }} }}")
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{ {_ntriples(set(new))} }} }}")
        if parts:
            store.ox.update(" ;\n".join(parts))


@dataclass
class _Patch:
    """Statements to withdraw from and add to each document graph, and the links to record."""

    withdraw: dict[str, set[Triple]] = field(default_factory=lambda: defaultdict(set))
    add: dict[str, set[Triple]] = field(default_factory=lambda: defaultdict(set))
    links: list[Triple] = field(default_factory=list)  #: into the review graph


def replay(store: GraphStore) -> Replay:
    """Restore the document graphs, then apply the decisions in force (see the module docstring)."""
    _restore(store)
    decisions = DecisionLog(store.path).read()
    result = Replay()
    if not decisions:
        return result
    state = effective(decisions)
    applied: dict[str, Outcome] = {}
    for step, d in enumerate(state.current):
        outcome, patch = _apply_one(store, d, result)
        applied[d.id] = outcome
        update = _patch_update(store, d, patch, step)
        if update:
            store.ox.update(update)
    for d in decisions:
        if d.id in applied:
            result.outcomes.append(applied[d.id])
        else:
            result.outcomes.append(Outcome(d, SUPERSEDED, f"superseded by {state.superseded[d.id]}"))
    store.ox.update(_insert(_decision_triples(result.outcomes)))
    for o in result.problems:
        log.warning("decision %s (%s %s): %s", o.decision.id, o.decision.kind, " ".join(o.decision.targets), o.note)
    return result


def decide(store: GraphStore, decision: Decision, derive: Callable[[GraphStore], Any]) -> Outcome:
    """Record a decision in the store's log and replay the log (`derive`: the build driver's derived
    step, api.build.derive, which replays it); what became of the decision.

    A target must be in the graph now, or be the target of an earlier decision (a rejected
    fact can be confirmed): DecisionError otherwise, and nothing is recorded.
    """
    unknown = [t for t in decision.targets if not known_target(store, t)]
    if unknown:
        raise DecisionError(f"no entity or fact {', '.join(unknown)} in the graph")
    if not decision.note:
        decision = replace(decision, note={t: describe(store, t) for t in decision.targets})
    DecisionLog(store.path).append([decision])
    derive(store)
    return next(o for o in store.last_replay.outcomes if o.decision.id == decision.id)


def describe(store: GraphStore, target: str) -> str:
    """What a target is, in words, as the reviewer saw it: kept in the decision's note, so a decision
    whose target is gone can still say what it was."""
    node = ox.NamedNode(target)
    label = _raw(store, "SELECT ?t (MIN(?l) AS ?label) WHERE { ?t rdfs:label ?l } GROUP BY ?t", t=node)
    if label and label[0]["label"] is not None:
        return f"{iri_kind(target)} '{label[0]['label'].value}'"
    rows = _raw(store, """SELECT ?t ?type ?file ?line ?quote WHERE { ?t prov:wasDerivedFrom ?ev .
                          ?ev gg:factType ?type ; gg:line ?line ; gg:document/gg:fileName ?file .
                          OPTIONAL { ?ev gg:quote ?quote } } LIMIT 1""", t=node)
    if not rows:
        return iri_kind(target)
    r = rows[0]
    quote = f": {r['quote'].value[:120]}" if r["quote"] is not None else ""
    return f"{r['type'].value} in {r['file'].value}, line {r['line'].value}{quote}"


def known_target(store: GraphStore, target: str) -> bool:
    """Whether a target is in the document graphs, or an earlier decision's target."""
    node = ox.NamedNode(target)
    return _exists(store, node) or bool(_raw(store, f"SELECT ?t WHERE {{ GRAPH {ox.NamedNode(REVIEW_GRAPH)} "
                                                    "{ ?d gg:target ?t } } LIMIT 1", t=node))


def decision_rows(store: GraphStore, target: str | None = None) -> list[dict[str, Any]]:
    """The logged decisions as the last replay recorded them (optionally those on one target):
    id, kind, targets, by, at, why, value, status, note; in the order made."""
    rows: dict[str, dict[str, Any]] = {}
    query = f"""SELECT ?d ?kind ?t ?by ?at ?why ?value ?status ?note WHERE {{ GRAPH {ox.NamedNode(REVIEW_GRAPH)} {{
        ?d a gg:Decision ; gg:decisionKind ?kind ; gg:target ?t ; gg:reviewer ?by ; gg:decidedAt ?at ;
           gg:decisionStatus ?status ; gg:statusNote ?note .
        OPTIONAL {{ ?d gg:reason ?why }} OPTIONAL {{ ?d gg:newName ?value }} }} }}"""
    for r in store.query(query):
        at = r["at"].isoformat() if hasattr(r["at"], "isoformat") else str(r["at"])
        row = rows.setdefault(r["d"], {"id": r["d"].rsplit("/", 1)[-1], "iri": r["d"], "kind": r["kind"],
                                       "targets": [], "by": r["by"], "at": at, "why": r["why"] or "",
                                       "value": r["value"] or "", "status": r["status"], "note": r["note"]})
        row["targets"].append(r["t"])
    logged = {d.id: (n, d) for n, d in enumerate(DecisionLog(store.path).read())}
    out = sorted(rows.values(), key=lambda r: logged.get(r["id"], (len(logged), None))[0])
    for row in out:
        if row["id"] in logged:
            row["targets"] = list(logged[row["id"]][1].targets)  # in the order decided (a merge keeps the first)
    return [r for r in out if target is None or target in r["targets"]]


# ---------------------------------------------------------------------------- restore
def _restore(store: GraphStore) -> None:
    """Undo every earlier replay, last decision first (one may have withdrawn what an earlier one added):
    added statements out, withdrawn ones back; then the review graph is dropped."""
    rows = _raw(store, f"""SELECT ?g ?gone ?added WHERE {{ GRAPH {ox.NamedNode(REVIEW_GRAPH)} {{
                          ?w a gg:Withdrawal ; gg:fromGraph ?g ; gg:replayStep ?step .
                          OPTIONAL {{ ?w gg:withdrawnStatements ?gone }} OPTIONAL {{ ?w gg:addedStatements ?added }}
                          }} }} ORDER BY DESC(?step)""")
    parts = []
    for row in rows:
        graph = row["g"]
        if not store.ox.contains_named_graph(graph):  # its paper was removed: nothing to restore
            continue
        if row["added"] is not None and row["added"].value.strip():
            parts.append(f"DELETE DATA {{ GRAPH {graph} {{\n{row['added'].value}\n}} }}")
        if row["gone"] is not None and row["gone"].value.strip():
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n{row['gone'].value}\n}} }}")
    parts.append(f"DROP SILENT GRAPH {ox.NamedNode(REVIEW_GRAPH)}")
    store.ox.update(" ;\n".join(parts))


# ---------------------------------------------------------------------------- applying
def _apply_one(store: GraphStore, d: Decision, result: Replay) -> tuple[Outcome, _Patch]:
    patch = _Patch()
    node = ox.NamedNode(d.iri)
    targets = [ox.NamedNode(t) for t in d.targets]
    kinds = [iri_kind(t) for t in d.targets]
    missing = [t for t in d.targets if not _exists(store, ox.NamedNode(t))]
    if missing:
        return Outcome(d, MISSING, "no longer in the graph (its paper changed or was removed, or an earlier "
                                   "decision withdrew it): " + ", ".join(
                                       f"{t} ({d.note[t]})" if d.note.get(t) else t for t in missing)), patch
    if d.kind == "reject":
        _collect(store, _ENTITY if kinds[0] in ENTITY_KINDS else _FACT, patch, f=targets[0])
        patch.links.append((targets[0], GG.rejectedBy, node))
        return Outcome(d, APPLIED, f"withdrew {sum(len(s) for s in patch.withdraw.values())} statements"), patch
    if d.kind == "confirm":
        patch.links.append((targets[0], GG.confirmedBy, node))
        return Outcome(d, APPLIED, "confirmed"), patch
    if d.kind == "rename":
        _rename(store, targets[0], d.value, patch)
        patch.links.append((targets[0], GG.correctedBy, node))
        return Outcome(d, APPLIED, f"renamed to {d.value!r}"), patch
    if kinds[0] == "person":
        forced = Forced(d.targets[0], d.targets[1], _why(d), d.iri)
        (result.same if d.kind == "merge" else result.different).append(forced)
        return Outcome(d, APPLIED, "joined in one identity" if d.kind == "merge" else "kept apart"), patch
    if d.kind == "split":
        return Outcome(d, APPLIED, "kept apart (an organisation is only ever merged by a decision)"), patch
    _merge_organisation(store, targets[0], targets[1], node, patch)
    patch.links.append((targets[0], GG.correctedBy, node))
    return Outcome(d, APPLIED, f"restated {sum(len(s) for s in patch.withdraw.values())} statements"), patch


def _why(d: Decision) -> str:
    return f"decision {d.id} by {d.by} on {d.at[:10]}" + (f": {d.why}" if d.why else "")


def _exists(store: GraphStore, target: ox.NamedNode) -> bool:
    rows = _raw(store, "SELECT ?t ?g WHERE { GRAPH ?g { ?t ?p ?o } " + _DOC_GRAPHS + " } LIMIT 1", t=target)
    return bool(rows)


def _collect(store: GraphStore, query: str, patch: _Patch, **bindings: Any) -> None:
    for row in _raw(store, query, **bindings):
        patch.withdraw[row["g"].value].add((row["s"], row["p"], row["o"]))


#: a fact's statements: its node's, its evidence's, and the direct edge an oversight or alignment
#: states when no other fact of that paper states it too
_FACT = """SELECT ?f ?g ?s ?p ?o WHERE { GRAPH ?g {
  { ?f ?p ?o BIND(?f AS ?s) } UNION { ?f prov:wasDerivedFrom ?s . ?s ?p ?o }
  UNION { ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o
          FILTER NOT EXISTS { ?other rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o FILTER(?other != ?f) } }
  UNION { ?f gg:item ?s ; gg:principle ?o BIND(gg:alignsWith AS ?p)
          FILTER NOT EXISTS { ?other gg:item ?s ; gg:principle ?o FILTER(?other != ?f) } }
} """ + _DOC_GRAPHS + " }"

#: an entity's statements (as subject or object), its evidence's, and every fact naming it with that
#: fact's evidence
_ENTITY = """SELECT ?f ?g ?s ?p ?o WHERE { GRAPH ?g {
  { ?f ?p ?o BIND(?f AS ?s) } UNION { ?s ?p ?f BIND(?f AS ?o) } UNION { ?f prov:wasDerivedFrom ?s . ?s ?p ?o }
  UNION { ?fact ?q ?f ; prov:wasDerivedFrom ?ev .
          { ?fact ?p ?o BIND(?fact AS ?s) } UNION { ?ev ?p ?o BIND(?ev AS ?s) } }
} """ + _DOC_GRAPHS + " }"


def _rename(store: GraphStore, entity: ox.NamedNode, name: str, patch: _Patch) -> None:
    new = ox.Literal(name)
    for row in _raw(store, "SELECT ?e ?g ?p ?o WHERE { GRAPH ?g { ?e ?p ?o FILTER(?p IN (rdfs:label, foaf:name, "
                           "dcterms:title)) } " + _DOC_GRAPHS + " }", e=entity):
        graph, old = row["g"].value, row["o"]
        if old == new:
            continue
        patch.withdraw[graph].add((entity, row["p"], old))
        patch.add[graph].add((entity, row["p"], new))
        patch.add[graph].add((entity, SKOS.altLabel, old))


def _merge_organisation(store: GraphStore, keep: ox.NamedNode, gone: ox.NamedNode, decision: ox.NamedNode,
                        patch: _Patch) -> None:
    """Restate every statement of `gone` (subject or object) of `keep`; its names become variants."""
    label = _label(store, keep)
    query = ("SELECT ?e ?g ?s ?p ?o WHERE { GRAPH ?g { { ?e ?p ?o BIND(?e AS ?s) } UNION { ?s ?p ?e BIND(?e AS ?o) } } "
             + _DOC_GRAPHS + " }")
    for row in _raw(store, query, e=gone):
        graph, s, p, o = row["g"].value, row["s"], row["p"], row["o"]
        patch.withdraw[graph].add((s, p, o))
        if s == gone and p in (RDFS.label, FOAF.name):
            patch.add[graph].add((keep, SKOS.altLabel, o))
            continue
        s, o = (keep if s == gone else s), (keep if o == gone else o)
        patch.add[graph].add((s, p, o))
        if s != keep and p != RDF.type:
            patch.links.append((s, GG.correctedBy, decision))
        patch.add[graph] |= {(keep, RDF.type, ORG.Organization), (keep, RDFS.label, label), (keep, FOAF.name, label)}


def _label(store: GraphStore, entity: ox.NamedNode) -> ox.Literal:
    rows = _raw(store, "SELECT ?e (MIN(?l) AS ?label) WHERE { ?e rdfs:label ?l } GROUP BY ?e", e=entity)
    value = rows[0]["label"] if rows else None
    return value if isinstance(value, ox.Literal) else ox.Literal(entity.value.rsplit("/", 1)[-1])


# ---------------------------------------------------------------------------- writing
def _patch_update(store: GraphStore, d: Decision, patch: _Patch, step: int) -> str:
    """One SPARQL update: the patch's statements out of and into their graphs, and its record."""
    node = ox.NamedNode(d.iri)
    parts, record = [], []
    for graph in sorted(set(patch.withdraw) | set(patch.add)):
        target = ox.NamedNode(graph)
        # only statements the graph did not already hold are "added" (so restoring removes only those)
        gone, wanted = patch.withdraw.get(graph, set()), patch.add.get(graph, set())
        kept = gone & wanted  # withdrawn and restated: left as it is
        gone = gone - kept
        added = {t for t in wanted - kept if not _holds(store, t, target)}
        if gone:
            parts.append(f"DELETE DATA {{ GRAPH {target} {{\n{_ntriples(gone)}\n}} }}")
        if added:
            parts.append(f"INSERT DATA {{ GRAPH {target} {{\n{_ntriples(added)}\n}} }}")
        if gone or added:
            w = ox.NamedNode(ids.ID_BASE + "withdrawal/" + ids.fact_key(d.id, graph))
            record += [(w, RDF.type, GG.Withdrawal), (w, GG.withdrawnBy, node), (w, GG.fromGraph, target),
                       (w, GG.replayStep, ox.Literal(step))]
            if gone:
                record.append((w, GG.withdrawnStatements, ox.Literal(_ntriples(gone))))
            if added:
                record.append((w, GG.addedStatements, ox.Literal(_ntriples(added))))
    record += patch.links
    if record:
        parts.append(_insert(record))
    return " ;\n".join(parts)


def _holds(store: GraphStore, triple: Triple, graph: ox.NamedNode) -> bool:
    return next(iter(store.ox.quads_for_pattern(*triple, graph)), None) is not None


def _ntriples(triples: set[Triple]) -> str:
    return "\n".join(sorted(f"{ox.Triple(s, p, o)} ." for s, p, o in triples))


def _insert(triples: list[Triple]) -> str:
    body = "\n".join(f"{ox.Triple(s, p, o)} ." for s, p, o in triples)
    return f"INSERT DATA {{ GRAPH {ox.NamedNode(REVIEW_GRAPH)} {{\n{body}\n}} }}"


def _decision_triples(outcomes: list[Outcome]) -> list[Triple]:
    out: list[Triple] = []
    for o in outcomes:
        d, node = o.decision, ox.NamedNode(o.decision.iri)
        out += [(node, RDF.type, GG.Decision), (node, GG.decisionKind, ox.Literal(d.kind)),
                (node, GG.reviewer, ox.Literal(d.by)), (node, GG.decidedAt, ox.Literal(d.at, datatype=XSD.dateTime)),
                (node, GG.decisionStatus, ox.Literal(o.status)), (node, GG.statusNote, ox.Literal(o.note))]
        out += [(node, GG.target, ox.NamedNode(t)) for t in d.targets]
        if d.why:
            out.append((node, GG.reason, ox.Literal(d.why)))
        if d.value:
            out.append((node, GG.newName, ox.Literal(d.value)))
    return out


def _raw(store: GraphStore, query: str, **bindings: Any) -> list[dict[str, Any]]:
    """Rows of a SELECT as pyoxigraph terms (statements are rebuilt from them exactly)."""
    result = store.ox.query(sparql.PROLOGUE + query, use_default_graph_as_union=True,
                            substitutions={ox.Variable(k): v for k, v in bindings.items()})
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names} for row in result]
