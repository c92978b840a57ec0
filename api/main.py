"""The FastAPI application: REST resources, the SPARQL endpoint and exports over one read-only store."""
from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.routes import (bodies, documents, entities, exports, gaps, health, organisations, people, plans,
                        principles, sparql)
from api.settings import Settings, get_settings
from api.sparql import SparqlRunner

ROUTERS = (health, documents, entities, bodies, people, organisations, plans, principles, gaps, sparql, exports)


def _open(settings: Settings):  # -> GraphStore
    from graph.store import GraphStore

    return GraphStore.open(settings.data, read_only=True)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    store = _open(settings)
    app.state.store = store
    app.state.counts = {"documents": len(store.documents()), "triples": len(store.ox)}
    runner = SparqlRunner(store.ox, str(store.path / "store"), settings.query_timeout,
                          size=max(1, min(2, os.cpu_count() or 1)))
    await runner.start()
    app.state.runner = runner
    try:
        yield
    finally:
        await runner.close()
        store.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app over `settings.data`; the store is opened read-only once, at startup."""
    app = FastAPI(title="govgraph", version="0.1.0", lifespan=lifespan,
                  description="Boards, people, organisations, plans and principles read from council papers; "
                              "every fact with its evidence (document, line, quote, extractor).")
    app.state.settings = settings or get_settings()
    install_error_handlers(app)
    for module in ROUTERS:
        app.include_router(module.router)
    return app
