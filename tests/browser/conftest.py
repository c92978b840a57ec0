"""Browser fixtures: the sample store served by uvicorn on 127.0.0.1, and headless Chromium via Playwright.

The app is `api.main.create_app` when it mounts the views and UI routers, else a small
app made of those routers (plus the API's error handlers) over the same store.
"""
from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE.parent / "artifacts"
sys.path.insert(0, str(HERE.parent / "visualisations"))
sys.path.insert(0, str(HERE))

from vis_sample import build_store  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _app(data: Path) -> object:
    from api.routes import ui, views

    try:
        from api import main
        from api.settings import Settings
    except ImportError:
        main = None
    if main is not None and views in getattr(main, "ROUTERS", ()) and ui in getattr(main, "ROUTERS", ()):
        return main.create_app(Settings(data=data))
    from fastapi import FastAPI

    from api.errors import install_error_handlers
    from graph.store import GraphStore

    app = FastAPI()
    install_error_handlers(app)
    app.include_router(views.router)
    app.include_router(ui.router)
    app.state.store = GraphStore.open(data, read_only=True)
    return app


@contextmanager
def _served(data: Path) -> Iterator[str]:
    """The URL of the store at `data`, served by uvicorn on 127.0.0.1 while the context lasts."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(_app(data), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of the served sample store."""
    data = tmp_path_factory.mktemp("browser-store") / "data"
    build_store(data).close()
    with _served(data) as url:
        yield url


@pytest.fixture(scope="session")
def big_base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a served store whose membership view is big enough for the WebGL renderer."""
    from big_sample import build_big_store

    data = tmp_path_factory.mktemp("browser-big-store") / "data"
    build_big_store(data).close()
    with _served(data) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium at /usr/bin/chromium (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageProbe:
    """A page plus what it reported: console errors, page errors and requests to anywhere but the server."""

    def __init__(self, page: object, base_url: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda req: None if req.url.startswith((base_url, "data:")) else self.outside.append(req.url))

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture()
def probe(browser: object, base_url: str) -> Iterator[PageProbe]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield PageProbe(page, base_url)
    context.close()


@pytest.fixture()
def big_probe(browser: object, big_base_url: str) -> Iterator[PageProbe]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield PageProbe(page, big_base_url)
    context.close()
