"""`/health`: liveness with document and triple counts."""
from __future__ import annotations

from fastapi import APIRouter, Request

from api.schemas import Health

from api.deps import StoreRoute

router = APIRouter(route_class=StoreRoute, tags=["health"])


@router.get("/health", response_model=Health, summary="Health, with document and triple counts")
def health(request: Request) -> Health:
    counts = request.app.state.counts
    return Health(status="ok", documents=counts["documents"], triples=counts["triples"])
