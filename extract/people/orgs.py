"""Organisation mentions in running text, for the resolution pass (no facts of its own).

Capitalised phrases ending in an organisation word ("... Partnership", "... CCG"), acronym
definitions ("Community Alliance to Combat Hate (CATCH)": both names, when the full name
reads as a body), bare acronyms and names in an organisation's slot ("funded by MOPAC", "work with
UCL", "delivered through Mind"), publishers cited as "(NICE, 2017)", unless the paper defines them as something else ("Violence Against Women and Girls
(VAWG)"), and the body of "X representative". Plan names found by other extractors are
left out in extract.resolve.
"""
from __future__ import annotations

import re

from extract.organisations import (acronym_definitions, acronym_mentions, blank_people, find_org_mentions, is_org_name,
                                   representative_orgs, slot_orgs)
from extract.people.common import smart_title
from extract.pipeline import Context, register
from extract.records import Document

#: acronyms of topics, sectors and services that are not bodies, whatever slot they sit in
NOT_BODIES = {"NHS", "VCS", "VCSE", "BAME", "BME", "SEND", "CYP", "LAC", "CSE", "CCE", "VAWG", "ASB", "DA", "GP",
              "GPS", "KPI", "KPIS", "COVID", "HIV", "ASD", "ADHD", "CPD", "LGBT", "LGBTQ", "LGBTQI", "EHCP",
              "SEMH", "ACE", "ACES", "PPE", "CEO", "CJS", "A&E", "ICT", "IT", "UK", "EU", "TBC", "N/A", "AOB"}


@register("govgraph.org_mentions.v1", order=45,
          reads=("lines",),
          writes=("org_mentions",))
def extract_org_mentions(doc: Document, context: Context):
    found: list[tuple[str, int, str]] = []
    texts: list[tuple[int, str]] = []
    defined_org: dict[str, str] = {}
    defined_other: set[str] = set()
    people = {f.fields[k] for f in context.facts for k in ("person", "substitute_for") if isinstance(f.fields.get(k), str)}
    for number, raw in enumerate(doc.lines, 1):
        if not raw.strip():
            continue
        text = re.sub(r"<[^>]+>", " ", raw).replace("**", "").replace("\t", " | ")
        texts.append((number, text))
        for org in find_org_mentions(blank_people(text, list(people))):
            found.append((org, number, org))
        plain = text.strip(" #|")
        if plain.isupper() and 2 <= len(plain.split()) <= 8 and re.fullmatch(r"[A-Z&' -]+", plain):
            # a capitalised letterhead ("WESTMARCH COUNTY COUNCIL") names the council whose paper it is
            for org in find_org_mentions(smart_title(plain)):
                if org.split()[-1].lower() == "council" and len(org.split()) >= 2:
                    found.append((org, number, plain))
        for full, acro in acronym_definitions(text):
            if is_org_name(full):
                defined_org.setdefault(acro, full)
                found.append((full, number, f"{full} ({acro})"))
                found.append((acro, number, f"{full} ({acro})"))
            else:
                defined_other.add(acro)
        for org in slot_orgs(text):
            if org.upper() not in NOT_BODIES:
                found.append((org, number, org))
        for org in representative_orgs(text):
            if org.upper() not in NOT_BODIES:
                found.append((org, number, org))
    for number, text in texts:
        for acro in acronym_mentions(text):
            if acro in defined_other and acro not in defined_org or acro.upper() in NOT_BODIES:
                continue
            found.append((acro, number, acro))
    context.shared.org_mentions = found
    return []
