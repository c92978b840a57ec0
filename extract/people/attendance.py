"""Attendance from minutes and notes: Present, Officers in Attendance, Also in
Attendance, Apologies, substitutes ("substituting for"), who chaired, mode.

Entries wrap over lines ("Dr Jane Doe (Director of Public Health, City" / "and
Anytown)"); the first entry often sits on the heading's line ("Present: Cllr A, B").
"""
from __future__ import annotations

import re

from extract.names import HONOURS, PersonName, clean_text, looks_like_name, parse_person, split_name_post, split_names
from extract.organisations import split_post, _HEADS as _ORG_HEADS
from extract.records import MAX_PROSE_CHARS
from extract.people.common import attendance_meeting, listing_date, quote
from extract.people import posts
from extract.people.members import listing_body
from extract.people.posts import ROLE_ONLY
from extract.people.runon import (Entry, Section, aligned_posts, despace, heading_status, interleaved_headings, find_people, paper_forenames, sections, substitute_note,
                                  STATUS_LETTERS)
from extract.pipeline import Context, register
from extract.records import Document, Fact

_SECTION = re.compile(
    r"^(?P<head>(?:(?:members|councillors|board members)\s+)?present|attendees|attending|"
    r"(?:council\s+)?officers?\s+(?:in\s+attendance|present|attending)|in\s+attendance|also\s+(?:in\s+attendance|present|attending)|"
    r"apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?(?:received\s+)?from)?|substitutes?|observers?|"
    r"(?:remote|virtual|online)\s+(?:attendance|attendees|participation)|(?:attending|present)\s+(?:remotely|virtually|online))"
    r"\s*(?:[:\-–]\s*|$)(?P<rest>.*)$", re.IGNORECASE)
_APOLOGY_SENTENCE = re.compile(
    r"apologies\s+(?:for\s+absence\s+)?(?:were|was|had been|have been)?\s*(?:received|submitted|given|noted|tendered)?\s*"
    r"(?:on\s+behalf\s+of|from)\s+(?P<names>[^.]+)", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|item\s+\d+)\s+\S")
_SUB = re.compile(r"\((?:as\s+)?(?:substitut(?:e|ing)|deputi[sz]ing|sub)\s+(?:for\s+)?(?P<who>[^)]+)\)", re.IGNORECASE)
_SUB_TEXT = re.compile(r"(?:^|[\s,;(])(?:as\s+)?(?:substitut(?:e|ing)|deputi[sz]ing|attending|sub)\s+(?:for|on\s+behalf\s+of)\s+"
                       r"(?P<who>[^(),;]+)", re.IGNORECASE)
#: "Councillor C attended as a substitute for Councillor D." / "Cllr C substituted for Cllr D."
_SUB_SENTENCE = re.compile(r"(?P<who>(?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+)\s+(?:attended|was\s+present)\s+"
                           r"(?:the\s+meeting\s+)?as\s+(?:a|the)\s+substitute\s+(?:member\s+)?for\s+"
                           r"(?P<for>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)|"
                           r"(?P<who2>(?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+)\s+(?:substituted|deputised)\s+for\s+"
                           r"(?P<for2>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)|"
                           r"(?P<who3>(?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+)\s+attended\s+(?:the\s+meeting\s+)?in\s+place\s+of\s+"
                           r"(?P<for3>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)|"
                           r"substitution\s+of\s+(?P<who4>(?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+)\s+for\s+"
                           r"(?P<for4>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)")
_REMOTE_HEAD = re.compile(r"remote|virtual|online", re.IGNORECASE)
_OFFICER_POST = re.compile(r"\b(?:officer|clerk|secretary|secretariat|democratic services|minute[- ]taker|notes)\b",
                           re.IGNORECASE)
_CHAIRING = re.compile(r"\(\s*in\s+the\s+chair\s*\)", re.IGNORECASE)
_VIRTUAL = re.compile(r"\((?:virtual(?:ly)?|remote(?:ly)?|online|via\s+\w+)\)", re.IGNORECASE)
_IN_PERSON = re.compile(r"\((?:in\s+person|in\s+the\s+room)\)", re.IGNORECASE)


def _status(head: str) -> str:
    h = head.lower()
    if h.startswith("apolog"):
        return "apologies"
    if "officer" in h:
        return "officer_in_attendance"
    if h.startswith("also") or h.startswith("in attendance") or h.startswith("observer"):
        return "also_in_attendance"
    if h.startswith("substitut"):
        return "substitute"
    return "present"


def _plain(line: str) -> str:
    return clean_text(re.sub(r"<[^>]+>", " ", line.replace("**", "").replace("\t", " ")).lstrip("# "))


_MODE_HEAD = re.compile(r"^(?P<mode>in\s+person|in\s+the\s+room|virtually|virtual|remotely|remote|online|"
                        r"via\s+\w+(?:\s+\w+)?|on\s+(?:ms\s+)?teams|on\s+zoom)\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE)


def _mode_of(text: str) -> str:
    return "in_person" if re.match(r"in\s+(?:person|the\s+room)", text, re.I) else "virtual"


def _entries(lines: list[str], start: int, first: str) -> tuple[list[tuple[int, str, str | None]], int]:
    """Logical entries (line, text, mode) of a list after line `start` (0-based); `first` is on the heading line."""
    entries: list[list] = []
    mode: str | None = None
    first = _plain(first)
    mh = _MODE_HEAD.match(first)
    if mh:
        mode, first = _mode_of(mh.group("mode")), mh.group("rest") or ""
    if first.strip():
        entries.append([start + 1, first, mode])
    i = start + 1
    blank_run = 0
    while i < len(lines):
        raw = lines[i]
        text = _plain(raw)
        if not text:
            blank_run += 1
            if blank_run > 2:
                break
            i += 1
            continue
        blank_run = 0
        if _SECTION.match(text) or _ITEM.match(text):
            break
        if "|" in text:  # a table under the heading: "Name | Role | Organisation" rows
            cells = [c.strip() for c in text.strip().strip("|").split("|")]
            if all(re.fullmatch(r"[-:=\s]*", c) for c in cells) or \
                    re.fullmatch(r"(?:full\s+)?names?|members?|attendees?", cells[0], re.I):
                i += 1
                continue
            text = ", ".join(c for c in cells if c and not re.fullmatch(r"[-–]+", c))
        mh = _MODE_HEAD.match(text)
        if mh:
            mode = _mode_of(mh.group("mode"))
            if (mh.group("rest") or "").strip():
                entries.append([i + 1, mh.group("rest").strip(), mode])
            i += 1
            continue
        open_paren = entries and entries[-1][1].count("(") > entries[-1][1].count(")")
        if open_paren or text.startswith("(") or text[:1].islower() or (entries and entries[-1][1].endswith((",", "-", "–", "&", " and"))
                                                                      and not looks_like_name(" ".join(text.split()[:2]))):
            if not entries:
                break
            entries[-1][1] = (entries[-1][1] + " " + text).replace("- ", "-" if entries[-1][1].endswith("-") else "- ")
            i += 1
            continue
        person, _ = split_name_post(text)
        if person is None:
            break
        entries.append([i + 1, text, mode])
        i += 1
    return [(n, t, md) for n, t, md in entries], i


def _org_like(name: str) -> bool:
    """'Anytown Constabulary' after a comma is the person's body, not a second person."""
    return name.split()[-1].lower() in _ORG_HEADS


def _people(text: str) -> list[tuple[PersonName, str]]:
    """One entry -> [(person, rest)]; an entry may be a comma list of names."""
    bare = re.sub(r"\([^)]*\)", "", text)
    if ("," in bare or " and " in bare) and "(" not in text:
        parts = split_names(text)
        people = [(parse_person(p), "") for p in parts]
        if people and all(p and looks_like_name(p.name) and not _org_like(p.name) for p, _ in people):
            return [(p, "") for p, _ in people]  # type: ignore[misc]
    parts = split_names(text)
    if len(parts) > 1:
        # "Cllr A Doe (Co-Chair), Dr B Roe (Co-Chair)": each part a name with its own bracketed note
        split = [split_name_post(p) for p in parts]
        if all(p is not None and looks_like_name(p.name) and not _org_like(p.name) and
               len(post.split()) <= 8 for p, post in split):
            return [(p, post) for p, post in split]  # type: ignore[misc]
    person, post = split_name_post(text)
    return [(person, post)] if person else []


@register("govgraph.attendance.v1", order=25,
          reads=("lines", "meetings", "paper_date"),
          writes=("attendance", "membership", "position", "paper_forenames"))
def extract_attendance(doc: Document, context: Context):
    lines = doc.lines
    context.shared.paper_forenames = paper_forenames(lines)
    facts: list[Fact] = []
    seen: set[tuple] = set()
    subs: list[tuple] = []
    table_line: int | None = None
    table_head = ""
    i = 0
    while i < len(lines):
        text = despace(_plain(lines[i]))
        m = _SECTION.match(text) if text and len(text) < 400 else None
        secs = sections(text) if text else []
        if secs and secs[-1].status == "table":
            table_line, table_head = i, secs[-1].label
        elif text and not secs and table_line is not None and i - table_line <= 3 and len(_LETTER.findall(text)) >= 2:
            # the flattened table goes on over a line
            secs = [Section("table", table_head, 0, len(text), members=True)]
            table_line = i
        # a line holding a whole list, or several, after its labels ("Present: Cllr A, X Council Cllr B ...")
        whole = m is not None and m.group("rest").strip() and (i + 1 >= len(lines) or not lines[i + 1].strip() or
                                                                bool(_SECTION.match(despace(_plain(lines[i + 1])))))
        runon = False
        if secs and (m is None or len(secs) > 1 or len(text) >= 200 or whole):
            if m is None and not lines[i].rstrip().endswith(".") and i + 1 < len(lines) and _plain(lines[i + 1]) \
                    and not _ITEM.match(_plain(lines[i + 1])):
                # a sentence wrapped over lines: "... apologies from Mr A, Mr" / "B and Mrs C."
                joined, spans, after = _paragraph(lines, i)
                runon = _runon(context, facts, seen, sections(joined), joined, spans)
                if runon:
                    subs.extend(_substitutions(context, joined, i + 1, lines[i]))
                    i = after
                    continue
            runon = _runon(context, facts, seen, secs, text, i + 1, lines[i])
        meeting = attendance_meeting(context, i + 1) if m else None
        if runon or not m or i + 1 - meeting["line"] > 200:
            subs.extend(_substitutions(context, text, i + 1, lines[i]))
            if runon:
                i += 1
                continue
            if not secs and _HEADLESS.match(text) and attendance_meeting(context, i + 1)["line"] <= i + 1:
                joined, spans, nxt = _block(lines, i, headless=True)
                joined = "Present: " + joined
                spans = [(0, spans[0][1], spans[0][2])] + [(o + 9, n, r) for o, n, r in spans]
                if _runon(context, facts, seen, sections(joined), joined, spans):
                    i = nxt
                    continue
            if text and "apolog" in text.lower():
                ms = _APOLOGY_SENTENCE.search(text)
                meeting = attendance_meeting(context, i + 1)
                if ms:
                    for raw in split_names(ms.group("names")):
                        person = parse_person(raw)
                        if person and looks_like_name(person.name):
                            _add(facts, seen, meeting, person, "apologies", None, i + 1, lines[i], None, False)
            i += 1
            continue
        status = _status(m.group("head"))
        entries, nxt = _entries(lines, i, m.group("rest"))
        if not entries or m.group("rest").count(",") >= 2 or entries[0][1].count(",") >= 3:
            # the list opens with a sub-heading ("Representing Anytown Council:") or is not one entry a line
            joined, spans, after = _block(lines, i)
            secs = sections(joined)
            first_end = len(spans[1:2] and joined[:spans[1][0]] or joined)
            if not secs or secs[0].start > first_end:
                # "APOLOGIES" standing alone over its list: the heading's own status covers it
                secs.insert(0, Section(status, m.group("head"), first_end, secs[0].start - len(secs[0].label)
                                       if secs else len(joined), members=False))
            if _runon(context, facts, seen, secs, joined, spans):
                i = max(after, i + 1)
                continue
        if _REMOTE_HEAD.search(m.group("head")):  # "Remote attendance: Cllr A"
            entries = [(n, t, md or "virtual") for n, t, md in entries]
        split_entries = []
        for line_no, entry, list_mode in entries:
            # "Ms A Doe, Head of X; Mr B Roe, Clerk": entries separated by semicolons
            parts = [p.strip() for p in re.split(r";\s+", entry) if p.strip()]
            if len(parts) > 1 and all(split_name_post(p)[0] is not None for p in parts):
                split_entries.extend((line_no, p, list_mode) for p in parts)
            else:
                split_entries.append((line_no, entry, list_mode))
        for line_no, entry, list_mode in split_entries:
            for person, post in _people(entry):
                st, sub_for = status, None
                if st == "also_in_attendance" and m.group("head").lower().startswith("in attendance") and \
                        _OFFICER_POST.search(post):
                    st = "officer_in_attendance"  # "In attendance: Jane Doe (Governance Officer)"
                sub = _SUB.search(entry) or _SUB_TEXT.search(entry) or (
                    # under "Substitutes:": "Cllr A Doe for Cllr B Roe"
                    re.search(r"\s(?:for|in\s+place\s+of|replacing)\s+(?P<who>[^(),;]+)", entry) if status == "substitute"
                    else None)
                if sub:
                    sp = parse_person(sub.group("who"))
                    if sp:
                        st, sub_for = "substitute", sp.name
                post_clean = _IN_PERSON.sub("", _VIRTUAL.sub("", _SUB.sub("", post)))
                post_clean = re.sub(r"(?i)^\s*(?:virtual(?:ly)?|remote(?:ly)?|online|in person)\s*$", "", post_clean)
                if status == "substitute":
                    post_clean = re.sub(r"(?i)^\s*(?:for|in\s+place\s+of|replacing)\s+.*$", "", post_clean)
                post_clean = re.sub(r"(?i)(?:^|\s)(?:as\s+)?(?:substitut(?:e|ing)|deputi[sz]ing|attending|sub)\s+"
                                    r"(?:for|on\s+behalf\s+of)\s+.*$", "", post_clean)
                chairing = bool(_CHAIRING.search(entry))
                mode = "virtual" if _VIRTUAL.search(entry) else "in_person" if _IN_PERSON.search(entry) else list_mode
                _add(facts, seen, meeting, person, st, sub_for, line_no, lines[line_no - 1], mode, chairing)
                post_clean = re.sub(r"\(?\b(?:co-?chair|(?:vice[- ]?)?chair(?:man|woman|person)?|in the chair|observer|public questions?|member of the public)"
                                    r"\b\)?", "", post_clean, flags=re.I) if re.fullmatch(
                    r"(?:\s*\(?(?:co-?chair|(?:vice[- ]?)?chair(?:man|woman|person)?|in the chair|observer|public questions?|member of the public)\)?\s*)+",
                    post_clean, flags=re.I) else re.sub(r"\((?:co-?chair|(?:vice[- ]?)?chair(?:man|woman|person)?|in the chair|observer)\)", "", post_clean,
                                                        flags=re.I)
                post_only, org = split_post(post_clean)
                civic = [t for t in person.titles if t.lower() in ("mayor", "deputy mayor", "lord mayor")]
                if civic and not post_only and org:
                    post_only = civic[0]
                if st != "apologies" and (post_only or org) and not posts.chairs_own_body(post_only, meeting["body"]):
                    facts.append(Fact("position", {"person": person.name, "post": post_only, "organisation": org,
                                                   "as_of": meeting["date"], "surface": person.surface},
                                      line=line_no, quote=quote(_plain(lines[line_no - 1]))))
                for title in person.titles:
                    if title.lower() in ("mayor", "deputy mayor", "lord mayor"):
                        facts.append(Fact("position", {"person": person.name, "post": title, "organisation": None,
                                                       "as_of": meeting["date"], "surface": person.surface},
                                          line=line_no, quote=quote(_plain(lines[line_no - 1]))))
        i = max(nxt, i + 1)
    _inferred_presence(context, lines, facts, seen)
    _agenda_attendees(context, facts)
    for who, for_, meeting, line_no, raw in subs:
        own = [f for f in facts if f.type == "attendance" and f.fields["person"] == who.name and
               f.fields["meeting"] == meeting["id"]
               and f.fields["status"] in ("present", "substitute")]
        facts[:] = [f for f in facts if not (f.type == "attendance" and f.fields["person"] == who.name and
                                             f.fields["status"] == "apologies")]  # who attended in another's place
        if own:
            own[0].fields["status"], own[0].fields["substitute_for"] = "substitute", for_.name
        else:
            _add(facts, seen, meeting, who, "substitute", for_.name, line_no, raw, None, False)
    yield from facts


_CHAIR_NOTE = re.compile(r"\((?:joint\s+|co-?)?(?P<vice>vice[- ]?|deputy\s+)?chair(?:man|woman|person)?\b[^)]*\)|"
                         r"\((?:deputy\s+)?(?:town\s+|city\s+)?mayor\)|"
                         r"(?:^|[\s,–-])(?P<vice2>vice[- ]?|deputy\s+)?chair(?:man|woman|person)?\s*(?:[*,]|$)|"
                         r"(?:^|[\s,–-])(?:joint\s+|co-?)?(?P<vice3>vice[- ]?|deputy\s+)?chair(?:man|woman|person)?\s+of\b|"
                         r"\(?in\s+the\s+chair\)?", re.IGNORECASE)
_LETTER = re.compile(r"(?<![\w/])(P|Y|A|R|D/R|DNA|_)(?![\w/])")
#: a flattened attendance table's header: "Board Member P A DNA D/R", "NAME ROLE PRESENT APOLOGIES DEPUTY"
TABLE_HEAD = re.compile(r"\b(?:P\s+A\s+DNA|PRESENT\s+APOLOGIES(?:\s+DEPUTY(?:\s+ATTENDED)?)?)\b")
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])|\.(?=\s+(?:[A-Z][a-z]+\s+[a-z]|It\b|There\b|The\b|[A-Z][a-z]+\s+(?:[A-Z]\s+)*[A-Z][a-z]+\s+(?:attended|was|were|had|gave)\b)|\s*$)")


_PROSE_LINE = re.compile(r"^(?:[A-Z][a-z]+\s+){0,3}[a-z]+\s+[a-z]+\s+[a-z]+\b|(?i:\bin\s+the\s+chair\b)")
#: a list whose heading was lost: "Cllrs A Doe, B Roe (Deputy Mayor), C Poe," opening the minutes
_HEADLESS = re.compile(r"^(?:Cllrs|Councillors)\.?\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+(?:\s*\([^)]*\))?\s*,")


#: "Cllr A Doe, for whom Cllr B Roe was substitute" (same length, so offsets still hold)
_FOR_WHOM = re.compile(r",\s+for\s+whom\s+(.{3,60}?)\s+(?:was|attended\s+as)\s+(?:a\s+|the\s+)?substitute\b")


def _substitutions(context: Context, text: str, line_no: int, raw: str) -> list[tuple]:
    """(substitute, for whom, meeting, line, raw) of each substitution sentence in a text."""
    out = []
    for subm in _SUB_SENTENCE.finditer(text) if text and re.search(r"substitut|deputised|in place of", text, re.I) else ():
        who = parse_person(subm.group("who") or subm.group("who2") or subm.group("who3") or subm.group("who4"))
        for_ = parse_person(subm.group("for") or subm.group("for2") or subm.group("for3") or subm.group("for4"))
        if who and for_ and looks_like_name(who.name, 1) and looks_like_name(for_.name, 1) and \
                (who.titles or looks_like_name(who.name)):
            out.append((who, for_, attendance_meeting(context, line_no), line_no, raw))
    return out


def _paragraph(lines: list[str], i: int) -> tuple[str, list[tuple[int, int, str]], int]:
    """Lines i.. up to a blank line, joined with spaces, with the offset and line of each."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    offset, j = 0, i
    while j < len(lines) and _plain(lines[j]) and (j == i or not _ITEM.match(_plain(lines[j]))) and j - i < 12:
        text = despace(" ".join(re.sub(r"<[^>]+>", " ", lines[j]).replace("**", "").split()))
        spans.append((offset, j + 1, lines[j]))
        parts.append(text)
        offset += len(text) + 1
        j += 1
    return " ".join(parts), spans, j


def _block(lines: list[str], i: int, headless: bool = False) -> tuple[str, list[tuple[int, int, str]], int]:
    """The lines of a list from line i (0-based), joined with ' ; ' (a line ends an entry), with the
    offset and line of each; stops at an item heading, a prose line or a run of blank lines. In a
    list whose headings were lost, a later group of "Name, Post" lines is the officers in attendance."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    offset, blanks, j = 0, 0, i
    while j < len(lines):
        text = despace(" ".join(re.sub(r"<[^>]+>", " ", lines[j]).replace("**", "").split()).strip(" •*|-–"))
        if not text:
            blanks += 1
            if blanks > (4 if len(parts) <= 1 else 2) and parts:  # a heading may stand apart from its list
                break
            j += 1
            continue
        if j > i and (_ITEM.match(text) or re.fullmatch(r"\d+(?:\.\d+)*\.?", text) or len(text) > 250 or
                      (_PROSE_LINE.search(text) and not sections(text) and not re.search(r"[,:]\s*$", text))):
            break
        if headless and blanks and parts and not sections(text):
            text = "In attendance: " + text
        blanks = 0
        spans.append((offset, j + 1, lines[j]))
        parts.append(text)
        offset += len(text) + 3
        j += 1
    return " ; ".join(parts), spans, j


def _section(context: Context, facts: list[Fact], seen: set, sec: Section, text: str, where, meeting: dict,
             known: set[str]) -> tuple[bool, list[tuple[Entry, int, str]]]:
    """Attendance (and memberships) of the people listed in one labelled section of run-on text;
    (anyone given a status, the entries with their line)."""
    found = False
    listed: list[tuple[Entry, int, str]] = []
    chunk = _FOR_WHOM.sub(r" (\1 substituting)", text[sec.start:sec.end])
    end = next((e for e in _SENTENCE_END.finditer(chunk)
                if not re.search(r"\b(?:Insp|Supt|Prof|Revd?|Cllrs?|Capt|Sgt|Det|Ch|Co|Ltd|Dr|Mr|Mrs|Ms|No|Cty)$",
                                 chunk[:e.start()])), None)
    if end:
        chunk = chunk[:end.start()]
    letters = sec.status == "table"
    org = re.sub(r"\s*\([A-Z&]{2,8}\)\s*$", "", sec.org) if sec.org else None
    entries = find_people(chunk, known, letters=letters)
    lp = _POST_LABEL.match(sec.label)
    label_post = " ".join(w[:1].upper() + w[1:].lower() for w in lp.group("post").split()) if lp else None
    after = re.match(r"\s*[A-Z][A-Z ]+ATTENDANCE\s*:", text[sec.end:sec.end + 80])
    headings = interleaved_headings([e.tail for e in entries[:-1]] +
                                    [e.tail + (after.group(0) if after else "") for e in entries[-1:]])
    deputies = letters and "DEPUTY" in sec.label
    for k, (entry, heading) in enumerate(zip(entries, headings)):
        person, tail = entry.person, entry.tail
        line_no, raw = where(sec.start + entry.start)
        listed.append((entry, line_no, raw))
        status, sub_for = sec.status, None
        if heading and status not in ("apologies", "table"):
            status = heading_status(heading, meeting.get("body"))
        if letters:
            lm = _LETTER.search(tail)
            status = STATUS_LETTERS.get(lm.group(1)) if lm else None
            tail = _LETTER.sub(" ", tail)
            if deputies and status is None and k and re.search(r"(?<![\w/])A\s*$", entries[k - 1].tail):
                # "... PRESENT APOLOGIES DEPUTY": a name right after a row's "A" is the deputy who came instead
                _add(facts, seen, meeting, person, "substitute", entries[k - 1].person.name, line_no, raw, None, False)
                found = True
                continue
        if label_post and status != "apologies":
            _labelled_position(facts, person, label_post, tail, line_no, raw, meeting)
        if letters and not re.match(r"\s*(?:\([A-Z]{1,6}\)\s*)?[–—-]", tail):  # "Name – Post" rows are read by extract.people.posts
            _row_position(facts, person, tail, line_no, raw, meeting)
        is_sub, sub_for, substitute = substitute_note(tail)
        if is_sub and status == "apologies" and sub_for:
            is_sub, substitute = False, sub_for  # "Jane Doe (representative Bill Roe)": Roe came for Doe
        if is_sub and status == "present" and re.search(r"\(also\s+represent", tail, re.I):
            _add(facts, seen, meeting, person, "present", None, line_no, raw, None, False)  # and for another
        if is_sub and status != "apologies":
            status = "substitute"
            sub_for = (parse_person(sub_for).name if sub_for and parse_person(sub_for) else None)
        chair = _CHAIR_NOTE.search(tail)
        if status:
            _add(facts, seen, meeting, person, status, sub_for if status == "substitute" else None, line_no, raw,
                 None, bool(chair and re.search(r"in\s+the\s+chair", chair.group(0), re.I)))
            found = True
        labelled = re.search(r"\b(?:co-?opted|associate|independent|voting|lay)\s+member\b", tail, re.I)
        role = _chair_role(chair) if chair else ("member" if sec.members or labelled else None)
        if role and status != "substitute" and not (chair and not sec.members and "in the chair" in
                                                     chair.group(0).lower() and sec.status != "present"):
            body = _chaired_body(tail, chair) if chair else None
            _member(context, facts, person, role, None if body else org, line_no, raw, body)
        place = clean_text(tail).split(",")[0].strip() if sec.chairs else ""
        if place and 1 <= len(place.split()) <= 6 and place[:1].isupper():
            # "Community Partnership Chairs: Mr A Doe, Northdale": chair of the Northdale Community Partnership
            _member(context, facts, person, "chair", None, line_no, raw, f"{place} {sec.chairs}")
        if substitute:
            sp = find_people(substitute)
            if sp:
                _add(facts, seen, meeting, sp[0].person, "substitute", person.name, line_no, raw, None, False)
    return found, listed


def _runon(context: Context, facts: list[Fact], seen: set, secs: list[Section], text: str,
           line_no: int | list[tuple[int, int, str]], raw: str = "") -> bool:
    """Attendance from the labelled lists of run-on text; False when no person was found. `line_no`
    is the text's line, or (start offset, line, raw line) of each line joined into it."""
    spans = line_no if isinstance(line_no, list) else [(0, line_no, raw)]

    def where(offset: int) -> tuple[int, str]:
        start = max((sp for sp in spans if sp[0] <= offset), key=lambda sp: sp[0], default=spans[0])
        return start[1], start[2]

    meeting = attendance_meeting(context, spans[0][1])
    known = context.shared.paper_forenames or set()
    found = False
    listed: list[tuple[Entry, int, str]] = []
    for sec in secs:
        try:
            got, entries = _section(context, facts, seen, sec, text, where, meeting, known)
            if sec.status != "table":  # a table's rows are read with their status letters
                listed += entries
            found = found or got
        except Exception as exc:  # one unreadable list does not lose the paper's other lists
            context.warnings.append(f"attendance list at line {where(sec.start)[0]} skipped: {exc!r}")
    _aligned_positions(facts, listed, meeting)
    return found


_ATTENDANCE_NOTE = re.compile(r"\s*\((?:part|virtual|remote|in\s+person|\d)\)", re.IGNORECASE)
_NOT_A_POST = re.compile(r"^(?:members?\s+of\s+the\s+public|observer|guest|visitor)$", re.IGNORECASE)


def _aligned_positions(facts: list[Fact], listed: list[tuple[Entry, int, str]], meeting: dict) -> None:
    """A two-column table flattened into a run of bare names and then a run of their posts: the
    last name's tail holds every post of the run, in order ("Members: Jane Doe Bill Roe In
    attendance: Ann Poe Chair Chief Executive Director of Finance"). A name with its own post
    after it and no separator ("Ann Poe Head of Policy, Anytown Council Bill Roe ...",
    "Secretariat: Ann Poe Committee Clerk") is a row read across."""
    run: list[tuple[Entry, int, str]] = []
    for entry, line_no, raw in listed:
        run.append((entry, line_no, raw))
        tail = entry.tail
        if not tail.strip(" ;"):
            continue
        cut = aligned_posts(len(run), tail) if len(run) >= 3 and re.match(r"\s+[A-Z]", tail) else None
        if cut is None and len(run) == 1 and re.match(r"\s+[A-Z]", tail):
            _row_position(facts, entry.person, posts.clean_post(tail), line_no, raw, meeting)
        for (entry, line_no, raw), post in zip(run, cut or []):
            post = _ATTENDANCE_NOTE.sub("", post).strip()
            if _NOT_A_POST.match(post):
                continue
            if ROLE_ONLY.match(post):
                chair = _CHAIR_NOTE.search(post)
                for f in facts:  # "Interim Chair": the member chairs the body
                    if chair and f.type == "membership" and f.fields["person"] == entry.person.name and \
                            f.fields["role"] == "member":
                        f.fields["role"] = _chair_role(chair)
                continue
            title, org = split_post(post)
            if not title and org and len(run) < 3:
                continue  # "Ann Poe Anytown Council": a body, not a post column
            if not title and org:
                title = "Representative"  # an organisation alone in the post column: the person represents it
            facts.append(Fact("position", {"person": entry.person.name, "post": title, "organisation": org,
                                           "as_of": meeting["date"], "surface": entry.person.surface},
                              line=line_no, quote=quote(_plain(raw))))
        run = []


#: a label naming the post of everyone under it: "Mayoral Advisors in attendance", "Governors present:"
_POST_LABEL = re.compile(r"(?P<post>(?:[A-Z][a-z]+\s+)?(?:advis[eo]r|governor))s?\s+(?:in\s+attendance|present)", re.I)


def _labelled_position(facts: list[Fact], person: PersonName, post: str, tail: str, line_no: int, raw: str,
                       meeting: dict) -> None:
    """"Mayoral Advisors in attendance: Jane Doe (Housing)": the label's post, with the bracketed remit."""
    remit = re.match(r"\s*(?:,\s*)?\(([^()]{3,60})\)", tail)
    if remit and posts.POST_NOUN.search(remit.group(1)):
        return  # the entry prints its own post
    facts.append(Fact("position", {"person": person.name, "post": f"{post} ({remit.group(1)})" if remit else post,
                                   "organisation": None, "as_of": meeting["date"], "surface": person.surface},
                      line=line_no, quote=quote(_plain(raw))))


def _row_position(facts: list[Fact], person: PersonName, tail: str, line_no: int, raw: str, meeting: dict) -> None:
    """"Jane Doe Head of Housing, Anytown Council Y": the post and organisation of a flattened
    attendance table's row (status letters already taken out)."""
    text = clean_text(re.sub(r"\((?:[^()]*\bchair\w*|[^()]*represent[^()]*|deputy[^()]*)\)", " ", tail, flags=re.I))
    text = re.sub(r"^(?:(?:MP|MLA|MSP|MS|" + "|".join(HONOURS) + r")\b[\s,]*)+", "", text.strip(" ,;*"))
    if text.startswith("("):
        return  # "Jane Doe MP (Mayoral Advisor)": a bracketed post, read by extract.people.posts
    named = re.sub(r"\b(?:Executive|Officers?|Members?)\s+(?:Group|Board|Committee|Team|Forum)\b", "", text)  # a body's name
    if not text or not posts.POST_NOUN.search(" ".join(named.split()[:6])) or ROLE_ONLY.match(text.split(",")[0]) or \
            posts.chairs_own_body(text, meeting["body"]):
        return
    post, org = split_post(text)
    if post:
        facts.append(Fact("position", {"person": person.name, "post": post, "organisation": org,
                                       "as_of": meeting["date"], "surface": person.surface},
                          line=line_no, quote=quote(_plain(raw))))


_BY = re.compile(r"\b(?:proposed|moved|seconded)\s+by\s+(?P<after>.{3,60}?)(?=,|\s+and\b|\.|;|$)")
_ACTS = re.compile(r"(?P<before>(?:\S+\s+){1,14}?)(?:moved|seconded|proposed|presented|declared\s+an?\s+(?:\w+\s+)?interest|"
                   r"opened\s+the\s+(?:\w+\s+){0,3}(?i:meeting)|welcomed\s+(?:all|everyone|members|those)|"
                   r"updated\s+(?:the\s+)?(?:members|board|committee|panel|partnership|group)|gave\s+(?:a|an|the)\s+(?:\w+\s+)?"
                   r"(?:update|presentation|report)|took\s+the\s+chair|left\s+the\s+(?:room|meeting)|re-?entered\s+the\s+room|"
                   r"joined\s+the\s+meeting)\b")
_CHOSEN = re.compile(r"\b[Tt]hat\s+(?P<after>.{3,60}?)\s+be\s+(?:re-?)?(?:elected|appointed)\b|"
                     r"(?P<before>(?:\S+\s+){1,6}?)(?:was|were)\s+(?:re-?)?(?:elected|appointed)\b")


def _agenda_attendees(context: Context, facts: list[Fact]) -> None:
    """An agenda's "In attendance" names who is expected, not who came: additional attendees of the body."""
    agendas = {m["id"]: m for m in context.shared.meetings if m["role"] == "agenda"}
    if not agendas or any(m["role"] in ("minutes", "notes") for m in context.shared.meetings):
        return
    for k, f in enumerate(facts):
        meeting = agendas.get(f.fields.get("meeting")) if f.type == "attendance" else None
        if meeting and f.fields["status"] in ("officer_in_attendance", "also_in_attendance"):
            facts[k] = Fact("membership", {
                "person": f.fields["person"], "body": meeting["body"], "role": "additional attendee", "post": None,
                "affiliation": None, "as_of": meeting["date"], "source": "attendance_list",
                "surface": f.fields.get("surface"), "titles": f.fields.get("titles", [])}, line=f.line, quote=f.quote)


def _inferred_presence(context: Context, lines: list[str], facts: list[Fact], seen: set) -> None:
    """People the minutes show taking part (moving, seconding, presenting, declaring an interest,
    being elected) were present, when no list already gives them a status."""
    def known(name: str) -> bool:
        last = name.split()[-1].lower()
        return any(f.type == "attendance" and (f.fields["person"] == name or
                                               f.fields["person"].lower().split()[-1] == last) for f in facts)

    for number, raw in enumerate(lines, 1):
        text = _plain(raw) if len(raw) <= MAX_PROSE_CHARS else ""
        if not text or not re.search(r"moved|seconded|proposed|presented|declared|elected|appointed|opened|welcomed|"
                                        r"updated|gave|took the chair|left the|entered the|joined the", text):
            continue
        people: list[PersonName] = []
        for m in _BY.finditer(text):
            found = find_people(re.split(r",|\band\b|\.", m.group("after"))[0])
            people += [e.person for e in found[:1] if e.titled or len(e.person.tokens) >= 2]
        for m in list(_ACTS.finditer(text)) + list(_CHOSEN.finditer(text)):
            if m.groupdict().get("after"):
                found = find_people(m.group("after"))
                people += [e.person for e in found[:1] if e.titled and not e.tail.strip()]
            elif m.group("before"):
                found = find_people(m.group("before"))
                if found and not found[-1].tail.strip():
                    # "A Doe, B Roe and C Poe left the room": the run of names before the verb
                    k = len(found) - 1
                    while k and found[k - 1].tail.strip() in (",", "and", "&", ", and"):
                        k -= 1
                    people += [e.person for e in found[k:] if e.titled or len(e.person.tokens) >= 2]
        for person in people:
            if not known(person.name):
                _add(facts, seen, attendance_meeting(context, number), person, "present", None, number, raw, None,
                     False)


def _chair_role(m: re.Match) -> str:
    text = m.group(0).lower()
    if re.search(r"vice|deputy", text):
        return "vice-chair"
    return "co-chair" if re.search(r"joint|co-?chair", text) else "chair"


_CHAIRED = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?(?:(?P<org>[A-Z][\w&,'’ -]{2,80}?\s(?:Group|Board|Committee|Sub-Committee|"
                      r"Partnership|Panel|Forum|Network))\b|(?P<acro>[A-Z]{2,8})(?=\s*(?:[,;*]|$)))")


_CHAIR_OF_IN_NOTE = re.compile(r"\((?:joint\s+|co-?)?(?:vice[- ]?|deputy\s+)?chair(?:man|woman|person)?,?\s+(?:of\s+)?(?:the\s+)?"
                               r"(?P<org>[A-Z][^()]{2,80}?\s(?:Group|Sub-?[Gg]roup|Board|Committee|Sub-Committee|"
                               r"Partnership|Panel|Forum|Network))\s*\)", re.IGNORECASE)


def _chaired_body(tail: str, chair: re.Match) -> str | None:
    """"Chair, Children's Executive Group": the body a listed person chairs, when it is named."""
    if "(" in chair.group(0):
        m = _CHAIR_OF_IN_NOTE.match(chair.group(0))  # "(Co-Chair Anytown Housing Subgroup)"
        return clean_text(m.group("org")) if m else None
    m = _CHAIRED.match(tail[chair.end():]) if chair.group(0).rstrip().endswith((",", "of")) else None
    return clean_text(m.group("org") or m.group("acro")) if m else None


def _member(context: Context, facts: list[Fact], person: PersonName, role: str, affiliation: str | None,
            line_no: int, raw: str, body: str | None = None) -> None:
    """A membership of the meeting's body (or of the body a listed chair chairs), for people a list
    labels as members or as chairs."""
    body = body or listing_body(context, line_no, None)
    if not body:
        return
    facts.append(Fact("membership", {"person": person.name, "body": body, "role": role, "post": None,
                                     "affiliation": affiliation, "as_of": listing_date(context, line_no),
                                     "source": "attendance_list", "surface": person.surface, "titles": person.titles},
                      line=line_no, quote=quote(_plain(raw))))


def _add(facts: list[Fact], seen: set, meeting: dict, person: PersonName, status: str, sub_for: str | None,
         line: int, raw: str, mode: str | None, chairing: bool) -> None:
    key = (person.name, meeting["id"], status)
    if key in seen:
        return
    seen.add(key)
    if status == "apologies":
        mode = None
    else:
        mode = mode or meeting.get("mode") or "in_person"
    fields = {"person": person.name, "meeting": meeting["id"], "date": meeting["date"], "status": status,
              "substitute_for": sub_for, "mode": mode, "surface": person.surface, "titles": person.titles}
    if chairing:
        fields["chairing"] = True
    facts.append(Fact("attendance", fields, line=line, quote=quote(_plain(raw))))
