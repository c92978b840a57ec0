"""Who holds a post ("Director of Public Health" -> the person), for role references such as
"chaired by the Director of Public Health"."""
from __future__ import annotations

import re

from extract.governance.common import clean
from extract.governance.oversight.names import PERSON, person_name
from extract.pipeline import Context


_HOLDER = re.compile(rf"\b[Tt]he\s+(?P<post>[A-Z][\w’'\- ]{{3,60}}?)\s+is\s+(?P<name>{PERSON})\b"
                     rf"|(?P<name2>{PERSON})\s+is\s+(?:the\s+)?(?:borough's\s+|council's\s+)?(?P<post2>[A-Z][\w’'\- ]{{3,60}}?)\b[.,;]")


_POST_FIELD = re.compile(rf"^\s*(?P<post>(?:[A-Z][\w’'\-]*\s+)*?(?:Director|Chair|Chief|Head|Officer|Manager|Lead|"
                         rf"Commissioner|Executive|Leader|Mayor)\b[\w’'\- ]{{0,50}}?)\s*:\s*(?P<name>{PERSON})\s*\.?$")


def post_holders(context: Context) -> dict[str, str]:
    """'director of public health' -> 'Jane Doe', from position and membership facts and
    from sentences that name a post's holder ("The Independent Commissioner is Dr Sam Lee")."""
    out = {}
    for b in context.document.blocks:
        fm = _POST_FIELD.match(clean(b.text))
        if fm:  # "Director of Public Health: Dr Ann Lee"
            out.setdefault(fm.group("post").lower().strip(), person_name(fm.group("name")))
        for m in _HOLDER.finditer(clean(b.text)):
            post = m.group("post") or m.group("post2")
            name = m.group("name") or m.group("name2")
            if post and name:
                out.setdefault(post.lower().strip(), person_name(name))
    for f in context.facts:
        if f.type == "position" and f.fields.get("post") and f.fields.get("person"):
            out.setdefault(f.fields["post"].lower().strip(), f.fields["person"])
        if f.type == "membership" and f.fields.get("post") and f.fields.get("person"):
            out.setdefault(f.fields["post"].lower().strip(), f.fields["person"])
    return out
