"""Resolution: one identity per person, recorded merges, must-not-merge cases, overrides."""
import json
from pathlib import Path

import pytest

from extract import extract_document, load_document
from extract.names import titles_conflict
from extract.resolve import load_overrides, resolve_people

PAPERS = Path(__file__).parent.parent / "data" / "papers"
MINE = ["govgraph.meetings.v1", "govgraph.members.v1", "govgraph.attendance.v1", "govgraph.people_prose.v1",
        "govgraph.changes.v1", "govgraph.resolve.v1"]


def run(settings=None):
    doc = load_document(PAPERS / "people_agenda_pack.txt")
    return extract_document(doc, settings, only=MINE)


@pytest.fixture(scope="module")
def people():
    ex = run()
    return {f.fields["name"]: f.fields for f in ex.facts if f.type == "person"}


def test_titles_and_slips_merge(people):
    quill = people["Tomas Quill"]
    assert {"Dr Tomas Quill", "Dr Tomas Quil", "Dr Quill"} <= set(quill["variants"])
    assert quill["titles"] == ["Dr"]
    rules = {m["rule"] for m in quill["merges"]}
    assert "spelling" in rules and "surname" in rules
    assert all(m["evidence"] for m in quill["merges"])
    assert "Mayor Vale" in people["Rhiannon Vale"]["variants"]


def test_same_surname_different_first_names_stay_apart(people):
    assert "Jon Pike" in people and "Jan Pike" in people
    assert "Sam Okafor" in people and "Sarah Okafor" in people


def test_surname_reference_prefers_shared_title(people):
    assert "Councillor Okafor" in people["Sarah Okafor"]["variants"]
    assert "Councillor Okafor" not in people["Sam Okafor"]["variants"]


def test_one_person_fact_per_person():
    ex = run()
    names = [f.fields["name"] for f in ex.facts if f.type == "person"]
    assert len(names) == len(set(names))
    assert not any(f.fields.get("surface") for f in ex.facts if f.type != "person")


def ref(name, line=1, org=None, titles=(), weight=3):
    return {"name": name, "surface": name, "titles": list(titles), "weight": weight, "line": line, "org": org}


NO_OVERRIDES = {"same": [], "different": []}


def test_one_letter_names_with_different_posts_do_not_merge():
    clusters, _, _ = resolve_people([ref("Jane Toller", org="Wexbury Library Service"),
                                     ref("Jayne Toller", org="Fernmouth Fire Service")], NO_OVERRIDES)
    assert len(clusters) == 2


def test_one_letter_names_with_agreeing_posts_merge():
    clusters, _, _ = resolve_people([ref("Jane Toller", org="Wexbury Public Health"),
                                     ref("Jayne Toller", org="Wexbury Public Health")], NO_OVERRIDES)
    assert len(clusters) == 1


def test_ambiguous_surname_is_left_alone():
    clusters, index, warnings = resolve_people(
        [ref("Carl Brook"), ref("Dana Brook"), ref("Brook", titles=["Cllr"])], NO_OVERRIDES)
    assert {c.canonical for c in clusters} == {"Carl Brook", "Dana Brook"}
    assert warnings and "ambiguous" in warnings[0]


def test_an_initial_joins_the_one_full_name_it_abbreviates():
    clusters, index, _ = resolve_people([ref("Nadia Farrow", line=3), ref("N Farrow", line=20, titles=["Ms"])],
                                        NO_OVERRIDES)
    assert [c.canonical for c in clusters] == ["Nadia Farrow"]
    assert index["N Farrow"].canonical == "Nadia Farrow"
    assert any(m["rule"] == "initial" for m in clusters[0].merges)


def test_the_full_name_is_canonical_however_often_the_initial_is_printed():
    clusters, _, _ = resolve_people([ref("O. Penrose", line=2, titles=["Cllr"], weight=9),
                                     ref("Owen Penrose", line=30, weight=1)], NO_OVERRIDES)
    assert [c.canonical for c in clusters] == ["Owen Penrose"]


def test_an_initial_shared_by_two_full_names_is_left_alone():
    clusters, _, _ = resolve_people([ref("Nadia Farrow"), ref("Nigel Farrow"), ref("N Farrow")], NO_OVERRIDES)
    assert {c.canonical for c in clusters} == {"Nadia Farrow", "Nigel Farrow", "N Farrow"}


def test_an_initial_shared_by_two_full_names_joins_the_one_with_its_title():
    refs = [ref("Nadia Farrow", titles=["Mrs"]), ref("Nigel Farrow", titles=["County Councillor"]),
            ref("N. Farrow", titles=["Cllr"])]
    clusters, index, _ = resolve_people(refs, NO_OVERRIDES)
    assert {c.canonical for c in clusters} == {"Nadia Farrow", "Nigel Farrow"}
    assert index["N. Farrow"].canonical == "Nigel Farrow"
    # two councillors with the initial: still left alone
    clusters, _, _ = resolve_people(refs[1:] + [ref("Nadia Farrow", titles=["Councillor"])], NO_OVERRIDES)
    assert "N. Farrow" in {c.canonical for c in clusters}


def test_titles_of_different_genders_are_two_people():
    clusters, _, _ = resolve_people([ref("P Orrin", titles=["Mr"]), ref("Petra Orrin", titles=["Mrs"]),
                                     ref("Orrin", titles=["Ms"])], NO_OVERRIDES)
    by_name = {c.canonical: c for c in clusters}
    assert "P Orrin" in by_name
    assert "Petra Orrin" in by_name and len(clusters) == 2
    # the surname-only 'Ms Orrin' can only be Mrs Petra Orrin's cluster, not Mr P Orrin's
    assert "Ms" in by_name["Petra Orrin"].titles


def test_apologies_by_surname_are_not_the_namesake_present_at_that_meeting():
    present = ref("J Orrin", titles=["Mr"]) | {"attended": ("panel-2024-05-01", "present")}
    apology = ref("Orrin", line=30, titles=["Mr"]) | {"attended": ("panel-2024-05-01", "apologies")}
    clusters, index, _ = resolve_people([present, apology], NO_OVERRIDES)
    assert sorted(c.canonical for c in clusters) == ["J Orrin", "Orrin"]
    # at another meeting (the minutes of the last one), the surname joins as usual
    earlier = ref("Orrin", line=40, titles=["Mr"]) | {"attended": ("panel-2024-03-01", "apologies")}
    clusters, _, _ = resolve_people([present, earlier], NO_OVERRIDES)
    assert [c.canonical for c in clusters] == ["J Orrin"]


def test_titles_conflict():
    assert titles_conflict(["Mr"], ["Mrs"]) and titles_conflict(["Ms"], ["Sir"])
    assert not titles_conflict(["Mr"], ["Cllr", "Mr"]) and not titles_conflict(["Dr"], ["Mrs"])
    assert not titles_conflict([], ["Mrs"]) and not titles_conflict(["Mr", "Mrs"], ["Ms"])


def test_overrides_json_and_yaml(tmp_path):
    path = tmp_path / "overrides.json"
    path.write_text(json.dumps({"different": [["Dr Tomas Quill", "Tomas Quil"]]}))
    ex = run({"overrides": str(path)})
    names = {f.fields["name"] for f in ex.facts if f.type == "person"}
    assert "Tomas Quill" in names and "Tomas Quil" in names
    yml = tmp_path / "overrides.yaml"
    yml.write_text("same:\n  - [Jon Pike, Jan Pike]\ndifferent: []\n")
    assert load_overrides(str(yml))["same"] == [("Jon Pike", "Jan Pike")]
    ex = run({"overrides": str(yml)})
    names = {f.fields["name"] for f in ex.facts if f.type == "person"}
    assert not ({"Jon Pike", "Jan Pike"} <= names)
    assert any(m["rule"] == "override" for m in ex_merges(ex))


def ex_merges(ex):
    return [m for f in ex.facts if f.type == "person" for m in f.fields.get("merges", [])]
