"""Posts printed for named people inside lists, run-on lines and prose.

"Jane Doe – Head of Housing, Anytown Council Joe Bloggs – Chief Officer, ..." (dash entries, often
flattened into one line with status letters), "Ms J Doe, Committee Administrator, Anytown Council"
(comma entries), police ranks written as titles ("Ch Supt J Doe" -> Chief Superintendent), civic
titles ("Metro Mayor J Doe") and "MLA"/"MP" suffixes. Each finding is (name as printed, post text,
offset); extract.people.positions turns them into `position` facts.
"""
from __future__ import annotations

import re
from typing import Iterator

from extract.names import FORENAMES, ORG_WORDS, POST_WORDS, TITLES

_NAME = r"(?:Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|[A-Z][a-zà-ÿ]+(?:[-'’](?:Mc|Mac)?[A-Z]?[a-zà-ÿ]+)?)(?![\w'’-])"
_COURTESY = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame|Rev|Revd)\.?\s+)"
_INITIALS = r"(?:[A-Z]\.?\s+){0,3}"
#: a printed name: titled ("Ms A Rook", "Mr Ivo Penhale") or a plain full name ("Esme Harwood")
_PRINTED = rf"(?:{_COURTESY}{{1,2}}{_INITIALS}{_NAME}(?:\s+{_NAME})?|{_NAME}(?:\s+{_NAME}){{1,2}}|[A-Z]\.?\s+{_NAME})"

#: police ranks as printed before a name, written out
RANKS = {
    "ch supt": "Chief Superintendent", "chief supt": "Chief Superintendent", "chief superintendent": "Chief Superintendent",
    "supt": "Superintendent", "superintendent": "Superintendent", "ch insp": "Chief Inspector",
    "chief insp": "Chief Inspector", "chief inspector": "Chief Inspector", "ci": "Chief Inspector",
    "dci": "Detective Chief Inspector", "det insp": "Detective Inspector", "insp": "Inspector",
    "inspector": "Inspector", "pc": "Police Constable", "police constable": "Police Constable",
    "sgt": "Sergeant", "sergeant": "Sergeant", "pcso": "Police Community Support Officer",
}
_RANK = re.compile(r"(?<![\w.])(?P<rank>Ch\.?\s+Supt|Chief\s+Supt|Chief\s+Superintendent|Supt|Superintendent|Ch\.?\s+Insp|"
                   r"Chief\s+Insp|Chief\s+Inspector|DCI|Det\.?\s+Insp|CI|Insp|Inspector|P\.C\.S\.O|PCSO|PC|Police\s+Constable|Sgt|"
                   rf"Sergeant)\.?\s+(?P<name>{_INITIALS}{_NAME}(?:\s+{_NAME})?)")
_CIVIC = re.compile(rf"(?<![\w])(?P<title>Metro\s+Mayor|Deputy\s+Mayor|Lord\s+Mayor|Mayor)\s+(?P<name>{_INITIALS}{_NAME}"
                    rf"(?:\s+{_NAME})?)(?:,\s+(?P<post>Mayor\s+of\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?")
_SUFFIX = re.compile(rf"(?P<name>{_COURTESY}?{_NAME}(?:\s+{_NAME}){{1,2}})\s+(?P<suffix>MLA|MP|MSP)\b")
#: "Name (AB) – Post" / "Name - Post": a dash entry starts here
_DASH = re.compile(rf"(?P<name>{_PRINTED})(?:\s+\([A-Z]{{1,5}}\))?\s+[–—-]\s*(?=[A-Z])")
#: "Name, Post": a comma entry starts here
_COMMA = re.compile(rf"(?P<name>{_PRINTED}),\s+(?:the\s+)?(?=[A-Z])")
#: a post names a job: one of these words early on
POST_NOUN = re.compile(r"\b(?:Chair(?:man|person)?|Chief|Director|Head|Manager|Officer|Lead|Member|Representative|Consultant|"
                        r"Secretary|Clerk|Adviser|Advisor|Administrator|Co-?ordinator|Constable|Inspector|Superintendent|"
                        r"Sergeant|Governor|Nurse|Doctor|Executive|Commissioner|Leader|Worker|Engineer|Analyst|Planner|"
                        r"Treasurer|Exec|Support|Paediatrician|Auditor)\b")
#: where a run-on post ends: the next titled name, a block of capitals, a footnote star, a status column
_POST_END = re.compile(rf"\*|\s(?={_COURTESY}[A-Z])|\s(?=[A-Z]{{2,}}(?:\s+[A-Z]{{2,}})+\b)|\s+(?:P|A|R|Y|DNA|D/R)\s*$|"
                       r"\s+(?:Tel|Email|tel|email)\b|\s(?=\(\d\))|\s+\((?:also\s+)?represent|\s+who\s|"
                       r"\s+(?:had|has|have|was|is|were|will|would)\s|,\s+(?=[a-z])|\s+\d{1,2}\.?\s+(?=[A-Z])|\s+(?:Item|Apologies|Minutes?)\b")
_STATUS = re.compile(r"(?<=\s)(?:P|A|R|Y|DNA|_)(?=\s)")


def trim_name(printed: str) -> tuple[str, int]:
    """A name caught with a word of the text before it ("Council Neil Doe") -> ("Neil Doe", offset)."""
    words = printed.split()
    titled = bool(re.match(_COURTESY, printed))
    offset = 0
    while not titled and len(words) > 2 and (words[0].lower() in ORG_WORDS or words[0].lower() in POST_WORDS
                                              or words[0].lower() not in FORENAMES):
        offset = printed.index(words[1], offset + len(words[0]))
        words = words[1:]
    return " ".join(words), offset


def ok_name(name: str) -> bool:
    words = [w for w in re.sub(_COURTESY, "", name).split() if len(w.strip(".")) > 1]
    return bool(words) and not any(w.lower() in ORG_WORDS or w.lower() in POST_WORDS for w in words) \
        and words[0] not in TITLES


def clean_post(text: str) -> str:
    end = _POST_END.search(text)
    text = text[:end.start()] if end else text
    text = _STATUS.sub(" ", " " + text + " ")
    return " ".join(text.split()).strip(" ,;:-–")


#: the next entry of a list, not a post: "Jo Roe MP (Mayoral Advisor)"
_NEXT_PERSON = re.compile(rf"{_NAME}\s+{_NAME}(?:\s+(?:MP|MLA|MSP|MS|OBE|MBE|CBE))*\s*\(")


def entries(text: str) -> Iterator[tuple[str, str, int]]:
    """(name, post, offset) of every dash or comma entry of a list line, the post cut where the next entry begins."""
    for pattern in (_DASH, _COMMA):
        marks = []
        for m in pattern.finditer(text):
            name, shift = trim_name(m.group("name"))
            if ok_name(name):
                marks.append((m.start("name") + shift, m.end(), name))
        for i, (start, end, name) in enumerate(marks):
            stop = marks[i + 1][0] if i + 1 < len(marks) else min(len(text), end + 160)
            post = clean_post(re.split(r"(?<=[a-z)])\.\s|;\s", text[end:stop])[0])
            listed = pattern is _DASH and len(marks) >= 3  # in a list of dash entries the text after the dash is the post
            if not (listed or POST_NOUN.search(" ".join(post.split()[:6]))) or len(post.split()) > 16 or \
                    _NEXT_PERSON.match(post):
                continue  # "Ms A Doe, Anytown" (a place), "Awareness Raising - Training was ..." (a sentence)
            if post and re.search(r"[A-Za-z]{3}", post):
                yield name, post, start


#: a role on the body itself rather than a post: the chair or a kind of membership
ROLE_ONLY = re.compile(r"^(?:independent\s+|joint\s+|interim\s+|acting\s+)?(?:co-?|vice[- ]?|deputy\s+)?"
                       r"chair(?:man|woman|person)?$|"
                       r"^(?:co-?opted|associate|independent|voting|non-voting|lay)\s+member\b", re.IGNORECASE)


_CHAIR_OF = re.compile(r"^(?P<pre>[A-Z]{2,8}\s+)?(?:(?:independent|joint|interim|acting)\s+)?(?:co-?|vice[- ]?|deputy\s+)?"
                       r"chair(?:man|woman|person)?\b(?:\s+of\s+(?:the\s+)?|\s*,\s*)?(?P<org>.*)$", re.IGNORECASE)


def chairs_own_body(post: str | None, body: str | None) -> bool:
    """"Chair of the Board", "IJB Vice Chair": the chair of the meeting's own body is a role on
    the body (a membership), not a post; the chair of another body ("Chair, Anytown CCG") is a post."""
    m = _CHAIR_OF.match((post or "").strip())
    ref = m and ((m.group("pre") or "") + " " + m.group("org")).strip(" ,.()")
    if not m or not ref or not body:
        return False
    words = {w.lower() for w in re.findall(r"[\w&'’-]+", ref)} - {"the", "of", "and", "&"}
    body_words = {w.lower() for w in re.findall(r"[\w&'’-]+", body)}
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", body)).upper()
    acronyms = [w for w in re.findall(r"[\w&'’-]+", ref) if re.fullmatch(r"[A-Z]{2,8}", w)]
    return bool(words) and (words <= body_words or any(a in initials for a in acronyms) and len(words) <= 2)


#: "Jane Doe (Chief Executive)", "Jo Roe MP (Mayoral Advisor – Health)": a post in brackets after a name
_BRACKETED = re.compile(rf"(?P<name>{_PRINTED})(?:,?\s+(?:MP|MLA|MSP|OBE|MBE|CBE))*\s*\((?P<post>[^()]{{3,90}})\)")
#: a bracket that is a role at the meeting, not a post ("(Chair)", "(substitute)")
_NOT_POST = re.compile(r"^(?:(?:co-?|vice[- ]?|deputy\s+|joint\s+)?chair(?:man|woman|person)?|substitute|observer|part|"
                       r"in the chair|virtual|remote)\b", re.IGNORECASE)


def bracketed(text: str) -> Iterator[tuple[str, str, int]]:
    for m in _BRACKETED.finditer(text):
        name, shift = trim_name(m.group("name"))
        post = m.group("post").strip()
        if ok_name(name) and POST_NOUN.search(post) and not _NOT_POST.match(post) and len(post.split()) <= 12:
            yield name, post, m.start() + shift


def ranks(text: str) -> Iterator[tuple[str, str, int]]:
    for m in _RANK.finditer(text):
        rank = RANKS.get(re.sub(r"[.\s]+", " ", m.group("rank").replace("P.C.S.O", "PCSO")).strip().lower())
        if rank and len(m.group("name").split()) >= 2 and ok_name(m.group("name")):
            yield m.group("name"), rank, m.start()


def civic(text: str) -> Iterator[tuple[str, str, int]]:
    for m in _CIVIC.finditer(text):
        if text[max(0, m.start() - 7):m.start()].lower().endswith(("deputy ", "metro ", "lord ")):
            continue
        name = m.group("name")
        if not m.group("post") and name.split()[-1].lower() in POST_WORDS:
            name = name.rsplit(None, 1)[0]  # "Metro Mayor J Doe Chairperson of ...": the post word is not a name
        if ok_name(name) and len(name.split()) >= 2:
            yield name, m.group("post") or " ".join(m.group("title").split()), m.start()


def suffixes(text: str) -> Iterator[tuple[str, str, int]]:
    for m in _SUFFIX.finditer(text):
        name, shift = trim_name(m.group("name"))
        if ok_name(name):
            yield name, m.group("suffix"), m.start() + shift
