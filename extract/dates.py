"""Dates as councils write them: "Thursday 26 January 2023", "24th March 2021",
"26/01/2023", "2023-01-26", "Feb 2018", and squashed tracker dates ("2092021")."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

DAY_MONTH_YEAR = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)?\d\d)\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
SQUASHED = re.compile(r"^(?P<day>[0-3]?\d)(?P<month>[01]\d)(?P<year>20\d\d)$")


def _make(year: str, month: str | int, day: str) -> date | None:
    try:
        y = int(year)
        if y < 100:
            y += 2000
        m = MONTHS[month.lower().rstrip(".")] if isinstance(month, str) and not month.isdigit() else int(month)
        return date(y, m, int(day))
    except (ValueError, KeyError):
        return None


def _section_number(numeric: str) -> bool:
    """'5.1.13' is a paragraph or action number, not 5 January 2013: a dotted date with a
    two-digit year is taken as a date only when written in full, as '05.01.13'."""
    day, month, year = re.split(r"[/.]", numeric)
    return "." in numeric and len(year) == 2 and (len(day) < 2 or len(month) < 2)


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every full date in a text, with its character span, in order of appearance."""
    found: list[tuple[date, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, NUMERIC):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if pattern is NUMERIC and _section_number(m.group(0)):
                continue
            value = _make(m.group("year"), m.group("month"), m.group("day"))
            if value:
                found.append((value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


def parse_date(text: str) -> date | None:
    """The first full date in a text, or None. Never guesses a missing day or year."""
    text = text.strip()
    squashed = SQUASHED.match(text)
    if squashed:
        return _make(squashed.group("year"), squashed.group("month"), squashed.group("day"))
    dates = find_dates(text)
    return dates[0][0] if dates else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
