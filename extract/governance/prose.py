"""Alignment stated in prose: "This strategy also aligns with ... strategic principle 5 and
enabling principles 1 and 5". The item is what the sentence points at: the thing named
earlier in the paragraph ("a Neighbourhoods approach" for "These approaches"), or the
section the sentence sits in ("the programmes of work in this section")."""
from __future__ import annotations

import re

from extract.governance.common import clean, kind_prefix, quote_of, title_case
from extract.pipeline import Context, register
from extract.records import Document, Fact

_REF = re.compile(r"\b(strategic|enabling|guiding|core)\s+(?:principles?|priorit(?:y|ies))\s+"
                  r"(\d{1,2}(?:\s*(?:,|and|&|or)\s*\d{1,2})*)", re.IGNORECASE)
_ALIGN = re.compile(r"\b(align\w*|alignment|link(?:s|ing|ed)?\s+to|reflects?|consistent with|in line with|"
                    r"support(?:s|ing)?|contribut\w+ to|deliver\w* (?:on|against))\b", re.IGNORECASE)
_SECTION = re.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>[A-Z\[].{2,90})$")
_POINTER = re.compile(r"^\s*(?:this|these|the|our)\s+(?P<noun>strateg(?:y|ies)|approach(?:es)?|plans?|programmes?|"
                      r"frameworks?|initiatives?|work|projects?|polic(?:y|ies))\b", re.IGNORECASE)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _singular(noun: str) -> str:
    noun = noun.lower()
    for plural, single in (("ies", "y"), ("ches", "ch"), ("s", "")):
        if noun.endswith(plural) and noun not in ("work",):
            return noun[: -len(plural)] + single
    return noun


@register("govgraph.prose_alignment.v1", order=62,
          reads=("blocks",),
          writes=("alignment",))
def extract_prose_alignment(doc: Document, context: Context):
    facts: list[Fact] = []
    section: tuple[str, str] | None = None
    top: tuple[str, str] | None = None
    seen: set[tuple[str, str]] = set()
    for b in doc.blocks:
        text = clean(b.text)
        if b.kind in ("heading", "list_item") and not text.endswith(".") and len(text) < 100:
            m = _SECTION.match(text.strip(" *#"))
            if m:
                section = (m.group("num"), title_case(m.group("title").strip(" *")))
                if "." not in m.group("num"):
                    top = section
                continue
        if b.kind not in ("paragraph", "list_item") or not _REF.search(text):
            continue
        if re.match(r"^\s*\[?\s*(?:strategic|enabling|guiding|core)\s+principle\s*\d", text, re.IGNORECASE):
            continue  # the principle's own statement, not a reference to it
        sentences = _SENT.split(text)
        for k, sent in enumerate(sentences):
            refs = list(_REF.finditer(sent))
            if not refs or not _ALIGN.search(sent):
                continue
            item = None
            if re.search(r"\bin this section\b", sent, re.IGNORECASE) and section:
                num, title = section if section else top
                item = f"{title} (section {num})"
            else:
                subj = sent
                mp = _POINTER.match(subj)
                if mp:
                    noun = _singular(mp.group("noun"))
                    stem = noun[:-1] if noun.endswith("y") else noun
                    for prev in [*reversed(sentences[:k]), sent]:
                        cand = re.findall(
                            r"\b(?:a|an|the|our|its|to)\s+((?:[A-Z][\w'’-]*\s+(?:(?:and|of|&)\s+)?)+" + stem
                            + r"\w*)", prev, re.IGNORECASE)
                        cand = [c for c in cand if c[:1].isupper()]
                        if cand:
                            item = cand[0]
                            break
                if item is None and section:
                    item = section[1]
            if not item:
                continue
            for m in refs:
                for num in re.findall(r"\d{1,2}", m.group(2)):
                    pid = kind_prefix(m.group(1)) + str(int(num))
                    if (item, pid) in seen:
                        continue
                    seen.add((item, pid))
                    facts.append(Fact("alignment", {"item": item, "principle": pid, "basis": "prose"},
                                      b.line, quote_of(doc.line(b.line), m.group(0)), confidence=0.6))
    return facts
