"""Segmentation of lines into heading / paragraph / list_item / table_row blocks."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.blocks import has_html, html_parts, html_to_text, segment_blocks, segment_line
from extract import Block, Document, load_document

SAMPLE = Path(__file__).resolve().parents[2] / "extract" / "sample"


def kinds(line: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in segment_line(line, 1)]


def doc_of(lines: list[str], pages: list[int] | None = None) -> Document:
    return Document(id="0" * 16, name="t.txt", path="t.txt", format="txt", lines=lines, pages=pages)


# --------------------------------------------------------------------- tables

def test_tab_row_keeps_cells_including_empty_middle_ones():
    (block,) = segment_line("Cllr Ada Quint\t\tApologies\tInsp Ray Moss", 12)
    assert block.kind == "table_row" and block.line == 12
    assert block.cells == ("Cllr Ada Quint", "", "Apologies", "Insp Ray Moss")
    assert block.text == "Cllr Ada Quint Apologies Insp Ray Moss"


def test_tab_row_drops_trailing_empty_cells_but_keeps_leading_ones():
    (block,) = segment_line("\tcontinued from the row above\t\t", 3)
    assert block.cells == ("", "continued from the row above")


def test_tab_row_spaces_are_normalised_inside_cells():
    (block,) = segment_line("  Dr  Lena   Voss  \t Chair ", 1)
    assert block.cells == ("Dr Lena Voss", "Chair")


def test_flattened_two_column_layout():
    line = "Cllr Ada Quint Cabinet Member for Health (Chair)\tDr Lena Voss Director of Public Health"
    (block,) = segment_line(line, 20)
    assert block.cells == ("Cllr Ada Quint Cabinet Member for Health (Chair)", "Dr Lena Voss Director of Public Health")


def test_section_row_with_only_trailing_tabs_is_a_plain_block():
    (block,) = segment_line("Board Members\t", 18)
    assert (block.kind, block.text, block.cells) == ("paragraph", "Board Members", ())


def test_html_inside_tab_cells_is_reduced_to_text():
    (block,) = segment_line("<p>TITLE OF REPORT</p> <p>Safer Parks</p>\t<p>CLASSIFICATION:</p> <p>Open</p>", 5)
    assert block.cells == ("TITLE OF REPORT Safer Parks", "CLASSIFICATION: Open")


@pytest.mark.parametrize("line", ["---\t------\t----", "---------", "| --- | :---: |", "|-----|-----|", "====", "\t\t"])
def test_separator_and_empty_rows_make_no_block(line):
    assert segment_line(line, 1) == []


def test_markdown_table_row_and_empty_edge_cells():
    assert segment_line("| 1.1 | Light the park | Parks |", 2)[0].cells == ("1.1", "Light the park", "Parks")
    assert segment_line("|| Shared | Police |", 3)[0].cells == ("", "Shared", "Police")
    assert segment_line("| a | b", 4)[0].cells == ("a", "b")


def test_all_empty_tab_cells_make_no_block():
    assert segment_line(" \t \t ", 1) == []


# --------------------------------------------------------------------- HTML fragments

def test_html_fragments_in_a_line_become_separate_blocks_of_that_line():
    blocks = segment_line("<p>Item 4</p> <p>Community safety &amp; youth</p>", 41)
    assert [(b.kind, b.text, b.line) for b in blocks] == [("paragraph", "Item 4", 41),
                                                         ("paragraph", "Community safety & youth", 41)]


def test_html_list_items_are_list_items():
    blocks = segment_line("Priorities: <ul><li>Best start</li><li>Healthy <b>places</b></li></ul> agreed", 9)
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "Priorities:"), ("list_item", "Best start"),
                                                  ("list_item", "Healthy places"), ("paragraph", "agreed")]


def test_inline_tags_do_not_split():
    assert kinds("Cllr <b>Ada</b> <i>Quint</i> <small>(virtual)</small> attended") == [
        ("paragraph", "Cllr Ada Quint (virtual) attended")]


def test_html_helpers():
    assert has_html("<p>x</p>") and has_html("a <SMALL>b</SMALL>") and not has_html("a < b > c")
    assert html_to_text("<p>One</p><p>Two &amp; three</p>", " | ") == "One | Two & three"
    assert html_parts("<ul><li> a </li><li></li><li>b</li></ul>") == ["a", "b"]


def test_principle_paragraph_keeps_its_label_text():
    (block,) = segment_line("<p><i>[Strategic Principle 2]</i> SP2 We will act early.</p>", 36)
    assert block.kind == "paragraph" and block.text == "[Strategic Principle 2] SP2 We will act early."


# --------------------------------------------------------------------- headings, lists, paragraphs

@pytest.mark.parametrize("line, level, text", [
    ("# Ashmere Council", 1, "Ashmere Council"),
    ("### **Background**", 3, "Background"),
    ("MINUTES OF A MEETING OF THE BOARD", 0, "MINUTES OF A MEETING OF THE BOARD"),
    ("3. STRATEGIC PRINCIPLES", 0, "3. STRATEGIC PRINCIPLES"),
    ("**ORDER OF BUSINESS**", 0, "ORDER OF BUSINESS"),
])
def test_headings(line, level, text):
    (block,) = segment_line(line, 1)
    assert (block.kind, block.level, block.text) == ("heading", level, text)


@pytest.mark.parametrize("line", ["- EP1 We will work as one partnership.", "• a bullet", "a) first option",
                                  "(ii) second point", "2.1 Apologies were received from Ada Quint."])
def test_list_items(line):
    (block,) = segment_line(line, 1)
    assert block.kind == "list_item" and block.text == line.strip()


@pytest.mark.parametrize("line", ["Present: Cllr Ada Quint (Chair)", "The Board noted the report.",
                                  "Page 12", "Thursday 17 June 2021 at 2.00 pm"])
def test_paragraphs(line):
    (block,) = segment_line(line, 1)
    assert block.kind == "paragraph" and block.text == line


def test_all_caps_sentence_is_not_a_heading():
    assert segment_line("THE PRESS AND PUBLIC ARE WELCOME.", 1)[0].kind == "paragraph"


# --------------------------------------------------------------------- documents

def test_blocks_keep_source_line_numbers_across_blank_lines():
    lines = ["HEALTH BOARD", "", "", "Present: Cllr Ada Quint", "", "A\tB", "<p>x</p><p>y</p>"]
    blocks = segment_blocks(doc_of(lines))
    assert [(b.line, b.kind) for b in blocks] == [(1, "heading"), (4, "paragraph"), (6, "table_row"),
                                                  (7, "paragraph"), (7, "paragraph")]


def test_blocks_carry_the_page_of_their_line():
    blocks = segment_blocks(doc_of(["First", "Second", "Third"], pages=[1, 1, 2]))
    assert [(b.line, b.page) for b in blocks] == [(1, 1), (2, 1), (3, 2)]
    assert all(b.page is None for b in segment_blocks(doc_of(["No pages"])))


def test_block_to_dict():
    block = Block("table_row", 3, "a b", ("a", "b"), page=2)
    assert block.to_dict() == {"kind": "table_row", "line": 3, "text": "a b", "cells": ["a", "b"],
                               "page": 2, "level": 0}


def test_sample_action_plan_rows():
    doc = load_document(SAMPLE / "04_wexcombe_csp_2021-09-15_safer_streets_strategy.txt")
    rows = {b.line: b.cells for b in doc.blocks if b.kind == "table_row"}
    assert 53 not in rows  # dashed separator
    assert rows[56][0] == "2.1.3 Page 12"
    assert rows[58] == ("2.2.2", "Offer mentoring to every young person referred by schools after a first exclusion.",
                        "WVA")
    assert rows[61] == ("", "vulnerability and predatory behaviour in the town centre.")


def test_sample_membership_table_rows():
    doc = load_document(SAMPLE / "01_wexcombe_hwb_2021-06-17_agenda_pack.txt")
    rows = {b.line: b.cells for b in doc.blocks if b.kind == "table_row"}
    assert 19 not in rows and [b.text for b in doc.blocks if b.line == 19] == ["Board Members"]
    assert rows[20] == ("Cllr Harriet Okonjo Cabinet Member for Health and Adult Social Care (Chair)",
                        "Cllr Martin Ashdown Cabinet Member for Community Safety")
    assert rows[26][1] == "Vacancy Independent Chair, Wexcombe Safeguarding Children Partnership"
    items = [(b.kind, b.text) for b in doc.blocks if b.line == 115]
    assert items == [("list_item", "Priority 1: Best start in life"), ("list_item", "Priority 2: Healthy places"),
                     ("list_item", "Priority 3: Mental wellbeing"), ("list_item", "Priority 4: Safer communities")]
