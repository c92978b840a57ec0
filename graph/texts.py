"""Each stored document's text lines, one file per document id, so evidence shows context."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class TextFiles:
    """DATA/texts/{doc_id}.txt, written atomically (temp file + rename)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.txt"

    def stage(self, doc_id: str, lines: list[str]) -> Path:
        """Write the lines to a temp file beside the final one; `commit` renames it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{doc_id}.", suffix=".tmp", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(lines))
        return Path(tmp)

    def commit(self, staged: Path, doc_id: str) -> None:
        os.replace(staged, self.path(doc_id))

    def lines(self, doc_id: str) -> list[str] | None:
        """The document's lines (index 0 is line 1), or None if not stored."""
        try:
            text = self.path(doc_id).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        return text.split("\n") if text else []

    def remove(self, doc_id: str) -> None:
        self.path(doc_id).unlink(missing_ok=True)
