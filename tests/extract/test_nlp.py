"""The spaCy pipeline: shipped model, named pretrained pipeline, rules-only fallback."""
import pytest

from extract.nlp import MODEL_DIR, load_nlp, person_spans


def test_named_pipeline_is_used(tmp_path):
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Zara Quest"}])
    nlp.to_disk(tmp_path / "tiny")
    loaded = load_nlp({"spacy_model": str(tmp_path / "tiny")})
    assert person_spans(loaded, "We thanked Zara Quest.") == [(11, 21, "Zara Quest")]


def test_missing_named_pipeline_falls_back(tmp_path):
    with pytest.warns(UserWarning):
        nlp = load_nlp({"spacy_model": "en_no_such_pipeline", "model_dir": str(tmp_path / "none")})
    assert "entity_ruler" in nlp.pipe_names
    assert ("Cllr Ada Rook" in [t for _, _, t in person_spans(nlp, "Cllr Ada Rook asked a question.")])


@pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="model not trained")
def test_shipped_model_finds_people():
    nlp = load_nlp({})
    assert "ner" in nlp.pipe_names
    spans = [t for _, _, t in person_spans(nlp, "Maeve Tolland said the figures had improved.")]
    assert any("Tolland" in s for s in spans)


@pytest.mark.slow
def test_training_reproduces_model(tmp_path):
    from extract.training.train import train
    scores = train(tmp_path / "model", epochs=3, n_silver=400)
    assert (tmp_path / "model" / "meta.json").exists()
    assert scores["held_out_names"]["PERSON"]["F"] > 0.5
