"""One identity per real person and organisation within a document.

Runs last. Collects every person reference (memberships, attendance, positions,
changes, substitutes, prose mentions) and every organisation reference (bodies,
affiliations, organisations of positions, oversight subjects/objects, action leads),
clusters them, rewrites all facts to the canonical names and emits `person` and
`organisation` facts.

Person rules, each recorded with its evidence in `context.cache["merges"]` and in the
person fact's `merges` field:
- title:     same name once titles and honours are off ("Cllr Jane Doe" = "Jane Doe")
- spacing:   same letters ("Ashby- Quinn" = "Ashby Quinn" = "Ashby-Quinn")
- surname:   a titled surname-only reference ("Mayor Doe") joins the one full name with
             that surname (preferring one with the same title); left alone when ambiguous
- spelling:  same first name and a surname within rapidfuzz ratio >= 85 (one-letter slips,
             doubled letters), or same surname and a first name within ratio >= 80 or a
             short form ("Matt"/"Matthew") - never when both have organisations and
             they share none (different posts mean different people)
- overrides: a JSON/YAML file (settings key `overrides`) of {"same": [[a, b]], "different": [[a, b]]}
Never merged: different first names with one surname (ratio < 80), different surnames.

Organisation rules: one group per name once case, '&'/'and', 'the', a possessive and a leading
"London Borough of" are off; a short name (three words or more) joins a longer one ending with it,
an acronym the name it abbreviates. A phrase joining two names ("X Strategy and on the Y Board") is
never canonical: it resolves as its last name. A name of several bodies ("X and the Y Boards") absorbs
none of them. The paper's own bodies (its meetings and membership lists) named only in words saying
what they do ("Health and Wellbeing Board") are the paper's place's (`paper_place`: "London Borough
of X", "X Council", x.gov.uk addresses): "X Health and Wellbeing Board", the spelling the paper uses
when it has one; meeting ids follow the canonical body.
"""
from __future__ import annotations

import json
import logging
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from extract.names import FORENAMES, compact, looks_like_name, norm_name, parse_person
from extract.organisations import _GENERIC, _HEADS, acronym, clean_org, joins_two_names, kind_of, last_joined
from extract.people.common import slug, smart_title
from extract.pipeline import Context, register
from extract.records import Document, Fact

log = logging.getLogger(__name__)

PERSON_FIELDS = ("person", "substitute_for")
#: mention sources that name a person only when the first name is a known forename
WEAK_SOURCES = {"cell", "presenter", "prose", "speaker", "name_post", "post_name", "ner"}
ORG_FIELDS = ("body", "affiliation", "organisation")
_SOURCE_WEIGHT = {"membership": 3, "attendance": 3, "position": 2, "change": 1, "mention": 1}


# ----------------------------------------------------------------------------- overrides
def load_overrides(path: str | None) -> dict[str, list[tuple[str, str]]]:
    """{"same": [(a, b)], "different": [(a, b)]} from a JSON or YAML file; empty when none."""
    if not path:
        return {"same": [], "different": []}
    p = Path(path)
    if not p.exists():
        log.warning("overrides file %s not found", path)
        return {"same": [], "different": []}
    text = p.read_text(encoding="utf-8")
    data: Any
    if p.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml  # type: ignore[import-untyped]
            data = yaml.safe_load(text) or {}
        except ImportError:
            data = _mini_yaml(text)
    else:
        data = json.loads(text or "{}")
    out: dict[str, list[tuple[str, str]]] = {"same": [], "different": []}
    for key in out:
        for pair in data.get(key, []) or []:
            if isinstance(pair, (list, tuple)) and len(pair) == 2:
                out[key].append((str(pair[0]), str(pair[1])))
    return out


def _mini_yaml(text: str) -> dict[str, list[list[str]]]:
    """Enough YAML for `same:` / `different:` lists of `- [a, b]` pairs."""
    data: dict[str, list[list[str]]] = {}
    key = None
    for line in text.splitlines():
        if re.match(r"^\w+:\s*$", line):
            key = line.strip()[:-1]
            data[key] = []
        m = re.match(r"^\s*-\s*\[(.+),(.+)\]\s*$", line)
        if m and key:
            data[key].append([m.group(1).strip(" '\""), m.group(2).strip(" '\"")])
    return data


# ----------------------------------------------------------------------------- people
class _Cluster:
    def __init__(self, key: str):
        self.key = key
        self.names: Counter[str] = Counter()
        self.surfaces: list[str] = []
        self.titles: list[str] = []
        self.orgs: set[str] = set()
        self.first_line = 10 ** 9
        self.first_quote = ""
        self.merges: list[dict[str, str]] = []
        self.slips: set[str] = set()  #: spellings judged OCR slips of another name in the cluster

    def add(self, name: str, surface: str | None, titles: list[str], weight: int, line: int, quote: str,
            org: str | None) -> None:
        self.names[name] += weight
        if surface and surface not in self.surfaces:
            self.surfaces.append(surface)
        if name not in self.surfaces and len(name.split()) > 1:
            self.surfaces.append(name)
        for t in titles:
            if t not in self.titles:
                self.titles.append(t)
        if org:
            self.orgs.add(norm_name(org))
        if line < self.first_line:
            self.first_line, self.first_quote = line, quote

    @property
    def canonical(self) -> str:
        full = [(n, c) for n, c in self.names.items() if len(n.split()) > 1] or list(self.names.items())
        return max(full, key=lambda nc: (nc[0] not in self.slips, nc[1], len(nc[0])))[0]

    def tokens(self) -> list[str]:
        return norm_name(self.canonical).replace("-", " ").split() if " " in self.canonical else [norm_name(self.canonical)]

    def absorb(self, other: "_Cluster", rule: str, evidence: str) -> None:
        into = self.canonical
        self.names.update(other.names)
        for s in other.surfaces:
            if s not in self.surfaces:
                self.surfaces.append(s)
        for t in other.titles:
            if t not in self.titles:
                self.titles.append(t)
        self.orgs |= other.orgs
        self.slips |= other.slips
        if other.first_line < self.first_line:
            self.first_line, self.first_quote = other.first_line, other.first_quote
        self.merges.extend(other.merges)
        self.merges.append({"rule": rule, "merged": other.canonical, "into": into, "evidence": evidence})


def _first_last(name: str) -> tuple[str, str]:
    words = norm_name(name).split()
    if len(words) < 2:
        return "", compact(name)
    return compact(words[0]), compact(" ".join(words[1:]) if words[1] in ("mc", "mac", "de", "van", "von", "le", "da")
                                       else words[-1])


def _orgs_conflict(a: _Cluster, b: _Cluster) -> bool:
    if not a.orgs or not b.orgs:
        return False
    return not (_org_sig(a.orgs) & _org_sig(b.orgs))


_GENERIC_ORG_WORDS = {"service", "services", "council", "board", "trust", "group", "team", "health", "care",
                      "public", "partnership", "committee", "forum", "network", "unit", "foundation", "social",
                      "community", "city", "borough", "london", "national", "local", "nhs", "department", "office",
                      "agency", "authority", "children", "adults", "adult", "safeguarding", "clinical",
                      "commissioning", "hospital", "university", "college", "centre", "association", "society"}


def _org_sig(orgs: set[str]) -> set[str]:
    sig: set[str] = set()
    for o in orgs:
        sig |= {w for w in o.split() if len(w) > 3 and w not in _GENERIC_ORG_WORDS}
        sig.add(acronym(o).lower())
        if len(o) <= 10:
            sig.add(re.sub(r"[^a-z]", "", o.lower()))
    return sig


def _ocr_fold(text: str) -> str:
    """Letters that OCR of a PDF confuses, folded together: 'Hawthome' ~ 'Hawthorne'."""
    return text.replace("rn", "m").replace("cl", "d").replace("vv", "w")


def _similar(a: _Cluster, b: _Cluster) -> tuple[str, str] | None:
    """(rule, evidence) when two full-name clusters are one person by spelling; else None."""
    an, bn = a.canonical, b.canonical
    af, al = _first_last(an)
    bf, bl = _first_last(bn)
    if not af or not bf:
        return None
    if compact(an) == compact(bn):
        return "spacing", f"'{an}' ~ '{bn}': same letters"
    if af == bf and al != bl and min(len(al), len(bl)) >= 5 and _ocr_fold(al) == _ocr_fold(bl) \
            and not _orgs_conflict(a, b):
        return "ocr", f"surname '{al}'/'{bl}' differ only by an OCR confusion (rn/m, cl/d, vv/w), same first name"
    if af == bf and al[:1] == bl[:1] and min(len(al), len(bl)) >= 5:
        r = fuzz.ratio(al, bl)
        if r >= 85 and not _orgs_conflict(a, b):
            return "spelling", f"surname '{al}'/'{bl}' ratio {r:.0f}, same first name"
    if al == bl and af[:1] == bf[:1]:
        short, long_ = sorted((af, bf), key=len)
        if len(short) >= 3 and long_.startswith(short) and not _orgs_conflict(a, b):
            return "short_form", f"first name '{short}' is a short form of '{long_}', same surname"
        r = fuzz.ratio(af, bf)
        if r >= 80 and not _orgs_conflict(a, b):
            return "spelling", f"first name '{af}'/'{bf}' ratio {r:.0f}, same surname, organisations agree"
    r = fuzz.ratio(compact(an), compact(bn))
    if r >= 92 and af[:1] == bf[:1] and al[:1] == bl[:1] and not _orgs_conflict(a, b):
        return "spelling", f"'{an}'/'{bn}' ratio {r:.0f}"
    return None


def _pair_in(pairs: list[tuple[str, str]], a: _Cluster, b: _Cluster) -> bool:
    ka = {compact(n) for n in a.names} | {compact(s) for s in a.surfaces}
    kb = {compact(n) for n in b.names} | {compact(s) for s in b.surfaces}
    for x, y in pairs:
        px, py = parse_person(x), parse_person(y)
        cx, cy = compact(px.name if px else x), compact(py.name if py else y)
        if (cx in ka and cy in kb) or (cx in kb and cy in ka):
            return True
    return False


def resolve_people(refs: list[dict[str, Any]], overrides: dict[str, list[tuple[str, str]]]
                   ) -> tuple[list[_Cluster], dict[str, _Cluster], list[str]]:
    """Clusters of person references; map from raw name to cluster; warnings."""
    warnings: list[str] = []
    clusters: dict[str, _Cluster] = {}
    surname_only: list[dict[str, Any]] = []
    for ref in refs:
        name = ref["name"]
        if len(name.split()) < 2:
            surname_only.append(ref)
            continue
        key = compact(name)
        c = clusters.setdefault(key, _Cluster(key))
        if c.names and name not in c.names:
            c.merges.append({"rule": "title" if ref.get("titles") else "spacing", "merged": name,
                             "into": c.canonical, "evidence": f"'{ref.get('surface') or name}' has the same letters"})
        c.add(name, ref.get("surface"), ref.get("titles", []), ref["weight"], ref["line"], ref.get("quote", ""),
              ref.get("org"))
    # spelling variants, most referenced first
    order = sorted(clusters.values(), key=lambda c: -sum(c.names.values()))
    merged: dict[str, str] = {}
    for i, a in enumerate(order):
        if a.key in merged:
            continue
        for b in order[i + 1:]:
            if b.key in merged:
                continue
            if _pair_in(overrides["different"], a, b):
                continue
            hit = ("override", "listed as the same person in the overrides file") if _pair_in(overrides["same"], a, b) \
                else _similar(a, b)
            if hit:
                if hit[0] == "ocr":  # the spelling with 'm' for 'rn' (or 'd' for 'cl') is the slip
                    a.slips.add(min((a.canonical, b.canonical), key=len))
                a.absorb(b, *hit)
                merged[b.key] = a.key
    live = [c for c in order if c.key not in merged]
    # surname-only references
    by_surname: dict[str, list[_Cluster]] = defaultdict(list)
    for c in live:
        by_surname[_first_last(c.canonical)[1]].append(c)
    lonely: dict[str, _Cluster] = {}
    for ref in surname_only:
        sur = compact(ref["name"])
        cands = by_surname.get(sur, [])
        if not cands and len(sur) >= 5:
            cands = [c for s, cs in by_surname.items() for c in cs
                     if s[:1] == sur[:1] and fuzz.ratio(s, sur) >= 85]
        if len(cands) > 1 and ref.get("titles"):
            t = {x.lower().replace("councillor", "cllr") for x in ref["titles"]}
            same_title = [c for c in cands if t & {x.lower().replace("councillor", "cllr") for x in c.titles}]
            cands = same_title or cands
        if len(cands) == 1:
            c = cands[0]
            c.add(c.canonical, ref.get("surface"), ref.get("titles", []), 0, ref["line"], ref.get("quote", ""), None)
            c.merges.append({"rule": "surname", "merged": ref.get("surface") or ref["name"], "into": c.canonical,
                             "evidence": f"only full name with surname '{ref['name']}' in this document"})
        elif len(cands) > 1:
            warnings.append(f"'{ref.get('surface')}' (line {ref['line']}) is ambiguous: "
                            + ", ".join(c.canonical for c in cands) + "; left unresolved")
        elif ref.get("titles"):
            c = lonely.setdefault(sur, _Cluster(sur))
            c.add(ref["name"], ref.get("surface"), ref.get("titles", []), ref["weight"], ref["line"],
                  ref.get("quote", ""), None)
    all_clusters = live + list(lonely.values())
    index: dict[str, _Cluster] = {}
    for c in all_clusters:
        for n in c.names:
            index[n] = c
    for c in order:
        if c.key in merged:
            target = clusters[merged[c.key]]
            while target.key in merged:
                target = clusters[merged[target.key]]
            for n in c.names:
                index[n] = target
    return all_clusters, index, warnings


# ----------------------------------------------------------------------------- organisations
_BOROUGH_OF = re.compile(r"^(?:the\s+)?(?:(?:london|royal|metropolitan)\s+)?borough\s+of\s+", re.IGNORECASE)


def _strip_borough(name: str) -> str:
    """'London Borough of Anytown Health and Wellbeing Board' -> 'Anytown Health and Wellbeing Board'; the
    council itself ('London Borough of Anytown') keeps its name."""
    rest = _BOROUGH_OF.sub("", name)
    if rest != name and len(rest.split()) >= 2 and kind_of(rest) != "other":
        return rest
    return name


def _org_key(name: str) -> str:
    words = norm_name(_strip_borough(name).replace("&", " and ")).replace("'s", "").split()
    words = [w.rstrip("s") if len(w) > 4 else w for w in words if w not in ("the",)]
    return " ".join(words)


#: words of a body's name that say what it is, not whose it is: a name made only of these
#: ("Health and Wellbeing Board") is the place's body and takes the place's name
_FUNCTION_WORDS = _GENERIC | _HEADS | {"strategy", "strategic", "scrutiny", "overview", "executive", "cabinet",
                                       "wellbeing", "safety", "safer", "neighbourhood", "neighbourhoods", "economy",
                                       "growth", "commission", "committee", "forum", "joint", "steering", "oversight",
                                       "improvement", "transformation", "regeneration", "environment", "audit",
                                       "governance", "standards", "licensing", "planning", "finance", "resources",
                                       "corporate", "partnerships", "violence", "exploitation", "outbreak", "of",
                                       "for", "the", "young", "people", "families", "family", "carers", "older",
                                       "equality", "inequalities", "prevention", "workforce", "quality"}
_NOT_PLACES = {"the", "this", "that", "our", "their", "its", "a", "an", "borough", "city", "county", "district",
               "town", "parish", "local", "full", "cabinet", "executive", "youth", "member", "members", "each",
               "every", "london", "royal", "metropolitan", "any", "all", "other", "neighbouring", "partner", "and"}
_PLACE_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_PLACE_PATTERNS = (
    (re.compile(r"\b(?:London|Royal|Metropolitan)\s+Borough\s+of\s+(?P<p>" + _PLACE_WORD + r"(?:\s+(?:and\s+)?"
                + _PLACE_WORD + r")?)"), 2),
    (re.compile(r"(?<![\w'’-])(?P<p>" + _PLACE_WORD + r"(?:\s+" + _PLACE_WORD + r")?)(?:['’]s)?\s+"
                r"(?:(?:Borough|City|County|District|Town)\s+)?Council\b"), 1),
)
_GOV_DOMAIN = re.compile(r"\b(?:www\.|[\w.+-]+@)?(?P<p>[a-z][a-z-]{2,})\.gov\.uk\b", re.IGNORECASE)


def paper_place(lines: list[str], orgs: list[str] | None = None) -> str | None:
    """The council or place a paper belongs to: the place of "London Borough of X", "X Council", of the
    council's web and mail addresses (x.gov.uk) and the word that most often qualifies the paper's
    organisation names ("X Youth Service", "X Learning Trust", three names or more), most cited first;
    None without two citations or when two places tie."""
    votes: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    domains: Counter[str] = Counter()
    qualifiers: dict[str, set[str]] = defaultdict(set)
    text = "\n".join(lines)
    for org in orgs or []:
        words = _strip_borough(org).split()
        first = words[0].strip("'’s") if words else ""
        if len(words) >= 2 and re.fullmatch(_PLACE_WORD, first) and first.lower() not in _NOT_PLACES \
                and first.lower() not in _FUNCTION_WORDS and first.lower() not in FORENAMES:
            qualifiers[first].add(_org_key(org))
    for word, names in qualifiers.items():
        if len(names) >= 3:
            votes[word.lower()] += len(names) // 3
            spelled[word.lower()][word] += len(names)
    for line in lines:
        for pattern, weight in _PLACE_PATTERNS:
            for m in pattern.finditer(line):
                place = m.group("p")
                words = place.split()
                while words and words[0].lower() in _NOT_PLACES:
                    words = words[1:]
                if not words or any(w.lower() in _NOT_PLACES - {"and"} or w.lower() in _FUNCTION_WORDS for w in words):
                    continue
                place = " ".join(words)
                votes[place.lower()] += weight
                spelled[place.lower()][place] += 1
        for m in _GOV_DOMAIN.finditer(line):
            domains[m.group("p").lower().replace("-", " ")] += 1
    for domain, n in domains.items():
        if domain in votes or n >= 2 and domain not in ("www", "gov"):
            votes[domain] += 2 * n
            if domain not in spelled:
                m = re.search(r"\b" + re.escape(domain) + r"\b", text, re.IGNORECASE)
                if m and m.group(0)[:1].isupper():
                    spelled[domain][m.group(0)] += 1
    for place in list(votes):  # a council named once ("X Council's ...") in a paper about X throughout
        if len(re.findall(r"(?<![\w-])" + re.escape(place) + r"(?![\w-])", text, re.IGNORECASE)) >= 5:
            votes[place] += 1
    ranked = [(p, n) for p, n in votes.most_common() if spelled.get(p)]
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return spelled[ranked[0][0]].most_common(1)[0][0]


def _function_only(name: str) -> bool:
    """A name made only of words saying what a body does ("Health and Wellbeing Board"), three words or more."""
    words = norm_name(name).replace("&", " and ").replace("'s", "").split()
    return len(words) >= 3 and all(w in _FUNCTION_WORDS or w.rstrip("s") in _FUNCTION_WORDS for w in words)


_PLURAL_HEADS = {"boards", "partnerships", "groups", "committees", "networks", "teams", "forums", "panels",
                 "councils", "trusts", "commissions", "alliances"}


def _plural(variants: list[str]) -> bool:
    """Every spelling ends in a plural head word: the name is of several bodies ("Health and Wellbeing Boards")."""
    return bool(variants) and all(v.split()[-1].lower().strip(".,") in _PLURAL_HEADS for v in variants if v.split())


def resolve_orgs(names: list[tuple[str, int, str]], own: list[str] | None = None,
                 place: str | None = None) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """Raw org name -> canonical; canonical -> {variants, line, quote}.

    `own` are the names the paper uses structurally for its own bodies (meetings, membership lists),
    `place` the paper's council or place: a bare own body ("Health and Wellbeing Board") is canonically
    the place's ("Anytown Health and Wellbeing Board"). A phrase joining two names ("X Strategy and on the
    Y Board") is never a canonical name: it resolves as its last name.
    """
    joined: dict[str, str] = {}
    groups: dict[str, dict[str, Any]] = {}
    for raw, line, q in names:
        if joins_two_names(raw):
            tail = clean_org(last_joined(raw))
            if tail and tail != raw:
                joined[raw] = tail
                raw = tail
        key = _org_key(raw)
        if not key:
            continue
        g = groups.setdefault(key, {"variants": [], "line": line, "quote": q, "refs": 0})
        g["refs"] += 1
        if raw not in g["variants"]:
            g["variants"].append(raw)
        if line < g["line"]:
            g["line"], g["quote"] = line, q
    # the paper's own bare bodies, under the place's name
    place_key = _org_key(place) if place else ""
    preferred: dict[str, str] = {}  #: key of a bare own body -> key of its place form
    for body in own or []:
        bkey = _org_key(body)
        if not place_key or not bkey or bkey.startswith(place_key + " ") or not _function_only(body):
            continue
        pkey = f"{place_key} {bkey}"
        spelled = min([v for v in [body, *groups.get(bkey, {}).get("variants", [])] if not v.isupper()] or [body],
                      key=lambda v: ("&" in v, len(v)))
        if pkey not in groups:
            groups[pkey] = {"variants": [], "line": groups.get(bkey, {}).get("line", 10 ** 9),
                            "quote": groups.get(bkey, {}).get("quote", ""), "refs": 0}
        groups[pkey].setdefault("made", f"{place} {smart_title(spelled)}")
        preferred[bkey] = pkey
    keys = sorted(groups, key=len, reverse=True)
    parent: dict[str, str] = {}
    for short, pkey in preferred.items():
        if short in groups:
            parent[short] = pkey
    for i, long_ in enumerate(keys):
        if not groups[long_]["variants"] and "made" not in groups[long_]:
            continue
        for short in keys[i + 1:]:
            if short in parent:
                continue
            lv = groups[long_]["variants"]
            sv = groups[short]["variants"]
            acro = bool(lv) and any(v.replace(" ", "").replace("&", "").isupper() and len(v) <= 8 and
                                    acronym(lv[0]).replace("AND", "") in (v.replace("&", "").replace(" ", ""),)
                                    for v in sv)
            suffix = len(short.split()) >= 3 and long_.endswith(" " + short) and \
                not (_plural(lv) and not _plural(sv))  # "X and the Y Boards" is two boards, neither of them Y's
            near = fuzz.ratio(long_, short) >= 95 and len(short) > 12
            if acro or suffix or near:
                parent[short] = long_
    for bkey, pkey in preferred.items():  # an acronym of the bare name ("HWB") is the own body's too
        for key, g in groups.items():
            if key not in parent and key != pkey and any(
                    v.replace("&", "").replace(" ", "").isupper() and len(v) <= 8 and
                    acronym(bkey).replace("AND", "") == v.replace("&", "").replace(" ", "") for v in g["variants"]):
                parent[key] = pkey
    canon: dict[str, str] = {}
    out: dict[str, dict[str, Any]] = {}

    def display(root: str) -> str:
        g = groups[root]
        variants = g["variants"]
        if root in preferred.values():  # "Anytown Health and Wellbeing Board", not "London Borough of ..."
            plain = [v for v in variants if _org_key(v) == root and norm_name(v).startswith(place_key)
                     and not v.isupper() and "'s" not in v and "’s" not in v]
            return min(plain, key=lambda v: ("&" in v, len(v))) if plain else g["made"]
        usable = [v for v in variants if not joins_two_names(v)] or variants
        return max(usable, key=lambda v: (not v.isupper(), len(v)))

    for key, g in groups.items():
        if not g["variants"]:
            continue
        root = key
        while root in parent:
            root = parent[root]
        name = display(root)
        entry = out.setdefault(name, {"variants": [], "line": g["line"], "quote": g["quote"]})
        if root in preferred.values() and name not in entry["variants"]:
            entry["variants"].append(name)
        for v in g["variants"]:
            if v not in entry["variants"]:
                entry["variants"].append(v)
            canon[v] = name
        if g["line"] < entry["line"]:
            entry["line"], entry["quote"] = g["line"], g["quote"]
    for raw, tail in joined.items():
        canon[raw] = canon.get(tail, tail)
    return canon, out


# ----------------------------------------------------------------------------- the pass
def _weight(fact_type: str) -> int:
    return _SOURCE_WEIGHT.get(fact_type, 1)


@register("govgraph.resolve.v1", order=90)
def resolve(doc: Document, context: Context):
    overrides = load_overrides(context.settings.get("overrides"))
    refs: list[dict[str, Any]] = []
    for f in context.facts:
        if f.type in ("person", "organisation"):
            continue
        for field in PERSON_FIELDS:
            value = f.fields.get(field)
            if not value or not isinstance(value, str):
                continue
            parsed = parse_person(value)
            if parsed is None:
                continue
            surface = f.fields.get("surface") if field == "person" else value
            titles = f.fields.get("titles") if field == "person" and f.fields.get("titles") else parsed.titles
            org = f.fields.get("organisation") or f.fields.get("affiliation") if field == "person" else None
            refs.append({"name": parsed.name, "surface": surface or value, "titles": list(titles or []),
                         "weight": _weight(f.type), "line": f.line, "quote": f.quote, "org": org, "kind": f.type})
    for f in context.facts:  # "chaired by Jane Doe": the chair of a body is a person
        v = f.fields.get("object")
        if f.type == "oversight" and f.fields.get("relation") == "chaired_by" and isinstance(v, str):
            parsed = parse_person(v)
            if parsed and looks_like_name(parsed.name):
                refs.append({"name": parsed.name, "surface": v, "titles": list(parsed.titles), "weight": 1,
                             "line": f.line, "quote": f.quote, "org": None, "kind": "oversight"})
    known = {compact(r["name"]) for r in refs}
    firsts = {compact(r["name"].split()[0]) for r in refs if len(r["name"].split()) > 1}
    for m in context.cache.get("person_mentions", []):
        name = m["name"]
        if len(name.split()) < 2 and not m.get("titles"):
            continue
        first = compact(name.split()[0])
        if m.get("source") in WEAK_SOURCES and not m.get("titles") and compact(name) not in known \
                and first not in FORENAMES and first not in firsts:
            continue
        # untitled prose names need a second signal: a speaker/presenter/post pattern or a known person
        refs.append({"name": name, "surface": m.get("surface") or name, "titles": m.get("titles", []),
                     "weight": 1, "line": m["line"], "quote": m.get("surface") or name, "org": m.get("org")})
    _attach_change_refs(refs, context)
    clusters, index, warnings = resolve_people(refs, overrides)
    context.warnings.extend(warnings)
    for cm in context.cache.get("change_merges", []):
        if cm["into"] in index:
            index[cm["merged"]] = index[cm["into"]]
            index[cm["into"]].merges.append(cm)
            if cm["merged"] not in index[cm["into"]].surfaces:
                index[cm["into"]].surfaces.append(cm["merged"])
    context.cache["merges"] = [m for c in clusters for m in c.merges]

    def person_name(value: str) -> str:
        parsed = parse_person(value)
        c = index.get(parsed.name) if parsed else None
        return c.canonical if c else (parsed.name if parsed else value)

    # organisations
    org_refs: list[tuple[str, int, str]] = []
    person_keys = {compact(n) for c in clusters for n in c.names}
    for f in context.facts:
        for field in ORG_FIELDS:
            v = clean_org(f.fields.get(field)) if isinstance(f.fields.get(field), str) else None
            if v:
                org_refs.append((v, f.line, f.quote))
        if f.type == "oversight":
            for field in ("subject", "object"):
                v = f.fields.get(field)
                if field == "object" and f.fields.get("relation") == "chaired_by":
                    continue  # a chair is a person, even one the paper names nowhere else
                if isinstance(v, str) and compact(v) not in person_keys and not _is_person(v, index):
                    org_refs.append((clean_org(v) or v, f.line, f.quote))
        if f.type == "action":
            for lead in f.fields.get("leads") or []:
                if isinstance(lead, str):
                    org_refs.append((clean_org(lead) or lead, f.line, f.quote))
        if f.type == "organisation" and f.fields.get("name"):
            for v in [f.fields["name"], *(f.fields.get("variants") or [])]:
                org_refs.append((v, f.line, f.quote))
    plan_names = {norm_name(v) for f in context.facts if f.type == "plan"
                  for v in [f.fields.get("name"), *(f.fields.get("variants") or [])] if isinstance(v, str)}
    person_names = {norm_name(n) for c in clusters for n in c.names}
    for org, line, q in context.cache.get("org_mentions", []):
        org_refs.append((org, line, q))
    org_refs = [(o, l, q) for o, l, q in org_refs
                if norm_name(o) not in plan_names and norm_name(o) not in person_names]
    own = [f.fields["body"] for f in context.facts
           if f.type in ("meeting", "membership") and isinstance(f.fields.get("body"), str) and f.fields["body"]]
    own = [clean_org(b) or b for b in dict.fromkeys(own)]
    place = paper_place(doc.lines, [o for o, _, _ in org_refs]) if own else None
    context.cache["place"] = place
    org_canon, orgs = resolve_orgs(org_refs, own, place)

    def org_name(value: str) -> str:
        v = clean_org(value) or value
        return org_canon.get(v, v)

    # rewrite
    existing_orgs = [f for f in context.facts if f.type == "organisation"]
    for f in context.facts:
        if f.type in ("person", "organisation"):
            continue
        for field in PERSON_FIELDS:
            if isinstance(f.fields.get(field), str) and f.fields[field]:
                f.fields[field] = person_name(f.fields[field])
        for field in ORG_FIELDS:
            if isinstance(f.fields.get(field), str) and f.fields[field]:
                f.fields[field] = org_name(f.fields[field])
        if f.type == "oversight":
            for field in ("subject", "object"):
                v = f.fields.get(field)
                if isinstance(v, str) and v:
                    f.fields[field] = person_name(v) if _is_person(v, index) else org_name(v)
        if f.type == "action" and f.fields.get("leads"):
            f.fields["leads"] = [org_name(x) if isinstance(x, str) else x for x in f.fields["leads"]]
        f.fields.pop("surface", None)
        if f.type in ("membership", "attendance", "position", "change"):
            f.fields.pop("titles", None)
    for f in existing_orgs:
        f.fields["name"] = org_name(f.fields["name"])
    _rename_meetings(context)
    _dedupe_positions(context)
    out: list[Fact] = []
    for c in sorted(clusters, key=lambda c: c.first_line):
        variants = [s for s in c.surfaces]
        if not any(compact(v) == compact(c.canonical) for v in variants):
            variants.insert(0, c.canonical)
        fields = {"name": c.canonical, "variants": variants, "titles": c.titles}
        if c.merges:
            fields["merges"] = c.merges
        out.append(Fact("person", fields, line=c.first_line if c.first_line < 10 ** 9 else 1, quote=c.first_quote))
    have = {norm_name(f.fields.get("name")) for f in existing_orgs}
    for name, info in orgs.items():
        if norm_name(name) in have:
            continue
        out.append(Fact("organisation", {"name": name, "kind": kind_of(name), "variants": info["variants"]},
                        line=info["line"], quote=info["quote"]))
    return out


def _rename_meetings(context: Context) -> None:
    """A meeting's id follows its body's canonical name ("anytown-health-and-wellbeing-board-2024-05-14"), so
    that two councils' boards meeting on one day stay two meetings; attendance follows its meeting."""
    renamed: dict[str, str] = {}
    for f in context.facts:
        if f.type == "meeting" and isinstance(f.fields.get("body"), str) and f.fields.get("id"):
            new = f"{slug(f.fields['body'])}-{f.fields.get('date') or 'undated'}"
            if new != f.fields["id"]:
                renamed.setdefault(f.fields["id"], new)
    if not renamed:
        return
    for f in context.facts:
        if f.type == "meeting" and f.fields.get("id") in renamed:
            f.fields["id"] = renamed[f.fields["id"]]
        elif isinstance(f.fields.get("meeting"), str) and f.fields["meeting"] in renamed:
            f.fields["meeting"] = renamed[f.fields["meeting"]]
    for m in context.cache.get("meetings", []):
        m["id"] = renamed.get(m.get("id"), m.get("id"))


def _is_person(value: str, index: dict[str, _Cluster]) -> bool:
    parsed = parse_person(value)
    return bool(parsed and (parsed.name in index or (parsed.titles and looks_like_name(parsed.name, 1))))


def _dedupe_positions(context: Context) -> None:
    """One position per person, post and date in a document; a civic title (Mayor) once per person."""
    seen: set[tuple] = set()
    keep: list[Fact] = []
    for f in context.facts:
        if f.type == "position":
            post = f.fields.get("post") or ""
            words = frozenset(w for w in norm_name(post).replace("-", " ").split() if len(w) > 2)
            civic = norm_name(post) in ("mayor", "deputy mayor", "lord mayor")
            key = (f.fields.get("person"), words, None if civic else f.fields.get("as_of"),
                   None if post else norm_name(f.fields.get("organisation")))
            if key in seen:
                continue
            seen.add(key)
        keep.append(f)
    context.facts[:] = keep


def _attach_change_refs(refs: list[dict[str, Any]], context: Context) -> None:
    """A name seen only in a change sentence ("replace David Mayr as ...") is a slip for the one
    listed person with the same first name and a surname of the same initial (rapidfuzz ratio >= 60)."""
    strong = {r["name"] for r in refs if r.get("kind") in ("membership", "attendance", "position")}
    for r in refs:
        if r.get("kind") != "change" or r["name"] in strong or len(r["name"].split()) < 2:
            continue
        f, l = _first_last(r["name"])
        cands = {n for n in strong if len(n.split()) > 1 and _first_last(n)[0] == f
                 and _first_last(n)[1][:1] == l[:1] and fuzz.ratio(_first_last(n)[1], l) >= 60}
        if len(cands) == 1:
            target = cands.pop()
            context.cache.setdefault("change_merges", []).append(
                {"rule": "change_ref", "merged": r["name"], "into": target,
                 "evidence": f"only listed person named {r['name'].split()[0]} {l[:1].upper()}..., line {r['line']}"})
            r["surface"] = r.get("surface") or r["name"]
            r["name"] = target
