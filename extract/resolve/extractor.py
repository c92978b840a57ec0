"""The registered pass: collect references, resolve them, rewrite every fact to canonical names."""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from extract.names import FORENAMES, compact, looks_like_name, norm_name, parse_person
from extract.organisations import clean_org, kind_of
from extract.people.common import slug
from extract.pipeline import Context, register
from extract.records import Document, Fact
from extract.resolve.organisations import resolve_orgs
from extract.resolve.overrides import load_overrides
from extract.resolve.people import _Cluster, _first_last, resolve_people
from extract.resolve.place import paper_place

PERSON_FIELDS = ("person", "substitute_for")
#: mention sources that name a person only when the first name is a known forename
WEAK_SOURCES = {"cell", "presenter", "prose", "speaker", "name_post", "post_name", "ner"}
ORG_FIELDS = ("body", "affiliation", "organisation")
_SOURCE_WEIGHT = {"membership": 3, "attendance": 3, "position": 2, "change": 1, "mention": 1}


def _weight(fact_type: str) -> int:
    return _SOURCE_WEIGHT.get(fact_type, 1)


@register("govgraph.resolve.v1", order=90,
          reads=("lines", "meetings", "person_mentions", "org_mentions", "meeting", "membership", "attendance", "position", "change", "oversight", "action", "organisation", "plan"),
          writes=("person", "organisation", "change_merges"))
def resolve(doc: Document, context: Context) -> list[Fact]:
    overrides = load_overrides(context.settings.get("overrides"))
    refs = _person_refs(context)
    _attach_change_refs(refs, context)
    clusters, index = _cluster_people(refs, overrides, context)
    org_refs = _org_refs(context, clusters, index)
    own = _own_bodies(context)
    place = paper_place(doc.lines, [o for o, _, _ in org_refs]) if own else None
    org_canon, orgs = resolve_orgs(org_refs, own, place)
    existing_orgs = [f for f in context.facts if f.type == "organisation"]
    _rewrite_facts(context, index, org_canon)
    for f in existing_orgs:
        f.fields["name"] = _org_name(f.fields["name"], org_canon)
    _rename_meetings(context)
    _dedupe_positions(context)
    return _person_facts(clusters) + _organisation_facts(orgs, existing_orgs)


# ----------------------------------------------------------------------------- people
def _person_refs(context: Context) -> list[dict[str, Any]]:
    """Every person reference: person fields of facts, chairs of bodies, then the mentions worth keeping."""
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
                         "weight": _weight(f.type), "line": f.line, "quote": f.quote, "org": org, "kind": f.type,
                         "attended": _attended(f) if field == "person" else None})
    for f in context.facts:  # "chaired by Jane Doe": the chair of a body is a person
        v = f.fields.get("object")
        if f.type == "oversight" and f.fields.get("relation") == "chaired_by" and isinstance(v, str):
            parsed = parse_person(v)
            if parsed and looks_like_name(parsed.name):
                refs.append({"name": parsed.name, "surface": v, "titles": list(parsed.titles), "weight": 1,
                             "line": f.line, "quote": f.quote, "org": None, "kind": "oversight"})
    refs.extend(_mention_refs(refs, context))
    return refs


def _attended(fact: Fact) -> tuple[str, str] | None:
    """(meeting, 'present' or 'apologies') of an attendance fact: one person cannot be both at one meeting."""
    if fact.type != "attendance":
        return None
    meeting = str(fact.fields.get("meeting") or fact.fields.get("date") or "")
    return meeting, "apologies" if fact.fields.get("status") == "apologies" else "present"


def _mention_refs(refs: list[dict[str, Any]], context: Context) -> list[dict[str, Any]]:
    """Mentions that name a person; `refs` (the facts' references) decide which weak mentions count."""
    known = {compact(r["name"]) for r in refs}
    firsts = {compact(r["name"].split()[0]) for r in refs if len(r["name"].split()) > 1}
    out: list[dict[str, Any]] = []
    for m in context.shared.person_mentions:
        name = m["name"]
        if len(name.split()) < 2 and not m.get("titles"):
            continue
        first = compact(name.split()[0])
        if m.get("source") in WEAK_SOURCES and not m.get("titles") and compact(name) not in known \
                and first not in FORENAMES and first not in firsts:
            continue
        # untitled prose names need a second signal: a speaker/presenter/post pattern or a known person
        out.append({"name": name, "surface": m.get("surface") or name, "titles": m.get("titles", []),
                    "weight": 1, "line": m["line"], "quote": m.get("surface") or name, "org": m.get("org")})
    return out


def _cluster_people(refs: list[dict[str, Any]], overrides: dict[str, list[tuple[str, str]]], context: Context
                    ) -> tuple[list[_Cluster], dict[str, _Cluster]]:
    """Clusters and the raw name -> cluster index, with change-sentence merges folded in; records warnings
    and merges on the context."""
    clusters, index, warnings = resolve_people(refs, overrides)
    context.warnings.extend(warnings)
    for cm in context.shared.change_merges:
        if cm["into"] in index:
            index[cm["merged"]] = index[cm["into"]]
            index[cm["into"]].merges.append(cm)
            if cm["merged"] not in index[cm["into"]].surfaces:
                index[cm["into"]].surfaces.append(cm["merged"])
    return clusters, index


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
            context.shared.change_merges.append(
                {"rule": "change_ref", "merged": r["name"], "into": target,
                 "evidence": f"only listed person named {r['name'].split()[0]} {l[:1].upper()}..., line {r['line']}"})
            r["surface"] = r.get("surface") or r["name"]
            r["name"] = target


def _is_person(value: str, index: dict[str, _Cluster]) -> bool:
    parsed = parse_person(value)
    return bool(parsed and (parsed.name in index or (parsed.titles and looks_like_name(parsed.name, 1))))


def _person_name(value: str, index: dict[str, _Cluster]) -> str:
    parsed = parse_person(value)
    c = index.get(parsed.name) if parsed else None
    return c.canonical if c else (parsed.name if parsed else value)


# ----------------------------------------------------------------------------- organisations
def _org_refs(context: Context, clusters: list[_Cluster], index: dict[str, _Cluster]
              ) -> list[tuple[str, int, str]]:
    """(name, line, quote) of every organisation reference that is not a plan's or a person's name."""
    org_refs: list[tuple[str, int, str]] = []
    person_keys = {compact(n) for c in clusters for n in c.names}
    for f in context.facts:
        for field in ORG_FIELDS:
            v = clean_org(f.fields.get(field)) if isinstance(f.fields.get(field), str) else None
            if v and not _initials_of(v, f.fields.get("person")):
                org_refs.append((v, f.line, f.quote))
        if f.type == "oversight":
            for field in ("subject", "object"):
                v = f.fields.get(field)
                if field == "object" and f.fields.get("relation") == "chaired_by":
                    continue  # a chair is a person, even one the paper names nowhere else
                if f.fields.get(f"{field}_kind") in ("post", "text"):
                    continue  # a post or a topic, not a body
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
    for org, line, q in context.shared.org_mentions:
        org_refs.append((org, line, q))
    return [(o, l, q) for o, l, q in org_refs if norm_name(o) not in plan_names and norm_name(o) not in person_names]


def _initials_of(org: str, person: Any) -> bool:
    """'DJS' beside 'D Sloan' in an attendance table is the person's initials, not a body."""
    if not isinstance(person, str) or not (org.isupper() and org.isalpha() and 2 <= len(org) <= 4):
        return False
    words = [w for w in person.replace(".", " ").split() if w[:1].isalpha()]
    return len(words) >= 2 and org[0] == words[0][0].upper() and org[-1] == words[-1][0].upper()


def _own_bodies(context: Context) -> list[str]:
    """The bodies the paper itself is about: those of its meetings and membership lists, in order."""
    own = [f.fields["body"] for f in context.facts
           if f.type in ("meeting", "membership") and isinstance(f.fields.get("body"), str) and f.fields["body"]]
    return [clean_org(b) or b for b in dict.fromkeys(own)]


def _org_name(value: str, org_canon: dict[str, str]) -> str:
    v = clean_org(value) or value
    return org_canon.get(v, v)


# ----------------------------------------------------------------------------- rewriting
def _rewrite_facts(context: Context, index: dict[str, _Cluster], org_canon: dict[str, str]) -> None:
    """Every person and organisation field to its canonical name; drops the surface and title fields."""
    for f in context.facts:
        if f.type in ("person", "organisation"):
            continue
        for field in PERSON_FIELDS:
            if isinstance(f.fields.get(field), str) and f.fields[field]:
                f.fields[field] = _person_name(f.fields[field], index)
        for field in ORG_FIELDS:
            if isinstance(f.fields.get(field), str) and f.fields[field]:
                f.fields[field] = _org_name(f.fields[field], org_canon)
        if f.type == "oversight":
            for field in ("subject", "object"):
                v = f.fields.get(field)
                if isinstance(v, str) and v:
                    f.fields[field] = _person_name(v, index) if _is_person(v, index) else _org_name(v, org_canon)
        if f.type == "action" and f.fields.get("leads"):
            f.fields["leads"] = [_org_name(x, org_canon) if isinstance(x, str) else x for x in f.fields["leads"]]
        f.fields.pop("surface", None)
        if f.type in ("membership", "attendance", "position", "change"):
            f.fields.pop("titles", None)


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
    for m in context.shared.meetings:
        m["id"] = renamed.get(m.get("id"), m.get("id"))


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


# ----------------------------------------------------------------------------- new facts
def _person_facts(clusters: list[_Cluster]) -> list[Fact]:
    out: list[Fact] = []
    for c in sorted(clusters, key=lambda c: c.first_line):
        variants = [s for s in c.surfaces]
        if not any(compact(v) == compact(c.canonical) for v in variants):
            variants.insert(0, c.canonical)
        fields = {"name": c.canonical, "variants": variants, "titles": c.titles}
        if c.merges:
            fields["merges"] = c.merges
        out.append(Fact("person", fields, line=c.first_line if c.first_line < 10 ** 9 else 1, quote=c.first_quote))
    return out


def _organisation_facts(orgs: dict[str, dict[str, Any]], existing_orgs: list[Fact]) -> list[Fact]:
    """An organisation fact for each canonical organisation no extractor has already emitted."""
    have = {norm_name(f.fields.get("name")) for f in existing_orgs}
    out: list[Fact] = []
    for name, info in orgs.items():
        if norm_name(name) in have:
            continue
        out.append(Fact("organisation", {"name": name, "kind": kind_of(name), "variants": info["variants"]},
                        line=info["line"], quote=info["quote"]))
    return out
