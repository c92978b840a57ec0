"""Read papers from disk into `Document`s: .txt, .md, .html, .pdf, .docx.

Every reader returns text lines; line numbers are the evidence users click on.
Problems (empty, binary, encrypted, not UTF-8, no text layer) raise `DocumentError`
naming the file and the problem.
"""
from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.blocks import segment_blocks
from extract.errors import DocumentError
from extract.records import Document

SUPPORTED = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".pdf": "pdf", ".docx": "docx"}
MAX_BYTES = 50 * 1024 * 1024


def document_id(data: bytes) -> str:
    """Stable id of a paper: the first 16 hex digits of the sha256 of its bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def iter_paper_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the supported files inside folders named, in a stable order.

    A path that does not exist is yielded as is so the caller reports it. Inside folders,
    hidden files and folders and README files (a folder's notes, e.g. the sample's answer
    key) are skipped; a file named explicitly is always yielded.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                readme = child.stem.lower() == "readme"
                if child.is_file() and child.suffix.lower() in SUPPORTED and not hidden and not readme:
                    yield child
        else:
            yield path


def load_document(path: str | Path) -> Document:
    """Read one paper. Raises DocumentError with the file and the problem."""
    path = Path(path)
    fmt = SUPPORTED.get(path.suffix.lower())
    if fmt is None:
        raise DocumentError(str(path), f"unsupported file type '{path.suffix or '(none)'}'"
                            f" (supported: {', '.join(sorted(SUPPORTED))})")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except OSError as exc:
        raise DocumentError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise DocumentError(str(path), f"too large ({len(data) // 1_048_576} MiB; limit {MAX_BYTES // 1_048_576} MiB)")
    if not data.strip():
        raise DocumentError(str(path), "empty file")
    reader = {"txt": _read_text, "md": _read_text, "html": _read_html,
              "pdf": _read_pdf, "docx": _read_docx}[fmt]
    lines, pages = reader(path, data)
    if not any(line.strip() for line in lines):
        raise DocumentError(str(path), "no text found")
    doc = Document(id=document_id(data), name=path.name, path=str(path), format=fmt,
                   lines=lines, pages=pages)
    doc.blocks = segment_blocks(doc)
    doc.title = _title(doc)
    return doc


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.1:
        raise DocumentError(str(path), "binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(str(path), f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start});"
                            " save it as UTF-8 and build again") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _read_text(path: Path, data: bytes) -> tuple[list[str], None]:
    return _decode(path, data).split("\n"), None


_BLOCK_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section",
               "ul", "ol", "title")


def _read_html(path: Path, data: bytes) -> tuple[list[str], None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_decode(path, data), "lxml")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    for row in soup.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"], recursive=False)]
        row.replace_with(soup.new_string("\n" + "\t".join(cells) + "\n"))
    for level in range(1, 7):
        for h in soup.find_all(f"h{level}"):
            h.replace_with(soup.new_string("\n" + "#" * level + " " + h.get_text(" ", strip=True) + "\n"))
    for li in soup.find_all("li"):
        li.replace_with(soup.new_string("\n- " + li.get_text(" ", strip=True) + "\n"))
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \xa0]+", " ", line).strip(" ") for line in text.split("\n")]
    return _squeeze_blank(lines), None


def _read_pdf(path: Path, data: bytes) -> tuple[list[str], list[int]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise DocumentError(str(path), "encrypted PDF (a password is needed)")
            except DocumentError:
                raise
            except Exception:
                raise DocumentError(str(path), "encrypted PDF (a password is needed)") from None
        lines: list[str] = []
        pages: list[int] = []
        for number, page in enumerate(reader.pages, 1):
            for line in (page.extract_text() or "").split("\n"):
                lines.append(line.rstrip())
                pages.append(number)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DocumentError(str(path), f"unreadable PDF ({exc})") from None
    if not any(line.strip() for line in lines):
        raise DocumentError(str(path), "PDF has no text layer (a scan? run OCR first)")
    return lines, pages


def _read_docx(path: Path, data: bytes) -> tuple[list[str], None]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for broken files
        raise DocumentError(str(path), f"unreadable Word document ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = (item.style.name if item.style is not None else "") or ""
            text = item.text.strip()
            match = re.match(r"Heading (\d)", style)
            if match and text:
                text = "#" * int(match.group(1)) + " " + text
            elif style.startswith("List") and text:
                text = "- " + text
            lines.append(text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells: list[str] = []
                previous = None
                for cell in row.cells:
                    if cell._tc is previous:  # a merged cell is repeated once per grid column it spans
                        continue
                    previous = cell._tc
                    cells.append(" ".join(cell.text.split()))
                lines.append("\t".join(cells))
            lines.append("")
    return _squeeze_blank(lines), None


def _squeeze_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    while out and not out[0].strip():
        out.pop(0)
    return out


def _title(doc: Document) -> str | None:
    for block in doc.blocks[:40]:
        text = block.text.strip(" #*")
        if block.kind == "heading" and 3 <= len(text) <= 150:
            return text
    for block in doc.blocks[:5]:
        if 3 <= len(block.text) <= 150:
            return block.text.strip(" #*")
    return None
