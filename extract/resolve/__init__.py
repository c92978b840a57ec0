"""One identity per real person and organisation within a document.

Runs last. Collects every person reference (memberships, attendance, positions,
changes, substitutes, prose mentions) and every organisation reference (bodies,
affiliations, organisations of positions, oversight subjects/objects, action leads),
clusters them, rewrites all facts to the canonical names and emits `person` and
`organisation` facts.

Person rules, each recorded with its evidence in the person fact's `merges` field:
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

Layout: `overrides` (the overrides file), `people` (person clustering), `org_keys` (organisation name
keys), `organisations` (organisation canonical names), `place` (the paper's place) and `extractor`
(the registered pass that rewrites facts).
"""
from __future__ import annotations

from extract.resolve.extractor import ORG_FIELDS, PERSON_FIELDS, WEAK_SOURCES, resolve
from extract.resolve.organisations import resolve_orgs
from extract.resolve.overrides import load_overrides
from extract.resolve.people import resolve_people
from extract.resolve.place import paper_place

__all__ = ["ORG_FIELDS", "PERSON_FIELDS", "WEAK_SOURCES", "load_overrides", "paper_place", "resolve",
           "resolve_orgs", "resolve_people"]
