"""A body's membership on two dates side by side: who left, who stayed, who joined, and what changed between.

Input rows are plain member answers (``person, person_label, role, member, reason`` plus
evidence ``document, line, quote, doc_id``) for each date, as `members` gives them
(graph.tenures' as-of rule), and change rows (``change, person, person_label,
role_from, role_to, date, source, disagreement`` plus evidence) for the span.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

Row = Mapping[str, Any]


def _people(rows: Iterable[Row], answer: str) -> dict[str, Row]:
    return {str(r["person"]): r for r in rows if r.get("member") == answer}


def _evidence(row: Row, evidence_href: str) -> str:
    if not row.get("document"):
        return ""
    where = f"{row['document']}" + (f", line {row['line']}" if row.get("line") else "")
    text = escape(where)
    if evidence_href and row.get("doc_id"):
        href = f"{evidence_href}{quote(str(row['doc_id']))}" + (f"#L{row['line']}" if row.get("line") else "")
        text = f'<a class="evlink" href="{escape(href, quote=True)}">{text}</a>'
    data = escape(json.dumps([{"document": row["document"], "line": row.get("line"), "quote": row.get("quote") or "",
                               "doc_id": row.get("doc_id") or ""}], ensure_ascii=False), quote=True)
    return f' <span class="evidence" data-evidence="{data}" data-label="{escape(where, quote=True)}">{text}</span>'


def _item(row: Row, role: str, evidence_href: str) -> str:
    label = escape(str(row.get("person_label") or row["person"]))
    return (f'<li data-person="{escape(str(row["person"]), quote=True)}">{label}'
            f'{" <span class=muted>(" + escape(role) + ")</span>" if role else ""}{_evidence(row, evidence_href)}</li>')


def _form(action: str, body: str, bodies: Sequence[tuple[str, str]], start: str, end: str,
          listing_dates: Sequence[str]) -> str:
    options = "".join(f'<option value="{escape(iri, quote=True)}"{" selected" if iri == body else ""}>{escape(label)}'
                      f'</option>' for iri, label in bodies)
    dates = "".join(f'<option value="{d}">' for d in listing_dates)
    return (f'<form class="filters" id="compare-form" method="get" action="{escape(action, quote=True)}">'
            f'<label>body <select name="body">{options}</select></label>'
            f'<label>before <input type="date" name="start" value="{escape(start)}" list="listing-dates"></label>'
            f'<label>after <input type="date" name="end" value="{escape(end)}" list="listing-dates"></label>'
            f'<datalist id="listing-dates">{dates}</datalist><button type="submit">compare</button>'
            + (f'<span class="muted">listings: {escape(", ".join(listing_dates))}</span>' if listing_dates else "")
            + "</form>")


def compare_html(before: Iterable[Row], after: Iterable[Row], between: Iterable[Row], start: str, end: str,
                 listing_dates: Sequence[str] = (), *, body: str = "", bodies: Sequence[tuple[str, str]] = (),
                 action: str | None = None, evidence_href: str = "") -> str:
    """Three columns (left, stayed, joined) of the members sitting ("yes") on `start` and `end`, the
    people neither date can decide, and the changes between with their evidence."""
    out = [_form(action, body, bodies, start, end, listing_dates)] if action is not None else []
    if not body or not start or not end:
        out.append('<p class="muted">Choose a body and two dates to compare its members.</p>')
        return "".join(out)
    before, after = list(before), list(after)
    was, now = _people(before, "yes"), _people(after, "yes")
    left = [p for p in was if p not in now]
    stayed = [p for p in was if p in now]
    joined = [p for p in now if p not in was]
    out.append(f'<p id="compare-summary">On {escape(start)}: {len(was)} members; on {escape(end)}: {len(now)} members. '
               f'{len(left)} left, {len(stayed)} stayed, {len(joined)} joined.</p>')
    out.append('<div class="compare">')
    for cls, heading, people, source in (("left", f"Left: on {start}, not on {end}", left, was),
                                         ("stayed", "Stayed: on both dates", stayed, now),
                                         ("joined", f"Joined: on {end}, not on {start}", joined, now)):
        items = []
        for p in sorted(people, key=lambda p: str(source[p].get("person_label") or p).lower()):
            role = str(source[p].get("role") or "")
            if cls == "stayed" and was[p].get("role") != now[p].get("role"):
                role = f"{was[p].get('role') or '?'} → {now[p].get('role') or '?'}"
            items.append(_item(source[p], role, evidence_href))
        out.append(f'<section class="{cls}" id="compare-{cls}"><h2>{escape(heading)} ({len(people)})</h2>'
                   f'<ul>{"".join(items) or "<li class=muted>nobody</li>"}</ul></section>')
    out.append("</div>")
    unsure = sorted({str(r.get("person_label") or r["person"]) for r in before + after if r.get("member") == "unknown"})
    if unsure:
        out.append(f'<p class="muted" id="compare-unknown">The listings cannot tell for: {escape(", ".join(unsure))} '
                   f'(listed on one side of a date only).</p>')
    rows = list(between)
    out.append(f"<h2>Between {escape(start)} and {escape(end)}</h2>")
    if not rows:
        out.append('<p class="muted">No changes recorded between these dates.</p>')
        return "".join(out)
    out.append('<table class="facts" id="compare-between"><tr><th>change</th><th>person</th><th>role</th>'
               '<th>when</th><th>from</th><th>evidence</th></tr>')
    for r in rows:
        roles = " → ".join(x for x in (str(r.get("role_from") or ""), str(r.get("role_to") or "")) if x)
        note = f'<br><span class="muted">{escape(str(r["disagreement"]))}</span>' if r.get("disagreement") else ""
        evidence = "".join(_evidence(e, evidence_href) for e in r.get("evidence") or [])
        out.append(f'<tr><td>{escape(str(r.get("change") or "").replace("_", " "))}{note}</td>'
                   f'<td>{escape(str(r.get("person_label") or r.get("person") or ""))}</td><td>{escape(roles)}</td>'
                   f'<td>{escape(str(r.get("date") or ""))}</td><td>{escape(str(r.get("source") or ""))}</td>'
                   f"<td>{evidence}</td></tr>")
    out.append("</table>")
    return "".join(out)
