"""`govgraph review …` end to end on the bundled sample council: every decision kind, replay after a
rebuild and after removing and re-adding a paper, conflicting decisions, export and import."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import SAMPLE, app
from graph import GraphStore
from graph.decisions import LOG_FILE
from graph.identity import stored_identity, stored_merges
from graph.ids import GRAPH_BASE, ID_BASE, entity_iri
from graph.review import REVIEW_GRAPH

runner = CliRunner()
PAPER = "01_wexcombe_hwb_2021-06-17_agenda_pack.txt"
BOARD = entity_iri("organisation", "Wexcombe Health and Wellbeing Board")
FENWICK = entity_iri("person", "Marcus Fenwick")


def _invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("review-sample") / "data"
    result = _invoke("build", str(SAMPLE), "--data", str(data), "--quiet")
    assert result.exit_code == 0, result.output
    return data


@pytest.fixture
def data(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(built, copy)
    return copy


def _facts(data: Path) -> list[dict]:
    result = _invoke("export", "--format", "facts", "--data", str(data))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _query(data: Path, text: str) -> list[dict]:
    with GraphStore.open(data, read_only=True) as store:
        return store.query(text)


def _membership(data: Path, paper: str = PAPER, person: str = "Marcus Fenwick") -> str:
    """The IRI of the person's membership fact in one paper."""
    rows = _query(data, f"""SELECT ?m WHERE {{ ?m a org:Membership ; org:member <{entity_iri('person', person)}> ;
                               prov:wasDerivedFrom/gg:document/gg:fileName "{paper}" }}""")
    assert len(rows) == 1, rows
    return rows[0]["m"]


def _decisions(data: Path) -> list[dict]:
    result = _invoke("review", "list", "--data", str(data), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _fenwick_memberships(data: Path) -> list[dict]:
    return [f for f in _facts(data) if f["type"] == "membership" and f["person"] == "Marcus Fenwick"]


def test_reject_a_membership_leaves_views_and_export_but_stays_queryable(data: Path) -> None:
    fact = _membership(data)
    before = len(_fenwick_memberships(data))
    result = _invoke("review", "reject", fact, "--why", "listed in error", "--by", "ana", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert "applied" in result.stdout
    after = _fenwick_memberships(data)
    assert len(after) == before - 1 and PAPER not in {f["doc"] for f in after}
    assert not _query(data, f"ASK {{ <{fact}> a org:Membership }}")[0]["result"]
    kept = _query(data, f"""SELECT ?by ?why ?gone WHERE {{ GRAPH <{REVIEW_GRAPH}> {{ <{fact}> gg:rejectedBy ?d .
                           ?d gg:reviewer ?by ; gg:reason ?why . ?w gg:withdrawnBy ?d ; gg:withdrawnStatements ?gone }} }}""")
    assert kept and kept[0]["by"] == "ana" and kept[0]["why"] == "listed in error"
    assert f"<{fact}> <http://www.w3.org/ns/org#member> <{FENWICK}>" in kept[0]["gone"]
    [logged] = _decisions(data)
    assert logged["kind"] == "reject" and logged["status"] == "applied" and logged["targets"] == [fact]


def test_confirm_after_reject_supersedes_it_and_the_export_names_the_decision(data: Path) -> None:
    fact = _membership(data)
    assert _invoke("review", "reject", fact, "--data", str(data)).exit_code == 0
    result = _invoke("review", "confirm", fact, "--why", "checked the paper", "--data", str(data))
    assert result.exit_code == 0, result.output
    restored = [f for f in _fenwick_memberships(data) if f["doc"] == PAPER]
    assert len(restored) == 1
    reject, confirm = _decisions(data)
    assert reject["status"] == "superseded" and confirm["id"] in reject["note"]
    assert restored[0]["decisions"] == [confirm["id"]]


def test_rename_changes_the_display_name_and_keeps_the_old_as_variant(data: Path) -> None:
    result = _invoke("review", "rename", "person/marcus-fenwick", "Marcus T. Fenwick", "--data", str(data))
    assert result.exit_code == 0, result.output
    people = [f for f in _facts(data) if f["type"] == "person" and f["name"] == "Marcus T. Fenwick"]
    assert people and all("Marcus Fenwick" in f["variants"] for f in people)
    members = {f["person"] for f in _facts(data) if f["type"] == "membership"}
    assert "Marcus T. Fenwick" in members and "Marcus Fenwick" not in members
    labels = {r["l"] for r in _query(data, f"SELECT DISTINCT ?l WHERE {{ <{FENWICK}> rdfs:label ?l }}")}
    assert labels == {"Marcus T. Fenwick"}


def test_merge_and_split_two_people(data: Path) -> None:
    a, b = entity_iri("person", "Nadia Brennan"), entity_iri("person", "Helen Brennan")
    assert _invoke("review", "merge", a, b, "--why", "one person", "--data", str(data)).exit_code == 0
    with GraphStore.open(data, read_only=True) as store:
        [merge] = stored_merges(store)
        assert merge["rule"] == "decision" and "one person" in merge["evidence"]
        assert stored_identity(store)[b] == merge["canonical"] or stored_identity(store)[a] == merge["canonical"]
        [decision] = store.query(f"SELECT ?d WHERE {{ ?m gg:decision ?d }}")
    assert _invoke("review", "split", b, a, "--data", str(data)).exit_code == 0  # the pair in either order
    with GraphStore.open(data, read_only=True) as store:
        assert stored_merges(store) == [] and stored_identity(store) == {}
    merge_row, split_row = _decisions(data)
    assert merge_row["status"] == "superseded" and split_row["status"] == "applied"
    assert decision["d"].endswith(merge_row["id"])


def test_merge_two_organisations_restates_the_second_as_the_first(data: Path) -> None:
    keep = entity_iri("organisation", "Wexcombe Community Safety Partnership Board")
    gone = entity_iri("organisation", "Community Safety Partnership")
    assert _query(data, f"ASK {{ ?x ?p <{gone}> }}")[0]["result"]
    result = _invoke("review", "merge", keep, gone, "--data", str(data))
    assert result.exit_code == 0, result.output
    in_papers = f"""ASK {{ GRAPH ?g {{ {{ ?x ?p <{gone}> }} UNION {{ <{gone}> ?p ?x }} }}
                        FILTER(STRSTARTS(STR(?g), "{GRAPH_BASE}")) }}"""
    assert not _query(data, in_papers)[0]["result"]
    variants = {r["v"] for r in _query(data, f"SELECT ?v WHERE {{ <{keep}> skos:altLabel ?v }}")}
    assert "Community Safety Partnership" in variants
    relations = [f for f in _facts(data) if f["type"] == "oversight" and "Community Safety Partnership" in f["quote"]]
    assert relations and all("Community Safety Partnership" != f["subject"] for f in relations)


def test_reject_an_entity_that_is_not_one_takes_its_facts_with_it(data: Path) -> None:
    result = _invoke("review", "reject", "person/marcus-fenwick", "--why", "not a person", "--data", str(data))
    assert result.exit_code == 0, result.output
    facts = _facts(data)
    assert not [f for f in facts if "Marcus Fenwick" in (f.get("person"), f.get("name"))]
    assert not _query(data, f"ASK {{ <{FENWICK}> rdfs:label ?l }}")[0]["result"]
    assert not _query(data, f"ASK {{ ?m org:member <{FENWICK}> }}")[0]["result"]


def test_decisions_replay_after_a_rebuild_and_after_removing_and_re_adding_a_paper(data: Path) -> None:
    fact = _membership(data)
    assert _invoke("review", "reject", fact, "--data", str(data)).exit_code == 0
    assert _invoke("review", "rename", "person/marcus-fenwick", "M. Fenwick-Lowe", "--data", str(data)).exit_code == 0
    # rebuilding the same papers (nothing changes) keeps both decisions applied
    assert _invoke("build", str(SAMPLE), "--data", str(data), "--quiet").exit_code == 0
    assert [d["status"] for d in _decisions(data)] == ["applied", "applied"]
    # removing the paper: the rejection's target is gone and is reported, not dropped
    result = runner.invoke(app, ["remove", str(SAMPLE / PAPER), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "target missing" not in result.stdout and "no longer in the graph" in result.stderr
    statuses = [d["status"] for d in _decisions(data)]
    assert statuses == ["target missing", "applied"]
    # adding it back: the same content gives the same fact id, and the rejection applies again
    assert _invoke("build", str(SAMPLE), "--data", str(data), "--quiet").exit_code == 0
    assert [d["status"] for d in _decisions(data)] == ["applied", "applied"]
    assert PAPER not in {f["doc"] for f in _facts(data) if f["type"] == "membership" and f["line"] == 22
                         and f["person"] == "M. Fenwick-Lowe"}
    assert any(f["person"] == "M. Fenwick-Lowe" for f in _facts(data) if f["type"] == "membership")


def test_export_and_import_share_decisions_between_data_directories(data: Path, built: Path, tmp_path: Path) -> None:
    fact = _membership(data)
    assert _invoke("review", "reject", fact, "--by", "team-a", "--data", str(data)).exit_code == 0
    shared = tmp_path / "decisions.jsonl"
    assert _invoke("review", "export", "--data", str(data), "-o", str(shared)).exit_code == 0
    other = tmp_path / "other"
    shutil.copytree(built, other)
    result = _invoke("review", "import", str(shared), "--data", str(other))
    assert result.exit_code == 0 and "imported 1" in result.stdout
    assert _invoke("review", "import", str(shared), "--data", str(other)).stdout.startswith("imported 0")
    assert _facts(other) == _facts(data)


def test_a_target_not_in_the_graph_is_refused_and_nothing_is_logged(data: Path) -> None:
    result = runner.invoke(app, ["review", "reject", "membership/0000000000000000", "--data", str(data)])
    assert result.exit_code == 1 and "no entity or fact" in result.stderr
    assert not (data / LOG_FILE).exists()
    result = runner.invoke(app, ["review", "merge", "person/marcus-fenwick", BOARD, "--data", str(data)])
    assert result.exit_code == 2 and "two people or two organisations" in result.stderr


def test_a_corrupt_log_is_reported_with_its_line(data: Path) -> None:
    assert _invoke("review", "confirm", "person/marcus-fenwick", "--data", str(data)).exit_code == 0
    log = data / LOG_FILE
    log.write_text(log.read_text() + '{"kind": "reject", "targets": [], "by": "x", "at": "2024-01-01T00:00:00"}\n')
    result = runner.invoke(app, ["review", "export", "--data", str(data)])
    assert result.exit_code == 1 and f"{LOG_FILE} line 2" in result.stderr and "takes 1 target" in result.stderr


def test_the_queue_is_ranked_by_facts_affected_and_leaves_out_decided_items(data: Path) -> None:
    result = _invoke("review", "queue", "--data", str(data), "--format", "json", "--no-shapes")
    assert result.exit_code == 0, result.output
    queue = json.loads(result.stdout)
    assert set(queue["counts"]) == {"weak merge", "weak merge in a paper", "near duplicate", "low confidence", "shape"}
    items = queue["items"]
    assert [i["facts"] for i in items] == sorted((i["facts"] for i in items), reverse=True)
    low = [i for i in items if i["kind"] == "low confidence"]
    assert low and all(t.startswith(ID_BASE) for i in low for t in i["targets"])
    assert _invoke("review", "confirm", low[0]["targets"][0], "--data", str(data)).exit_code == 0
    again = json.loads(_invoke("review", "queue", "--data", str(data), "--format", "json", "--no-shapes").stdout)
    assert low[0]["targets"][0] not in {t for i in again["items"] for t in i["targets"]}


def test_an_overrides_file_becomes_merge_and_split_decisions(data: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides.json"
    overrides.write_text(json.dumps({"same": [["Cllr Nadia Brennan", "Helen Brennan"]],
                                     "different": [["Marcus Fenwick", "Nobody Listed"]]}))
    result = runner.invoke(app, ["review", "import-overrides", str(overrides), "--by", "ana", "--data", str(data)])
    assert result.exit_code == 1 and "recorded 1 decision" in result.stdout and "Nobody Listed" in result.stderr
    [merge] = _decisions(data)
    assert merge["kind"] == "merge" and merge["status"] == "applied" and merge["by"] == "ana"
    assert set(merge["targets"]) == {entity_iri("person", "Nadia Brennan"), entity_iri("person", "Helen Brennan")}
