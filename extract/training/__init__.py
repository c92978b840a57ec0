"""Train the small PERSON / POST / ORG NER shipped in extract/model/: `python -m extract.training`.

Data: hand-annotated sentences in annotated.jsonl (fictional council prose, written
for this project), silver lines from extract.training.silver (invented names, posts and
organisations in many layout templates: attendance lists, flattened tables, signatures,
prose) and the names the structured-list extractors find in the fixture papers
(tests/data/papers) set in those templates. Held-out lines use names and places never
seen in training, and some layouts never seen in training; P/R/F per label on them is
printed and written to extract/model/scores.json.
"""
