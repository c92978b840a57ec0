"""Membership timeline of one body as inline SVG: a bar per tenure, changes marked, evidence on hover and click.

Input rows are membership rows (``person, person_label, role, as_of`` and evidence
``document, line, quote``), optionally with change rows (``person, date, kind``
plus evidence) from the extractor's change facts. The output is an SVG string
with no scripts: each marker carries a ``<title>`` (hover) and a ``data-evidence``
JSON attribute that the page's script shows on click.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any

from visualisations.model import Evidence
from visualisations.networks import evidence_from, local_name

Row = Mapping[str, Any]

ROW_HEIGHT = 22
LABEL_WIDTH = 200
PLOT_WIDTH = 640
MARGIN = 24
RIGHT = 64  #: room for the last date label
LEGEND = 22


@dataclass(slots=True)
class Listing:
    when: str
    role: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Tenure:
    """One person's run on a body: from first to last listing, with what changed along the way."""

    person: str
    label: str
    listings: list[Listing]
    changes: list[tuple[str, str, list[Evidence]]] = field(default_factory=list)  #: (date, what, evidence)

    @property
    def first(self) -> str:
        return self.listings[0].when

    @property
    def last(self) -> str:
        return self.listings[-1].when


def tenures(rows: Iterable[Row], change_rows: Iterable[Row] = ()) -> list[Tenure]:
    """Group listings per person, in date order, and derive joins, leaves, gaps and role changes."""
    by_person: dict[str, dict[str, Listing]] = defaultdict(dict)
    labels: dict[str, str] = {}
    all_dates: set[str] = set()
    for r in rows:
        when = str(r.get("as_of") or "")
        if not when or not r.get("person"):
            continue
        person = str(r["person"])
        labels[person] = str(r.get("person_label") or local_name(person))
        all_dates.add(when)
        listing = by_person[person].setdefault(when, Listing(when, str(r.get("role") or "")))
        if r.get("role") and not listing.role:
            listing.role = str(r["role"])
        for ev in evidence_from(r):
            if ev not in listing.evidence:
                listing.evidence.append(ev)
    dates = sorted(all_dates)
    out: list[Tenure] = []
    for person, listed in by_person.items():
        seq = [listed[d] for d in sorted(listed)]
        t = Tenure(person, labels[person], seq)
        if dates and t.first > dates[0]:
            t.changes.append((t.first, "joined", seq[0].evidence))
        if dates and t.last < dates[-1]:
            after = next(d for d in dates if d > t.last)
            t.changes.append((after, "no longer listed", []))
        span = [d for d in dates if t.first <= d <= t.last]
        for d in span:
            if d not in listed:
                t.changes.append((d, "not listed", []))
        for prev, cur in zip(seq, seq[1:]):
            if prev.role and cur.role and prev.role != cur.role:
                t.changes.append((cur.when, f"role: {prev.role} → {cur.role}", cur.evidence))
        out.append(t)
    by_id = {t.person: t for t in out}
    for c in change_rows:
        t = by_id.get(str(c.get("person") or ""))
        when = str(c.get("date") or "")
        if t and when:
            t.changes.append((when, str(c.get("kind") or "change"), evidence_from(c)))
    for t in out:
        t.changes.sort(key=lambda c: c[0])
    out.sort(key=lambda t: (t.first, t.label))
    return out


def _ordinal(iso: str) -> int:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 0


def _evidence_attr(evidence: list[Evidence]) -> str:
    return escape(json.dumps([e.to_dict() for e in evidence], ensure_ascii=False), quote=True)


def _evidence_text(evidence: list[Evidence]) -> str:
    return "\n".join(f"{e.document}" + (f", line {e.line}" if e.line else "") + (f": “{e.quote}”" if e.quote else "")
                     for e in evidence)


def _legend(y: int) -> str:
    """One line under the plot saying what bars and markers mean."""
    items = [("bar", "#1f77b4", "tenure (first to last listing)"), ("circle", "#0b3d66", "listed"),
             ("change", "#2ca02c", "joined"), ("change", "#d62728", "not / no longer listed"),
             ("change", "#ff7f0e", "role or stated change")]
    parts, x = ['<g class="legend" font-size="10">'], LABEL_WIDTH
    for shape, colour, text in items:
        if shape == "bar":
            parts.append(f'<rect x="{x}" y="{y - 8}" width="18" height="8" rx="2" fill="{colour}" fill-opacity="0.75"/>')
        elif shape == "circle":
            parts.append(f'<circle cx="{x + 6}" cy="{y - 4}" r="3.5" fill="#fff" stroke="{colour}"/>')
        else:
            parts.append(f'<path d="M{x + 6},{y} l5,-6 h-10 z" fill="{colour}"/>')
        parts.append(f'<text x="{x + 22}" y="{y}" fill="#333">{escape(text)}</text>')
        x += 28 + 6 * len(text)
    parts.append("</g>")
    return "".join(parts)


def timeline_svg(rows: Iterable[Row], change_rows: Iterable[Row] = (), title: str = "Membership timeline") -> str:
    """The timeline as an SVG string (empty-state paragraph when there are no listings)."""
    runs = tenures(rows, change_rows)
    if not runs:
        return '<p class="muted timeline-empty">No membership listings recorded.</p>'
    dates = sorted({li.when for t in runs for li in t.listings} | {c[0] for t in runs for c in t.changes})
    lo, hi = _ordinal(dates[0]), _ordinal(dates[-1])
    span = max(hi - lo, 1)

    def x(iso: str) -> float:
        return LABEL_WIDTH + (_ordinal(iso) - lo) / span * PLOT_WIDTH

    width = LABEL_WIDTH + PLOT_WIDTH + RIGHT
    height = MARGIN * 2 + ROW_HEIGHT * len(runs)
    total = height + LEGEND
    parts = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total}" '
             f'viewBox="0 0 {width} {total}" role="img" aria-label="{escape(title)}" data-lo="{dates[0]}" '
             f'data-hi="{dates[-1]}" data-x0="{LABEL_WIDTH}" data-w="{PLOT_WIDTH}" data-top="{MARGIN - 4}" '
             f'data-bottom="{height - MARGIN}">',
             f'<title>{escape(title)}</title>', _legend(height + 14)]
    for d in dates:  # a faint rule and a date at every listing
        parts.append(f'<line x1="{x(d):.1f}" y1="{MARGIN - 4}" x2="{x(d):.1f}" y2="{height - MARGIN}" stroke="#e3e3e3"/>')
        parts.append(f'<text x="{x(d):.1f}" y="{height - 6}" font-size="9" text-anchor="middle" fill="#555">'
                     f'{escape(d)}</text>')
    for i, t in enumerate(runs):
        y = MARGIN + i * ROW_HEIGHT
        parts.append(f'<g class="tenure" data-person="{escape(t.person, quote=True)}">')
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" font-size="11" text-anchor="end">{escape(t.label)}</text>')
        x0, x1 = x(t.first), x(t.last)
        all_ev = [ev for li in t.listings for ev in li.evidence]
        roles = ", ".join(dict.fromkeys(li.role for li in t.listings if li.role))
        tip = f"{t.label}: {t.first} to {t.last}" + (f" ({roles})" if roles else "")
        parts.append(f'<rect class="bar" x="{x0 - 3:.1f}" y="{y + 4}" width="{max(x1 - x0, 0) + 6:.1f}" height="12" '
                     f'rx="3" fill="#1f77b4" fill-opacity="0.75" data-evidence="{_evidence_attr(all_ev[:25])}" '
                     f'data-label="{escape(tip, quote=True)}"><title>{escape(tip)}</title></rect>')
        for li in t.listings:
            tip = f"listed {li.when}" + (f" as {li.role}" if li.role else "") + "\n" + _evidence_text(li.evidence)
            parts.append(f'<circle class="listing" cx="{x(li.when):.1f}" cy="{y + 10}" r="3.5" fill="#fff" '
                         f'stroke="#0b3d66" data-evidence="{_evidence_attr(li.evidence)}" '
                         f'data-label="{escape(t.label + ": listed " + li.when, quote=True)}">'
                         f'<title>{escape(tip)}</title></circle>')
        for when, what, evidence in t.changes:
            cx = x(when)
            colour = "#2ca02c" if what == "joined" else "#d62728" if "listed" in what else "#ff7f0e"
            tip = f"{when}: {what}" + ("\n" + _evidence_text(evidence) if evidence else "")
            parts.append(f'<path class="change" d="M{cx:.1f},{y + 1} l5,-6 h-10 z" fill="{colour}" '
                         f'data-evidence="{_evidence_attr(evidence)}" '
                         f'data-label="{escape(t.label + ": " + what, quote=True)}"><title>{escape(tip)}</title></path>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
