"""Corpus-wide identity: one canonical person across papers, never two people merged."""
from __future__ import annotations

import json
from datetime import date

import pyoxigraph as ox

from extract import Document, Extraction, Fact
from graph import GraphStore
from extract.resolve.across import PersonRecord, match, posts_agree, variant_of
from graph.identity import IDENTITY_GRAPH, stored_identity, stored_merges
from graph.store import keep_overrides
from graph.ids import entity_iri
from graph.membership import changes_rows, members_rows, membership_view
from api.build import derive

BOARD = "Eastmere Health and Wellbeing Board"
TRUST = "Eastmere General Hospital NHS Trust"
COUNCIL = "Eastmere Council"
DATES = ("2021-06-17", "2022-03-10", "2023-02-02")


def person(name: str) -> str:
    return entity_iri("person", name)


def paper(n: int, day: str, people: list[tuple], extra: list[Fact] | None = None) -> Extraction:
    """A fictional pack dated `day` listing people as (name, role, post, affiliation, titles) on BOARD."""
    doc = Document(id=f"{n:016x}", name=f"{n:02d}_pack.txt", path=f"/papers/{n:02d}_pack.txt", format="txt",
                   lines=[f"line {i}" for i in range(1, 60)], title=f"Pack {n}", date=day)
    facts = [Fact("organisation", {"name": BOARD, "kind": "board", "variants": []}, 1, BOARD)]
    for i, (name, role, post, affiliation, titles) in enumerate(people, start=10):
        facts.append(Fact("person", {"name": name, "variants": [name], "titles": list(titles)}, i, name))
        facts.append(Fact("membership", {"person": name, "body": BOARD, "role": role, "post": post,
                                         "affiliation": affiliation, "as_of": day}, i, name))
        if post:
            facts.append(Fact("position", {"person": name, "post": post, "organisation": affiliation,
                                           "as_of": day}, i, post))
    return Extraction(doc, facts + (extra or []))


def build(store: GraphStore, *papers: Extraction, overrides: str | None = None) -> None:
    for p in papers:
        store.write_extraction(p)
    derive(store, overrides)


HAWTHORNE = ("Gillian Hawthorne", "member", "Chief Executive, Eastmere General Hospital NHS Trust", TRUST, ())
HAWTHOME = ("Gillian Hawthome", "member", "Chief Executive, Eastmere General Hospital NHS Trust", TRUST, ())
CHAIR = ("Ada Okafor", "chair", "Cabinet Member for Health", COUNCIL, ("Cllr",))


def ocr_papers() -> list[Extraction]:
    return [paper(1, DATES[0], [CHAIR, HAWTHORNE]), paper(2, DATES[1], [CHAIR, HAWTHOME]),
            paper(3, DATES[2], [CHAIR, HAWTHORNE])]


def test_ocr_slip_across_papers_merges_with_rule_and_evidence(store):
    build(store, *ocr_papers())
    assert stored_identity(store) == {person("Gillian Hawthome"): person("Gillian Hawthorne")}
    [merge] = stored_merges(store)
    assert merge["rule"] == "spelling" and merge["canonical"] == person("Gillian Hawthorne")
    assert sorted(merge["entities"]) == [person("Gillian Hawthome"), person("Gillian Hawthorne")]
    assert "OCR slip (rn→m)" in merge["evidence"] and "02_pack.txt" in merge["evidence"]
    assert "both on 'Eastmere Health and Wellbeing Board'" in merge["evidence"]
    docs = store.query(f"SELECT ?d WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?m prov:wasDerivedFrom ?d }} }}")
    assert {r["d"].rsplit("/", 1)[-1] for r in docs} == {f"{n:016x}" for n in (1, 2, 3)}
    # the document graphs are untouched: the variant entity is still there, only linked
    assert store.query("ASK { ?p rdfs:label 'Gillian Hawthome' }") == [{"result": True}]


def test_canonical_is_most_frequent_spelling_then_earliest_document(store):
    # one paper each: the tie goes to the earliest paper's spelling
    build(store, paper(2, DATES[1], [HAWTHORNE]), paper(1, DATES[0], [HAWTHOME]))
    assert stored_identity(store) == {person("Gillian Hawthorne"): person("Gillian Hawthome")}


def test_members_as_of_is_continuous_on_the_merged_person(store):
    build(store, *ocr_papers()[:2])
    view = membership_view(store)
    rows = changes_rows(view, BOARD, date(2021, 6, 17), date(2022, 3, 10))
    assert rows == []  # no "Hawthorne left" + "Hawthome joined"
    members = members_rows(view, BOARD, date(2022, 3, 10))
    assert [(r["person"], r["member"]) for r in members] == [("Ada Okafor", "yes"), ("Gillian Hawthorne", "yes")]
    middle = members_rows(view, BOARD, date(2021, 12, 1))
    assert ("Gillian Hawthorne", "yes") in [(r["person"], r["member"]) for r in middle]
    tenures = store.query("SELECT ?p WHERE { GRAPH <https://w3id.org/govgraph/graph/derived/tenures> "
                          "{ ?t gg:person ?p } }")
    assert person("Gillian Hawthome") not in {r["p"] for r in tenures}


def test_same_surname_different_first_names_never_merge(store):
    people = [("Nadia Brennan", "member", None, None, ()), ("Tom Brennan", "member", None, None, ())]
    later = [("Helen Brennan", "member", None, None, ()), ("Tim Brennan", "member", None, None, ())]
    build(store, paper(1, DATES[0], people), paper(2, DATES[1], later))
    assert stored_identity(store) == {}
    assert stored_merges(store) == []


def test_one_letter_apart_with_conflicting_posts_never_merge(store):
    a = ("Sam Ricketts", "member", "Director of Public Health", COUNCIL, ())
    b = ("Sam Rickets", "member", "Chief Executive, Eastmere General Hospital NHS Trust", TRUST, ())
    build(store, paper(1, DATES[0], [a]), paper(2, DATES[1], [b]))
    assert stored_identity(store) == {}


def test_doubled_letter_with_agreeing_post_merges(store):
    a = ("Sam Ricketts", "member", "Director of Public Health", COUNCIL, ())
    b = ("Sam Rickets", "member", "Director of Public Health, Eastmere Council", COUNCIL, ())
    c = ("Philip Moss", "member", "Chair, Eastmere Voluntary Action", None, ())
    d = ("Phillip Moss", "member", "Chair, Eastmere Voluntary Action", None, ())
    build(store, paper(1, DATES[0], [a, c]), paper(2, DATES[1], [a, d]), paper(3, DATES[2], [b, c]))
    assert stored_identity(store) == {person("Sam Rickets"): person("Sam Ricketts"),
                                      person("Phillip Moss"): person("Philip Moss")}
    assert {m["rule"] for m in stored_merges(store)} == {"spelling"}


def test_deputy_is_a_different_post(store):
    a = ("Sam Ricketts", "member", "Director of Public Health", COUNCIL, ())
    b = ("Sam Rickets", "member", "Deputy Director of Public Health", COUNCIL, ())
    build(store, paper(1, DATES[0], [a]), paper(2, DATES[1], [b]))
    assert stored_identity(store) == {}


def test_override_different_splits_a_merge(store, tmp_path):
    overrides = tmp_path / "overrides.json"
    overrides.write_text(json.dumps({"different": [["Gillian Hawthorne", "Gillian Hawthome"]]}))
    build(store, *ocr_papers(), overrides=str(overrides))
    assert stored_identity(store) == {} and stored_merges(store) == []
    view = membership_view(store)
    kinds = {(r["change"], r["person"]) for r in changes_rows(view, BOARD, date(2021, 6, 17), date(2022, 3, 10))}
    assert kinds == {("left", "Gillian Hawthorne"), ("joined", "Gillian Hawthome")}


def test_override_file_in_the_data_directory_applies_on_every_refresh(store, tmp_path):
    source = tmp_path / "mine.yaml"
    source.write_text("different:\n  - [Gillian Hawthorne, Gillian Hawthome]\n")
    keep_overrides(store.path, source)
    build(store, *ocr_papers())
    assert stored_identity(store) == {}
    (store.path / "overrides.yaml").unlink()  # undo the override: the merge comes back
    derive(store)
    assert stored_identity(store) == {person("Gillian Hawthome"): person("Gillian Hawthorne")}


def test_override_same_forces_a_merge(store, tmp_path):
    a = ("Robert Ashdown", "member", "Cabinet Member for Community Safety", COUNCIL, ("Cllr",))
    b = ("Bob Ashdown", "member", None, None, ("Cllr",))
    build(store, paper(1, DATES[0], [a]), paper(2, DATES[1], [b]))
    assert stored_identity(store) == {}
    overrides = tmp_path / "overrides.json"
    overrides.write_text(json.dumps({"same": [["Cllr Bob Ashdown", "Robert Ashdown"]]}))
    derive(store, str(overrides))
    assert stored_identity(store) == {person("Bob Ashdown"): person("Robert Ashdown")}
    [merge] = stored_merges(store)
    assert merge["rule"] == "override" and "overrides file" in merge["evidence"]


def test_surname_only_mention_joins_the_one_full_name(store):
    cllr_okafor = ("Okafor", "chair", None, None, ("Cllr",))
    build(store, paper(1, DATES[0], [CHAIR]), paper(2, DATES[1], [cllr_okafor]))
    assert stored_identity(store) == {person("Okafor"): person("Ada Okafor")}
    assert stored_merges(store)[0]["rule"] == "surname"


def test_surname_only_mention_is_left_alone_when_ambiguous(store):
    people = [("Nadia Brennan", "member", None, None, ("Cllr",)), ("Tom Brennan", "member", None, None, ())]
    build(store, paper(1, DATES[0], people), paper(2, DATES[1], [("Brennan", "member", None, None, ())]))
    assert stored_identity(store) == {}


def test_removing_the_paper_undoes_the_merge(store):
    build(store, *ocr_papers())
    store.remove_document(f"{2:016x}")
    derive(store)
    assert stored_identity(store) == {} and stored_merges(store) == []


def test_rules_directly():
    assert variant_of("hawthorne", "hawthome") and variant_of("ricketts", "rickets")
    assert variant_of("phillip", "philip", first_name=True)
    assert variant_of("marie", "maria", first_name=True) is None  # two real first names
    assert variant_of("tom", "tim", first_name=True) is None
    assert posts_agree("Chief Executive", "Chief Executive, Eastmere Voluntary Action")
    assert not posts_agree("Director of Public Health", "Deputy Director of Public Health")
    assert not posts_agree("Cabinet Member for Children and Families", "Cabinet Member for Community Safety")
    a = PersonRecord(person("Jane Doe"), names={"Jane Doe"}, bodies={"b": "Board"})
    b = PersonRecord(person("Jane Dooe"), names={"Jane Dooe"})
    a.labels["Jane Doe"], b.labels["Jane Dooe"] = 1, 1
    assert match(a, b) is None  # no shared context
    b.bodies = {"b": "Board"}
    assert match(a, b)[0] == "spelling"
    assert ox.NamedNode(IDENTITY_GRAPH)


def test_titles_of_different_genders_never_merge():
    a = PersonRecord(person("P Doe"), names={"P Doe"}, titles={"Mr"}, bodies={"b": "Board"})
    b = PersonRecord(person("P T Doe"), names={"P T Doe"}, titles={"Mrs"}, bodies={"b": "Board"})
    a.labels["P Doe"], b.labels["P T Doe"] = 1, 1
    assert match(a, b) is None
    b.titles = {"Cllr"}
    assert match(a, b)[0] == "middle_name"


def test_build_keeps_the_overrides_file_and_refreshes(store, tmp_path):
    from api.build import build_paths

    build(store, *ocr_papers())
    assert stored_identity(store)
    source = tmp_path / "mine.json"
    source.write_text(json.dumps({"different": [["Gillian Hawthorne", "Gillian Hawthome"]]}))
    empty = tmp_path / "no_papers"
    empty.mkdir()
    build_paths(store, [empty], {"overrides": str(source)})  # nothing new to read: still refreshed
    assert (store.path / "overrides.json").is_file()
    assert stored_identity(store) == {}
    derive(store)  # later refreshes keep applying it
    assert stored_identity(store) == {}


def test_sample_corpus_has_no_hawthorne_left_and_joined(sample_data):
    with GraphStore.open(sample_data, read_only=True) as store:
        view = membership_view(store)
        rows = changes_rows(view, "Health and Wellbeing Board", date(2021, 6, 17), date(2022, 3, 10))
        yes = {r["person"] for r in members_rows(view, "Health and Wellbeing Board", date(2022, 3, 10))
               if r["member"] == "yes"}
    assert not [r for r in rows if "Hawth" in r["person"]]
    assert "Gillian Hawthorne" in yes and "Gillian Hawthome" not in yes


def test_middle_initial_and_initial_only_join_the_full_name(store):
    a = ("Jane Doe", "member", "Director of Public Health", COUNCIL, ("Dr",))
    b = ("Jane A. Doe", "member", "Director of Public Health", COUNCIL, ())
    c = ("J. Doe", "member", None, None, ())
    build(store, paper(1, DATES[0], [a]), paper(2, DATES[1], [b]), paper(3, DATES[2], [c]))
    assert stored_identity(store) == {person("Jane A. Doe"): person("Jane Doe"), person("J. Doe"): person("Jane Doe")}
    assert {m["rule"] for m in stored_merges(store)} == {"middle_name", "initial"}


def test_initial_is_left_alone_when_two_full_names_fit(store):
    people = [("Tom Brennan", "member", None, None, ()), ("Tim Brennan", "member", None, None, ())]
    build(store, paper(1, DATES[0], people), paper(2, DATES[1], [("T. Brennan", "member", None, None, ())]))
    assert stored_identity(store) == {}


def test_different_middle_initials_stay_apart(store):
    a = ("Jane A. Doe", "member", "Director of Public Health", COUNCIL, ())
    b = ("Jane B. Doe", "member", "Director of Public Health", COUNCIL, ())
    build(store, paper(1, DATES[0], [a]), paper(2, DATES[1], [b]))
    assert stored_identity(store) == {}
