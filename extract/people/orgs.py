"""Organisation mentions in running text, for the resolution pass (no facts of its own).

Capitalised phrases ending in an organisation word ("... Partnership", "... CCG") and
acronym definitions ("Community Alliance to Combat Hate (CATCH)"). Plan names found by
other extractors are left out in extract.resolve.
"""
from __future__ import annotations

import re

from extract.organisations import find_org_mentions
from extract.pipeline import Context, register
from extract.records import Document


@register("govgraph.org_mentions.v1", order=45)
def extract_org_mentions(doc: Document, context: Context):
    found: list[tuple[str, int, str]] = []
    for number, raw in enumerate(doc.lines, 1):
        if not raw.strip():
            continue
        text = re.sub(r"<[^>]+>", " ", raw).replace("**", "").replace("\t", " | ")
        for org in find_org_mentions(text):
            found.append((org, number, org))
    context.cache["org_mentions"] = found
    return []
