"""Plain text and markdown: the file's own lines."""
from __future__ import annotations

from pathlib import Path

from extract.errors import DocumentError
from extract.readers import Line, Reading


def decode(path: Path, data: bytes) -> str:
    """The file's text as UTF-8 with '\\n' line ends; DocumentError for binary or other encodings."""
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


def read_text(path: Path, data: bytes) -> Reading:
    return Reading([Line(text, source_line=number) for number, text in enumerate(decode(path, data).split("\n"), 1)])
