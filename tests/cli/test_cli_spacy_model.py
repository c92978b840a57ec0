"""`govgraph build --spacy-model`: a user's own spaCy pipeline finds people in prose."""
from __future__ import annotations

import json
from pathlib import Path

import spacy
from typer.testing import CliRunner

from api.cli import app

PAPER = """MINUTES OF A MEETING OF THE ALLOTMENTS PANEL

TUESDAY, 14TH JUNE 2022

1 Growing spaces

1.1 Quillon Marsh-Tavey set out the plan for new raised beds on the estate and took questions.
"""


def test_a_pretrained_pipeline_given_by_path_finds_names_the_rules_miss(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Quillon Marsh-Tavey"}])
    model = tmp_path / "tiny_pipeline"
    nlp.to_disk(model)
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "panel.txt").write_text(PAPER, encoding="utf-8")

    def people(*extra: str) -> set[str]:
        data = tmp_path / ("data" + "".join(extra).replace("/", "_"))
        runner = CliRunner()
        built = runner.invoke(app, ["build", str(papers), "--data", str(data), "-q", *extra])
        assert built.exit_code == 0, built.output
        exported = runner.invoke(app, ["export", "--data", str(data)])
        return {f["name"] for f in map(json.loads, exported.stdout.splitlines()) if f["type"] == "person"}

    assert "Quillon Marsh-Tavey" not in people()
    assert "Quillon Marsh-Tavey" in people("--spacy-model", str(model))
