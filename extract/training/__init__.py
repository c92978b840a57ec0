"""Train the small PERSON NER shipped in extract/model/: `python -m extract.training`.

Data: hand-annotated sentences in annotated.jsonl (fictional council prose, written
for this project) plus silver sentences made from templates filled with names that
the structured-list extractors find in the fixture papers (tests/data/papers) and a
forename x surname grid. Held-out sentences use surnames never seen in training;
P/R/F on them is printed and written to extract/model/scores.json.
"""
