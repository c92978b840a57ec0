"""Reading papers from disk: every supported format, stable ids, and bad input.

Text fixtures live in tests/data/papers/read_*; binary ones (PDF, Word) are built in
tmp_path by the tests so the repository holds no opaque files.
"""
from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path

import pytest

from extract.documents import SUPPORTED, document_id, iter_paper_paths, load_document
from extract import DocumentError, ExtractError

PAPERS = Path(__file__).resolve().parents[1] / "data" / "papers"
SAMPLE = Path(__file__).resolve().parents[2] / "extract" / "sample"


# --------------------------------------------------------------------- builders

def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with a real text layer: one text line per string, one page per list."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               ("<< /Type /Pages /Kids [%s] /Count %d >>"
                % (" ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))), len(pages))).encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append((f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                        f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>").encode())
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Ashmere Borough Council", 1)
    document.add_paragraph("Report to the Licensing and Safety Committee, 24th March 2021.")
    document.add_heading("Membership", 2)
    document.add_paragraph("Members are listed below.", style="List Bullet")
    table = document.add_table(rows=3, cols=4)
    for row, values in enumerate([("Invited member", "Organisation", "Attended", "Substitute"),
                                  ("Cllr Petra Lindqvist", "", "", "Insp Mo Farrant"),
                                  ("Dr Selma Ruiz", "Public Health", "Yes", "Yes")]):
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Spans two columns"
    merged.cell(0, 2).text = "Last"
    document.add_paragraph("Closing paragraph.")
    document.save(path)
    return path


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------- formats

def test_txt_keeps_lines_and_line_numbers():
    doc = load_document(PAPERS / "read_minutes.txt")
    assert (doc.format, doc.name) == ("txt", "read_minutes.txt")
    assert doc.line(1) == "Ashmere Borough Council"
    assert doc.line(5) == "Tuesday 7 September 2021"
    assert doc.line(0) == "" and doc.line(10_000) == ""
    assert doc.pages is None
    for block in doc.blocks:  # every block's text comes from its own source line
        words = [w for w in block.text.replace("&", " ").split() if w.isalpha()]
        assert all(w in doc.line(block.line) for w in words), block
    assert doc.title == "LICENSING AND SAFETY COMMITTEE"


def test_txt_two_column_layout_is_a_table_row_with_cells():
    doc = load_document(PAPERS / "read_minutes.txt")
    row = next(b for b in doc.blocks if b.line == 8)
    assert row.kind == "table_row"
    assert row.cells == ("Cllr Petra Lindqvist Chair of the Committee", "Cllr Owain Hughes-Barr Vice-Chair")
    vacancy = next(b for b in doc.blocks if b.line == 9)
    assert vacancy.cells == ("Dr Selma Ruiz Public Health Adviser", "Vacancy")


def test_txt_html_fragments_become_blocks_of_their_line():
    doc = load_document(PAPERS / "read_minutes.txt")
    on_14 = [(b.kind, b.text) for b in doc.blocks if b.line == 14]
    assert on_14 == [("paragraph", "Item 1"), ("paragraph", "Apologies & substitutions")]
    on_15 = [(b.kind, b.text) for b in doc.blocks if b.line == 15]
    assert on_15 == [("list_item", "First point"), ("list_item", "Second point")]


def test_txt_action_rows_keep_glued_page_number_and_continuation():
    doc = load_document(PAPERS / "read_minutes.txt")
    rows = {b.line: b for b in doc.blocks if b.kind == "table_row"}
    assert 19 not in rows  # the dashed separator row is not a block
    assert rows[20].cells == ("4.1.2 Page 9", "Review the late-night levy", "Licensing")
    assert rows[21].cells == ("", "continued on a second line")  # leading empty cell kept


def test_txt_crlf_and_bom(tmp_path):
    path = write(tmp_path, "crlf.txt", "\ufeffFirst line\r\nSecond line\r\n\r\nFourth\rFifth".encode("utf-8"))
    doc = load_document(path)
    assert doc.lines == ["First line", "Second line", "", "Fourth", "Fifth"]
    assert [b.line for b in doc.blocks] == [1, 2, 4, 5]


def test_markdown_headings_and_table():
    doc = load_document(PAPERS / "read_pack.md")
    assert doc.format == "md"
    headings = [(b.line, b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings == [(1, 1, "Ashmere Borough Council"), (3, 2, "Safer Town Centre Plan 2022-2025")]
    rows = [(b.line, b.cells) for b in doc.blocks if b.kind == "table_row"]
    assert rows == [(7, ("Ref", "Action", "Lead")),
                    (9, ("1.1", "Improve street lighting", "Highways")),
                    (10, ("", "Shared action", "Police"))]  # separator line 8 skipped
    assert [b.line for b in doc.blocks if b.kind == "list_item"] == [12, 13]
    assert doc.title == "Ashmere Borough Council"


def test_html_paragraphs_lists_and_table_rows():
    doc = load_document(PAPERS / "read_report.html")
    assert doc.format == "html"
    assert "do not read" not in doc.text and "color" not in doc.text  # script and style dropped
    assert "This report updates the Committee & its partners." in doc.lines
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == ["- Night safety patrols", "- Taxi marshals"]
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Name", "Post"), ("Cllr Petra Lindqvist", "Chair"),
                                       ("Dr Selma Ruiz", "Public Health Adviser")]
    for row in rows:  # a table row is one tab-separated source line
        assert doc.line(row.line) == "\t".join(row.cells)
    assert doc.title == "Licensing and Safety Committee"


def test_html_nested_table_cells_are_not_repeated(tmp_path):
    path = write(tmp_path, "nested.html",
                 b"<table><tr><td>Outer<table><tr><td>in1</td><td>in2</td></tr></table></td>"
                 b"<td>right</td></tr></table>")
    assert load_document(path).lines[0] == "Outer in1 in2\tright"


def test_pdf_text_layer_with_page_of_each_line(tmp_path):
    path = write(tmp_path, "pack.pdf", make_pdf([["Licensing and Safety Committee", "Tuesday 7 September 2021"],
                                                 ["Minutes", "Present: Cllr Petra Lindqvist (Chair)"]]))
    doc = load_document(path)
    assert doc.format == "pdf"
    assert len(doc.pages) == len(doc.lines)
    where = {line: page for line, page in zip(doc.lines, doc.pages) if line}
    assert where == {"Licensing and Safety Committee": 1, "Tuesday 7 September 2021": 1,
                     "Minutes": 2, "Present: Cllr Petra Lindqvist (Chair)": 2}
    for block in doc.blocks:
        assert block.page == doc.pages[block.line - 1]
        assert doc.line(block.line) == block.text


def test_pdf_with_empty_user_password_is_read(tmp_path):
    path = write(tmp_path, "owner-only.pdf", encrypt_pdf(make_pdf([["Open to read"]]), user_password=""))
    assert "Open to read" in load_document(path).lines


def test_docx_paragraphs_headings_and_tables(tmp_path):
    doc = load_document(make_docx(tmp_path / "report.docx"))
    assert doc.format == "docx"
    assert doc.lines[:4] == ["# Ashmere Borough Council",
                             "Report to the Licensing and Safety Committee, 24th March 2021.",
                             "## Membership", "- Members are listed below."]
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings == [(1, "Ashmere Borough Council"), (2, "Membership")]
    rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert rows == [("Invited member", "Organisation", "Attended", "Substitute"),
                    ("Cllr Petra Lindqvist", "", "", "Insp Mo Farrant"),  # empty cells keep columns
                    ("Dr Selma Ruiz", "Public Health", "Yes", "Yes"),  # equal neighbours both kept
                    ("Spans two columns", "Last")]  # a merged cell once
    assert doc.lines[-1] == "Closing paragraph."
    assert doc.title == "Ashmere Borough Council"


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLE.glob("*.txt")))
def test_every_sample_paper_loads(name):
    doc = load_document(SAMPLE / name)
    assert doc.format == "txt" and 40 <= len(doc.lines) <= 160
    assert any(b.kind == "table_row" for b in doc.blocks)


def test_sample_corpus_is_there():
    assert len(list(SAMPLE.glob("*.txt"))) >= 6
    assert (SAMPLE / "README.md").is_file()


# --------------------------------------------------------------------- ids

def test_id_is_stable_and_depends_only_on_bytes(tmp_path):
    data = (PAPERS / "read_minutes.txt").read_bytes()
    first = load_document(write(tmp_path, "a.txt", data))
    second = load_document(write(tmp_path, "renamed.txt", data))
    assert first.id == second.id == document_id(data) == hashlib.sha256(data).hexdigest()[:16]
    assert len(first.id) == 16 and int(first.id, 16) >= 0
    assert load_document(PAPERS / "read_minutes.txt").id == first.id


def test_one_changed_byte_changes_the_id(tmp_path):
    data = bytearray((PAPERS / "read_minutes.txt").read_bytes())
    data[10] ^= 0x01
    changed = load_document(write(tmp_path, "changed.txt", bytes(data)))
    assert changed.id != load_document(PAPERS / "read_minutes.txt").id


def test_pdf_id_is_stable(tmp_path):
    data = make_pdf([["Same bytes"]])
    assert load_document(write(tmp_path, "x.pdf", data)).id == load_document(write(tmp_path, "y.pdf", data)).id


# --------------------------------------------------------------------- bad input

BAD_INPUT = {
    "corrupt.pdf": (b"%PDF-1.4\nthis is not really a pdf\n", "unreadable PDF"),
    "truncated.pdf": (make_pdf([["Cut short"]])[:180], "unreadable PDF"),
    "word-renamed.pdf": (b"PK\x03\x04 not a pdf", "unreadable PDF"),
    "encrypted.pdf": (encrypt_pdf(make_pdf([["Secret"]]), user_password="letmein"), "encrypted PDF"),
    "scan.pdf": (make_pdf([[]]), "no text layer"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary data"),
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"  \n\t\n\r\n   ", "empty file"),
    "cp1252.txt": ("Caf\u00e9 \u201cminutes\u201d \u2013 draft".encode("cp1252"), "not UTF-8"),
    "broken.docx": (b"PK\x03\x04 definitely not a zip archive", "unreadable Word document"),
    "scripts-only.html": (b"<html><script>var a = 1;</script></html>", "no text found"),
    "minutes.xlsx": (b"a,b\n1,2\n", "unsupported file type '.xlsx'"),
    "README": (b"plain words", "unsupported file type '(none)'"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_names_the_file_and_the_problem(tmp_path, name):
    data, problem = BAD_INPUT[name]
    path = write(tmp_path, name, data)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert caught.value.path == str(path)
    assert problem in caught.value.problem
    assert name in str(caught.value) and problem in str(caught.value)
    assert isinstance(caught.value, ExtractError)


def test_not_utf8_message_gives_the_byte_and_offset(tmp_path):
    path = write(tmp_path, "legacy.txt", b"Minutes of the meeting \x96 draft")
    with pytest.raises(DocumentError, match=r"legacy\.txt: not UTF-8 text \(byte 0x96 at offset 23\)"):
        load_document(path)


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere" / "minutes.txt"
    with pytest.raises(DocumentError, match="no such file") as caught:
        load_document(path)
    assert caught.value.path == str(path)


def test_folder_named_like_a_paper(tmp_path):
    folder = tmp_path / "pack.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match=r"pack\.txt: cannot be read"):
        load_document(folder)


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", b"text")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DocumentError, match=r"locked\.txt: cannot be read \(Permission denied\)"):
        load_document(path)


def test_huge_sparse_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 * 1024)  # 64 GiB of holes: reading it whole would take minutes

    def never(self, *args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", never)
    with pytest.raises(DocumentError, match=r"huge\.txt: too large \(65536 MiB"):
        load_document(path)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_fifo_and_link_to_a_device_are_refused(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match=r"pipe\.txt: not a regular file \(a FIFO\)"):
        load_document(fifo)  # would block forever if opened
    link = tmp_path / "zeros.pdf"
    link.symlink_to("/dev/zero")
    with pytest.raises(DocumentError, match=r"zeros\.pdf: not a regular file \(a device\)"):
        load_document(link)  # would never end if read


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr("extract.documents.MAX_BYTES", 10)
    path = write(tmp_path, "big.txt", b"x" * 11)
    with pytest.raises(DocumentError, match=r"big\.txt: too large"):
        load_document(path)


def test_every_supported_extension_has_a_reader(tmp_path):
    assert set(SUPPORTED.values()) == {"txt", "md", "html", "pdf", "docx"}
    for suffix, fmt in SUPPORTED.items():
        if fmt in ("txt", "md", "html"):
            assert load_document(write(tmp_path, "p" + suffix.upper(), b"<p>Some text</p>")).format == fmt


# --------------------------------------------------------------------- folders

def test_iter_paper_paths_thousands_of_files_stable_and_fast(tmp_path):
    expected = []
    for i in range(2000):
        folder = tmp_path / f"batch{i % 20:02d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"paper{i:04d}.{('txt', 'md', 'pdf', 'html', 'docx')[i % 5]}"
        path.write_bytes(b"x")
        expected.append(path)
    for noise in ("notes.xlsx", "batch03/.~lock.paper.txt", "batch04/image.png", "README.md", "batch05/readme.txt"):
        (tmp_path / noise).write_bytes(b"x")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "copy.txt").write_bytes(b"x")

    start = time.perf_counter()
    first = list(iter_paper_paths([tmp_path]))
    elapsed = time.perf_counter() - start
    second = list(iter_paper_paths([str(tmp_path)]))

    assert first == second == sorted(expected)
    assert elapsed < 5.0, f"listing 2,000 papers took {elapsed:.2f} s"


def test_iter_paper_paths_skips_the_sample_readme_but_not_a_named_one():
    found = [p.name for p in iter_paper_paths([SAMPLE])]
    assert found == sorted(p.name for p in SAMPLE.glob("*.txt"))
    assert list(iter_paper_paths([SAMPLE / "README.md"])) == [SAMPLE / "README.md"]


def test_iter_paper_paths_keeps_argument_order_and_missing_paths(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "b.txt").write_bytes(b"x")
    (folder / "a.md").write_bytes(b"x")
    single = write(tmp_path, "single.pdf", b"x")
    missing = tmp_path / "missing.txt"
    unsupported = write(tmp_path, "sheet.xlsx", b"x")
    got = list(iter_paper_paths([single, folder, missing, unsupported]))
    assert got == [single, folder / "a.md", folder / "b.txt", missing, unsupported]
