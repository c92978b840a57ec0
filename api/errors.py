"""HTTP errors and the one handler that turns every error into the same body.

Every error response has the body ``{"error": {"status": int, "code": str, "message": str}}``.

Exception tree::

    ApiError                 status 500, code "internal_error"
    ├── BadRequest           400, "bad_request"
    │   └── UpdateRefused    403, "read_only"        (SPARQL UPDATE sent to a read-only endpoint)
    ├── NotFound             404, "not_found"
    ├── NotAcceptable        406, "not_acceptable"
    ├── TooManyRequests      429, "too_many_requests"  (the client has too many requests running)
    ├── Overloaded           503, "overloaded"         (no worker came free in time, or too many wait)
    ├── QueryTimeout         503, "query_timeout"      (the work ran past its deadline and was stopped)
    └── ClientGone           499, "client_closed_request" (never delivered: the client has gone)

429 and 503 carry a `Retry-After` header (seconds).

Request validation errors (FastAPI's ``RequestValidationError``) become 422 "invalid_parameter";
Starlette's own HTTP errors (unknown route, wrong method) keep their status; anything else is
logged and becomes 500 "internal_error" without leaking details.
"""
from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """Base of the API's errors: each class carries its HTTP status and a stable code."""

    status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str, *, code: str | None = None, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        if code is not None:
            self.code = code

    def with_status(self, status: int) -> "ApiError":
        """The same error answered with another status (for errors mapped from other layers)."""
        self.status = status
        return self


class BadRequest(ApiError):
    status = 400
    code = "bad_request"


class UpdateRefused(BadRequest):
    status = 403
    code = "read_only"


class NotFound(ApiError):
    status = 404
    code = "not_found"


class NotAcceptable(ApiError):
    status = 406
    code = "not_acceptable"


class TooManyRequests(ApiError):
    status = 429
    code = "too_many_requests"


class Overloaded(ApiError):
    status = 503
    code = "overloaded"


class QueryTimeout(ApiError):
    status = 503
    code = "query_timeout"


class ClientGone(ApiError):
    status = 499
    code = "client_closed_request"


def error_body(status: int, code: str, message: str) -> dict[str, dict[str, object]]:
    """The one error body format."""
    return {"error": {"status": status, "code": code, "message": message}}


def error_response(status: int, code: str, message: str, retry_after: int | None = None) -> JSONResponse:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _handle(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.retry_after)
    if isinstance(exc, RequestValidationError):
        return error_response(422, "invalid_parameter", _describe_validation(exc))
    if isinstance(exc, StarletteHTTPException):
        code = HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_") if exc.status_code in HTTPStatus._value2member_map_ else "http_error"
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return error_response(exc.status_code, code, message)
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one handler."""
    for kind in (ApiError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, _handle)


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"description": HTTPStatus(status).phrase,
             "content": {"application/json": {"example": error_body(status, code, "…")}}}
    for status, code in ((400, "bad_request"), (404, "not_found"), (422, "invalid_parameter"),
                         (429, "too_many_requests"), (500, "internal_error"), (503, "overloaded"))
}
