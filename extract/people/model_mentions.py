"""People and organisations the trained spaCy model finds where the rules do not reach.

The one place the model feeds extraction: each prose line (no table cells) goes through
extract.nlp's pipeline; PERSON entities join `context.shared.person_mentions` (weak, source
"ner": resolution keeps one only with a known forename or a name the lists already have; a
pipeline the user named with `spacy_model` is trusted, source "pretrained_ner"), with the setting
`ner`; ORG entities, with the setting `ner_orgs`, join `context.shared.org_mentions` when they end
in an organisation word and the rules found nothing overlapping them on that line. No facts of its own.
"""
from __future__ import annotations

import re

from extract.names import POST_WORDS, TITLES, clean_text, is_name_token, parse_person
from extract.organisations import _GENERIC, _HEADS, clean_org, is_org_name
from extract.people.positions import _ok
from extract.pipeline import Context, register
from extract.records import Document

_TITLE_WORDS = {t.lower() for t in TITLES} | {t.lower().rstrip(".") + "." for t in TITLES}
PERSON_LABELS = ("PERSON", "PER")
#: nouns that make a person's name the name of a day, a place or an award ("Jane Doe Day", "Jane Doe House")
EPONYM_HEADS = {"day", "week", "centre", "center", "house", "hall", "award", "awards", "lecture", "memorial",
                "foundation", "trust", "school", "academy", "court", "road", "street", "building", "ward", "unit",
                "fund", "prize", "park", "library", "institute", "clinic", "surgery"}
ORG_LABELS = ("ORG",)


def load_ner_model(settings: dict):
    """The spaCy pipeline the settings ask for (loaded once a process), or None when they want no NER.
    A build's workers call it before taking files, so the load counts against no file's time budget."""
    if not (settings.get("ner", False) or settings.get("ner_orgs", False)):
        return None
    from extract.nlp import cached_nlp
    return cached_nlp(settings.get("spacy_model"), settings.get("model_dir"))


@register("govgraph.model_mentions.v1", order=46, reads=("lines", "person_mentions", "org_mentions"),
          writes=("person_mentions", "org_mentions"))
def extract_model_mentions(doc: Document, context: Context):
    want_people, want_orgs = context.settings.get("ner", False), context.settings.get("ner_orgs", False)
    if not (want_people or want_orgs):
        return []
    try:
        nlp = load_ner_model(context.settings)
    except Exception as exc:  # a broken model must not stop extraction
        context.warnings.append(f"NER unavailable: {exc}")
        return []
    source = "pretrained_ner" if context.settings.get("spacy_model") else "ner"
    people, orgs = context.shared.person_mentions, context.shared.org_mentions
    ruled: dict[int, list[str]] = {}  # the rules' organisation mentions by line
    for org, number, _ in orgs:
        ruled.setdefault(number, []).append(org.lower())
    lines = [(n, re.sub(r"<[^>]+>", " ", raw).replace("**", "")) for n, raw in enumerate(doc.lines, 1)
             if 20 <= len(raw) <= 3000 and "\t" not in raw]
    for (number, text), sdoc in zip(lines, nlp.pipe(t for _, t in lines)):
        for ent in sdoc.ents:
            if ent.label_ in PERSON_LABELS and want_people:
                person = _person(text, ent.start_char, ent.end_char)
                if person:
                    people.append({"name": person.name, "surface": person.surface, "titles": person.titles,
                                   "line": number, "source": source, "post": None, "org": None})
            elif ent.label_ in ORG_LABELS and want_orgs:
                org = _organisation(ent.text, ruled.get(number, []))
                if org:
                    orgs.append((org, number, clean_text(ent.text)))
    return []


def _organisation(text: str, ruled: list[str]) -> str | None:
    """A body's name the rules missed: it ends in an organisation word and overlaps none of the line's
    rule mentions (a longer or shorter spelling of one of those would only split its variants)."""
    org = clean_org(re.sub(r"['’]s?$", "", text.strip()))
    if not org or not org[0].isupper() or re.search(r"\d|['’]s\b", org) or not 2 <= len(org.split()) <= 8:
        return None
    if all(w.lower() in _GENERIC or w.lower() in _HEADS for w in org.split()):
        return None  # "Local Authority", "Children's Board": a kind of body, not one body
    if not is_org_name(org) or any(org.lower() in r or r in org.lower() for r in ruled):
        return None
    return org


def _person(text: str, start: int, end: int):
    """The person an entity names, with a title printed just before it; None for part of a longer name."""
    before, after = text[:start].rstrip(), text[end:end + 1]
    if after in ("-", "’", "'"):
        return None  # part of a longer name the tokenizer split
    following = text[end:].split()[:1]
    if after == " " and following and following[0][:1].isupper() and following[0].isalpha() \
            and following[0].lower() not in POST_WORDS:
        return None  # "Jane Doe Day", "Jane Doe Designated Nurse": the name runs on into something else
    last = before.split()[-1] if before.split() else ""
    if last.lower() in _TITLE_WORDS:
        start = len(before) - len(last)
    elif last[:1].isupper() and before[-1].isalpha():
        return None
    words = text[start:end].split()
    while words and (words[-1].lower().strip(",") in POST_WORDS or not is_name_token(words[-1])):
        words.pop()  # "Jane Doe Vice-Chair": the span ran over the role after the name
    if words and words[-1].lower() in EPONYM_HEADS:
        return None
    person = parse_person(" ".join(words))
    if person and _ok(person.name) and 2 <= len(person.name.split()) <= 3:
        return person
    return None
