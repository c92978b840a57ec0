"""The per-document collector of oversight relations: resolves generic and acronym body names,
drops junk, de-duplicates, and emits the bodies it meets as organisation facts."""
from __future__ import annotations

import re

from extract.governance.common import acronym_definitions, clean, expand_acronym, quote_of
from extract.governance.oversight.names import GENERIC, ORG_HEADS, ORG_RE, clean_body, clean_org
from extract.pipeline import Context
from extract.records import Document, Fact


class Rel:
    def __init__(self, doc: Document, context: Context | None = None) -> None:
        self.doc = doc
        self.context = context
        self.facts: list[Fact] = []
        self.seen: set[tuple[str, str, str]] = set()
        self.orgs: dict[str, Fact] = {}
        self.defs = (context.shared.acronyms if context else None) or acronym_definitions(doc)
        self.doc_text_low = " ".join(" ".join(doc.lines).split()).lower()
        self.known_names = {o.lower() for o, *_ in (context.shared.org_mentions if context else [])}
        self.known_names |= {f.fields["name"].lower() for f in (context.of_type("organisation") if context else [])
                             if f.fields.get("name")}
        self.person_names = {v.lower() for f in (context.of_type("person") if context else [])
                             for v in [f.fields.get("name"), *(f.fields.get("variants") or [])] if v}
        self.doc_text = " ".join(" ".join(doc.lines).split())
        self.own_bodies: list[str] = []
        for f in (context.of_type("meeting") if context else []):
            body = clean_body(f.fields.get("body"))
            if body and body not in self.own_bodies:
                self.own_bodies.append(body)

    @staticmethod
    def junk(name: str) -> bool:
        """Field labels, lower-case phrases and bare generic words are not bodies."""
        low = name.lower().removeprefix("the ")
        return (":" in name or low in GENERIC
                or (not name[:1].isupper() and not name[:1].isdigit() and len(name.split()) < 2)
                or bool(re.fullmatch(r"(?:(?:deputy|assistant|interim|acting)\s+)?(?:chief\s+executive|director|"
                                     r"chair|vice[- ]chair|leader|mayor|manager|officer)", low)))

    def known_orgs(self) -> dict[str, int]:
        if not hasattr(self, "_known"):
            from collections import Counter
            counts: Counter = Counter()
            for b in self.doc.blocks:
                for m in ORG_RE.finditer(clean(b.text)):
                    org = clean_org(m.group("org"))
                    if org and len(org.split()) >= 2 and not org.split()[0].islower():
                        counts[org] += 1
            self._known = dict(counts)
        return self._known

    def each_of(self, name: str) -> list[str]:
        """A plural body name ("Safeguarding Boards") as each body the paper names that ends with its singular
        ("Children's Safeguarding Board", "Adults Safeguarding Board"), when it names two or more; else []."""
        m = re.fullmatch(r"(?P<stem>.*\b(?:Board|Partnership|Group|Committee|Panel|Forum|Trust))s", name)
        if not m:
            return []
        stem = m.group("stem").lower()
        found = {o for o in list(self.known_orgs()) if o.lower().endswith(" " + stem)}
        longest = sorted(o for o in found if not any(p != o and p.lower().endswith(" " + o.lower()) for p in found))
        return longest if len(longest) >= 2 else []

    def resolve(self, name: str) -> str:
        """A bare generic name ("the Council", "the Police") as the body of that kind the paper names:
        the paper's own body when it is one, else the one named most. An acronym the paper
        defines becomes the name it stands for; "Y of X" becomes "X Y" when the paper uses that."""
        name = expand_acronym(name, self.defs)
        m = re.match(r"^(?P<y>.+?)\s+of\s+(?P<x>[A-Z].+)$", name)
        if m:
            flipped = f"{m.group('x')} {m.group('y')}"
            if flipped.lower() in self.doc_text_low:
                return flipped
        if len(name.split()) != 1 or not name[:1].isupper() or name.isupper():
            return name
        word = name.lower()
        own = [b for b in self.own_bodies if re.search(rf"\b{re.escape(word)}$", b.lower())]
        if own:
            return own[0]
        best = [(n, o) for o, n in self.known_orgs().items()
                if re.search(rf"\b{re.escape(word)}(?: service)?$", o.lower()) and len(o.split()) <= 5
                and " and " not in o.lower() and not re.search(r"['’]s\b", o)]
        return max(best)[1] if best else name

    def add(self, subject: str | None, relation: str, obj: str | None, line: int, quote: str, conf: float,
            subject_is_org: bool = False, object_is_org: bool = False, object_kind: str | None = None,
            subject_kind: str | None = None) -> None:
        """One relation. `object_kind` / `subject_kind` "post" or "text" mark a side that names no body (a chair's
        post, a topic such as "Community Safety", "the local authority"): the resolution pass leaves it alone."""
        if not subject or not obj:
            return
        if subject_is_org:
            subject = self.resolve(subject)
        if object_is_org:
            obj = self.resolve(obj)
        if (subject_is_org and self.junk(subject)) or (object_is_org and self.junk(obj)):
            return
        if subject.lower() == obj.lower():
            return
        key = (subject.lower(), relation, obj.lower())
        if key in self.seen:
            return
        self.seen.add(key)
        raw = self.doc.line(line)
        fields = {"subject": subject, "relation": relation, "object": obj}
        fields.update({k: v for k, v in (("object_kind", object_kind), ("subject_kind", subject_kind)) if v})
        self.facts.append(Fact("oversight", fields, line, quote_of(raw, quote), confidence=conf))
        for name, is_org in ((subject, subject_is_org), (obj, object_is_org)):
            if is_org and name.lower() not in self.orgs and len(name) > 2 and \
                    not re.fullmatch(rf"(?:{ORG_HEADS})", name):
                variants = [name] + [a for a, full in self.defs.items() if full == name]
                self.orgs[name.lower()] = Fact("organisation", {"name": name, "kind": _kind(name), "variants": variants},
                                               line, quote_of(raw, name), confidence=0.6)


def _kind(name: str) -> str:
    low = name.lower()
    for pat, kind in ((r"board$", "board"), (r"council$", "council"), (r"partnership$", "partnership"),
                      (r"committee$", "committee"), (r"commission$", "commission"), (r"(group|panel|forum)$",
                                                                                    "panel_or_group"),
                      (r"(ccg|trust|nhs)", "nhs_body"), (r"police", "police"), (r"(unit|hub)$", "unit"),
                      (r"(team|service|services)$", "council_service")):
        if re.search(pat, low):
            return kind
    return "other"
