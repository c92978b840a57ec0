"""Readers of published layouts: PDF tables and columns, HTML pages (ModernGov too), Word parts.

Every PDF here is drawn with reportlab in the test, word by word at known positions, so the
layouts (ruled and borderless tables, two columns, running footers, a row broken by a page
end) are the ones councils' templates print, and the expected lines are known exactly.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from extract import DocumentError, extract_document, load_document

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"
WIDTH, HEIGHT = A4
FONT = "Helvetica"


# --------------------------------------------------------------------- drawing helpers

class Sheet:
    """A PDF drawn page by page; `top` positions are measured down from the page top."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.canvas = rl_canvas.Canvas(self.buffer, pagesize=A4)

    def text(self, x: float, top: float, words: str, size: float = 11) -> None:
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(x, HEIGHT - top - size, words)

    def wrap(self, words: str, width: float, size: float = 11) -> list[str]:
        lines, line = [], ""
        for word in words.split():
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, FONT, size) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        return lines + [line] if line else lines

    def paragraph(self, x: float, top: float, width: float, words: str, size: float = 11,
                  leading: float = 13.5, justify: bool = True) -> float:
        """Draw a wrapped paragraph (justified like a council template); return the top below it."""
        lines = self.wrap(words, width, size)
        for i, line in enumerate(lines):
            parts = line.split()
            if justify and i < len(lines) - 1 and len(parts) > 1:
                gap = (width - sum(stringWidth(p, FONT, size) for p in parts)) / (len(parts) - 1)
                at = x
                for part in parts:
                    self.text(at, top, part, size)
                    at += stringWidth(part, FONT, size) + gap
            else:
                self.text(x, top, line, size)
            top += leading
        return top

    def table(self, x: float, top: float, widths: list[float], rows: list[list[str]], ruled: bool,
              size: float = 10, leading: float = 12, pad: float = 5, row_gap: float = 6) -> float:
        """Draw a table of wrapped cells, with ruling lines or without; return the top below it."""
        for row in rows:
            wrapped = [self.wrap(cell, w - 2 * pad, size) for cell, w in zip(row, widths)]
            height = max(len(lines) for lines in wrapped) * leading + (2 * pad if ruled else row_gap)
            at = x
            for lines, w in zip(wrapped, widths):
                for k, line in enumerate(lines):
                    self.text(at + pad, top + (pad if ruled else 0) + k * leading, line, size)
                if ruled:
                    self.canvas.rect(at, HEIGHT - top - height, w, height)
                at += w
            top += height
        return top

    def page(self) -> None:
        self.canvas.showPage()

    def save(self, folder: Path, name: str) -> Path:
        self.canvas.save()
        path = folder / name
        path.write_bytes(self.buffer.getvalue())
        return path


MEMBERS = [["Cllr Petra Lindqvist Cabinet Member for Licensing and Safety (Chair)",
            "Dr Selma Ruiz Director of Public Health, Ashmere Borough Council"],
           ["Insp Mo Farrant Neighbourhood Policing Inspector, Ashmere Constabulary",
            "Cllr Owain Hughes-Barr Cabinet Member for Housing (Vice-Chair)"],
           ["Gideon Farrow Governance Officer", ""]]


def rows_of(doc) -> list[tuple[str, ...]]:
    return [b.cells for b in doc.blocks if b.kind == "table_row"]


# --------------------------------------------------------------------- PDF

@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
def test_pdf_membership_table_rows_are_tab_rows_with_whole_cells(tmp_path, ruled):
    sheet = Sheet()
    sheet.paragraph(57, 40, 480, "Licensing and Safety Board", justify=False)
    top = sheet.paragraph(57, 70, 480, "Board Members", justify=False) + 10
    top = sheet.table(57, top, [240, 240], MEMBERS, ruled)
    sheet.paragraph(57, top + 20, 480, "The Board meets four times a year in the civic centre.", justify=False)
    doc = load_document(sheet.save(tmp_path, "members.pdf"))
    assert rows_of(doc) == [tuple(MEMBERS[0]), tuple(MEMBERS[1])]
    assert doc.line(next(b.line for b in doc.blocks if b.text == MEMBERS[2][0])).startswith(MEMBERS[2][0])
    assert "The Board meets four times a year in the civic centre." in doc.lines
    members = {(f.fields["person"], f.fields["role"]) for f in extract_document(doc).facts if f.type == "membership"}
    assert ("Petra Lindqvist", "chair") in members and ("Owain Hughes-Barr", "vice-chair") in members


def test_pdf_borderless_action_table_with_wrapped_cells(tmp_path):
    sheet = Sheet()
    rows = [["Ref", "Action", "Lead", "Due"],
            ["2.1", "Review the late-night levy with the licensed trade and residents", "Licensing Team", "June 2022"],
            ["2.2", "Extend the taxi marshal scheme to the railway station at weekends", "Community Safety", "2023"]]
    top = sheet.table(57, 80, [50, 250, 110, 70], rows, ruled=False)
    sheet.paragraph(57, top + 24, 480, "Progress is reported to the Committee every quarter.", justify=False)
    doc = load_document(sheet.save(tmp_path, "actions.pdf"))
    assert rows_of(doc) == [tuple(r) for r in rows]


def test_pdf_paragraphs_rejoined_but_short_lines_kept(tmp_path):
    sheet = Sheet()
    words = ("The Committee agreed that the licensing policy should be reviewed with residents and the "
             "licensed trade before the consultation closes, and that the outcome should be reported "
             "back to the next meeting together with the costs of the extended marshal scheme.")
    top = sheet.paragraph(57, 60, 300, words)
    for line in ("Contact: Gideon Farrow", "Governance Officer", "Tel: 01632 960 418"):  # one item a line
        sheet.text(57, top, line)
        top += 13.5
    doc = load_document(sheet.save(tmp_path, "para.pdf"))
    assert words in doc.lines  # one line per paragraph, whatever its wrapping
    assert doc.lines[-3:] == ["Contact: Gideon Farrow", "Governance Officer", "Tel: 01632 960 418"]


def test_pdf_paragraph_cut_by_the_page_end_goes_on_at_the_next_page(tmp_path):
    sheet = Sheet()
    words = ("The Committee noted that the review of the licensing policy had been delayed by the "
             "consultation on the late-night levy and asked officers to bring the revised timetable, "
             "with the costs of the extended marshal scheme, to the next meeting.")
    lines = sheet.wrap(words, 300)
    first, rest = " ".join(lines[:3]), " ".join(lines[3:])
    assert rest[:1].islower()  # the cut falls inside the sentence
    sheet.paragraph(57, 700, 300, "Item 4 Licensing policy review", justify=False)
    sheet.paragraph(57, 730, 300, first)  # the foot of page 1: three lines, the next word did not fit
    sheet.page()
    sheet.paragraph(57, 60, 300, rest, justify=True)
    doc = load_document(sheet.save(tmp_path, "cut.pdf"))
    assert words in doc.lines
    line = doc.lines.index(words)
    assert (doc.pages[line], doc.source_lines[line]) == (1, 3)  # evidence: where the paragraph starts


def test_pdf_numbered_paragraphs_with_a_hanging_indent_are_not_a_table(tmp_path):
    sheet = Sheet()
    top = 60.0
    for number, words in (("4.1", "Membership: nine Members of the Council and two co-opted independent members "
                                  "appointed for four years, who may not serve on the Cabinet or on the scrutiny "
                                  "committee while they sit on this Committee."),
                          ("4.2", "The Committee reports to full Council once a year on the work it has done "
                                  "and on the arrangements for governance, risk and internal control.")):
        sheet.text(57, top, number)
        top = sheet.paragraph(85, top, 430, words) + 8  # the text hangs 28 pt in from the number
    doc = load_document(sheet.save(tmp_path, "numbered.pdf"))
    assert not rows_of(doc)
    assert [line for line in doc.lines if line] == [
        "4.1 Membership: nine Members of the Council and two co-opted independent members appointed for four years, "
        "who may not serve on the Cabinet or on the scrutiny committee while they sit on this Committee.",
        "4.2 The Committee reports to full Council once a year on the work it has done and on the arrangements "
        "for governance, risk and internal control."]


def test_pdf_list_items_are_not_glued_to_the_paragraph_above(tmp_path):
    sheet = Sheet()
    top = sheet.paragraph(57, 60, 300, "The Committee agreed the following actions for the coming year "
                                       "and asked officers to report back:")
    for item in ("1. Review the levy", "2. Extend the marshal scheme", "3. Publish the register"):
        sheet.text(57, top, item)
        top += 13.5
    doc = load_document(sheet.save(tmp_path, "list.pdf"))
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == [
        "1. Review the levy", "2. Extend the marshal scheme", "3. Publish the register"]


def test_pdf_two_columns_are_read_column_by_column(tmp_path):
    sheet = Sheet()
    left = ["Present:", "Cllr Petra Lindqvist (Chair)", "Cllr Owain Hughes-Barr", "Dr Selma Ruiz",
            "Insp Mo Farrant", "Apologies:", "Cllr Tobias Wren"]
    right = ("The Chair welcomed everyone and explained that the meeting would consider the "
             "review of the licensing policy, the taxi marshal scheme and the budget for next year. "
             "Members asked for the figures on late-night incidents to be circulated.")
    sheet.paragraph(57, 50, 480, "LICENSING AND SAFETY COMMITTEE", justify=False)
    top = 80.0
    for line in left:
        sheet.text(57, top, line)
        top += 19
    sheet.paragraph(310, 83, 230, right)  # baselines not level with the left column's
    doc = load_document(sheet.save(tmp_path, "columns.pdf"))
    texts = [line for line in doc.lines if line.strip()]
    assert texts[0] == "LICENSING AND SAFETY COMMITTEE"
    assert texts[1:1 + len(left)] == left  # the whole left column first
    assert right in doc.lines  # then the right column, its wrapped lines rejoined
    statuses = {(f.fields["person"], f.fields["status"]) for f in extract_document(doc).facts
                if f.type == "attendance"}
    assert ("Selma Ruiz", "present") in statuses and ("Tobias Wren", "apologies") in statuses


def test_pdf_running_header_footer_and_page_numbers_are_dropped(tmp_path):
    sheet = Sheet()
    for n in range(1, 4):
        sheet.text(57, 20, "Licensing and Safety Committee - 7 September 2021", size=9)
        sheet.paragraph(57, 90, 480, f"Item {n} was considered by the Committee.", justify=False)
        sheet.text(280, HEIGHT - 40, f"Page {n} of 3", size=9)
        sheet.page()
    doc = load_document(sheet.save(tmp_path, "footers.pdf"))
    assert [line for line in doc.lines if line.strip()] == [f"Item {n} was considered by the Committee."
                                                             for n in range(1, 4)]


def test_pdf_table_row_broken_by_the_page_end_is_one_row(tmp_path):
    sheet = Sheet()
    widths = [200, 280]
    top = sheet.table(57, 600, widths, [["Name", "Post"], ["Cllr Petra Lindqvist", "Chair of the Committee"]],
                      ruled=True)
    # the next row starts at the foot of page 1 and goes on at the head of page 2
    sheet.table(57, top, widths, [["Dr Selma Ruiz Director of Public", "Adviser to the Committee on"]], ruled=True)
    sheet.page()
    top = sheet.table(57, 60, widths, [["Health, Ashmere Borough Council", "health protection"]], ruled=True)
    sheet.table(57, top, widths, [["Insp Mo Farrant", "Police adviser"]], ruled=True)
    doc = load_document(sheet.save(tmp_path, "broken_row.pdf"))
    assert rows_of(doc) == [("Name", "Post"), ("Cllr Petra Lindqvist", "Chair of the Committee"),
                            ("Dr Selma Ruiz Director of Public Health, Ashmere Borough Council",
                             "Adviser to the Committee on health protection"),
                            ("Insp Mo Farrant", "Police adviser")]


def test_pdf_word_broken_in_a_narrow_cell_is_rejoined(tmp_path):
    sheet = Sheet()
    pad, size = 5, 10
    first = "Environment"
    width = stringWidth("Environm", FONT, size) + 2 * pad + 1  # room for 'Environm' and no more
    sheet.table(57, 80, [width, 200], [["Ref", "Action"]], ruled=True)
    top = 80 + 12 + 2 * pad
    sheet.canvas.rect(57, HEIGHT - top - 36 - 2 * pad, width, 36 + 2 * pad)
    sheet.canvas.rect(57 + width, HEIGHT - top - 36 - 2 * pad, 200, 36 + 2 * pad)
    sheet.text(57 + pad, top + pad, "Environm", size)
    sheet.text(57 + pad, top + pad + 12, "ent Team", size)
    sheet.text(57 + width + pad, top + pad, "Clear the fly-tipping", size)
    doc = load_document(sheet.save(tmp_path, "narrow.pdf"))
    assert rows_of(doc)[1] == (first + " Team", "Clear the fly-tipping")


def test_pdf_lines_keep_page_and_pdftotext_line(tmp_path):
    sheet = Sheet()
    sheet.text(57, 60, "MINUTES")  # page line 1
    sheet.text(57, 60 + 13, "Tuesday 7 September 2021")  # line 2: one line pitch below
    sheet.text(57, 60 + 13 + 30, "Present: Cllr Petra Lindqvist")  # 30 pt below: two lines on (one blank)
    sheet.page()
    sheet.text(57, 300, "Item 2 Minutes of the last meeting")  # page 2 starts again at line 1
    doc = load_document(sheet.save(tmp_path, "lines.pdf"))
    where = {text: (page, line) for text, page, line in zip(doc.lines, doc.pages, doc.source_lines) if text}
    assert where == {"MINUTES": (1, 1), "Tuesday 7 September 2021": (1, 2),
                     "Present: Cllr Petra Lindqvist": (1, 4), "Item 2 Minutes of the last meeting": (2, 1)}
    for block in doc.blocks:
        assert block.page == doc.pages[block.line - 1]


def test_pdf_page_that_cannot_be_laid_out_is_read_as_plain_text_with_a_warning(tmp_path, monkeypatch, caplog):
    sheet = Sheet()
    sheet.text(57, 60, "First page text")
    sheet.page()
    sheet.text(57, 60, "Second page text")
    path = sheet.save(tmp_path, "odd.pdf")
    import extract.readers.pdf as pdf_reader

    real = pdf_reader.physical_lines

    def fail_on_second(words):
        if any(w.text == "Second" for w in words):
            raise ValueError("odd content stream")
        return real(words)

    monkeypatch.setattr(pdf_reader, "physical_lines", fail_on_second)
    with caplog.at_level("WARNING"):
        doc = load_document(path)
    assert "First page text" in doc.lines and "Second page text" in doc.lines
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("page 2 read as plain text")
    assert any("odd.pdf" in r.getMessage() and "page 2" in r.getMessage() for r in caplog.records)


def test_pdf_page_whose_layout_fails_is_read_as_plain_text(tmp_path, monkeypatch):
    sheet = Sheet()
    sheet.text(57, 60, "First page text")
    sheet.page()
    sheet.text(57, 60, "Second page text")
    path = sheet.save(tmp_path, "odd-layout.pdf")
    import extract.readers.pdf as pdf_reader

    real = pdf_reader._page_flows

    def fail_on_second(page, pitch):
        if page.number == 2:
            raise IndexError("unforeseen layout")
        return real(page, pitch)

    monkeypatch.setattr(pdf_reader, "_page_flows", fail_on_second)
    doc = load_document(path)
    assert "First page text" in doc.lines and "Second page text" in doc.lines
    assert doc.warnings == ["page 2 read as plain text, its layout could not be read (IndexError: unforeseen layout)"]


def test_pdf_encrypted_with_aes_and_an_empty_user_password_is_read(tmp_path):
    from pypdf import PdfWriter

    sheet = Sheet()
    sheet.text(57, 60, "Open to any viewer")
    plain = sheet.save(tmp_path, "plain.pdf")
    for algorithm in ("AES-128", "AES-256"):
        writer = PdfWriter(clone_from=plain)
        writer.encrypt(user_password="", owner_password="owner-secret", algorithm=algorithm)
        out = tmp_path / f"{algorithm}.pdf"
        with out.open("wb") as handle:
            writer.write(handle)
        assert "Open to any viewer" in load_document(out).lines
        writer = PdfWriter(clone_from=plain)
        writer.encrypt(user_password="letmein", owner_password="owner-secret", algorithm=algorithm)
        locked = tmp_path / f"locked-{algorithm}.pdf"
        with locked.open("wb") as handle:
            writer.write(handle)
        with pytest.raises(DocumentError, match="encrypted PDF"):
            load_document(locked)


# --------------------------------------------------------------------- HTML

def test_html_minified_page_with_wrapped_source_and_cells_of_paragraphs(tmp_path):
    page = ("<html><head><title>x</title><style>p{color:red}</style></head><body><nav><a href='/'>Home</a></nav>"
            "<h2>Board Membership</h2><p>The Board is made up of\n   members of the Council\nand its partners.</p>"
            "<table><tr><th>Name</th><th>Post</th></tr><tr><td><p>Cllr Petra\n Lindqvist</p></td>"
            "<td><p>Cabinet Member</p><p>(Chair)</p></td></tr></table><ul><li>First point</li><li>Second\n point</li></ul>"
            "<script>var hidden = 'do not read';</script></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = load_document(path)
    assert [line for line in doc.lines if line] == [
        "## Board Membership", "The Board is made up of members of the Council and its partners.",
        "Name\tPost", "Cllr Petra Lindqvist\tCabinet Member (Chair)", "- First point", "- Second point"]


def test_html_lines_keep_the_line_of_the_file():
    doc = load_document(PAPERS / "read_report.html")
    source = (PAPERS / "read_report.html").read_text(encoding="utf-8").split("\n")
    for text, line in zip(doc.lines, doc.source_lines):
        if text:
            first_word = text.lstrip("#- ").split()[0]
            assert first_word in source[line - 1], (text, line)


def test_moderngov_committee_details_page_gives_memberships():
    doc = load_document(PAPERS / "read_moderngov_committee.html")
    assert "Calendar" not in doc.text and "Search" not in doc.text and "Home" not in doc.text  # site chrome
    facts = extract_document(doc).facts
    members = {(f.fields["person"], f.fields["role"], f.fields["body"]) for f in facts if f.type == "membership"}
    assert members == {("Petra Lindqvist", "chair", "Licensing and Safety Committee"),
                       ("Owain Hughes-Barr", "vice-chair", "Licensing and Safety Committee"),
                       ("Tobias Wren", "member", "Licensing and Safety Committee"),
                       ("Marisol Achterberg", "member", "Licensing and Safety Committee"),
                       ("Ifeoma Castellanos", "member", "Licensing and Safety Committee")}


def test_moderngov_attendance_page_gives_attendance():
    doc = load_document(PAPERS / "read_moderngov_attendance.html")
    assert "Councillor Owain Hughes-Barr\tVice-Chair\tApologies" in doc.lines
    facts = extract_document(doc).facts
    attendance = {(f.fields["person"], f.fields["status"], f.fields["date"]) for f in facts if f.type == "attendance"}
    assert attendance == {("Petra Lindqvist", "present", "2021-09-07"),
                          ("Owain Hughes-Barr", "apologies", "2021-09-07"),
                          ("Tobias Wren", "present", "2021-09-07"),
                          ("Marisol Achterberg", "substitute", "2021-09-07"),
                          ("Gideon Farrow", "officer_in_attendance", "2021-09-07")}
    chairs = {(f.fields["person"], f.fields["role"]) for f in facts if f.type == "membership"}
    assert ("Petra Lindqvist", "chair") in chairs


# --------------------------------------------------------------------- Word

def test_docx_headers_footers_text_boxes_and_cells_of_paragraphs(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Ashmere Borough Council - Licensing and Safety Committee"
    document.sections[0].footer.paragraphs[0].text = "Contact: Gideon Farrow, Governance Officer"
    document.add_paragraph("Minutes of the meeting held on 7 September 2021.")
    anchor = document.add_paragraph("See the box.")
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Present: Cllr Petra Lindqvist (Chair)</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    anchor._p.append(box)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Dr Selma Ruiz"
    cell = table.cell(0, 1)
    cell.text = "Director of Public Health"
    cell.add_paragraph("Ashmere Borough Council")
    path = tmp_path / "minutes.docx"
    document.save(path)
    doc = load_document(path)
    assert doc.lines[0] == "Ashmere Borough Council - Licensing and Safety Committee"
    assert doc.lines[-1] == "Contact: Gideon Farrow, Governance Officer"
    assert doc.lines.index("Present: Cllr Petra Lindqvist (Chair)") == doc.lines.index("See the box.") + 1
    assert "Dr Selma Ruiz\tDirector of Public Health Ashmere Borough Council" in doc.lines
