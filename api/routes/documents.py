"""`/documents`: the stored papers, and each one's facts with evidence."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter
from pyoxigraph import NamedNode

from api import queries
from api.deps import PageDep, StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES, NotFound
from api.queries.entities import properties
from api.routes.common import Key
from api.schemas import DocumentDetail, DocumentSummary, Evidence, Fact, Page, page
from graph.ids import document_graph

router = APIRouter(route_class=StoreRoute, prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)


def _summaries(store: Any) -> list[DocumentSummary]:
    return [DocumentSummary(**asdict(d)) for d in store.documents()]


@router.get("", response_model=Page[DocumentSummary], summary="List stored documents")
def list_documents(store: StoreDep, paging: PageDep) -> dict[str, Any]:
    return page(_summaries(store), paging.limit, paging.offset)


@router.get("/{doc_id}", response_model=DocumentDetail, summary="One document with its facts and evidence")
def get_document(doc_id: Key, store: StoreDep, paging: PageDep) -> DocumentDetail:
    found = [d for d in _summaries(store) if d.id == doc_id]
    if not found:
        raise NotFound(f"no stored document with id {doc_id!r}")
    doc = found[0]
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in queries.run(store, "document_facts", g=NamedNode(document_graph(doc.id))):
        rows[row["ev"]].append(row)
    facts = []
    for ev, ev_rows in rows.items():
        first = ev_rows[0]
        evidence = Evidence(id=ev, fact_type=first["type"], document=doc.id, document_name=doc.name,
                            line=first["line"], quote=first.get("quote"), extractor=first.get("extractor"),
                            href=f"/documents/{doc.id}")
        facts.append(Fact(id=first["fact"], type=first["type"], fields=properties(ev_rows), evidence=[evidence]))
    facts.sort(key=lambda f: (f.evidence[0].line, f.type or "", f.id))
    return DocumentDetail(**doc.model_dump(), fact_list=Page[Fact](**page(facts, paging.limit, paging.offset)))
