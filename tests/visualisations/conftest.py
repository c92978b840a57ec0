"""Fixtures for the view tests: a real store of hand-made facts and an app made of the view routers."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vis_sample import build_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    store = build_store(tmp_path_factory.mktemp("vis-store") / "data")
    yield store
    store.close()


@pytest.fixture(scope="module")
def views_app(sample_store: object) -> object:
    """A FastAPI app of the views and UI routers over the sample store (as create_app would mount them)."""
    from fastapi import FastAPI

    from api.errors import install_error_handlers
    from api.routes import ui, views

    app = FastAPI()
    install_error_handlers(app)
    app.include_router(views.router)
    app.include_router(ui.router)
    app.state.store = sample_store
    return app
