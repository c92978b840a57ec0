"""The spaCy pipeline for people in prose.

`load_nlp(settings)`:
- settings["spacy_model"] names an installed pretrained pipeline (e.g. en_core_web_sm)
  or a path to a saved pipeline: that is used;
- otherwise the shipped model in extract/model/ (blank English + a small NER trained
  from scratch by `python -m extract.training`);
- when that is missing: blank English with rule patterns only, and a warning.

`person_spans(nlp, text)` gives (start, end, text) of PERSON entities.
"""
from __future__ import annotations

import logging
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).parent / "model"

#: title-led patterns: a rule layer that works with or without a trained model
TITLE_WORDS = ["Cllr", "Councillor", "Dr", "Mayor", "Professor", "Prof", "Sir", "Dame", "Mr", "Mrs", "Ms"]


def _rule_patterns() -> list[dict[str, Any]]:
    cap = {"IS_TITLE": True, "IS_STOP": False}
    patterns = []
    for title in TITLE_WORDS:
        patterns.append({"label": "PERSON", "pattern": [{"ORTH": title}, cap, cap]})
        patterns.append({"label": "PERSON", "pattern": [{"ORTH": title}, cap]})
    patterns.append({"label": "PERSON", "pattern": [{"LOWER": "deputy"}, {"LOWER": "mayor"}, cap, cap]})
    return patterns


def _add_rules(nlp: Any) -> Any:
    if "entity_ruler" not in nlp.pipe_names:
        config = {"overwrite_ents": False}
        if "ner" in nlp.pipe_names:
            ruler = nlp.add_pipe("entity_ruler", before="ner", config=config)
        else:
            ruler = nlp.add_pipe("entity_ruler", config=config)
        ruler.add_patterns(_rule_patterns())
    return nlp


def blank_pipeline() -> Any:
    import spacy

    return _add_rules(spacy.blank("en"))


def load_nlp(settings: dict[str, Any] | None = None) -> Any:
    """The pipeline named by settings, else the shipped one, else rules only (with a warning)."""
    import spacy

    settings = settings or {}
    name = settings.get("spacy_model")
    if name:
        try:
            return spacy.load(name)
        except (OSError, IOError, ValueError) as exc:
            msg = f"spaCy pipeline '{name}' is not installed or not readable ({exc}); using the shipped model"
            log.warning(msg)
            warnings.warn(msg, stacklevel=2)
    model_dir = Path(settings.get("model_dir") or MODEL_DIR)
    if (model_dir / "meta.json").exists():
        try:
            return spacy.load(model_dir)
        except (OSError, ValueError) as exc:
            log.warning("shipped model at %s unreadable (%s)", model_dir, exc)
    msg = f"no trained NER model at {model_dir}; people in prose come from rules only (run python -m extract.training)"
    log.warning(msg)
    warnings.warn(msg, stacklevel=2)
    return blank_pipeline()


@lru_cache(maxsize=4)
def cached_nlp(spacy_model: str | None = None, model_dir: str | None = None) -> Any:
    settings: dict[str, Any] = {}
    if spacy_model:
        settings["spacy_model"] = spacy_model
    if model_dir:
        settings["model_dir"] = model_dir
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_nlp(settings)


def person_spans(nlp: Any, text: str) -> list[tuple[int, int, str]]:
    doc = nlp(text)
    return [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ("PERSON", "PER")]
