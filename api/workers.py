"""Worker processes for the work requests ask of the store, so that any of it can be stopped.

Every request that reads the store (a SPARQL query, or a page or resource handler with the
queries it makes) runs in a child process that opens the store read-only. The app keeps two
pools of them: `sparql` for the SPARQL endpoint and `pages` for every other route that takes
the store. Each request is bounded in time from its arrival (waiting for a worker counts):

- a client (address) with `client_concurrency` requests in flight is answered 429 at once;
- a pool with four waiting requests per worker answers 503 at once;
- a request that cannot start, or does not finish, before its deadline is answered 503, and
  a worker running it is killed and replaced, so the work really stops;
- a request whose client disconnects has its worker killed too.

Refusals carry `Retry-After`: the seconds until the earliest running request must end.

Workers report the snapshot of the store they opened (graph.store.Snapshot); a pool adopts the
newest one any worker reports and replaces older workers as they come free, so one pool never
answers from two snapshots for longer than the requests in flight at the change.
"""
from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
import math
import os
import pickle
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_ROOT = Path(__file__).resolve().parent.parent
_FRAME = struct.Struct("!Q")
#: waiting requests allowed per worker before a pool refuses at once
QUEUE_PER_WORKER = 4
#: how often a running or waiting request checks that its client is still there
_POLL = 0.2
_SPAWN_TIMEOUT = 120.0
#: least seconds between two switches of a pool to a snapshot a new worker found (a build still
#: writing would otherwise have workers restart one after another until it ends)
_SWITCH_GAP = 5.0


@dataclass(frozen=True)
class CallJob:
    """A route handler to call in a worker with the worker's store: found by module and name."""

    module: str
    name: str
    kwargs: dict[str, Any]


# ---- the worker process ---------------------------------------------------------------------------

def _write(stream: Any, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _read(stream: Any) -> Any:
    header = stream.read(_FRAME.size)
    if len(header) < _FRAME.size:
        raise EOFError
    return pickle.loads(stream.read(_FRAME.unpack(header)[0]))


def worker_main(data: str, kind: str) -> None:  # pragma: no cover - runs in a child process
    """Serve jobs read (framed pickles) from stdin, writing outcomes to stdout, over a read-only store.

    The first message out is ("ready", snapshot).
    """
    channel_in, channel_out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the channel
    logging.basicConfig(level=logging.WARNING)
    _die_with_parent()
    from graph.store import GraphStore

    store = GraphStore.open(data, read_only=True)
    if kind == "pages":
        import api.main  # every router, so that jobs find their handlers

        threading.Thread(target=api.main.warm, args=(store,), daemon=True).start()
    _write(channel_out, ("ready", store.snapshot()))
    while True:
        try:
            job = _read(channel_in)
        except (EOFError, OSError):
            return
        outcome = _outcome(store, job)
        try:
            pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            log.exception("the outcome of %s cannot be sent", getattr(job, "name", "a query"))
            outcome = ("raise", RuntimeError(f"{type(exc).__name__}: {exc}"))
        _write(channel_out, outcome)


def _die_with_parent() -> None:  # pragma: no cover - runs in a child process
    """On Linux, have the kernel kill this worker when the server dies, even mid-query (the closed
    pipe alone would only be noticed after the query)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _outcome(store: Any, job: Any) -> tuple[str, Any]:
    from api.sparql import SparqlError, SparqlJob, execute

    try:
        if isinstance(job, SparqlJob):
            try:
                return "ok", execute(store.ox, job)
            except SparqlError:
                raise
            except Exception as exc:
                raise SparqlError(500, "internal_error", f"{type(exc).__name__}: {exc}") from None
        handler = getattr(importlib.import_module(job.module), job.name)
        return "ok", _plain(handler(store=store, **job.kwargs))
    except Exception as exc:
        from api.errors import ApiError

        if not isinstance(exc, (ApiError, SparqlError)):
            log.exception("%s failed in a worker", getattr(job, "name", "a query"))
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return "raise", exc


def _plain(value: Any) -> Any:
    """A handler's result with pydantic models as dicts (by alias, as FastAPI reads them back against
    the route's response model): generic models cannot be pickled."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


# ---- the app's side -------------------------------------------------------------------------------

@dataclass
class Ticket:
    """One request's claim on a pool: who asks, when it arrived (monotonic), how to tell it has gone."""

    client: str
    arrived: float
    gone: Callable[[], Awaitable[bool]] | None = None


class Clients:
    """Requests in flight per client address, each with its deadline."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._deadlines: dict[str, list[float]] = {}

    @contextmanager
    def admit(self, client: str, deadline: float) -> Iterator[None]:
        from api.errors import TooManyRequests

        mine = self._deadlines.setdefault(client, [])
        if len(mine) >= self.limit:
            raise TooManyRequests(f"{len(mine)} requests from {client} are already running; at most {self.limit} "
                                  f"at a time", retry_after=_seconds_until(min(mine)))
        mine.append(deadline)
        try:
            yield
        finally:
            mine.remove(deadline)
            if not mine:
                del self._deadlines[client]


def _seconds_until(when: float) -> int:
    return max(1, math.ceil(when - time.monotonic()))


class _Worker:
    """A child process running `worker_main`, talked to through asyncio pipes (no threads)."""

    def __init__(self, process: asyncio.subprocess.Process, snapshot: Any, generation: int) -> None:
        self.process, self.snapshot, self.generation = process, snapshot, generation
        self.deadline = 0.0

    @classmethod
    async def spawn(cls, data: Path, kind: str, generation: int) -> _Worker:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_ROOT), env.get("PYTHONPATH")]))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-c", "import sys; from api.workers import worker_main; worker_main(*sys.argv[1:])",
            str(data), kind, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=env)
        worker = cls(process, None, generation)
        try:
            kind_, snapshot = await asyncio.wait_for(worker.receive(), _SPAWN_TIMEOUT)
        except BaseException:
            await worker.kill()
            raise
        worker.snapshot = snapshot
        return worker

    async def exchange(self, job: Any) -> tuple[str, Any]:
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        assert self.process.stdin is not None
        self.process.stdin.write(_FRAME.pack(len(data)) + data)
        await self.process.stdin.drain()
        return await self.receive()

    async def receive(self) -> Any:
        assert self.process.stdout is not None
        header = await self.process.stdout.readexactly(_FRAME.size)
        return pickle.loads(await self.process.stdout.readexactly(_FRAME.unpack(header)[0]))

    async def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
        await self.process.wait()


class WorkerPool:
    """`size` workers of one kind ("sparql" or "pages") over the data directory; `timeout` bounds
    each request from its arrival; `what` names a request in messages ("the query")."""

    def __init__(self, data: Path, kind: str, size: int, timeout: float, clients: Clients, what: str) -> None:
        self.data, self.kind, self.size, self.timeout = data, kind, size, timeout
        self.clients, self.what = clients, what
        self.snapshot: Any = None
        self.generation = 0
        self._switched = -_SWITCH_GAP
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._waiters: deque[asyncio.Future[_Worker]] = deque()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    async def start(self) -> None:
        for worker in await asyncio.gather(*(_Worker.spawn(self.data, self.kind, 0) for _ in range(self.size))):
            self._adopt(worker)
            self._release(worker)

    async def run(self, job: Any, ticket: Ticket) -> tuple[Any, Any]:
        """(the job's result, the snapshot it was answered from); raises what the job raised,
        TooManyRequests (429), Overloaded (503), QueryTimeout (503) or ClientGone."""
        from api.errors import Overloaded, QueryTimeout

        deadline = ticket.arrived + self.timeout
        with self.clients.admit(ticket.client, deadline):
            if len(self._waiters) >= QUEUE_PER_WORKER * self.size:
                raise Overloaded(f"{len(self._waiters)} requests are already waiting for a worker",
                                 retry_after=self.retry_after())
            worker = await self._acquire(deadline, ticket)
            worker.deadline = deadline
            self._busy.add(worker)
            try:
                kind, payload = await self._watch(worker.exchange(job), deadline, ticket)
            except TimeoutError:
                self._discard(worker)
                raise QueryTimeout(f"{self.what} ran longer than {self.timeout:g} s (counted from its arrival) and "
                                   f"was stopped", retry_after=self.retry_after()) from None
            except (EOFError, OSError, asyncio.IncompleteReadError, pickle.UnpicklingError):
                self._discard(worker)
                raise RuntimeError(f"the {self.kind} worker stopped") from None
            except BaseException:  # the client went away, or the server is stopping
                self._discard(worker)
                raise
            self._busy.discard(worker)
            self._release(worker)
        if kind == "raise":
            raise payload
        return payload, worker.snapshot

    def retry_after(self) -> int:
        """Seconds until the earliest running request must have ended (at least 1)."""
        return _seconds_until(min((w.deadline for w in self._busy), default=time.monotonic() + 1))

    def renew(self) -> None:
        """The store changed: replace every worker (idle ones now, busy ones when they come free)."""
        self.generation += 1
        self.snapshot = None  # the first new worker names it
        for worker in list(self._idle):
            self._idle.remove(worker)
            self._discard(worker)

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for worker in self._idle + list(self._busy):
            await worker.kill()
        self._idle.clear()
        self._busy.clear()

    # internals

    async def _acquire(self, deadline: float, ticket: Ticket) -> _Worker:
        from api.errors import Overloaded

        if self._idle:
            return self._idle.pop()
        waiter: asyncio.Future[_Worker] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await self._watch(asyncio.shield(waiter), deadline, ticket)
        except BaseException as exc:
            if waiter.done() and not waiter.cancelled():
                self._release(waiter.result())
            else:
                waiter.cancel()
            if isinstance(exc, TimeoutError):
                raise Overloaded(f"no worker came free within {self.timeout:g} s of the request's arrival",
                                 retry_after=self.retry_after()) from None
            raise
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
        return waiter.result()

    async def _watch(self, awaitable: Awaitable[Any], deadline: float, ticket: Ticket) -> Any:
        """The awaitable's result; TimeoutError past the deadline, ClientGone when the client left."""
        from api.errors import ClientGone

        task = asyncio.ensure_future(awaitable)
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                done, _ = await asyncio.wait({task}, timeout=min(_POLL, left))
                if done:
                    return task.result()
                if ticket.gone is not None and await ticket.gone():
                    raise ClientGone("the client closed the connection")
        finally:
            if not task.done():
                task.cancel()

    def _adopt(self, worker: _Worker) -> None:
        """Take a new worker's snapshot as the pool's: a different one is newer (the store only moves
        forward), so the older workers are replaced, at most once per _SWITCH_GAP seconds."""
        if worker.snapshot != self.snapshot:
            if self.snapshot is not None and time.monotonic() - self._switched >= _SWITCH_GAP:
                log.info("%s workers: snapshot %s replaces %s", self.kind, worker.snapshot, self.snapshot)
                self.renew()
                self._switched = time.monotonic()
            self.snapshot = worker.snapshot
        worker.generation = self.generation

    def _release(self, worker: _Worker) -> None:
        if worker.generation != self.generation or self._closed:
            self._discard(worker)
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    def _discard(self, worker: _Worker) -> None:
        """Kill a worker and start its replacement, in the background."""
        self._busy.discard(worker)
        self._background(self._replace(worker))

    async def _replace(self, worker: _Worker) -> None:
        await worker.kill()
        delay = 0.5
        while not self._closed:
            try:
                fresh = await _Worker.spawn(self.data, self.kind, self.generation)
            except Exception:
                log.exception("a %s worker did not start; retrying in %g s", self.kind, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30)
                continue
            if self._closed:
                await fresh.kill()
                return
            self._adopt(fresh)
            self._release(fresh)
            return

    def _background(self, coro: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


# ---- routes whose handler takes the store run in the `pages` pool ---------------------------------

def ticket_of(request: Any) -> Ticket:
    """The ticket of a Starlette request: its client address, arrival (set by the app's middleware)."""
    client = request.client.host if request.client else "unknown"
    arrived = request.scope.get("state", {}).get("arrived", time.monotonic())
    return Ticket(client, arrived, request.is_disconnected)


def in_worker(handler: Callable[..., Any]) -> Callable[..., Any]:
    """An async endpoint with the handler's parameters (less `store`) that calls the handler in a
    `pages` worker, with the worker's store. An app without pools (a bare router app a test makes)
    calls it in a thread with `app.state.store`."""
    from fastapi import Request
    from starlette.concurrency import run_in_threadpool

    signature = inspect.signature(handler, eval_str=True)
    params = [p for name, p in signature.parameters.items() if name != "store"]
    params.append(inspect.Parameter("gg_request", inspect.Parameter.KEYWORD_ONLY, annotation=Request))

    async def endpoint(**kwargs: Any) -> Any:
        request = kwargs.pop("gg_request")
        pools: dict[str, WorkerPool] | None = getattr(request.app.state, "pools", None)
        if pools is None:
            return await run_in_threadpool(handler, store=request.app.state.store, **kwargs)
        pool = pools["pages"]
        result, snapshot = await pool.run(CallJob(handler.__module__, handler.__name__, kwargs), ticket_of(request))
        request.state.snapshot = snapshot
        return result

    endpoint.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
        setattr(endpoint, attr, getattr(handler, attr))
    return endpoint


def takes_store(handler: Callable[..., Any]) -> bool:
    return "store" in inspect.signature(handler).parameters and not inspect.iscoroutinefunction(handler)
