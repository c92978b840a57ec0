"""Person names as board papers print them.

Titles come before a name (Cllr, Councillor, Dr, Mayor, Deputy Mayor, Prof, Sir, Ma'am...)
or after it in brackets ("Jane Doe (Cllr)"); honours follow it (MBE, OBE, QPM...).
`parse_person` strips both and keeps them; `split_name_post` separates a name from
the post that runs on after it in two-column lists ("Dr Jane Doe Director of Public
Health Anytown Council"). A title word can also be a surname ("David Mayor"): a
title is only taken off when a name is left after it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

#: leading titles, longest first; spelled as printed in canonical form
TITLES = [
    "Deputy Mayor", "Lord Mayor", "Deputy Lord Mayor", "Chief Superintendent", "Chief Inspector",
    "Detective Chief Inspector", "Superintendent", "Inspector", "Councillors", "Councillor", "Cllrs", "Cllr", "Mayor",
    "Doctor", "Dr", "Professor", "Prof", "Sir", "Dame", "Reverend", "Revd", "Rev", "Lord", "Lady",
    "Baroness", "Baron", "Mr", "Mrs", "Ms", "Miss", "Mx", "Ma'am", "Maam", "Rt Hon", "The Rt Hon",
    "Alderman", "Alderwoman", "Sgt", "Supt", "DCI", "Cmdr", "Commander",
    # police ranks as printed in lists ("Ch Supt Jane Doe", "Det Insp Jane Doe", "Insp Jane Doe")
    "Detective Chief Superintendent", "Detective Superintendent", "Detective Inspector", "Detective Sergeant",
    "Detective Constable", "Chief Constable", "Deputy Chief Constable", "Assistant Chief Constable",
    "Police Constable", "Sergeant", "Det Ch Supt", "Det Chief Supt", "Det Supt", "Det Ch Insp", "Det Chief Insp",
    "Det Insp", "Det Sgt", "Det Con", "Ch Supt", "Chief Supt", "Ch Insp", "Chief Insp", "Insp", "DCS", "DSU",
    "PCSO", "ACC", "DCC", "Cdr",
]
HONOURS = {"MBE", "OBE", "CBE", "KBE", "DBE", "JP", "QPM", "KPM", "KC", "QC", "FRCP", "FRCS", "PhD",
           "MP", "AM", "DL", "BEM", "MA", "MSc", "MD", "FRSA", "FFPH"}
_TITLE_CANON = {"cllr": "Cllr", "councillor": "Councillor", "cllrs": "Cllr", "councillors": "Councillor", "dr": "Dr", "doctor": "Dr",
                "prof": "Prof", "professor": "Prof", "maam": "Ma'am", "ma'am": "Ma'am", "revd": "Revd"}
_TITLE_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True))
    + r")\.?\s+)", re.IGNORECASE)
_TITLE_ONLY = re.compile(
    r"(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in TITLES) + r")\.?", re.IGNORECASE)
_BRACKET_TITLE = re.compile(r"\s*\((" + "|".join(re.escape(t) for t in TITLES) + r")\.?\)\s*", re.IGNORECASE)
_PARTICLES = {"mc", "mac", "de", "van", "von", "le", "la", "da", "di", "del", "della", "du", "st", "o", "ap", "bin",
              "al", "el", "der", "den", "ten", "ter"}

#: words that start a post; a name never contains them
POST_WORDS = {
    "chair", "co-chair", "vice-chair", "chairman", "chairwoman", "chairperson", "deputy", "director", "chief",
    "head", "corporate", "group", "managing", "interim", "acting", "programme", "program", "project", "governance",
    "consultant", "ceo", "cfo", "coo", "manager", "officer", "member", "members", "representative", "principal",
    "principle", "cabinet", "executive", "senior", "lead", "leader", "assistant", "associate", "strategic",
    "service", "services", "secretary", "clerk", "adviser", "advisor", "specialist", "commissioner", "president",
    "coordinator", "co-ordinator", "nurse", "clinical", "medical", "gp", "inspector", "superintendent",
    "portfolio", "general", "trustee", "treasurer", "analyst", "partner", "founder", "borough", "public",
    "formerly", "former", "representing", "on", "for", "of", "and", "the", "at", "from", "to", "in", "with",
    "vacancy", "vacant", "tbc", "observer", "community", "connector", "policy", "health", "council",
    "place", "commander", "independent", "borough", "regional", "area", "divisional", "operations", "governor", "auditor",
}
#: words of organisations and places; a name made of them is not a person
ORG_WORDS = {
    "council", "board", "borough", "city", "college", "university", "school", "academy", "trust", "nhs", "ccg",
    "police", "service", "services", "partnership", "group", "team", "committee", "forum", "network", "hospital",
    "hospice", "health", "care", "social", "community", "communities", "public", "london", "england", "national",
    "new", "east", "west", "north", "south", "central", "hub", "unit", "panel", "agency", "authority", "department",
    "ministry", "office", "fund", "foundation", "charity", "association", "society", "centre", "center", "housing",
    "education", "children", "childrens", "adults", "adult", "safeguarding", "wellbeing", "strategy", "plan",
    "policy", "item", "agenda", "minutes", "report", "appendix", "page", "table", "annex", "section", "meeting",
    "present", "apologies", "attendance", "members", "membership", "welcome", "action", "actions", "date",
    "venue", "contact", "email", "tel", "telephone", "total", "chair", "vice", "co", "resident", "involvement",
    "commissioning", "clinical", "integrated", "local", "primary", "pharmaceutical", "healthwatch", "cvs",
    "limited", "ltd", "plc", "inc", "company", "cic", "government", "commission", "programme", "project",
    "declarations", "interest", "interests", "any", "other", "business", "order", "no", "title", "name", "position",
    "role", "organisation", "tabled", "presentations", "enclosed", "close", "comfort", "break", "mental",
    "safer", "young", "youth", "older", "people", "family", "families", "voluntary", "sector", "development",
    "economic", "inclusive", "strategic", "director", "officer", "manager", "head", "executive", "chief",
    "mayor", "cllr", "councillor", "dr", "member", "deputy", "representative", "adviser", "advisor",
    "the", "and", "of", "for", "a", "an", "to", "in", "on", "at", "by", "with", "from", "all", "our", "we",
    "this", "that", "these", "key", "points", "raised", "vcs", "vcse", "tlg", "tbc", "lbh", "fire", "street",
    "road", "hall", "town", "room", "floor", "first", "second", "third", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "prevention", "diversion", "finance",
    "resources", "legal", "ward", "wards", "affected", "classification", "open", "recommendations",
    "introduction", "purpose", "background", "papers", "update", "updates", "annual", "work", "employment",
    "skills", "culture", "leisure", "transformation", "integration", "support", "operational", "performance",
    "quality", "delivery", "engagement", "consultation", "research", "intelligence", "data", "digital", "it",
    "crime", "justice", "probation", "victim", "victims", "equality", "equalities", "inequalities", "steering",
    "standards", "task", "finish", "additional", "attendees", "attendee", "independent", "advisers", "invited",
    "expected", "attended", "attending", "colleagues", "behalf", "shared", "core", "vacancy", "vacant", "working", "pillar", "places", "wider", "determinants", "system", "systems",
}
NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]?['’]?[A-Z]?[a-zà-ÿ]+|[A-Z][a-zà-ÿ]*(?:[-'’](?:Mc|Mac|O['’])?[A-Z][a-zà-ÿ]+)+|Mc|Mac|O['’][A-Z][a-z]+)$")
_TITLE_SURNAMES = {"Mayor", "Lord", "Dean", "Bishop", "Major", "King", "Knight", "Sheriff", "Judge", "Chief"}
_INITIAL = re.compile(r"^[A-Z]\.?$")


@dataclass
class PersonName:
    """A parsed person mention: `name` without titles or honours, and what was stripped."""

    name: str
    surface: str
    titles: list[str] = field(default_factory=list)
    honours: list[str] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def first(self) -> str:
        return self.tokens[0] if len(self.tokens) > 1 else ""


def clean_text(text: str) -> str:
    """Strip markdown emphasis, stray brackets and spacing around a mention."""
    text = text.replace("**", "").replace("__", "").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"([a-z])- (?=[A-Z][a-z])", r"\1-", text)
    return text.strip(" \t,;:.-–—*•|")


_MALE_TITLES = {"mr", "sir", "lord"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "baroness"}


def titles_conflict(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two sets of titles that cannot be one person's: Mr on one side, Mrs/Ms/Miss on the other."""
    def genders(titles: Iterable[str]) -> set[str]:
        words = {w.lower().rstrip(".") for t in titles for w in t.split()}
        return ({"m"} if words & _MALE_TITLES else set()) | ({"f"} if words & _FEMALE_TITLES else set())
    ga, gb = genders(a), genders(b)
    return len(ga) == 1 and len(gb) == 1 and ga != gb


def canon_title(title: str) -> str:
    t = " ".join(title.replace(".", "").split())
    return _TITLE_CANON.get(t.lower(), t[:1].upper() + t[1:])


def strip_titles(text: str) -> tuple[str, list[str]]:
    """Leading (and bracketed) titles off a mention; keeps a title word that is the surname."""
    titles: list[str] = []
    text = clean_text(text)
    for m in list(_BRACKET_TITLE.finditer(text)):
        titles.append(canon_title(m.group(1)))
    text = _BRACKET_TITLE.sub(" ", text).strip()
    while True:
        m = _TITLE_RE.match(text)
        if not m:
            break
        rest = text[m.end():].strip()
        if not rest or not rest[0].isupper():
            break
        titles.append(canon_title(m.group(0).strip()))
        text = rest
    return text, titles


def parse_person(text: str) -> PersonName | None:
    """A person mention without titles/honours, or None when no name is left."""
    surface = clean_text(text)
    rest, titles = strip_titles(surface)
    words = rest.replace(",", " ").split()
    honours: list[str] = []
    while len(words) > 1 and words[-1].strip(".") in HONOURS:
        honours.insert(0, words.pop().strip("."))
    name = " ".join(words).strip(" ,")
    name = re.sub(r"\s*-\s*", "-", name) if re.search(r"[A-Za-z]-\s+[A-Z]", name) else name
    if not name or _TITLE_ONLY.fullmatch(name) or name.lower() in ("canon", "reverend canon"):
        return None  # "Cllr Mrs", "Reverend Canon": titles with the name cut off
    return PersonName(name, surface, titles, honours)


def is_name_token(word: str) -> bool:
    w = word.strip(",.;:()")
    if not w or w.lower() in ORG_WORDS:
        return False
    return bool(NAME_TOKEN.match(w)) or bool(_INITIAL.match(w))


def looks_like_name(text: str, min_tokens: int = 2, max_tokens: int = 4) -> bool:
    """True when a text (titles already stripped) reads as a person's full name."""
    words = text.split()
    if not (min_tokens <= len(words) <= max_tokens):
        return False
    if all(_INITIAL.match(w) for w in words):
        return False
    if words[-1].lower() in _PARTICLES:
        return False
    ok = [is_name_token(w) or w.lower() in _PARTICLES for w in words]
    return all(ok) and not all(w.isupper() for w in words)


def take_name(words: list[str]) -> int:
    """How many of `words` (titles stripped) form a name: 0 when they do not start with one."""
    n = 0
    limit = min(len(words), 4)
    while n < limit:
        w = words[n].rstrip(",;:")
        if w.lower() in _PARTICLES and n + 1 < len(words) and n > 0:
            n += 1
            continue
        if n >= 2 and words[n - 1].lower() not in _PARTICLES:
            break
        if w.lower() in POST_WORDS or not is_name_token(w):
            break
        n += 1
        if words[n - 1].endswith((",", ";", ":")):
            break
    if n == 1 and len(words) > 1 and words[1].rstrip(",;:.") in _TITLE_SURNAMES \
            and (len(words) == 2 or not is_name_token(words[2])):
        return 2  # "David Mayor": a title word as surname
    if n < 2:
        return 0
    return n


def split_name_post(text: str) -> tuple[PersonName | None, str]:
    """Split "Dr Jane Doe Director of Public Health, Anytown Council" into name and post.

    Also reads "Jane Doe (Cllr), post", "Jane Doe, post" and "Jane Doe (post)".
    """
    text = clean_text(text)
    if not text:
        return None, ""
    # "post (Name)" - the name in brackets after the post
    m = re.match(r"^(?P<post>[^()]{4,}?)\s*\((?P<name>[^()]+)\)\s*(?P<rest>.*)$", text)
    if m and not _BRACKET_TITLE.fullmatch(" (" + m.group("name") + ") "):
        inner = parse_person(m.group("name"))
        first = m.group("post").split()
        if inner and looks_like_name(inner.name) and take_name(strip_titles(m.group("post"))[0].split()) == 0 \
                and first and first[0].lower() in POST_WORDS | ORG_WORDS:
            return inner, clean_text(m.group("post"))
    surface_titles: list[str] = []
    rest, titles = strip_titles(text)
    surface_titles.extend(titles)
    words = rest.split()
    n = take_name(words)
    if n == 0:
        return None, text
    name_words = words[:n]
    post = " ".join(words[n:])
    # honours directly after the name
    honours = []
    post_words = post.split()
    while post_words and post_words[0].strip(",.") in HONOURS:
        honours.append(post_words.pop(0).strip(",."))
    post = " ".join(post_words)
    # bracketed title after the name: "Jane Doe (Cllr),"
    bt = re.match(r"^\((" + "|".join(re.escape(t) for t in TITLES) + r")\.?\)\s*", post, re.IGNORECASE)
    if bt:
        surface_titles.append(canon_title(bt.group(1)))
        post = post[bt.end():]
    name = " ".join(name_words).strip(",;: ")
    name = re.sub(r"\s*-\s*", "-", name)
    surface_end = text.find(name_words[-1]) + len(name_words[-1]) if name_words[-1] in text else len(text)
    surface = clean_text(text[:surface_end]) if name_words[-1] in text else text
    if bt:
        surface = clean_text(text[:text.find(")", surface_end) + 1])
    post = clean_text(post)
    if post.startswith("(") and post.endswith(")") and post.count("(") == 1:
        post = post[1:-1].strip()
    return PersonName(name, surface, surface_titles, honours), post


def norm_name(text: str | None) -> str:
    """Comparable form of a name: accents, case, punctuation and spacing folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'")
    text = re.sub(r"[^\w' -]+", " ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split())


def compact(text: str | None) -> str:
    """Letters only: 'Ashby- Quinn' and 'Ashby Quinn' compare equal."""
    return re.sub(r"[^a-z]", "", norm_name(text))


def split_names(text: str) -> list[str]:
    """'A, B and C' -> ['A', 'B', 'C']; keeps commas inside brackets."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        out.extend(re.split(r"\s+(?:and|&)\s+(?=[A-Z])", p))
    return [clean_text(p) for p in out if clean_text(p)]


#: common forenames (UK council papers); a weak prose signal ("(Jane Doe)", a name in a table
#: cell) only counts as a person when the first word is one of these or a first name the
#: paper's own lists use
FORENAMES = set("""
aaron abdul abigail adam adrian ahmed aidan aisha alan alastair albert alex alexander alexandra ali alice alison
amanda amber amelia amir amy andrea andrew andy angela angus anita ann anna anne annette annie anthony antonio
april arthur ashley audrey barbara barry beatrice ben benjamin bernard beth bethany betty beverley bill bob
brenda brian bridget bruce caitlin callum cameron carl carla carmen carol carole caroline carolyn catherine
cathy charles charlie charlotte chloe chris christina christine christopher claire clare colin connor craig
daniel danielle darren dave david dawn dean debbie deborah declan denise dennis derek diana diane dominic donald
donna doris dorothy douglas duncan dylan edward eileen elaine eleanor elizabeth ella ellen ellie emily emma eric
erica ethan eve evelyn faisal farah fatima fiona frances francesca frank fred gail gareth gary gavin gemma geoff
geoffrey george georgia gerald gerry gillian gina glen glenn gordon grace graham grant greg gregory hannah harry
hassan hayley heather helen henry holly howard hugh iain ian imran irene isaac isabel isabella jack jackie
jacob jacqueline jacqui jade james jamie jan jane janet janice jason jasmine jay jayne jean jeff jennifer jenny
jeremy jessica jill jim joan joanna joanne jodie joe john johnny jon jonathan jordan joseph josh joshua joy
joyce judith judy julia julian julie justin karen kate katherine kathleen kathryn katie kay keith kelly ken
kenneth kerry kevin kim kirsty kristine laura lauren lee leo leon lesley leslie lewis liam linda lisa liz
lorraine louise lucy luke lydia lynn lynne malcolm mandy marcus margaret maria marie marion mark martin mary mathew
matt matthew maureen max megan melanie melba michael michelle mike mohamed mohammed moira molly nadia naomi
natalie nathan neil nicholas nick nicola nicole nigel noah norman oliver olivia omar owen pamela patricia
patrick paul paula pauline penny peter philip phillip polly rachel raj rajesh ralph raymond rebecca richard
rita rob robert robin rory rosemary ross ruth ryan sally salma sam samantha samuel sandra sarah scott sean
sharon sheila shirley simon siobhan sonia sophie stacey stanley stella stephanie stephen steve steven stuart
sue susan suzanne tanya tara teresa terry theresa thomas tim timothy tina toby tom tony tracey tracy trevor
valerie vanessa veronica victoria vincent wayne wendy william yasmin yvonne zoe zara
""".split())
