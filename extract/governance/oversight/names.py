"""Body and person names in sentences: the patterns that find them, and the clean-up that makes
a matched phrase a name (or rejects it); plan names the paper's plan register knows."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.governance.plans import PlanSet


ORG_HEADS = (r"Board|Partnership|Group|Council|Unit|Team|Service|Services|Trust|CCG|Commission|Committee|Forum|"
             r"Network|Panel|Executive|Cabinet|Authority|Alliance|Agency|Hub|Directorate|Department|Office|"
             r"Police|Healthwatch|Confederation|Foundation|Charity|Programme Board|Steering Group|"
             r"Sub-[Gg]roup|Sub-[Cc]ommittee|Sub-[Bb]oard|Sub-[Pp]anel|Subgroup")
CAPW = r"[A-Z][\w’'&\-]*"
ORG = (rf"(?:the\s+)?(?:{CAPW}(?:\s+(?:and|&|of|for|on)\s+|\s+))*?(?:{ORG_HEADS})s?\b"
       rf"|(?:the\s+)?(?:[A-Z][a-z]+\s+(?:(?:of|and|for)\s+(?:the\s+)?)?){{0,4}}\b[A-Z]{{2,6}}s?\b")
ORG_RE = re.compile(rf"(?P<org>{ORG})")
PERSON = (r"(?:(?:Cllr|Councillor|Dr|Mayor|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss)\.?\s+)?"
          r"[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,2}")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|(?<=[.!?][\'’”])\s+(?=[A-Z])")
NOT_ORG = {"The", "This", "It", "We", "Our", "In", "A", "An", "Page", "Item", "Action", "Report", "Recent", "Local", "New",
           "Both", "All", "Each", "Many", "Some", "Other", "Further", "Current", "Key", "Relevant", "Their", "Its",
           "These", "Those", "With", "From", "By", "For", "To", "And", "At", "On", "As", "If", "When", "While"}


#: single words that name no body on their own ("the Board", "the Partnership"); "the Council" and
#: "the Police" are left to the resolution pass: a paper has one of each
GENERIC = {"board", "partnership", "panel", "group", "committee", "forum", "network", "unit", "team",
           "service", "services", "trust", "authority", "executive", "cabinet", "alliance", "agency", "hub",
           "office", "department", "directorate", "commission", "steering group", "programme board",
           "partners", "partnerships", "boards", "groups"}


def clean_body(name: str | None) -> str | None:
    """A body name from another extractor, or None when it is a field or a phrase, not a name.

    'Presented to the X Board' -> 'X Board'; 'Venue: Committee Room 2, ...' -> None.
    """
    if not name:
        return None
    name = re.sub(r"^(?:[A-Z][a-z]+\s+)?(?:to|by|for|from|at)\s+the\s+(?=[A-Z])", "", name.strip())
    if ":" in name or "(" in name and ")" not in name or len(name.split()) > 10 or not name[:1].isupper():
        return None
    if re.search(r"\b(?:Room|Venue|Centre|Hall|Street|Road|Floor)\b", name) and \
            not re.search(rf"(?:{ORG_HEADS})s?$", name):
        return None
    return name


def clean_org(text: str) -> str | None:
    text = re.sub(r"^(?:the|a|an|our|its)\s+", "", text.strip(), flags=re.IGNORECASE).strip(" ,.;:")
    words = text.split()
    while words and words[0] in NOT_ORG and len(words) > 1:
        words = words[1:]
    text = " ".join(words)
    if not text or len(text) < 2 or text in NOT_ORG:
        return None
    return text


def person_name(text: str) -> str:
    return re.sub(r"^(?:Cllr|Councillor|Dr|Mayor|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss)\.?\s+", "", text).strip()


def last_org(text: str) -> str | None:
    found = [m.group("org") for m in ORG_RE.finditer(text)]
    for cand in reversed(found):
        org = clean_org(cand)
        if org and not org.isupper() or (org and len(org) >= 3):
            return org
    return None


def topic_org(text: str) -> str | None:
    """The body a paragraph is about: the subject of the latest sentence that opens with one."""
    for sent in reversed(SENTENCE_BREAK.split(text)):
        m = re.match(rf"\s*(?P<org>{ORG})\s+(?:is|was|has|have|will|are|were|brings|meets|provides)\b", sent)
        if m and clean_org(m.group("org")):
            return clean_org(m.group("org"))
    return None


def first_org(text: str) -> str | None:
    for m in ORG_RE.finditer(text):
        org = clean_org(m.group("org"))
        if org:
            return org
    return None


_MORE_ORG = re.compile(rf"(?:\s+(?:and\s+|of\s+|for\s+)?{CAPW})*?\s+(?:{ORG_HEADS})s?\b")


def extend_org(s: str, m: re.Match, group: str = "org") -> str:
    """The whole body name at a match: 'Eastmere Council' + ' Transport Service'."""
    end = m.end(group)
    more = _MORE_ORG.match(s[end:])
    while more and more.group(0).strip():
        end += more.end()
        more = _MORE_ORG.match(s[end:])
    return s[m.start(group):end]


def list_items(text: str) -> list[str]:
    out = []
    for part in re.split(r"\s*,\s*|(?<!['’]s)\s+and\s+(?=the\s|[A-Z])", text):
        part = re.sub(r"^(?:and\s+|the\s+)+", "", part.strip(), flags=re.IGNORECASE).strip(" .")
        if part and part[:1].isupper() and len(part.split()) <= 8 and not re.search(r"['’]s\s+and\b", part):
            out.append(part)
    return out


@lru_cache(maxsize=None)
def _whole_words(phrase: str) -> re.Pattern[str]:
    """The phrase as whole words (compiled once: papers name hundreds of plan variants)."""
    return re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])")


def plans_in(plans: PlanSet | None, text: str) -> list[str]:
    if plans is None:
        return []
    out = []
    low = text.lower()
    for p in plans.plans:
        for v in p["variants"]:
            if len(v) < 3 or (len(v) < 4 and not v.isupper()) or v.lower() not in low:
                continue
            m = _whole_words(v.lower()).search(low)
            if m:
                out.append((m.start(), p["name"] if not p["name"].isupper() else v))
                break
    return [name for _, name in sorted(out)]
