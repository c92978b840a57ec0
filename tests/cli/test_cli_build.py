"""The `govgraph` command line end to end: build, re-build, remove, export, bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from api.cli import SAMPLE, app

runner = CliRunner()


def _invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def _facts(data: Path) -> list[dict]:
    result = _invoke("export", "--format", "facts", "--data", str(data))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_build_sample_then_export_facts_from_the_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _invoke("build", str(SAMPLE), "--data", str(data), "--quiet")
    assert result.exit_code == 0, result.output
    assert "documents stored" in result.stdout
    facts = _facts(data)
    types = {f["type"] for f in facts}
    assert {"person", "membership", "meeting"} <= types
    names = {p.name for p in SAMPLE.glob("*.txt")}
    assert {f["doc"] for f in facts} <= names
    assert all(isinstance(f["line"], int) and f["line"] > 0 for f in facts)


def test_building_twice_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _invoke("build", str(SAMPLE), "--data", str(data), "--quiet")
    before = _invoke("export", "--format", "nquads", "--data", str(data)).stdout
    again = _invoke("build", str(SAMPLE), "--data", str(data), "--quiet")
    assert again.exit_code == 0
    assert "documents unchanged" in again.stdout
    after = _invoke("export", "--format", "nquads", "--data", str(data)).stdout
    assert sorted(before.splitlines()) == sorted(after.splitlines())


def test_bad_files_are_named_and_counted_while_the_batch_goes_on(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    good = sorted(SAMPLE.glob("*.txt"))[0]
    (papers / good.name).write_bytes(good.read_bytes())
    (papers / "empty.txt").write_bytes(b"")
    (papers / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (papers / "latin1.txt").write_bytes("Board minutes \u2013 caf\u00e9".encode("cp1252"))
    (papers / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    data = tmp_path / "data"
    result = _invoke("build", str(papers), "--data", str(data), "--quiet")
    assert result.exit_code == 4, result.output
    for name, problem in [("empty.txt", "empty"), ("junk.txt", "binary"), ("latin1.txt", "UTF-8"),
                          ("broken.pdf", "PDF")]:
        assert any(name in line and problem in line for line in result.output.splitlines()), (name, result.output)
    assert {f["doc"] for f in _facts(data)} == {good.name}


def test_remove_retracts_one_document(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _invoke("build", str(SAMPLE), "--data", str(data), "--quiet")
    victim = sorted(SAMPLE.glob("*.txt"))[0]
    result = _invoke("remove", str(victim), "--data", str(data))
    assert result.exit_code == 0, result.output
    docs = {f["doc"] for f in _facts(data)}
    assert victim.name not in docs and docs
    assert _invoke("remove", str(victim), "--data", str(data)).exit_code == 1


def test_installed_command_runs_as_a_real_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = tmp_path / "facts.jsonl"
    build = subprocess.run([sys.executable, "-m", "api.cli", "build", str(SAMPLE), "--data", str(data), "-q"],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    export = subprocess.run([sys.executable, "-m", "api.cli", "export", "--format", "facts", "--data", str(data),
                             "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert export.returncode == 0, export.stderr
    assert out.read_text(encoding="utf-8").count("\n") > 10


def test_a_folder_of_hundreds_of_papers_builds_completely(tmp_path: Path) -> None:
    papers = tmp_path / "many"
    papers.mkdir()
    for i in range(300):
        (papers / f"minutes_{i:04d}.txt").write_text(
            f"MINUTES OF A MEETING OF THE PARKS COMMITTEE\n\nTHURSDAY, {1 + i % 28} MARCH 2022\n\n"
            f"Present: Cllr Ann Leeds (Chair), Cllr Bo Stone{i}\n\nApologies: Carol King\n", encoding="utf-8")
    (papers / "zz_empty.txt").write_text("", encoding="utf-8")
    data = tmp_path / "data"
    result = _invoke("build", str(papers), "--data", str(data), "--quiet")
    assert result.exit_code == 1, result.output
    assert "zz_empty.txt" in result.output
    documents = _invoke("documents", "--data", str(data))
    assert documents.exit_code == 0
    from graph.store import GraphStore

    with GraphStore.open(data, read_only=True) as store:
        assert len(store.documents()) == 300


def test_every_fixture_paper_builds_into_the_store(tmp_path: Path) -> None:
    """What the extractors produce on any fixture layout is accepted by the store (mapping and value checks)."""
    papers = Path(__file__).resolve().parent.parent / "data" / "papers"
    data = tmp_path / "data"
    result = _invoke("build", str(papers), "--data", str(data), "--quiet")
    assert result.exit_code == 0, result.output  # the exit code counts the failed files
    from graph.store import GraphStore

    with GraphStore.open(data, read_only=True) as store:
        assert len(store.documents()) == len([p for p in papers.iterdir() if p.suffix in (".txt", ".md", ".html")])


def test_a_fact_the_store_refuses_is_left_out_with_a_warning_not_the_whole_paper(tmp_path: Path) -> None:
    from extract import Fact, pipeline

    @pipeline.register("govgraph.test_odd_value.v1", order=95)
    def odd_value(doc, context):
        yield Fact("principle", {"id": "ZZ1", "kind": "cosmic", "framework": None, "text": "odd"}, line=1)

    try:
        papers = tmp_path / "papers"
        papers.mkdir()
        good = sorted(SAMPLE.glob("*.txt"))[0]
        (papers / good.name).write_bytes(good.read_bytes())
        data = tmp_path / "data"
        # an extractor registered in this process runs only where the build reads files in this process
        result = runner.invoke(app, ["build", str(papers), "--data", str(data), "--quiet"], catch_exceptions=False,
                               env={"GOVGRAPH_BUILD_WORKERS": "0"})
    finally:
        del pipeline.EXTRACTORS["govgraph.test_odd_value.v1"]
    assert result.exit_code == 0, result.output
    assert "warning" in result.output and good.name in result.output and "'cosmic'" in result.output
    facts = _facts(data)
    assert {f["doc"] for f in facts} == {good.name}
    assert not [f for f in facts if f["type"] == "principle" and f["id"] == "ZZ1"]
