"""Build the data, train a blank-English NER, evaluate on held-out lines, save to extract/model/."""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from extract.training import silver

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
MODEL_DIR = HERE.parent / "model"
FIXTURES = ROOT / "tests" / "data" / "papers"
LABEL_KEYS = {"people": "PERSON", "posts": "POST", "orgs": "ORG"}


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
    return sorted(n for n in names if len(n.split()) >= 2)


def annotated() -> list[silver.Line]:
    """The hand-annotated sentences: each listed span's first free occurrence."""
    lines = []
    for row in (HERE / "annotated.jsonl").read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        d = json.loads(row)
        spans: list[silver.Span] = []
        for key, label in LABEL_KEYS.items():
            for value in d.get(key, []):
                start = d["text"].find(value)
                while start >= 0 and any(s < start + len(value) and start < e for s, e, _ in spans):
                    start = d["text"].find(value, start + 1)
                if start >= 0:
                    spans.append((start, start + len(value), label))
        lines.append(silver.Line(d["text"], sorted(spans)))
    return lines


def build(seed: int = 7, n_silver: int = 4000) -> tuple[list[silver.Line], dict[str, list[silver.Line]]]:
    """Training lines and the held-out sets by name."""
    names = _silver_names()
    train = annotated() * 3 + silver.examples(n_silver, seed, "train", extra_names=names)
    held = {"held_out_names": silver.examples(max(n_silver // 8, 20), seed, "held", extra_names=names),
            "held_out_layouts": silver.examples(max(n_silver // 16, 20), seed, "held_layouts", extra_names=names)}
    return train, held


def _examples(nlp, lines: list[silver.Line]):
    from spacy.training import Example
    return [Example.from_dict(nlp.make_doc(l.text), {"entities": l.spans}) for l in lines]


def evaluate(nlp, lines: list[silver.Line]) -> dict[str, object]:
    """Exact-span P/R/F overall and per label."""
    scores = nlp.evaluate(_examples(nlp, lines))
    out: dict[str, object] = {"P": round(scores["ents_p"], 3), "R": round(scores["ents_r"], 3),
                              "F": round(scores["ents_f"], 3)}
    for label, s in sorted((scores.get("ents_per_type") or {}).items()):
        out[label] = {k.upper(): round(v, 3) for k, v in s.items()}
    return out


def train(out: Path = MODEL_DIR, epochs: int = 10, seed: int = 7, n_silver: int = 4000) -> dict[str, object]:
    import spacy
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    train_lines, held = build(seed, n_silver)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in silver.LABELS:
        ner.add_label(label)
    examples = _examples(nlp, train_lines)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    start = time.time()
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.1f} ({time.time() - start:.0f} s)", flush=True)
    seconds = round(time.time() - start, 1)
    scores: dict[str, object] = {name: evaluate(nlp, lines) for name, lines in held.items()}
    scores.update({"train_lines": len(train_lines), "held_out_lines": {k: len(v) for k, v in held.items()},
                   "epochs": epochs, "training_seconds": seconds})
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    print("held-out", json.dumps(scores, indent=2))
    return scores


def main(argv: list[str] | None = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(prog="python -m extract.training", description=__doc__)
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--silver", type=int, default=4000, help="silver lines to train on")
    args = ap.parse_args(argv)
    train(Path(args.out), args.epochs, n_silver=args.silver)
    return 0
