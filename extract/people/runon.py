"""People in run-on text: attendance lists flattened into one line or paragraph.

Web pages and PDF extractions often print a whole "Present:" list, or a whole attendance
table, as one line: "Present: Cllr A Doe, Anytown Council Cllr B Roe (Chairman) Dr C Poe,
Co-opted Member Also Present: ...", "Board Members: Jane Doe Bill Roe Executive Team in
attendance: ...", "Jane Doe – Chair P Bill Roe – Director, NHS Trust A ...".

`sections` cuts such a line at its labels (Present:, Apologies:, In attendance:, ...);
`find_people` finds the people in one section: a name starts at a title (Cllr, Mrs,
Ch Supt...), at initials, at a known forename, or after a separator, and runs over
capitalised name words; what follows a name up to the next one is its tail (post,
organisation, bracketed notes, a table's status letter).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.names import FORENAMES, HONOURS, ORG_WORDS, POST_WORDS, PersonName, TITLES, canon_title
from extract.organisations import _HEADS as _BODY_ENDS

#: title words as printed before names in lists; multi-word ones first
_LIST_TITLES = sorted({*TITLES, "Cty Cllr", "County Cllr", "County Councillor", "Metro Mayor", "Canon", "Reverend Canon",
                       "PC", "CI", "Chief Insp", "Chief Insp.", "Ch. Supt", "Town Mayor"},
                      key=lambda t: (-len(t.split()), -len(t)))
_TITLE_AT = re.compile(r"(?:(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in _LIST_TITLES) +
                       r")\.?(?=\s+[A-Z]))")
#: capitalised titles only: "Mr", "Cllr" (a lower-case "mayor" in prose is not a title)
_CASED_TITLE = re.compile(r"^[A-Z]")

_WORD = re.compile(r"\(|\)|[,;:*|]|[–—]|(?<!\w)-(?!\w)|&|[^\s(),;:–—&*|]+")
_INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,3}$")
_NAME_WORD = re.compile(r"^(?:Mc|Mac|O['’]|D['’])?[A-Z][a-zà-ÿ'’]+(?:-(?:Mc|Mac|O['’])?[A-Z][a-zà-ÿ'’]+)*$|"
                        r"^(?:Mc|Mac|O['’])[A-Z][a-zà-ÿ]+$|^[A-Z][a-z]?[A-Z][a-zà-ÿ]+$")
_PARTICLES = {"ap", "de", "van", "von", "le", "la", "da", "di", "del", "du", "der", "den", "bin", "al", "el", "st"}
_SEPARATORS = {",", ";", ":", "–", "—", "-", "&", "and", "(", ")"}
#: status letters of a flattened attendance table (P/A/DNA/R, Y/A/_)
STATUS_LETTERS = {"P": "present", "Y": "present", "A": "apologies", "R": "substitute", "D": "substitute",
                  "D/R": "substitute", "DNA": None, "_": None, "N": None}


_FORENAME_FILE = Path(__file__).resolve().parent.parent / "data" / "forenames.txt"


@lru_cache(maxsize=1)
def _forenames() -> frozenset[str]:
    """Common forenames: the project's list and the shipped lexicon (`python -m extract.training.forenames`)."""
    lexicon = {line.strip() for line in _FORENAME_FILE.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")}
    return frozenset((set(FORENAMES) | lexicon) - ORG_WORDS - POST_WORDS - _COMMON_WORDS)


#: dictionary forenames that are more often ordinary words in papers
_COMMON_WORDS = {"one", "will", "may", "hope", "trinity", "chase", "page", "king", "faith", "june", "april",
                 "august", "summer", "star", "sky", "young", "sterling", "royal", "major", "early", "patient", "safety"}


def is_forename(word: str) -> bool:
    return word.lower() in _forenames()


_TITLED_FIRST = re.compile(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\.?\s+([A-Z][a-zà-ÿ]+)\s+"
                           r"(?:[A-Z][a-zà-ÿ'’-]+)")


def paper_forenames(lines: list[str]) -> set[str]:
    """First names the paper itself prints after a title ("Ms Zorayda Venn")."""
    return {m.group(1).lower() for line in lines for m in _TITLED_FIRST.finditer(line)} - ORG_WORDS - POST_WORDS


def despace(text: str) -> str:
    """'P r e s e n t' -> 'Present' (letter-spaced headings), only for list labels."""
    def join(m: re.Match) -> str:
        word = m.group(0).replace(" ", "")
        return word if word.lower() in {"present", "apologies", "absent", "attendance", "members"} else m.group(0)
    return re.sub(r"(?<!\S)[A-Za-z](?: [A-Za-z]){4,}(?![^\s:;,.])", join, text)


@dataclass
class Section:
    status: str | None      # attendance status of the people listed; None: no attendance
    label: str
    start: int              # where the listed people begin
    end: int
    members: bool = False   # the label says they are members (Board Members:, Representing X:)
    org: str | None = None  # "Representing Anytown Council:" names the seat's organisation
    chairs: str | None = None  # "Locality Forum Chairs:": each entry chairs "<place> Locality Forum"


_LABELS = [
    (r"the\s+following\s+(?:members|councillors)\s+(?:were\s+)?present\s*:?", "present", True),
    (r"(?:members|councillors)\s+(?:were\s+)?present\s*:", "present", False),
    (r"(?:members\s+|councillors\s+|board\s+members\s+)?present\s*:", "present", False),
    (r"also\s+(?:present|in\s+attendance|attending)\s*:", "also_in_attendance", False),
    (r"(?:officers?|officials?|executive\s+team|staff|board\s+officials)\s+(?:in\s+attendance|present|attending)\s*:",
     "officer_in_attendance", False),
    (r"in\s+attendance\s*:", "officer_in_attendance", False),
    (r"(?:mayoral\s+)?(?:advis[eo]rs?|guests?|observers?|visitors?)\s+in\s+attendance\s*:?", "also_in_attendance", False),
    (r"new\s+members?\s+(?:were|was)\s+welcomed\s*[-–:]?", "present", True),
    (r"a\s+welcome\s+was\s+(?:also\s+)?extended\s+to\s+", "also_in_attendance", False),
    (r"(?:secretariat|policy\s+support|clerk|minute[- ]taker)\s*:", "officer_in_attendance", False),
    (r"(?:guests?|observers?|visitors?)\s*:", "also_in_attendance", False),
    (r"apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received\s+from)?\s*:", "apologies", False),
    (r"apologies\s+(?:for\s+absence\s+)?(?:were|was|had\s+been|have\s+been)?\s*(?:received|submitted|noted|tendered|given|intimated|sent)"
     r"\s+(?:on\s+behalf\s+of|from)\s+", "apologies", False),
    (r"apologies\s+(?:for\s+absence\s+)?noted\s+from\s+", "apologies", False),
    (r"(?:reported|received|noted|tendered|gave|submitted|recorded)\s+(?:the\s+)?apologies\s+(?:for\s+absence\s+)?"
     r"(?:of|from|on\s+behalf\s+of)\s+", "apologies", False),
    (r"apologies\s+for\s+absence(?=\s+(?-i:[A-Z][a-z]+\s+[A-Z][a-z]|(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\s))", "apologies",
     False),
    (r"an\s+apology\s+(?:for\s+absence\s+)?was\s+(?:received|submitted)\s+from\s+", "apologies", False),
    (r"(?:board|committee|panel|core|voting)\s+members\s*:|members\s*:", "present", True),
    (r"(?-i:(?:Board\s+Members?|NAME\b[^:|]{0,30}?)\s+(?:P\s+A\s+DNA(?:\s+D/R)?|PRESENT\s+APOLOGIES"
     r"(?:\s+DEPUTY(?:\s+ATTENDED)?)?))", "table", True),
    (r"(?P<kind>(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+)){0,2})\s+chairs\s*:", "present", True),
    (r"representing\s+(?:the\s+)?(?P<org>[A-Z][^:]{2,90}?)\s*:", "present", True),
]
_LABEL = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<l{k}>{p})" for k, (p, _, _) in enumerate(_LABELS)) + ")",
                    re.IGNORECASE)
#: where a list ends in running text: an item heading or the first sentence after it
_LIST_END = re.compile(r",?\s+with\s+the\s+substitution\b|,\s+whose\s|\s\d{1,2}(?:\.\d+)*\.\s+(?-i:[A-Z])|\s(?:item\s+\d+|\d{1,2}\.?\s+(?:[A-Z][A-Z]+|Welcome|Apologies|Minutes|Declarations?)\b|"
                       r"Minutes:|MINUTES\b|The\s+(?:Chair(?:man)?|Mayor|Board)\s+[a-z]+ed\b)")


def sections(text: str) -> list[Section]:
    """The labelled lists of one line, in order."""
    found: list[Section] = []
    for m in _LABEL.finditer(text):
        k = next(int(name[1:]) for name, v in m.groupdict().items() if v is not None and name.startswith("l")
                 and name[1:].isdigit())
        _, status, members = _LABELS[k]
        if found and found[-1].end > m.start():
            found[-1].end = m.start()
        org = m.group("org") if k == len(_LABELS) - 1 else None
        chairs = m.group("kind") if k == len(_LABELS) - 2 else None
        found.append(Section(status, m.group(0), m.end(), len(text), members, org, chairs))
    if found and all(s.label.lower().rstrip(" :").endswith("members") for s in found):
        return []  # "Members: A, B" alone is a membership list, not an attendance record
    for k, s in enumerate(found):
        if s.status == "present" and not s.members and any(e.members and e.status == "present" for e in found[:k]):
            s.status = "also_in_attendance"  # "Members: ... Present: ...": the others present are guests
    for s in found:
        end = _LIST_END.search(text, s.start, s.end)
        if end:
            s.end = end.start()
    return found


@dataclass
class Entry:
    person: PersonName
    tail: str       # post, organisation and notes up to the next person
    start: int
    end: int        # end of the name
    titled: bool


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def _title_at(text: str, pos: int) -> int | None:
    """End of the title words ("Cllr Mrs", "Reverend Canon Dr") starting at pos, or None."""
    end = None
    while True:
        m = _TITLE_AT.match(text, pos)
        if not (m and _CASED_TITLE.match(m.group(0))):
            return end
        end = m.end()
        pos = end + len(text[end:]) - len(text[end:].lstrip())


def _is_name_word(w: str) -> bool:
    w = w.rstrip(".")
    return bool(_NAME_WORD.match(w)) and w.lower() not in ORG_WORDS and w.lower() not in POST_WORDS \
        and w not in HONOURS and w not in _ORG_HEADS and w.lower() not in _PLACE_WORDS | _POST_START


def _name_run(toks: list[tuple[str, int, int]], k: int, titled: bool, letters: bool = False) -> int:
    """Number of tokens from k that form a name (0: none)."""
    n = 0
    words = 0
    initials = 0
    while k + n < len(toks):
        w = toks[k + n][0]
        joined = titled and words == 0 and not initials and re.fullmatch(r"[A-Z]{2,3}", w) and \
            k + n + 1 < len(toks) and _is_name_word(toks[k + n + 1][0])  # "Councillor KD Wexcott"
        if (_INITIAL.match(w) or joined) and words == 0 and initials < 5 and not (letters and w in STATUS_LETTERS):
            initials += 1
            n += 1
            continue
        if w.lower() in _PARTICLES and words and k + n + 1 < len(toks) and _is_name_word(toks[k + n + 1][0]):
            n += 1
            continue
        if not _is_name_word(w):
            nxt = toks[k + n + 1][0] if k + n + 1 < len(toks) else ""
            if titled and words and _NAME_WORD.match(w) and w not in _ORG_HEADS and w.lower() not in POST_WORDS and \
                    (not nxt or nxt in _SEPARATORS or nxt[:1].islower()):
                words += 1  # "Councillor Jo Ward was": a surname that is also a common word
                n += 1
            break
        if words >= 2 or (words >= 1 and initials):
            # a forename followed by a name word starts the next person ("Jane Doe Bill Roe")
            nxt = toks[k + n + 1][0] if k + n + 1 < len(toks) else ""
            if is_forename(w) and (_is_name_word(nxt) or _INITIAL.match(nxt)):
                break
            if words >= 3 or initials:
                break
        words += 1
        n += 1
    if words == 0:
        return 0
    if words == 1 and not initials and not titled:
        return 0
    if words == 3 and not initials and _org_follows(toks, k + n - 1):
        n -= 1  # "Jane Doe Anytown County Council": the third word starts the organisation
    if not titled and k + n < len(toks) and toks[k + n][0] in _ORG_HEADS and not is_forename(toks[k][0]):
        return 0  # "Anytown District Council": an organisation, not a person
    return n


def _org_follows(toks: list[tuple[str, int, int]], k: int) -> bool:
    """True when capitalised words from k lead, with no separator, to an organisation or post word."""
    for j in range(k, min(k + 4, len(toks))):
        w = toks[j][0]
        if j > k and (w in _ORG_HEADS or w.lower() in ORG_WORDS or w.lower() in POST_WORDS):
            return True
        if not w[:1].isupper() or w in _SEPARATORS:
            return False
    return False


#: words that open a post in lists ("Named Doctor", "Designated Nurse")
_POST_START = {"named", "designated", "interim", "acting", "locum", "temporary", "joint", "lay", "non-executive"}
_PLACE_WORDS = {"mid", "upper", "lower", "greater", "inner", "outer", "royal", "city", "county", "district", "metro",
                "metropolitan", "town", "village", "parish", "wales", "scotland", "ireland", "cymru", "britain"}
_ORG_HEADS = {"Council", "County", "District", "Borough", "Authority", "Police", "Service", "Services", "Trust",
              "Board", "Partnership", "Government", "University", "College", "Association", "Group", "Commission",
              "Constabulary", "Agency", "Fire", "Health", "NHS", "Enterprise", "Team", "Unit", "Office"}


def _paired_run(toks: list[tuple[str, int, int]], k: int, known: set[str], letters: bool) -> int:
    """Pairs in a run of 4+ bare name words from k with no separator, when the run has an even length
    and most first words of its pairs are known first names; 0 otherwise."""
    j = k
    while j < len(toks) and _is_name_word(toks[j][0]) and not _title_at_token(toks[j][0]) and \
            not (letters and toks[j][0] in STATUS_LETTERS):
        j += 1
    length = j - k
    if length < 4 or length % 2 or (j < len(toks) and toks[j][0] in _ORG_HEADS):
        return 0
    firsts = [toks[k + 2 * p][0] for p in range(length // 2)]
    seconds = [toks[k + 2 * p + 1][0] for p in range(length // 2)]
    good = sum(1 for w in firsts if is_forename(w) or w.lower() in known)
    # the pairing is out of step when more second words than first words are known first names only
    shifted = sum(1 for f, w in zip(firsts, seconds) if not is_forename(f) and f.lower() not in known and is_forename(w))
    return length // 2 if good * 3 >= len(firsts) * 2 and shifted * 3 < len(firsts) else 0


def _title_at_token(word: str) -> bool:
    return bool(_TITLE_AT.match(word + " X"))


#: words that end an organisation's name (not "NHS Anytown", "County Anytown")
_ORG_ENDS = _ORG_HEADS - {"NHS", "County", "District", "Borough", "Health", "Fire"}


def find_people(text: str, forenames: set[str] | None = None, letters: bool = False) -> list[Entry]:
    """The people listed in one section of run-on text, in order, each with its tail; `letters`:
    single capitals are a flattened table's status letters (P, A, R), not initials."""
    toks = _tokens(text)
    known = {f.lower() for f in forenames or ()}
    starts: list[tuple[int, int, int, bool]] = []   # (token index of title/name, name token start, name length, titled)
    depth = 0
    plural = False   # "Councillors A, B and C": the plural title covers each name in the run
    k = 0
    while k < len(toks):
        w, s, _ = toks[k]
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        if depth:
            k += 1
            continue
        prev = toks[k - 1][0] if k else ","
        if plural and prev in {",", "and", "&"}:
            n = _name_run(toks, k, True, letters)
            if n:
                starts.append((k, k, n, True))
                k += n
                continue
        plural = plural and w in {",", "and", "&"}
        tm = _title_at(text, s)
        if tm:
            j = k
            while j < len(toks) and toks[j][2] <= tm:
                j += 1
            n = _name_run(toks, j, True, letters)
            if n:
                plural = bool(re.match(r"(?:Councillors|Cllrs)\b", w))
                starts.append((k, j, n, True))
                k = j + n
                continue
        # a bare name (no title, initials or known forename) needs a clear start: the list's start,
        # a closing bracket, "and", a semicolon or a table's status letter
        boundary = k == 0 or prev in {")", ";", "and", "&", "*"} or (letters and prev in STATUS_LETTERS)
        first = w.rstrip(".")
        initial = bool(_INITIAL.match(w)) and not (letters and w in STATUS_LETTERS)
        forename = is_forename(first) or first.lower() in known
        nxt = toks[k + 1][0].rstrip(".") if k + 1 < len(toks) else ""
        if boundary and not initial and not forename and (is_forename(nxt) or nxt.lower() in known) and \
                _name_run(toks, k + 1, False, letters):
            k += 1  # "... Resources Anyshire Ray Vardrow": the name starts at the forename
            continue
        pairs = _paired_run(toks, k, known, letters) if (forename or boundary) and not initial else 0
        if pairs:
            # "Jane Doe Bill Roe Ann Poe": a bare run of first name + surname pairs
            starts.extend((k + 2 * p, k + 2 * p, 2, False) for p in range(pairs))
            k += 2 * pairs
            continue
        if forename and not initial and not boundary and starts and k >= 2 and starts[-1][1] + starts[-1][2] < k - 1 \
                and _is_name_word(prev) and not is_forename(prev) and toks[k - 2][0] in _ORG_ENDS and \
                _name_run(toks, k - 1, False, letters) >= 2:
            k -= 1  # "... County Council Olwenna Grant Anytown County Council": the name began one word earlier
            first, forename = prev, True
        if initial or forename or boundary:
            n = _name_run(toks, k, False, letters)
            if n >= 2 and not (not initial and not forename and k + n < len(toks) and _org_follows(toks, k + n - 1)):
                starts.append((k, k, n, False))
                k += n
                continue
        k += 1
    out: list[Entry] = []
    shared_title = ""
    for idx, (k, j, n, titled) in enumerate(starts):
        name_start, name_end = toks[j][1], toks[j + n - 1][2]
        nxt = toks[starts[idx + 1][0]][1] if idx + 1 < len(starts) else len(text)
        title_text = text[toks[k][1]:name_start] if titled else ""
        if titled and k != j:
            shared_title = title_text
        elif titled:
            title_text = shared_title  # a name after "Councillors A, ...": the shared plural title
        titles = [canon_title(t) for t in re.findall(
            "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in _LIST_TITLES), title_text)] if title_text else []
        name = " ".join(text[name_start:name_end].replace(".", " ").split()) if re.search(r"\b[A-Z]\.", text[name_start:name_end]) \
            else " ".join(text[name_start:name_end].split())
        if name.endswith(".") and not _INITIAL.match(name.split()[-1]):
            name = name[:-1]  # "... seconded by Councillor Jo Wexcott."
        tail = text[name_end:nxt]
        honours = []
        hm = re.match(r"^\s*,?\s*\(?((?:" + "|".join(HONOURS) + r")\b\.?)\)?", tail)
        if hm:
            honours.append(hm.group(1).strip("."))
        surface = " ".join(text[toks[k][1]:name_end].split())
        out.append(Entry(PersonName(name, surface, titles, honours), tail, toks[k][1], name_end, titled))
    return out


_SUB_NOTE = re.compile(
    r"\((?:as\s+)?(?:substitute|sub|deputy\s+for|deputising|representative|representing|also\s+representing|"
    r"in\s+place\s+of)(?:\s+(?:for|of))?\s*(?P<for>[^)]*)\)|"
    r"\((?P<who>[^()]{3,60}?)\s+(?:substituting|attended\s+as\s+(?:a\s+)?substitute|deputising|attending\s+instead)\)|"
    r",?\s+for\s+whom\s+(?P<who2>.{3,60}?)\s+(?:was|attended\s+as)\s+(?:a\s+|the\s+)?substitute",
    re.IGNORECASE)


def substitute_note(tail: str) -> tuple[bool, str | None, str | None]:
    """(is a substitute, for whom, who substitutes for this person) from a name's bracketed notes."""
    m = _SUB_NOTE.search(tail)
    if not m:
        return False, None, None
    if m.group("who") or m.group("who2"):
        return False, None, (m.group("who") or m.group("who2")).strip()
    return True, (m.group("for") or "").strip() or None, None


#: words that end a post ("... Director", "... Officer"); a post printed in a list holds one of them
_POST_ENDS = {"chair", "chairman", "chairwoman", "chairperson", "vice-chair", "co-chair", "director", "officer", "governor",
              "member", "secretary", "manager", "executive", "lead", "coordinator", "co-ordinator", "nurse", "doctor",
              "adviser", "advisor", "administrator", "clerk", "treasurer", "constable", "inspector", "superintendent",
              "sergeant", "consultant", "commissioner", "leader", "worker", "engineer", "analyst", "planner",
              "representative", "paediatrician", "councillor", "mayor", "trustee", "president", "head", "ceo",
              "specialist", "auditor", "solicitor", "accountant", "minister"}
#: words that open a post ("Interim ...", "Director of ...")
_POST_OPENS = {"interim", "acting", "deputy", "assistant", "associate", "senior", "chief", "head", "director", "public",
               "appointed", "elected", "medical", "company", "member", "chair", "vice", "non-executive", "executive",
               "independent", "lay", "co-opted", "joint", "corporate", "strategic", "service", "principal", "clinical",
               "managing", "programme", "lead", "designated", "named", "group", "regional", "divisional", "local"}
_CHAIRS = {"chair", "chairman", "chairwoman", "chairperson"}
#: words that go on a post and never end one ("Director of ...", "Nursing & ...")
_POST_LINKS = {"of", "for", "and", "&", "the", "to", "in", "on", "with", "at", "-", "–", "—", "/", ","}
#: words that never open a post
_NEVER_OPENS = {"officer", "coordinator", "co-ordinator", "administrator", "professionals", "services"}


def _post_units(text: str) -> list[str]:
    """Words of a post run, a bracketed note kept with the word before it."""
    units: list[str] = []
    for m in re.finditer(r"\([^()]*\)|[^\s()]+", text):
        if m.group(0).startswith("(") and units:
            units[-1] += " " + m.group(0)
        else:
            units.append(m.group(0))
    return units


def _bare(unit: str) -> str:
    return re.sub(r"\s*\(.*$", "", unit).strip(",;").lower()


def _is_post(words: list[str]) -> bool:
    """Words that name a post, or a body standing in the post column ("Anyshire CCG")."""
    return any(_bare(w) in _POST_ENDS for w in words) or _is_body_end(words[-1])


def _is_body_end(word: str) -> bool:
    return _bare(word) in _BODY_ENDS or bool(re.fullmatch(r"[A-Z]{2,6}", word.strip(",;")))


def aligned_posts(count: int, text: str) -> list[str] | None:
    """A two-column table flattened into a run of names and then a run of their posts: split the run
    of posts ("Chair Chief Executive Director of Finance") into `count` posts, in order, or None when
    it cannot be cut into that many posts. A cut falls after a word that ends a post or before one
    that opens a post, never after a linking word ("of", "&"), and every piece must hold a post word
    (or end like an organisation: "Anyshire CCG")."""
    units = _post_units(" ".join(text.split()))
    n = len(units)
    if count < 1 or n < count or n > count * 10:
        return None

    def cut(j: int) -> int | None:
        """Score of a cut before unit j; None where no cut can fall."""
        prev, nxt = units[j - 1], units[j]
        if _bare(prev) in _POST_LINKS or prev.endswith(",") or not nxt[:1].isupper() or _bare(nxt) in _NEVER_OPENS:
            return None
        ends = prev.endswith(")") or _bare(prev) in _POST_ENDS or _is_body_end(prev) or \
            prev[:1].islower()  # "... of the public"
        return 2 * ends + (_bare(nxt) in _POST_OPENS)

    def piece(words: list[str]) -> int | None:
        """Score of one post; None when the words are no post. A lone opening word ("Lead", "Head")
        is more likely the start of the next post than a post of its own."""
        if not _is_post(words):
            return None
        return -2 if len(words) == 1 and _bare(words[0]) in _POST_OPENS - _CHAIRS else 0

    # best[k][j]: best score cutting units[:j] into k valid posts
    best: list[list[tuple[int, int] | None]] = [[None] * (n + 1) for _ in range(count + 1)]
    best[0][0] = (0, -1)
    for k in range(1, count + 1):
        for j in range(k, n + 1):
            score = cut(j) if j < n else 0
            if score is None:
                continue
            for i in range(k - 1, j):
                fit = piece(units[i:j]) if best[k - 1][i] is not None else None
                if fit is None:
                    continue
                total = best[k - 1][i][0] + score + fit
                if best[k][j] is None or total > best[k][j][0]:
                    best[k][j] = (total, i)
    if best[count][n] is None:
        return None
    out, j = [], n
    for k in range(count, 0, -1):
        i = best[k][j][1]
        out.append(" ".join(units[i:j]).strip(" ,;"))
        j = i
    return out[::-1]


#: letters after a legislator's name ("Jo Doe MLA")
_MEMBER_SUFFIXES = {"MLA", "MSP", "MS", "MEP", "MP"}
#: a run of capitalised words in a list entry's tail ("POLICE SERVICE OF", "ATTENDANCE:")
_CAPS_RUN = re.compile(r"(?<![\w'’(/-])[A-Z][A-Z'’&-]+:?(?:\s+[A-Z][A-Z'’&-]+:?)*(?![\w'’/-])")


def interleaved_headings(tails: list[str]) -> list[str | None]:
    """The block heading over each entry of a list whose headings were flattened in among its
    entries, or None. A two-column page ("POLICE SERVICE OF | Mr A Doe, Chief Constable",
    "ANYSHIRE IN | Mr B Roe, Deputy", "ATTENDANCE: | ...") reads as entries with heading words in
    their tails: a chain of capitals in consecutive tails that ends with "ATTENDANCE" heads the
    entries after the tail where the chain starts."""
    frags = [[w for m in _CAPS_RUN.finditer(t) for w in m.group(0).split()
              if w.rstrip(":") not in HONOURS | _MEMBER_SUFFIXES] for t in tails]
    out: list[str | None] = [None] * len(tails)
    chain: list[str] = []
    start: int | None = None
    for k, words in enumerate(frags):
        if not words:
            chain, start = [], None  # a tail with no heading words breaks the chain
        while words:
            start = k if start is None else start
            end = next((n for n, w in enumerate(words) if w.rstrip(":") == "ATTENDANCE"), None)
            if end is None:
                chain, words = chain + words, []
                continue
            heading = " ".join(chain + words[:end + 1])
            for j in range(start + 1, len(tails)):
                out[j] = heading
            chain, start, words = [], None, words[end + 1:]  # heading words after it start the next heading
    return out


def heading_status(heading: str, body: str | None) -> str:
    """Attendance status of a block headed "<BODY> OFFICIALS IN ATTENDANCE" / "<OTHER BODY> IN ATTENDANCE":
    the body's own officials and staff are officers; people from another body attend as guests."""
    words = {w.strip(":").lower() for w in heading.split()}
    if words & {"officials", "official", "officers", "officer", "staff", "secretariat", "clerk"}:
        return "officer_in_attendance"
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", body or "")} & {
        "board", "committee", "panel", "council", "partnership", "authority", "commission", "trust", "forum", "group"}
    return "officer_in_attendance" if words & own else "also_in_attendance"
