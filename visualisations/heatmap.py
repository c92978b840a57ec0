"""Alignment matrix: actions or plans × principles, as a server-side HTML table.

Every item and every principle gets its row or column, aligned or not, so empty
rows and columns show up as gaps (greyed, marked "none"). Cells carry their
evidence in a ``title`` (hover) and a ``data-evidence`` attribute (click).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from visualisations.model import Evidence
from visualisations.networks import evidence_from, local_name
from visualisations.styles import framework_colour

Row = Mapping[str, Any]


def alignment_matrix(items: Iterable[Row], principles: Iterable[Row], cells: Iterable[Row]
                     ) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]], dict[tuple[str, str], list[Evidence]]]:
    """(rows, columns, cells): rows (id, label); columns (id, label, framework) grouped by framework;
    cells {(item, principle): evidence list}, one entry per alignment fact."""
    row_map = {str(r["id"]): str(r.get("label") or local_name(str(r["id"]))) for r in items}
    col_map = {str(p["id"]): (str(p.get("label") or local_name(str(p["id"]))), str(p.get("framework") or ""))
               for p in principles}
    matrix: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for c in cells:
        item, principle = str(c["item"]), str(c["principle"])
        row_map.setdefault(item, str(c.get("item_label") or local_name(item)))
        col_map.setdefault(principle, (str(c.get("principle_label") or local_name(principle)),
                                       str(c.get("framework") or "")))
        evidence = evidence_from(c)
        matrix[(item, principle)].extend(evidence or [Evidence("", None, "")])
    rows = sorted(row_map.items(), key=lambda kv: kv[1].lower())
    cols = sorted(((k, v[0], v[1]) for k, v in col_map.items()), key=lambda c: (c[2].lower(), c[1].lower()))
    return rows, cols, dict(matrix)


def heatmap_html(items: Iterable[Row], principles: Iterable[Row], cells: Iterable[Row], item_kind: str = "action"
                 ) -> str:
    """The matrix as an HTML table (counts shaded by framework colour; empty rows/columns greyed)."""
    rows, cols, matrix = alignment_matrix(items, principles, cells)
    if not rows or not cols:
        return f'<p class="muted heatmap-empty">No {escape(item_kind)}s or principles to compare.</p>'
    used_rows = {r for r, _ in matrix}
    used_cols = {c for _, c in matrix}
    peak = max((len(v) for v in matrix.values()), default=1)
    out = ['<table class="heatmap facts">', "<thead><tr><th></th>"]
    for cid, label, framework in cols:
        cls = "col empty" if cid not in used_cols else "col"
        out.append(f'<th class="{cls}" title="{escape(framework or "no framework", quote=True)}" '
                   f'style="border-top: 4px solid {framework_colour(framework)}; writing-mode: vertical-rl;">'
                   f'{escape(label)}</th>')
    out.append("</tr></thead><tbody>")
    for rid, rlabel in rows:
        empty_row = rid not in used_rows
        out.append(f'<tr class="{"empty" if empty_row else "aligned"}"><th>{escape(rlabel)}'
                   f'{" <span class=muted>(none)</span>" if empty_row else ""}</th>')
        for cid, clabel, framework in cols:
            evidence = matrix.get((rid, cid))
            if evidence:
                alpha = 0.35 + 0.65 * len(evidence) / peak
                real = [e for e in evidence if e.document]
                tip = f"{rlabel} ↔ {clabel}: {len(evidence)} alignment(s)\n" + "\n".join(
                    f"{e.document}" + (f", line {e.line}" if e.line else "") + (f": “{e.quote}”" if e.quote else "")
                    for e in real[:10])
                data = escape(json.dumps([e.to_dict() for e in real[:25]], ensure_ascii=False), quote=True)
                out.append(f'<td class="cell hit" style="background: {framework_colour(framework)}; '
                           f'opacity: {alpha:.2f}; color: #fff; text-align: center;" title="{escape(tip, quote=True)}" '
                           f'data-evidence="{data}" data-label="{escape(rlabel + " ↔ " + clabel, quote=True)}">'
                           f'{len(evidence)}</td>')
            else:
                gap = empty_row or cid not in used_cols
                out.append(f'<td class="cell {"gap" if gap else "miss"}" style="background: '
                           f'{"#eeeeee" if gap else "#ffffff"};"></td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
