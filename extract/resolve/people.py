"""Person clustering: references to one person under different spellings become one cluster."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from rapidfuzz import fuzz

from extract.names import compact, norm_name, parse_person, titles_conflict
from extract.organisations import acronym


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
        self.attended: set[tuple[str, str]] = set()  #: (meeting, present/apologies) of its attendance

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
        # the fullest printed form: "Owen Doe" over "O. Doe", however often the initial is printed
        return max(full, key=lambda nc: (nc[0] not in self.slips, len(nc[0].split()[0].strip(".")) > 1, nc[1],
                                         len(nc[0])))[0]

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
        self.attended |= other.attended
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


def _conflict(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters that cannot be one person: titles of different genders, or organisations that disagree."""
    if titles_conflict(a.titles, b.titles):
        return True
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
    if compact(an) == compact(bn) and not titles_conflict(a.titles, b.titles):
        return "spacing", f"'{an}' ~ '{bn}': same letters"
    if af == bf and al != bl and min(len(al), len(bl)) >= 5 and _ocr_fold(al) == _ocr_fold(bl) \
            and not _conflict(a, b):
        return "ocr", f"surname '{al}'/'{bl}' differ only by an OCR confusion (rn/m, cl/d, vv/w), same first name"
    if af == bf and al[:1] == bl[:1] and min(len(al), len(bl)) >= 5:
        r = fuzz.ratio(al, bl)
        if r >= 85 and not _conflict(a, b):
            return "spelling", f"surname '{al}'/'{bl}' ratio {r:.0f}, same first name"
    if al == bl and af[:1] == bf[:1]:
        short, long_ = sorted((af, bf), key=len)
        if len(short) >= 3 and long_.startswith(short) and not _conflict(a, b):
            return "short_form", f"first name '{short}' is a short form of '{long_}', same surname"
        r = fuzz.ratio(af, bf)
        if r >= 80 and not _conflict(a, b):
            return "spelling", f"first name '{af}'/'{bf}' ratio {r:.0f}, same surname, organisations agree"
    r = fuzz.ratio(compact(an), compact(bn))
    if r >= 92 and af[:1] == bf[:1] and al[:1] == bl[:1] and not _conflict(a, b):
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


def _contradicts(attended: tuple[str, str] | None, cluster_attended: set[tuple[str, str]]) -> bool:
    """'Apologies: Mr Doe' is not the 'Mr J Doe' present at the same meeting (nor the other way round)."""
    if not attended:
        return False
    meeting, status = attended
    other = "present" if status == "apologies" else "apologies"
    return (meeting, other) in cluster_attended


def _join_initials(live: list[_Cluster], merged: dict[str, str]) -> None:
    """'P Doe' joins 'Paul Doe' when that is the paper's one full name with this surname and initial."""
    for c in live:
        words = norm_name(c.canonical).replace(".", " ").split()
        if len(words) != 2 or len(words[0]) != 1:
            continue
        initial, surname = words
        cands = [o for o, (first, last) in ((o, _first_last(o.canonical)) for o in live)
                 if o is not c and o.key not in merged and last == surname and len(first) > 1
                 and first.startswith(initial) and not _conflict(c, o)]
        how = ""
        if len(cands) > 1:
            # "Cllr J. Doe" beside "Cllr John Doe" and "Mrs Jane Doe": the one sharing a title is meant
            titled = [o for o in cands if _title_words(o.titles) & _title_words(c.titles)]
            if len(titled) == 1:
                cands, how = titled, f" and title '{sorted(_title_words(c.titles) & _title_words(titled[0].titles))[0]}'"
        if len(cands) == 1:
            cands[0].absorb(c, "initial", f"'{c.canonical}': the one full name with surname '{surname}' "
                                          f"and initial '{initial.upper()}'{how} in this document")
            merged[c.key] = cands[0].key


def _title_words(titles: list[str]) -> set[str]:
    """The words of a person's titles ('county councillor' -> {'councillor'}), the place words off."""
    words = {w.lower().rstrip(".") for t in titles for w in t.split()}
    words = {"councillor" if w in ("cllr", "cllrs", "councillors") else w for w in words}
    return words - {"county", "city", "borough", "district", "town", "parish", "community"}


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
        if ref.get("attended"):
            c.attended.add(ref["attended"])
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
    _join_initials(live, merged)
    live = [c for c in live if c.key not in merged]
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
        cands = [c for c in cands if not titles_conflict(ref.get("titles", []), c.titles) and
                 not _contradicts(ref.get("attended"), c.attended)]
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
