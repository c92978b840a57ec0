"""The FastAPI application: REST resources, the SPARQL endpoint and exports over one read-only store."""
from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from api import queries
from api.errors import install_error_handlers
from api.routes import (bodies, documents, entities, exports, gaps, health, organisations, people, plans,
                        principles, sparql, ui, views)
from api.settings import Settings, get_settings
from api.sparql import SparqlRunner

log = logging.getLogger(__name__)

ROUTERS = (health, documents, entities, bodies, people, organisations, plans, principles, gaps, sparql, exports,
           views, ui)


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
    warming = asyncio.create_task(asyncio.to_thread(_warm, store))
    try:
        yield
    finally:
        await warming
        await runner.close()
        store.close()


#: parameter-free stored queries whose rows are kept for the store's lifetime (see api.queries.run)
WARM_QUERIES = ("principles", "alignments", "bodies", "organisations", "people", "plans", "gaps_plans",
                "gaps_principles", "gaps_actions", "gaps_vacancies", "search_index")


def _warm(store: Any) -> None:
    """Run the slow parameter-free queries and load the membership timeline once in the background,
    so first requests are fast too."""
    from api.queries.membership import view_of

    for name, load in [(name, lambda name=name: queries.run(store, name)) for name in WARM_QUERIES] + [
            ("membership timeline", lambda: view_of(store))]:
        try:
            load()
        except Exception:  # a failing query will fail (and be reported) in its own request
            log.exception("warming %s failed", name)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app over `settings.data`; the store is opened read-only once, at startup."""
    app = FastAPI(title="govgraph", version="0.1.0", lifespan=lifespan,
                  description="Boards, people, organisations, plans and principles read from council papers; "
                              "every fact with its evidence (document, line, quote, extractor).")
    app.state.settings = settings or get_settings()
    install_error_handlers(app)
    for module in ROUTERS:
        app.include_router(module.router)
    app.add_api_route("/", _home, include_in_schema=False)
    return app


def _home() -> RedirectResponse:
    """The web UI is the front page; the API's own index is /docs."""
    return RedirectResponse("/ui", status_code=307)
