"""Read papers from disk into `Document`s: .txt, .md, .html, .pdf, .docx.

Each format has its reader in `extract.readers`; every reader returns text lines (a table
row as tab-separated cells) with where a viewer finds them; line numbers are the evidence
users click on.
Problems (empty, binary, encrypted, not UTF-8, no text layer) raise `DocumentError`
naming the file and the problem.
"""
from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.blocks import segment_blocks
from extract.errors import DocumentError
from extract.readers.docx import read_docx
from extract.readers.html import read_html
from extract.readers.pdf import read_pdf
from extract.readers.text import read_text
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
    data = _read_bounded(path)
    if not data.strip():
        raise DocumentError(str(path), "empty file")
    reading = _READERS[fmt](path, data)
    lines = [line.text for line in reading.lines]
    if not any(line.strip() for line in lines):
        raise DocumentError(str(path), "no text found")
    doc = Document(id=document_id(data), name=path.name, path=str(path), format=fmt, lines=lines,
                   pages=[line.page or 0 for line in reading.lines] if reading.has_pages else None,
                   source_lines=[line.source_line for line in reading.lines], warnings=reading.warnings)
    doc.blocks = segment_blocks(doc)
    doc.title = _title(doc)
    return doc


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refusing what is not a regular file (a FIFO or device would block or
    never end) and what is larger than MAX_BYTES, before reading it (a huge sparse file too)."""
    try:
        info = path.stat()  # follows a symlink: a link to a device is refused as the device
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(str(path), "cannot be read (Is a directory)")
        if not stat.S_ISREG(info.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if (
                stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)) else "a socket or special file"
            raise DocumentError(str(path), f"not a regular file ({kind})")
        if info.st_size > MAX_BYTES:
            raise DocumentError(str(path), f"too large ({info.st_size // 1_048_576} MiB; limit {MAX_BYTES // 1_048_576} MiB)")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # a file that grew since stat() is still bounded
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except OSError as exc:
        raise DocumentError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise DocumentError(str(path), f"too large (over {MAX_BYTES // 1_048_576} MiB)")
    return data


_READERS = {"txt": read_text, "md": read_text, "html": read_html, "pdf": read_pdf, "docx": read_docx}


#: headings that are a web page's furniture or an image's alt text, never a paper's title
NOT_TITLE = re.compile(r"^(skip (to|navigation)|jump to|main (content|menu)|menu|navigation|search|home|"
                       r"image|img|logo|photo|picture|figure|graphic|icon|cookies?|accessibility)\b"
                       r"|^\W*$|^[\w.-]+\.(png|jpe?g|gif|svg)$", re.IGNORECASE)


def is_title(text: str) -> bool:
    """Whether a heading can be a paper's title: 4 to 150 characters and not page furniture."""
    text = " ".join(text.split())
    return 4 <= len(text) <= 150 and not NOT_TITLE.search(text)


def _title(doc: Document) -> str | None:
    for block in doc.blocks[:40]:
        text = block.text.strip(" #*")
        if block.kind == "heading" and is_title(text):
            return text
    for block in doc.blocks[:5]:
        if is_title(block.text.strip(" #*")):
            return block.text.strip(" #*")
    return None
