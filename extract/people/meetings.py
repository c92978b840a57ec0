"""Meetings inside a paper: agendas, minutes, notes and attendance sheets.

An agenda pack holds the meeting's agenda, the previous meeting's minutes and
reports; each header found gives a `meeting` fact (id body-date, body, date, role).
The paper's own meeting date goes to `context.cache["paper_date"]` and `doc.date`.
"""
from __future__ import annotations

import re
from typing import Any

from extract.dates import find_dates, iso, parse_date
from extract.names import clean_text
from extract.people.common import BODY_HEAD, quote, slug, smart_title
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
    if not text or len(text.split()) > 12 or not BODY_HEAD.search(text) or \
            re.search(r"\b(?:members(?:hip)?|attendees|agenda|minutes|contact)\b", text, re.I):
        return None
    return smart_title(text)


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
                    if not prev or len(prev) > 25 or find_dates(prev):
                        break
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
                    re.search(BODY_HEAD.pattern + r"$", short.group("body").strip(), re.IGNORECASE):
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
            body = _body(m.group("body")) or _body_above(lines, idx)
            if body:
                date = iso(parse_date(m.group("rest")))
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
                                  header=number, quote=quote(raw), mode=None))
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
                              line=number, header=number, quote=quote(raw), mode=None))
    _fill_sheet_dates(found)
    _unify_bodies(found)
    for m in found:
        m["id"] = f"{slug(m['body'])}-{m['date'] or 'undated'}"
    return found


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


@register("govgraph.meetings.v1", order=10)
def extract_meetings(doc: Document, context: Context):
    found = find_meetings(doc)
    context.cache["meetings"] = found
    own = [m for m in found if m["role"] in ("agenda", "notes") and m["date"]] or [m for m in found if m["date"]]
    paper_date = own[0]["date"] if own else None
    context.cache["paper_date"] = paper_date
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
