"""One canonical person across all papers: the resolution rules for person entities across papers.

Extraction resolves names per document, so one real person can get two IRIs when two
papers spell them differently (an OCR slip "Hawthome", "Rickets"/"Ricketts", "Cllr Doe").
This module clusters the stored person entities (extract.records.PersonSources, read from the
store by graph.identity) with the context each paper gives them (bodies they sit on or attend,
posts, organisations); graph.identity writes the result as the derived named graph
`graph/derived/identity`: `variant owl:sameAs canonical` for every merged entity, and one
gg:Merge node per merge with its rule (gg:mergeRule), evidence (gg:mergeEvidence) and the
documents it rests on (prov:wasDerivedFrom). Document graphs are never changed: dropping
or rebuilding the identity graph undoes every merge, and the overrides file undoes one.

Rules (a merge needs one; every merge is checked against the whole clusters it joins):
- override:   the overrides file lists the two names as `same` (forced)
- exact:      the same letters once titles, honours, case, accents, spacing and
              punctuation are off ("O'Neil" = "ONeil"), unless posts/organisations conflict
- spelling:   one name part differs by a doubled letter ("Ricketts"/"Rickets", "Phillip"/
              "Philip"), an OCR slip (rn→m, cl→d, li→h, vv→w: "Hawthorne"/"Hawthome") or,
              for surnames of 5+ letters, one letter (rapidfuzz Levenshtein 1) - with the
              other part equal, shared context (a body, an organisation or an agreeing
              post) and no conflict
- middle_name: same first name and surname, middle names or initials apart ("Jane A. Doe"),
              with shared context and no conflict
- short_form: same surname, one first name a 3+ letter prefix of the other ("Matt"/
              "Matthew"), and an agreeing post or organisation, no conflict
- surname:    a surname-only entity ("Cllr Doe") joins the one full-name entity with that
              surname sharing its context (or its title, when several share the surname)
- initial:    likewise an initial and a surname ("J. Doe") joins the one full name with that
              surname and initial sharing its context; left alone when ambiguous
Never merged: different first names with one surname (two known forenames one letter
apart are different names), titles of different genders (Mr / Mrs, Ms, Miss), posts that disagree (no pair of posts agrees; a rank word such
as deputy/vice/assistant differing is a different post), organisations that disagree, and
any pair the overrides file lists as `different` (its clusters are kept apart).

The canonical entity of a cluster: a full name over a surname or initial only, then the spelling in
most documents, then the earliest document, then the most references.
"""
from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extract.names import FORENAMES, compact, norm_name, parse_person, titles_conflict
from extract.organisations import acronym
from extract.records import Identity, Merge, PersonSources
from extract.resolve.overrides import load_overrides as read_overrides

log = logging.getLogger(__name__)

#: OCR confusions: the multi-glyph reading → the glyph it stands for
_OCR = (("rn", "m"), ("cl", "d"), ("li", "h"), ("vv", "w"), ("ii", "u"), ("0", "o"), ("1", "l"))
#: words that make a post a different post when only one of two posts has them
_RANK_WORDS = {"deputy", "vice", "assistant", "associate", "interim", "acting", "co", "joint", "former",
               "shadow", "senior", "lead", "principal", "chief", "head", "director", "manager", "officer",
               "chair", "member", "executive", "consultant", "commissioner", "independent"}
_STOP = {"of", "for", "and", "the", "to", "in", "at", "on", "a", "an", "&"}
_PARTICLES = {"mc", "mac", "de", "van", "von", "le", "la", "da", "di", "du", "st", "o", "al", "el", "der", "den"}
_RULE_ORDER = {"override": 0, "exact": 1, "middle_name": 2, "spelling": 3, "short_form": 4, "surname": 5,
               "initial": 6}


# ----------------------------------------------------------------------------- records
@dataclass
class PersonRecord(PersonSources):
    """One stored person entity with what the papers say about it, its names read from its labels
    and variants (titles stored as such, and those its variants carry, in `titles`)."""

    names: set[str] = field(default_factory=set)  #: label and variants, titles/honours off

    @property
    def label(self) -> str:
        return max(self.labels.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] if self.labels else \
            self.iri.rsplit("/", 1)[-1]

    @property
    def name(self) -> str:
        parsed = parse_person(self.label)
        return parsed.name if parsed else self.label

    @property
    def first(self) -> str:
        return _first_last(self.name)[0]

    @property
    def last(self) -> str:
        return _first_last(self.name)[1]

    @property
    def full(self) -> bool:
        return bool(self.first)

    def where(self) -> str:
        return ", ".join(sorted(self.docs.values())) or "no document"


# ----------------------------------------------------------------------------- comparisons
def _first_last(name: str) -> tuple[str, str]:
    words = norm_name(name).split()
    if len(words) < 2:
        return "", compact(name)
    last = words[-1]
    if len(words) > 2 and words[-2] in _PARTICLES:
        last = words[-2] + last
    return compact(words[0]), compact(last)


def _collapse(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


def _ocr(text: str) -> str:
    for glyphs, letter in _OCR:
        text = text.replace(glyphs, letter)
    return text


def variant_of(a: str, b: str, first_name: bool = False) -> str | None:
    """How two spellings of one name part differ when they are one name; else None."""
    if not a or not b or a == b:
        return None
    if _collapse(a) == _collapse(b):
        return f"'{a}'/'{b}' differ by a doubled letter"
    if _ocr(a) == _ocr(b):
        return f"'{a}'/'{b}' differ by an OCR slip ({_ocr_pair(a, b)})"
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return None
    if first_name and a in FORENAMES and b in FORENAMES:
        return None  # two real first names: different people
    if Levenshtein.distance(a, b) == 1:
        return f"'{a}'/'{b}' differ by one letter (ratio {fuzz.ratio(a, b):.0f})"
    return None


def _ocr_pair(a: str, b: str) -> str:
    for glyphs, letter in _OCR:
        if (glyphs in a and glyphs not in b) or (glyphs in b and glyphs not in a):
            return f"{glyphs}→{letter}"
    return "glyphs"


def _words(text: str) -> set[str]:
    return {w for w in norm_name(text).replace("-", " ").split() if w not in _STOP}


def posts_agree(p: str, q: str) -> bool:
    """One post in two spellings: the words of one within the other's (fuzzily), no rank word apart."""
    wp, wq = _words(p), _words(q)
    if not wp or not wq:
        return False
    if (wp ^ wq) & _RANK_WORDS:
        return False
    return fuzz.token_set_ratio(" ".join(sorted(wp)), " ".join(sorted(wq))) >= 90


def orgs_agree(x: str, y: str) -> bool:
    nx, ny = norm_name(x), norm_name(y)
    if nx == ny or fuzz.token_set_ratio(nx, ny) >= 90:
        return True
    cx, cy = compact(x), compact(y)
    return cx == acronym(y).lower() or cy == acronym(x).lower()


def conflict(a: PersonRecord, b: PersonRecord) -> str | None:
    """Why two entities cannot be one person by what the papers say they do; None when they can."""
    if titles_conflict(a.titles, b.titles):
        return f"titles differ ('{'/'.join(sorted(a.titles))}' / '{'/'.join(sorted(b.titles))}')"
    if a.posts and b.posts and not any(posts_agree(p, q) for p in a.posts for q in b.posts):
        return f"posts differ ('{sorted(a.posts)[0]}' / '{sorted(b.posts)[0]}')"
    if a.orgs and b.orgs and not (a.orgs.keys() & b.orgs.keys()) \
            and not any(orgs_agree(x, y) for x in a.orgs.values() for y in b.orgs.values()):
        return f"organisations differ ('{sorted(a.orgs.values())[0]}' / '{sorted(b.orgs.values())[0]}')"
    return None


def shared_context(a: PersonRecord, b: PersonRecord, strong: bool = False) -> str | None:
    """What two entities share (a body; an organisation; an agreeing post); None when nothing."""
    parts = []
    posts = sorted({p for p in a.posts for q in b.posts if posts_agree(p, q)})
    if posts:
        parts.append(f"same post '{posts[0]}'")
    orgs = sorted({a.orgs[o] for o in a.orgs.keys() & b.orgs.keys()}
                  | {x for x in a.orgs.values() for y in b.orgs.values() if orgs_agree(x, y)})
    if orgs:
        parts.append(f"same organisation '{orgs[0]}'")
    if not strong:
        bodies = sorted(a.bodies[x] for x in a.bodies.keys() & b.bodies.keys())
        if bodies:
            parts.append(f"both on '{bodies[0]}'")
    return "; ".join(parts) or None


def _middles(rec: PersonRecord) -> str:
    words = norm_name(rec.name).replace(".", " ").split()
    return "".join(w[0] for w in words[1:-1] if w not in _PARTICLES)


def names_compatible(a: PersonRecord, b: PersonRecord) -> bool:
    """Whether two names can be one person's: first names and surnames equal or variants,
    middle initials (when both have some) the same."""
    ma, mb = _middles(a), _middles(b)
    if ma and mb and ma != mb:
        return False
    if a.last != b.last and not variant_of(a.last, b.last):
        return False
    if a.first and b.first and a.first != b.first and not variant_of(a.first, b.first, first_name=True):
        short, long_ = sorted((a.first, b.first), key=len)
        if not ((len(short) >= 3 or len(short) == 1) and long_.startswith(short)):
            return False
    return True


def match(a: PersonRecord, b: PersonRecord) -> tuple[str, str] | None:
    """(rule, evidence) when two entities are one person by the rules above; else None."""
    head = f"'{a.label}' ({a.where()}) and '{b.label}' ({b.where()})"
    why_not = conflict(a, b)
    if why_not:
        return None
    keys_a, keys_b = {compact(n) for n in a.names}, {compact(n) for n in b.names}
    if keys_a & keys_b and (a.full and b.full):
        return "exact", f"{head}: same letters once titles, case and punctuation are off"
    context = shared_context(a, b)
    if a.full and b.full:
        if a.first == b.first and a.last == b.last and context:
            return "middle_name", f"{head}: same first name and surname, middle names or initials apart; {context}; " \
                                  "no post or organisation in conflict"
        if a.first == b.first:
            how = variant_of(a.last, b.last)
            if how and context:
                return "spelling", f"{head}: same first name, surnames {how}; {context}; no post or organisation in conflict"
        elif a.last == b.last:
            how = variant_of(a.first, b.first, first_name=True)
            if how and context:
                return "spelling", f"{head}: same surname, first names {how}; {context}; no post or organisation in conflict"
            short, long_ = sorted((a.first, b.first), key=len)
            strong = shared_context(a, b, strong=True)
            if len(short) >= 3 and long_.startswith(short) and strong:
                return "short_form", f"{head}: '{short}' is a short form of '{long_}', same surname; {strong}"
    return None


# ----------------------------------------------------------------------------- overrides
def load_overrides(path: str | Path | None) -> dict[str, list[tuple[str, str]]]:
    """{"same": [(a, b)], "different": [(a, b)]} from a JSON or YAML file (extract.resolve's reader)."""
    if not path or not Path(path).is_file():
        return {"same": [], "different": []}
    try:
        return read_overrides(str(path))
    except (ValueError, json.JSONDecodeError) as exc:
        log.warning("overrides file %s unreadable: %s", path, exc)
        return {"same": [], "different": []}


def _named(records: dict[str, PersonRecord], name: str) -> set[str]:
    parsed = parse_person(name)
    key = compact(parsed.name if parsed else name)
    return {iri for iri, rec in records.items() if key in {compact(n) for n in rec.names}}


# ----------------------------------------------------------------------------- clustering
class _Clusters:
    def __init__(self, iris: list[str]) -> None:
        self.parent = {i: i for i in iris}
        self.members = {i: {i} for i in iris}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)


def resolve(records: dict[str, PersonRecord],
            overrides: dict[str, list[tuple[str, str]]] | None = None) -> Identity:
    """Cluster the person entities; the canonical IRI of each and the merges, with evidence."""
    overrides = overrides or {"same": [], "different": []}
    identity = Identity()
    clusters = _Clusters(sorted(records))
    apart = [(_named(records, x), _named(records, y), x, y) for x, y in overrides.get("different", [])]

    def kept_apart(ra: str, rb: str) -> str | None:
        joined = clusters.members[ra] | clusters.members[rb]
        for xs, ys, x, y in apart:
            if joined & xs and joined & ys and not (clusters.members[ra] & xs and clusters.members[ra] & ys) \
                    and not (clusters.members[rb] & xs and clusters.members[rb] & ys):
                return f"'{x}' and '{y}' are listed as different in the overrides file"
        return None

    def try_union(a: str, b: str, rule: str, evidence: str) -> None:
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb:
            return
        blocked = kept_apart(ra, rb)
        if blocked is None and rule != "override":
            for x in clusters.members[ra]:
                for y in clusters.members[rb]:
                    if conflict(records[x], records[y]) or not names_compatible(records[x], records[y]):
                        blocked = f"'{records[x].label}' and '{records[y].label}' cannot be one person"
                        break
                if blocked:
                    break
        if blocked:
            if rule == "override":
                identity.warnings.append(f"override same {records[a].label!r}/{records[b].label!r} ignored: {blocked}")
            return
        clusters.union(a, b)
        identity.merges.append(Merge(a, b, rule, evidence,
                                     tuple(sorted(set(records[a].docs) | set(records[b].docs)))))

    # forced merges first
    for x, y in overrides.get("same", []):
        xs, ys = _named(records, x), _named(records, y)
        if not xs or not ys:
            identity.warnings.append(f"override same {x!r}/{y!r}: no stored person with that name")
            continue
        for a in sorted(xs):
            for b in sorted(ys):
                try_union(a, b, "override", f"'{x}' and '{y}' are listed as the same person in the overrides file")
    # candidate pairs, blocked by first name and by surname
    by_first: dict[str, list[str]] = defaultdict(list)
    by_last: dict[str, list[str]] = defaultdict(list)
    by_key: dict[str, list[str]] = defaultdict(list)
    for iri, rec in records.items():
        if rec.full:
            by_first[rec.first].append(iri)
            by_first[_collapse(_ocr(rec.first))].append(iri)
            by_last[rec.last].append(iri)
            by_last[_collapse(_ocr(rec.last))].append(iri)
        for n in rec.names:
            by_key[compact(n)].append(iri)
    pairs: set[tuple[str, str]] = set()
    for block in (*by_first.values(), *by_last.values(), *by_key.values()):
        for a, b in combinations(sorted(set(block)), 2):
            pairs.add((a, b))
    found = []
    for a, b in sorted(pairs):
        hit = match(records[a], records[b])
        if hit:
            found.append((_RULE_ORDER[hit[0]], a, b, *hit))
    for _, a, b, rule, evidence in sorted(found):
        try_union(a, b, rule, evidence)
    # surname-only entities ("Cllr Doe") and initials ("J. Doe")
    for iri, rec in sorted(records.items()):
        initial = rec.first if len(rec.first) == 1 else ""
        if (rec.full and not initial) or clusters.members.get(clusters.find(iri), set()) != {iri}:
            continue
        cands = [o for o in records.values() if o.full and len(o.first) > 1 and o.last == rec.last
                 and o.first.startswith(initial) and not conflict(rec, o)]
        if len(cands) > 1 and rec.titles:
            titled = [o for o in cands if _titles(o) & _titles(rec)]
            cands = titled or cands
        if len({clusters.find(o.iri) for o in cands}) > 1:
            cands = [o for o in cands if shared_context(rec, o)]
        roots = {clusters.find(o.iri) for o in cands}
        if len(roots) != 1:
            if len(roots) > 1:
                identity.warnings.append(f"'{rec.label}' ({rec.where()}) is ambiguous: "
                                         + ", ".join(sorted(o.label for o in cands)) + "; left alone")
            continue
        o = cands[0]
        why = shared_context(rec, o) or ("same title " + "/".join(sorted(_titles(o) & _titles(rec)))
                                         if _titles(o) & _titles(rec) else None)
        if why:
            what = f"an initial '{initial.upper()}.' and a surname" if initial else "only a surname"
            try_union(iri, o.iri, "initial" if initial else "surname",
                      f"'{rec.label}' ({rec.where()}) names {what}; '{o.label}' ({o.where()}) is the "
                      f"one full name with surname '{rec.last}'{' and that initial' if initial else ''} "
                      f"sharing its context: {why}")
    # canonical entity of every cluster
    for root, members in clusters.members.items():
        best = min(members, key=lambda i: (len(records[i].first) < 2, -len(records[i].docs),
                                           records[i].first_date or "9999-12-31", -records[i].refs, i))
        for m in members:
            identity.canonical[m] = best
        identity.labels[best] = records[best].name if records[best].full else records[best].label
    return identity


def _titles(rec: PersonRecord) -> set[str]:
    return {t.lower().replace("councillor", "cllr").rstrip(".") for t in rec.titles}


def records_from(sources: dict[str, PersonSources]) -> dict[str, PersonRecord]:
    """The stored people as records the rules compare: names and titles read from their labels."""
    records: dict[str, PersonRecord] = {}
    for iri, src in sources.items():
        rec = PersonRecord(**{**vars(src), "titles": set(src.titles)})
        for label in src.label_texts:
            parsed = parse_person(label)
            rec.names.add(parsed.name if parsed else label)
        for variant in src.variants:
            parsed = parse_person(variant)
            if parsed:
                rec.names.add(parsed.name)
                rec.titles.update(parsed.titles)
        records[iri] = rec
    return records


def resolve_across(sources: dict[str, PersonSources], overrides: str | Path | None = None) -> Identity:
    """The identity of the store's people across papers, with the overrides file's pairs applied."""
    identity = resolve(records_from(sources), load_overrides(overrides))
    for warning in identity.warnings:
        log.info("identity: %s", warning)
    return identity
