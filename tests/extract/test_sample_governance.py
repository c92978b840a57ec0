"""Governance facts of the bundled sample corpus (extract/sample/), checked against the
expectations its README states: principles, actions with their leads, alignments and
oversight relations. The sample is fictional and laid out unlike any scored corpus, so
this test guards against rules fitted to one council's papers."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract import load_document, pipeline

SAMPLE = Path(__file__).resolve().parents[2] / "extract" / "sample"
STRATEGY = "04_wexcombe_csp_2021-09-15_safer_streets_strategy.txt"

# bodies and plans as the README names them, with the variants it lists
VARIANTS = {
    "Wexcombe Health and Wellbeing Board": ["Health & Wellbeing Board", "Health and Wellbeing Board"],
    "Wexcombe Community Safety Partnership": ["Community Safety Partnership",
                                              "Wexcombe Community Safety Partnership Board"],
    "Wexcombe Youth Panel": ["Youth Panel"],
    "Wexcombe Council Community Safety Service": ["Community Safety Service"],
    "Wexcombe Safer Streets Strategy 2021-2024": ["Wexcombe Safer Streets Strategy", "Safer Streets Strategy"],
    "Wexcombe Healthy Weight Plan 2023-2025": ["Wexcombe Healthy Weight Plan", "Healthy Weight Plan"],
}

PRINCIPLES = {
    "SP1": "We will put the safety of residents, and of young people in particular, at the centre of every decision.",
    "SP2": "We will intervene early and address the causes of harm before it happens.",
    "SP3": "We will make streets, parks and estates feel safe by design as well as by patrol.",
    "SP4": "Where harm has occurred we will support victims and use restorative approaches.",
    "EP1": "We will work as one partnership, sharing information lawfully and promptly.",
    "EP2": "We will use evidence, data and the voices of residents to decide where to act.",
    "EP3": "We will build trust between communities and the agencies that serve them.",
}

WCS, MPS = "Wexcombe Council Community Safety Service", "Metropolitan Police Service"
WVA, LFB, YJS = "Wexcombe Voluntary Action", "London Fire Brigade", "Youth Justice Service"
ACTIONS = {  # id: (leads, principles)
    "2.1.1": ({MPS, WCS}, {"SP3", "EP2"}),
    "2.1.2": ({WCS}, {"SP3"}),
    "2.1.3": ({WCS, WVA}, {"SP3", "EP3"}),
    "2.2.1": ({WVA}, {"SP2", "EP1"}),
    "2.2.2": ({WVA}, {"SP2", "EP1"}),
    "2.2.3": ({LFB}, {"SP2", "EP1"}),
    "2.2.4": ({WCS, MPS}, {"SP1", "EP1"}),
    "2.3.1": ({MPS, WVA}, {"SP4", "EP1"}),
    "2.3.2": ({YJS}, {"SP4", "EP3"}),
}

HWB, CSP, PANEL = "Wexcombe Health and Wellbeing Board", "Wexcombe Community Safety Partnership", "Wexcombe Youth Panel"
OVERSIGHT = {  # (paper prefix, subject, relation, object)
    ("04", CSP, "oversees", "Wexcombe Safer Streets Strategy 2021-2024"),
    ("04", CSP, "reports_to", HWB),
    ("02", CSP, "reports_to", HWB),
    ("04", PANEL, "chaired_by", "Amira Selassie"),
    ("06", PANEL, "chaired_by", "Amira Selassie"),
    ("06", PANEL, "part_of", CSP),
    ("06", PANEL, "reports_to", CSP),
    ("04", WCS, "leads", "Wexcombe Safer Streets Strategy 2021-2024"),
    ("03", HWB, "oversees", "Wexcombe Healthy Weight Plan 2023-2025"),
    ("01", HWB, "chaired_by", "Harriet Okonjo"),
    ("02", HWB, "chaired_by", "Martin Ashdown"),
    ("03", HWB, "chaired_by", "Martin Ashdown"),
    ("05", CSP, "chaired_by", "Martin Ashdown"),
}


def _norm(name: str) -> str:
    name = name.lower().replace("&", "and")
    name = re.sub(r"^the\s+", "", name)
    return " ".join(re.sub(r"[^\w\s-]", " ", name).split())


def same(found: str, expected: str) -> bool:
    """The README's matching: a name or listed variant; a longer name ending with a 3-word one."""
    f = _norm(found)
    for n in [expected, *VARIANTS.get(expected, [])]:
        n = _norm(n)
        if f == n or (len(n.split()) >= 3 and f.endswith(" " + n)) or (len(f.split()) >= 3 and n.endswith(" " + f)):
            return True
    return False


@pytest.fixture(scope="module")
def facts():
    out = {}
    for path in sorted(SAMPLE.glob("*.txt")):
        doc = load_document(path)
        out[path.name] = pipeline.extract_document(doc).facts
    return out


def _of(facts, paper, kind):
    return [f for f in facts[paper] if f.type == kind]


def test_principles_with_text(facts):
    found = {f.fields["id"]: f.fields for f in _of(facts, STRATEGY, "principle")}
    assert set(found) == set(PRINCIPLES)  # no heading read as "SP3", no "EP5" from "5. ACTION PLAN"
    for pid, text in PRINCIPLES.items():
        assert found[pid]["text"] == text
        assert found[pid]["kind"] == ("strategic" if pid.startswith("SP") else "enabling")
        assert same(found[pid]["framework"], "Wexcombe Safer Streets Strategy 2021-2024")


def test_no_principles_elsewhere(facts):
    for paper, items in facts.items():
        if paper != STRATEGY:
            assert not [f for f in items if f.type == "principle"], paper


def test_actions_with_expanded_leads(facts):
    actions = {f.fields["id"]: f.fields for f in _of(facts, STRATEGY, "action")}
    assert set(actions) == set(ACTIONS)
    for aid, (leads, _) in ACTIONS.items():
        assert set(actions[aid]["leads"]) == leads, aid
    assert actions["2.2.4"]["text"] == ("Train night-time venue staff and security teams to spot and report "
                                        "vulnerability and predatory behaviour in the town centre.")
    # scored references to actions in the Youth Panel's summary are not new actions
    assert not [f for f in facts["06_wexcombe_youth_panel_2022_annual_summary.txt"] if f.type == "action"]


def test_acronyms_kept_as_variants(facts):
    orgs = {}
    for f in _of(facts, STRATEGY, "organisation"):
        orgs.setdefault(f.fields["name"], set()).update(f.fields.get("variants") or [])
    for full, acr in ((WCS, "WCS"), (MPS, "MPS"), (WVA, "WVA"), (LFB, "LFB")):
        assert acr in orgs.get(full, set()), full


def test_alignments_including_inherited_cells(facts):
    pairs = {(f.fields["item"], f.fields["principle"]) for f in _of(facts, STRATEGY, "alignment")}
    expected = {(aid, pid) for aid, (_, pids) in ACTIONS.items() for pid in pids}
    assert pairs == expected
    inherited = {(f.fields["item"], f.fields.get("inherited_from")) for f in _of(facts, STRATEGY, "alignment")
                 if f.fields.get("basis") == "merged_cell"}
    assert inherited == {("2.2.2", "2.2.1"), ("2.2.3", "2.2.1")}


def _oversight(facts):
    out = []
    for paper, items in facts.items():
        for f in items:
            if f.type == "oversight":
                out.append((paper[:2], f.fields["subject"], f.fields["relation"], f.fields["object"]))
    return out


def _has(found, expected):
    paper, subj, rel, obj = expected
    return any(p == paper and r == rel and same(s, subj) and same(o, obj) for p, s, r, o in found)


@pytest.mark.parametrize("expected", sorted(OVERSIGHT))
def test_oversight_found(facts, expected):
    assert _has(_oversight(facts), expected)


def test_no_junk_oversight(facts):
    generic = {"board", "partnership", "panel", "group", "committee", "council", "service"}
    for paper, subj, rel, obj in _oversight(facts):
        for name in (subj, obj):
            assert ":" not in name, (paper, subj, rel, obj)  # "Venue: Committee Room 2, ..."
            assert _norm(name) not in generic, (paper, subj, rel, obj)  # a bare "Board"


def test_no_extra_oversight(facts):
    found = _oversight(facts)
    extra = [r for r in found if not any(_has([r], e) for e in OVERSIGHT)]
    assert not extra


def test_charter_has_no_owner(facts):
    for paper, subj, rel, obj in _oversight(facts):
        assert not (rel in ("oversees", "leads") and "charter" in obj.lower()), (paper, subj, rel, obj)
