"""People and organisations the trained spaCy model finds where the rules do not reach (setting `ner`).

The one place the model feeds extraction: each prose line (no table cells) goes through
extract.nlp's pipeline; PERSON entities join `context.cache["person_mentions"]` (weak, source
"ner": resolution keeps one only with a known forename or a name the lists already have; a
pipeline the user named with `spacy_model` is trusted, source "pretrained_ner"), ORG entities join
`context.cache["org_mentions"]`. No facts of its own.
"""
from __future__ import annotations

import re

from extract.names import TITLES, clean_text, parse_person
from extract.organisations import clean_org
from extract.people.positions import _ok
from extract.pipeline import Context, register
from extract.records import Document

_TITLE_WORDS = {t.lower() for t in TITLES} | {t.lower().rstrip(".") + "." for t in TITLES}
PERSON_LABELS = ("PERSON", "PER")
ORG_LABELS = ("ORG",)


@register("govgraph.model_mentions.v1", order=46)
def extract_model_mentions(doc: Document, context: Context):
    if not context.settings.get("ner", False):
        return []
    from extract.nlp import cached_nlp
    try:
        nlp = cached_nlp(context.settings.get("spacy_model"), context.settings.get("model_dir"))
    except Exception as exc:  # a broken model must not stop extraction
        context.warnings.append(f"NER unavailable: {exc}")
        return []
    source = "pretrained_ner" if context.settings.get("spacy_model") else "ner"
    people = context.cache.setdefault("person_mentions", [])
    orgs = context.cache.setdefault("org_mentions", [])
    lines = [(n, re.sub(r"<[^>]+>", " ", raw).replace("**", "")) for n, raw in enumerate(doc.lines, 1)
             if 20 <= len(raw) <= 3000 and "\t" not in raw]
    for (number, text), sdoc in zip(lines, nlp.pipe(t for _, t in lines)):
        for ent in sdoc.ents:
            if ent.label_ in PERSON_LABELS:
                person = _person(text, ent.start_char, ent.end_char)
                if person:
                    people.append({"name": person.name, "surface": person.surface, "titles": person.titles,
                                   "line": number, "source": source, "post": None, "org": None})
            elif ent.label_ in ORG_LABELS:
                org = clean_org(ent.text)
                if org and len(org.split()) >= 2 and org[0].isupper():
                    orgs.append((org, number, clean_text(ent.text)))
    return []


def _person(text: str, start: int, end: int):
    """The person an entity names, with a title printed just before it; None for part of a longer name."""
    before, after = text[:start].rstrip(), text[end:end + 1]
    if after in ("-", "’", "'"):
        return None  # part of a longer name the tokenizer split
    last = before.split()[-1] if before.split() else ""
    if last.lower() in _TITLE_WORDS:
        start = len(before) - len(last)
    elif last[:1].isupper() and before[-1].isalpha():
        return None
    person = parse_person(text[start:end])
    if person and _ok(person.name) and 2 <= len(person.name.split()) <= 3:
        return person
    return None
