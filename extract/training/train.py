"""Build the data, train a blank-English NER, evaluate on held-out names, save to extract/model/."""
from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
MODEL_DIR = HERE.parent / "model"
FIXTURES = ROOT / "tests" / "data" / "papers"

SURNAMES_TRAIN = """Ashworth Bellamy Carrow Dunmore Ellery Farrant Galloway Hartley Ingram Jessop Kettering Lowther Marlow
Norcross Oakley Pendle Quarry Radley Sefton Thornbury Underwood Varley Whitlock Yardley Abara Bose Chaudhry Dlamini Eze
Fonseca Gallagher Haddad Iqbal Jovanovic Kowalski Lindqvist Mensah Nakamura Okonkwo Petrov Quintero Rahman Santos
Takahashi Umeh Vasquez Wozniak Xu Yilmaz Zielinski Ashby-Quinn O'Rourke McAllister MacLeod""".split()
SURNAMES_HELD = """Brightwell Cottingham Devereux Fairbairn Grimshaw Holloway Kilbride Mortimer Nettleton Pemberton
Rushworth Stansfield Trevelyan Wainwright Adeyemi Banerjee Castellano Demir Esposito Fitzgerald""".split()
ORGS = ["the Clinical Commissioning Group", "Wexbury Council", "the Safeguarding Adults Board", "Fernmouth CVS",
        "the Youth Justice Service", "Public Health", "the Community Safety Partnership", "Healthwatch Wexbury",
        "the Integrated Care Board", "the Police", "Age Concern Fernmouth", "the GP Federation"]
POSTS = ["Director of Public Health", "Head of Community Safety", "Chief Executive", "Programme Manager",
         "Cabinet Member for Housing", "Policy Officer", "Chair of the Board", "Consultant in Public Health"]
TITLES = ["", "", "", "Cllr ", "Councillor ", "Dr ", "Mayor "]
TEMPLATES = [
    "{t}{n} said that the service had improved.", "{t}{n} asked how residents would be involved.",
    "{n}, {p}, introduced the report.", "The report was presented by {t}{n}, {p}.",
    "{t}{n} ({o}) noted the risks to delivery.", "Action: {n} to share the data with {o}.",
    "The Chair thanked {t}{n} for the update.", "{t}{n} explained that {o} would lead the work.",
    "{t}{n} and {t2}{n2} responded to questions.", "Apologies were received from {t}{n}.",
    "{o} will report to the Board in the autumn.", "Members agreed the recommendations of {o}.",
    "The {p} will attend the next meeting.", "{n} welcomed the progress made by {o}.",
]


def _forenames() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from extract.names import FORENAMES
    return sorted(f.capitalize() for f in FORENAMES)


def _silver_names() -> list[str]:
    """Names the structured-list extractors find in the fixture papers."""
    sys.path.insert(0, str(ROOT))
    from extract.documents import load_document
    from extract.pipeline import EXTRACTORS, extract_document
    import extract.people  # noqa: F401
    names: set[str] = set()
    wanted = [n for n in ("govgraph.meetings.v1", "govgraph.members.v1", "govgraph.attendance.v1") if n in EXTRACTORS]
    for path in sorted(FIXTURES.glob("people_*.txt")):
        ex = extract_document(load_document(path), only=wanted)
        for f in ex.facts:
            if f.type in ("membership", "attendance") and f.fields.get("person"):
                names.add(f.fields["person"])
    return sorted(names)


def _example(rng: random.Random, firsts: list[str], surnames: list[str]) -> tuple[str, list[str]]:
    tpl = rng.choice(TEMPLATES)
    n = f"{rng.choice(firsts)} {rng.choice(surnames)}"
    n2 = f"{rng.choice(firsts)} {rng.choice(surnames)}"
    text = tpl.format(t=rng.choice(TITLES), t2=rng.choice(TITLES), n=n, n2=n2, o=rng.choice(ORGS), p=rng.choice(POSTS))
    people = [x for x in (n, n2) if x in text and ("{n}" in tpl or "{n2}" in tpl)]
    people = [n] * ("{n}" in tpl) + [n2] * ("{n2}" in tpl)
    return text, people


def _spans(text: str, people: list[str]) -> list[tuple[int, int, str]]:
    spans, taken = [], []
    for p in people:
        for m in re.finditer(re.escape(p), text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                spans.append((m.start(), m.end(), "PERSON"))
                taken.append((m.start(), m.end()))
                break
    return spans


def build(seed: int = 7) -> tuple[list, list]:
    rng = random.Random(seed)
    firsts = _forenames()
    silver = _silver_names()
    train, held = [], []
    for line in (HERE / "annotated.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            train.append((d["text"], _spans(d["text"], d["people"])))
    for name in silver:
        for tpl in rng.sample(TEMPLATES[:10], 3):
            text = tpl.format(t="", t2="", n=name, n2=name, o=rng.choice(ORGS), p=rng.choice(POSTS))
            train.append((text, _spans(text, [name])))
    for _ in range(700):
        text, people = _example(rng, firsts, SURNAMES_TRAIN)
        train.append((text, _spans(text, people)))
    for _ in range(200):
        text, people = _example(rng, firsts, SURNAMES_HELD)
        held.append((text, _spans(text, people)))
    return train, held


def evaluate(nlp, data) -> dict[str, float]:
    tp = fp = fn = 0
    for text, spans in data:
        gold = {(s, e) for s, e, _ in spans}
        pred = {(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "PERSON"}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def train(out: Path = MODEL_DIR, epochs: int = 12, seed: int = 7) -> dict[str, float]:
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    train_data, held = build(seed)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": s}) for t, s in train_data]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    start = time.time()
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.1f}", flush=True)
    scores = evaluate(nlp, held)
    scores["train_sentences"] = len(train_data)
    scores["held_out_sentences"] = len(held)
    scores["seconds"] = round(time.time() - start, 1)
    out.mkdir(parents=True, exist_ok=True)
    from extract.nlp import _add_rules
    _add_rules(nlp)
    nlp.to_disk(out)
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    print("held-out", scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(prog="python -m extract.training", description=__doc__)
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--epochs", type=int, default=12)
    args = ap.parse_args(argv)
    train(Path(args.out), args.epochs)
    return 0
