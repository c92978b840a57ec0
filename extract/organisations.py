"""Organisation names: clean-up, kinds, acronyms, and the organisation inside a post.

"Chair, Anytown Clinical Commissioning Group" -> post "Chair", organisation
"Anytown Clinical Commissioning Group"; "Director of Public Health Anytown Council"
-> organisation "Anytown Council".
"""
from __future__ import annotations

import re

from extract.names import FORENAMES, clean_text

#: last words that make a phrase an organisation, with the kind they imply
HEAD_KINDS = [
    (r"health and wellbeing board|safeguarding (?:children|adults?) (?:board|partnership)|board", "board"),
    (r"council|borough council|corporation|borough of \w+|authority", "council"),
    (r"clinical commissioning group|ccg|nhs(?: foundation)? trust|hospital|nhs england|hospice|"
     r"gp confederation|integrated care board|icb|primary care networks?", "nhs_body"),
    (r"police|police service|constabulary", "police"),
    (r"fire (?:and rescue )?service|fire brigade", "fire_service"),
    (r"partnership", "partnership"),
    (r"committee", "committee"),
    (r"commission", "commission"),
    (r"college|university|school|academy|learning trust", "education"),
    (r"healthwatch|cvs|forum|network|alliance", "vcs"),
    (r"steering group|working group|group|panel|network", "panel_or_group"),
    (r"team|service|services|directorate|department of .*|unit", "council_service"),
    (r"charity|foundation|trust|society|association|uk", "charity"),
    (r"ministry of .*|department for .*|england|government", "government"),
]
_ORG_TAIL = re.compile(
    r"(?P<org>(?:[A-Z][\w'’&.-]*|&|and|of|for|the|on|in)(?:\s+(?:[A-Z][\w'’&.-]*|&|and|of|for|the|on|in))*\s+"
    r"(?:Council|Corporation|Trust|Group|CCG|Hospital|Hospice|Police|Board|Partnership|Committee|Forum|"
    r"Healthwatch|Confederation|College|University|Network|Service|Services|Team|Alliance|Commission|England|"
    r"CVS|Authority|Foundation|Centre|Charity|Society|Association|Unit|Panel|Hub|Agency))\b")
KNOWN_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_LEAD_POST = re.compile(r"^(?:(?:Interim|Acting|Deputy|Vice|Co-?|Group|Corporate|Strategic|Managing|Senior|Assistant|"
                        r"Executive|Principal|Programme|Operational|Clinical|Medical|Chief|Joint|Lead)\s*)*(?:Chair|Chief Executive|CEO|Director|Head|"
                        r"Manager|Officer|Lead|Member|Representative|Principal|Principle|Consultant|Secretary|"
                        r"Adviser|Advisor|President|Clerk)\b", re.IGNORECASE)


def kind_of(name: str) -> str:
    low = name.lower().strip()
    for pattern, kind in HEAD_KINDS:
        if re.search(r"(?:^|\b)(?:" + pattern + r")$", low):
            return kind
    if KNOWN_ACRONYM.match(name.strip()):
        return "other"
    return "other"


def clean_org(text: str | None) -> str | None:
    if not text:
        return None
    text = clean_text(text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*\((?:interim|observer|chair|co-chair|in the chair)\)\s*$", "", text, flags=re.IGNORECASE)
    text = text.strip(" ,;:-–()")
    return text or None


def is_org(text: str) -> bool:
    t = clean_text(text)
    if not t or len(t.split()) > 12:
        return False
    if KNOWN_ACRONYM.match(t) or re.match(r"^[A-Z][A-Za-z&]*\s+[A-Z]{2,}$", t):
        return True
    if _LEAD_POST.match(t):
        return False
    return bool(_ORG_TAIL.fullmatch(t)) or bool(re.match(r"^(?:[A-Z][\w'’&-]*\s*)+(?:&|and)?(?:\s*[A-Z][\w'’&-]*)*$", t)) \
        and kind_of(t) != "other"


_HEADS = {"council", "corporation", "trust", "group", "ccg", "hospital", "hospice", "police", "board", "partnership",
          "committee", "forum", "healthwatch", "confederation", "college", "university", "network", "service",
          "services", "team", "alliance", "commission", "england", "cvs", "authority", "foundation", "centre",
          "charity", "society", "association", "unit", "panel", "hub", "agency", "health", "education", "lbh"}
_GENERIC = {"clinical", "commissioning", "nhs", "foundation", "university", "public", "health", "social", "care",
            "safeguarding", "children", "children's", "childrens", "adults", "adult", "community", "local",
            "pharmaceutical", "integrated", "primary", "city", "borough", "london", "east", "west", "north", "south",
            "mental", "police", "service", "partnership", "board", "group", "team", "trust", "council", "and",
            "&", "wellbeing", "housing", "education", "early", "years", "strategy", "policy", "hospital"}
_POSTISH = {"director", "manager", "chair", "officer", "head", "lead", "member", "executive", "representative",
            "adviser", "advisor", "consultant", "principal", "principle", "secretary", "specialist", "nurse",
            "president", "clerk", "coordinator", "ceo", "commissioner", "inspector", "chief", "connector",
            "instructor", "champion", "worker", "practitioner", "volunteer", "doctor", "student", "councillor",
            "directors", "managers", "officers", "leads", "members", "representatives", "advisers", "advisors",
            "co-chair", "vice-chair", "co-founder", "founder", "trustee", "governor", "leader", "analyst", "planner",
            "engineer", "architect", "accountant", "solicitor", "lawyer", "auditor", "administrator", "assistant",
            "scientist", "economist", "designer", "developer", "researcher", "therapist", "psychologist",
            "pharmacist", "midwife", "paramedic", "surveyor", "warden", "librarian", "teacher", "headteacher",
            "partner", "apprentice", "caseworker", "navigator", "facilitator", "organiser", "organizer"}


def _org_suffix(words: list[str]) -> int:
    """Index where a trailing organisation name starts in `words`, or -1."""
    if not words or words[-1].strip(",.").lower().replace("’", "'") not in _HEADS and not KNOWN_ACRONYM.match(words[-1]):
        return -1
    i = len(words) - 1
    start = -1
    while i >= 0:
        w = words[i].strip(",.")
        low = w.lower().replace("’", "'")
        if low in {"and", "&", "of", "for", "the"}:
            before_raw = words[i - 1].strip(",.") if i > 0 else ""
            before = before_raw.lower()
            if low == "of" and before_raw[:1].isupper() and before not in _POSTISH and \
                    before in {"city", "borough", "university", "department", "ministry", "society", "institute",
                               "college", "school", "royal", "friends", "church", "diocese", "county"}:
                i -= 1
                continue
            if low in {"of", "for", "the"} or before in _POSTISH or not before[:1].isalpha():
                break
            i -= 1
            continue
        if not w[:1].isupper() or low in _POSTISH:
            break
        start = i
        if i < len(words) - 1 and low not in _GENERIC and not KNOWN_ACRONYM.match(w) and i > 0 and \
                words[i - 1].strip(",.").lower() not in {"and", "&"}:
            break
        i -= 1
    return start


def split_post(post: str) -> tuple[str | None, str | None]:
    """A post text -> (post, organisation); either may be None. The post keeps its full text."""
    post = clean_text(post or "")
    post = re.sub(r"\s*\((?:co-?chair|chair|vice-?chair|in the chair|interim|observer)\)", "", post, flags=re.IGNORECASE)
    post = post.strip(" ,;:-–")
    lead = re.match(r"^\((?P<org>[^()]{2,60})\)\s*(?P<rest>.*)$", post)
    if lead and (_LEAD_POST.match(lead.group("org")) or any(w.lower() in _POSTISH for w in lead.group("org").split())):
        inner_post, inner_org = split_post(lead.group("org"))
        return inner_post, inner_org
    if lead:
        rest_post, rest_org = split_post(lead.group("rest")) if lead.group("rest") and \
            not re.match(r"(?i)(?:formerly|previously)\b", lead.group("rest")) else (None, None)
        return rest_post, clean_org(lead.group("org"))
    if post.count("(") != post.count(")"):
        post = post.strip("()")
    if not post:
        return None, None
    if not _LEAD_POST.match(post) and not any(w.lower() in _POSTISH for w in re.findall(r"[\w'’-]+", post)) \
            and re.fullmatch(r"(?:[A-Z][\w'’&.-]*|&|and|of|for|the|-|–)(?:\s+(?:[A-Z][\w'’&.-]*|&|and|of|for|the|-|–))*", post):
        return None, clean_org(re.split(r"\s+[-–]\s+", post)[0])
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+[-–]\s+", post) if p.strip()]
    for part in reversed(parts):
        words = part.split()
        k = _org_suffix(words)
        if k >= 0:
            org = " ".join(words[k:])
            if len(words[k:]) == 1 and words[k].lower() in _GENERIC:
                continue
            return post if k > 0 or len(parts) > 1 else None, clean_org(org)
    return post, None


def acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper() or w.lower() not in
                   {"and", "of", "the", "for", "&"}).upper()


_HEAD_WORDS = (r"Council|Corporation|Trust|Group|CCG|Hospital|Hospice|Police|Board|Partnership|Committee|Forum|"
               r"Healthwatch|Confederation|College|University|Network|Service|Team|Alliance|Commission|"
               r"CVS|Authority|Foundation|Charity|Society|Association|Unit|Panel|Hub|Agency|Federation|Institute|"
               r"Cross|Fund|Office|Department|Ministry|Collaborative|Consortium|Centre|England|Networks|Teams|Boards|"
               r"Services|Partnerships|Groups|Committees|Associations")
_MENTION = re.compile(
    r"(?<![\w'’-])(?P<org>(?:[A-Z][\w'’&-]*|&)(?:\s+(?:[A-Z][\w'’&-]*|&|and|of|for|on|the)){0,9}\s+(?:" + _HEAD_WORDS
    + r"))(?![\w-])(?:\s*\((?P<acro>[A-Z][A-Za-z&]{1,7})\))?")
_ACRO_DEF = re.compile(r"(?P<org>(?:[A-Z][\w'’-]*\s+){1,7}?(?:(?:and|of|for|&)\s+)?(?:[A-Z][\w'’-]*\s*)+)\((?P<acro>[A-Z][A-Za-z&]{1,7})\)")
_LEADING_JUNK = re.compile(r"^(?:The|A|An|This|That|Our|Their|Its|Both|All|Each|Every|New|Key|Current|"
                           r"Wider|Other|Several|Many|Some|Any|Such|Including|Via|With|From|By|For|To|In|On|"
                           r"At|And|Of|Whilst|While|When|Where|Which|Who|As|If|Following|Through|Across|Under|"
                           r"Between|Within|Into|Onto|Upon|Over|Against|Among|Amongst|Could|Would|Should|Will|"
                           r"Can|May|Must|Recent|Recently|Further|Also|However|Mayoral|Train|Support|Supporting|"
                           r"Membership|Members|Chair|MS|Microsoft|Meeting\s+of\s+the|Meeting\s+of|Minutes\s+of\s+the|"
                           r"January|February|March|April|June|July|August|September|October|November|December|"
                           r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+")


def find_org_mentions(text: str) -> list[str]:
    """Organisation names in running text: capitalised phrases ending in an organisation word."""
    out: list[str] = []
    pieces: list[str] = []
    for m in _MENTION.finditer(text):
        following = text[m.end():].split()[:1]
        if following and following[0].lower().strip(",.;:") in _POSTISH:
            continue  # "Group Director": the head word belongs to a post
        first_two = m.group("org").split()[:2]
        if len(first_two) == 2 and first_two[0].lower() in FORENAMES and first_two[1][:1].isupper() \
                and first_two[1].lower() not in _GENERIC:
            continue  # a person's name glued to their organisation
        # "X Trust and the Y Partnership": two organisations
        pieces.extend(_split_joined(m.group("org")))
    for m in re.finditer(r"\b(?:Department|Ministry|Secretary of State)\s+(?:for|of)\s+(?:[A-Z][\w'’-]*(?:,?\s+(?:and\s+)?)?){1,5}",
                         text):
        pieces.append(m.group(0).strip(" ,"))
    for org in pieces:
        while True:
            stripped = _LEADING_JUNK.sub("", org)
            if stripped == org:
                break
            org = stripped
        words = org.split()
        if len(words) < 2:
            continue
        if any(w.lower() in _POSTISH for w in words) or not re.search(r"(?:" + _HEAD_WORDS + r")$", org):
            continue
        if all(w.lower().strip("'’s") in _GENERIC or w.lower() in _GENERIC or re.fullmatch(_HEAD_WORDS, w)
               or w.lower() in {"and", "of", "for", "the", "&", "joint", "steering", "working", "fire", "youth"}
               for w in words):
            continue
        out.append(clean_org(org) or org)
    return out


def _split_joined(org: str) -> list[str]:
    """'X Trust and the Y Partnership' -> both; 'City and Anytown CCG' stays whole."""
    out: list[str] = []
    rest = org
    while True:
        m = None
        for cand in re.finditer(r"\s+(?:and|&)\s+(?:the\s+)?(?=[A-Z])", rest):
            left = rest[:cand.start()]
            if re.search(r"(?:\b(?:" + _HEAD_WORDS + r")|\b[A-Z]{2,})$", left):
                m = cand
                break
        if m is None:
            out.append(rest)
            return out
        out.append(rest[:m.start()])
        rest = rest[m.end():]
