"""Organisation name keys shared by organisation clustering and the paper's place."""
from __future__ import annotations

import re

from extract.names import norm_name
from extract.organisations import _GENERIC, _HEADS, kind_of

_BOROUGH_OF = re.compile(r"^(?:the\s+)?(?:(?:london|royal|metropolitan)\s+)?borough\s+of\s+", re.IGNORECASE)


def _strip_borough(name: str) -> str:
    """'London Borough of Anytown Health and Wellbeing Board' -> 'Anytown Health and Wellbeing Board'; the
    council itself ('London Borough of Anytown') keeps its name."""
    rest = _BOROUGH_OF.sub("", name)
    if rest != name and len(rest.split()) >= 2 and kind_of(rest) != "other":
        return rest
    return name


def _org_key(name: str) -> str:
    words = norm_name(_strip_borough(name).replace("&", " and ")).replace("'s", "").split()
    words = [w.rstrip("s") if len(w) > 4 else w for w in words if w not in ("the",)]
    return " ".join(words)


#: words of a body's name that say what it is, not whose it is: a name made only of these
#: ("Health and Wellbeing Board") is the place's body and takes the place's name
_FUNCTION_WORDS = _GENERIC | _HEADS | {"strategy", "strategic", "scrutiny", "overview", "executive", "cabinet",
                                       "wellbeing", "safety", "safer", "neighbourhood", "neighbourhoods", "economy",
                                       "growth", "commission", "committee", "forum", "joint", "steering", "oversight",
                                       "improvement", "transformation", "regeneration", "environment", "audit",
                                       "governance", "standards", "licensing", "planning", "finance", "resources",
                                       "corporate", "partnerships", "violence", "exploitation", "outbreak", "of",
                                       "for", "the", "young", "people", "families", "family", "carers", "older",
                                       "equality", "inequalities", "prevention", "workforce", "quality"}


def _function_only(name: str) -> bool:
    """A name made only of words saying what a body does ("Health and Wellbeing Board"), three words or more."""
    words = norm_name(name).replace("&", " and ").replace("'s", "").split()
    return len(words) >= 3 and all(w in _FUNCTION_WORDS or w.rstrip("s") in _FUNCTION_WORDS for w in words)
