"""Evidence a reader can find in a PDF: page and the line on that page (as pdftotext -layout
counts lines) travel from the reader through the store to the facts export and the document page."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.build import build_paths
from api.main import create_app
from api.settings import Settings
from graph.export import export_facts
from graph.store import GraphStore

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402


def two_page_minutes(path: Path) -> Path:
    sheet = canvas.Canvas(str(path), pagesize=A4)
    top = A4[1]
    sheet.setFont("Helvetica", 11)
    sheet.drawString(57, top - 70, "MINUTES OF THE HARBOURSIDE LICENSING PANEL")
    sheet.drawString(57, top - 83, "Thursday 3 March 2022")
    sheet.drawString(57, top - 109, "Present: Cllr Petra Lindqvist (Chair), Cllr Owain Hughes-Barr")
    sheet.showPage()
    sheet.setFont("Helvetica", 11)
    sheet.drawString(57, top - 70, "2. APOLOGIES")
    sheet.drawString(57, top - 83, "Apologies: Cllr Maren Solberg")
    sheet.save()
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf-evidence")
    paper = two_page_minutes(folder / "panel.pdf")
    data = folder / "data"
    with GraphStore.open(data) as store:
        build_paths(store, [paper])
        facts = list(export_facts(store))
    return data, facts


def test_facts_from_a_pdf_carry_page_and_page_line(built):
    _, facts = built
    attendance = {f["person"]: f for f in facts if f["type"] == "attendance"}
    assert attendance["Petra Lindqvist"]["page"] == 1
    assert attendance["Petra Lindqvist"]["source_line"] == 4  # a blank line above it, as pdftotext prints
    assert attendance["Maren Solberg"]["page"] == 2
    assert attendance["Maren Solberg"]["source_line"] == 2


def test_document_page_shows_the_pages_and_anchors_the_lines(built):
    data, facts = built
    apology = next(f for f in facts if f["type"] == "attendance" and f["person"] == "Maren Solberg")
    with GraphStore.open(data, read_only=True) as store:
        doc_id = store.documents()[0].id
    with TestClient(create_app(Settings(data=data))) as client:
        page = client.get(f"/ui/document/{doc_id}").text
    assert page.count('class="pagestart"') == 2 and 'data-page="page 2"' in page
    anchor = f'<li id="L{apology["line"]}"'
    assert anchor in page and "Apologies: Cllr Maren Solberg" in page[page.index(anchor):]
