"""The trained PERSON / POST / ORG model: its silver data, the shipped pipeline, and the `ner` setting."""
from __future__ import annotations

import pytest

from extract.nlp import MODEL_DIR, load_nlp
from extract.pipeline import extract_document
from extract.records import Document

silver = pytest.importorskip("extract.training.silver")  # needs faker (the test extra)


@pytest.mark.parametrize("split", silver.SPLITS)
def test_silver_spans_are_valid_disjoint_and_token_aligned(split):
    import spacy
    from spacy.training import offsets_to_biluo_tags

    nlp = spacy.blank("en")
    lines = silver.examples(300, seed=3, split=split)
    assert {label for line in lines for _, _, label in line.spans} == set(silver.LABELS)
    for line in lines:
        ends = -1
        for start, end, label in line.spans:
            assert label in silver.LABELS
            assert ends <= start < end <= len(line.text), line
            piece = line.text[start:end]
            assert piece == piece.strip() and piece, line
            if label == "PERSON":
                assert piece.split()[0].rstrip(".") not in ("Cllr", "Councillor", "Dr", "Mr", "Mrs", "Mayor"), line
            ends = end
        assert "-" not in offsets_to_biluo_tags(nlp.make_doc(line.text), line.spans), line


def test_silver_is_reproducible_and_held_out_names_are_unseen():
    assert [l.text for l in silver.examples(20, seed=5)] == [l.text for l in silver.examples(20, seed=5)]
    surnames = {split: {line.text[s:e].split()[-1] for line in silver.examples(400, seed=5, split=split)
                        for s, e, label in line.spans if label == "PERSON"} for split in ("train", "held")}
    assert not surnames["train"] & surnames["held"]


@pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="model not trained")
def test_shipped_model_finds_a_person_a_post_and_an_organisation_in_an_unseen_line():
    nlp = load_nlp({})
    assert set(nlp.get_pipe("ner").labels) >= {"PERSON", "POST", "ORG"}
    doc = nlp("Ondine Farquharson-Bell, Director of Adult Social Care, Thistlecombe NHS Foundation Trust")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Ondine Farquharson-Bell", "PERSON") in found
    assert ("Director of Adult Social Care", "POST") in found
    assert ("Thistlecombe NHS Foundation Trust", "ORG") in found


def _tiny_pipeline(path):
    """A stand-in model: fixed PERSON and ORG entities, so the wiring is tested apart from the training."""
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Helen Quorrendale"},
                        {"label": "ORG", "pattern": "Quillfold Riverside Company"}])
    nlp.to_disk(path)
    return str(path)


PROSE = ["MINUTES OF THE ALLOTMENTS PANEL", "",
         "Helen Quorrendale had walked the new plots with the Quillfold Riverside Company last month."]


def _people_and_orgs(settings):
    doc = Document(id="0" * 16, name="t.txt", path="t.txt", format="txt", lines=PROSE)
    facts = extract_document(doc, settings).facts
    return ({f.fields["name"] for f in facts if f.type == "person"},
            {f.fields["name"] for f in facts if f.type == "organisation"})


def test_the_ner_settings_switch_the_model_people_and_organisations_on_and_off(tmp_path):
    model = _tiny_pipeline(tmp_path / "tiny")
    people, orgs = _people_and_orgs({"model_dir": model})
    assert "Helen Quorrendale" not in people and "Quillfold Riverside Company" not in orgs
    people, orgs = _people_and_orgs({"model_dir": model, "ner": True})
    assert "Helen Quorrendale" in people and "Quillfold Riverside Company" not in orgs
    people, orgs = _people_and_orgs({"model_dir": model, "ner_orgs": True})
    assert "Helen Quorrendale" not in people and "Quillfold Riverside Company" in orgs


def test_the_api_settings_turn_people_on_and_organisations_off_by_default(monkeypatch):
    from api.settings import Settings
    monkeypatch.delenv("GOVGRAPH_NER", raising=False)
    monkeypatch.delenv("GOVGRAPH_NER_ORGS", raising=False)
    assert Settings().extract_settings().get("ner") is True
    assert "ner_orgs" not in Settings().extract_settings()
    assert "ner" not in Settings(ner=False).extract_settings()
    assert Settings(ner_orgs=True).extract_settings()["ner_orgs"] is True


def test_a_titled_entity_keeps_its_title_and_a_split_name_is_dropped():
    from extract.people.model_mentions import _person
    text = "Apologies from Councillor Helen Quorrendale and from Ann Helen Quorrendale."
    start = text.index("Helen")
    person = _person(text, start, start + len("Helen Quorrendale"))
    assert person.name == "Helen Quorrendale" and person.titles
    second = text.rindex("Helen")
    assert _person(text, second, second + len("Helen Quorrendale")) is None  # "Ann" before it: a longer name


def test_a_person_entity_that_runs_on_into_another_name_is_dropped_and_a_trailing_role_is_trimmed():
    from extract.people.model_mentions import _person
    text = "- Helen Quorrendale Day 2026, in the spring"
    assert _person(text, 2, 19) is None  # a day named after someone, not the person
    assert _person(text, 2, 23) is None  # the same, when the entity takes in the day
    text = "Helen Quorrendale Vice-Chair, Ann Tolley"
    assert _person(text, 0, len("Helen Quorrendale Vice-Chair")).name == "Helen Quorrendale"


def test_a_model_organisation_must_be_one_named_body_the_rules_missed():
    from extract.people.model_mentions import _organisation
    assert _organisation("Quillfold Riverside Trust's", []) == "Quillfold Riverside Trust"
    assert _organisation("Local Authority", []) is None  # a kind of body
    assert _organisation("Quillfold Riverside Allotments", []) is None  # no organisation word at its end
    assert _organisation("Quillfold Riverside Trust", ["riverside trust"]) is None  # the rules have it
