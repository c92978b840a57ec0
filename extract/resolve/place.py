"""The council or place a paper belongs to (`paper_place`)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from extract.names import FORENAMES
from extract.resolve.org_keys import _FUNCTION_WORDS, _org_key, _strip_borough

_NOT_PLACES = {"the", "this", "that", "our", "their", "its", "a", "an", "borough", "city", "county", "district",
               "town", "parish", "local", "full", "cabinet", "executive", "youth", "member", "members", "each",
               "every", "london", "royal", "metropolitan", "any", "all", "other", "neighbouring", "partner", "and"}
_PLACE_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_PLACE_PATTERNS = (
    (re.compile(r"\b(?:London|Royal|Metropolitan)\s+Borough\s+of\s+(?P<p>" + _PLACE_WORD + r"(?:\s+(?:and\s+)?"
                + _PLACE_WORD + r")?)"), 2),
    (re.compile(r"(?<![\w'’-])(?P<p>" + _PLACE_WORD + r"(?:\s+" + _PLACE_WORD + r")?)(?:['’]s)?\s+"
                r"(?:(?:Borough|City|County|District|Town)\s+)?Council\b"), 1),
)
_GOV_DOMAIN = re.compile(r"\b(?:www\.|[\w.+-]+@)?(?P<p>[a-z][a-z-]{2,})\.gov\.uk\b", re.IGNORECASE)


def paper_place(lines: list[str], orgs: list[str] | None = None) -> str | None:
    """The council or place a paper belongs to: the place of "London Borough of X", "X Council", of the
    council's web and mail addresses (x.gov.uk) and the word that most often qualifies the paper's
    organisation names ("X Youth Service", "X Learning Trust", three names or more), most cited first;
    None without two citations or when two places tie."""
    votes: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    domains: Counter[str] = Counter()
    qualifiers: dict[str, set[str]] = defaultdict(set)
    text = "\n".join(lines)
    for org in orgs or []:
        words = _strip_borough(org).split()
        first = words[0].strip("'’s") if words else ""
        if len(words) >= 2 and re.fullmatch(_PLACE_WORD, first) and first.lower() not in _NOT_PLACES \
                and first.lower() not in _FUNCTION_WORDS and first.lower() not in FORENAMES:
            qualifiers[first].add(_org_key(org))
    for word, names in qualifiers.items():
        if len(names) >= 3:
            votes[word.lower()] += len(names) // 3
            spelled[word.lower()][word] += len(names)
    for line in lines:
        for pattern, weight in _PLACE_PATTERNS:
            for m in pattern.finditer(line):
                place = m.group("p")
                words = place.split()
                while words and words[0].lower() in _NOT_PLACES:
                    words = words[1:]
                if not words or any(w.lower() in _NOT_PLACES - {"and"} or w.lower() in _FUNCTION_WORDS for w in words):
                    continue
                place = " ".join(words)
                votes[place.lower()] += weight
                spelled[place.lower()][place] += 1
        for m in _GOV_DOMAIN.finditer(line):
            domains[m.group("p").lower().replace("-", " ")] += 1
    for domain, n in domains.items():
        if domain in votes or n >= 2 and domain not in ("www", "gov"):
            votes[domain] += 2 * n
            if domain not in spelled:
                m = re.search(r"\b" + re.escape(domain) + r"\b", text, re.IGNORECASE)
                if m and m.group(0)[:1].isupper():
                    spelled[domain][m.group(0)] += 1
    for place in list(votes):  # a council named once ("X Council's ...") in a paper about X throughout
        if len(re.findall(r"(?<![\w-])" + re.escape(place) + r"(?![\w-])", text, re.IGNORECASE)) >= 5:
            votes[place] += 1
    ranked = [(p, n) for p, n in votes.most_common() if spelled.get(p)]
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return spelled[ranked[0][0]].most_common(1)[0][0]
