"""chaired_by: "X, chaired by Y", "It is chaired by the <post>", and chair posts that name their
body ("Jane Doe, Chair of the X Board")."""
from __future__ import annotations

import re

from extract.governance.oversight.collector import Rel
from extract.governance.oversight.names import NOT_ORG, ORG, ORG_HEADS, PERSON, clean_org, person_name, topic_org


_CHAIR = re.compile(rf"(?P<subj>{ORG}|\bIt\b|\bThe\s+(?:group|board|partnership|committee))\s*,?\s+"
                    rf"(?:(?:which|that)\s+)?(?:is|was|will be|has been)?\s*(?:co-)?chaired\s+by\s+"
                    rf"(?P<obj>(?:the\s+)?{PERSON}(?:\s*,\s*(?P<post>[A-Z][\w ]{{3,60}}))?)")


_CHAIR_ROLE = re.compile(rf"(?P<subj>{ORG})\s*,?\s+(?:(?:which|that)\s+)?(?:is|was|will be|has been)?\s*(?:co-)?chaired\s+by\s+"
                         rf"the\s+(?P<role>[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w’'\-]*){{0,6}})")


def chaired(rel: Rel, s: str, prev: str, line: int, holders: dict[str, str]) -> None:
    for m in _CHAIR_ROLE.finditer(s):  # "chaired by the Director of Public Health": the post's holder
        holder = holders.get(m.group("role").lower())
        subj = clean_org(m.group("subj"))
        if holder and subj and not subj.lower().startswith(("it ", "the ")):
            rel.add(subj, "chaired_by", holder, line, m.group(0), 0.7, subject_is_org=True)
    for m in _CHAIR.finditer(s):
        subj = m.group("subj")
        if subj.lower() in ("it",) or subj.lower().startswith("the "):
            if subj.lower() == "it" or not clean_org(subj[4:]) or subj.split()[-1].islower():
                subj = topic_org(prev) or None
        subj = clean_org(subj) if subj else None
        obj = m.group("obj")
        obj = re.sub(r"\s*,.*$", "", obj)
        if obj.lower().startswith("the "):
            holder = holders.get(obj[4:].lower())
            if not holder:
                continue
            obj = holder
        rel.add(subj, "chaired_by", person_name(obj), line, m.group(0), 0.8, subject_is_org=True)


_BODY = r"[A-Z][\w’'&\-]*(?:\s+(?:(?:of|and|&|for|the)\s+)*[A-Z][\w’'&\-]*){0,6}"
#: "Tom Vane Chair of Children's Safeguarding Board", "Dr Ann Lee, Chair Adults Safeguarding Board":
#: the post names the body (a comma after "Chair" gives post and affiliation, and is left alone)
_CHAIR_POST = re.compile(rf"(?P<person>{PERSON})\s*,?\s+(?:Independent\s+)?(?:Co-?)?Chair(?:man|person)?\s+"
                         rf"(?:of\s+(?:the\s+)?)?(?P<body>{_BODY})")
#: "Mr I Pell, Chair, Elmford Delivery Group", "Cllr Ann Lee Chair, Elmford Executive Group": a body after the comma
_INITIALS = r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)(?:[A-Z]\.?\s+){1,3}[A-Z][a-z’'\-]+"
_CHAIR_COMMA = re.compile(rf"(?P<person>{_INITIALS}|{PERSON})\s*,?\s+(?:Independent\s+|Joint\s+)?(?:Co-?)?Chair\s*,\s+(?:the\s+)?"
                          rf"(?P<body>[A-Z][\w’'&\-]*(?:,?\s+(?:(?:of|and|&|for|the)\s+)*[A-Z][\w’'&\-]*){{0,8}}?\s+"
                          rf"(?:Group|Board|Committee|Partnership|Panel|Forum|Network|Commission|Trust)s?)\b")
#: "The Chair of the Elmford Enterprise Board, Jane Doe, ..."
_CHAIR_OF_COMMA = re.compile(rf"\b(?<![Vv]ice[- ])Chair\s+of\s+(?:the\s+)?(?P<body>{_BODY})\s*,\s*(?P<person>{PERSON})\b"
                             rf"(?!\s+(?:Board|Committee|Group|Council|Partnership))")
#: "Chair of Elmford Families Network (Jane Doe)"
_CHAIR_OF_PAREN = re.compile(rf"(?<![Vv]ice[- ])\b(?:Independent\s+)?(?:Co-?)?Chair\s+of\s+(?:the\s+)?(?P<body>{_BODY})\s*"
                             rf"\((?P<person>{PERSON})\)")
_NOT_PERSON = re.compile(rf"\b(?:{ORG_HEADS}|Director|Manager|Officer|Head|Member|Services|Vice|Deputy|Adults|Children)\b")


def chair_posts(rel: Rel, text: str, line: int, in_table: bool = False) -> None:
    """Chairs that a person's post names. In a table's cell "Chair, X Board" is the person's post and
    affiliation (a position, read by the table's reader); in running text it says who chairs X."""
    for pat in (() if in_table else (_CHAIR_COMMA,)) + (_CHAIR_OF_COMMA,):
        for m in pat.finditer(text):
            person, body = person_name(m.group("person")), clean_org(m.group("body"))
            if body and not _NOT_PERSON.search(person) and person.split()[0] not in NOT_ORG and \
                    not re.search(r"[Vv]ice[- ]$", text[:m.start("person")]):
                rel.add(body, "chaired_by", person, line, m.group(0)[:120], 0.7, subject_is_org=True)
    for pat in (_CHAIR_POST, _CHAIR_OF_PAREN):
        for m in pat.finditer(text):
            person = person_name(m.group("person"))
            body = clean_org(m.group("body"))
            if _NOT_PERSON.search(person) or person.split()[0] in NOT_ORG or not body:
                continue
            if pat is _CHAIR_POST and re.search(r"[Vv]ice[- ]$", text[:m.start("person")]):
                continue
            acronym = bool(re.fullmatch(r"[A-Z]{2,8}", body)) and pat is _CHAIR_POST and "," in m.group(0)
            if not acronym and (len(body.split()) < 2 or
                                not re.search(rf"(?:{ORG_HEADS}|Community|Commission|Partnership)s?$", body)):
                continue
            rel.add(body, "chaired_by", person, line, m.group(0)[:120], 0.7, subject_is_org=True)


#: "Chairperson Cllr. O. Doe and Vice Chairperson Cllr. K. Roe remain in post": a chair's title before a titled name
_TITLED_CHAIR = re.compile(r"(?<![\w-])(?P<vice>(?:Vice|Deputy)[- ]?)?Chair(?:man|woman|person)?\s+"
                           r"(?P<person>(?:Cllr|Councillor|Mayor|Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+(?:[A-Z]\.\s*)*"
                           r"[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)?)")
#: not a statement of who holds the chair ("proposed by X, seconded by Y and agreed that ..." is one)
_CHAIR_NOT = re.compile(r"\b(?:not|whether|if|could|might|should|asked\s+to\s+consider|propos(?:ed|al)(?!\s+by))\b",
                        re.IGNORECASE)


def titled_chairs(rel: Rel, s: str, line_of) -> list[tuple[str, str, int]]:
    """(role, person, line) of each chair or vice chair a paragraph names by title ("Chairperson Cllr. O. Doe") for
    the paper's own body; a chair also chairs it. Read on the whole paragraph: "Cllr. O." is no sentence end."""
    from extract.names import parse_person
    body = rel.own_bodies[0] if rel.own_bodies else None
    out = []
    for m in _TITLED_CHAIR.finditer(s) if body else []:
        if _CHAIR_NOT.search(s[max(0, m.start() - 80):m.start()]):
            continue
        if re.search(r"[A-Z][\w’'-]+\*?\s+$", s[:m.start()]):
            continue  # "Mr A Doe Chair Dr B Roe Vice-Chair": a run-on list, the title is the name's before it
        person = parse_person(m.group("person"))
        if person is None:
            continue
        role, line = "vice-chair" if m.group("vice") else "chair", line_of(m.start())
        if role == "chair":
            rel.add(body, "chaired_by", person.name, line, m.group(0), 0.7, subject_is_org=True)
        out.append((role, person.name, line))
    return out
