"""Terms of reference, structure pages and governance minutes of partnerships (fixtures in tests/data/papers,
all fictional): lists named by their lead-in, oversight phrasings, and the proposals kept apart from facts."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract.governance  # noqa: F401
from extract import pipeline
from extract.documents import load_document
from extract.governance.principles import list_prefix

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"


def run(name):
    return pipeline.extract_document(load_document(PAPERS / name)).facts


def of(facts, kind):
    return [f for f in facts if f.type == kind]


@pytest.fixture(scope="module")
def values():
    return run("gov_tor_values_lists.txt")


def test_lists_named_by_their_lead_in_get_ids_from_the_name(values):
    ids = {f.fields["id"]: f.fields for f in of(values, "principle")}
    assert {k for k in ids if k.startswith("CV")} == {"CV1", "CV2", "CV3"}
    assert ids["CV2"]["text"].startswith("Respect")
    assert {k for k in ids if k.startswith("PG")} == {"PG1", "PG2", "PG3"}
    assert ids["PG1"]["kind"] == "strategic" and ids["CV1"]["kind"] == "enabling"
    assert {k for k in ids if k.startswith("WF")} == {"WF1", "WF2", "WF3"}


def test_a_list_of_areas_after_an_approach_is_not_a_list_of_principles(values):
    texts = {f.fields["text"] for f in of(values, "principle")}
    assert "Early help" not in texts and "Enforcement" not in texts


def test_membership_items_after_a_lettered_lead_in_are_not_principles(values):
    assert len(of(values, "principle")) == 9


@pytest.mark.parametrize("words, head, prefix", [
    (["shared"], "values", "SV"), (["operating"], "principles", "OP"), (["national", "well-being"], "goals", "WG"),
    (["sustainable", "development"], "principle", "SD"), (["public", "health"], "approach", "PH"),
    (["nationally", "agreed", "operating"], "principles", "OP"),
])
def test_list_prefix(words, head, prefix):
    assert list_prefix(words, head) == prefix


def test_points_after_a_sentence_that_mentions_principles_are_not_principles(values):
    texts = " ".join(f.fields["text"] for f in of(values, "principle"))
    assert "Toddlers" not in texts and "Benches" not in texts
