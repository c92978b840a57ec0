"""The FastAPI application: REST resources, the SPARQL endpoint and exports over one read-only store.

Every request that reads the store runs in a worker process (api.workers), bounded in time from
its arrival. Every response names the snapshot of the store it was answered from
(`X-Govgraph-Snapshot`), and a build finished while the app runs (a new `derived.json` in the
data directory) moves the app and its workers to the new snapshot.
"""
from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from fastapi.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import queries
from api.errors import install_error_handlers
from api.routes import (bodies, documents, entities, exports, gaps, health, organisations, people, plans,
                        principles, review, sparql, ui, views)
from api.settings import Settings, get_settings
from api.workers import Clients, WorkerPool

log = logging.getLogger(__name__)

ROUTERS = (health, documents, entities, bodies, people, organisations, plans, principles, gaps, sparql, exports,
           views, ui, review)
SNAPSHOT_HEADER = "X-Govgraph-Snapshot"


def _open(settings: Settings):  # -> GraphStore
    from graph.store import GraphStore

    return GraphStore.open(settings.data, read_only=True)


def _counts(store: Any) -> dict[str, int]:
    return {"documents": len(store.documents()), "triples": len(store.ox)}


class StoreWatch:
    """Notices a finished build (the data directory's derived stamp replaced) and moves the app to
    the new snapshot: a new read-only store, new counts, new workers."""

    def __init__(self, app: FastAPI, settings: Settings) -> None:
        from graph.store import DERIVED_STAMP

        self.app, self.settings = app, settings
        self.path = settings.data / DERIVED_STAMP
        self.stamp = self._stat()
        self._reloading: asyncio.Task[None] | None = None

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    async def check(self) -> None:
        if self._stat() == self.stamp:
            return
        if self._reloading is None or self._reloading.done():
            self._reloading = asyncio.create_task(self._reload())
        await asyncio.shield(self._reloading)

    async def _reload(self) -> None:
        stamp = self._stat()
        store = await asyncio.to_thread(_open, self.settings)
        counts = await asyncio.to_thread(_counts, store)
        state = self.app.state
        old, state.store, state.counts, state.snapshot = state.store, store, counts, store.snapshot()
        self.stamp = stamp
        for pool in state.pools.values():
            pool.renew()
        log.info("serving snapshot %s", state.snapshot)
        old.close()


class RequestClock:
    """ASGI middleware: stamps each request's arrival (the start of its time budget), lets the app
    notice a finished build first, and names the snapshot the response was answered from."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["arrived"] = time.monotonic()
        owner = scope["app"].state
        watch: StoreWatch | None = getattr(owner, "watch", None)
        if watch is not None:
            await watch.check()

        async def send_with_snapshot(message: Message) -> None:
            if message["type"] == "http.response.start":
                snapshot = state.get("snapshot") or getattr(owner, "snapshot", None)
                if snapshot is not None:
                    message.setdefault("headers", [])
                    message["headers"] = [*message["headers"], (SNAPSHOT_HEADER.lower().encode(),
                                                                str(snapshot).encode())]
            await send(message)

        await self.app(scope, receive, send_with_snapshot)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    store = _open(settings)
    app.state.store = store
    app.state.counts = _counts(store)
    app.state.snapshot = store.snapshot()
    if not app.state.snapshot.current:
        log.warning("the derived graphs at %s are older than the documents; a build (or `govgraph serve`) "
                    "rebuilds them", settings.data)
    clients = Clients(settings.client_concurrency)
    app.state.pools = {
        "sparql": WorkerPool(settings.data, "sparql", settings.workers, settings.query_timeout, clients, "the query"),
        "pages": WorkerPool(settings.data, "pages", settings.workers, settings.request_timeout, clients,
                            "the request"),
    }
    await asyncio.gather(*(pool.start() for pool in app.state.pools.values()))
    app.state.watch = StoreWatch(app, settings)
    try:
        yield
    finally:
        for pool in app.state.pools.values():
            await pool.close()
        app.state.store.close()


#: parameter-free stored queries whose rows are kept for the store's lifetime (see api.queries.run)
WARM_QUERIES = ("principles", "alignments", "bodies", "organisations", "people", "plans", "gaps_plans",
                "gaps_principles", "gaps_actions", "gaps_vacancies", "search_index")


def warm(store: Any) -> None:
    """Run the slow parameter-free queries and load the membership timeline once (in a page
    worker, in the background), so first requests are fast too."""
    from api.queries.membership import view_of

    for name, load in [(name, lambda name=name: queries.run(store, name)) for name in WARM_QUERIES] + [
            ("membership timeline", lambda: view_of(store))]:
        try:
            load()
        except Exception:  # a failing query will fail (and be reported) in its own request
            log.exception("warming %s failed", name)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app over `settings.data`; the store is opened read-only at startup and again after each build."""
    # the API docs (Swagger UI, ReDoc) are served from the package: nothing loaded from a CDN
    app = FastAPIOffline(title="govgraph", version="0.1.0", lifespan=lifespan,
                  description="Boards, people, organisations, plans and principles read from council papers; "
                              "every fact with its evidence (document, line, quote, extractor).")
    app.state.settings = settings or get_settings()
    install_error_handlers(app)
    app.add_middleware(RequestClock)
    for module in ROUTERS:
        app.include_router(module.router)
    app.add_api_route("/", _home, include_in_schema=False)
    return app


def _home() -> RedirectResponse:
    """The web UI is the front page; the API's own index is /docs."""
    return RedirectResponse("/ui", status_code=307)
