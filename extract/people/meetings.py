"""Meetings inside a paper: agendas, minutes, notes and attendance sheets.

An agenda pack holds the meeting's agenda, the previous meeting's minutes and
reports; each header found gives a `meeting` fact (id body-date, body, date, role).
The paper's own meeting date goes to `context.shared.paper_date` and `doc.date`.
"""
from __future__ import annotations

import re
from typing import Any

from extract.dates import find_dates, iso, parse_date
from extract.names import clean_text
from extract.people.common import BODY_HEAD, SMALL, quote, slug, smart_title
from extract.pipeline import Context, register
from extract.records import Document, Fact

_MINUTES = re.compile(r"^(?:draft\s+|confirmed\s+|unconfirmed\s+)?minutes\s+of\s+(?:an?\s+|the\s+)?"
                      r"(?:(?:extraordinary|ordinary|special|virtual|remote|annual)\s+)?(?:meeting|meetings)\s+of\s+"
                      r"(?:the\s+)?(?P<body>.+?)(?:\s+held\b.*)?$", re.IGNORECASE)
#: "Minutes of the Parks Committee [held on ...]": a heading naming the body without "meeting of"
_MINUTES_OF = re.compile(r"^(?:draft\s+|confirmed\s+|unconfirmed\s+)?minutes\s+of\s+(?:the\s+)?"
                         r"(?P<body>(?!(?:previous|last|next|this|that|meeting|meetings|an?)\b).+?)(?:\s+meeting)?"
                         r"(?:\s+(?:held|on|dated?)\b.*|\s*[-–:,]\s*(?:\w+day,?\s+)?\d.*)?$", re.IGNORECASE)
_MINUTES_SHORT = re.compile(r"^(?P<body>.+?)\s*[-–:]?\s+(?:draft\s+)?minutes$", re.IGNORECASE)
_AGENDA = re.compile(r"^agenda\b(?!\s*item)(?P<rest>.*)$", re.IGNORECASE)
_NOTES = re.compile(r"^(?:(?:notes|note|action notes|record)\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?"
                    r"(?P<body1>.+?)|(?P<body2>.+?)\s*[-–:]?\s*(?:key points raised|notes and actions|action notes|"
                    r"notes of (?:the )?meeting|meeting notes|summary notes|key points)\b.*)$", re.IGNORECASE)
_BARE_MEETING = re.compile(r"^(?:(?P<kind>notes|minutes|record|action notes)\s+of\s+(?:the\s+|a\s+)?)?"
                           r"(?:(?:extraordinary|ordinary|special|annual|virtual|remote)\s+)?meeting\s+"
                           r"(?:of|on|held\s+on|held)\s+(?:on\s+)?(?P<rest>(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}.*)$",
                           re.IGNORECASE)
#: "Oakhollow Safeguarding Adult Board (OSAB)": the body's acronym after its name
_ACRONYM_TAIL = re.compile(r"\s*\([A-Z&]{2,8}\)\s*$")
_SHEET = re.compile(r"^(?P<body>.*?)\s*attendance\s+(?:sheet|record|register|list)\b(?P<rest>.*)$", re.IGNORECASE)
_COVER = re.compile(r"^(?P<body>[A-Z][A-Za-z&'’ ]{3,80}?)\s*[-–:,]\s*(?P<date>.+\d{4}\b.*)$")
_REMOTE = re.compile(r"\b(?:remotely|virtual(?:ly)?|online|via (?:ms )?teams|microsoft teams|zoom|live[- ]?streamed)\b",
                     re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(?:date(?: of meeting)?|meeting date|held on)\s*[:\-]\s*", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+'?(?P<year>\d{2}|\d{4})\b",
                         re.IGNORECASE)


_HYBRID = re.compile(r"\b(?:hybrid|in person and (?:online|virtually|remotely)|(?:chamber|room|hall|centre|offices?)"
                     r"\s+and\s+(?:online|virtually|remotely|via\b))", re.IGNORECASE)


def _mode(window: str) -> str:
    """Default mode of a meeting's attendees: a hybrid meeting ("held in the Chamber and online")
    is in person unless an entry says otherwise; a remote one is virtual."""
    if _HYBRID.search(window):
        return "in_person"
    return "virtual" if _REMOTE.search(window) else "in_person"


def _clean(line: str) -> str:
    text = re.sub(r"<[^>]+>", " ", line)
    text = clean_text(text.replace("\t", " ")).strip("#* ")
    return " ".join(text.split())


def _body(text: str) -> str | None:
    text = re.sub(r"\s*\(.*?\)\s*$", "", clean_text(text)).strip(" -–:,")
    text = re.sub(r"^(?:the|a)\s+", "", text, flags=re.IGNORECASE)
    if re.match(r"^(?:venue|location|place|room|address|time|date|where|when|in attendance|present|apologies)\s*:", text, re.IGNORECASE) \
            or re.match(r"^(?:in|at)\s", text) or re.search(r"\b(?:committee\s+)?room\s+\w+\b", text, re.I):
        return None  # "Venue: Committee Room 2" names a room, not a body
    text = re.sub(r"^(?:(?:extraordinary|special|annual|ordinary)\s+)?meeting\s+of\s+(?:the\s+)?", "", text,
                  flags=re.IGNORECASE).strip(" .")
    # "advertisement Summary of the X Board Meeting", "Report X Board", "Future arrangements for the X Board":
    # a web page's stray word or a report's title around the body's name
    text = re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", text)
    text = re.sub(r"\s+(?:held(?:\s+(?:on|at))?|on|at|dated)$", "", text)  # "Meeting of the Board on <date>"
    text = re.sub(r"\s+meeting$", "", re.sub(r"^(?:report|summary|update|briefing)\s+(?=[A-Z])", "", text, flags=re.I), flags=re.I)
    inner = re.search(r"\b(?:of|for|to|from)\s+the\s+(?P<rest>[A-Z][^()]*?" + BODY_HEAD.pattern + r")$", text)
    if inner and not text.isupper():
        text = inner.group("rest")
    if not text or len([w for w in text.split() if w not in "-–"]) > 12 or not BODY_HEAD.search(text) or \
            re.search(r"\b(?:members(?:hip)?|attendees|agenda|minutes|contact|documents|details|papers)\b", text, re.I) or \
            re.search(r"\b(?:be|that|was|were|is|are|has|have|had|will|would)\s", text) or \
            len([w for w in text.split() if w.islower() and w not in SMALL]) > 2:  # a sentence, not a name
        return None
    return smart_title(text)


def _without_dates(text: str) -> str:
    for _, start, end in reversed(find_dates(text)):
        text = text[:start] + text[end:]
    return _WEEKDAY_TAIL.sub("", text.strip()).strip(" -–:,")


def _date_near(lines: list[str], start: int, span: int = 5) -> tuple[str | None, int]:
    """First full date on lines[start:start+span] (0-based), with its 1-based line."""
    seen = 0
    i = start
    while i < len(lines) and seen < span:
        text = _clean(lines[i])
        if text:
            seen += 1
            if seen > 1 and (_AGENDA.match(text) or _MINUTES.match(text)):
                break
            if re.match(r"^(?:item\s+)?\d+(?:\.\d+)*\.?\s+[A-Z]", text) and not re.match(r"^\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}", text):
                break  # a numbered agenda item ("3. Minutes of the meeting held on 11 January 2023") has its own date
            found = find_dates(text)
            if found:
                return found[0][0].isoformat(), i + 1
        i += 1
    return None, start + 1


def _date_above(lines: list[str], index: int, span: int = 8) -> str | None:
    """The meeting date printed in the header lines above a sheet heading ("Date: 13 July 2022")."""
    i, seen = index - 1, 0
    while i >= 0 and seen < span:
        text = _clean(lines[i])
        if text:
            seen += 1
            if _AGENDA.match(text) or _MINUTES.match(text) or len(text) > 160:
                return None
            found = find_dates(text)
            if found:
                return found[0][0].isoformat()
        i -= 1
    return None


def _body_above(lines: list[str], index: int, span: int = 12) -> str | None:
    """The body named in short lines above line `index` (0-based); joins a name split over lines."""
    i = index - 1
    seen = 0
    while i >= 0 and seen < span:
        text = _clean(lines[i])
        if text:
            seen += 1
            if len(text) < 80 and "\t" not in lines[i] and "<" not in lines[i] and "|" not in lines[i]:
                parts = [text]
                j = i - 1
                while j >= 0 and len(parts) < 4:
                    prev = _clean(lines[j])
                    if not prev or len(prev) > 25 or find_dates(prev) or re.search(r"\d", prev) or \
                            re.search(r"\b(?:Director|Manager|Officer|Head|Chief|Lead|Programme)\b", prev):
                        break  # a document code ("FS 566728") or a post line is no part of the body's name
                    parts.insert(0, prev)
                    j -= 1
                for k in range(len(parts)):
                    body = _body(" ".join(parts[k:]))
                    if body and not find_dates(body):
                        return body
        i -= 1
    return None


def find_meetings(doc: Document) -> list[dict[str, Any]]:
    lines = doc.lines
    found: list[dict[str, Any]] = []
    for idx, raw in enumerate(lines):
        text = _clean(raw)
        if not text or len(text) > 160:
            continue
        number = idx + 1
        generic = None
        m = _MINUTES.match(text)
        if not (m and _body(m.group("body"))) and len(text) < 120 and not text.endswith("."):
            short = _MINUTES_OF.match(text)
            if short and len(short.group("body").split()) >= 2 and _body(short.group("body")) and \
                    re.search(BODY_HEAD.pattern + r"$", _ACRONYM_TAIL.sub("", short.group("body")), re.IGNORECASE):
                m = short
            elif short and len(short.group("body").split()) == 1 and BODY_HEAD.fullmatch(short.group("body")):
                # "Minutes of the Board meeting held on ...": the body is named in full in the heading above
                above = _body_above(lines, idx)
                if above and above.lower().endswith(short.group("body").lower()):
                    m, generic = short, above
        if m and _body(m.group("body")):
            body = generic or _body(m.group("body"))
            date = iso(parse_date(text))
            date_line = number
            if not date:
                date, date_line = _date_near(lines, idx + 1)
            # a "Remote attendance:" / "Attending remotely:" list names the exceptions, not the meeting's mode
            window = " ".join(_clean(x) for x in lines[max(0, idx - 4): idx + 8]
                              if not re.match(r"^\s*(?:(?:remote|virtual|online)\s+(?:attendance|attendees|participation)|"
                                              r"(?:attending|present|joined)\s+(?:remotely|virtually|online))\b",
                                              _clean(x), re.IGNORECASE))
            # an entry's own marker ("Cllr Doe (virtual)") says nothing about the meeting
            window = re.sub(r"\((?:virtual(?:ly)?|remote(?:ly)?|online|via [^)]*)\)", " ", window, flags=re.IGNORECASE)
            found.append(dict(role="minutes", body=body, date=date, line=date_line,
                              header=number, quote=quote(lines[date_line - 1]),
                              mode=_mode(window)))
            continue
        m = _AGENDA.match(text)
        if m and len(text) >= 60 and not (re.match(r"^\s*(?:for\s+)?(?:the\s+|a\s+)?meeting\b", m.group("rest"), re.I)
                                          and parse_date(m.group("rest")) and len(text) < 140):
            m = None  # "Agenda for the meeting to be held on Wednesday 15 February 2023 at 10.00 am" is a header
        if m:
            date = iso(parse_date(m.group("rest")))
            date_line = number
            if not date:
                date, date_line = _date_near(lines, idx + 1, 3)
            body = _body_above(lines, idx)
            if body and not date and any(f["role"] == "agenda" and f["body"] == body and f["date"] for f in found):
                continue  # the "AGENDA" heading over the item list of a meeting already dated above
            if body:
                found.append(dict(role="agenda", body=body, date=date, line=number if not date else date_line,
                                  header=number, quote=quote(lines[(number if not date else date_line) - 1]),
                                  mode=None))
            continue
        m = _SHEET.match(text)
        if m and (len(text) > 100 or text.endswith(".") or re.match(r"^\d", text)):
            m = None  # a sentence about the sheet ("those listed on the attendance sheet above.")
        if m:
            body = _body(_without_dates(m.group("body"))) or _body_above(lines, idx)
            if body:
                date = iso(parse_date(m.group("rest")) or parse_date(m.group("body")))
                month = _MONTH_YEAR.search(m.group("rest"))
                if not date and not month:
                    date = _date_above(lines, idx)
                found.append(dict(role="attendance", body=body, date=date, line=number, header=number,
                                  quote=quote(raw), mode=None, month=month.groups() if month else None))
            continue
        m = _BARE_MEETING.match(text)
        if m and len(text) < 90 and parse_date(m.group("rest")):
            # "Meeting of 21 January 2025" / "Notes of the meeting held on 21 January 2025": the body is
            # the heading above
            body = _body_above(lines, idx)
            if body:
                role = "notes" if m.group("kind") else "agenda"
                found.append(dict(role=role, body=body, date=iso(parse_date(m.group("rest"))), line=number,
                                  header=number, quote=quote(raw), mode=None,
                                  earlier=(m.group("kind") or "").lower() == "minutes"))
                continue
        m = _NOTES.match(text)
        if m:
            body = _body(m.group("body1") or m.group("body2") or "")
            if body:
                date, date_line = _date_near(lines, idx, 6)
                found.append(dict(role="notes", body=body, date=date, line=date_line, header=number,
                                  quote=quote(lines[date_line - 1]), mode=None))
                continue
        m = _COVER.match(text)
        if m and _body(m.group("body")) and parse_date(m.group("date")) and len(text) < 90:
            found.append(dict(role="agenda", body=_body(m.group("body")), date=iso(parse_date(m.group("date"))),
                              line=number, header=number, quote=quote(raw), mode=None, cover=True))
    _own_meeting_from_head(lines, found)
    _fill_sheet_dates(found)
    _unify_bodies(found)
    for m in found:
        m["id"] = f"{slug(m['body'])}-{m['date'] or 'undated'}"
    return found


# --- the paper's own meeting, read from its head -------------------------------------------------------------

#: "Minutes of the Meeting [of the X] held ... on <date>", "At a meeting of the X held in ... on <date>"
_OPENING = re.compile(r"(?:\bminutes?\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?meeting|\bat\s+(?:the\s+|an?\s+)"
                      r"(?:[\w-]+\s+){0,2}?meeting)(?:\s+of\s+(?:the\s+)?(?P<body>[^,;]{3,100}?))?\s+held\b(?P<rest>.{0,300})",
                      re.IGNORECASE)
#: "Anytown Community Council held their meeting at 7.00pm on the 11th May 2016 at ..."
_HELD_THEIR = re.compile(r"^(?P<body>[A-Z][\w&,'’ -]{3,80}?)\s+held\s+(?:their|its|a|an)\s+(?:[\w-]+\s+)?meeting\b(?P<rest>.{0,200})")
#: words before a date that make it some other meeting's or the paper's publication date, not this meeting's
_NOT_OWN_DATE = re.compile(r"\b(?:the\s+minutes\s+of|approve[sd]?|confirm(?:ed|s)?|signed|agreed|previous|last|publication|published|"
                           r"deadline|call-in|issued|despatched|dispatched|printed|circulated|updated|revised|version)\b"
                           r"[^.;]{0,50}$", re.IGNORECASE)
_ITEM_MARK = re.compile(r"^\s*\(?(?:[A-Za-z]|[ivx]{1,4}|\d{1,3})[.)]\s")
_WEEKDAY_TAIL = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
#: "<Trust> Minutes of the Board Meeting": the body is the organisation's board
_ORG_MINUTES = re.compile(r"^(?P<org>.+?)\s+(?:(?:confirmed|draft|unconfirmed)\s+)?minutes\s+of\s+(?:the\s+)?"
                          r"(?P<head>[\w&' -]+?)\s+meeting\b", re.IGNORECASE)
_TITLE_NOISE = re.compile(r"(?:^|\s)(?:(?:agenda|decisions|confirmed|draft|unconfirmed)\s*(?:,|and)?\s*)*"
                          r"(?:minutes?|agenda)(?:\s+of\s+(?:the\s+)?)?(?=\s|$)|\bmeeting(?:\s+(?:no\.?\s*)?\d+)?\s*$|"
                          r"\bdate(?:\s+of(?:\s+(?:the\s+)?meeting)?)?\s*:?\s*$|"
                          r"^\s*(?:meeting|date(?:\s+of(?:\s+the)?\s+meeting)?|meeting\s+date|title\s+of\s+meeting)\s*:\s*",
                          re.IGNORECASE)
#: minutes record proceedings: who was present, what was resolved
_MINUTES_CUES = re.compile(r"^\W*(?:p\s?r\s?e\s?s\s?e\s?n\s?t|apologies(?:\s+for\s+absence)?|in\s+attendance|also\s+present)"
                           r"\s*(?::|$)|\bseconded\s+by\b|\btook\s+the\s+chair\b|\bresolved\b|\bapologies\s+(?:for\s+absence\s+)?were\s+(?:received|noted|submitted)|"
                           r"\bthe\s+chair(?:man|person)?\s+(?:opened|welcomed)\b|\bminutes\s*:\s", re.IGNORECASE | re.MULTILINE)
#: "the Panel", "Chair of the Fire and Rescue Authority": the body a paper keeps naming
_THE_BODY = re.compile(r"\bthe\s+(?:(?:newly|new|established|strategic|full)\s+)*(?P<body>(?:[A-Z][\w'’&-]*\s+"
                       r"(?:(?:and|of|for|&)\s+)?){0,6}(?:Board|Committee|Sub-Committee|Partnership|Panel|Group|Forum|"
                       r"Council|Commission|Cabinet|Assembly|Executive|Network|Alliance|Authority|Trust))\b")


def _head(lines: list[str], count: int = 12) -> list[int]:
    """Indexes of the paper's first non-blank lines: its title block."""
    return [i for i, raw in enumerate(lines) if raw.strip()][:count]


def _paper_role(lines: list[str], head: list[int]) -> str | None:
    """'minutes' when the title says so (or the paper records proceedings), 'agenda' for an agenda; None when
    the paper is no meeting paper at all."""
    title = " ".join(_clean(lines[i])[:160] for i in head)  # a heading, or the opening of a run-on line
    title = re.sub(r"\bminutes\b[^.]{0,60}\b(?:were|was|be|are)\s+(?:agreed|approved|confirmed|signed|noted|received)\b|"
                   r"\b(?:minutes\s+of\s+(?:the\s+)?(?:previous|last)\s+meeting|(?:approve|confirm|sign)\w*\s+[^.]{0,40}minutes)",
                   " ", title, flags=re.IGNORECASE)
    if re.search(r"\bminutes?\b", title, re.IGNORECASE):
        return "minutes"
    if re.search(r"\b(?:board\s+papers|papers\s+for\s+(?:this|the)\s+meeting)\b", title, re.I):
        return "agenda"  # "For a copy of the full Board Papers for this meeting ...": an agenda page
    cues = _MINUTES_CUES.search("\n".join(lines[:400]))
    if re.search(r"\bagenda\b", title, re.IGNORECASE) and not cues:
        return "agenda"
    return "minutes" if cues else None


def _title_body(text: str) -> str | None:
    """The body a title fragment names, without 'Minutes', 'Agenda and minutes', 'Meeting 2' or a label."""
    m = _ORG_MINUTES.match(text)
    if m:
        inner = _body(m.group("head"))
        if inner and len(inner.split()) == 1:
            return _body(f"{m.group('org')} {inner}")  # "<Trust> Minutes of the Board Meeting"
        if inner:
            return inner
    # labelled fields ("Title of Meeting: Board Meeting (Business) Date of"): each field on its own
    for part in re.split(r"\b(?:title\s+of\s+meeting|meeting|date(?:\s+of(?:\s+the)?\s+meeting)?)\s*:\s*", text, flags=re.I):
        for _ in range(3):
            part = re.sub(r"\s*\([^()]*\)\s*$", "", _TITLE_NOISE.sub(" ", part)).strip(" -–:,|")
        body = _body(part) if part and not re.search(r"\d", part) else None
        if body:
            return body
    return None


def _line_body(lines: list[str], idx: int, text: str, start: int, end: int) -> str | None:
    """The body named on a dated title line, before the date or after it, or in the heading above."""
    before = _WEEKDAY_TAIL.sub("", text[:start]).strip(" -–:,|")
    after = re.sub(r"^\s*(?:at\s+)?\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:-|–|to)\s*\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?)?",
                   "", text[end:]).strip(" -–:,|")
    here = _title_body(before) if before and len(before) < 160 else None
    prev = next((_clean(lines[i]) for i in range(idx - 1, -1, -1) if lines[i].strip()), "")
    above = _body_above(lines, idx) or (_title_body(prev) if len(prev) < 160 else None)
    if here and above and (here.lower().endswith(above.lower()) or above.lower().endswith(here.lower())):
        # "Bwrdd ... Caerlas Public Services Board" under the title "Caerlas Public Services Board";
        # "Meeting of the Board on <date>" under "Anytown Children's Trust Board"
        return above if here.lower().endswith(above.lower()) else max(here, above, key=len)
    return here or above or (_title_body(re.split(r"\s+[-–|]\s+|,\s+", after)[0]) if after else None) or \
        (_title_body(re.split(r"\s+[-–|]\s+", after)[1]) if after.count(" - ") + after.count(" – ") else None)


def _body_mentioned(lines: list[str]) -> str | None:
    """The body the paper keeps calling 'the X' ('the Panel', 'the Fire and Rescue Authority')."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for raw in lines[:400]:
        text = _clean(raw)
        for m in _THE_BODY.finditer(text):
            name = m.group("body")
            head = name.split()[-1].lower()
            # "meeting of the X" names the paper's own body; a passing "the X" may be anyone's
            weight = 5 if re.search(r"\bmeeting\s+of\s*$", text[max(0, m.start() - 40):m.start()], re.I) else 1
            counts[head] = counts.get(head, 0) + weight
            if len(name.split()) > 1:
                names.setdefault(head, name)
                counts[name] = counts.get(name, 0) + weight
            names.setdefault(head, name)
    if not counts:
        return None
    head = max((h for h in counts if " " not in h and h == h.lower()), key=lambda h: counts[h], default=None)
    if head is None:
        return None
    full = [n for n in counts if " " in n and n.split()[-1].lower() == head]
    return _body(max(full, key=lambda n: (counts[n], len(n))) if full else names[head])


def _head_date(lines: list[str], head: list[int]) -> tuple[int, Any, str | None] | None:
    """(index, date, body) of the paper's own meeting date in its title block; None when it prints none."""
    for idx in head:
        text = _clean(lines[idx])[:800]
        held = _HELD_THEIR.match(text)
        if held and find_dates(held.group("rest")) and _body(held.group("body")):
            return idx, find_dates(held.group("rest"))[0][0], _body(held.group("body"))
        for m in _OPENING.finditer(text):
            if _NOT_OWN_DATE.search(text[max(0, m.start() - 60):m.start()]) or \
                    re.search(r"\b(?:previous|last)\s+meeting", m.group(0), re.IGNORECASE):
                continue
            dates = find_dates(m.group("rest"))
            if dates:
                body = _body(m.group("body")) if m.group("body") else None
                return idx, dates[0][0], body or _line_body(lines, idx, text, m.start(), m.start())
        for value, start, end in find_dates(text):
            if start > 200:
                break  # deep in a run-on paragraph: a date in the proceedings, not the title's
            if _NOT_OWN_DATE.search(text[max(0, start - 60):start]) or _ITEM_MARK.match(text):
                continue  # "C. The Minutes of the Council held on ..." is an item about another meeting
            return idx, value, _line_body(lines, idx, text, start, end)
    return None


def _own_meeting_from_head(lines: list[str], found: list[dict[str, Any]]) -> None:
    """The paper's own meeting from its title block, in every form councils print it: "<Body> - Friday, 19th July,
    2024 10.00 am", the body over a date line, "Date of Meeting:", "Minutes of the meeting held on ...", "At a
    meeting of the X held ... on ...". A meeting paper that prints no date still gets its meeting, undated, so
    its attendance has a meeting to attach to. A date is never guessed."""
    head = _head(lines)
    if not head:
        return
    role = _paper_role(lines, head)
    own = [m for m in found if m["header"] <= head[-1] + 1]
    if own and role == "minutes":
        # "Minutes of the meeting held on 30 July 2024" inside minutes heads the item approving an earlier meeting
        found[:] = [m for m in found if not (m.get("earlier") and m["date"] != own[0]["date"] and m not in own)]
    if own:
        dated = next((m for m in own if m["date"]), None)
        for m in own:  # "X - 29 October 2024" over "MINUTES of a meeting of the X held in ...": one meeting
            if dated and not m["date"] and slug(m["body"]) == slug(dated["body"]):
                m["date"] = dated["date"]
            if m.pop("cover", False) and role == "minutes":
                m["role"] = "minutes"  # "Agenda and minutes" page: the <Body> - <date> line heads the minutes
        return
    if role is None:
        return
    dated = _head_date(lines, head)
    if dated:
        idx, value, body = dated
        for i in head:  # "Policing Board Minutes 6 May 2021" over "MINUTES OF THE MEETING OF THE NORTH DUNMARA POLICING BOARD"
            text = _clean(lines[i])[:800]
            fuller = _OPENING.search(text) or _HELD_THEIR.match(text)
            fuller = _body(fuller.group("body")) if fuller and fuller.group("body") else None
            if fuller and (not body or len(fuller) > len(body) and fuller.lower().endswith(body.lower())):
                body = fuller
        body = body or _body_mentioned(lines)
        if body:
            found.insert(0, dict(role=role, body=body, date=iso(value), line=idx + 1, header=idx + 1,
                                 quote=quote(_clean(lines[idx])), mode=_mode(" ".join(_clean(x) for x in lines[idx: idx + 8]))))
        return
    title = []
    for i in head:  # the title block ends where the list of items, the attendance or a table begins
        if re.match(r"^\s*(?:items?\b|no\.?\s*\|?\s*items?\b|present|apologies|in attendance|\d+\.?\s*$)", _clean(lines[i]), re.I) \
                or "|" in lines[i]:
            break
        title.append(i)
    body = next((b for b in (_title_body(_clean(lines[i])) for i in title if len(_clean(lines[i])) < 120) if b), None) \
        or _body_mentioned(lines)
    if body:
        first = head[0]
        found.insert(0, dict(role=role, body=body, date=None, line=first + 1, header=first + 1,
                             quote=quote(_clean(lines[first])), mode=_mode(" ".join(_clean(x) for x in lines[first: first + 12]))))


def _fill_sheet_dates(found: list[dict[str, Any]]) -> None:
    """An attendance sheet dated by month only takes the day from the paper's meeting of that month."""
    months = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
              "nov": 11, "dec": 12}
    for sheet in found:
        if sheet["role"] != "attendance" or sheet["date"]:
            continue
        month = sheet.pop("month", None)
        others = [m for m in found if m is not sheet and m["date"]]
        for other in others:
            y, mo = int(other["date"][:4]), int(other["date"][5:7])
            if month:
                want_m = months[month[0][:3].lower()]
                want_y = int(month[1]) + (2000 if len(month[1]) == 2 else 0)
                if (y, mo) == (want_y, want_m):
                    sheet["date"] = other["date"]
                    break
        sheet.pop("month", None)
    for m in found:
        m.pop("month", None)
        m.pop("cover", None)
        m.pop("earlier", None)


def _unify_bodies(found: list[dict[str, Any]]) -> None:
    """'Health & Wellbeing Board' and 'HEALTH AND WELLBEING BOARD' are one body: keep the longest spelling."""
    def key(body: str) -> str:
        return slug(re.sub(r"^(?:the\s+)", "", body, flags=re.IGNORECASE))
    longest: dict[str, str] = {}
    for m in found:
        for other in found:
            a, b = key(m["body"]), key(other["body"])
            if a == b or b.endswith("-" + a):
                if len(other["body"]) > len(longest.get(a, "")) or (len(other["body"]) == len(longest.get(a, ""))
                                                                     and not other["body"].isupper()):
                    longest[a] = other["body"]
    for m in found:
        m["body"] = longest.get(key(m["body"]), m["body"])


@register("govgraph.meetings.v1", order=10,
          reads=("lines",),
          writes=("meeting", "meetings", "paper_date"))
def extract_meetings(doc: Document, context: Context):
    found = find_meetings(doc)
    context.shared.meetings = found
    head = _head(doc.lines)
    # the meeting the title block dates is the paper's; in a pack, its agenda or notes
    own = [m for m in found if m["date"] and head and m["header"] <= head[-1] + 1][:1] or \
        [m for m in found if m["role"] in ("agenda", "notes") and m["date"]] or [m for m in found if m["date"]]
    paper_date = own[0]["date"] if own else None
    context.shared.paper_date = paper_date
    if paper_date and doc.date is None:
        doc.date = paper_date
    seen = set()
    for m in found:
        key = (m["id"], m["role"])
        if key in seen:
            continue
        seen.add(key)
        yield Fact("meeting", {"id": m["id"], "body": m["body"], "date": m["date"], "role": m["role"]},
                   line=m["line"], quote=m["quote"])
