"""Full-text search over entity names and document text that tolerates misspellings.

An embedded index, no server: DATA/search.sqlite, SQLite FTS5 with the trigram tokenizer, one
table of entity names and one of document lines. A query is cut into its trigrams; FTS5 finds
the names and lines sharing any of them (ranked by bm25), and rapidfuzz scores those candidates
against the query, so a misspelt word ("Wellbeeing") still finds its line. Rebuilt with the
derived graphs (`GraphStore.refresh_derived`) and whenever the store's snapshot is newer than the
index (an older data directory), written to a temp file and renamed into place.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from graph.ids import normalise_name

if TYPE_CHECKING:
    from graph.store import GraphStore

INDEX_FILE = "search.sqlite"
#: an entity with several classes takes the first kind listed here (as api.view_queries.KIND_ORDER)
KIND_ORDER = ("action", "principle", "plan", "meeting", "person", "body")
NAME_SCORE = 80  #: least rapidfuzz score (0-100) for a name to match
TEXT_SCORE = 85  #: least score for a document line (a longer text: a stricter bar)
CANDIDATES = 400  #: FTS5 rows rescored per table


@dataclass(frozen=True, slots=True)
class NameHit:
    id: str
    kind: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class TextHit:
    doc_id: str
    line: int
    text: str
    score: float


def index_path(data: Path) -> Path:
    return Path(data) / INDEX_FILE


def build_index(store: GraphStore) -> Path:
    """Write the search index of `store` (names and document lines) and stamp it with the snapshot."""
    path = index_path(store.path)
    fd, tmp = tempfile.mkstemp(prefix=".search.", suffix=".tmp", dir=store.path)
    os.close(fd)
    try:
        with sqlite3.connect(tmp) as db:
            db.executescript("""
                CREATE VIRTUAL TABLE names USING fts5(name, id UNINDEXED, kind UNINDEXED, tokenize='trigram');
                CREATE VIRTUAL TABLE lines USING fts5(text, doc UNINDEXED, line UNINDEXED, tokenize='trigram');
                CREATE TABLE stamp (sources TEXT);""")
            db.executemany("INSERT INTO names VALUES (?, ?, ?)", _names(store))
            for doc in store.documents():
                lines = store.text_lines(doc.id) or []
                db.executemany("INSERT INTO lines VALUES (?, ?, ?)",
                               ((text, doc.id, i) for i, text in enumerate(lines, 1) if len(text.strip()) >= 3))
            db.execute("INSERT INTO stamp VALUES (?)", (store.snapshot().sources,))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _names(store: GraphStore) -> list[tuple[str, str, str]]:
    kinds: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for row in store.run("search_names"):
        e, kind = row["e"], row["kind"]
        if e not in kinds or KIND_ORDER.index(kind) < KIND_ORDER.index(kinds[e]):
            kinds[e] = kind
        names.setdefault(e, set()).add(" ".join(str(row["name"]).split()))
    return [(name, e, kinds[e]) for e, ns in names.items() for name in sorted(ns)]


def ensure_index(store: GraphStore) -> Path:
    """The index path, (re)built first when missing or older than the store's snapshot."""
    path = index_path(store.path)
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            (stamp,), = db.execute("SELECT sources FROM stamp").fetchall()
        if stamp == store.snapshot().sources:
            return path
    except (sqlite3.Error, ValueError):
        pass
    return build_index(store)


def _trigram_query(text: str) -> str | None:
    """An FTS5 query: any trigram of any word of `text` (words under three letters are dropped)."""
    grams = {w[i:i + 3] for w in text.casefold().split() for i in range(len(w) - 2)}
    grams = {g for g in grams if '"' not in g}
    return " OR ".join(f'"{g}"' for g in sorted(grams)) or None


def _score(query: str, text: str) -> float:
    """How well `text` contains `query`, 0-100, ignoring case, accents and punctuation: 100 when it
    contains it, else the best similarity of the query to a run of as many words of the text."""
    q, t = normalise_name(query), normalise_name(text)
    if not q or not t:
        return 0.0
    if q in t:
        return 100.0
    words, n = t.split(), len(q.split())
    runs = [" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))]
    return max(fuzz.ratio(q, run) for run in runs)


def _candidates(path: Path, query: str, sql: str) -> list[tuple]:
    """The index's best CANDIDATES rows for `query` (none when the query has no trigram), for rescoring."""
    fts = _trigram_query(query)
    if fts is None:
        return []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(sql, (fts, CANDIDATES)).fetchall()


def search_names(path: Path, query: str, limit: int = 100) -> list[NameHit]:
    """Entities whose name or variant is close to `query`, best first, one hit per entity."""
    rows = _candidates(path, query, "SELECT name, id, kind FROM names WHERE names MATCH ? ORDER BY bm25(names) LIMIT ?")
    best: dict[str, NameHit] = {}
    for name, e, kind in rows:
        score = _score(query, name)
        if score >= NAME_SCORE and (e not in best or score > best[e].score):
            best[e] = NameHit(e, kind, name, score)
    whole = {e: fuzz.ratio(normalise_name(query), normalise_name(h.name)) for e, h in best.items()}
    return sorted(best.values(), key=lambda h: (-h.score, -whole[h.id], h.name.casefold()))[:limit]


def search_text(path: Path, query: str, limit: int = 100) -> list[TextHit]:
    """Document lines that contain `query` or a near spelling of it, best first."""
    rows = _candidates(path, query, "SELECT text, doc, line FROM lines WHERE lines MATCH ? ORDER BY bm25(lines) LIMIT ?")
    hits = [TextHit(doc, line, text, _score(query, text)) for text, doc, line in rows]
    return sorted((h for h in hits if h.score >= TEXT_SCORE), key=lambda h: (-h.score, h.doc_id, h.line))[:limit]
