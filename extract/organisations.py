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
_LEAD_POST = re.compile(r"^(?:(?:Interim|Acting|Independent|Deputy|Vice|Co-?|Group|Corporate|Strategic|Managing|Senior|Assistant|"
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
    text = re.sub(r"^(?:of\s+)?(?:the|a|an)\s+|^of\s+", "", text, flags=re.IGNORECASE)  # "of the APS Committee"
    text = re.sub(r"\s*\((?:interim|observer|chair|co-chair|in the chair)\)\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$", "", text)  # a date glued on
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
          "charity", "society", "association", "unit", "panel", "hub", "agency", "health", "education", "lbh",
          "brigade", "constabulary", "directorate", "institute", "federation", "consortium", "collaborative"}
_GENERIC = {"clinical", "commissioning", "nhs", "foundation", "university", "public", "health", "social", "care",
            "safeguarding", "children", "children's", "childrens", "adults", "adult", "community", "local",
            "pharmaceutical", "integrated", "primary", "city", "borough", "countywide", "citywide", "boroughwide", "london", "east", "west", "north", "south",
            "mental", "police", "service", "partnership", "board", "group", "team", "trust", "council", "and",
            "&", "wellbeing", "housing", "education", "early", "years", "strategy", "policy", "hospital"}
#: words of a portfolio or directorate named in a post ("Director, Children, Young People and Education")
_PORTFOLIO = {"young", "people", "families", "family", "adults"}
_POSTISH = {"director", "manager", "chair", "officer", "head", "lead", "member", "executive", "representative",
            "adviser", "advisor", "consultant", "principal", "principle", "secretary", "specialist", "nurse",
            "president", "clerk", "coordinator", "ceo", "commissioner", "inspector", "chief", "connector",
            "instructor", "champion", "worker", "practitioner", "volunteer", "doctor", "student", "councillor",
            "directors", "managers", "officers", "leads", "members", "representatives", "advisers", "advisors",
            "co-chair", "vice-chair", "co-founder", "founder", "trustee", "governor", "leader", "analyst", "planner",
            "engineer", "architect", "accountant", "solicitor", "lawyer", "auditor", "administrator", "assistant",
            "scientist", "economist", "designer", "developer", "researcher", "therapist", "psychologist",
            "pharmacist", "midwife", "paramedic", "surveyor", "warden", "librarian", "teacher", "headteacher",
            "partner", "apprentice", "caseworker", "navigator", "facilitator", "organiser", "organizer",
            "commander", "superintendent", "constable", "sergeant", "chairman", "chairwoman", "chairperson", "mayor"}


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
            # a distinctive word ("Anytown Council"): go on only through more distinctive capitalised
            # words ("Anytown Youth Justice Service"), not into a generic run that belongs to a post
            # ("Director of Public Health Anytown Council")
            prev = words[i - 1].strip(",.")
            if not (prev[:1].isupper() and prev.lower() not in _GENERIC and prev.lower() not in _POSTISH
                    and prev.lower().replace("’", "'") not in _HEADS):
                break
        i -= 1
    return start


def _whole_org(words: list[str]) -> bool:
    """A comma part that is all organisation: capitalised words (or and/of/&), no post word, ending in
    an organisation head word or acronym ("London Fire Brigade", "Anytown Youth Justice Service")."""
    last = words[-1].strip(",.")
    if len(words) > 8 or last.lower() in {"health", "education"} or \
            last.lower().replace("’", "'") not in _HEADS and not KNOWN_ACRONYM.match(last):
        return False
    if not words[0][:1].isupper() or words[0].lower() in {"and", "of", "for", "the", "&"}:
        return False
    for w in words:
        low = w.strip(",.").lower()
        if low in _POSTISH or any(p in _POSTISH for p in low.split("-")[1:]) or not (w[:1].isupper() or low in {"and", "of", "&", "for", "the", "on"}):
            return False
    return not all(w.strip(",.").lower().replace("’", "'") in _GENERIC | {"services", "service"} for w in words)


def split_post(post: str) -> tuple[str | None, str | None]:
    """A post text -> (post, organisation); either may be None. The post keeps its full text."""
    post = clean_text(post or "")
    post = re.sub(r"\s*\((?:co-?chair|chair|vice-?chair|in the chair|interim|observer)\)", "", post, flags=re.IGNORECASE)
    post = post.strip(" ,;:-–")
    lead = re.match(r"^\((?P<org>[^()]{2,60})\)\s*(?P<rest>.*)$", post)
    if lead and (_LEAD_POST.match(lead.group("org")) or
                 any(w.strip(",.;:").lower() in _POSTISH for w in lead.group("org").split())):
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
        if len(parts) > 1 and len(words) >= 2 and _whole_org(words):
            return post, clean_org(part)  # "Borough Commander, London Fire Brigade": the whole cell
        k = _org_suffix(words)
        if k >= 0:
            org = " ".join(words[k:])
            if len(words[k:]) == 1 and words[k].lower() in _GENERIC or \
                    all(w.strip(",.").lower().replace("’", "'") in _GENERIC | _PORTFOLIO | {"services", "service"} for w in words[k:]) and \
                    words[-1].strip(",.").lower() in {"health", "care", "education", "wellbeing", "housing", "services",
                                                      "service"}:
                continue  # "Public Health" in "Director of Public Health" is a field, not a body
            return post if k > 0 or len(parts) > 1 else None, clean_org(org)
    # the affiliation slot: "CEO, Age UK East London", "Chair, Healthwatch Anytown" - a bare post, then a
    # capitalised name with no post word (a portfolio after "Cabinet Member for ..." is not a body)
    if len(parts) == 2 and _LEAD_POST.match(parts[0]) and len(parts[0].split()) <= 4 and \
            not re.search(r"\b(?:for|of)\b", parts[0]):
        words = parts[1].split()
        if 2 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in {"and", "&", "of", "for", "the"} for w in words) \
                and not any(w.strip(",.").lower() in _POSTISH for w in words) and words[0][:1].isupper() \
                and not all(w.strip(",.").lower().replace("’", "'") in _GENERIC | _PORTFOLIO | {"services", "service", "and", "&", "of"}
                            for w in words):
            pair = re.fullmatch(r"(?P<a>[A-Z][A-Za-z]{1,6})\s+(?:and|&)\s+[A-Z][A-Za-z]{1,6}", parts[1])
            return post, clean_org(pair.group("a") if pair else parts[1])  # "LBH and CoLC": two bodies
    return post, None


def acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper() or w.lower() not in
                   {"and", "of", "the", "for", "&"}).upper()


_HEAD_WORDS = (r"Council|Corporation|Trust|Group|CCG|Hospital|Hospice|Police|Board|Partnership|Committee|Forum|"
               r"Healthwatch|Confederation|College|University|Network|Service|Team|Alliance|Commission|"
               r"CVS|Authority|Foundation|Charity|Society|Association|Unit|Panel|Hub|Agency|Federation|Institute|"
               r"Cross|Fund|Office|Department|Ministry|Collaborative|Consortium|Centre|England|Networks|Teams|Boards|"
               r"Services|Partnerships|Groups|Committees|Associations|Government|CBC|MBC|DC|BC|CC")
_MENTION = re.compile(
    r"(?<![\w'’-])(?P<org>(?:[A-Z][\w'’&-]*|&)(?:\s+(?:[A-Z][\w'’&-]*|&|and|of|for|on|the)){0,9}\s+(?:" + _HEAD_WORDS
    + r"))(?![\w-])(?:\s*\((?P<acro>[A-Z][A-Za-z&]{1,7})\))?")
_TAIL = re.compile(r"\s+(?:for|of|in\s+the|with)\s+(?:[A-Z][\w'’-]*(?:/[A-Z][\w'’-]*)?)"
                   r"(?:\s+(?:(?:of|with|and|&|for)\s+)?[A-Z][\w'’-]*(?:/[A-Z][\w'’-]*)?){0,5}(?![\w'’-])")
_LOWER_HEAD = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|&|of)){0,5})\s+"
                         r"(?P<head>team|service|group|board|network|unit|panel|forum|partnership|committee)(?![\w-])")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_ACRO_DEF = re.compile(r"(?P<org>(?:[A-Z][\w'’-]*\s+){1,7}?(?:(?:and|of|for|&)\s+)?(?:[A-Z][\w'’-]*\s*)+)\((?P<acro>[A-Z][A-Za-z&]{1,7})\)")
_LEADING_JUNK = re.compile(r"^(?:The|A|An|This|That|Our|Their|Its|Both|All|Each|Every|New|Key|Current|"
                           r"Wider|Other|Several|Many|Some|Any|Such|Including|Via|With|From|By|For|To|In|On|Proposed|Existing|Former|Revised|"
                           r"At|And|Of|Whilst|While|When|Where|Which|Who|As|If|Following|Through|Across|Under|"
                           r"Between|Within|Into|Onto|Upon|Over|Against|Among|Amongst|Could|Would|Should|Will|"
                           r"Can|May|Must|Recent|Recently|Further|Also|However|Mayoral|Train|Support|Supporting|"
                           r"Membership|Members|Chair|MS|Microsoft|Meeting\s+of\s+the|Meeting\s+of|Minutes\s+of(?:\s+the)?|"
                           r"(?:APPROVED|Approved|AGREED|Agreed|NOTED|Noted|RECEIVED|Received)\s+the|"
                           r"Chair['’]s\s+Welcome\s+and\s+Meeting\s+Protocol|"
                           r"January|February|March|April|June|July|August|September|October|November|December|"
                           r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Representing|Strengthened|Advertisement|"
                           r"Government\s+Guidance\s+on|Guidance\s+on|"
                           r"(?:Summary|Purpose|Role|Review|Reconstitution|Vision|Strategic\s+Vision|Terms|Constitution|"
                           r"Appointment|Vice-?Chairman|Chairman|"
                           r"Update|Report|Work|Business|Establishment|Future\s+Arrangements?)\s+(?:of|for|on)(?:\s+the)?)\s+")


def strip_leading_junk(name: str) -> str:
    """Drop leading articles and labels until none is left ("The New Key Board" → "Board")."""
    while True:
        stripped = _LEADING_JUNK.sub("", name)
        if stripped == name:
            return name
        name = stripped


_INSTITUTION = {"board", "partnership", "network", "committee", "forum", "commission", "alliance", "boards", "association"}


def _named_generic(words: list[str]) -> bool:
    """A body named only in generic words, long enough to be a proper name: "Integrated Care Partnership
    Board", "East London Health and Care Partnership" (not "Social Care Team", "Health Board")."""
    content = [w for w in words if w.lower() not in {"and", "&", "of", "for", "the"}]
    return len(content) >= 3 and words[-1].lower() in _INSTITUTION and words[0][:1].isupper()


def _is_forename(word: str) -> bool:
    from extract.people.runon import is_forename  # the people package imports this module
    return is_forename(word)


def find_org_mentions(text: str) -> list[str]:
    """Organisation names in running text: capitalised phrases ending in an organisation word. Runs of
    two or more spaces part the items of a list whose bullets were lost ("including:  Education  Fire
    Service"), and no name runs across them."""
    if _VENUE_LINE.match(text):  # "Venue: Safety Hub, Anytown Fire Station": where a meeting is held
        end = re.search(r"\.\s+(?=[A-Z])", text)
        return find_org_mentions(text[end.end():]) if end else []
    if re.search(r"\S {2,}\S", text):
        return [o for part in re.split(r" {2,}", text) for o in _mentions(part)]
    return _mentions(text)


#: nouns that a head word qualifies: "Local Government Finance Settlement", "Police Act"
_MODIFIED = {"Finance", "Settlement", "Act", "Bill", "Regulations", "Funding", "Grant", "Reform", "Pension", "Pensions"}
_PLURAL_HEADS = {"Committees", "Boards", "Groups", "Partnerships", "Teams", "Networks", "Councils", "Associations", "Panels"}
_VENUE_LINE = re.compile(r"^[\s#*|]*(?:Venue|Location|Address|Meeting\s+place)\s*:", re.IGNORECASE)
#: words that end a body's name in a paper's title but start the title's own words ("X Trust Minutes of the Board")
_TITLE_BREAK = re.compile(r"\s+(?:Minutes|Agenda|Notes)\s+of\s+(?:the\s+)?(?:Meeting\s+of\s+(?:the\s+)?)?")


def _mentions(text: str) -> list[str]:
    out: list[str] = []
    pieces: list[str] = []
    cores: dict[str, str] = {}  #: name run on past its head word -> the name up to the head word
    for m in _MENTION.finditer(text):
        if m.group("org").endswith("Centre") and re.search(r"(?:\b(?:at|in|Venue:?|held|Location:?)\s+(?:the\s+)?|"
                                                            r"\d[:.]\d\d\s*(?:[ap]\.?m\.?)?\s+|^\s*)$",
                                                            text[:m.start()], re.IGNORECASE):
            continue  # a meeting's venue, not a body
        if COMPOUND_AND.match(text, m.start("org") + m.group("org").rfind(" ") + 1 if " " in m.group("org") else m.start()):
            continue  # "Deputy Police" of "Deputy Police and Crime Commissioner": the name goes on
        if re.match(r"\s+(?:Update|Minutes|Meeting\s+held)\b", text[m.end():]) and \
                re.match(r"\s*(?:[-–:]|$)", text[:m.start()][-3:] or "") is not None and m.start() < 3:
            continue  # "X Partnership Update", "X Board Minutes": an item's or a paper's title
        following = text[m.end():].split()[:1]
        if following and following[0] in _MODIFIED:
            continue  # "Local Government Finance Settlement": the head word qualifies another noun
        if following and following[0].lower().strip(",.;:").rstrip(")") in _POSTISH - {"mayor"}:
            # "Group Director": the head word belongs to a post; names joined before it stand
            # ("meet with X Board and Y Group members": X Board)
            pieces.extend(_split_joined(m.group("org"))[:-1])
            continue
        org = m.group("org")
        words = org.split()
        if len(words) >= 2 and _is_forename(words[0]) and words[1][:1].isupper() and words[1].lower() not in _GENERIC \
                and words[1].lower() not in _HEADS and not re.fullmatch(_HEAD_WORDS, words[1]):
            if len(words) < 4:
                continue  # a person's name glued to their organisation
            org = " ".join(words[2:])  # "Jo Bloggs Anytown Council": the council
        if not m.group("acro"):
            # the name runs on past its head word: "Forum for Parents/Carers of Children with Disabilities",
            # "Fire Service in the West Midlands"; a post or date after it is not part of it
            # "Committees of Anytown Council": a plural head's "of" names their owner, not more of the name
            tail = _TAIL.match(text, m.end()) if org.split()[-1] not in _PLURAL_HEADS else None
            kept = []
            for w in (tail.group(0).split() if tail else []):
                if w.lower() in _POSTISH or w.lower() in _MONTHS or _is_forename(w) and len(kept) >= 2:
                    break
                kept.append(w)
            while kept and kept[-1].lower() in {"of", "for", "and", "with", "in", "the", "&"}:
                kept.pop()
            if len(kept) >= 2:
                cores[org + " " + " ".join(kept)] = org
                org += " " + " ".join(kept)
        plural_of = re.search(r"\b(?:" + "|".join(_PLURAL_HEADS) + r")(?=\s+of\s+[A-Z]|\s+of\s+the\s+[A-Z])", org)
        if plural_of:  # "the Scrutiny Committees of Anytown Council": the committees, then their council
            pieces.extend(_split_joined(org[:plural_of.end()]))
            org = re.sub(r"^\s+of\s+(?:the\s+)?", "", org[plural_of.end():])
        if re.search(r"\bof\s+Office$", org):
            continue  # "the Badge and Chain of Office", "term of Office": an office held, not a body
        # "X Trust Minutes of the Board": a body, then the title's words; "X Trust and the Y Partnership": two bodies
        pieces.extend(p for part in _TITLE_BREAK.split(org) for p in _split_joined(part))
    lower_named: set[str] = set()
    # a capitalised name with a lower-case head word: "Safer Schools Police team", "Housing Needs service"
    for m in _LOWER_HEAD.finditer(text):
        name = strip_leading_junk(m.group("name"))
        words = name.split()
        if len(words) < 2 or any(w.lower() in _POSTISH for w in words):
            continue
        if all(w.lower() in _GENERIC or w.lower() in {"and", "of", "&", "senior", "leadership", "management"}
               for w in words) or words[0].lower() in FORENAMES:
            continue
        out = [o for o in out if o != name]  # "Safer Schools Police" is cut from "Safer Schools Police team"
        lower_named.add(name)
        out.append(f"{name} {m.group('head')}")
    ministries = []
    for m in re.finditer(r"\b(?:Department|Ministry|Secretary of State)\s+(?:for|of)\s+(?:[A-Z][\w'’-]*(?:,?\s+(?:and\s+)?)?){1,5}",
                         text):
        name = re.sub(r"(?:,?\s+and)?[\s,]*$", "", m.group(0))
        if name.count(" and ") > 1:  # "Department of Health and Social Care and Health Education England"
            name = name[:name.rfind(" and ")]
        ministries.append(name)
    # "Office for Health Improvement and Disparities", "Office of the Anytown Police and Crime Commissioner"
    for m in re.finditer(r"\bOffice\s+(?:for|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|&)\s+)?){0,6}"
                         r"(?:Commissioner|Disparities|Statistics|Standards|Communications|Rail\s+and\s+Road|[A-Z][a-z]+)\b",
                         text):
        name = m.group(0)
        if not any(w.lower() in _POSTISH - {"commissioner"} for w in name.split()) and len(name.split()) >= 3:
            ministries.append(name)
    # "NHS Anytown": an NHS board named by its place
    for m in re.finditer(r"(?<![\w-])NHS(?:\s+[A-Z][a-z][\w'’-]*){1,3}(?:\s+and(?:\s+[A-Z][a-z][\w'’-]*){1,3})?(?=\s*(?:[,.;:)]|\s+(?:or|to|on|is|has|have|"
                         r"will|which|who|the|as|in|with|were|was|chooses|choose)\b|$))", text):
        if re.search(r"\bNHS(?:[A-Z]|\s+[A-Z]\w*)\s+(?:and|&)\s+$", text[:m.start()]) or any(w.lower() in _POSTISH for w in m.group(0).split()):
            continue  # "NHS England and NHS Improvement", "NHS Member"
        if not re.search(r"\b(?:" + _HEAD_WORDS + r")$", m.group(0)) and m.group(0).split()[-1] not in ("England",):
            ministries.append(m.group(0))
    # "the Association of Primary Head Teachers", "University of Anytown": the body's word comes first
    for m in re.finditer(r"(?<![\w'’-])(?:Association|Federation|Confederation|Convention|Society|Institute|University|Union|"
                         r"Guild|Chamber)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w'’-]*){0,5}",
                         text):
        if re.search(r"[A-Z][\w'’-]*\s+$", text[:m.start()]):
            continue  # "Anytown Association of ...": the name starts earlier (a mention with its tail)
        words = m.group(0).split()
        while words and (words[-1].lower() in _POSTISH - {"teacher", "head"} or words[-1].lower() in _MONTHS):
            words.pop()
        while words and words[-1].lower() in {"and", "&", "of", "for", "the"}:
            words.pop()
        if len(words) >= 3:  # its members may be post-holders ("... of Head Teachers")
            ministries.append(" ".join(words))
    # "NHS England and NHS Improvement": two NHS bodies named as one, the joint body
    ministries.extend(m.group(0) for m in re.finditer(r"(?<![\w-])NHS(?:[A-Z]|\s+[A-Z][a-z]+)\s+(?:and|&)\s+NHS\s+[A-Z][a-z]+\b",
                                                      text))
    out.extend(m for m in ministries if not m.startswith("Secretary"))
    pieces = [p for p in pieces if not any(m != p and (m.endswith(p) or m.startswith(p + " ")) for m in ministries)]
    for org in pieces:
        # a sentence's verb glued on: "Circulate the Panel's report", "Presented to the Anytown Board"
        verb = re.match(r"^[A-Z][a-z]+(?:\s+(?:to|by|for|with|from))?\s+the\s+", org)
        if verb and org.split()[0].lower() not in _GENERIC | _HEADS | {"friends", "university", "college", "county"}:
            org = org[verb.end():]
        org = re.sub(r"^(?:[A-Z]{2,}\s+){2,}(?=[A-Z][a-z])", "", org)  # a label in capitals: "TITLE OF REPORT X Board"
        org = strip_leading_junk(org)
        org = re.sub(r"^[A-Z]\s+(?=[A-Z][a-z])", "", org)  # a status letter of a flattened table: "Y Anytown Council"
        inner = re.match(r"^(?:Committee|Sub-?[Cc]ommittee|Board|Group|Panel|Forum|Partnership)\s+of\s+(?:the\s+)?"
                         r"(?P<rest>[A-Z].*)$", org)
        if inner and re.search(r"(?:" + _HEAD_WORDS + r")$", inner.group("rest")) and len(inner.group("rest").split()) >= 2:
            org = inner.group("rest")  # "a joint Committee of Anytown District Council": the council
        words = org.split()
        if len(words) < 2:
            continue
        core = next((c for full, c in cores.items() if full.endswith(org) and org.endswith(full[len(c):])), org)
        if any(w.lower() in _POSTISH for w in words) or not re.search(r"(?:" + _HEAD_WORDS + r")$", core) and \
                not re.fullmatch(r"NHS\s+[A-Z][a-z][\w'’-]*", org):  # "NHS Anytown and Anytown Council": both
            continue
        if all(w.lower().strip("'’s") in _GENERIC or w.lower() in _GENERIC or
               (re.fullmatch(_HEAD_WORDS, w) and w not in ("England", "Networks"))
               or w.lower() in {"and", "of", "for", "the", "&", "joint", "steering", "working", "fire", "youth", "thematic",
                                "implementation", "management", "full", "regeneration", "legal", "shared", "sub",
                                "operational", "executive", "safety", "units", "ms", "multi", "unitary", "agency",
                                "government", "central", "rescue", "national"}
               for w in words) and not _named_generic(words):
            continue  # "Social Care Team", "Children's Services": a function, not a named body
        out.append(clean_org(org) or org)
    return [o for o in out if o not in lower_named]


def blank_people(text: str, people: list[str]) -> str:
    """The text with the paper's people cut out, so that a run-on "Name Organisation Name Organisation"
    list ("Jo Bloggs Anytown Council Sam Smith Anytown Police") names each body apart."""
    for person in sorted((p for p in people if len(p.split()) >= 2), key=len, reverse=True):
        text = re.sub(r"(?<![\w'’-])(?<!NHS )" + re.escape(person) + r"(?![\w'’-])", " | ", text)
    return text  # "NHS Anytown ...": a place of an NHS body that a list reader took for a name stays


#: last words of a plan or document name: "X Strategy and the Y Board" joins two names
_PLAN_WORDS = r"Strategy|Strategies|Plan|Plans|Programme|Framework|Policy|Report|Review|Update|Assessment"
#: "and" followed by a preposition starts a new phrase: "X Strategy and on the Y Board"
_JOIN_PREP = r"\s+(?:and|&)\s+(?:on|in|for|to|with|at|by|from|about|into|across)\s+(?:the\s+)?(?=[A-Z])"


def joins_two_names(name: str) -> bool:
    """A phrase that is two names joined by a conjunction, not one name: "Health and Wellbeing Strategy
    and on the Health and Wellbeing Board", "Wellbeing Strategy and the Health and Wellbeing Board"."""
    return bool(re.search(_JOIN_PREP, name) or
                re.search(r"\b(?:" + _PLAN_WORDS + r")\s+(?:and|&)\s+the\s+(?=[A-Z])", name))


def last_joined(name: str) -> str:
    """The last of the names a joined phrase runs together ("X Strategy and on the Y Board" -> "Y Board")."""
    pieces = _split_joined(name)
    return pieces[-1] if pieces else name


#: fixed compounds of body names whose "and" joins no two bodies: "Police and Crime Panel", "Fire and Rescue Service"
COMPOUND_AND = re.compile(r"\b(?:Police\s+(?:and|&)\s+Crime|Fire\s+(?:and|&)\s+Rescue|Health\s+(?:and|&)\s+(?:Social\s+Care|"
                           r"Wellbeing|Well-[Bb]eing|Care)|Children\s+(?:and|&)\s+Young\s+People)\b")


def _split_joined(org: str) -> list[str]:
    """'X Trust and the Y Partnership' -> both; 'City and Anytown CCG' stays whole; 'X Strategy and
    on the Y Board' -> both (the plan piece is dropped later, having no organisation head word)."""
    out: list[str] = []
    rest = org
    while True:
        m = None
        for cand in re.finditer(r"\s+(?:and|&)\s+(?:(?:on|in|for|to|with|at|by|from|about|into|across)\s+)?"
                                r"(?:the\s+)?(?=[A-Z])", rest):
            left = rest[:cand.start()]
            joined = cand.group(0).split()
            if any(c.start() < cand.end() and cand.start() < c.end() for c in COMPOUND_AND.finditer(rest)):
                continue
            if len(joined) > 1 and joined[1].lower() not in ("the",) or \
                    re.search(r"(?:\b(?:" + _HEAD_WORDS + r")|\b[A-Z]{2,})$", left) or \
                    re.fullmatch(r"NHS\s+[A-Z][\w'’-]*", left) or \
                    (joined[-1].lower() == "the" and re.search(r"\b(?:" + _PLAN_WORDS + r")$", left)):
                m = cand
                break
        if m is None:
            out.append(rest)
            return out
        out.append(rest[:m.start()])
        rest = rest[m.end():]


#: slots where a bare acronym names a body: "led by MOPAC", "work with UCL", "referral to CAMHS",
#: "such as ELBA"; prepositions that also take topics ("to", "and", "of") are left out
_ACRO_SLOT = re.compile(r"\b(?:by|with|through|via|such\s+as|according\s+to|referrals?\s+to|referred\s+to|links?\s+into|"
                        r"partner(?:ing|ship)?\s+with|sits?\s+on|member\s+of|chair\s+of)\s+(?:the\s+)?"
                        r"(?P<acro>[A-Z][A-Z&]{2,6})(?:['’]s)?\b(?![-/]?\s*\d)")
_REPRESENTATIVE = re.compile(r"(?<![\w'’-])(?P<org>(?:[A-Z][\w&'’-]*\s+){0,5}[A-Z][\w&'’-]*)\s+[Rr]epresentatives?\b")
_DEFINITION = re.compile(r"(?P<full>(?:[A-Z][\w'’-]*|and|of|for|the|to|&|on|in)(?:\s+(?:[A-Z][\w'’-]*|and|of|for|the|to|&|on|in)){1,9})"
                         r"\s*\((?P<acro>[A-Z][A-Za-z&]{1,7})\)")


def acronym_definitions(text: str) -> list[tuple[str, str]]:
    """'Greater London Authority (GLA)' -> [('Greater London Authority', 'GLA')]: the full name is trimmed
    to the words whose initials spell the acronym when they do."""
    out = []
    for m in _DEFINITION.finditer(text):
        acro = m.group("acro")
        if sum(c.isupper() for c in acro) < 2:
            continue  # "(Chair)", "(Observer)": a note, not an acronym
        words = m.group("full").split()
        letters = [c for c in acro.upper() if c.isalpha()]
        # the shortest tail of the phrase whose capitalised initials give the acronym
        for k in range(len(words) - 1, -1, -1):
            tail = words[k:]
            if not tail[0][:1].isupper():
                continue
            caps = [w[0].upper() for w in tail if w[:1].isupper()]
            most = [w[0].upper() for w in tail if w.lower() not in {"and", "of", "the", "&", "for", "on", "in"}]
            if caps == letters or most == letters:
                out.append((" ".join(tail), acro))
                break
        else:
            while words and not words[0][:1].isupper():
                words = words[1:]
            words = strip_leading_junk(" ".join(words)).split()  # "Current X Committee (XC)"
            if words:
                out.append((" ".join(words), acro))
    return out


def is_org_name(full: str) -> bool:
    """A defined full name that reads as a body: it ends in an organisation word."""
    words = full.split()
    return bool(words) and words[-1].lower().replace("’", "'").strip(",.") in _HEADS | {
        "services", "networks", "boards", "teams", "groups", "partnerships", "office", "ministry", "department",
        "commissioner", "fund", "institute", "trust", "company", "campaign", "charity"}


def acronym_mentions(text: str) -> list[str]:
    """Bare acronyms in an organisation's slot ("funded by MOPAC")."""
    return [m.group("acro") for m in _ACRO_SLOT.finditer(text)]


def representative_orgs(text: str) -> list[str]:
    """'NHS England Representative', 'a CAMHS representative': the body represented."""
    out = []
    for m in _REPRESENTATIVE.finditer(text):
        org = _LEADING_JUNK.sub("", m.group("org")).strip()
        words = org.split()
        if not words:
            continue
        if len(words) == 1:
            if KNOWN_ACRONYM.match(words[0]) and len(words[0]) >= 3:
                out.append(words[0])
            continue
        if any(w.lower() in _POSTISH or w.lower() in POST_WORDS_ORG for w in words):
            continue
        if all(w.lower() in _GENERIC for w in words):
            continue
        out.append(org)
    return out


#: words that make "X Representative" a role rather than a body ("Business Representative", "Young People")
POST_WORDS_ORG = {"business", "resident", "residents", "young", "people", "parent", "parents", "carer", "carers",
                  "patient", "patients", "user", "users", "faith", "voluntary", "sector", "community", "elected",
                  "school", "schools", "governor", "staff", "union", "trade", "member", "lay"}


#: verbs and prepositions after which a capitalised name is a body: "training delivered through Mind",
#: "funded by MOPAC", "work with Red Thread"
_ORG_SLOT = re.compile(r"\b(?:through|via|delivered\s+by|provided\s+by|run\s+by|commissioned\s+from|partner(?:ing)?\s+with|"
                       r"working\s+with|work\s+with|funded\s+by|led\s+by)\s+(?:the\s+)?"
                       r"(?P<org>[A-Z][\w'’&-]*(?:[ ]+[A-Z][\w'’&-]*){0,4})"
                       r"(?=[ ]*(?:[,.;:)|]|[ ]+(?:and|to|on|which|who|that|for|in|where)\b|$))")
_CITATION = re.compile(r"\((?P<acro>[A-Z][A-Z&]{2,6}),?\s+(?:19|20)\d{2}\)")


_PLATFORM = re.compile(r"^(?:(?:MS|Microsoft)\s+Teams|Zoom|Skype|Webex|Google\s+Meet|YouTube)$", re.IGNORECASE)


def slot_orgs(text: str) -> list[str]:
    """Bodies named in an organisation's slot, and publishers cited as "(NICE, 2017)"."""
    out = []
    for m in _ORG_SLOT.finditer(text.replace("\t", " | ")):
        org = m.group("org")
        if _PLATFORM.match(org):
            continue  # "held via MS Teams": a meeting platform
        words = org.split()
        if words[0].lower() in FORENAMES or words[0].lower() in _MONTHS or any(w.lower() in _POSTISH for w in words):
            continue
        if all(w.lower().replace("’", "'") in _GENERIC | _HEADS | {"city"} for w in words):
            continue  # "the Board", "the City"
        if len(words) == 1 and not (KNOWN_ACRONYM.match(org) or len(org) >= 4):
            continue
        out.append(org)
    out.extend(m.group("acro") for m in _CITATION.finditer(text))
    return out
