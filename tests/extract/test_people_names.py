"""Name parsing: titles, honours, name/post splitting, title words as surnames."""
import pytest

from extract.names import parse_person, split_name_post, split_names
from extract.organisations import split_post


@pytest.mark.parametrize("text, name, titles, post", [
    ("Cllr Priya Lantern Cabinet Member for Adult Care (Chair)", "Priya Lantern", ["Cllr"],
     "Cabinet Member for Adult Care (Chair)"),
    ("Dr Helena Brisk Director of Public Health Wexbury Council", "Helena Brisk", ["Dr"],
     "Director of Public Health Wexbury Council"),
    ("Deputy Mayor Sol Abernethy", "Sol Abernethy", ["Deputy Mayor"], ""),
    ("Bea Lyall (Cllr),", "Bea Lyall", ["Cllr"], ""),
    ("Ma'am Petra Dunn", "Petra Dunn", ["Ma'am"], ""),
    ("Marcus Fenwick QPM Chair, Wexbury Safeguarding Children Partnership", "Marcus Fenwick", [],
     "Chair, Wexbury Safeguarding Children Partnership"),
    ("Nia Doherty- Kell (Wexbury Council)", "Nia Doherty-Kell", [], "Wexbury Council"),
    ("Head of Parks, Chair of Friends of Fern Park (Ottilie Marsh)", "Ottilie Marsh", [],
     "Head of Parks, Chair of Friends of Fern Park"),
])
def test_split_name_post(text, name, titles, post):
    person, rest = split_name_post(text)
    assert person is not None
    assert person.name == name
    assert person.titles == titles
    assert rest == post


def test_organisation_row_is_not_a_person():
    person, _ = split_name_post("Fernmouth College, Vice Principal")
    assert person is None


def test_title_word_can_be_a_surname():
    person, rest = split_name_post("David Mayor as the representative")
    assert person is not None and person.name == "David Mayor"
    assert parse_person("Mayor Vale").name == "Vale"
    assert parse_person("Mayor Vale").titles == ["Mayor"]


def test_honours_are_kept_apart():
    p = parse_person("Dame Ada Rook DBE")
    assert p.name == "Ada Rook" and p.titles == ["Dame"] and p.honours == ["DBE"]


def test_split_names():
    assert split_names("Greta Hollins and Jan Pike") == ["Greta Hollins", "Jan Pike"]
    assert split_names("Ruth Kemble, Idris Noon.") == ["Ruth Kemble", "Idris Noon"]


@pytest.mark.parametrize("post, org", [
    ("Director of Public Health Wexbury Council", "Wexbury Council"),
    ("Chair, Wexbury Healthwatch", "Wexbury Healthwatch"),
    ("Managing Director of Wexbury Clinical Commissioning Group", "Wexbury Clinical Commissioning Group"),
    ("Transport Planner - Wexbury Council", "Wexbury Council"),
    ("Wexbury VCS Forum", "Wexbury VCS Forum"),
])
def test_split_post(post, org):
    assert split_post(post)[1] == org
