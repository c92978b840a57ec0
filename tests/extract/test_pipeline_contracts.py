"""Every extractor declares what it reads and writes; the registry runs them in an order that
gives each its reads, and an unknown name in a contract fails at import."""
from __future__ import annotations

import pytest

from extract.pipeline import DOCUMENT_INPUTS, EXTRACTORS, load_builtins, register

#: the registry and each contract (update with a new extractor or a changed contract)
SNAPSHOT = """
10 govgraph.meetings.v1 reads lines writes meeting meetings paper_date
20 govgraph.members.v1 reads lines blocks meetings paper_date writes membership attendance change position paper_body
25 govgraph.attendance.v1 reads lines meetings paper_date writes attendance membership position paper_forenames
35 govgraph.changes.v1 reads lines meetings paper_date membership attendance position writes change membership
40 govgraph.people_prose.v1 reads lines blocks meetings membership attendance change position writes position person_mentions
45 govgraph.org_mentions.v1 reads lines writes org_mentions
46 govgraph.model_mentions.v1 reads lines person_mentions org_mentions writes person_mentions org_mentions
50 govgraph.plans.v1 reads blocks writes plan plans
55 govgraph.principles.v1 reads lines blocks plans writes principle
60 govgraph.actions.v1 reads blocks principle membership attendance writes action alignment organisation acronyms
62 govgraph.prose_alignment.v1 reads blocks writes alignment
64 govgraph.meeting_actions.v1 reads lines meeting membership attendance organisation action org_mentions writes action
66 govgraph.priorities.v1 reads blocks meeting plans membership attendance organisation writes priority recommendation
70 govgraph.oversight.v1 reads lines blocks meetings paper_date meeting membership position organisation plans acronyms org_mentions writes oversight organisation plan membership
90 govgraph.resolve.v1 reads lines meetings person_mentions org_mentions meeting membership attendance position change oversight action organisation plan writes person organisation change_merges
"""


def registry() -> list:
    load_builtins()
    return sorted(EXTRACTORS.values(), key=lambda r: (r.order, r.name))


def test_the_registry_and_its_contracts():
    listed = "\n".join(f"{r.order} {r.name} reads {' '.join(r.reads)} writes {' '.join(r.writes)}"
                       for r in registry() if r.name.startswith("govgraph."))
    assert listed == SNAPSHOT.strip()


def test_every_read_is_written_by_an_earlier_extractor():
    written: set[str] = set(DOCUMENT_INPUTS)
    missing = {}
    for r in registry():
        if not r.name.startswith("govgraph."):
            continue
        unmet = [name for name in r.reads if name not in written]
        if unmet:
            missing[r.name] = unmet
        written.update(r.writes)
    assert missing == {}


def test_an_unknown_name_in_a_contract_fails_at_import():
    with pytest.raises(ValueError, match="meetngs"):
        register("test.misspelt.v1", reads=("meetngs",))
    with pytest.raises(ValueError, match="attendence"):
        register("test.misspelt.v1", writes=("attendence",))
    assert "test.misspelt.v1" not in EXTRACTORS
