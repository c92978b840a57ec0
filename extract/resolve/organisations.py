"""Organisation canonical names: one name per organisation, the paper's own bodies under its place."""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from extract.names import norm_name
from extract.organisations import acronym, clean_org, joins_two_names, last_joined
from extract.people.common import smart_title
from extract.resolve.org_keys import _function_only, _org_key

_PLURAL_HEADS = {"boards", "partnerships", "groups", "committees", "networks", "teams", "forums", "panels",
                 "councils", "trusts", "commissions", "alliances"}


def _plural(variants: list[str]) -> bool:
    """Every spelling ends in a plural head word: the name is of several bodies ("Health and Wellbeing Boards")."""
    return bool(variants) and all(v.split()[-1].lower().strip(".,") in _PLURAL_HEADS for v in variants if v.split())


_PLACE_QUALIFIERS = {"north", "south", "east", "west", "central", "mid", "upper", "lower", "greater", "inner", "outer",
                     "northern", "southern", "eastern", "western"}


def _qualified_place(long_key: str, short_key: str) -> bool:
    """'North Wessmoor Unit' is not 'Wessmoor Unit': the long name puts a compass word before the short one's place."""
    before = long_key[:-len(short_key)].split()
    return bool(before) and before[-1] in _PLACE_QUALIFIERS


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
        g = groups.setdefault(key, {"variants": [], "line": line, "quote": q, "refs": 0, "lines": set()})
        g["refs"] += 1
        g["lines"].add(line)
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
            # a two-word tail cut from a longer name on the same lines ("Safety Partnership" of "Anytown
            # Community Safety Partnership") is that name
            same_lines = len(short.split()) == 2 and bool(groups[short].get("lines")) and \
                groups[short]["lines"] <= groups[long_].get("lines", set())
            suffix = (len(short.split()) >= 3 or same_lines) and long_.endswith(" " + short) and \
                not (_plural(lv) and not _plural(sv)) and \
                not _qualified_place(long_, short)  # "X and the Y Boards" is two boards, neither of them Y's
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
