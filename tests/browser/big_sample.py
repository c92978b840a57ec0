"""A store large enough for the WebGL membership view: 24 invented bodies, ~15 seats each, two dated listings.

Every name is made up from two small invented lists. The second listing of each body drops
its last two members and adds two new people, and every fifth person also sits on the next
body, so the date slider, the interlocks and the comparison all have something to show.
"""
from __future__ import annotations

from pathlib import Path

from extract.records import Document, Extraction, Fact
from graph.store import GraphStore

FORENAMES = ("Avery", "Blair", "Corin", "Dara", "Emery", "Finley", "Gale", "Harper", "Indy", "Jules", "Kit", "Lane",
             "Marlo", "Nell", "Oren", "Pim", "Quinn", "Rory", "Sable", "Tamsin")
SURNAMES = ("Quillfeather", "Rookwood", "Thornbury", "Umberlane", "Vanecroft", "Wrenfield", "Yarrowby", "Ashcombe",
            "Birchmoor", "Covehurst", "Dunmarsh", "Elmstead", "Fernleigh", "Glenholt", "Hazelgrove", "Ivydene",
            "Juniper", "Kestrelby", "Larchmont", "Mossbank")
TOPICS = ("Harbour", "Libraries", "Parks", "Transport", "Housing", "Schools", "Markets", "Bridges", "Canals", "Museums",
          "Allotments", "Lighting", "Forests", "Rivers", "Archives", "Festivals", "Bus", "Cycling", "Sport", "Theatre",
          "Heritage", "Orchards", "Wetlands", "Footpaths")
BODIES = [f"Northfold {t} Board" for t in TOPICS]
FIRST, SECOND = "2023-01-10", "2024-01-10"
SEATS = 15


def person(i: int) -> str:
    return f"{FORENAMES[i % len(FORENAMES)]} {SURNAMES[(i // len(FORENAMES)) % len(SURNAMES)]}"


def listing(b: int, second: bool) -> list[str]:
    """The people a body's listing names: its own block, the last two swapped for newcomers in the
    second listing, plus every fifth member of the previous body (an interlock)."""
    own = [person(b * (SEATS + 2) + k) for k in range(SEATS)]
    if second:
        own = own[:-2] + [person(b * (SEATS + 2) + SEATS), person(b * (SEATS + 2) + SEATS + 1)]
    prev = (b - 1) % len(BODIES)
    shared = [person(prev * (SEATS + 2) + k) for k in range(0, SEATS - 2, 5)]
    return own + shared


def extractions() -> list[Extraction]:
    out = []
    for b, body in enumerate(BODIES):
        for day, second in ((FIRST, False), (SECOND, True)):
            names = listing(b, second)
            lines = [f"{body}, meeting of {day}", "Members: " + ", ".join(names)]
            facts = [Fact("organisation", {"name": body, "kind": "board"}, 1, lines[0], extractor="test")]
            for n in names:
                facts.append(Fact("person", {"name": n}, 2, n, extractor="test"))
                facts.append(Fact("membership", {"person": n, "body": body, "role": "member", "as_of": day}, 2, n,
                                  extractor="test"))
            slug = f"{b:02d}{'b' if second else 'a'}"
            doc = Document(f"{b:04x}{int(second):012x}", f"northfold_{slug}.txt", f"/papers/northfold_{slug}.txt",
                           "txt", lines, title=f"{body} {day}", date=day)
            out.append(Extraction(doc, facts))
    return out


def build_big_store(path: Path) -> GraphStore:
    store = GraphStore.open(path)
    for extraction in extractions():
        store.write_extraction(extraction)
    return store
