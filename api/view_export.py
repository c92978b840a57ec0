"""Write a view over a store as one standalone HTML file (every script and style inline; works offline)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from api.view_queries import fetch_view_rows
from visualisations.views import VIEW_NAMES, UnknownView, ViewParams, render_view


def export_view(store: Any, name: str, output: str | os.PathLike[str], *, kinds: tuple[str, ...] = (),
                body: str = "", date: str = "", budget: int = 500, entity: str = "", item_kind: str = "action",
                plan: str = "", start: str = "", end: str = "") -> Path:
    """Render view `name` over `store` (anything with ``query(sparql, **bindings)``) to `output`.

    Written through a temporary file and renamed, so a failed export leaves nothing
    half-written. Returns the path written. Raises UnknownView for a bad name or a
    missing required parameter.
    """
    if name not in VIEW_NAMES:
        raise UnknownView(f"no view named {name!r} (choose from {', '.join(VIEW_NAMES)})")
    params = ViewParams(kinds=tuple(kinds), body=body, date=date, budget=budget, entity=entity,
                        item_kind=item_kind, plan=plan, start=start, end=end)
    html = render_view(name, fetch_view_rows(store, name, params), params)
    path = Path(output)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path
