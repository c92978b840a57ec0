"""The big membership view (layout, payload, pyvis/sigma choice), the date slider's position and the comparison."""
from __future__ import annotations

import json
import math
import re

from visualisations.bigview import BIG_VIEW_THRESHOLD, big_payload, interlocks, membership_layout
from visualisations.compare import compare_html
from visualisations.networks import membership_network
from visualisations.render import DateSlider
from visualisations.views import ViewParams, ViewRows, render_view


def rows(bodies: int, per_body: int, shared_every: int = 0) -> list[dict[str, str]]:
    """Membership rows: `per_body` people of their own on each body; every `shared_every`-th also on the next."""
    out = []
    for b in range(bodies):
        for k in range(per_body):
            person = f"urn:p:{b}-{k}"
            out.append({"body": f"urn:b:{b}", "body_label": f"Board {b}", "person": person,
                        "person_label": f"P {b}-{k}", "role": "member", "as_of": "2024-01-01"})
            if shared_every and k % shared_every == 0:
                out.append({"body": f"urn:b:{(b + 1) % bodies}", "body_label": f"Board {(b + 1) % bodies}",
                            "person": person, "person_label": f"P {b}-{k}", "role": "member", "as_of": "2024-01-01"})
    return out


def test_layout_puts_people_round_their_body_and_shared_people_between() -> None:
    seats = [(r["person"], r["body"]) for r in rows(6, 20, shared_every=5)]
    layout = membership_layout(seats)
    pos = layout.positions
    assert set(pos) == {p for p, _ in seats} | {b for _, b in seats}
    disk = math.sqrt(20 + 2) + 1e-6  # _SPACING * sqrt(i + 1.5) for the last of ~20 people
    for person, body in seats:
        if person.endswith("-1"):  # on one body only
            assert math.dist(pos[person], pos[body]) <= disk
    shared = "urn:p:0-0"  # on boards 0 and 1: near the midpoint of the two
    mid = tuple((a + b) / 2 for a, b in zip(pos["urn:b:0"], pos["urn:b:1"]))
    assert math.dist(pos[shared], mid) < math.dist(pos["urn:b:0"], pos["urn:b:1"]) / 2
    centres = [pos[f"urn:b:{b}"] for b in range(6)]
    nearest = min(math.dist(a, c) for i, a in enumerate(centres) for c in centres[i + 1:])
    assert nearest > disk  # bodies' disks do not sit on top of each other
    assert membership_layout(seats).positions == pos  # deterministic


def test_interlocks_count_people_shared_by_each_pair() -> None:
    assert interlocks({"a": {"x", "y"}, "b": {"x", "y", "z"}, "c": {"z"}}) == {("x", "y"): 2, ("x", "z"): 1,
                                                                               ("y", "z"): 1}


def test_payload_indexes_seats_and_marks_those_held() -> None:
    graph = membership_network(rows(2, 3))
    held = [("urn:p:0-0", "urn:b:0"), ("urn:p:1-2", "urn:b:1")]
    payload = big_payload(graph, held=held)
    assert [b[0] for b in payload["bodies"]] == ["urn:b:0", "urn:b:1"] and len(payload["people"]) == 6
    kept = [(payload["people"][payload["seats"][i][0]][0], payload["bodies"][payload["seats"][i][1]][0])
            for i in payload["held"]]
    assert sorted(kept) == sorted(held)
    assert big_payload(graph)["held"] is None


def test_membership_view_switches_to_webgl_above_the_threshold() -> None:
    small = rows(4, 10)  # 44 nodes
    big = rows(12, BIG_VIEW_THRESHOLD // 12 + 1)  # > 300 nodes
    page = render_view("membership", ViewRows(memberships=small), ViewParams())
    assert "new vis.Network" in page and "new Sigma(" not in page
    exported = render_view("membership", ViewRows(memberships=big), ViewParams())
    assert "new Sigma(" in exported and "new vis.Network" not in exported
    assert "/views/static/" not in exported and len(exported) > 200_000  # standalone: the scripts are inline
    served = render_view("membership", ViewRows(memberships=big), ViewParams(), action="/views/membership.html",
                         static_href="/views/static/")
    assert '<script src="/views/static/sigma.min.js"></script>' in served and len(served) < 200_000
    payload = json.loads(re.search(r"var data = (\{.*?\});\n", served).group(1))
    assert len(payload["bodies"]) == 12 and len(payload["seats"]) == len(big)


def test_slider_starts_at_the_listing_in_force() -> None:
    dates = ("2021-01-01", "2022-01-01", "2023-01-01")
    assert DateSlider(dates, "2022-06-30").index == 1
    assert DateSlider(dates, "2023-01-01").index == 2
    assert DateSlider(dates, "").index == 2 and DateSlider(dates, "2020-01-01").index == 2


def test_compare_sorts_people_into_left_stayed_joined() -> None:
    def answer(person: str, member: str, role: str = "member") -> dict[str, str]:
        return {"person": f"urn:p:{person}", "person_label": person, "member": member, "role": role,
                "document": "minutes.txt", "line": 3, "doc_id": "abc"}

    before = [answer("Ada", "yes", "chair"), answer("Ben", "yes"), answer("Cy", "unknown")]
    after = [answer("Ada", "yes", "member"), answer("Dee", "yes"), answer("Ben", "no")]
    html = compare_html(before, after, [], "2021-01-01", "2022-01-01", body="urn:b:x", evidence_href="/doc/")
    sections = {m.group(1): m.group(2) for m in re.finditer(r'<section class="(\w+)".*?>(.*?)</section>', html)}
    assert "Ben" in sections["left"] and "Ada" in sections["stayed"] and "Dee" in sections["joined"]
    assert "chair → member" in sections["stayed"] and 'href="/doc/abc#L3"' in html
    assert "cannot tell for: Cy" in html and "No changes recorded" in html
    assert "Choose a body" in compare_html([], [], [], "", "", action="/views/compare.html")
