"""Dependencies shared by the routers, as `Annotated` aliases."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.routing import APIRoute

from api.settings import Settings
from api.workers import WorkerPool, in_worker, takes_store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Any:
    """The GraphStore opened (read-only) by the app's lifespan."""
    return request.app.state.store


def review_on(request: Request) -> bool:
    """Whether the review pages are served (the `review` setting): pages then link to them."""
    return bool(getattr(getattr(request.app.state, "settings", None), "review", False))


def get_runner(request: Request) -> WorkerPool:
    """The worker pool that runs SPARQL queries."""
    return request.app.state.pools["sparql"]


class StoreRoute(APIRoute):
    """The route class of every router: a (sync) handler that takes the store runs in a `pages`
    worker process with that worker's store (api.workers), bounded in time and stoppable."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, in_worker(endpoint) if takes_store(endpoint) else endpoint, **kwargs)


class PageParams:
    """`limit` and `offset` of a paged list."""

    def __init__(self,
                 limit: Annotated[int, Query(ge=1, le=1000, description="most items to return")] = 50,
                 offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0) -> None:
        self.limit = limit
        self.offset = offset


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Any, Depends(get_store)]
RunnerDep = Annotated[WorkerPool, Depends(get_runner)]
PageDep = Annotated[PageParams, Depends()]
ReviewDep = Annotated[bool, Depends(review_on)]
