"""Dependencies shared by the routers, as `Annotated` aliases."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request

from api.settings import Settings
from api.sparql import SparqlRunner


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Any:
    """The GraphStore opened (read-only) by the app's lifespan."""
    return request.app.state.store


def get_runner(request: Request) -> SparqlRunner:
    return request.app.state.runner


class PageParams:
    """`limit` and `offset` of a paged list."""

    def __init__(self,
                 limit: Annotated[int, Query(ge=1, le=1000, description="most items to return")] = 50,
                 offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0) -> None:
        self.limit = limit
        self.offset = offset


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Any, Depends(get_store)]
RunnerDep = Annotated[SparqlRunner, Depends(get_runner)]
PageDep = Annotated[PageParams, Depends()]
