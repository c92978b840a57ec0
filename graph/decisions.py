"""Reviewers' decisions: an append-only log in the data directory, replayed on every build.

A decision says what a reviewer decided about the graph, who, when and why:

- merge   two people (forced into one identity cluster) or two organisations (the second's
          statements move to the first, its names kept as variants)
- split   two people kept apart (undoes a cross-paper merge, automatic or decided), or two
          organisations an earlier decision merged
- reject  a fact (membership, attendance, position, change, relation, ...) or an entity that
          is not one (with every fact naming it): withdrawn from the document graphs
- confirm a fact or an entity: kept, and marked as reviewed
- rename  an entity's display name (its old names kept as variants)

Targets are IRIs, which survive rebuilds of the same papers: an entity's IRI is the slug of
its canonical name (graph.ids.entity_iri) and a fact node's IRI is a hash of its document's
content id, its line and its fields (graph.ids.fact_iri), so the same paper read again - or
removed and added back - gives the same IRIs. A decision whose target is gone (its paper
changed or was removed) is reported by the replay (graph.review), never silently dropped.

The log is `decisions.jsonl`: one JSON object a line, in the order decided. It is only ever
appended to, and every append rewrites it atomically (write a copy, fsync, rename) under a
lock, so a crash leaves the old log or the new one, never half a line. Reading validates
every line and names the line of any problem (DecisionLogError).

Conflicts: a later decision on the same target (reject/confirm of one IRI, merge/split of one
pair, rename of one entity) supersedes the earlier one; the replay reports the earlier as
superseded.
"""
from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from graph import ids
from graph.errors import GraphError

LOG_FILE = "decisions.jsonl"
KINDS = ("merge", "split", "reject", "confirm", "rename")
#: how many targets each kind takes
ARITY = {"merge": 2, "split": 2, "reject": 1, "confirm": 1, "rename": 1}
#: IRI kinds (graph.ids: id/<kind>/...) that are entities; every other kind is a fact node
ENTITY_KINDS = ("person", "organisation", "plan", "meeting", "principle", "action")
MERGEABLE = ("person", "organisation")


class DecisionError(GraphError):
    """A decision that cannot be recorded (a wrong kind, target or value)."""


class DecisionLogError(GraphError):
    """The decisions log (or a decisions file to import) is not valid; the message names the line."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewer's decision. `targets` are IRIs; `value` is the new name of a rename."""

    kind: str
    targets: tuple[str, ...]
    by: str
    at: str  #: ISO 8601 date and time, UTC
    why: str = ""
    value: str = ""
    note: dict[str, Any] = field(default_factory=dict)  #: what the reviewer saw: labels, document, line, quote
    id: str = ""

    @property
    def iri(self) -> str:
        return ids.ID_BASE + "decision/" + self.id

    def key(self) -> tuple[str, ...]:
        """What the decision is about: a later decision with the same key supersedes it."""
        if self.kind in ("merge", "split"):
            return ("pair", *sorted(self.targets))
        if self.kind in ("reject", "confirm"):
            return ("status", self.targets[0])
        return ("rename", self.targets[0])

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["targets"] = list(self.targets)
        return {k: v for k, v in data.items() if v not in ("", {}, None)}


def iri_kind(iri: str) -> str:
    """The kind of a govgraph IRI (person, organisation, membership, ...); '' for another IRI."""
    return iri[len(ids.ID_BASE):].split("/", 1)[0] if iri.startswith(ids.ID_BASE) else ""


def short_iri(iri: str) -> str:
    """The short form `kind/key` of a govgraph IRI (what `full_iri` reads back)."""
    kind = iri_kind(iri)
    return f"{kind}/{iri.rsplit('/', 1)[-1]}" if kind else iri


def full_iri(target: str) -> str:
    """An IRI from itself or from its short form `kind/key` (`person/jane-doe`)."""
    target = target.strip()
    if target.startswith(ids.ID_BASE):
        return target
    if "/" in target and not target.startswith(("http:", "https:")):
        return ids.ID_BASE + target.lstrip("/")
    return target


def new_decision(kind: str, targets: Iterable[str], why: str = "", value: str = "", by: str | None = None,
                 note: dict[str, Any] | None = None, at: datetime | None = None) -> Decision:
    """A checked decision with its id (a hash of everything it says), stamped now."""
    stamp = (at or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0).isoformat()
    draft = Decision(kind, tuple(full_iri(t) for t in targets), (by or default_reviewer()).strip(), stamp, why.strip(),
                     value.strip(), dict(note or {}))
    problem = decision_problem(draft)
    if problem:
        raise DecisionError(problem)
    return _with_id(draft)


def _with_id(d: Decision) -> Decision:
    digest = ids.fact_key(d.kind, d.targets, d.value, d.by, d.at, d.why)
    return Decision(d.kind, d.targets, d.by, d.at, d.why, d.value, d.note, "d-" + digest)


def default_reviewer() -> str:
    """The user running govgraph: who decides when no one is named."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def decision_problem(d: Decision) -> str | None:
    """Why a decision is not valid, or None."""
    if d.kind not in KINDS:
        return f"unknown decision kind {d.kind!r} (one of {', '.join(KINDS)})"
    if len(d.targets) != ARITY[d.kind]:
        return f"a {d.kind} takes {ARITY[d.kind]} target(s), not {len(d.targets)}"
    for target in d.targets:
        if not iri_kind(target):
            return f"target {target!r} is not a govgraph IRI ({ids.ID_BASE}<kind>/...)"
    kinds = [iri_kind(t) for t in d.targets]
    if d.kind in ("merge", "split"):
        if d.targets[0] == d.targets[1]:
            return f"a {d.kind} needs two different entities"
        if kinds[0] != kinds[1] or kinds[0] not in MERGEABLE:
            return f"a {d.kind} joins two people or two organisations, not {kinds[0]} and {kinds[1]}"
    if d.kind == "rename":
        if kinds[0] not in ENTITY_KINDS:
            return f"only an entity has a display name to rename, not a {kinds[0]}"
        if not d.value:
            return "a rename needs the new name"
    elif d.value:
        return f"a {d.kind} takes no value"
    if not d.by:
        return "a decision names who made it"
    try:
        datetime.fromisoformat(d.at)
    except (TypeError, ValueError):
        return f"'at' is not an ISO date and time: {d.at!r}"
    return None


def from_json(data: Any) -> Decision:
    """A decision from one parsed log line; DecisionError names what is wrong."""
    if not isinstance(data, dict):
        raise DecisionError("not a JSON object")
    unknown = set(data) - {"id", "kind", "targets", "by", "at", "why", "value", "note"}
    if unknown:
        raise DecisionError(f"unknown field(s) {', '.join(sorted(unknown))}")
    for name in ("kind", "by", "at"):
        if not isinstance(data.get(name), str):
            raise DecisionError(f"'{name}' must be a string")
    targets = data.get("targets")
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise DecisionError("'targets' must be a list of IRIs")
    for name in ("why", "value", "id"):
        if not isinstance(data.get(name, ""), str):
            raise DecisionError(f"'{name}' must be a string")
    if not isinstance(data.get("note", {}), dict):
        raise DecisionError("'note' must be an object")
    d = Decision(data["kind"], tuple(targets), data["by"], data["at"], data.get("why", ""), data.get("value", ""),
                 data.get("note", {}), data.get("id", ""))
    problem = decision_problem(d)
    if problem:
        raise DecisionError(problem)
    expected = _with_id(d).id
    if d.id and d.id != expected:
        raise DecisionError(f"id {d.id!r} does not match its content (expected {expected!r})")
    return _with_id(d)


def parse_lines(text: str, source: str) -> list[Decision]:
    """Every decision of a JSONL text, validated; DecisionLogError names the first bad line."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(from_json(json.loads(line)))
        except (ValueError, DecisionError) as exc:
            raise DecisionLogError(f"{source} line {number}: {exc}") from None
    return out


class DecisionLog:
    """The data directory's decisions log."""

    def __init__(self, data_dir: str | os.PathLike[str]) -> None:
        self.path = Path(data_dir) / LOG_FILE

    def exists(self) -> bool:
        return self.path.is_file()

    def read(self) -> list[Decision]:
        """Every decision in the order made (empty with no log)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return parse_lines(text, str(self.path))

    def digest(self) -> bytes:
        """The log's bytes (empty with none): what the derived graphs were built from."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return b""

    def append(self, decisions: Iterable[Decision]) -> list[Decision]:
        """Append decisions not already in the log (by id); the ones appended.

        The whole log is rewritten to a copy, synced and renamed over the old one, under a lock,
        so a crash or a concurrent writer never leaves a half-written line.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(LOG_FILE + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            old = self.digest()
            known = {d.id for d in parse_lines(old.decode("utf-8"), str(self.path))}
            fresh = []
            for d in decisions:
                if d.id not in known:
                    known.add(d.id)
                    fresh.append(d)
            if not fresh:
                return []
            if old and not old.endswith(b"\n"):
                old += b"\n"
            text = old + "".join(json.dumps(d.to_json(), ensure_ascii=False, sort_keys=True) + "\n"
                                 for d in fresh).encode("utf-8")
            staged = self.path.with_name(LOG_FILE + ".tmp")
            with open(staged, "wb") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(staged, self.path)
            _fsync_dir(self.path.parent)
            return fresh

    def export(self) -> str:
        """The log as JSONL, for another team's `import`."""
        return "".join(json.dumps(d.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for d in self.read())

    def import_text(self, text: str, source: str) -> list[Decision]:
        """Append the decisions of an exported log that are not here yet; the ones appended."""
        return self.append(parse_lines(text, source))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class Effective:
    """The log replayed for supersession: the decisions in force, and each superseded one with
    the id of the decision that superseded it."""

    current: list[Decision]
    superseded: dict[str, str]


def effective(decisions: list[Decision]) -> Effective:
    """The decisions in force: for each key (target or pair) the last one made."""
    last: dict[tuple[str, ...], Decision] = {}
    superseded: dict[str, str] = {}
    for d in decisions:
        earlier = last.get(d.key())
        if earlier is not None:
            superseded[earlier.id] = d.id
        last[d.key()] = d
    keep = {d.id for d in last.values()}
    return Effective([d for d in decisions if d.id in keep], superseded)


def digest_of(data_dir: str | os.PathLike[str]) -> str:
    return hashlib.sha256(DecisionLog(data_dir).digest()).hexdigest()[:16]
