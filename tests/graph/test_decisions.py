"""The decisions log (append-only, atomic, validated) and its replay on a real store."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.records import Document, Extraction, Fact
from graph import GraphStore
from graph.decisions import (LOG_FILE, DecisionError, DecisionLog, DecisionLogError, effective, from_json,
                             new_decision)
from graph.identity import stored_identity, stored_merges
from graph.ids import entity_iri
from api.build import derive
from graph.review import APPLIED, MISSING, SUPERSEDED, decide, decision_rows

BOARD = "Northollow Health and Wellbeing Board"
TRUST = "Northollow Community Hospital Trust"
POST = "Chief Executive, Northollow Community Hospital Trust"


def person(name: str) -> str:
    return entity_iri("person", name)


def paper(n: int, day: str, names: list[str]) -> Extraction:
    """A fictional pack listing people on BOARD, each with the same post."""
    doc = Document(id=f"{n:016x}", name=f"{n:02d}_pack.txt", path=f"/papers/{n:02d}_pack.txt", format="txt",
                   lines=[f"line {i}" for i in range(1, 40)], title=f"Pack {n}", date=day)
    facts = [Fact("organisation", {"name": BOARD, "kind": "board", "variants": []}, 1, BOARD)]
    for i, name in enumerate(names, start=10):
        facts.append(Fact("person", {"name": name, "variants": [name], "titles": []}, i, name))
        facts.append(Fact("membership", {"person": name, "body": BOARD, "role": "member", "post": POST,
                                         "affiliation": TRUST, "as_of": day}, i, name))
    return Extraction(doc, facts)


@pytest.fixture
def store(tmp_path: Path):
    with GraphStore.open(tmp_path / "data") as opened:
        for p in (paper(1, "2021-05-01", ["Wilhelmina Trask"]), paper(2, "2022-05-01", ["Wilhelmina Trasck"])):
            opened.write_extraction(p)
        derive(opened)
        yield opened


def test_a_decision_has_a_stable_id_and_round_trips_through_json() -> None:
    d = new_decision("rename", ["person/ada-vale"], value="Ada Vale-Moss", by="ana", why="married name")
    assert d.id.startswith("d-") and d.targets == (person("Ada Vale"),)
    assert from_json(json.loads(json.dumps(d.to_json()))) == d
    tampered = {**d.to_json(), "value": "Someone Else"}
    with pytest.raises(DecisionError, match="does not match its content"):
        from_json(tampered)


@pytest.mark.parametrize(("kind", "targets", "value", "problem"), [
    ("delete", ["person/a-b"], "", "unknown decision kind"),
    ("merge", ["person/a-b"], "", "takes 2 target"),
    ("merge", ["person/a-b", "organisation/c"], "", "two people or two organisations"),
    ("rename", ["membership/0123"], "X", "only an entity"),
    ("rename", ["person/a-b"], "", "needs the new name"),
    ("reject", ["https://example.org/x"], "", "not a govgraph IRI"),
])
def test_invalid_decisions_are_refused(kind: str, targets: list[str], value: str, problem: str) -> None:
    with pytest.raises(DecisionError, match=problem):
        new_decision(kind, targets, value=value, by="ana")


def test_the_log_is_append_only_deduplicated_and_names_a_bad_line(tmp_path: Path) -> None:
    log = DecisionLog(tmp_path)
    first = new_decision("confirm", ["person/ada-vale"], by="ana")
    second = new_decision("reject", ["person/ada-vale"], by="bo")
    assert log.append([first]) == [first]
    assert log.append([first, second]) == [second]
    assert log.read() == [first, second]
    text = (tmp_path / LOG_FILE).read_text()
    (tmp_path / LOG_FILE).write_text(text + "{not json\n")
    with pytest.raises(DecisionLogError, match=rf"{LOG_FILE} line 3"):
        log.read()


def test_a_failed_append_leaves_the_old_log_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = DecisionLog(tmp_path)
    first = new_decision("confirm", ["person/ada-vale"], by="ana")
    log.append([first])
    before = (tmp_path / LOG_FILE).read_bytes()

    def crash(*args: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        log.append([new_decision("reject", ["person/ada-vale"], by="bo")])
    assert (tmp_path / LOG_FILE).read_bytes() == before


def test_the_last_decision_on_a_target_or_pair_is_in_force() -> None:
    a = new_decision("merge", ["person/ada-vale", "person/ada-vail"], by="ana")
    b = new_decision("split", ["person/ada-vail", "person/ada-vale"], by="bo")
    c = new_decision("reject", ["person/ada-vale"], by="cy")
    state = effective([a, b, c])
    assert state.current == [b, c] and state.superseded == {a.id: b.id}


def test_split_undoes_an_automatic_merge_and_merge_forces_one(store: GraphStore) -> None:
    [auto] = stored_merges(store)
    assert auto["rule"] == "spelling"
    pair = [person("Wilhelmina Trask"), person("Wilhelmina Trasck")]
    outcome = decide(store, new_decision("split", pair, by="ana", why="two people"), derive)
    assert outcome.status == APPLIED and stored_merges(store) == [] and stored_identity(store) == {}
    outcome = decide(store, new_decision("merge", pair, by="bo", why="one person after all"), derive)
    [forced] = stored_merges(store)
    assert forced["rule"] == "decision" and "one person after all" in forced["evidence"]
    assert [r["status"] for r in decision_rows(store)] == [SUPERSEDED, APPLIED]


def test_a_decision_whose_paper_is_removed_is_reported_then_applies_again(store: GraphStore) -> None:
    [fact] = store.query(f"SELECT ?m WHERE {{ ?m org:member <{person('Wilhelmina Trasck')}> }}")
    decide(store, new_decision("reject", [fact["m"]], by="ana"), derive)
    assert not store.query(f"ASK {{ <{fact['m']}> a org:Membership }}")[0]["result"]
    store.remove_document("0000000000000002")
    derive(store)
    [row] = decision_rows(store)
    assert row["status"] == MISSING and fact["m"] in row["note"]
    assert "membership in 02_pack.txt, line 10: Wilhelmina Trasck" in row["note"]  # what it was
    store.write_extraction(paper(2, "2022-05-01", ["Wilhelmina Trasck"]))
    derive(store)
    assert decision_rows(store)[0]["status"] == APPLIED
    assert not store.query(f"ASK {{ <{fact['m']}> a org:Membership }}")[0]["result"]


def test_a_replay_restores_what_it_withdrew_before_applying_again(store: GraphStore) -> None:
    forum = "Northollow Carers Forum"
    doc = Document(id=f"{9:016x}", name="09_forum.txt", path="/papers/09_forum.txt", format="txt",
                   lines=["Carers Forum", "Members: Ada Quill"], title="Forum", date="2022-06-01")
    store.write_extraction(Extraction(doc, [
        Fact("organisation", {"name": forum, "kind": "group", "variants": []}, 1, forum),
        Fact("person", {"name": "Ada Quill", "variants": ["Ada Quill"], "titles": []}, 2, "Ada Quill"),
        Fact("membership", {"person": "Ada Quill", "body": forum, "role": "member", "as_of": "2022-06-01"}, 2,
             "Ada Quill")]))
    derive(store)
    before = sorted(str(q) for q in store.ox if q.graph_name.value.startswith("https://w3id.org/govgraph/graph/doc/"))
    decide(store, new_decision("reject", [person("Wilhelmina Trask")], by="ana"), derive)
    decide(store, new_decision("rename", [person("Wilhelmina Trasck")], value="Mina Trasck", by="ana"), derive)
    decide(store, new_decision("confirm", [person("Wilhelmina Trask")], by="bo"), derive)  # supersedes the rejection
    board = entity_iri("organisation", BOARD)
    decide(store, new_decision("merge", [board, entity_iri("organisation", forum)], by="cy"), derive)
    decide(store, new_decision("rename", [board], value="Northollow Health Board", by="cy"), derive)  # touches what the merge added
    papers = sorted(str(q) for q in store.ox if q.graph_name.value.startswith("https://w3id.org/govgraph/graph/doc/"))
    derive(store)  # a replay of the same log gives the same graphs
    assert sorted(str(q) for q in store.ox if q.graph_name.value.startswith("https://w3id.org/govgraph/graph/doc/")
                  ) == papers
    (store.path / LOG_FILE).unlink()  # no decisions at all: the papers' graphs as they were
    derive(store)
    after = sorted(str(q) for q in store.ox if q.graph_name.value.startswith("https://w3id.org/govgraph/graph/doc/"))
    assert after == before


def test_the_queue_lists_weak_merges_near_duplicates_and_shape_flags(store: GraphStore) -> None:
    from api.review_queue import review_queue

    extra = paper(3, "2023-05-01", ["Oriel Pask", "Oriel Paske"])
    twice = [f for f in extra.facts if f.type == "membership"][:1]
    extra.facts.append(Fact("membership", dict(twice[0].fields), twice[0].line, "a second quote of one fact"))
    store.write_extraction(extra)
    derive(store)
    queue = review_queue(store, shapes=True)
    kinds = {i.kind: i for i in queue.items}
    assert set(kinds["weak merge"].targets) == {person("Wilhelmina Trask"), person("Wilhelmina Trasck")}
    assert kinds["weak merge"].action == "split" and "one letter" in kinds["weak merge"].why
    assert set(kinds["near duplicate"].targets) == {person("Oriel Pask"), person("Oriel Paske")}
    [flag] = [i for i in queue.items if i.kind == "shape"]
    assert flag.targets[0].startswith(entity_iri("membership", "x").rsplit("/", 1)[0] + "/")
    # a decision on an item takes it off the queue
    decide(store, new_decision("split", list(kinds["weak merge"].targets), by="ana"), derive)
    assert "weak merge" not in {i.kind for i in review_queue(store, shapes=False).items}


def test_a_merge_another_decision_keeps_apart_is_reported_not_applied(store: GraphStore) -> None:
    from graph.review import BLOCKED

    store.write_extraction(paper(3, "2023-05-01", ["Oriel Pask", "Oriel Paske"]))
    derive(store)
    trask, pask, paske = person("Wilhelmina Trask"), person("Oriel Pask"), person("Oriel Paske")
    decide(store, new_decision("split", [trask, pask], by="ana"), derive)
    decide(store, new_decision("merge", [trask, paske], by="bo"), derive)
    outcome = decide(store, new_decision("merge", [paske, pask], by="cy"), derive)
    assert outcome.status == BLOCKED and "listed" not in outcome.note and "decision" in outcome.note
    assert [r["status"] for r in decision_rows(store)] == [APPLIED, APPLIED, BLOCKED]
    assert stored_identity(store).get(pask) is None
