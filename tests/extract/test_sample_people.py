"""People-side facts of the bundled sample council (extract/sample/) against its README answer key.

Memberships (with roles and as_of per pack), attendance (modes, substitutes, the paper-05
attendance sheet), stated changes, positions, and no person named after a rank title.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_document, load_document

SAMPLE = Path(__file__).resolve().parents[2] / "extract" / "sample"
PACKS = {
    "01": ("01_wexcombe_hwb_2021-06-17_agenda_pack.txt", "2021-06-17"),
    "02": ("02_wexcombe_hwb_2022-03-10_agenda_pack.txt", "2022-03-10"),
    "03": ("03_wexcombe_hwb_2023-02-02_agenda_pack.txt", "2023-02-02"),
}
CSP = "05_wexcombe_csp_2022-07-13_meeting_record.txt"

# README "membership by listing date": person -> role per pack (None: not listed)
HWB = {
    "Harriet Okonjo": ("chair", None, None),
    "Martin Ashdown": ("member", "chair", "chair"),
    "Lucy Varga": (None, "member", "member"),
    "Nadia Brennan": ("member", "member", "member"),
    "Priya Ramanathan": ("member", "member", "member"),
    "Marcus Fenwick": ("member", "member", "member"),
    "Owen Pelling": ("member", "member", None),
    "Kwame Asante": (None, None, "member"),
    "Gillian Hawthorne": ("member", "member", "member"),  # 02 l.23 prints the OCR slip "Hawthome"
    "Rosa Delgado-Finch": ("member", "member", "member"),
    "Diane Moorcroft": ("independent adviser",) * 3,
    "Graham Oduya": (None, "independent adviser", "independent adviser"),
    "Tom Brennan": ("additional attendee",) * 3,
    "Alan Reddish": ("additional attendee",) * 3,
    "Fiona Latchford": ("additional attendee",) * 3,
}


@pytest.fixture(scope="module")
def facts():
    out = {}
    for path in sorted(SAMPLE.glob("*.txt")):
        doc = load_document(path)
        out[path.name] = [f for f in extract_document(doc).facts]
    return out


def of(facts, kind):
    return [f.fields for f in facts if f.type == kind]


@pytest.mark.parametrize("pack", ["01", "02", "03"])
def test_hwb_membership_per_pack(facts, pack):
    name, as_of = PACKS[pack]
    k = int(pack) - 1
    got = {(m["person"], m["role"]) for m in of(facts[name], "membership") if m["person"]}
    want = {(p, roles[k]) for p, roles in HWB.items() if roles[k]}
    assert got == want
    assert {m["as_of"] for m in of(facts[name], "membership")} == {as_of}
    assert all("Health and Wellbeing Board" in m["body"] for m in of(facts[name], "membership"))


def test_vacancy_row_is_not_a_person(facts):
    rows = of(facts[PACKS["01"][0]], "membership")
    vacancies = [m for m in rows if m["role"] == "vacancy"]
    assert len(vacancies) == 1 and vacancies[0]["person"] is None
    assert "Wexcombe Safeguarding Children Partnership" in (vacancies[0]["affiliation"] or "")
    assert len([m for m in rows if m["person"]]) == 12


def test_no_person_named_after_a_rank(facts):
    for name, fs in facts.items():
        people = {p["name"] for p in of(fs, "person")}
        assert not any(n.split()[0] in ("Ch", "Supt", "Insp", "Det") for n in people), (name, people)
        assert not {"Kwame Asante Place", "Priya Ramanathan Wexcombe"} & people
    reddish = [p for p in of(facts[PACKS["01"][0]], "person") if p["name"] == "Alan Reddish"]
    assert reddish and "Ch Supt" in reddish[0]["titles"]


def _attendance(fs):
    return {(a["person"], a["status"]): a for a in of(fs, "attendance")}


def test_attendance_2021_03_18(facts):
    att = _attendance(facts[PACKS["01"][0]])
    assert {a["date"] for a in att.values()} == {"2021-03-18"}
    present = {p for p, s in att if s == "present"}
    assert present == {"Harriet Okonjo", "Martin Ashdown", "Priya Ramanathan", "Marcus Fenwick",
                       "Gillian Hawthorne", "Rosa Delgado-Finch"}
    sub = att[("Ifeoma Clarke", "substitute")]
    assert sub["substitute_for"] == "Owen Pelling"
    assert {p for p, s in att if s == "apologies"} == {"Nadia Brennan", "Owen Pelling"}
    assert {p for p, s in att if s == "officer_in_attendance"} == {"Fiona Latchford", "Joel Marchetti"}
    assert {p for p, s in att if s == "also_in_attendance"} == {"Tom Brennan"}
    virtual = {p for (p, s), a in att.items() if a["mode"] == "virtual"}
    assert virtual == {"Priya Ramanathan", "Gillian Hawthorne", "Joel Marchetti"}


def test_attendance_2021_11_18(facts):
    att = _attendance(facts[PACKS["02"][0]])
    assert {a["date"] for a in att.values()} == {"2021-11-18"}
    assert {p for p, s in att if s == "present"} == {
        "Martin Ashdown", "Lucy Varga", "Nadia Brennan", "Priya Ramanathan", "Marcus Fenwick", "Owen Pelling",
        "Rosa Delgado-Finch", "Graham Oduya"}
    assert att[("Deepak Sandhu", "substitute")]["substitute_for"] == "Gillian Hawthorne"
    assert {p for p, s in att if s == "apologies"} == {"Gillian Hawthorne", "Diane Moorcroft"}
    assert {p for p, s in att if s == "also_in_attendance"} == {"Tom Brennan", "Alan Reddish"}
    virtual = {p for (p, s), a in att.items() if a["mode"] == "virtual"}
    assert virtual == {"Nadia Brennan", "Owen Pelling", "Alan Reddish"}


def test_attendance_2022_11_24(facts):
    att = _attendance(facts[PACKS["03"][0]])
    assert {p for p, s in att if s == "present"} == {
        "Martin Ashdown", "Lucy Varga", "Nadia Brennan", "Priya Ramanathan", "Marcus Fenwick", "Kwame Asante",
        "Gillian Hawthorne", "Diane Moorcroft"}
    assert {p for p, s in att if s == "apologies"} == {"Rosa Delgado-Finch", "Graham Oduya"}
    assert {p for p, s in att if s == "officer_in_attendance"} == {"Fiona Latchford", "Joel Marchetti"}
    assert {p for p, s in att if s == "also_in_attendance"} == {"Tom Brennan", "Sarah Quennell"}
    virtual = {p for (p, s), a in att.items() if a["mode"] == "virtual"}
    assert virtual == {"Marcus Fenwick", "Diane Moorcroft"}


def test_csp_attendance_sheet(facts):
    fs = facts[CSP]
    members = {m["person"]: m for m in of(fs, "membership") if m["person"]}
    assert set(members) == {"Martin Ashdown", "Alan Reddish", "Sarah Quennell", "Priya Ramanathan", "Bola Adeyemi",
                            "Kieran Walsh", "Tom Brennan", "Amira Selassie", "Helen Brennan"}
    assert not [m for m in of(fs, "membership") if not m["person"]]
    assert members["Martin Ashdown"]["role"] == "chair"
    assert members["Alan Reddish"]["role"] == "vice-chair"
    assert {m["as_of"] for m in members.values()} == {"2022-07-13"}
    assert all("Community Safety Partnership" in m["body"] for m in members.values())
    assert members["Bola Adeyemi"]["affiliation"] == "London Fire Brigade"
    assert members["Helen Brennan"]["affiliation"] == "Youth Justice Service"
    assert members["Kieran Walsh"]["affiliation"] == "Probation Service"
    att = _attendance(fs)
    assert {a["date"] for a in att.values()} == {"2022-07-13"}
    assert {p for p, s in att if s == "apologies"} == {"Alan Reddish", "Bola Adeyemi"}
    assert {p for p, s in att if s == "present"} == set(members) - {"Alan Reddish", "Bola Adeyemi"}
    assert att[("Dana Whitlock", "substitute")]["substitute_for"] == "Alan Reddish"
    assert ("Fiona Latchford", "officer_in_attendance") in att
    assert not of(fs, "change")


def test_stated_changes(facts):
    got = {(c["change"], c["person"], c["date"]) for name in (PACKS["02"][0], PACKS["03"][0])
           for c in of(facts[name], "change")}
    assert got == {
        ("appointed_chair", "Martin Ashdown", "2021-11-18"),
        ("left", "Harriet Okonjo", "2021-11-18"),
        ("joined", "Lucy Varga", "2021-11-18"),
        ("joined", "Kwame Asante", "2022-11-24"),
        ("left", "Owen Pelling", "2022-06-30"),
    }
    assert not of(facts[PACKS["01"][0]], "change")


def test_positions(facts):
    def posts(name):
        return {(p["person"], p["post"], p["organisation"], p["as_of"]) for p in of(facts[name], "position")}
    assert any(p == "Marcus Fenwick" and "Group Director" in (post or "") and a == "2021-06-17"
               for p, post, _, a in posts(PACKS["01"][0]))
    assert any(p == "Joel Marchetti" and "Consultant in Public Health" in (post or "")
               for p, post, _, _ in posts(PACKS["01"][0]))
    assert any(p == "Sarah Quennell" and "Head of Community Safety" in (post or "") and o == "Wexcombe Council"
               for p, post, o, _ in posts("04_wexcombe_csp_2021-09-15_safer_streets_strategy.txt"))
    assert any(p == "Alan Reddish" and o == "Metropolitan Police" for p, _, o, _ in posts(CSP))
    assert any(p == "Dana Whitlock" for p in {f["person"] for f in of(facts[CSP], "attendance")})


def test_three_brennans_stay_apart(facts):
    for fs in facts.values():
        people = {p["name"] for p in of(fs, "person")}
        brennans = {n for n in people if n.endswith("Brennan")}
        assert brennans <= {"Nadia Brennan", "Tom Brennan", "Helen Brennan"}
        for p in of(fs, "person"):
            assert all(m["rule"] == "ocr" for m in p.get("merges") or []), p


def test_ocr_slip_is_one_person(facts):
    people = [p for p in of(facts[PACKS["02"][0]], "person") if p["name"].startswith("Gillian")]
    assert len(people) == 1 and people[0]["name"] == "Gillian Hawthorne"
    assert "Gillian Hawthome" in people[0]["variants"]
