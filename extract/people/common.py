"""Helpers shared by the people extractors: meeting lookup by line, slugs, quotes."""
from __future__ import annotations

import re
from typing import Any

from extract.pipeline import Context

SMALL = {"and", "of", "the", "for", "on", "in", "to", "at", "a", "an", "&"}


def slug(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def smart_title(text: str) -> str:
    """'HEALTH AND WELLBEING BOARD' -> 'Health and Wellbeing Board'; mixed case is kept."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(w if (i and w in SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def meetings(context: Context) -> list[dict[str, Any]]:
    return context.shared.meetings


def meeting_before(context: Context, line: int, roles: tuple[str, ...]) -> dict[str, Any] | None:
    """The nearest meeting header at or before `line` with one of `roles`."""
    best = None
    for m in meetings(context):
        if m["role"] in roles and m["line"] <= line and (best is None or m["line"] >= best["line"]):
            best = m
    return best


#: stands for the paper's meeting when no meeting heading was read: its attendance keeps a null date
NO_MEETING: dict[str, Any] = {"id": None, "date": None, "body": None, "mode": None, "line": 0, "role": "minutes"}


def attendance_meeting(context: Context, line: int) -> dict[str, Any]:
    """The meeting an attendance list at `line` belongs to: the nearest minutes/notes/sheet header
    above it, else such a header just below (a "Present:" list printed above the heading), else
    an agenda header above, else NO_MEETING (the list is kept, undated)."""
    roles = ("minutes", "notes", "attendance")
    found = meeting_before(context, line, roles)
    if found is not None:
        return found
    after = sorted((m for m in meetings(context) if m["role"] in roles and m["line"] - line <= 15),
                   key=lambda m: m["line"])
    if after:
        return after[0]  # a heading further down is more likely a minute about an earlier meeting
    return meeting_before(context, line, ("agenda",)) or NO_MEETING


def listing_date(context: Context, line: int) -> str | None:
    """as_of of a listing at `line`: the date of the meeting whose paper it is in; never guessed."""
    m = meeting_before(context, line, ("agenda", "notes", "attendance"))
    if m is not None:
        return m["date"]
    if meeting_before(context, line, ("minutes",)) is not None:
        return meeting_before(context, line, ("minutes",))["date"]
    return context.shared.paper_date


def quote(text: str, limit: int = 200) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit]


BODY_HEAD = re.compile(r"\b(Board|Committee|Sub-Committee|Partnership|Panel|Group|Forum|Council|Commission|Cabinet|"
                       r"Assembly|Executive|Network|Alliance|Authority|Trust)\b", re.IGNORECASE)
