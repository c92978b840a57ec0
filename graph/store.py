"""The on-disk graph store: one named graph per document version, written atomically.

Layout of a data directory: `store/` (Oxigraph, RocksDB), `texts/{doc_id}.txt` and
`derived.json`, which names the documents (and overrides) the derived graphs were last built
from. `GraphStore.dataset` gives the same data as an rdflib Dataset (oxrdflib); hot paths use
the pyoxigraph store `GraphStore.ox` directly.

The derived graphs are graph.derived's: a build calls its step after the documents, and
`api.build.open_store` (how the CLI opens for writing) repairs them when missing or older, so a
build that died between its last document and the derived step is repaired by the next open.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset

import ontology
from extract.records import Extraction
from graph import ids, sparql
from graph.errors import DocumentNotFound, QueryError, StoreError, StoreLocked
from graph.mapping import extraction_to_quads
from graph.texts import TextFiles

log = logging.getLogger(__name__)

DEFAULT_PATH = Path("govgraph-data")

DERIVED_STAMP = "derived.json"

FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
           "turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document version."""

    id: str
    name: str
    path: str
    title: str | None
    date: date | None
    facts: int
    graph: str


@dataclass(slots=True)
class WriteResult:
    """What `write_extraction` did: written or skipped, and the versions it replaced."""

    doc_id: str
    written: bool
    quads: int = 0
    replaced: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a store holds: `sources` digests the stored document versions and the overrides file;
    `derived` is the `sources` digest the derived graphs were built from (None: never built)."""

    sources: str
    derived: str | None

    @property
    def current(self) -> bool:
        """Whether the derived graphs were built from exactly these documents."""
        return self.derived == self.sources

    def __str__(self) -> str:
        return self.sources if self.current else f"{self.sources}; derived-stale"


class GraphStore:
    """Documents' graphs in an Oxigraph store under a data directory."""

    def __init__(self, path: Path, store: ox.Store, read_only: bool) -> None:
        self.path = path
        self.ox = store
        self.read_only = read_only
        self.texts = TextFiles(path / "texts")
        self._dataset: Dataset | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str] = DEFAULT_PATH, read_only: bool = False) -> GraphStore:
        """Open (creating unless read-only) the store in a data directory."""
        root = Path(path)
        db = root / "store"
        try:
            if read_only:
                if not db.is_dir():
                    raise StoreError(f"no graph store at {root}")
                store = ox.Store.read_only(str(db))
            else:
                root.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(db))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(f"the graph store at {root} is open for writing elsewhere") from exc
            raise StoreError(f"cannot open the graph store at {root}: {exc}") from exc
        return cls(root, store, read_only)

    def close(self) -> None:
        """Flush and release the store (the object is unusable afterwards)."""
        if not self.read_only:
            self.ox.flush()
        self._dataset = None
        del self.ox

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset (oxrdflib), with govgraph's prefixes bound."""
        if self._dataset is None:
            self._dataset = Dataset(store=OxigraphStore(store=self.ox))
            for prefix, iri in ontology.PREFIXES.items():
                self._dataset.bind(prefix, iri)
        return self._dataset

    def __len__(self) -> int:
        return len(self.ox)

    # queries

    def query(self, query: str, **bindings: Any) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts of Python values; bindings are bound as RDF terms.

        Each binding's name must be a projected variable of the query (str → literal,
        date → xsd:date; pass a pyoxigraph NamedNode for an IRI). The default graph is
        the union of the document graphs, so a triple stated in two documents matches
        twice: use DISTINCT, or GRAPH ?g. ASK gives [{"result": bool}].
        """
        if sparql.uses_service(query):
            raise QueryError("SERVICE (a federated query) is refused: the store does not call other endpoints")
        try:
            result = self.ox.query(sparql.PROLOGUE + query, use_default_graph_as_union=True,
                                   substitutions=sparql.substitutions(bindings))
        except (SyntaxError, RuntimeError, ValueError) as exc:
            raise QueryError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc
        if isinstance(result, ox.QueryBoolean):
            return [{"result": bool(result)}]
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK queries give rows")
        names = [v.value for v in result.variables]
        return [{name: sparql.to_python(row[name]) for name in names} for row in result]

    def run(self, name: str, **bindings: Any) -> list[dict[str, Any]]:
        """Rows of a stored query (graph/queries/{name}.rq), its parameters bound by sparql.bind."""
        return self.query(sparql.bind(sparql.load_query(name), bindings))

    # documents

    def documents(self) -> list[DocumentInfo]:
        """Every stored document version, by file name."""
        return [DocumentInfo(r["id"], r["name"], r["path"], r["title"], r["date"], r["facts"], r["g"])
                for r in self.run("list_documents")]

    def document(self, doc_id: str) -> DocumentInfo:
        """The stored document version with that id; DocumentNotFound otherwise."""
        for doc in self.documents():
            if doc.id == doc_id:
                return doc
        raise DocumentNotFound(f"no stored document with id {doc_id!r}")

    def has_document(self, doc_id: str) -> bool:
        try:
            graph = ox.NamedNode(ids.document_graph(doc_id))
        except ValueError:
            return False
        return self.ox.contains_named_graph(graph)

    def document_for_path(self, path: str | os.PathLike[str]) -> DocumentInfo | None:
        """The stored version of the file at `path` (compared as absolute paths)."""
        wanted = os.path.abspath(path)
        found = [d for d in self.documents() if os.path.abspath(d.path) == wanted]
        return found[0] if found else None

    def _ids_at(self, abspath: str) -> list[str]:
        """Ids of the stored versions of the file at an absolute path (no fact counts)."""
        return sorted({r["id"] for r in self.run("document_paths") if os.path.abspath(r["path"]) == abspath})

    def count_facts_by_type(self) -> dict[str, int]:
        return {r["type"]: r["count"] for r in self.run("count_facts_by_type")}

    def text_lines(self, doc_id: str) -> list[str] | None:
        """A stored document's text lines (index 0 is line 1), or None."""
        return self.texts.lines(doc_id)

    # writes

    def write_extraction(self, extraction: Extraction) -> WriteResult:
        """Store one document's graph in one transaction, replacing older versions of its file.

        A document already stored (same content id) is skipped. On any error nothing
        is written.
        """
        self._writable()
        doc = extraction.document
        if self.has_document(doc.id):
            return WriteResult(doc.id, written=False)
        quads = extraction_to_quads(extraction)
        wanted = os.path.abspath(doc.path)
        old = [i for i in self._ids_at(wanted) if i != doc.id]
        staged = self.texts.stage(doc.id, doc.lines)
        try:
            self.ox.update(_replace_graphs(old, ids.document_graph(doc.id), quads))
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
        self.texts.commit(staged, doc.id)
        for old_id in old:
            self.texts.remove(old_id)
        log.info("%s: stored %d quads (replaced %s)", doc.name, len(quads), ", ".join(old) or "none")
        return WriteResult(doc.id, written=True, quads=len(quads), replaced=old)

    def remove_document(self, path_or_id: str | os.PathLike[str]) -> list[str]:
        """Remove a document version by id, or every version stored for a path.

        Returns the ids removed: empty when nothing matched.
        """
        self._writable()
        key = str(path_or_id)
        if self.has_document(key):
            doomed = [key]
        else:
            wanted = os.path.abspath(key)
            doomed = self._ids_at(wanted)
        if not doomed:
            return []
        self.ox.update(_replace_graphs(doomed, None, []))
        for doc_id in doomed:
            self.texts.remove(doc_id)
        return doomed

    def write_derived(self, update: str, sources: str) -> None:
        """Apply the update rebuilding the derived graphs (graph.derived) in one transaction, then
        stamp them as built from `sources` (a `sources_digest`)."""
        self._writable()
        self.ox.update(update)
        self.ox.flush()
        self._write_stamp(sources)

    def snapshot(self) -> Snapshot:
        """The digest of what the store holds, and of what its derived graphs were built from."""
        try:
            stamp = json.loads((self.path / DERIVED_STAMP).read_text(encoding="utf-8"))["sources"]
        except (OSError, ValueError, KeyError, TypeError):
            stamp = None
        return Snapshot(self.sources_digest(), stamp)

    def sources_digest(self, overrides: str | os.PathLike[str] | None = None) -> str:
        """A digest of the stored document graphs and the overrides file."""
        graphs = sorted(g.value for g in self.ox.named_graphs()
                        if isinstance(g, ox.NamedNode) and g.value.startswith(ids.GRAPH_BASE))
        digest = hashlib.sha256("\n".join(graphs).encode("utf-8"))
        path = Path(overrides) if overrides is not None else find_overrides(self.path)
        if path is not None and path.is_file():
            digest.update(b"\0" + path.read_bytes())
        return digest.hexdigest()[:16]

    def _write_stamp(self, sources: str) -> None:
        """Replace the stamp atomically (write, sync, rename): readers see the old one or the new one."""
        staged = self.path / (DERIVED_STAMP + ".tmp")
        with open(staged, "w", encoding="utf-8") as out:
            json.dump({"sources": sources}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(staged, self.path / DERIVED_STAMP)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the graph store at {self.path} is open read-only")

    # serialisation

    def serialize(self, format: str = "nquads") -> bytes:
        """The whole store as nquads, trig, turtle (all graphs merged) or jsonld."""
        if format not in FORMATS:
            raise StoreError(f"unknown format {format!r} (one of {', '.join(FORMATS)})")
        if format == "jsonld":
            return _jsonld(self.ox)
        if format == "turtle":
            return ox.serialize(self.union_triples(), format=FORMATS[format], prefixes=ontology.PREFIXES)
        return self.ox.dump(format=FORMATS[format], prefixes=ontology.PREFIXES)

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of every graph."""
        return iter(self.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"))


#: file names of the overrides file kept in a data directory (first found wins)
OVERRIDES_FILES = ("overrides.json", "overrides.yaml", "overrides.yml")


def find_overrides(data_dir: Path) -> Path | None:
    """The overrides file kept in a data directory, if any."""
    for name in OVERRIDES_FILES:
        if (data_dir / name).is_file():
            return data_dir / name
    return None


def keep_overrides(data_dir: Path, source: str | Path) -> Path:
    """Copy an overrides file into the data directory, where every later refresh reads it."""
    src = Path(source)
    suffix = src.suffix.lower() if src.suffix.lower() in (".yaml", ".yml") else ".json"
    for name in OVERRIDES_FILES:
        (data_dir / name).unlink(missing_ok=True)
    target = data_dir / ("overrides" + suffix)
    target.write_bytes(src.read_bytes())
    return target


def _replace_graphs(drop: list[str], graph: str | None, quads: list[ox.Quad]) -> str:
    """One SPARQL update (one transaction) dropping graphs and inserting one graph's quads.

    Terms are written by Oxigraph's own N-Triples serialiser, so values are escaped.
    """
    parts = [f"DROP SILENT GRAPH {ox.NamedNode(ids.document_graph(doc_id))} ;" for doc_id in drop]
    if graph and quads:
        parts.append(_insert(ox.NamedNode(graph), quads))
    return "\n".join(parts).rstrip(";")


def _insert(graph: ox.NamedNode, quads: list[ox.Quad]) -> str:
    """INSERT DATA of the quads' triples into one graph, terms written by Oxigraph itself."""
    body = "\n".join(f"{ox.Triple(q.subject, q.predicate, q.object)} ." for q in quads)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"


def _jsonld(store: ox.Store) -> bytes:
    """JSON-LD of the dataset, compacted with govgraph's prefixes as its @context."""
    dataset = Dataset()  # rdflib's memory store: its JSON-LD serialiser compacts with a context
    dataset.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    text = dataset.serialize(format="json-ld", context=dict(ontology.PREFIXES), auto_compact=True)
    return text.encode("utf-8")
